package report

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// ScoreDocument builds the one-service report of each result: the header
// (service, provider, date, raters, set), the domain profile as a chart,
// the trend of the totals when history holds earlier assessments of the
// same service, the strengths, the weak criteria with what the next level
// asks, and every criterion with its level, how the level was reached,
// the reason and the evidence. history may hold assessments of other
// services too; each report takes those of its own service dated before it.
func ScoreDocument(results []scoring.Result, history []scoring.Result, opt ScoreOptions) *Document {
	l := opt.Lang
	d := &Document{Lang: l, Class: "score-report", Title: msg.T(l, "doc.score.title"), Kind: msg.T(l, "doc.score.title")}
	if len(results) == 1 {
		a := results[0].Assessment
		d.Title = msg.T(l, "doc.score.title-of", ServiceName(a.Provider, a.Unit))
	}
	data := &DocTable{RowHeader: -1, Header: []string{
		msg.T(l, "doc.col.provider"), msg.T(l, "doc.col.unit"), msg.T(l, "doc.col.date"), msg.T(l, "doc.col.set"),
		msg.T(l, "doc.col.set-version"), msg.T(l, "doc.col.number"), msg.T(l, "score.col.criterion"), msg.T(l, "score.col.domain"),
		msg.T(l, "score.col.level"), msg.T(l, "doc.col.basis"), msg.T(l, "doc.col.how"), msg.T(l, "doc.col.reason"), msg.T(l, "doc.col.evidence"),
		msg.T(l, "h16.col.strength"), msg.T(l, "h16.col.next-review"),
	}}
	// The cycle's strengths look for the earlier assessment among the
	// results and the history, as `laatu score` does among its files.
	pool := append(append([]scoring.Result{}, results...), history...)
	for i := range results {
		r := &results[i]
		d.Sections = append(d.Sections, scoreSections(pool, i, sameService(r, history), opt)...)
		a := r.Assessment
		// The strengths and the next review end each row, so that the
		// columns before them stay where they were.
		marks := strengthMarks(l, pool, i)
		next := ""
		if day, _ := nextReviewOf(pool, i); !day.IsZero() {
			next = day.Format(time.DateOnly)
		}
		for _, it := range r.Items {
			data.Rows = append(data.Rows, []Value{
				VText(a.Provider), VText(a.Unit), VText(a.DateISO()), VText(r.Set.ID), VText(r.Set.Version),
				VInt(it.Number()), VText(it.Criterion.Title.In(l)), VText(domainName(r.Set, it.Criterion, l)),
				VLevel(it.Level), VText(basisID(it)), VText(howReached(l, it)), VText(oneLine(it.Note)), VText(oneLine(it.Evidence)),
				VText(marks[it.Number()]), VText(next),
			})
		}
	}
	d.Data = data
	return d
}

// sameService lists the results in history of r's service dated before
// r, oldest first, one per date.
func sameService(r *scoring.Result, history []scoring.Result) []*scoring.Result {
	key := sameServiceKey(r)
	date := r.Assessment.Date
	byDate := map[string]*scoring.Result{}
	for i := range history {
		h := &history[i]
		if sameServiceKey(h) != key || h.Assessment.Date.IsZero() || !h.Assessment.Date.Before(date) {
			continue
		}
		if _, ok := byDate[h.Assessment.DateISO()]; !ok {
			byDate[h.Assessment.DateISO()] = h
		}
	}
	var hs []*scoring.Result
	for _, h := range byDate {
		hs = append(hs, h)
	}
	sort.Slice(hs, func(i, j int) bool { return hs[i].Assessment.Date.Before(hs[j].Assessment.Date) })
	return hs
}

func sameServiceKey(r *scoring.Result) string {
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	return norm(r.Assessment.Provider) + "\x00" + norm(r.Assessment.Unit)
}

// scoreSections are the sections of pool[index]'s report; pool holds the
// results scored, then the history.
func scoreSections(pool []scoring.Result, index int, earlier []*scoring.Result, opt ScoreOptions) []Section {
	l := opt.Lang
	r := &pool[index]
	a := r.Assessment
	sheet := msg.T(l, "doc.sheet.report")
	items := msg.T(l, "doc.sheet.criteria")
	plan := msg.T(l, "doc2.sheet.plan")
	if index > 0 {
		sheet = fmt.Sprintf("%s %d", sheet, index+1)
		items = fmt.Sprintf("%s %d", items, index+1)
		plan = fmt.Sprintf("%s %d", plan, index+1)
	}

	// The header: who, when, by whom, against what, and the result.
	kf := &KeyFigures{}
	add := func(label string, v Value) { kf.Items = append(kf.Items, KeyFigure{label, v}) }
	add(msg.T(l, "doc.col.unit"), VText(dashIfEmpty(a.Unit)))
	add(msg.T(l, "doc.col.provider"), VText(dashIfEmpty(a.Provider)))
	if d := a.DateFI(); d != "" {
		add(msg.T(l, "score.date"), VText(dateFor(l, a.DateISO(), d)))
	}
	if len(a.Raters) > 0 {
		add(msg.T(l, "score.raters"), VText(strings.Join(a.Raters, ", ")))
	}
	add(msg.T(l, "score.set"), VText(r.Set.Name.In(l)+" ("+msg.T(l, "doc.version", dashIfEmpty(r.Set.Version))+")"))
	add(msg.T(l, "doc.total"), VText(fmt.Sprintf("%d / %d", r.Total, r.Max)))
	switch {
	case r.Complete && r.Band != nil:
		add(msg.T(l, "doc.band"), VText(r.Band.Name.In(l)+" ("+bandRange(r.Band)+")"))
	case !r.Complete:
		add(msg.T(l, "doc.band"), VText(msg.TN(l, "doc.no-band-incomplete", r.Count, r.Rated, r.Count)))
	}
	if r.Rated > 0 {
		add(msg.T(l, "score.col.mean"), VNum(r.Mean, 2))
	}
	head := Section{Heading: ServiceName(a.Provider, a.Unit), Level: 1, Sheet: sheet, Blocks: []Block{kf}}
	for _, line := range summaryLines(l, r) {
		if r.Complete && r.Earlier == nil {
			break // the band is in the key figures
		}
		head.Blocks = append(head.Blocks, &Para{Text: line, Note: true})
	}
	if cs := r.Conflicts(); len(cs) > 0 {
		p := &DocList{}
		for _, c := range cs {
			p.Items = append(p.Items, ListItem{Title: fmt.Sprintf("%d %s", c.Number(), c.Criterion.Title.In(l)),
				Detail: []Detail{{Text: conflictExplained(l, c)}}})
		}
		head.Blocks = append(head.Blocks, &SubHeading{Text: msg.T(l, "score.conflicts")}, p)
	}
	if a.Notes != "" {
		head.Blocks = append(head.Blocks, &Para{Text: oneLine(a.Notes)})
	}
	sections := []Section{head}

	// The domain profile: the chart, and the table of the scores.
	chart := &DocBarChart{Title: msg.T(l, "doc.profile.chart"), Desc: msg.T(l, "doc.profile.desc"), Max: criteria.MaxLevel,
		LabelHeader: msg.T(l, "score.col.domain"), ValueHeader: msg.T(l, "score.col.mean"), Decimals: 2}
	table := &DocTable{Caption: msg.T(l, "doc.profile.table"), RowHeader: 0, Widths: []float64{34, 10, 10, 10, 12},
		Header: []string{msg.T(l, "score.col.domain"), msg.T(l, "score.col.score"), msg.T(l, "score.col.max"), msg.T(l, "score.col.rated"), msg.T(l, "score.col.mean")}}
	for _, dm := range r.Domains {
		mean := Value{}
		if dm.Rated > 0 {
			mean = VNum(dm.Mean, 2)
			chart.Bars = append(chart.Bars, ChartBar{Label: dm.Domain.Name.In(l), Value: dm.Mean, Level: roundLevel(dm.Mean)})
		}
		table.Rows = append(table.Rows, []Value{VText(dm.Domain.Name.In(l)), VInt(dm.Score), VInt(dm.Max), VText(fmt.Sprintf("%d/%d", dm.Rated, dm.Count)), mean})
	}
	total := Value{}
	if r.Rated > 0 {
		total = VNum(r.Mean, 2)
	}
	table.Rows = append(table.Rows, []Value{VText(msg.T(l, "score.total")), VInt(r.Total), VInt(r.Max), VText(fmt.Sprintf("%d/%d", r.Rated, r.Count)), total})
	table.Bold = []int{len(table.Rows) - 1}
	sections = append(sections, Section{Heading: msg.T(l, "doc.profile"), Blocks: []Block{chart, table}})

	// The trend, when earlier assessments were given.
	switch {
	case len(earlier) > 0:
		sections = append(sections, trendSection(r, earlier, l))
	case opt.HistoryGiven:
		sections = append(sections, Section{Heading: msg.T(l, "doc.trend"), Blocks: []Block{&Para{Text: msg.T(l, "doc.history-none"), Note: true}}})
	}

	// The review cycle: how the assessment was made, the next review, the
	// outcomes.
	sections = append(sections, cycleSections(l, pool, index)...)

	// Strengths and the criteria to improve.
	sections = append(sections, strengthsSection(l, pool, index))

	weak := &DocList{}
	for _, it := range r.Weakest(max(opt.Weakest, 1)) {
		weak.Items = append(weak.Items, ListItem{Title: fmt.Sprintf("%d %s", it.Number(), it.Criterion.Title.In(l)), Level: it.Level,
			Detail: nonEmpty(
				Detail{msg.T(l, "doc.next-level", it.Level+1), it.Criterion.Anchor(it.Level + 1).In(l)},
				Detail{msg.T(l, "doc.col.reason"), oneLine(it.Note)},
			)})
	}
	sec := Section{Heading: msg.T(l, "doc.weak")}
	if len(weak.Items) == 0 {
		sec.Blocks = []Block{&Para{Text: msg.T(l, "doc.no-weak")}}
	} else {
		sec.Blocks = []Block{weak}
	}
	sections = append(sections, sec)
	sections = append(sections, planSections(l, r, plan)...)

	// Every criterion.
	crit := &DocTable{Caption: msg.T(l, "doc.criteria.table"), RowHeader: 1, Records: true,
		Widths: []float64{6, 26, 7, 34, 36, 26}, Wrap: []int{1, 3, 4, 5},
		Header: []string{msg.T(l, "doc.col.number"), msg.T(l, "score.col.criterion"), msg.T(l, "score.col.level"),
			msg.T(l, "doc.col.how"), msg.T(l, "doc.col.reason"), msg.T(l, "doc.col.evidence")}}
	for _, it := range r.Items {
		crit.Rows = append(crit.Rows, []Value{VInt(it.Number()), VText(it.Criterion.Title.In(l)), VLevel(it.Level),
			VText(howReached(l, it)), textOrBlank(oneLine(it.Note)), textOrBlank(oneLine(it.Evidence))})
	}
	sections = append(sections, Section{Heading: msg.T(l, "doc.criteria"), Sheet: items, Blocks: []Block{crit}})
	return sections
}

// trendSection charts the totals of the earlier assessments and r against
// the bands' lower limits.
func trendSection(r *scoring.Result, earlier []*scoring.Result, l string) Section {
	all := append(append([]*scoring.Result{}, earlier...), r)
	chart := &DocLineChart{Title: msg.T(l, "doc.trend.chart"), Desc: msg.T(l, "doc.trend.desc"),
		Min: float64(len(r.Set.Criteria) * criteria.MinLevel), Max: float64(r.Max),
		LabelHeader: msg.T(l, "score.date"), ValueHeader: msg.T(l, "doc.total")}
	bands := append([]criteria.Band{}, r.Set.Bands...)
	sort.Slice(bands, func(i, j int) bool { return bands[i].Min < bands[j].Min })
	for _, b := range bands {
		if float64(b.Min) > chart.Min {
			chart.Lines = append(chart.Lines, RefLine{Label: msg.T(l, "doc.trend.line", b.Name.In(l), b.Min), Value: float64(b.Min)})
		}
	}
	table := &DocTable{Caption: msg.T(l, "doc.trend.table"), RowHeader: 0, Widths: []float64{16, 15, 12, 10, 28},
		Header: []string{msg.T(l, "score.date"), msg.T(l, "doc.total"), msg.T(l, "score.col.rated"), msg.T(l, "doc.change"), msg.T(l, "doc.band")}}
	for i, h := range all {
		a := h.Assessment
		date := dateFor(l, a.DateISO(), a.DateFI())
		chart.Points = append(chart.Points, ChartPoint{Label: date, Value: float64(h.Total)})
		change := Value{}
		if i > 0 {
			change = VChange(float64(h.Total-all[i-1].Total), 0)
		}
		band := Value{}
		switch {
		case h.Complete && h.Band != nil:
			band = VText(h.Band.Name.In(l))
		case !h.Complete:
			band = VText(msg.T(l, "doc.trend.incomplete"))
		}
		table.Rows = append(table.Rows, []Value{VText(date), VInt(h.Total), VText(fmt.Sprintf("%d/%d", h.Rated, h.Count)), change, band})
	}
	sec := Section{Heading: msg.T(l, "doc.trend"), Blocks: []Block{chart, table}}
	for _, h := range all {
		if !h.Complete {
			sec.Blocks = append(sec.Blocks, &Para{Text: msg.T(l, "doc.trend.incomplete-note"), Note: true})
			break
		}
	}
	return sec
}

// howReached says where a criterion's level comes from: the rater, the
// rater against the figure, or the figure or checklist step by step.
func howReached(l string, it scoring.ItemResult) string {
	switch {
	case it.Missing():
		return msg.T(l, "doc.how.missing")
	case it.Conflict():
		return msg.T(l, "doc.how.given") + "; " + conflictExplained(l, it)
	case it.Given != 0 && it.Implied != 0 && len(it.Steps) > 0:
		return msg.T(l, "doc.how.given-agrees", Explain(l, it.Steps))
	case it.Given != 0:
		return msg.T(l, "doc.how.given")
	case len(it.Steps) > 0:
		return Explain(l, it.Steps)
	}
	return msg.T(l, "score.implied."+string(it.Basis))
}

func basisID(it scoring.ItemResult) string {
	switch {
	case it.Missing():
		return ""
	case it.Given != 0:
		return "given"
	}
	return string(it.Basis)
}

func domainName(s *criteria.Set, c *criteria.Criterion, l string) string {
	if d := s.Domain(c.Domain); d != nil {
		return d.Name.In(l)
	}
	return c.Domain
}

func roundLevel(mean float64) int {
	return min(max(int(mean+0.5), criteria.MinLevel), criteria.MaxLevel)
}

func dashIfEmpty(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}

func textOrBlank(s string) Value {
	if s == "" {
		return Value{}
	}
	return VText(s)
}

func nonEmpty(ds ...Detail) []Detail {
	var out []Detail
	for _, d := range ds {
		if d.Text != "" {
			out = append(out, d)
		}
	}
	return out
}
