package form_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
)

const cycleYAML = `criteria: tyokyky
provider: P
unit: U
date: 2026-10-15
outcomes:
  period: {start: 2026-07-01, end: 2026-09-30}
  caseload: 40
  competitive_work: 18
  job_starts: 6
  jobs_ended: 2
review: {kind: external, reviewers: [Anna, Pekka], organisation: THL, days_on_site: 2}
items:
  - criterion: 17
    level: 3
    sources: [records, interviews]
plan:
  - {criterion: 17, action: "Weekly employer visits", owner: "Team lead", due: 2027-01-31, status: in-progress}
  - {criterion: 12, action: "Benefits counselling"}
`

func day(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }

func TestReadReviewCycle(t *testing.T) {
	a, err := form.ParseYAML([]byte(cycleYAML), "c.yaml")
	if err != nil {
		t.Fatal(err)
	}
	n := func(i int) *int { return &i }
	two := 2.0
	want := struct {
		O *form.Outcomes
		R *form.Review
		P []form.Action
		S []string
	}{
		O: &form.Outcomes{Start: day("2026-07-01"), End: day("2026-09-30"), Caseload: n(40), CompetitiveWork: n(18), JobStarts: n(6), JobsEnded: n(2)},
		R: &form.Review{Kind: "external", Reviewers: []string{"Anna", "Pekka"}, Organisation: "THL", DaysOnSite: &two},
		P: []form.Action{
			{Criterion: 17, Action: "Weekly employer visits", Owner: "Team lead", Due: day("2027-01-31"), Status: "in-progress"},
			{Criterion: 12, Action: "Benefits counselling"},
		},
		S: []string{"records", "interviews"},
	}
	got := want
	got.O, got.R, got.P, got.S = a.Outcomes, a.Review, a.Plan, a.Items[0].Sources
	ignore := cmpopts.IgnoreTypes(msg.Place{})
	if diff := cmp.Diff(want, got, ignore); diff != "" {
		t.Errorf("review cycle (-want +got):\n%s", diff)
	}
	if rate, ok := a.Outcomes.Rate(); !ok || rate != 45 {
		t.Errorf("rate %v %v, want 45", rate, ok)
	}
	if !a.HasCycle() {
		t.Error("HasCycle false")
	}
	// Written and read again, nothing is lost.
	var buf bytes.Buffer
	if err := form.WriteYAML(&buf, a); err != nil {
		t.Fatal(err)
	}
	b, err := form.ParseYAML(buf.Bytes(), "c.yaml")
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if diff := cmp.Diff(a, b, ignore); diff != "" {
		t.Errorf("round trip (-first +second):\n%s", diff)
	}
	for _, s := range []string{"start: 2026-07-01", "kind: external", "sources: [records, interviews]", "due: 2027-01-31"} {
		if !strings.Contains(buf.String(), s) {
			t.Errorf("written file lacks %q:\n%s", s, buf.String())
		}
	}
}

func TestReviewCycleProblems(t *testing.T) {
	head := "criteria: tyokyky\nprovider: P\n"
	for _, tc := range []struct{ name, yaml, want string }{
		{"decimal count", "outcomes: {caseload: 40.5}\n", `f.yaml:3: caseload: "40.5" is not accepted: give a whole number 0 or more`},
		{"negative count", "outcomes: {jobs_ended: -1}\n", `f.yaml:3: jobs_ended: "-1" is not accepted`},
		{"work over caseload", "outcomes: {caseload: 10, competitive_work: 11}\n", "f.yaml:3: competitive_work 11 is more than the caseload 10"},
		{"period order", "outcomes:\n  period: {start: 2026-09-30, end: 2026-07-01}\n", "f.yaml:4: the period ends (2026-07-01) before it starts (2026-09-30)"},
		{"period end missing", "outcomes:\n  period: {start: 2026-07-01}\n", `f.yaml:4: the period's date "end" is missing`},
		{"list count", "outcomes:\n  caseload: [1, 2]\n", "f.yaml:4: caseload: a list is not accepted here: give a whole number 0 or more"},
		{"unknown outcome", "outcomes: {clients: 4}\n", "f.yaml:3: unknown field \"clients\""},
		{"kind", "review: {kind: peer}\n", `f.yaml:3: the review kind "peer" is not accepted: write self (self-assessment) or external (external review)`},
		{"days", "review: {days_on_site: two}\n", `f.yaml:3: days_on_site "two" is not accepted`},
		{"source", "items:\n  - {criterion: 2, level: 3, sources: [hearsay]}\n", `f.yaml:4: criterion 2: the data source "hearsay" is not accepted: write one of records, documents, interviews, observation`},
		{"status", "plan:\n  - {criterion: 2, action: a, status: later}\n", `f.yaml:4: criterion 2: the action's status "later" is not accepted`},
		{"due", "plan:\n  - {criterion: 2, action: a, due: tomorrow}\n", `f.yaml:4: criterion 2: due: the date "tomorrow" is not accepted`},
		{"no action", "plan:\n  - {criterion: 2}\n", `f.yaml:4: criterion 2: an action of the plan is missing the field "action"`},
		{"no criterion", "plan:\n  - {action: a}\n", `f.yaml:4: an action of the plan is missing the field "criterion"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tail := "items: []\n"
			if strings.HasPrefix(tc.yaml, "items:") {
				tail = ""
			}
			_, err := form.ParseYAML([]byte(head+tc.yaml+tail), "f.yaml")
			if err == nil {
				t.Fatal("no error")
			}
			got := err.Error()
			if !strings.Contains(got, tc.want) {
				t.Errorf("got\n%s\nwant a line with\n%s", got, tc.want)
			}
		})
	}
}
