package form_test

import (
	"testing"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/scoring"
)

// FuzzRuleAnswers: whatever figures, counts and inputs a file gives, reading
// and checking never panic, and an item that passes Check gets a level of
// 0–5 with an explanation exactly when it has one.
func FuzzRuleAnswers(f *testing.F) {
	for _, s := range []string{
		"{criterion: 17, figures: [5, 6, 3.5], inputs: {tracking: monthly-form}}",
		"{criterion: 1, counts: {clients: 83, fte: 3.5}}",
		"{criterion: 21, figure: 100, inputs: {current_jobs: 3}}",
		"{criterion: 17, inputs: {small_caseloads: kyllä, tracking: none}}",
		"{criterion: 2, figure: 0.92}",
		"{criterion: 24, figures: [1e308, 1e308]}",
		"{criterion: 1, counts: {clients: 1e308, fte: 1e-308}}",
	} {
		f.Add(s)
	}
	set, ok := criteria.Builtin("ips")
	if !ok {
		f.Fatal("no ips set")
	}
	f.Fuzz(func(t *testing.T, item string) {
		a, err := form.ParseYAML([]byte("criteria: ips\nprovider: P\nitems:\n  - "+item+"\n"), "f.yaml")
		if err != nil {
			return
		}
		if ps := form.Check(a, set); len(ps) > 0 {
			return
		}
		for _, it := range scoring.Score(set, a).Items {
			if it.Implied < 0 || it.Implied > criteria.MaxLevel {
				t.Fatalf("criterion %d: implied level %d", it.Number(), it.Implied)
			}
			if (it.Implied != 0) != (len(it.Steps) > 0) {
				t.Fatalf("criterion %d: implied %d with %d steps", it.Number(), it.Implied, len(it.Steps))
			}
		}
	})
}
