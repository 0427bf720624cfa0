package report

import (
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// The review cycle in `laatu score` (issue 16): how the assessment was made,
// the next review, the employment outcomes against the benchmarks, the
// strengths, the action plan and the data sources. Every report says the
// strengths and, for an assessment with a date, when the next review is
// due; the rest is shown for an assessment that records something of the
// cycle (form.Assessment.HasCycle).

// cycleView is the cycle's content in the reader's language, shared by the
// text and Markdown reports.
type cycleView struct {
	// Lines say how the assessment was made, the next review and the
	// outcomes, one sentence each.
	Lines []string
	// StrengthsLead stands before the strengths ("no criterion is at
	// level 5; …"), StrengthsNone instead of them when there are none.
	StrengthsLead, StrengthsNone string
	Strengths                    []string
	// Cycle says the file records the cycle: the plan (or that there is
	// none) and the data sources are shown.
	Cycle   bool
	Plan    []string
	Sources []string
}

// earlierOf is the latest assessment among results of the same service as
// results[i] on an earlier date, or nil.
func earlierOf(results []scoring.Result, i int) *scoring.Result {
	a := results[i].Assessment
	if a == nil || a.Date.IsZero() {
		return nil
	}
	var best *scoring.Result
	for j := range results {
		b := results[j].Assessment
		if j == i || b == nil || b.Key() != a.Key() || b.Date.IsZero() || !b.Date.Before(a.Date) {
			continue
		}
		if results[j].Set.ID != results[i].Set.ID {
			continue
		}
		if best == nil || b.Date.After(best.Assessment.Date) {
			best = &results[j]
		}
	}
	return best
}

// strengthsOf lists results[i]'s strengths against its earlier assessment
// of the same service among results, and says whether there is one.
func strengthsOf(results []scoring.Result, i int) ([]scoring.Strength, bool) {
	var snap *scoring.Snapshot
	if e := earlierOf(results, i); e != nil {
		s := e.Snapshot()
		snap = &s
	}
	return scoring.Strengths(&results[i], snap), snap != nil
}

// strengthsLead is the sentence before strengths: that they are the
// highest levels given when no criterion is at the top level; "" otherwise.
func strengthsLead(l string, ss []scoring.Strength) string {
	for _, s := range ss {
		if s.Highest {
			return msg.T(l, "doc.strengths-top")
		}
	}
	return ""
}

// strengthsNone says there are no strengths, naming the rises when there
// was an earlier assessment to rise from.
func strengthsNone(l string, earlier bool) string {
	if earlier {
		return msg.T(l, "h16.strengths-none-earlier")
	}
	return msg.T(l, "doc.no-strengths")
}

// wrapNB is wrap that keeps a no-break space (between a number and its
// per cent sign) from ending a line.
func wrapNB(s string, width int, indent string) string {
	const keep = "\ue000"
	return strings.ReplaceAll(wrap(strings.ReplaceAll(s, "\u00a0", keep), width, indent), keep, "\u00a0")
}

func dayText(l string, t time.Time) string {
	return dateFor(l, t.Format(time.DateOnly), t.Format("2.1.2006"))
}

// pct is a share in per cent: whole when it is whole, otherwise with one
// decimal, cut rather than rounded, so that 30.95 % (below the 31 %
// benchmark) is not shown as 31.0 %.
func pct(l string, x float64) string {
	if x == math.Trunc(x) {
		return Num(l, x, 0)
	}
	return Num(l, math.Floor(x*10)/10, 1)
}

func reviewKind(l, kind string) string {
	if kind == "" {
		return msg.T(l, "review.kind.unknown")
	}
	return msg.T(l, "review.kind."+kind)
}

func actionStatusText(l, status string) string {
	if status == "" {
		status = form.StatusOpen
	}
	return msg.T(l, "review.status."+status)
}

// nextReviewLine says when results[i]'s next review is due and why,
// counted as reviewBasisOf counts it.
func nextReviewLine(l string, results []scoring.Result, i int) string {
	r := reviewBasisOf(results, i)
	if r == nil {
		return msg.T(l, "review.next-no-date")
	}
	rule := criteria.BuiltinCycle().Review
	next := scoring.NextReview(r.Assessment.Date, r.Total, r.Complete, rule)
	var why string
	switch {
	case !r.Complete:
		why = msg.T(l, "review.why-incomplete", rule.GoodFidelity)
	case r.Total >= rule.GoodFidelity:
		why = msg.T(l, "review.why-good", r.Total, rule.GoodFidelity)
	default:
		why = msg.T(l, "review.why-below", r.Total, rule.GoodFidelity)
	}
	line := msg.T(l, "review.next", dayText(l, next), nextReviewMonths(r), why)
	if r != &results[i] {
		line += " " + msg.T(l, "lead.review.counted-from", dayText(l, r.Assessment.Date), reviewKindOf(l, r))
	}
	return line
}

// nextReviewOf is the day results[i]'s next review is due (reviewBasisOf)
// and its interval in months; zero when results[i] has no date.
func nextReviewOf(results []scoring.Result, i int) (time.Time, int) {
	r := reviewBasisOf(results, i)
	if r == nil {
		return time.Time{}, 0
	}
	return scoring.NextReview(r.Assessment.Date, r.Total, r.Complete, criteria.BuiltinCycle().Review), nextReviewMonths(r)
}

// reviewKindOf names the kind of r's review, as its file states it.
func reviewKindOf(l string, r *scoring.Result) string {
	if rv := r.Assessment.Review; rv != nil {
		return reviewKind(l, rv.Kind)
	}
	return reviewKind(l, "")
}

// benchmarkList is "erinomainen vähintään 50 %, hyvä vähintään 41 %, …".
func benchmarkList(l string, b *criteria.RateBenchmarks) string {
	parts := make([]string, len(b.Levels))
	for i, lv := range b.Levels {
		parts[i] = msg.T(l, "review.benchmark", lv.Name.In(l), pct(l, lv.Min))
	}
	return strings.Join(parts, ", ")
}

// outcomeLines say the employment rate against the benchmarks and the job
// counts.
func outcomeLines(l string, o *scoring.Outcome) []string {
	var lines []string
	out := o.Outcomes
	period := ""
	if !out.Start.IsZero() && !out.End.IsZero() {
		period = msg.T(l, "review.period", dayText(l, out.Start), dayText(l, out.End))
	}
	if o.HasRate {
		lines = append(lines, msg.T(l, "review.rate", period, pct(l, o.Rate), *out.CompetitiveWork, *out.Caseload))
		reached := msg.T(l, "review.reached-none")
		if o.Reached != nil {
			reached = msg.T(l, "review.reached", o.Reached.Name.In(l))
		}
		lines = append(lines, msg.T(l, "review.benchmarks", o.Benchmarks.Publisher, benchmarkList(l, o.Benchmarks), reached))
	} else {
		lines = append(lines, msg.T(l, "review.no-rate", period))
	}
	var jobs []string
	if out.JobStarts != nil {
		jobs = append(jobs, msg.T(l, "review.job-starts", *out.JobStarts))
	}
	if out.JobsEnded != nil {
		jobs = append(jobs, msg.T(l, "review.jobs-ended", *out.JobsEnded))
	}
	if len(jobs) > 0 {
		lines = append(lines, strings.Join(jobs, "; ")+".")
	}
	return lines
}

// reviewLine says how the assessment was made: its kind, the reviewers and
// their organisation, the days on site.
func reviewLine(l string, rv *form.Review) string {
	parts := []string{reviewKind(l, rv.Kind)}
	if len(rv.Reviewers) > 0 {
		parts = append(parts, msg.T(l, "review.reviewers", msg.Clip(strings.Join(rv.Reviewers, ", "))))
	}
	if rv.Organisation != "" {
		parts = append(parts, msg.T(l, "review.organisation", msg.Clip(rv.Organisation)))
	}
	if rv.DaysOnSite != nil {
		parts = append(parts, msg.T(l, "review.days", Figure(l, *rv.DaysOnSite)))
	}
	return msg.T(l, "review.how", strings.Join(parts, "; "))
}

func strengthText(l string, s scoring.Strength) string {
	var t string
	switch {
	case s.Top() && s.From != 0:
		t = msg.T(l, "review.strength-top-rose", s.Level, s.From)
	case s.Top():
		t = msg.T(l, "review.strength-top", s.Level)
	case s.From != 0:
		t = msg.T(l, "review.strength-rose", s.Level, s.From)
	default:
		t = msg.T(l, "score.level", s.Level)
	}
	return fmt.Sprintf("%d %s: %s", s.Criterion.Number, s.Criterion.Title.In(l), t)
}

func actionText(l string, set *criteria.Set, act *form.Action) string {
	title := ""
	if c := set.Criterion(act.Criterion); c != nil {
		title = " " + c.Title.In(l)
	}
	parts := []string{strings.TrimRight(msg.Clip(act.Action), ".")}
	if act.Owner != "" {
		parts = append(parts, msg.T(l, "review.owner", msg.Clip(act.Owner)))
	}
	if !act.Due.IsZero() {
		parts = append(parts, msg.T(l, "review.due", dayText(l, act.Due)))
	}
	parts = append(parts, actionStatusText(l, act.Status))
	return fmt.Sprintf("%d%s: %s", act.Criterion, title, strings.Join(parts, "; "))
}

func sourceNames(l string, ids []string) string {
	names := make([]string, 0, len(ids))
	for _, id := range ids {
		if s := criteria.DataSourceByID(id); s != nil {
			names = append(names, s.Name.In(l))
		}
	}
	return strings.Join(names, ", ")
}

// cycleOf builds results[i]'s cycle view: the strengths and the next
// review of every assessment, and the rest of the cycle when its file
// records it. A file without a date gets no next review; one that records
// the cycle is told why.
func cycleOf(l string, results []scoring.Result, i int) *cycleView {
	r := &results[i]
	a := r.Assessment
	if a == nil {
		return nil
	}
	v := &cycleView{Cycle: a.HasCycle()}
	if v.Cycle && a.Review != nil {
		v.Lines = append(v.Lines, reviewLine(l, a.Review))
	}
	if v.Cycle || !a.Date.IsZero() {
		v.Lines = append(v.Lines, nextReviewLine(l, results, i))
	}
	if o := scoring.OutcomeOf(a.Outcomes, &criteria.BuiltinCycle().EmploymentRate); v.Cycle && o != nil {
		v.Lines = append(v.Lines, outcomeLines(l, o)...)
	}
	ss, earlier := strengthsOf(results, i)
	for _, s := range ss {
		v.Strengths = append(v.Strengths, strengthText(l, s))
	}
	v.StrengthsLead, v.StrengthsNone = strengthsLead(l, ss), strengthsNone(l, earlier)
	if !v.Cycle {
		return v
	}
	for k := range a.Plan {
		v.Plan = append(v.Plan, actionText(l, r.Set, &a.Plan[k]))
	}
	for _, it := range a.Items {
		if len(it.Sources) == 0 {
			continue
		}
		title := ""
		if c := r.Set.Criterion(it.Criterion); c != nil {
			title = " " + c.Title.In(l)
		}
		v.Sources = append(v.Sources, fmt.Sprintf("%d%s: %s", it.Criterion, title, sourceNames(l, it.Sources)))
	}
	return v
}

// scoreReviewText writes results[i]'s review cycle for a terminal: the
// next review and the strengths, and for a file that records the cycle the
// rest of it.
func scoreReviewText(w io.Writer, l string, ww int, results []scoring.Result, i int) {
	v := cycleOf(l, results, i)
	if v == nil {
		return
	}
	if len(v.Lines) > 0 {
		fmt.Fprintf(w, "\n%s:\n", msg.T(l, "review.heading"))
	}
	for _, line := range v.Lines {
		fmt.Fprintf(w, "%s\n", wrapNB(line, ww, ""))
	}
	list := func(heading, lead, none string, items []string) {
		fmt.Fprintf(w, "\n%s:\n", msg.T(l, heading))
		if lead != "" {
			fmt.Fprintf(w, "%s\n", wrap(lead, ww, ""))
		}
		if len(items) == 0 {
			fmt.Fprintf(w, "%s\n", wrap(none, ww, ""))
		}
		for _, s := range items {
			fmt.Fprintf(w, "- %s\n", wrap(s, ww-2, "  "))
		}
	}
	list("review.strengths", v.StrengthsLead, v.StrengthsNone, v.Strengths)
	if !v.Cycle {
		return
	}
	list("review.plan", "", msg.T(l, "review.plan-none"), v.Plan)
	if len(v.Sources) > 0 {
		list("review.sources", "", "", v.Sources)
	}
}

// scoreReviewMarkdown writes results[i]'s review cycle as Markdown, as
// scoreReviewText does.
func scoreReviewMarkdown(w io.Writer, l string, results []scoring.Result, i int) {
	v := cycleOf(l, results, i)
	if v == nil {
		return
	}
	if len(v.Lines) > 0 {
		fmt.Fprintf(w, "### %s\n\n", msg.T(l, "review.heading"))
		for _, line := range v.Lines {
			fmt.Fprintf(w, "- %s\n", mdEscape(oneLine(line)))
		}
		fmt.Fprintln(w)
	}
	list := func(heading, lead, none string, items []string) {
		fmt.Fprintf(w, "### %s\n\n", msg.T(l, heading))
		if lead != "" {
			fmt.Fprintf(w, "%s\n\n", mdEscape(lead))
		}
		if len(items) == 0 {
			fmt.Fprintf(w, "%s\n\n", mdEscape(none))
			return
		}
		for _, s := range items {
			fmt.Fprintf(w, "- %s\n", mdEscape(oneLine(s)))
		}
		fmt.Fprintln(w)
	}
	list("review.strengths", v.StrengthsLead, v.StrengthsNone, v.Strengths)
	if !v.Cycle {
		return
	}
	list("review.plan", "", msg.T(l, "review.plan-none"), v.Plan)
	if len(v.Sources) > 0 {
		list("review.sources", "", "", v.Sources)
	}
}

// CycleJSON is the review cycle of one assessment in the score JSON. Ids
// (kind, benchmark, status, sources) are stable; names are in the language
// asked for.
type CycleJSON struct {
	Review *ReviewJSON `json:"review,omitempty"`
	// NextReview is the date the next review is due (ISO), nil when the
	// assessment has no date; NextReviewMonths the interval used.
	NextReview       *string             `json:"next_review"`
	NextReviewMonths int                 `json:"next_review_months"`
	Outcomes         *OutcomesJSON       `json:"outcomes,omitempty"`
	Strengths        []StrengthJSON      `json:"strengths"`
	Plan             []ActionJSON        `json:"plan"`
	Sources          map[string][]string `json:"sources,omitempty"`
}

// ReviewJSON says how the assessment was made.
type ReviewJSON struct {
	Kind         *string  `json:"kind"`
	KindName     string   `json:"kind_name"`
	Reviewers    []string `json:"reviewers"`
	Organisation string   `json:"organisation,omitempty"`
	DaysOnSite   *float64 `json:"days_on_site,omitempty"`
}

// OutcomesJSON are the outcomes of a period with the employment rate (per
// cent, two decimals) and the benchmarks it is read against.
type OutcomesJSON struct {
	PeriodStart     *string         `json:"period_start"`
	PeriodEnd       *string         `json:"period_end"`
	Caseload        *int            `json:"caseload"`
	CompetitiveWork *int            `json:"competitive_work"`
	JobStarts       *int            `json:"job_starts"`
	JobsEnded       *int            `json:"jobs_ended"`
	EmploymentRate  *float64        `json:"employment_rate"`
	Benchmark       *string         `json:"benchmark"`
	BenchmarkName   *string         `json:"benchmark_name"`
	Benchmarks      []BenchmarkJSON `json:"benchmarks"`
	Source          string          `json:"benchmark_source"`
	SourceURL       string          `json:"benchmark_url"`
}

// BenchmarkJSON is one published cut-off of the employment rate.
type BenchmarkJSON struct {
	ID   string  `json:"id"`
	Name string  `json:"name"`
	Min  float64 `json:"min"`
}

// StrengthJSON is a criterion at the top level or risen since the earlier
// assessment of the same service among the files scored (from, absent
// when it did not rise).
//
// Highest marks a criterion among the highest levels given when no
// criterion is at the top level (absent otherwise).
type StrengthJSON struct {
	Criterion int    `json:"criterion"`
	Title     string `json:"title"`
	Level     int    `json:"level"`
	From      *int   `json:"from,omitempty"`
	Highest   bool   `json:"highest,omitempty"`
}

// strengthsJSON are strengths for the JSON, never nil.
func strengthsJSON(l string, ss []scoring.Strength) []StrengthJSON {
	out := []StrengthJSON{}
	for _, s := range ss {
		sj := StrengthJSON{Criterion: s.Criterion.Number, Title: s.Criterion.Title.In(l), Level: s.Level, Highest: s.Highest}
		if s.From != 0 {
			sj.From = ptr(s.From)
		}
		out = append(out, sj)
	}
	return out
}

// nextReviewMonths is the interval to r's next review: the rule's longer
// one once r is complete at good fidelity.
func nextReviewMonths(r *scoring.Result) int {
	rule := criteria.BuiltinCycle().Review
	if r.Complete && r.Total >= rule.GoodFidelity {
		return rule.AtOrAboveMonths
	}
	return rule.BelowMonths
}

// ActionJSON is one action of the plan.
type ActionJSON struct {
	Criterion int     `json:"criterion"`
	Title     string  `json:"title"`
	Action    string  `json:"action"`
	Owner     string  `json:"owner"`
	Due       *string `json:"due"`
	Status    string  `json:"status"`
}

func isoOrNil(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	return ptr(t.Format(time.DateOnly))
}

// cycleJSON is results[i]'s review cycle for the JSON; nil when its file
// records none.
func cycleJSON(results []scoring.Result, i int, l string) *CycleJSON {
	r := &results[i]
	a := r.Assessment
	if a == nil || !a.HasCycle() {
		return nil
	}
	ss, _ := strengthsOf(results, i)
	next, months := nextReviewOf(results, i)
	j := &CycleJSON{Strengths: strengthsJSON(l, ss), Plan: []ActionJSON{}, NextReviewMonths: months}
	j.NextReview = isoOrNil(next)
	if rv := a.Review; rv != nil {
		rj := &ReviewJSON{KindName: reviewKind(l, rv.Kind), Reviewers: rv.Reviewers, Organisation: rv.Organisation, DaysOnSite: rv.DaysOnSite}
		if rv.Kind != "" {
			rj.Kind = ptr(rv.Kind)
		}
		if rj.Reviewers == nil {
			rj.Reviewers = []string{}
		}
		j.Review = rj
	}
	if o := scoring.OutcomeOf(a.Outcomes, &criteria.BuiltinCycle().EmploymentRate); o != nil {
		oj := &OutcomesJSON{
			PeriodStart: isoOrNil(o.Outcomes.Start), PeriodEnd: isoOrNil(o.Outcomes.End),
			Caseload: o.Outcomes.Caseload, CompetitiveWork: o.Outcomes.CompetitiveWork,
			JobStarts: o.Outcomes.JobStarts, JobsEnded: o.Outcomes.JobsEnded,
			Source: o.Benchmarks.Source.In(l), SourceURL: o.Benchmarks.URL,
		}
		if o.HasRate {
			oj.EmploymentRate = ptr(round2(o.Rate))
		}
		if o.Reached != nil {
			oj.Benchmark, oj.BenchmarkName = ptr(o.Reached.ID), ptr(o.Reached.Name.In(l))
		}
		for _, b := range o.Benchmarks.Levels {
			oj.Benchmarks = append(oj.Benchmarks, BenchmarkJSON{ID: b.ID, Name: b.Name.In(l), Min: b.Min})
		}
		j.Outcomes = oj
	}
	for _, act := range a.Plan {
		aj := ActionJSON{Criterion: act.Criterion, Action: act.Action, Owner: act.Owner, Due: isoOrNil(act.Due), Status: act.Status}
		if aj.Status == "" {
			aj.Status = form.StatusOpen
		}
		if c := r.Set.Criterion(act.Criterion); c != nil {
			aj.Title = c.Title.In(l)
		}
		j.Plan = append(j.Plan, aj)
	}
	for _, it := range a.Items {
		if len(it.Sources) > 0 {
			if j.Sources == nil {
				j.Sources = map[string][]string{}
			}
			j.Sources[fmt.Sprint(it.Criterion)] = it.Sources
		}
	}
	return j
}
