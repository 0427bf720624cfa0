package form

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func intp(n int) *int { return &n }

// criteriaEN rates the mini set 4, 2, 5, 1: criteria 2 and 4 are weak.
var criteriaEN = lines("19", "4", "", "", "2", "", "", "y", "n", "n", "5", "", "", "1", "", "")

// TestInterviewCycle: after the criteria the interview offers the review
// cycle; a count above the caseload is asked again, b goes back a
// question, Enter keeps the earlier answer and takes the due date three
// months on, and every answer is saved.
func TestInterviewCycle(t *testing.T) {
	set := miniSet(t)
	answers := details + criteriaEN + lines(
		"y",                       // record the cycle
		"y",                       // outcomes
		"2026-07-01", "30.9.2026", // period
		"40", "41", "18", "6", "", // caseload, 41 > 40 asked again, job starts, jobs ended left empty
		"external", "Arja Arvioija, Pekka Parivirta", "THL",
		"y", "Meet six employers a month", "b", "", "Tiina", "", // criterion 2: back from the owner, Enter keeps the action; due by default
		"n", // criterion 4: no action
	)
	a, end, out, saves := run(t, set, "en", nil, nil, answers)
	if end != Finished {
		t.Errorf("ending %v, want finished\n%s", end, out)
	}
	wantOut := &Outcomes{Start: date("2026-07-01"), End: date("2026-09-30"), Caseload: intp(40), CompetitiveWork: intp(18), JobStarts: intp(6)}
	opts := cmp.Options{cmpopts.IgnoreFields(Outcomes{}, "Place"), cmpopts.IgnoreFields(Review{}, "Place"), cmpopts.IgnoreFields(Action{}, "Place")}
	if diff := cmp.Diff(wantOut, a.Outcomes, opts); diff != "" {
		t.Errorf("outcomes (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(&Review{Kind: ReviewExternal, Reviewers: []string{"Arja Arvioija", "Pekka Parivirta"}, Organisation: "THL"}, a.Review, opts); diff != "" {
		t.Errorf("review (-want +got):\n%s", diff)
	}
	wantPlan := []Action{{Criterion: 2, Action: "Meet six employers a month", Owner: "Tiina", Due: date("2027-02-24"), Status: StatusOpen}}
	if diff := cmp.Diff(wantPlan, a.Plan, opts); diff != "" {
		t.Errorf("plan (-want +got):\n%s", diff)
	}
	for _, s := range []string{
		"Record the review cycle too",
		`"41" is not accepted`,
		"Criterion 2 ",
		"is at level 2. The next level: 3 – ",
		"Action (Enter = Meet six employers a month): ",
		"Due date (Enter = 2027-02-24): ",
		"Criterion 4 ",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
	// The last file saved holds the plan: nothing waits for the end.
	if last := string(saves[len(saves)-1]); !strings.Contains(last, "Meet six employers a month") || !strings.Contains(last, "competitive_work: 18") {
		t.Errorf("last save:\n%s", last)
	}
}

// TestInterviewCycleDeclined: input that ends at the offer, or a no,
// finishes the interview with no cycle, as before.
func TestInterviewCycleDeclined(t *testing.T) {
	set := miniSet(t)
	for name, tail := range map[string]string{"end of input": "", "no": lines("n"), "enter": lines("")} {
		t.Run(name, func(t *testing.T) {
			a, end, out, _ := run(t, set, "en", nil, nil, details+criteriaEN+tail)
			if end != Finished || a.HasCycle() {
				t.Errorf("ending %v, cycle %v\n%s", end, a.HasCycle(), out)
			}
		})
	}
}
