package form_test

import (
	"testing"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/scoring"
)

// The level the interview proposes is the level laatu score implies, for
// every kind of answer the rules take, over both built-in sets.
func TestInterviewImpliedFollowsScoring(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	items := []form.Item{
		{Criterion: 17, Figure: f(3.9), Inputs: map[string]string{"tracking": "monthly-form"}},
		{Criterion: 17, Figure: f(6), Inputs: map[string]string{"tracking": "none"}},
		{Criterion: 17, Figure: f(3)},
		{Criterion: 17, Figures: []float64{5, 6, 3.5}, Inputs: map[string]string{"tracking": "weekly-form"}},
		{Criterion: 17, Figure: f(1), Inputs: map[string]string{"small_caseloads": "yes", "tracking": "monthly-form"}},
		{Criterion: 17, Inputs: map[string]string{"small_caseloads": "yes"}},
		{Criterion: 17, Inputs: map[string]string{"tracking": "none"}},
		{Criterion: 21, Figure: f(100), Inputs: map[string]string{"current_jobs": "3"}},
		{Criterion: 21, Inputs: map[string]string{"current_jobs": "3"}},
		{Criterion: 21, Figure: f(96), Inputs: map[string]string{"current_jobs": "12"}},
		{Criterion: 1, Counts: map[string]float64{"clients": 83, "fte": 3.5}},
		{Criterion: 1, Figures: []float64{18, 30}},
		{Criterion: 2, Figures: []float64{90, 96, 100}},
		{Criterion: 5, Checked: []string{}},
		{Criterion: 3},
	}
	for _, id := range []string{"tyokyky", "ips"} {
		set, _ := criteria.Builtin(id)
		for _, it := range items {
			c := set.Criterion(it.Criterion)
			want := scoring.Rate(c, &it).Level
			if got := form.Implied(c, &it); got != want {
				t.Errorf("%s %+v: interview proposes %d, score implies %d", id, it, got, want)
			}
		}
	}
}
