package scoring

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
)

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

func ip(n int) *int { return &n }

func TestEmploymentRate(t *testing.T) {
	b := &criteria.BuiltinCycle().EmploymentRate
	type got struct {
		Rate    float64
		HasRate bool
		Reached string
	}
	for _, tc := range []struct {
		name string
		o    *form.Outcomes
		want *got
	}{
		{"none", nil, nil},
		{"18 of 40", &form.Outcomes{Caseload: ip(40), CompetitiveWork: ip(18)}, &got{45, true, "good"}},
		{"20 of 40 is exemplary", &form.Outcomes{Caseload: ip(40), CompetitiveWork: ip(20)}, &got{50, true, "exemplary"}},
		{"41 of 100 is good", &form.Outcomes{Caseload: ip(100), CompetitiveWork: ip(41)}, &got{41, true, "good"}},
		{"40 of 100 is minimal", &form.Outcomes{Caseload: ip(100), CompetitiveWork: ip(40)}, &got{40, true, "minimal"}},
		{"3 of 10 is none", &form.Outcomes{Caseload: ip(10), CompetitiveWork: ip(3)}, &got{30, true, ""}},
		{"empty caseload", &form.Outcomes{Caseload: ip(0), CompetitiveWork: ip(0)}, &got{0, false, ""}},
		{"no work count", &form.Outcomes{Caseload: ip(40)}, &got{0, false, ""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := OutcomeOf(tc.o, b)
			var g *got
			if o != nil {
				g = &got{Rate: o.Rate, HasRate: o.HasRate}
				if o.Reached != nil {
					g.Reached = o.Reached.ID
				}
			}
			if diff := cmp.Diff(tc.want, g); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestNextReview(t *testing.T) {
	rule := criteria.BuiltinCycle().Review
	for _, tc := range []struct {
		date     string
		total    int
		complete bool
		want     string
	}{
		{"2026-05-15", 99, true, "2026-11-15"},
		{"2026-05-15", 100, true, "2027-05-15"},
		{"2026-05-15", 125, true, "2027-05-15"},
		{"2026-05-15", 101, false, "2026-11-15"}, // incomplete: not shown to be good
		{"2026-08-31", 80, true, "2027-02-28"},
		{"2027-08-31", 80, true, "2028-02-29"},
		{"2026-12-31", 110, true, "2027-12-31"},
		{"", 110, true, ""},
	} {
		var d time.Time
		if tc.date != "" {
			d = day(tc.date)
		}
		got := ""
		if n := NextReview(d, tc.total, tc.complete, rule); !n.IsZero() {
			got = n.Format(time.DateOnly)
		}
		if got != tc.want {
			t.Errorf("NextReview(%s, %d, complete %v) = %q, want %q", tc.date, tc.total, tc.complete, got, tc.want)
		}
	}
}

func TestNextReviewAt99And100(t *testing.T) {
	set := tyokyky(t)
	rule := criteria.BuiltinCycle().Review
	for total, want := range map[int]string{99: "2027-04-24", 100: "2027-10-24"} {
		a := assessmentWithTotal(total)
		a.Date = day("2026-10-24")
		r := Score(set, a)
		if got := NextReview(a.Date, r.Total, r.Complete, rule).Format(time.DateOnly); got != want {
			t.Errorf("total %d: next review %s, want %s", total, got, want)
		}
	}
}

func TestReviewState(t *testing.T) {
	rule := criteria.BuiltinCycle().Review
	next := day("2027-04-24")
	for _, tc := range []struct {
		today string
		want  ReviewState
	}{
		{"2027-03-24", ReviewNotDue},
		{"2027-03-25", ReviewDueSoon},
		{"2027-04-24", ReviewDueSoon},
		{"2027-04-25", ReviewOverdue},
	} {
		if got := ReviewStateOn(next, day(tc.today), rule); got != tc.want {
			t.Errorf("on %s: %v, want %v", tc.today, got, tc.want)
		}
	}
	if got := ReviewStateOn(time.Time{}, day("2030-01-01"), rule); got != ReviewNotDue {
		t.Errorf("no date: %v", got)
	}
}

func TestOverdueActions(t *testing.T) {
	due := day("2027-01-31")
	plan := []form.Action{
		{Criterion: 17, Action: "open", Due: due, Status: form.StatusOpen},
		{Criterion: 12, Action: "no status", Due: due},
		{Criterion: 4, Action: "in progress", Due: due, Status: form.StatusInProgress},
		{Criterion: 5, Action: "done", Due: due, Status: form.StatusDone},
		{Criterion: 6, Action: "no due date"},
	}
	names := func(as []form.Action) []string {
		out := []string{}
		for _, a := range as {
			out = append(out, a.Action)
		}
		return out
	}
	for _, tc := range []struct {
		today string
		want  []string
	}{
		{"2027-01-30", []string{}},
		{"2027-01-31", []string{}},
		{"2027-02-01", []string{"open", "no status", "in progress"}},
	} {
		// The time of day does not matter: overdue is by days.
		today := day(tc.today).Add(23 * time.Hour)
		if diff := cmp.Diff(tc.want, names(OverdueActions(plan, today))); diff != "" {
			t.Errorf("on %s (-want +got):\n%s", tc.today, diff)
		}
	}
	if diff := cmp.Diff([]string{"open", "no status", "in progress", "no due date"}, names(OpenActions(plan))); diff != "" {
		t.Errorf("open (-want +got):\n%s", diff)
	}
}

func TestStrengths(t *testing.T) {
	set := tyokyky(t)
	a := assessmentWithTotal(75) // every criterion at 3
	a.SetItem(form.Item{Criterion: 3, Level: 5})
	a.SetItem(form.Item{Criterion: 7, Level: 4})
	a.SetItem(form.Item{Criterion: 9, Level: 5})
	r := Score(set, a)
	type s struct{ N, Level, From int }
	list := func(ss []Strength) []s {
		out := []s{}
		for _, x := range ss {
			out = append(out, s{x.Criterion.Number, x.Level, x.From})
		}
		return out
	}
	if diff := cmp.Diff([]s{{3, 5, 0}, {9, 5, 0}}, list(Strengths(&r, nil))); diff != "" {
		t.Errorf("without an earlier assessment (-want +got):\n%s", diff)
	}
	before := assessmentWithTotal(75)
	before.SetItem(form.Item{Criterion: 9, Level: 4})
	before.SetItem(form.Item{Criterion: 7, Level: 4})
	br := Score(set, before)
	snap := br.Snapshot()
	if diff := cmp.Diff([]s{{3, 5, 3}, {9, 5, 4}}, list(Strengths(&r, &snap))); diff != "" {
		t.Errorf("with an earlier assessment (-want +got):\n%s", diff)
	}
	// A criterion that rose to 4 is a strength too.
	before.SetItem(form.Item{Criterion: 7, Level: 2})
	br = Score(set, before)
	snap = br.Snapshot()
	if diff := cmp.Diff([]s{{3, 5, 3}, {7, 4, 2}, {9, 5, 4}}, list(Strengths(&r, &snap))); diff != "" {
		t.Errorf("a rise to 4 (-want +got):\n%s", diff)
	}
}

// Without a criterion at the top level the strengths are the first five
// at the highest level given, when that is 4, and those that rose; below
// 4 only those that rose.
func TestStrengthsHighest(t *testing.T) {
	set := tyokyky(t)
	type s struct {
		N, Level, From int
		Highest        bool
	}
	list := func(ss []Strength) []s {
		out := []s{}
		for _, x := range ss {
			out = append(out, s{x.Criterion.Number, x.Level, x.From, x.Highest})
		}
		return out
	}
	a := assessmentWithTotal(75) // every criterion at 3
	for _, n := range []int{2, 4, 6, 8, 10, 12, 14} {
		a.SetItem(form.Item{Criterion: n, Level: 4})
	}
	r := Score(set, a)
	want := []s{{2, 4, 0, true}, {4, 4, 0, true}, {6, 4, 0, true}, {8, 4, 0, true}, {10, 4, 0, true}}
	if diff := cmp.Diff(want, list(Strengths(&r, nil))); diff != "" {
		t.Errorf("the highest level 4 (-want +got):\n%s", diff)
	}
	before := assessmentWithTotal(75)
	for _, n := range []int{4, 6, 8, 10, 12} {
		before.SetItem(form.Item{Criterion: n, Level: 4})
	}
	before.SetItem(form.Item{Criterion: 14, Level: 2})
	before.SetItem(form.Item{Criterion: 2, Level: 3})
	before.SetItem(form.Item{Criterion: 20, Level: 2})
	br := Score(set, before)
	snap := br.Snapshot()
	want = []s{{2, 4, 3, true}, {4, 4, 0, true}, {6, 4, 0, true}, {8, 4, 0, true}, {10, 4, 0, true}, {14, 4, 2, false}, {20, 3, 2, false}}
	if diff := cmp.Diff(want, list(Strengths(&r, &snap))); diff != "" {
		t.Errorf("the highest level and rises (-want +got):\n%s", diff)
	}
	low := Score(set, assessmentWithTotal(75))
	if diff := cmp.Diff([]s{{14, 3, 2, false}, {20, 3, 2, false}}, list(Strengths(&low, &snap))); diff != "" {
		t.Errorf("every criterion at 3 (-want +got):\n%s", diff)
	}
}

func TestSnapshotCycle(t *testing.T) {
	set := tyokyky(t)
	a := assessmentWithTotal(90)
	r := Score(set, a)
	if s := r.Snapshot(); s.Cycle != nil {
		t.Errorf("an old file has a cycle: %+v", s.Cycle)
	}
	a.Review = &form.Review{Kind: form.ReviewExternal}
	a.Outcomes = &form.Outcomes{Caseload: ip(40), CompetitiveWork: ip(18)}
	a.Plan = []form.Action{{Criterion: 17, Action: "x"}}
	r = Score(set, a)
	s := r.Snapshot()
	if diff := cmp.Diff(&Cycle{Kind: "external", Rate: 45, HasRate: true, Plan: a.Plan}, s.Cycle); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
