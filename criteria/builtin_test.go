package criteria

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The embedded sets load, validate, and have the shape the scale has: 25
// criteria in three domains (1–3, 4–11, 12–25), the four bands, figures and
// checklists where DOMAIN.md says.
func TestBuiltinSets(t *testing.T) {
	if got, want := BuiltinIDs(), []string{"tyokyky", "ips"}; !cmp.Equal(got, want) {
		t.Fatalf("BuiltinIDs: %s", cmp.Diff(want, got))
	}
	wantDomains := map[string][]int{
		"henkilosto":    {1, 2, 3},
		"jarjestaminen": {4, 5, 6, 7, 8, 9, 10, 11},
		"sisalto":       {12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25},
	}
	wantMeasures := []int{1, 2, 15, 16, 17, 19, 20, 21, 24}
	wantChecklists := []int{5, 8, 10, 11, 13, 25}
	for _, id := range BuiltinIDs() {
		t.Run(id, func(t *testing.T) {
			s, ok := Builtin(id)
			if !ok {
				t.Fatal("not found")
			}
			if len(s.Criteria) != 25 || s.MaxTotal() != 125 {
				t.Errorf("%d criteria, max %d", len(s.Criteria), s.MaxTotal())
			}
			for dom, want := range wantDomains {
				var got []int
				for _, c := range s.InDomain(dom) {
					got = append(got, c.Number)
				}
				if !cmp.Equal(got, want) {
					t.Errorf("domain %s: %s", dom, cmp.Diff(want, got))
				}
			}
			var measures, checklists []int
			for _, c := range s.Criteria {
				if c.Measure != nil {
					measures = append(measures, c.Number)
				}
				if c.Checklist != nil {
					checklists = append(checklists, c.Number)
				}
				for level := MinLevel; level <= MaxLevel; level++ {
					for _, l := range []string{"fi", "en"} {
						if c.Anchor(level)[l] == "" {
							t.Errorf("criterion %d level %d: no %s anchor", c.Number, level, l)
						}
					}
				}
			}
			if !cmp.Equal(measures, wantMeasures) {
				t.Errorf("measures: %s", cmp.Diff(wantMeasures, measures))
			}
			if !cmp.Equal(checklists, wantChecklists) {
				t.Errorf("checklists: %s", cmp.Diff(wantChecklists, checklists))
			}
			bands := map[int]string{125: "exemplary", 115: "exemplary", 114: "good", 100: "good", 99: "fair", 74: "fair", 73: "not-supported", 25: "not-supported"}
			for total, want := range bands {
				if b := s.Band(total); b == nil || b.ID != want {
					t.Errorf("Band(%d) = %v, want %s", total, b, want)
				}
			}
		})
	}
}

// The thresholds of DOMAIN.md, at every edge, for both sets.
func TestBuiltinMeasureEdges(t *testing.T) {
	tests := []struct {
		criterion int
		figure    float64
		want      int
	}{
		{1, 0, 5}, {1, 20, 5}, {1, 20.1, 4}, {1, 23.7, 4}, {1, 25, 4}, {1, 25.5, 3}, {1, 30, 3}, {1, 31, 2}, {1, 40, 2}, {1, 41, 1}, {1, 200, 1},
		{2, 0, 1}, {2, 59.9, 1}, {2, 60, 2}, {2, 74.9, 2}, {2, 75, 3}, {2, 89.9, 3}, {2, 90, 4}, {2, 95, 4}, {2, 96, 5}, {2, 100, 5},
		{15, 0, 5}, {15, 30, 5}, {15, 31, 4}, {15, 60, 4}, {15, 61, 3}, {15, 150, 3}, {15, 151, 2}, {15, 270, 2}, {15, 271, 1},
		{16, 24.9, 1}, {16, 25, 2}, {16, 50, 3}, {16, 75, 4}, {16, 89.9, 4}, {16, 90, 5},
		{17, 1.9, 1}, {17, 2, 2}, {17, 3, 2}, {17, 4, 3}, {17, 5, 4}, {17, 6, 5}, {17, 9, 5},
		{19, 49.9, 1}, {19, 50, 2}, {19, 60, 3}, {19, 70, 4}, {19, 84.9, 4}, {19, 85, 5},
		{20, 49.9, 1}, {20, 85, 5},
		{21, 63.9, 1}, {21, 64, 2}, {21, 75, 3}, {21, 85, 4}, {21, 94.9, 4}, {21, 95, 5},
		{24, 30, 1}, {24, 30.5, 2}, {24, 40, 3}, {24, 50, 4}, {24, 64.9, 4}, {24, 65, 5},
	}
	for _, id := range BuiltinIDs() {
		s, _ := Builtin(id)
		for _, tt := range tests {
			got, ok := s.Criterion(tt.criterion).Measure.Level(tt.figure)
			if !ok || got != tt.want {
				t.Errorf("%s criterion %d figure %v: level %d (ok %v), want %d", id, tt.criterion, tt.figure, got, ok, tt.want)
			}
		}
		if _, ok := s.Criterion(2).Measure.Level(101); ok {
			t.Errorf("%s: 101 %% accepted as a share", id)
		}
		if _, ok := s.Criterion(1).Measure.Level(-1); ok {
			t.Errorf("%s: -1 clients accepted", id)
		}
	}
}

func TestBuiltinChecklistLevels(t *testing.T) {
	s, _ := Builtin(DefaultID)
	tests := []struct {
		criterion int
		counts    []int // level for 0, 1, 2, …
	}{
		{5, []int{1, 1, 2, 3, 4, 5}},
		{13, []int{1, 2, 3, 4, 5}},
		{25, []int{1, 1, 1, 2, 3, 4, 5}},
	}
	for _, tt := range tests {
		cl := s.Criterion(tt.criterion).Checklist
		var got []int
		for n := 0; n <= len(cl.Elements); n++ {
			got = append(got, cl.Level(n))
		}
		if !cmp.Equal(got, tt.counts) {
			t.Errorf("criterion %d: %s", tt.criterion, cmp.Diff(tt.counts, got))
		}
	}
}
