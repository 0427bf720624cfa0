package scoring

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/laatu-fi/laatu/form"
)

func TestDedupe(t *testing.T) {
	set := builtin(t, "ips")
	other := builtin(t, "tyokyky")
	as := func(s Snapshot, source string) Snapshot { s.Source = source; return s }
	kateva := snap(set, "Kätevä Oy", "Kätevä", "2026-05-12", 4, nil)
	withCycle := func(s Snapshot, c *Cycle) Snapshot { s.Cycle = c; return s }
	plan := &Cycle{Kind: form.ReviewExternal, Rate: 45, HasRate: true, Plan: []form.Action{{Criterion: 17, Action: "Työnantajakäynnit"}}}
	otherPlan := &Cycle{Kind: form.ReviewExternal, Rate: 45, HasRate: true, Plan: []form.Action{{Criterion: 12, Action: "Etuusneuvonta"}}}
	tests := []struct {
		name     string
		in       []Snapshot
		wantKept []string
		wantDups []Duplicate
	}{
		{
			name:     "distinct dates kept",
			in:       []Snapshot{as(kateva, "a.yaml"), as(snap(set, "Kätevä Oy", "Kätevä", "2026-11-12", 4, nil), "b.yaml")},
			wantKept: []string{"a.yaml", "b.yaml"},
		},
		{
			name:     "same levels saved twice: counted once, first by name kept",
			in:       []Snapshot{as(kateva, "kateva.yaml"), as(kateva, "kateva.xlsx")},
			wantKept: []string{"kateva.xlsx"},
			wantDups: []Duplicate{{Kept: "kateva.xlsx", Dropped: "kateva.yaml", Provider: "Kätevä Oy", Unit: "Kätevä", Date: kateva.Date}},
		},
		{
			name:     "three copies",
			in:       []Snapshot{as(kateva, "c.csv"), as(kateva, "a.yaml"), as(kateva, "b.xlsx")},
			wantKept: []string{"a.yaml"},
			wantDups: []Duplicate{
				{Kept: "a.yaml", Dropped: "b.xlsx", Provider: "Kätevä Oy", Unit: "Kätevä", Date: kateva.Date},
				{Kept: "a.yaml", Dropped: "c.csv", Provider: "Kätevä Oy", Unit: "Kätevä", Date: kateva.Date},
			},
		},
		{
			name:     "different levels: both kept, the differing criteria named",
			in:       []Snapshot{as(kateva, "a.yaml"), as(snap(set, "Kätevä Oy", "Kätevä", "2026-05-12", 4, map[int]int{3: 2, 7: 5}), "b.xlsx")},
			wantKept: []string{"a.yaml", "b.xlsx"},
			wantDups: []Duplicate{{Kept: "a.yaml", Dropped: "b.xlsx", Provider: "Kätevä Oy", Unit: "Kätevä", Date: kateva.Date, Differ: []int{3, 7}}},
		},
		{
			name:     "a missing level differs from a given one",
			in:       []Snapshot{as(kateva, "a.yaml"), as(snap(set, "Kätevä Oy", "Kätevä", "2026-05-12", 4, nil, 25), "b.csv")},
			wantKept: []string{"a.yaml", "b.csv"},
			wantDups: []Duplicate{{Kept: "a.yaml", Dropped: "b.csv", Provider: "Kätevä Oy", Unit: "Kätevä", Date: kateva.Date, Differ: []int{25}}},
		},
		{
			name:     "same levels, only the later by name has the plan: the one with the plan is kept",
			in:       []Snapshot{as(kateva, "a.xlsx"), as(withCycle(kateva, plan), "b.yaml")},
			wantKept: []string{"b.yaml"},
			wantDups: []Duplicate{{Kept: "b.yaml", Dropped: "a.xlsx", Provider: "Kätevä Oy", Unit: "Kätevä", Date: kateva.Date}},
		},
		{
			name:     "same levels, the plan in the first file by name read last",
			in:       []Snapshot{as(kateva, "b.xlsx"), as(withCycle(kateva, plan), "a.yaml"), as(kateva, "c.csv")},
			wantKept: []string{"a.yaml"},
			wantDups: []Duplicate{
				{Kept: "a.yaml", Dropped: "b.xlsx", Provider: "Kätevä Oy", Unit: "Kätevä", Date: kateva.Date},
				{Kept: "a.yaml", Dropped: "c.csv", Provider: "Kätevä Oy", Unit: "Kätevä", Date: kateva.Date},
			},
		},
		{
			name:     "same levels and the same cycle: counted once",
			in:       []Snapshot{as(withCycle(kateva, plan), "b.xlsx"), as(withCycle(kateva, &Cycle{Kind: plan.Kind, Rate: plan.Rate, HasRate: true, Plan: append([]form.Action(nil), plan.Plan...)}), "a.yaml")},
			wantKept: []string{"a.yaml"},
			wantDups: []Duplicate{{Kept: "a.yaml", Dropped: "b.xlsx", Provider: "Kätevä Oy", Unit: "Kätevä", Date: kateva.Date}},
		},
		{
			name:     "same levels, different plans: both kept, the cycle said to differ",
			in:       []Snapshot{as(withCycle(kateva, plan), "a.yaml"), as(withCycle(kateva, otherPlan), "b.xlsx")},
			wantKept: []string{"a.yaml", "b.xlsx"},
			wantDups: []Duplicate{{Kept: "a.yaml", Dropped: "b.xlsx", Provider: "Kätevä Oy", Unit: "Kätevä", Date: kateva.Date, CycleDiffers: true}},
		},
		{
			name:     "undated assessments are never taken for one",
			in:       []Snapshot{as(snap(set, "Kätevä Oy", "Kätevä", "", 4, nil), "a.yaml"), as(snap(set, "Kätevä Oy", "Kätevä", "", 4, nil), "b.yaml")},
			wantKept: []string{"a.yaml", "b.yaml"},
		},
		{
			name:     "another unit, provider or set is another assessment",
			in:       []Snapshot{as(kateva, "a.yaml"), as(snap(set, "Kätevä Oy", "Kätevä 2", "2026-05-12", 4, nil), "b.yaml"), as(snap(set, "Muu Oy", "Kätevä", "2026-05-12", 4, nil), "c.yaml"), as(snap(other, "Kätevä Oy", "Kätevä", "2026-05-12", 4, nil), "d.yaml")},
			wantKept: []string{"a.yaml", "b.yaml", "c.yaml", "d.yaml"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kept, dups := Dedupe(tt.in)
			var sources []string
			for _, s := range kept {
				sources = append(sources, s.Source)
			}
			if diff := cmp.Diff(tt.wantKept, sources); diff != "" {
				t.Errorf("kept (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantDups, dups, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("duplicates (-want +got):\n%s", diff)
			}
		})
	}
}
