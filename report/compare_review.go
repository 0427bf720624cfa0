package report

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// The review cycle in `laatu compare` (issue 16): the services due for
// review or overdue on opt.Today (ReviewsDue, shown for every comparison
// by compare_strengths_doc.go), and per service the kinds of its
// assessments (a note when a trend mixes self-assessments and external
// reviews), its employment rate, its open and overdue actions, and how the
// criteria of its previous plan moved. That section appears only when some
// assessment records the cycle.

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

// ReviewDue is a service due for review or overdue on a day, counted from
// Basis (scoring.ReviewBasis).
type ReviewDue struct {
	Service *scoring.Service
	Basis   *scoring.Snapshot
	Next    time.Time
	State   scoring.ReviewState
}

// ReviewsDue lists the services of c whose next review, counted from
// their latest dated review (scoring.ReviewBasis), is due within the
// cycle's DueSoonDays of today or overdue; earliest first. A service
// without a dated assessment has no next review and is never listed.
func ReviewsDue(c *scoring.Comparison, today time.Time) []ReviewDue {
	rule := criteria.BuiltinCycle().Review
	var out []ReviewDue
	for i := range c.Services {
		sv := &c.Services[i]
		if r := scoring.ReviewOf(sv, today, rule); r.State != scoring.ReviewNotDue {
			out = append(out, ReviewDue{Service: sv, Basis: r.Basis, Next: r.Next, State: r.State})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Next.Before(out[j].Next) })
	return out
}

// ServiceCycle is what a comparison shows of one service's review cycle,
// read once here for every compare format: the kind of each assessment,
// whether its trend mixes self-assessments and external reviews, its
// employment rate and the change since the previous rate, the benchmark
// the rate reaches, the next review, the open and overdue actions of the
// latest plan, and how the criteria of the previous plan moved.
type ServiceCycle struct {
	Service *scoring.Service
	// Kinds are the kinds of sv.History's assessments (form.ReviewSelf,
	// form.ReviewExternal or "" when not stated), in date order.
	Kinds []string
	Mixed bool
	// Rate is the latest employment rate, PrevRate the one before it.
	Rate, PrevRate       float64
	HasRate, HasPrevRate bool
	Bench                *criteria.RateLevel
	Next                 time.Time
	State                scoring.ReviewState
	// HasPlan is false when the latest assessment records no plan;
	// LatestCycle when it records no cycle at all.
	LatestCycle, HasPlan bool
	Open, Overdue        []form.Action
	Moves                []PlanMove
}

// PlanMove is a criterion of the previous assessment's plan with its level
// then and now (0 not rated).
type PlanMove struct {
	Criterion *criteria.Criterion
	From, To  int
}

// RateChange is the change of the rate in percentage points, between the
// rates as the reports print them (cut to one decimal), so that the
// printed change is the difference of the printed rates: 45 % after
// 30,9 % is +14,1, not the +14,0 that cutting 14,05 would give.
func (sc *ServiceCycle) RateChange() (float64, bool) {
	if !sc.HasRate || !sc.HasPrevRate {
		return 0, false
	}
	return math.Round((pctCut(sc.Rate)-pctCut(sc.PrevRate))*10) / 10, true
}

// HasCycle reports whether any of the service's assessments records the
// cycle.
func (sc *ServiceCycle) HasCycle() bool {
	for _, s := range sc.Service.History {
		if s.Cycle != nil {
			return true
		}
	}
	return false
}

// CycleOf reads the review cycle of sv on today (zero: no overdue
// actions, no review state).
func CycleOf(sv *scoring.Service, today time.Time) ServiceCycle {
	cyc := criteria.BuiltinCycle()
	sc := ServiceCycle{Service: sv}
	kinds := map[string]bool{}
	var rates []float64
	for k := range sv.History {
		s := &sv.History[k]
		kind := ""
		if s.Cycle != nil {
			kind = s.Cycle.Kind
			if s.Cycle.HasRate {
				rates = append(rates, s.Cycle.Rate)
			}
		}
		kinds[kind] = true
		sc.Kinds = append(sc.Kinds, kind)
	}
	sc.Mixed = kinds[form.ReviewSelf] && kinds[form.ReviewExternal]
	if n := len(rates); n > 0 {
		sc.Rate, sc.HasRate = rates[n-1], true
		sc.Bench = cyc.EmploymentRate.Reached(sc.Rate)
		if n > 1 {
			sc.PrevRate, sc.HasPrevRate = rates[n-2], true
		}
	}
	latest := sv.Latest()
	rv := scoring.ReviewOf(sv, today, cyc.Review)
	sc.Next, sc.State = rv.Next, rv.State
	if latest.Cycle != nil {
		sc.LatestCycle = true
		sc.HasPlan = len(latest.Cycle.Plan) > 0
		sc.Open = scoring.OpenActions(latest.Cycle.Plan)
		if !today.IsZero() {
			sc.Overdue = scoring.OverdueActions(latest.Cycle.Plan, today)
		}
	}
	if prev := sv.Previous(); prev != nil {
		sc.Moves = planMovesOf(prev, latest)
	}
	return sc
}

// planMovesOf are the criteria of prev's plan with their levels in prev
// and latest, each once, in plan order.
func planMovesOf(prev, latest *scoring.Snapshot) []PlanMove {
	if prev.Cycle == nil || len(prev.Cycle.Plan) == 0 || prev.Set != latest.Set {
		return nil
	}
	index := map[int]int{}
	for i, c := range latest.Set.Criteria {
		index[c.Number] = i
	}
	var out []PlanMove
	seen := map[int]bool{}
	for _, act := range prev.Cycle.Plan {
		i, ok := index[act.Criterion]
		if !ok || seen[act.Criterion] {
			continue
		}
		seen[act.Criterion] = true
		out = append(out, PlanMove{Criterion: &latest.Set.Criteria[i], From: prev.Level(i), To: latest.Level(i)})
	}
	return out
}

// kindName is the short name of an assessment's kind.
func kindName(l, kind string) string {
	if kind == "" {
		return msg.T(l, "review.kind.unknown-short")
	}
	return reviewKind(l, kind)
}

// kindsLine names the kind of each dated assessment of sv, and whether the
// history mixes self-assessments and external reviews.
func kindsLine(l string, sc *ServiceCycle) string {
	var parts []string
	for k := range sc.Service.History {
		s := &sc.Service.History[k]
		d := msg.T(l, "review.no-date")
		if !s.Date.IsZero() {
			d = dayText(l, s.Date)
		}
		parts = append(parts, d+" "+kindName(l, sc.Kinds[k]))
	}
	return msg.T(l, "review.compare.kinds", strings.Join(parts, ", "))
}

// movesText is "17 Title 3 → 4; …".
func movesText(l string, moves []PlanMove) string {
	var parts []string
	for _, m := range moves {
		parts = append(parts, fmt.Sprintf("%d %s %s → %s", m.Criterion.Number, m.Criterion.Title.In(l), levelText(m.From), levelText(m.To)))
	}
	return strings.Join(parts, "; ")
}

// planMoves says, for each criterion of the previous assessment's plan,
// its level then and now.
func planMoves(l string, sc *ServiceCycle) string {
	if len(sc.Moves) == 0 {
		return ""
	}
	return msg.T(l, "review.compare.plan-moves", movesText(l, sc.Moves))
}

// benchText says which benchmark a rate reaches.
func benchText(l string, sc *ServiceCycle) string {
	if sc.Bench != nil {
		return msg.T(l, "review.reached", sc.Bench.Name.In(l))
	}
	return msg.T(l, "review.reached-none")
}

// rateLine says the latest employment rate and the one before it.
func rateLine(l string, sc *ServiceCycle) string {
	if !sc.HasRate {
		return ""
	}
	line := msg.T(l, "review.compare.rate", pct(l, sc.Rate), benchText(l, sc))
	if sc.HasPrevRate {
		line += " " + msg.T(l, "review.compare.rate-before", pct(l, sc.PrevRate))
	}
	return line
}

// openLine counts the open (and overdue) actions of the latest plan; ""
// when the latest assessment records no cycle.
func openLine(l string, sc *ServiceCycle, today time.Time) string {
	switch {
	case !sc.LatestCycle:
		return ""
	case !sc.HasPlan:
		return msg.T(l, "review.compare.no-plan")
	case today.IsZero():
		return msg.T(l, "review.compare.open", len(sc.Open))
	}
	return msg.T(l, "review.compare.open-overdue", len(sc.Open), len(sc.Overdue))
}

// dueLine says one service is due for review or overdue.
func dueLine(l string, d ReviewDue) string {
	key := "review.compare.due-soon"
	if d.State == scoring.ReviewOverdue {
		key = "review.compare.overdue"
	}
	return msg.T(l, key, ServiceName(d.Service.Provider, d.Service.Unit), dayText(l, d.Next))
}

// reviewSection is the review cycle of a comparison as lines of text, for
// the terminal, Markdown and HTML: a block per service that records the
// cycle.
type reviewSection struct {
	Heading  string
	Services []reviewBlock
}

type reviewBlock struct {
	Name string
	// Lines are the block's sentences; Overdue the overdue actions, listed
	// after Lines[OverdueAt-1].
	Lines     []string
	Overdue   []string
	OverdueAt int
	Mixed     bool
}

// reviewSectionOf builds the section; ok is false when no assessment of c
// records the cycle.
func reviewSectionOf(c *scoring.Comparison, opt CompareOptions) (reviewSection, bool) {
	if !hasCycle(c) {
		return reviewSection{}, false
	}
	l := opt.Lang
	rs := reviewSection{Heading: msg.T(l, "review.heading")}
	for i := range c.Services {
		sc := CycleOf(&c.Services[i], opt.Today)
		if !sc.HasCycle() {
			continue
		}
		b := reviewBlock{Name: ServiceName(sc.Service.Provider, sc.Service.Unit), Mixed: sc.Mixed}
		add := func(s string) {
			if s != "" {
				b.Lines = append(b.Lines, s)
			}
		}
		add(kindsLine(l, &sc))
		if sc.Mixed {
			add(msg.T(l, "review.compare.mixed"))
		}
		add(rateLine(l, &sc))
		if !sc.Next.IsZero() {
			add(msg.T(l, "review.compare.next", dayText(l, sc.Next)))
		}
		add(openLine(l, &sc, opt.Today))
		b.OverdueAt = len(b.Lines)
		latest := sc.Service.Latest()
		for k := range sc.Overdue {
			b.Overdue = append(b.Overdue, actionText(l, latest.Set, &sc.Overdue[k]))
		}
		add(planMoves(l, &sc))
		rs.Services = append(rs.Services, b)
	}
	return rs, true
}

// trendDate heads a trend's column: the date, and with the cycle the
// assessment's kind.
func trendDate(s *scoring.Snapshot, l string, cycle bool) string {
	if !cycle {
		return dateText(s, l)
	}
	kind := ""
	if s.Cycle != nil {
		kind = s.Cycle.Kind
	}
	return dateText(s, l) + " (" + kindName(l, kind) + ")"
}

// ratePoint is a service's latest fidelity total against its latest
// employment rate, for the charts of both.
type ratePoint struct {
	Index   int // in c.Services: the service's key
	Service *scoring.Service
	Total   int
	Rate    float64
	// Complete is the latest assessment's; an incomplete total does not
	// count the same.
	Complete bool
}

// ratePoints are the services with an employment rate, in the summary's
// order, and the names of those without one.
func ratePoints(c *scoring.Comparison) (pts []ratePoint, without []int) {
	for i := range c.Services {
		sv := &c.Services[i]
		sc := CycleOf(sv, time.Time{})
		if !sc.HasRate {
			without = append(without, i)
			continue
		}
		s := sv.Latest()
		pts = append(pts, ratePoint{Index: i, Service: sv, Total: s.Total, Rate: sc.Rate, Complete: s.Complete})
	}
	return pts, without
}

// benchLines are the employment-rate benchmarks as reference lines,
// "31 % vähimmäistaso".
func benchLines(l string) []RefLine {
	var lines []RefLine
	for _, b := range criteria.BuiltinCycle().EmploymentRate.Levels {
		lines = append(lines, RefLine{Value: b.Min, Label: pct(l, b.Min) + "\u00a0% " + truncate(b.Name.In(l), 14)})
	}
	return lines
}

// benchLegend names the benchmarks: "50 % erinomainen, 41 % hyvä, …".
func benchLegend(l string) string {
	var parts []string
	for _, b := range criteria.BuiltinCycle().EmploymentRate.Levels {
		parts = append(parts, pct(l, b.Min)+"\u00a0% "+b.Name.In(l))
	}
	return strings.Join(parts, ", ")
}

// rateScatter is the chart of fidelity total against employment rate
// across services, each point labelled with the service's key; nil when
// no service has a rate.
func rateScatter(c *scoring.Comparison, l string) *DocFigure {
	pts, without := ratePoints(c)
	if len(pts) == 0 {
		return nil
	}
	set := c.Set
	chart := ScatterChart{ID: "rate", Title: msg.T(l, "cmpcycle.scatter.title"),
		XLabel: msg.T(l, "cmpcycle.scatter.x", set.MaxTotal()), YLabel: msg.T(l, "cmpcycle.scatter.y"),
		XMin: float64(len(set.Criteria)), XMax: float64(set.MaxTotal()), XStep: 25,
		YMin: 0, YMax: 100, YStep: 20, XLines: bandLines(set), YLines: benchLines(l)}
	if int(chart.XMin)%25 != 0 {
		chart.XMin = 0
	}
	var parts []string
	for _, p := range pts {
		name := serviceKey(p.Index) + " " + ServiceName(p.Service.Provider, p.Service.Unit)
		text := msg.T(l, "cmpcycle.scatter.point", name, p.Total, pct(l, p.Rate))
		if !p.Complete {
			text += " (" + msg.T(l, "compare.incomplete") + ")"
		}
		parts = append(parts, text)
		chart.Points = append(chart.Points, ScatterPoint{Key: serviceKey(p.Index), X: float64(p.Total), Y: p.Rate, Open: !p.Complete})
	}
	for _, i := range without {
		sv := &c.Services[i]
		parts = append(parts, msg.T(l, "cmpcycle.scatter.no-rate", serviceKey(i)+" "+ServiceName(sv.Provider, sv.Unit)))
	}
	chart.Desc = msg.T(l, "cmpcycle.scatter.desc", bandLegend(set, l), benchLegend(l), strings.Join(parts, "; "))
	return &DocFigure{Caption: chart.Title, Chart: chart}
}
