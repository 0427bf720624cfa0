package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/laatu-fi/laatu/scoring"
)

// oneCriterionResult is a sample result cut down to one criterion that is
// not rated: 0 of 1 criteria rated.
func oneCriterionResult(t *testing.T) scoring.Result {
	t.Helper()
	r := sampleResults(t)[0]
	it := r.Items[0]
	it.Given, it.Implied, it.Level, it.Steps, it.Figure, it.Checked = 0, 0, 0, nil, nil, -1
	r.Items = []scoring.ItemResult{it}
	for _, d := range r.Domains {
		if d.Domain.ID == it.Criterion.Domain {
			d.Score, d.Max, d.Rated, d.Count, d.Mean = 0, 5, 0, 1, 0
			r.Domains = []scoring.DomainScore{d}
			break
		}
	}
	r.Total, r.Max, r.Rated, r.Count, r.Mean = 0, 5, 0, 1, 0
	r.Complete, r.Band, r.HasEstimate, r.Estimate, r.Earlier = false, nil, false, 0, nil
	return r
}

// The count of all criteria picks the noun's form: a set of one criterion
// is "0 of 1 criterion rated", never "0 of 1 criteria rated"
// (issue 17: Swedish printed "0 av 1 kriterier bedömda").
func TestIncompleteCountOfOneIsSingular(t *testing.T) {
	rs := []scoring.Result{oneCriterionResult(t)}
	cases := []struct{ lang, want, wrong string }{
		{"fi", "0/1 kriteeri arvioitu", "0/1 kriteeriä"},
		{"en", "0 of 1 criterion rated", "0 of 1 criteria"},
		{"sv", "0 av 1 kriterium bedömt", "0 av 1 kriterier"},
	}
	for _, c := range cases {
		for _, f := range []struct {
			name   string
			render func(*bytes.Buffer, []scoring.Result, ScoreOptions) error
		}{
			{"txt", func(b *bytes.Buffer, r []scoring.Result, o ScoreOptions) error { return ScoreText(b, r, o) }},
			{"md", func(b *bytes.Buffer, r []scoring.Result, o ScoreOptions) error { return ScoreMarkdown(b, r, o) }},
		} {
			var buf bytes.Buffer
			if err := f.render(&buf, rs, ScoreOptions{Lang: c.lang, Weakest: 3}); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			if !strings.Contains(out, c.want) {
				t.Errorf("%s %s: no %q in\n%s", c.lang, f.name, c.want, out)
			}
			if strings.Contains(out, c.wrong) {
				t.Errorf("%s %s: plural %q after a count of 1 in\n%s", c.lang, f.name, c.wrong, out)
			}
		}
	}
}
