package scoring

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
)

func tyokyky(t *testing.T) *criteria.Set {
	t.Helper()
	s, ok := criteria.Builtin("tyokyky")
	if !ok {
		t.Fatal("no tyokyky set")
	}
	return s
}

// assessmentWithTotal rates every criterion so that the levels sum to total
// (25–125): all at the base level, the remainder spread one by one.
func assessmentWithTotal(total int) *form.Assessment {
	a := &form.Assessment{Criteria: "tyokyky", Provider: "P"}
	base, extra := total/25, total%25
	for n := 1; n <= 25; n++ {
		level := base
		if n <= extra {
			level++
		}
		a.Items = append(a.Items, form.Item{Criterion: n, Level: level})
	}
	return a
}

// The band edges of DOMAIN.md: 73/74, 99/100, 114/115, and the ends.
func TestBandEdges(t *testing.T) {
	set := tyokyky(t)
	tests := []struct {
		total int
		band  string
	}{
		{25, "not-supported"}, {73, "not-supported"}, {74, "fair"}, {99, "fair"},
		{100, "good"}, {114, "good"}, {115, "exemplary"}, {125, "exemplary"},
	}
	for _, tt := range tests {
		r := Score(set, assessmentWithTotal(tt.total))
		if r.Total != tt.total || !r.Complete || r.Band == nil || r.Band.ID != tt.band {
			t.Errorf("total %d: got total %d complete %v band %v, want band %s", tt.total, r.Total, r.Complete, r.Band, tt.band)
		}
	}
}

func f64(x float64) *float64 { return &x }

// summary is what a reader of the result cares about, for go-cmp diffs.
type summary struct {
	Total, Max, Rated, Count int
	Mean                     float64
	Complete                 bool
	Band                     string
	Estimate                 float64
	HasEstimate              bool
	Domains                  []domainSummary
	Missing                  []int
	Levels                   map[int]int
	Conflicts                []conflict
}

type domainSummary struct {
	ID                       string
	Score, Max, Rated, Count int
}

type conflict struct {
	Criterion, Given, Implied int
	Basis                     Basis
}

func summarize(r Result) summary {
	s := summary{Total: r.Total, Max: r.Max, Rated: r.Rated, Count: r.Count, Mean: r.Mean, Complete: r.Complete,
		Estimate: r.Estimate, HasEstimate: r.HasEstimate, Missing: r.Missing(), Levels: r.Levels()}
	if r.Band != nil {
		s.Band = r.Band.ID
	}
	for _, d := range r.Domains {
		s.Domains = append(s.Domains, domainSummary{d.Domain.ID, d.Score, d.Max, d.Rated, d.Count})
	}
	for _, c := range r.Conflicts() {
		s.Conflicts = append(s.Conflicts, conflict{c.Number(), c.Given, c.Implied, c.Basis})
	}
	return s
}

func TestScore(t *testing.T) {
	set := tyokyky(t)
	full := func(level int) map[int]int {
		m := map[int]int{}
		for n := 1; n <= 25; n++ {
			m[n] = level
		}
		return m
	}
	tests := []struct {
		name  string
		items []form.Item
		want  summary
	}{
		{
			name:  "nothing rated",
			items: nil,
			want: summary{Max: 125, Count: 25, Missing: []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25},
				Levels:  map[int]int{},
				Domains: []domainSummary{{"henkilosto", 0, 15, 0, 3}, {"jarjestaminen", 0, 40, 0, 8}, {"sisalto", 0, 70, 0, 14}}},
		},
		{
			name: "incomplete: missing never counts as zero, no band, estimate",
			items: func() []form.Item {
				var its []form.Item
				for n := 1; n <= 24; n++ {
					its = append(its, form.Item{Criterion: n, Level: 4})
				}
				return its
			}(),
			want: summary{Total: 96, Max: 125, Rated: 24, Count: 25, Mean: 4, Estimate: 100, HasEstimate: true, Missing: []int{25},
				Levels:  func() map[int]int { m := full(4); delete(m, 25); return m }(),
				Domains: []domainSummary{{"henkilosto", 12, 15, 3, 3}, {"jarjestaminen", 32, 40, 8, 8}, {"sisalto", 52, 70, 13, 14}}},
		},
		{
			name:  "incomplete at 20 of 25: the fewest rated criteria with an estimate",
			items: levelsExcept(3, 21, 22, 23, 24, 25),
			want: summary{Total: 60, Max: 125, Rated: 20, Count: 25, Mean: 3, Estimate: 75, HasEstimate: true,
				Missing: []int{21, 22, 23, 24, 25}, Levels: func() map[int]int {
					m := full(3)
					for n := 21; n <= 25; n++ {
						delete(m, n)
					}
					return m
				}(),
				Domains: []domainSummary{{"henkilosto", 9, 15, 3, 3}, {"jarjestaminen", 24, 40, 8, 8}, {"sisalto", 27, 70, 9, 14}}},
		},
		{
			name:  "incomplete at 19 of 25: too few rated for an estimate",
			items: levelsExcept(3, 20, 21, 22, 23, 24, 25),
			want: summary{Total: 57, Max: 125, Rated: 19, Count: 25, Mean: 3,
				Missing: []int{20, 21, 22, 23, 24, 25}, Levels: func() map[int]int {
					m := full(3)
					for n := 20; n <= 25; n++ {
						delete(m, n)
					}
					return m
				}(),
				Domains: []domainSummary{{"henkilosto", 9, 15, 3, 3}, {"jarjestaminen", 24, 40, 8, 8}, {"sisalto", 24, 70, 8, 14}}},
		},
		{
			name: "figure and checklist imply a level when none is given",
			items: append(levelsExcept(3, 1, 5), form.Item{Criterion: 1, Figure: f64(23.7)},
				form.Item{Criterion: 5, Checked: []string{"weekly-team-meeting", "shared-record", "office-near-team"}}),
			want: summary{Total: 3*23 + 4 + 3, Max: 125, Rated: 25, Count: 25, Mean: 76.0 / 25, Complete: true, Band: "fair",
				Missing: []int{}, Levels: func() map[int]int { m := full(3); m[1] = 4; return m }(),
				Domains: []domainSummary{{"henkilosto", 10, 15, 3, 3}, {"jarjestaminen", 24, 40, 8, 8}, {"sisalto", 42, 70, 14, 14}}},
		},
		{
			name: "a given level that contradicts its figure is kept and reported",
			items: append(levelsExcept(5, 1, 13), form.Item{Criterion: 1, Level: 5, Figure: f64(24)},
				form.Item{Criterion: 13, Level: 5, Checked: []string{"revisited"}}),
			want: summary{Total: 125, Max: 125, Rated: 25, Count: 25, Mean: 5, Complete: true, Band: "exemplary",
				Missing: []int{}, Levels: full(5),
				Domains:   []domainSummary{{"henkilosto", 15, 15, 3, 3}, {"jarjestaminen", 40, 40, 8, 8}, {"sisalto", 70, 70, 14, 14}},
				Conflicts: []conflict{{1, 5, 4, BasisFigure}, {13, 5, 2, BasisChecklist}}},
		},
		{
			name:  "an empty checklist implies the lowest level",
			items: append(levelsExcept(2, 25), form.Item{Criterion: 25, Checked: []string{}}),
			want: summary{Total: 49, Max: 125, Rated: 25, Count: 25, Mean: 49.0 / 25, Complete: true, Band: "not-supported",
				Missing: []int{}, Levels: func() map[int]int { m := full(2); m[25] = 1; return m }(),
				Domains: []domainSummary{{"henkilosto", 6, 15, 3, 3}, {"jarjestaminen", 16, 40, 8, 8}, {"sisalto", 27, 70, 14, 14}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &form.Assessment{Criteria: "tyokyky", Provider: "P"}
			for _, it := range tt.items {
				a.SetItem(it)
			}
			got := summarize(Score(set, a))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// levelsExcept rates every criterion at level except the numbers given.
func levelsExcept(level int, except ...int) []form.Item {
	skip := map[int]bool{}
	for _, n := range except {
		skip[n] = true
	}
	var its []form.Item
	for n := 1; n <= 25; n++ {
		if !skip[n] {
			its = append(its, form.Item{Criterion: n, Level: level})
		}
	}
	return its
}

func TestWeakest(t *testing.T) {
	set := tyokyky(t)
	a := &form.Assessment{Criteria: "tyokyky", Provider: "P"}
	for n, level := range map[int]int{1: 5, 2: 3, 3: 2, 7: 2, 9: 4, 12: 5} {
		a.SetItem(form.Item{Criterion: n, Level: level})
	}
	r := Score(set, a)
	var got []int
	for _, w := range r.Weakest(4) {
		got = append(got, w.Number())
	}
	if diff := cmp.Diff([]int{3, 7, 2, 9}, got); diff != "" {
		t.Errorf("weakest (-want +got):\n%s", diff)
	}
	if n := len(r.Weakest(10)); n != 4 {
		t.Errorf("level-5 criteria listed as weak: %d", n)
	}
}

func TestEstimateMinRated(t *testing.T) {
	for count, want := range map[int]int{25: 20, 24: 20, 10: 8, 1: 1} {
		if got := EstimateMinRated(count); got != want {
			t.Errorf("EstimateMinRated(%d) = %d, want %d", count, got, want)
		}
	}
}
