package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/scoring"
)

// A key criterion whose level is implied by per-specialist figures and a
// further answer says, in the check's text and Markdown, how it was
// reached; a plain figure → level is not repeated.
func TestCheckShowsHowLevelIsImplied(t *testing.T) {
	set, _ := criteria.Builtin(criteria.DefaultID)
	p, _ := criteria.BuiltinProfile(criteria.DefaultProfileID)
	a := &form.Assessment{Criteria: set.ID, Provider: "P", Unit: "U", Date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), Source: "bid.yaml",
		Items: []form.Item{
			{Criterion: 1, Figure: new(18.0)},
			{Criterion: 17, Figures: []float64{3, 4, 4.7}, Inputs: map[string]string{"tracking": "monthly-form"}},
		}}
	if ps := form.Check(a, set); len(ps) > 0 {
		t.Fatal(ps)
	}
	e := scoring.Evaluate(p, set, []scoring.Result{scoring.Score(set, a)}, 0)
	for _, c := range []struct {
		render func(*bytes.Buffer) error
		want   string
	}{
		{func(b *bytes.Buffer) error { return CheckText(b, &e, CheckOptions{Lang: "fi", Width: 200}) },
			"\n  Päätelty taso: valmentajien luvut 3; 4; 4,7 → keskiarvo 3,9 kontaktia viikossa → lähin asteikon kohta 4 → taso 3; seurantalomake käydään läpi kuukausittain\n"},
		{func(b *bytes.Buffer) error { return CheckMarkdown(b, &e, CheckOptions{Lang: "en"}) },
			"| the specialists' figures 3, 4, 4.7 → mean 3.9 contacts a week → closest scale point 4 → level 3; the tracking form is reviewed monthly |"},
	} {
		var b bytes.Buffer
		if err := c.render(&b); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if !strings.Contains(out, c.want) {
			t.Errorf("output lacks %q:\n%s", c.want, out)
		}
		if strings.Count(out, "→ keskiarvo")+strings.Count(out, "→ mean") != 1 {
			t.Errorf("want exactly one explanation (criterion 17), got:\n%s", out)
		}
	}
}
