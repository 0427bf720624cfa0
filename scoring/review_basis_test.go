package scoring

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
)

// snapOn is an assessment of unit P/U on date ("" undated) with total
// points, of kind ("" for a file without the review cycle).
func snapOn(t *testing.T, date string, total int, kind string) Snapshot {
	t.Helper()
	a := assessmentWithTotal(total)
	a.Unit = "U"
	if date != "" {
		a.Date = day(date)
	}
	if kind != "" {
		a.Review = &form.Review{Kind: kind}
	}
	r := Score(tyokyky(t), a)
	return r.Snapshot()
}

// The next review and where it stands, at the boundaries: exactly six
// months on is due (not overdue), the day after overdue; 99 points gives
// six months, 100 twelve; no date gives no next review and is never
// overdue; a self-assessment after a review does not put the review off.
func TestReviewOf(t *testing.T) {
	rule := criteria.BuiltinCycle().Review
	type a struct {
		date  string
		total int
		kind  string
	}
	type want struct {
		Basis string // date and kind of the assessment counted from
		Next  string
		State ReviewState
	}
	for _, tc := range []struct {
		name    string
		history []a
		today   string
		want    want
	}{
		{"99 points, the day before six months", []a{{"2026-05-20", 99, ""}}, "2026-11-19", want{"2026-05-20 ", "2026-11-20", ReviewDueSoon}},
		{"99 points, exactly six months on", []a{{"2026-05-20", 99, ""}}, "2026-11-20", want{"2026-05-20 ", "2026-11-20", ReviewDueSoon}},
		{"99 points, six months and a day", []a{{"2026-05-20", 99, ""}}, "2026-11-21", want{"2026-05-20 ", "2026-11-20", ReviewOverdue}},
		{"100 points, six months and a day", []a{{"2026-05-20", 100, ""}}, "2026-11-21", want{"2026-05-20 ", "2027-05-20", ReviewNotDue}},
		{"100 points, a year and a day", []a{{"2026-05-20", 100, ""}}, "2027-05-21", want{"2026-05-20 ", "2027-05-20", ReviewOverdue}},
		{"99 points, 31 days before", []a{{"2026-05-20", 99, ""}}, "2026-10-20", want{"2026-05-20 ", "2026-11-20", ReviewNotDue}},
		{"99 points, 30 days before", []a{{"2026-05-20", 99, ""}}, "2026-10-21", want{"2026-05-20 ", "2026-11-20", ReviewDueSoon}},
		{"undated", []a{{"", 80, ""}}, "2030-01-01", want{"", "", ReviewNotDue}},
		{"undated after a dated one is not possible: undated come first", []a{{"", 80, ""}, {"2026-01-10", 80, ""}}, "2026-07-11", want{"2026-01-10 ", "2026-07-10", ReviewOverdue}},
		{"the latest of two", []a{{"2025-11-01", 80, ""}, {"2026-05-01", 105, ""}}, "2026-11-02", want{"2026-05-01 ", "2027-05-01", ReviewNotDue}},
		{"a self-assessment after an external review",
			[]a{{"2026-01-10", 90, form.ReviewExternal}, {"2026-05-10", 110, form.ReviewSelf}}, "2026-07-11",
			want{"2026-01-10 external", "2026-07-10", ReviewOverdue}},
		{"an external review after a self-assessment",
			[]a{{"2026-01-10", 90, form.ReviewSelf}, {"2026-05-10", 100, form.ReviewExternal}}, "2026-07-11",
			want{"2026-05-10 external", "2027-05-10", ReviewNotDue}},
		{"only self-assessments: the latest",
			[]a{{"2026-01-10", 90, form.ReviewSelf}, {"2026-05-10", 95, form.ReviewSelf}}, "2026-11-11",
			want{"2026-05-10 self", "2026-11-10", ReviewOverdue}},
		{"a kind not stated counts as a review",
			[]a{{"2026-01-10", 90, form.ReviewSelf}, {"2026-03-10", 95, ""}, {"2026-05-10", 110, form.ReviewSelf}}, "2026-09-11",
			want{"2026-03-10 ", "2026-09-10", ReviewOverdue}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sv := &Service{}
			for _, h := range tc.history {
				sv.History = append(sv.History, snapOn(t, h.date, h.total, h.kind))
			}
			r := ReviewOf(sv, day(tc.today), rule)
			var g want
			if r.Basis != nil {
				kind := ""
				if r.Basis.Cycle != nil {
					kind = r.Basis.Cycle.Kind
				}
				g.Basis = r.Basis.DateISO() + " " + kind
			}
			if !r.Next.IsZero() {
				g.Next = r.Next.Format(time.DateOnly)
			}
			g.State = r.State
			if diff := cmp.Diff(tc.want, g); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// Without a day to read on, no state.
func TestReviewOfNoToday(t *testing.T) {
	sv := &Service{History: []Snapshot{snapOn(t, "2020-01-01", 80, "")}}
	if r := ReviewOf(sv, time.Time{}, criteria.BuiltinCycle().Review); r.State != ReviewNotDue || r.Next.IsZero() {
		t.Errorf("got %+v, want a next review and no state", r)
	}
}

// A comparison's strengths are `laatu score`'s: the same rule over the
// snapshot's levels, with the rises since the assessment on an earlier day.
func TestSnapshotStrengths(t *testing.T) {
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
	before := assessmentWithTotal(75)
	before.Date = day("2026-05-10")
	before.SetItem(form.Item{Criterion: 9, Level: 2})
	now := assessmentWithTotal(75)
	now.Date = day("2026-11-10")
	now.SetItem(form.Item{Criterion: 3, Level: 5})
	now.SetItem(form.Item{Criterion: 7, Level: 4})
	br, nr := Score(set, before), Score(set, now)
	bs, ns := br.Snapshot(), nr.Snapshot()
	for _, tc := range []struct {
		name    string
		history []Snapshot
		want    []s
	}{
		{"alone", []Snapshot{ns}, []s{{3, 5, 0, false}}},
		{"after an earlier one", []Snapshot{bs, ns}, []s{{3, 5, 3, false}, {7, 4, 3, false}, {9, 3, 2, false}}},
		{"the same day is no earlier", []Snapshot{withDate(bs, "2026-11-10"), ns}, []s{{3, 5, 0, false}}},
		{"undated earlier", []Snapshot{withDate(bs, ""), ns}, []s{{3, 5, 0, false}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sv := &Service{History: tc.history}
			got := list(SnapshotStrengths(sv.Latest(), EarlierOf(sv)))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(list(Strengths(&nr, EarlierOf(sv))), got); diff != "" {
				t.Errorf("not as laatu score's (-score +compare):\n%s", diff)
			}
		})
	}
	// No criterion at 5: the highest given.
	four := assessmentWithTotal(75)
	four.SetItem(form.Item{Criterion: 17, Level: 4})
	fr := Score(set, four)
	fs := fr.Snapshot()
	if diff := cmp.Diff([]s{{17, 4, 0, true}}, list(SnapshotStrengths(&fs, nil))); diff != "" {
		t.Errorf("the highest level (-want +got):\n%s", diff)
	}
}

func withDate(s Snapshot, date string) Snapshot {
	s.Date = time.Time{}
	if date != "" {
		s.Date = day(date)
	}
	return s
}
