package scoring

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/laatu-fi/laatu/form"
)

// ruleRaters is two raters who answer the rating rules: the same counts
// (1), different per-specialist figures and tracking but the same level
// (17), the same count of current jobs (21), and an open criterion (24)
// with the same figures.
func ruleRaters(t *testing.T) []Result {
	set := tyokyky(t)
	mk := func(name string, items ...form.Item) Result {
		a := &form.Assessment{Criteria: "tyokyky", Provider: "P", Unit: "U", Raters: []string{name},
			Date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), Source: name + ".yaml", Items: items}
		if ps := form.Check(a, set); len(ps) > 0 {
			t.Fatal(ps)
		}
		return Score(set, a)
	}
	return []Result{
		mk("Anna",
			form.Item{Criterion: 1, Counts: map[string]float64{"clients": 83, "fte": 3.5}},
			form.Item{Criterion: 17, Level: 3, Figures: []float64{3, 4, 4.7}, Inputs: map[string]string{"tracking": "monthly-form", "small_caseloads": "no"}},
			form.Item{Criterion: 21, Figure: f64(100), Inputs: map[string]string{"current_jobs": "3"}},
			form.Item{Criterion: 24, Level: 2, Figures: []float64{40, 50}},
		),
		mk("Pekka",
			form.Item{Criterion: 1, Counts: map[string]float64{"clients": 83, "fte": 3.5}},
			form.Item{Criterion: 17, Level: 3, Figures: []float64{4, 4}, Inputs: map[string]string{"tracking": "monthly-process", "small_caseloads": "no"}},
			form.Item{Criterion: 21, Figure: f64(100), Inputs: map[string]string{"current_jobs": "3"}},
			form.Item{Criterion: 24, Level: 4, Figures: []float64{40, 50}},
		),
	}
}

// The draft keeps the rule answers the raters gave alike on a settled
// criterion, none they gave differently (those go to the note with each
// rater's answer), and none on an open criterion.
func TestDraftKeepsRuleAnswers(t *testing.T) {
	c := NewConsensus(ruleRaters(t), 1)
	d := c.Draft("fi")
	want := []form.Item{
		{Criterion: 1, Level: 4, Counts: map[string]float64{"clients": 83, "fte": 3.5}},
		{Criterion: 17, Level: 3, Inputs: map[string]string{"small_caseloads": "no"},
			Note: "Anna: valmentajien luvut 3; 4; 4,7, Miten työnantajakontaktien seurantaa käydään läpi? seurantalomake käydään läpi kuukausittain; " +
				"Pekka: valmentajien luvut 4; 4, Miten työnantajakontaktien seurantaa käydään läpi? kontaktien seuranta käydään läpi kuukausittain"},
		{Criterion: 21, Level: 1, Figure: f64(100), Inputs: map[string]string{"current_jobs": "3"}},
		{Criterion: 24, Note: "Anna: 2 (valmentajien luvut 40; 50); Pekka: 4 (valmentajien luvut 40; 50)"},
	}
	if diff := cmp.Diff(want, d.Items, cmpopts.IgnoreFields(form.Item{}, "Place")); diff != "" {
		t.Errorf("draft items (-want +got):\n%s", diff)
	}
	// The draft is a valid assessment file.
	if ps := form.Check(d, tyokyky(t)); len(ps) > 0 {
		t.Errorf("draft does not fit the set: %v", ps)
	}
}

// RuleAnswers: what is alike and what differs, with each rater's answer
// as the report writes it.
func TestRuleAnswers(t *testing.T) {
	set := tyokyky(t)
	rs := ruleRaters(t)
	c := NewConsensus(rs, 1)
	it := c.Items[16]
	agreed, diffs := RuleAnswers(it.Answers)
	if diff := cmp.Diff(form.Item{Inputs: map[string]string{"small_caseloads": "no"}}, agreed); diff != "" {
		t.Errorf("agreed (-want +got):\n%s", diff)
	}
	var got [][]string
	for _, d := range diffs {
		got = append(got, []string{d.Name("en", set.Criterion(17)), d.Text("en", set.Criterion(17), 0), d.Text("en", set.Criterion(17), 1)})
	}
	want := [][]string{
		{"specialists' figures", "3; 4; 4.7", "4; 4"},
		{"How is the tracking of employer contacts reviewed?", "the tracking form is reviewed monthly", "the tracking of contacts is reviewed monthly"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diffs (-want +got):\n%s", diff)
	}
	// One rater without the answer: it differs, and the other shows "–".
	one := []*form.Item{{Criterion: 21, Inputs: map[string]string{"current_jobs": "12"}}, nil}
	_, diffs = RuleAnswers(one)
	if len(diffs) != 1 || diffs[0].Text("fi", set.Criterion(21), 0) != "12 nykyistä työsuhdetta" || diffs[0].Text("fi", set.Criterion(21), 1) != "–" {
		t.Errorf("one-sided answer: %+v", diffs)
	}
}
