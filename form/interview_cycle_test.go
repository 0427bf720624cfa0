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
		"", "", // days on site left empty, no data sources (Enter = no)
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

// TestInterviewCycleReviewFacts: the days on site and each answered
// criterion's data sources, by number, name in any language or id; a bad
// answer is asked again, Enter keeps, - clears, b goes back, and the kind
// takes the Swedish words from the message table.
func TestInterviewCycleReviewFacts(t *testing.T) {
	set := miniSet(t)
	answers := details + criteriaEN + lines(
		"y", "n", // the cycle, no outcomes
		"egen", "", "", // kind in Swedish, no reviewers or organisation
		"400", "1,5", // days: 400 is past a year, 1.5 taken
		"y",                      // data sources
		"1 3", "5", "asiakirjat", // 1: records, interviews; 2: 5 refused, then documents
		"b", "", // back to 2, Enter keeps documents
		"observation, records", // 3
		"-",                    // 4: nothing
		"n", "n",               // no actions for 2 and 4
	)
	a, end, out, _ := run(t, set, "en", nil, nil, answers)
	if end != Finished {
		t.Errorf("ending %v, want finished\n%s", end, out)
	}
	opts := cmp.Options{cmpopts.IgnoreFields(Review{}, "Place")}
	if diff := cmp.Diff(&Review{Kind: ReviewSelf, DaysOnSite: fig(1.5)}, a.Review, opts); diff != "" {
		t.Errorf("review (-want +got):\n%s", diff)
	}
	got := map[int][]string{}
	for _, it := range a.Items {
		got[it.Criterion] = it.Sources
	}
	want := map[int][]string{1: {"records", "interviews"}, 2: {"documents"}, 3: {"observation", "records"}, 4: nil}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sources (-want +got):\n%s", diff)
	}
	for _, s := range []string{
		`"400" is not accepted. Accepted answers: a number 0–365, such as 1.5`,
		"The data sources by number: 1 records, 2 documents, 3 interviews, 4 observation.",
		`"5" is not accepted`,
		"Data sources of criterion 2 Phases (Enter = documents): ",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
	// Resumed, Enter keeps every answer of the review.
	again, _, out, _ := run(t, set, "fi", a, nil, lines("k", "", "", "", "", "", "", "", "", "", "", "", ""))
	if diff := cmp.Diff(a.Review, again.Review, opts); diff != "" {
		t.Errorf("the review after Enter (-want +got):\n%s", diff)
	}
	for _, s := range []string{"(Enter = oma-arvio)", "Päiviä paikan päällä (Enter = 1,5)", "(Enter = asiakasrekisteri ja -kirjaukset, haastattelut)"} {
		if !strings.Contains(out, s) {
			t.Errorf("resumed output lacks %q:\n%s", s, out)
		}
	}
}

// TestInterviewCyclePlanEdit: a finished file's plan at the next review.
// Nothing is left to rate, so the interview goes to the cycle; one action
// is marked done with a new owner, one removed, one kept by Enter, and a
// weak criterion gets a new action. Every step is saved.
func TestInterviewCyclePlanEdit(t *testing.T) {
	set := miniSet(t)
	start := &Assessment{Criteria: "mini", CriteriaVersion: "1", Provider: "P", Unit: "U", Date: date("2026-11-24"),
		Items: []Item{{Criterion: 1, Level: 4}, {Criterion: 2, Level: 2}, {Criterion: 3, Level: 3}, {Criterion: 4, Level: 1}},
		Plan: []Action{
			{Criterion: 2, Action: "Employer visits", Owner: "Tiina", Due: date("2026-09-30"), Status: StatusOpen},
			{Criterion: 4, Action: "Weekly meeting", Status: StatusInProgress},
			{Criterion: 1, Action: "Keep the caseload"},
		},
	}
	answers := lines(
		"y", "n", "", "", "", "", "", // the cycle: no outcomes, no review facts, no sources
		"y", "", "Ville", "", "maybe", "done", // action 1: Enter keeps the text, new owner, due kept, status done
		"y", "-", // action 2: removed
		"b", "b", "", "", // back to action 2's question and text: Enter keeps the yes and the removal
		"",                          // action 3: Enter = no change
		"y", "Team meeting", "", "", // criterion 3 (level 3) gets an action, due three months on
	)
	a, end, out, saves := run(t, set, "en", start, nil, answers)
	if end != Finished {
		t.Errorf("ending %v, want finished\n%s", end, out)
	}
	opts := cmp.Options{cmpopts.IgnoreFields(Action{}, "Place")}
	wantPlan := []Action{
		{Criterion: 2, Action: "Employer visits", Owner: "Ville", Due: date("2026-09-30"), Status: StatusDone},
		{Criterion: 1, Action: "Keep the caseload"},
		{Criterion: 3, Action: "Team meeting", Due: date("2027-02-24"), Status: StatusOpen},
	}
	if diff := cmp.Diff(wantPlan, a.Plan, opts); diff != "" {
		t.Errorf("plan (-want +got):\n%s\n%s", diff, out)
	}
	for _, s := range []string{
		"Every criterion already has a level.",
		"Action 1 of 3 of the plan: 2 ",
		"Tiina; due 2026-09-30; open",
		"Status (Enter = open): ",
		`"maybe" is not accepted. Accepted answers: open, in progress or done`,
		"Action 2 of 3 of the plan: 4 ",
		"(Enter = removed)",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
	if last := string(saves[len(saves)-1]); strings.Contains(last, "Weekly meeting") || !strings.Contains(last, "status: done") {
		t.Errorf("last save:\n%s", last)
	}
}

// The words for the kind of review are data: each language's message
// gives them, and every language's words are taken.
func TestKindWords(t *testing.T) {
	for answer, want := range map[string]string{
		"oma": ReviewSelf, "Itse": ReviewSelf, "self": ReviewSelf, "egen": ReviewSelf, "självvärdering": ReviewSelf, "oma-arvio": ReviewSelf,
		"u": ReviewExternal, "external review": ReviewExternal, "extern": ReviewExternal, "ulkoinen arviointi": ReviewExternal,
	} {
		if got, ok := kindFromAnswer(answer); !ok || got != want {
			t.Errorf("%q: %q %v, want %q", answer, got, ok, want)
		}
	}
	for _, bad := range []string{"", "o", "s", "maybe", "oma, u"} {
		if got, ok := kindFromAnswer(bad); ok {
			t.Errorf("%q is taken as %q", bad, got)
		}
	}
}
