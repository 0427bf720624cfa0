package form_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
)

// FuzzReviewCycle: whatever outcomes, review, sources and plan a file
// gives, what is read keeps the rules (counts 0 or more, competitive work
// within the caseload, a period in order, known kinds, statuses and
// sources), and it writes and reads back the same.
func FuzzReviewCycle(f *testing.F) {
	files, _ := filepath.Glob("../testdata/cycle/*.yaml")
	bad, _ := filepath.Glob("../testdata/bad/review-*.yaml")
	if len(files) == 0 || len(bad) == 0 {
		f.Fatal("no seed files")
	}
	for _, file := range append(files, bad...) {
		b, _ := os.ReadFile(file)
		f.Add(b)
	}
	f.Add([]byte(cycleYAML))
	f.Add([]byte("criteria: tyokyky\nprovider: P\noutcomes: {caseload: 0, competitive_work: 0, period: {start: 1.1.2026, end: 1.1.2026}}\nitems: []\n"))
	set, _ := criteria.Builtin("tyokyky")
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := form.ParseYAML(b, "fuzz.yaml")
		if err != nil {
			_ = msg.Localize(err, "fi")
			return
		}
		_ = form.Check(a, set).In("en")
		if o := a.Outcomes; o != nil {
			for _, n := range []*int{o.Caseload, o.CompetitiveWork, o.JobStarts, o.JobsEnded} {
				if n != nil && *n < 0 {
					t.Fatalf("count %d accepted", *n)
				}
			}
			if o.Caseload != nil && o.CompetitiveWork != nil && *o.CompetitiveWork > *o.Caseload {
				t.Fatalf("competitive work %d over caseload %d", *o.CompetitiveWork, *o.Caseload)
			}
			if o.End.Before(o.Start) {
				t.Fatalf("period %v–%v accepted", o.Start, o.End)
			}
			if r, ok := o.Rate(); ok && (r < 0 || r > 100) {
				t.Fatalf("rate %v", r)
			}
		}
		if r := a.Review; r != nil && r.Kind != "" && r.Kind != form.ReviewSelf && r.Kind != form.ReviewExternal {
			t.Fatalf("kind %q accepted", r.Kind)
		}
		for _, act := range a.Plan {
			switch act.Status {
			case "", form.StatusOpen, form.StatusInProgress, form.StatusDone:
			default:
				t.Fatalf("status %q accepted", act.Status)
			}
		}
		for _, it := range a.Items {
			for _, s := range it.Sources {
				if criteria.DataSourceByID(s) == nil {
					t.Fatalf("source %q accepted", s)
				}
			}
		}
		var buf bytes.Buffer
		if err := form.WriteYAML(&buf, a); err != nil {
			t.Fatal(err)
		}
		back, err := form.ParseYAML(buf.Bytes(), "fuzz.yaml")
		if err != nil {
			t.Fatalf("written file does not read back: %v\n%s", err, buf.String())
		}
		type cycle struct {
			O *form.Outcomes
			R *form.Review
			P []form.Action
		}
		ignore := cmpopts.IgnoreTypes(msg.Place{})
		if diff := cmp.Diff(cycle{a.Outcomes, a.Review, a.Plan}, cycle{back.Outcomes, back.Review, back.Plan}, ignore, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("round trip (-read +again):\n%s\n%s", diff, buf.String())
		}
	})
}
