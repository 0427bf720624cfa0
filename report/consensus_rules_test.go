package report

import (
	"bytes"
	"testing"
	"time"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/scoring"
)

// The consensus report lists the rating rules' answers the raters gave
// differently, with each rater's answer, in text and Markdown.
func TestConsensusRuleAnswersGolden(t *testing.T) {
	set, _ := criteria.Builtin("tyokyky")
	mk := func(name string, items ...form.Item) scoring.Result {
		a := &form.Assessment{Criteria: "tyokyky", Provider: "P", Unit: "U", Raters: []string{name},
			Date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), Source: name + ".yaml", Items: items}
		if ps := form.Check(a, set); len(ps) > 0 {
			t.Fatal(ps)
		}
		return scoring.Score(set, a)
	}
	results := []scoring.Result{
		mk("Anna",
			form.Item{Criterion: 1, Counts: map[string]float64{"clients": 83, "fte": 3.5}},
			form.Item{Criterion: 17, Level: 3, Figures: []float64{3, 4, 4.7}, Inputs: map[string]string{"tracking": "monthly-form", "small_caseloads": "no"}},
			form.Item{Criterion: 21, Figure: new(100.0), Inputs: map[string]string{"current_jobs": "3"}}),
		mk("Pekka",
			form.Item{Criterion: 1, Counts: map[string]float64{"clients": 80, "fte": 3.5}},
			form.Item{Criterion: 17, Level: 3, Figures: []float64{4, 4}, Inputs: map[string]string{"tracking": "monthly-process"}},
			form.Item{Criterion: 21, Figure: new(100.0), Inputs: map[string]string{"current_jobs": "3"}}),
	}
	c := scoring.NewConsensus(results, 1)
	for _, tt := range []struct {
		golden string
		render func(*bytes.Buffer) error
	}{
		{"consensus-rules-fi.txt", func(b *bytes.Buffer) error { return ConsensusText(b, &c, ConsensusOptions{Lang: "fi", Width: 80}) }},
		{"consensus-rules-en.md", func(b *bytes.Buffer) error { return ConsensusMarkdown(b, &c, ConsensusOptions{Lang: "en"}) }},
	} {
		var b bytes.Buffer
		if err := tt.render(&b); err != nil {
			t.Fatal(err)
		}
		golden(t, "golden/"+tt.golden, b.Bytes())
	}
}
