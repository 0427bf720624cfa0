package scoring

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
)

// rateItem reads one item, written as in an assessment file, checks it
// against set and returns the implied level, or the problems in English.
func rateItem(t *testing.T, set *criteria.Set, item string) string {
	t.Helper()
	src := fmt.Sprintf("criteria: %s\nprovider: P\nitems:\n  - %s\n", set.ID, item)
	a, err := form.ParseYAML([]byte(src), "t.yaml")
	if err != nil {
		return msg.Localize(err, "en")
	}
	if ps := form.Check(a, set); len(ps) > 0 {
		return ps.In("en")
	}
	r := Score(set, a)
	it := r.Items[0]
	for _, x := range r.Items {
		if x.Number() == a.Items[0].Criterion {
			it = x
		}
	}
	return fmt.Sprintf("level %d (%s)", it.Implied, it.Basis)
}

// Every rule at its edges and at the published examples, over both
// built-in sets: they must rate alike.
func TestRulesTable(t *testing.T) {
	cases := []struct{ item, want string }{
		// 17: scale points 2, 4, 5, 6; closest point; ties to the lower level.
		{"{criterion: 17, figure: 3.9}", "level 3 (figure)"}, // published example
		{"{criterion: 17, figure: 0}", "level 1 (figure)"},
		{"{criterion: 17, figure: 1.99}", "level 1 (figure)"},
		{"{criterion: 17, figure: 2}", "level 2 (figure)"},
		{"{criterion: 17, figure: 3}", "level 2 (figure)"},
		{"{criterion: 17, figure: 3.01}", "level 3 (figure)"},
		{"{criterion: 17, figure: 4.5}", "level 3 (figure)"},
		{"{criterion: 17, figure: 4.51}", "level 4 (figure)"},
		{"{criterion: 17, figure: 5.5}", "level 4 (figure)"},
		{"{criterion: 17, figure: 5.51}", "level 5 (figure)"},
		{"{criterion: 17, figure: 6}", "level 5 (figure)"},
		// 17: the tracking of contacts caps the level.
		{"{criterion: 17, figure: 6, inputs: {tracking: none}}", "level 2 (figure)"}, // published example
		{"{criterion: 17, figure: 6, inputs: {tracking: monthly-process}}", "level 3 (figure)"},
		{"{criterion: 17, figure: 6, inputs: {tracking: monthly-form}}", "level 4 (figure)"},
		{"{criterion: 17, figure: 6, inputs: {tracking: weekly-form}}", "level 5 (figure)"},
		{"{criterion: 17, figure: 3.9, inputs: {tracking: monthly-form}}", "level 3 (figure)"},
		{"{criterion: 17, figure: 1, inputs: {tracking: none}}", "level 1 (figure)"},
		{"{criterion: 17, inputs: {tracking: none}}", "level 0 ()"}, // a cap alone implies nothing
		// 17: the level-5 alternative for small caseloads, still capped.
		{"{criterion: 17, figure: 1, inputs: {small_caseloads: yes, tracking: weekly-form}}", "level 5 (figure)"},
		{"{criterion: 17, figure: 1, inputs: {small_caseloads: kyllä, tracking: monthly-form}}", "level 4 (figure)"},
		{"{criterion: 17, inputs: {small_caseloads: true}}", "level 5 (inputs)"},
		{"{criterion: 17, figure: 1, inputs: {small_caseloads: no}}", "level 1 (figure)"},
		// 17: one figure per specialist, their mean: 4.83 → point 5 → 4.
		{"{criterion: 17, figures: [5, 6, 3.5]}", "level 4 (figure)"},
		{"{criterion: 17, figures: [2, 4]}", "level 2 (figure)"}, // mean 3, halfway
		// 21: fewer than 10 current jobs is level 1 whatever the share.
		{"{criterion: 21, figure: 100, inputs: {current_jobs: 3}}", "level 1 (figure)"}, // published example
		{"{criterion: 21, figure: 100, inputs: {current_jobs: 9}}", "level 1 (figure)"},
		{"{criterion: 21, figure: 100, inputs: {current_jobs: 10}}", "level 5 (figure)"},
		{"{criterion: 21, figure: 100}", "level 5 (figure)"},
		{"{criterion: 21, inputs: {current_jobs: 0}}", "level 1 (inputs)"},
		{"{criterion: 21, inputs: {current_jobs: 12}}", "level 0 ()"},
		{"{criterion: 21, figure: 63.9, inputs: {current_jobs: 40}}", "level 1 (figure)"},
		{"{criterion: 21, figure: 64}", "level 2 (figure)"},
		{"{criterion: 21, figure: 94.9}", "level 4 (figure)"},
		{"{criterion: 21, figure: 95}", "level 5 (figure)"},
		// 1: clients and full-time equivalents.
		{"{criterion: 1, counts: {clients: 83, fte: 3.5}}", "level 4 (figure)"}, // published example: 23.7
		{"{criterion: 1, counts: {clients: 70, fte: 3.5}}", "level 5 (figure)"}, // 20
		{"{criterion: 1, counts: {clients: 70.35, fte: 3.5}}", "level 4 (figure)"},
		{"{criterion: 1, counts: {clients: 87.5, fte: 3.5}}", "level 4 (figure)"}, // 25
		{"{criterion: 1, counts: {clients: 105, fte: 3.5}}", "level 3 (figure)"},  // 30
		{"{criterion: 1, counts: {clients: 140, fte: 3.5}}", "level 2 (figure)"},  // 40
		{"{criterion: 1, counts: {clients: 141, fte: 3.5}}", "level 1 (figure)"},
		{"{criterion: 1, figures: [20, 30]}", "level 4 (figure)"},
		{"{criterion: 1, figures: [20]}", "level 5 (figure)"},
		// 2 and 24: per-specialist shares.
		{"{criterion: 2, figures: [90, 96, 100]}", "level 4 (figure)"},
		{"{criterion: 2, figures: [96, 96]}", "level 5 (figure)"},
		{"{criterion: 24, figures: [30, 30]}", "level 1 (figure)"},
		{"{criterion: 24, figures: [30, 31]}", "level 2 (figure)"},
		{"{criterion: 24, figure: 65}", "level 5 (figure)"},
		// Shares typed as fractions.
		{"{criterion: 2, figure: 0.92}", "t.yaml:4: criterion 2: 0.92 looks like a fraction; give the share as a percentage, 92"}, // published example
		{`{criterion: 2, figure: "0,92"}`, "t.yaml:4: criterion 2: 0.92 looks like a fraction; give the share as a percentage, 92"},
		{"{criterion: 2, figure: 1}", "level 1 (figure)"},
		{"{criterion: 2, figure: 0}", "level 1 (figure)"},
		{"{criterion: 21, figures: [0.5]}", "t.yaml:4: criterion 21: the criterion does not take one figure per specialist (figures): give one figure"},
		{"{criterion: 24, figures: [0.5, 40]}", "t.yaml:4: criterion 24: 0.5 looks like a fraction; give the share as a percentage, 50"},
		// Answers the criterion does not take, or malformed.
		{"{criterion: 15, figures: [20, 30]}", "t.yaml:4: criterion 15: the criterion does not take one figure per specialist (figures): give one figure"},
		{"{criterion: 17, figures: []}", "t.yaml:4: criterion 17: the figures list is empty: give one figure per employment specialist"},
		{"{criterion: 17, figures: [5, lots]}", `t.yaml:4: criterion 17: specialist figure 2 ("lots") is not a number`},
		{"{criterion: 17, figures: [5, -1]}", "t.yaml:4: criterion 17: specialist figure 2 (-1) is outside the accepted range: it must be at least 0"},
		{"{criterion: 17, figure: 5, figures: [5]}", "t.yaml:4: criterion 17: give the figure one way only: figure, figures"},
		{"{criterion: 1, counts: {clients: 83, fte: 0}}", "t.yaml:4: criterion 1: count fte is zero; it cannot be divided by"},
		{"{criterion: 1, counts: {clients: 83}}", "t.yaml:4: criterion 1: counts lacks fte; give clients and fte"},
		{"{criterion: 1, counts: {clients: 83, fte: 3.5, coaches: 4}}", `t.yaml:4: criterion 1: unknown count "coaches"; the criterion takes the counts clients and fte`},
		{"{criterion: 1, counts: {clients: many, fte: 3}}", `t.yaml:4: criterion 1: count clients ("many") is not a number of 0 or more`},
		{"{criterion: 2, counts: {clients: 83, fte: 3.5}}", "t.yaml:4: criterion 2: the criterion's figure is not computed from counts (counts)"},
		{"{criterion: 17, figure: 5, inputs: {tracking: sometimes}}", `t.yaml:4: criterion 17: the answer to tracking, "sometimes", is not accepted; options: none, monthly-process, monthly-form, weekly-form`},
		{"{criterion: 17, figure: 5, inputs: {small_caseloads: maybe}}", `t.yaml:4: criterion 17: the answer to small_caseloads, "maybe", is not accepted; options: yes, no`},
		{"{criterion: 17, figure: 5, inputs: {review: weekly}}", `t.yaml:4: criterion 17: unknown input "review"; the criterion's inputs: tracking, small_caseloads`},
		{"{criterion: 21, figure: 90, inputs: {current_jobs: 9.5}}", `t.yaml:4: criterion 21: the answer to current_jobs, "9.5", is not a count (a whole number of 0 or more)`},
		{"{criterion: 2, figure: 90, inputs: {tracking: none}}", "t.yaml:4: criterion 2: the criterion has no further questions (inputs)"},
	}
	for _, id := range []string{"tyokyky", "ips"} {
		set, ok := criteria.Builtin(id)
		if !ok {
			t.Fatal(id)
		}
		var want, got []string
		for _, c := range cases {
			want = append(want, c.item+" → "+c.want)
			got = append(got, c.item+" → "+rateItem(t, set, c.item))
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s (-want +got):\n%s", id, d)
		}
	}
}

// The explanation's steps for the published examples.
func TestRulesSteps(t *testing.T) {
	set := tyokyky(t)
	it := &form.Item{Criterion: 17, Figure: ptr(3.9), Inputs: map[string]string{"tracking": "monthly-form"}}
	got := Rate(set.Criterion(17), it)
	c17 := set.Criterion(17)
	want := Rated{Level: 3, Basis: BasisFigure, Figure: ptr(3.9), Steps: []Step{
		{Kind: StepFigure, Figure: 3.9, Unit: c17.Measure.Unit},
		{Kind: StepPoint, Point: 4, Closest: true, Ties: "lower"},
		{Kind: StepLevel, Level: 3},
		{Kind: StepInput, Text: c17.Input("tracking").Choice("monthly-form").Text},
	}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("17 (-want +got):\n%s", d)
	}
	it = &form.Item{Criterion: 17, Figure: ptr(6), Inputs: map[string]string{"tracking": "none"}}
	got = Rate(c17, it)
	want = Rated{Level: 2, Basis: BasisFigure, Figure: ptr(6.0), Steps: []Step{
		{Kind: StepFigure, Figure: 6, Unit: c17.Measure.Unit},
		{Kind: StepLevel, Level: 5},
		{Kind: StepInput, Text: c17.Input("tracking").Choice("none").Text},
		{Kind: StepCap, Level: 2},
		{Kind: StepLevel, Level: 2},
	}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("17 capped (-want +got):\n%s", d)
	}
}

func ptr(x float64) *float64 { return &x }

// Old assessment files, without any of the new answers, score exactly as
// before the rules came: these totals and levels were taken with laatu
// before the change (commit df9df0d).
func TestOldFilesScoreAsBefore(t *testing.T) {
	want := map[string]int{
		"kateva-2026-05.yaml":        86,
		"kateva-2026-11.yaml":        94,
		"lempaala-2026-09.yaml":      65,
		"siunsote-ips-2026-06.yaml":  106,
		"stadi-2026-10.yaml":         108,
		"vantaa-kerava-2026-11.yaml": 61,
	}
	files, err := filepath.Glob("../testdata/services/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatal("no service files", err)
	}
	got := map[string]int{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := form.ParseYAML(b, f)
		if err != nil {
			t.Fatal(err)
		}
		set, ok := criteria.Builtin(a.Criteria)
		if !ok {
			t.Fatal(a.Criteria)
		}
		if ps := form.Check(a, set); len(ps) > 0 {
			t.Fatalf("%s: %s", f, ps.In("en"))
		}
		got[filepath.Base(f)] = Score(set, a).Total
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("totals (-before +now):\n%s", d)
	}
}

// Rate reads yes-no answers as people write them even when the item has
// not been through form.Check.
func TestRateYesNoUnchecked(t *testing.T) {
	c := tyokyky(t).Criterion(17)
	var got []int
	for _, v := range []string{"Kyllä", "TRUE", "y", "ei", "maybe"} {
		got = append(got, Rate(c, &form.Item{Criterion: 17, Figure: ptr(1), Inputs: map[string]string{"small_caseloads": v}}).Level)
	}
	if d := cmp.Diff([]int{5, 5, 5, 1, 1}, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}
