package report

import (
	"fmt"
	"strings"
	"testing"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/scoring"
)

// The explanation of implied levels, in both languages, for the published
// examples and every kind of step. Rewrite with go test -update.
func TestExplainGolden(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	cases := []form.Item{
		{Criterion: 17, Figure: f(3.9), Inputs: map[string]string{"tracking": "monthly-form"}},
		{Criterion: 17, Figure: f(6), Inputs: map[string]string{"tracking": "none"}},
		{Criterion: 17, Figure: f(3)},
		{Criterion: 17, Figure: f(5)},
		{Criterion: 17, Figures: []float64{5, 6, 3.5}, Inputs: map[string]string{"tracking": "weekly-form"}},
		{Criterion: 17, Figure: f(1), Inputs: map[string]string{"small_caseloads": "yes", "tracking": "monthly-form"}},
		{Criterion: 21, Figure: f(100), Inputs: map[string]string{"current_jobs": "3"}},
		{Criterion: 21, Inputs: map[string]string{"current_jobs": "3"}},
		{Criterion: 21, Figure: f(96), Inputs: map[string]string{"current_jobs": "12"}},
		{Criterion: 1, Counts: map[string]float64{"clients": 83, "fte": 3.5}},
		// Singular units: "1 nykyinen työsuhde", "1 asiakas / 1 htv".
		{Criterion: 21, Figure: f(100), Inputs: map[string]string{"current_jobs": "1"}},
		{Criterion: 1, Counts: map[string]float64{"clients": 1, "fte": 1}},
		{Criterion: 2, Figures: []float64{90, 96, 100}},
		{Criterion: 5, Checked: []string{}},
	}
	var b strings.Builder
	for _, id := range []string{"tyokyky", "ips"} {
		set, ok := criteria.Builtin(id)
		if !ok {
			t.Fatal(id)
		}
		for _, lang := range []string{"fi", "en"} {
			fmt.Fprintf(&b, "# %s %s\n", id, lang)
			for i := range cases {
				it := cases[i]
				r := scoring.Rate(set.Criterion(it.Criterion), &it)
				fmt.Fprintf(&b, "%d: %s\n", it.Criterion, Explain(lang, r.Steps))
			}
			b.WriteString("\n")
		}
	}
	golden(t, "golden/explain.txt", []byte(b.String()))
}
