package report

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// The review cycle in the one-service report (issue 16), from the same
// data and sentences as the text and Markdown of `laatu score`
// (score_review.go): how the assessment was made and the next review, the
// outcomes against the benchmarks, the strengths (at the top level or
// risen since the earlier assessment), the action plan and the data
// sources. Every report has the strengths, and the next review when the
// assessment has a date; the rest is for an assessment that records
// something of the cycle.

// cycleSections are the review and outcome section of pool[i]; pool holds
// the results scored and the history, so that a strength can be a rise
// since the earlier assessment.
func cycleSections(l string, pool []scoring.Result, i int) []Section {
	r := &pool[i]
	a := r.Assessment
	switch {
	case a == nil, !a.HasCycle() && a.Date.IsZero():
		return nil
	case !a.HasCycle():
		return []Section{{Heading: msg.T(l, "review.heading"), Blocks: []Block{&Para{Text: nextReviewLine(l, pool, i), Note: true}}}}
	}
	facts := &DocTable{Caption: msg.T(l, "doc2.review.table"), RowHeader: 0, Widths: []float64{30, 60}, Wrap: []int{1}, CSV: true,
		Header: []string{msg.T(l, "doc2.col.item"), msg.T(l, "doc2.col.value")}}
	fact := func(label, value string) {
		facts.Rows = append(facts.Rows, []Value{VText(label), VText(value)})
	}
	if rv := a.Review; rv != nil {
		fact(msg.T(l, "doc2.review.kind"), reviewKind(l, rv.Kind))
		if len(rv.Reviewers) > 0 {
			fact(msg.T(l, "doc2.review.reviewers"), strings.Join(rv.Reviewers, ", "))
		}
		if rv.Organisation != "" {
			fact(msg.T(l, "doc2.review.organisation"), rv.Organisation)
		}
		if rv.DaysOnSite != nil {
			fact(msg.T(l, "doc2.review.days"), Figure(l, *rv.DaysOnSite))
		}
	}
	if !a.Date.IsZero() {
		next, _ := nextReviewOf(pool, i)
		fact(msg.T(l, "doc2.review.next"), dayText(l, next))
	}
	sec := Section{Heading: msg.T(l, "review.heading"), Blocks: []Block{facts, &Para{Text: nextReviewLine(l, pool, i), Note: true}}}
	sections := []Section{sec}

	if o := scoring.OutcomeOf(a.Outcomes, &criteria.BuiltinCycle().EmploymentRate); o != nil {
		out := Section{Heading: msg.T(l, "doc2.outcomes")}
		for _, line := range outcomeLines(l, o) {
			out.Blocks = append(out.Blocks, &Para{Text: line})
		}
		if o.HasRate {
			out.Blocks = append(out.Blocks, benchmarkTable(l, o))
		}
		sections = append(sections, out)
	}
	return sections
}

// benchmarkTable sets the service's employment rate among the published
// benchmarks, highest first, the service's row in bold.
func benchmarkTable(l string, o *scoring.Outcome) *DocTable {
	t := &DocTable{Caption: msg.T(l, "doc2.outcomes.table"), RowHeader: 0, Widths: []float64{40, 20}, CSV: true,
		Header: []string{"", msg.T(l, "doc2.col.rate")}}
	type row struct {
		name string
		rate float64
		own  bool
	}
	service := msg.T(l, "doc2.outcomes.service")
	if out := o.Outcomes; !out.Start.IsZero() && !out.End.IsZero() {
		service = msg.T(l, "doc2.outcomes.service-period", strings.TrimSpace(msg.T(l, "review.period", dayText(l, out.Start), dayText(l, out.End))))
	}
	rows := []row{{service, o.Rate, true}}
	for _, b := range o.Benchmarks.Levels {
		rows = append(rows, row{name: msg.T(l, "doc2.outcomes.benchmark", b.Name.In(l)), rate: b.Min})
	}
	// The service stands above a benchmark it reaches.
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].rate == rows[j].rate {
			return rows[i].own
		}
		return rows[i].rate > rows[j].rate
	})
	for k, r := range rows {
		t.Rows = append(t.Rows, []Value{VText(strings.TrimSpace(r.name)), pctValue(r.rate)})
		if r.own {
			t.Bold = []int{k}
		}
	}
	return t
}

// pctValue is a share in per cent as pct writes it: whole when whole,
// otherwise one decimal, cut rather than rounded.
func pctValue(x float64) Value {
	if x == math.Trunc(x) {
		return VNum(x, 0)
	}
	return VNum(pctCut(x), 1)
}

// strengthsSection lists pool[i]'s strengths (scoring.Strengths): the
// criteria at the top level, or else at the highest level given, and
// those risen since the earlier assessment of the same service in pool,
// each with the rater's reason.
func strengthsSection(l string, pool []scoring.Result, i int) Section {
	r := &pool[i]
	sec := Section{Heading: msg.T(l, "doc.strengths")}
	ss, earlier := strengthsOf(pool, i)
	notes := map[int]string{}
	for _, it := range r.Items {
		notes[it.Number()] = oneLine(it.Note)
	}
	list := &DocList{}
	for _, s := range ss {
		// The level is shown with the title; a rise is said below it,
		// labelled like the reason, so that every entry reads alike.
		it := ListItem{Title: fmt.Sprintf("%d %s", s.Criterion.Number, s.Criterion.Title.In(l)), Level: s.Level}
		if s.From != 0 {
			it.Detail = []Detail{{Label: msg.T(l, "doc.change"), Text: msg.T(l, "doc2.strength.rose", s.From)}}
		}
		it.Detail = append(it.Detail, nonEmpty(Detail{msg.T(l, "doc.col.reason"), notes[s.Criterion.Number]})...)
		list.Items = append(list.Items, it)
	}
	if len(list.Items) == 0 {
		sec.Blocks = []Block{&Para{Text: strengthsNone(l, earlier)}}
		return sec
	}
	if lead := strengthsLead(l, ss); lead != "" {
		sec.Blocks = []Block{&Para{Text: lead}}
	}
	sec.Blocks = append(sec.Blocks, list)
	return sec
}

// strengthMarks says, per criterion number, why it is among pool[i]'s
// strengths ("ylin taso; noussut tasolta 4"), for the CSV's column.
func strengthMarks(l string, pool []scoring.Result, i int) map[int]string {
	ss, _ := strengthsOf(pool, i)
	marks := map[int]string{}
	for _, s := range ss {
		var why []string
		switch {
		case s.Top():
			why = append(why, msg.T(l, "h16.strength.top"))
		case s.Highest:
			why = append(why, msg.T(l, "h16.strength.highest"))
		}
		if s.From != 0 {
			why = append(why, msg.T(l, "doc2.strength.rose", s.From))
		}
		marks[s.Criterion.Number] = strings.Join(why, "; ")
	}
	return marks
}

// planSections are the action plan (criterion, action, owner, due,
// status) and the data sources of a result whose file records the cycle,
// on a sheet of their own.
func planSections(l string, r *scoring.Result, sheet string) []Section {
	a := r.Assessment
	if a == nil || !a.HasCycle() {
		return nil
	}
	title := func(n int) string {
		if c := r.Set.Criterion(n); c != nil {
			return fmt.Sprintf("%d %s", n, c.Title.In(l))
		}
		return fmt.Sprint(n)
	}
	sec := Section{Heading: msg.T(l, "review.plan"), Sheet: sheet}
	if len(a.Plan) == 0 {
		sec.Blocks = []Block{&Para{Text: msg.T(l, "review.plan-none")}}
	} else {
		t := &DocTable{Caption: msg.T(l, "doc2.plan.table"), RowHeader: 0, Records: true, CSV: true,
			Widths: []float64{26, 44, 18, 12, 12}, Wrap: []int{0, 1, 2},
			Header: []string{msg.T(l, "score.col.criterion"), msg.T(l, "doc2.col.action"), msg.T(l, "doc2.col.owner"),
				msg.T(l, "doc2.col.due"), msg.T(l, "doc2.col.status")}}
		for _, act := range a.Plan {
			due := Value{}
			if !act.Due.IsZero() {
				due = VDate(act.Due, dayText(l, act.Due))
			}
			status := act.Status
			if status == "" {
				status = form.StatusOpen
			}
			t.Rows = append(t.Rows, []Value{VText(title(act.Criterion)), VText(oneLine(act.Action)), textOrBlank(oneLine(act.Owner)),
				due, VText(actionStatusText(l, status))})
		}
		sec.Blocks = []Block{t}
	}
	sections := []Section{sec}
	src := &DocTable{Caption: msg.T(l, "doc2.sources.table"), RowHeader: 0, Widths: []float64{40, 50}, Wrap: []int{0, 1}, CSV: true,
		Header: []string{msg.T(l, "score.col.criterion"), msg.T(l, "review.sources")}}
	for _, it := range a.Items {
		if len(it.Sources) > 0 {
			src.Rows = append(src.Rows, []Value{VText(title(it.Criterion)), VText(sourceNames(l, it.Sources))})
		}
	}
	if len(src.Rows) > 0 {
		sections = append(sections, Section{Heading: msg.T(l, "review.sources"), Blocks: []Block{src}})
	}
	return sections
}
