package report

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// The review cycle in `laatu compare` (issue 16): the services due for
// review or overdue on opt.Today, and per service the kinds of its
// assessments (a note when a trend mixes self-assessments and external
// reviews), its employment rate, its open and overdue actions, and how the
// criteria of its previous plan moved. The section appears only when some
// assessment records the cycle, so that comparisons of older files stay
// exactly as they were; `--today` (CompareOptions.Reviews) shows it for
// any files.

// hasCycle reports whether any assessment of c records the review cycle.
func hasCycle(c *scoring.Comparison) bool {
	for i := range c.Services {
		for k := range c.Services[i].History {
			if c.Services[i].History[k].Cycle != nil {
				return true
			}
		}
	}
	return false
}

// ReviewDue is a service due for review or overdue on a day.
type ReviewDue struct {
	Service *scoring.Service
	Next    time.Time
	State   scoring.ReviewState
}

// ReviewsDue lists the services of c whose next review, counted from their
// latest dated assessment, is due within the cycle's DueSoonDays of today
// or overdue; earliest first.
func ReviewsDue(c *scoring.Comparison, today time.Time) []ReviewDue {
	rule := criteria.BuiltinCycle().Review
	var out []ReviewDue
	for i := range c.Services {
		sv := &c.Services[i]
		s := sv.Latest()
		next := scoring.NextReview(s.Date, s.Total, s.Complete, rule)
		if st := scoring.ReviewStateOn(next, today, rule); st != scoring.ReviewNotDue {
			out = append(out, ReviewDue{Service: sv, Next: next, State: st})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Next.Before(out[j].Next) })
	return out
}

// kindsLine names the kind of each dated assessment of sv, and whether the
// history mixes self-assessments and external reviews.
func kindsLine(l string, sv *scoring.Service) (string, bool) {
	var parts []string
	kinds := map[string]bool{}
	for k := range sv.History {
		s := &sv.History[k]
		kind := ""
		if s.Cycle != nil {
			kind = s.Cycle.Kind
		}
		kinds[kind] = true
		d := msg.T(l, "review.no-date")
		if !s.Date.IsZero() {
			d = dayText(l, s.Date)
		}
		name := msg.T(l, "review.kind.unknown-short")
		if kind != "" {
			name = reviewKind(l, kind)
		}
		parts = append(parts, d+" "+name)
	}
	return msg.T(l, "review.compare.kinds", strings.Join(parts, ", ")), kinds[form.ReviewSelf] && kinds[form.ReviewExternal]
}

// planMoves says, for each criterion of the previous assessment's plan,
// its level then and now.
func planMoves(l string, set *criteria.Set, prev, latest *scoring.Snapshot) string {
	if prev.Cycle == nil || len(prev.Cycle.Plan) == 0 || prev.Set != latest.Set {
		return ""
	}
	index := map[int]int{}
	for i, c := range latest.Set.Criteria {
		index[c.Number] = i
	}
	var parts []string
	seen := map[int]bool{}
	for _, act := range prev.Cycle.Plan {
		i, ok := index[act.Criterion]
		if !ok || seen[act.Criterion] {
			continue
		}
		seen[act.Criterion] = true
		from, to := prev.Level(i), latest.Level(i)
		level := func(n int) string {
			if n == 0 {
				return "–"
			}
			return fmt.Sprint(n)
		}
		parts = append(parts, fmt.Sprintf("%d %s %s → %s", act.Criterion, set.Criteria[i].Title.In(l), level(from), level(to)))
	}
	if len(parts) == 0 {
		return ""
	}
	return msg.T(l, "review.compare.plan-moves", strings.Join(parts, "; "))
}

// rateLine says the latest employment rate and the one before it.
func rateLine(l string, sv *scoring.Service) string {
	var rates []*scoring.Cycle
	for k := range sv.History {
		if c := sv.History[k].Cycle; c != nil && c.HasRate {
			rates = append(rates, c)
		}
	}
	if len(rates) == 0 {
		return ""
	}
	last := rates[len(rates)-1]
	bench := msg.T(l, "review.reached-none")
	if b := criteria.BuiltinCycle().EmploymentRate.Reached(last.Rate); b != nil {
		bench = msg.T(l, "review.reached", b.Name.In(l))
	}
	line := msg.T(l, "review.compare.rate", pct(l, last.Rate), bench)
	if len(rates) > 1 {
		line += " " + msg.T(l, "review.compare.rate-before", pct(l, rates[len(rates)-2].Rate))
	}
	return line
}

// compareReviewText writes the review cycle of a comparison for a terminal.
func compareReviewText(w io.Writer, c *scoring.Comparison, opt CompareOptions, ww int) {
	if !hasCycle(c) && !opt.Reviews {
		return
	}
	l := opt.Lang
	title := msg.T(l, "review.heading")
	fmt.Fprintf(w, "\n%s\n%s\n", title, strings.Repeat("=", len([]rune(title))))
	rule := criteria.BuiltinCycle().Review
	if !opt.Today.IsZero() {
		fmt.Fprintf(w, "%s:\n", msg.T(l, "review.compare.due-heading", dayText(l, opt.Today)))
		due := ReviewsDue(c, opt.Today)
		if len(due) == 0 {
			fmt.Fprintln(w, wrap(msg.T(l, "review.compare.none-due", rule.DueSoonDays), ww, ""))
		}
		for _, d := range due {
			key := "review.compare.due-soon"
			if d.State == scoring.ReviewOverdue {
				key = "review.compare.overdue"
			}
			fmt.Fprintf(w, "- %s\n", wrap(msg.T(l, key, ServiceName(d.Service.Provider, d.Service.Unit), dayText(l, d.Next)), ww-2, "  "))
		}
		fmt.Fprintln(w)
	}
	for i := range c.Services {
		sv := &c.Services[i]
		cycle := false
		for k := range sv.History {
			cycle = cycle || sv.History[k].Cycle != nil
		}
		if !cycle {
			continue
		}
		fmt.Fprintf(w, "%s\n", ServiceName(sv.Provider, sv.Unit))
		line := func(s string) {
			if s != "" {
				fmt.Fprintf(w, "  %s\n", wrapNB(s, ww-2, "  "))
			}
		}
		kinds, mixed := kindsLine(l, sv)
		line(kinds)
		if mixed {
			line(msg.T(l, "review.compare.mixed"))
		}
		line(rateLine(l, sv))
		latest := sv.Latest()
		if next := scoring.NextReview(latest.Date, latest.Total, latest.Complete, rule); !next.IsZero() {
			line(msg.T(l, "review.compare.next", dayText(l, next)))
		}
		if latest.Cycle != nil {
			open := scoring.OpenActions(latest.Cycle.Plan)
			var overdue []form.Action
			if !opt.Today.IsZero() {
				overdue = scoring.OverdueActions(latest.Cycle.Plan, opt.Today)
			}
			switch {
			case len(latest.Cycle.Plan) == 0:
				line(msg.T(l, "review.compare.no-plan"))
			case opt.Today.IsZero():
				line(msg.T(l, "review.compare.open", len(open)))
			default:
				line(msg.T(l, "review.compare.open-overdue", len(open), len(overdue)))
			}
			for k := range overdue {
				fmt.Fprintf(w, "  - %s\n", wrap(actionText(l, latest.Set, &overdue[k]), ww-4, "    "))
			}
		}
		if prev := sv.Previous(); prev != nil {
			line(planMoves(l, latest.Set, prev, latest))
		}
		fmt.Fprintln(w)
	}
}
