package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// The next review and the strengths of every service in `laatu compare`
// (issue 16: "in every report"), whether or not its files record the
// review cycle: the services due for review or overdue on opt.Today, and
// one compact row per service saying which assessment its next review is
// counted from (scoring.ReviewBasis: a self-assessment does not put off a
// review), of what kind, the date, where it stands on the day, and the
// latest assessment's strengths as criterion numbers, so that a region of
// 20 services reads as one table.

// serviceReview is what the section shows of one service.
type serviceReview struct {
	Service   *scoring.Service
	Review    scoring.ServiceReview
	Strengths []scoring.Strength
	// Earlier is the assessment the rises are counted from (nil: none).
	Earlier *scoring.Snapshot
}

// mixedRises reports whether r's rises compare a self-assessment with an
// external review, which the report must say (issue 16: kinds are not
// mixed in a trend without saying so).
func (r *serviceReview) mixedRises() bool {
	if r.Earlier == nil {
		return false
	}
	rose := false
	for _, s := range r.Strengths {
		rose = rose || s.From != 0
	}
	kind := func(s *scoring.Snapshot) string {
		if s.Cycle == nil {
			return ""
		}
		return s.Cycle.Kind
	}
	a, b := kind(r.Earlier), kind(r.Service.Latest())
	return rose && a != "" && b != "" && a != b
}

// serviceReviewsOf reads every service of c on today.
func serviceReviewsOf(c *scoring.Comparison, today time.Time) []serviceReview {
	rule := criteria.BuiltinCycle().Review
	out := make([]serviceReview, len(c.Services))
	for i := range c.Services {
		sv := &c.Services[i]
		earlier := scoring.EarlierOf(sv)
		out[i] = serviceReview{Service: sv, Review: scoring.ReviewOf(sv, today, rule), Earlier: earlier,
			Strengths: scoring.SnapshotStrengths(sv.Latest(), earlier)}
	}
	return out
}

// strengthsShort writes strengths as criterion numbers: "3, 12↑,
// 17 (4)": no mark at level 5, an arrow when it rose (the trends say from
// what), the level when it is the highest given below 5; a no-break space
// keeps a number with its level.
func strengthsShort(ss []scoring.Strength) string {
	parts := make([]string, len(ss))
	for k, s := range ss {
		p := fmt.Sprint(s.Criterion.Number)
		switch {
		case s.From != 0:
			p += "↑"
		case !s.Top():
			p += fmt.Sprintf("\u00a0(%d)", s.Level)
		}
		parts[k] = p
	}
	return strings.Join(parts, ", ")
}

// basisKind is the kind of the assessment a review is counted from.
func basisKind(l string, s *scoring.Snapshot) string {
	kind := ""
	if s.Cycle != nil {
		kind = s.Cycle.Kind
	}
	return kindName(l, kind)
}

// compareNextReviewSections are the section: the services due or
// overdue on opt.Today (when given) and those without a dated assessment,
// then the table and how to read it.
func compareNextReviewSections(c *scoring.Comparison, opt CompareOptions) []Section {
	l := opt.Lang
	rule := criteria.BuiltinCycle().Review
	rows := serviceReviewsOf(c, opt.Today)
	heading := msg.T(l, "h16c.heading")
	out := []Section{{Heading: heading, Level: 1, Sheet: heading}}
	if !opt.Today.IsZero() {
		due := Section{Heading: msg.T(l, "review.compare.due-heading", dayText(l, opt.Today)), Level: 2}
		list := &DocBullets{}
		for _, d := range ReviewsDue(c, opt.Today) {
			list.Items = append(list.Items, Bullet{Text: dueLine(l, d), Strong: d.State == scoring.ReviewOverdue})
		}
		if len(list.Items) == 0 {
			due.Blocks = append(due.Blocks, &Para{Text: msg.T(l, "review.compare.none-due", rule.DueSoonDays)})
		} else {
			due.Blocks = append(due.Blocks, list)
		}
		out = append(out, due)
	}
	var undated, mixed []string
	for _, r := range rows {
		if r.Review.Basis == nil {
			undated = append(undated, ServiceName(r.Service.Provider, r.Service.Unit))
		}
		if r.mixedRises() {
			last := r.Service.Latest()
			mixed = append(mixed, msg.T(l, "h16c.mixed-item", ServiceName(r.Service.Provider, r.Service.Unit),
				dateText(r.Earlier, l), basisKind(l, r.Earlier), dateText(last, l), basisKind(l, last)))
		}
	}
	table := Section{Heading: msg.T(l, "h16c.table"), Level: 2, Blocks: []Block{nextReviewTable(l, rows, opt.Today)}}
	if len(undated) > 0 {
		table.Blocks = append(table.Blocks, &Para{Text: msg.T(l, "h16c.undated", strings.Join(undated, "; ")), Note: true})
	}
	if len(mixed) > 0 {
		table.Blocks = append(table.Blocks, &Para{Text: msg.T(l, "h16c.mixed", strings.Join(mixed, "; ")), Note: true})
	}
	table.Blocks = append(table.Blocks,
		&Para{Text: msg.T(l, "h16c.rule", rule.BelowMonths, rule.GoodFidelity, rule.AtOrAboveMonths, rule.GoodFidelity)},
		&Para{Text: msg.T(l, "h16c.strengths-legend", msg.T(l, "compare.matrix"), msg.T(l, "compare.trends"))})
	return append(out, table)
}

// nextReviewTable is a row per service in the summary's order: the
// service and provider, the date, kind and points of the assessment the
// next review is counted from, the next review, its state on today (a
// column only when today is given) and the latest assessment's strengths.
// The terminal gets the service over its provider and the date over the
// kind.
func nextReviewTable(l string, rows []serviceReview, today time.Time) *WideTable {
	t := DocTable{RowHeader: 0, Header: []string{msg.T(l, "compare.col.service"), msg.T(l, "compare.col.provider"),
		msg.T(l, "h16c.col.basis"), msg.T(l, "h16c.col.kind"), msg.T(l, "h16c.col.points"), msg.T(l, "cmpcycle.col.next")}}
	withState := !today.IsZero()
	if withState {
		t.Header = append(t.Header, msg.T(l, "h16c.col.state", dayText(l, today)))
	}
	t.Header = append(t.Header, msg.T(l, "h16c.col.strengths"))
	t.Wrap = []int{len(t.Header) - 1}
	for _, r := range rows {
		sv := r.Service
		row := []Value{VText(msg.Clip(sv.Unit)), VText(msg.Clip(sv.Provider))}
		if b := r.Review.Basis; b != nil {
			points := VInt(b.Total)
			if !b.Complete {
				points = scoreValue(b.Total, false)
			}
			row = append(row, VDate(b.Date, dateText(b, l)), VText(basisKind(l, b)), points, VDate(r.Review.Next, dayText(l, r.Review.Next)))
		} else {
			row = append(row, VText(msg.T(l, "review.no-date")), Value{}, Value{}, VText(msg.T(l, "h16c.not-counted")))
		}
		if withState {
			state := Value{}
			if r.Review.Basis != nil {
				state = VText(stateText(l, r.Review.State))
			}
			row = append(row, state)
		}
		strengths := Value{}
		if len(r.Strengths) > 0 {
			strengths = VText(strengthsShort(r.Strengths))
		}
		t.Rows = append(t.Rows, append(row, strengths))
	}
	last := len(t.Header) - 1
	compact := []CompactColumn{
		{Header: msg.T(l, "compare.col.service"), Cols: []int{0, 1}, Width: textNameWidth},
		{Header: msg.T(l, "h16c.col.basis-short"), Cols: []int{2, 3}, Width: 18, Wrap: true},
		{Header: msg.T(l, "compare.col.total-short"), Cols: []int{4}},
		{Header: msg.T(l, "h16c.col.next-short"), Cols: []int{5}},
	}
	if withState {
		compact = append(compact, CompactColumn{Header: msg.T(l, "h16c.col.state-short"), Cols: []int{6}, Width: 9, Wrap: true})
	}
	compact = append(compact, CompactColumn{Header: msg.T(l, "h16c.col.strengths-short"), Cols: []int{last}, Width: 22, Wrap: true})
	return &WideTable{Table: t, Compact: [][]CompactColumn{compact}}
}

// withNextReview adds the next review and the strengths to the summary's
// CSV rows (one per service, in c's order): the date due, the date and
// kind of the assessment it is counted from, the state on opt.Today (when
// given) and the strengths, numbers and marks as the table writes them.
func withNextReview(t *DocTable, c *scoring.Comparison, opt CompareOptions) *DocTable {
	l := opt.Lang
	t.Header = append(t.Header, msg.T(l, "cmpcycle.col.next"), msg.T(l, "h16c.col.basis"), msg.T(l, "h16c.col.kind"))
	if !opt.Today.IsZero() {
		// A header a program reads does not change with the day.
		t.Header = append(t.Header, msg.T(l, "cmpcycle.col.state"))
	}
	t.Header = append(t.Header, msg.T(l, "h16c.col.strengths"))
	for i, r := range serviceReviewsOf(c, opt.Today) {
		next, from, kind, state := Value{}, Value{}, Value{}, Value{}
		if b := r.Review.Basis; b != nil {
			next, from = VText(r.Review.Next.Format(time.DateOnly)), VText(b.DateISO())
			kind, state = VText(basisKind(l, b)), VText(stateText(l, r.Review.State))
		}
		row := append(t.Rows[i], next, from, kind)
		if !opt.Today.IsZero() {
			row = append(row, state)
		}
		t.Rows[i] = append(row, VText(strings.ReplaceAll(strengthsShort(r.Strengths), "\u00a0", " ")))
	}
	return t
}
