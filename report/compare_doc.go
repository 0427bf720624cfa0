package report

import (
	"fmt"
	"io"
	"math"
	"time"

	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// CompareDocument builds the comparison once, in opt.Lang, as a Document
// for every renderer: the set and counts, the summary (with the review
// cycle's columns when some assessment records it), the levels by
// criterion and service, the region's weakest criteria, the trends, the
// recommendations, every service's next review and strengths, and the
// review cycle.
func CompareDocument(c *scoring.Comparison, opt CompareOptions) *Document {
	l := opt.Lang
	d := &Document{Lang: l, Title: msg.T(l, "compare.title"), Kind: msg.T(l, "compare.title"), Class: "compare-report"}
	d.Sections = append(d.Sections, compareHeadSection(c, l), compareSummarySection(c, l))
	d.Sections = append(d.Sections, compareMatrixSections(c, l)...)
	d.Sections = append(d.Sections, compareTrendsSections(c, opt)...)
	d.Sections = append(d.Sections, compareRecommendationsSections(c, l)...)
	d.Sections = append(d.Sections, compareNextReviewSections(c, opt)...)
	d.Sections = append(d.Sections, compareReviewSections(c, opt)...)
	d.Data = compareData(c, opt)
	return d
}

// compareData is the table CSV writes: the tidy long table, a row per
// assessment and criterion (rows yielded one at a time, whatever the
// region's size), or with opt.Table "summary" a row per service.
func compareData(c *scoring.Comparison, opt CompareOptions) *DocTable {
	l := opt.Lang
	if opt.Table == TableSummary {
		return withNextReview(docTableOf(SummaryTable(c, l)), c, opt)
	}
	return &DocTable{RowHeader: -1, Header: longHeader(l, hasCycle(c)), Each: func(yield func([]Value) error) error {
		var row []Value
		return eachLongRow(c, l, func(cells []Cell) error {
			row = row[:0]
			for _, cell := range cells {
				row = append(row, cellValue(cell))
			}
			return yield(row)
		})
	}}
}

// docTableOf is a shared table (compare_tables.go) as a document's table
// for machine-readable output: dates in ISO form.
func docTableOf(t Table) *DocTable {
	d := &DocTable{Caption: t.Name, Header: t.Header, RowHeader: t.RowHeader}
	for _, cells := range t.Rows {
		row := make([]Value, len(cells))
		for i, cell := range cells {
			row[i] = cellValue(cell)
		}
		d.Rows = append(d.Rows, row)
	}
	return d
}

// cellValue is a table cell as a Value; a date is its ISO form, a Signed
// number a change.
func cellValue(c Cell) Value {
	switch c.Kind {
	case TextCell:
		return VText(c.Text)
	case DateCell:
		return VText(c.Format("", true))
	case IntCell, FloatCell:
		dec := 0
		if c.Kind == FloatCell {
			dec = c.Decimals
		}
		if c.Signed {
			return VChange(c.Num, dec)
		}
		return VNum(c.Num, dec)
	}
	return Value{}
}

// CompareText writes the comparison for a terminal.
func CompareText(w io.Writer, c *scoring.Comparison, opt CompareOptions) error {
	return WriteDocText(w, CompareDocument(c, opt), opt.Width)
}

// CompareCSV writes the comparison's long table, or its summary, as CSV.
// CSV writes only the document's Data, so only that is built: the
// sections would cost three times the table's own time in a large region.
func CompareCSV(w io.Writer, c *scoring.Comparison, opt CompareOptions) error {
	return WriteDocCSV(w, &Document{Lang: opt.Lang, Data: compareData(c, opt)}, opt.CSV)
}

// CompareMarkdown writes the comparison as Markdown for a wiki or a memo.
func CompareMarkdown(w io.Writer, c *scoring.Comparison, opt CompareOptions) error {
	return WriteDocMarkdown(w, CompareDocument(c, opt))
}

// compareHeadSection is what the document's title heads: the set, the
// counts and the assessments left out for being made with another set.
// The comparison's sections are of level 1, each part of a service of
// level 2, so that the document has its title above them.
func compareHeadSection(c *scoring.Comparison, l string) Section {
	s := Section{Blocks: []Block{
		&KeyFigures{Items: []KeyFigure{
			{Label: msg.T(l, "score.set"), Value: VText(c.Set.Name.In(l) + " (" + c.Set.Label() + ")")},
			{Label: msg.T(l, "cmpdoc.services"), Value: VInt(len(c.Services))},
			{Label: msg.T(l, "cmpdoc.assessments"), Value: VInt(c.Assessments)},
		}},
	}}
	if len(c.LeftOut) == 0 {
		return s
	}
	var out DocBullets
	for _, a := range c.LeftOut {
		out.Items = append(out.Items, Bullet{Text: msg.T(l, "compare.left-out-item", a.Source, ServiceName(a.Provider, a.Unit), a.Set.Label())})
	}
	s.Blocks = append(s.Blocks, &Para{Text: msg.T(l, "compare.left-out", len(c.LeftOut))}, &out,
		&Para{Text: msg.T(l, "compare.left-out-hint", leftOutSets(c))})
	return s
}

// deltaValue is a change, blank when not comparable.
func deltaValue(d scoring.Delta) Value {
	if !d.OK {
		return Value{}
	}
	return VChange(float64(d.Value), 0)
}

// changePctValue is a change of a rate in percentage points, written as
// pctValue writes a rate, with its sign.
func changePctValue(x float64) Value {
	v := pctValue(math.Abs(x))
	return VChange(math.Copysign(v.Num, x), v.Decimals)
}

// compareSummarySection is one row per service: its latest assessment's
// domain scores, total, band, how much is rated and the change, and with
// the cycle its kind and employment rate. The terminal gets it as two
// narrow tables.
func compareSummarySection(c *scoring.Comparison, l string) Section {
	set := c.Set
	nd := len(set.Domains)
	cycle := hasCycle(c)
	t := DocTable{RowHeader: 1, Header: []string{msg.T(l, "compare.col.rank"), msg.T(l, "compare.col.service"),
		msg.T(l, "compare.col.provider"), msg.T(l, "compare.col.date")}}
	for i := range set.Domains {
		t.Header = append(t.Header, set.Domains[i].Name.In(l))
	}
	t.Header = append(t.Header, msg.T(l, "compare.col.total"), msg.T(l, "compare.col.band"), msg.T(l, "compare.col.rated"), msg.T(l, "compare.col.change"))
	if cycle {
		t.Header = append(t.Header, msg.T(l, "cmpcycle.col.kind"), msg.T(l, "cmpcycle.col.rate"), msg.T(l, "cmpcycle.col.rate-change"), msg.T(l, "cmpcycle.col.bench"))
	}
	rated := make([]string, len(c.Services))
	for i := range c.Services {
		sv := &c.Services[i]
		s := sv.Latest()
		if !s.Complete {
			rated[i] = msg.TN(l, "compare.rated-of", s.Count, s.Rated, s.Count)
		}
		rank := Value{}
		if sv.Rank > 0 {
			rank = VInt(sv.Rank)
		}
		row := []Value{rank, VText(msg.Clip(sv.Unit)), VText(msg.Clip(sv.Provider)), VDate(s.Date, dateText(s, l))}
		for _, ds := range s.Domains {
			row = append(row, VInt(ds.Score))
		}
		change := Value{}
		if sv.Change != nil {
			change = deltaValue(sv.Change.Total)
		}
		row = append(row, VInt(s.Total), VText(bandText(s, l)), VText(fmt.Sprintf("%d/%d", s.Rated, s.Count)), change)
		if cycle {
			row = append(row, cycleValues(l, sv)...)
		}
		t.Rows = append(t.Rows, row)
	}
	narrow := []CompactColumn{{Header: msg.T(l, "compare.col.rank"), Cols: []int{0}},
		{Header: msg.T(l, "compare.col.service"), Cols: []int{1, 2}, Width: textNameWidth},
		{Header: msg.T(l, "compare.col.date-short"), Cols: []int{3}}}
	for i := range set.Domains {
		narrow = append(narrow, CompactColumn{Header: domainLabel(set, &set.Domains[i], l), Cols: []int{4 + i}})
	}
	narrow = append(narrow, CompactColumn{Header: msg.T(l, "compare.col.total-short"), Cols: []int{4 + nd}},
		CompactColumn{Header: msg.T(l, "compare.col.band"), Cols: []int{5 + nd}, Width: textBandWidth, Wrap: true, Below: rated},
		CompactColumn{Header: msg.T(l, "compare.col.change"), Cols: []int{7 + nd}})
	wide := &WideTable{Table: t, Compact: [][]CompactColumn{narrow}}
	s := Section{Heading: msg.T(l, "compare.summary"), Level: 1, Sheet: msg.T(l, "compare.summary"), Blocks: []Block{wide,
		&Para{Text: domainLegend(set, l)}, &Para{Text: msg.T(l, "compare.legend-rank")}}}
	if cycle {
		wide.Compact = append(wide.Compact, []CompactColumn{
			{Header: msg.T(l, "compare.col.service"), Cols: []int{1, 2}, Width: textNameWidth, First: true},
			{Header: msg.T(l, "cmpcycle.col.kind-short"), Cols: []int{8 + nd}},
			{Header: msg.T(l, "cmpcycle.col.rate-short"), Cols: []int{9 + nd}},
			{Header: msg.T(l, "cmpcycle.col.change-short"), Cols: []int{10 + nd}},
			{Header: msg.T(l, "cmpcycle.col.bench-short"), Cols: []int{11 + nd}},
		})
		s.Blocks = append(s.Blocks, &Para{Text: msg.T(l, "cmpcycle.text-legend") + " " + msg.T(l, "cmpcycle.mixed-star")})
	}
	return s
}

// cycleValues are the summary's cycle columns of sv: the latest
// assessment's kind (a star when the trend mixes kinds), the rate, its
// change and the benchmark.
func cycleValues(l string, sv *scoring.Service) []Value {
	sc := CycleOf(sv, time.Time{})
	rate, change, bench := Value{}, Value{}, Value{}
	if sc.HasRate {
		rate = pctValue(sc.Rate)
		bench = VText(benchCell(l, &sc).Format(l, false))
	}
	if d, ok := sc.RateChange(); ok {
		change = changePctValue(d)
	}
	kind := kindName(l, sc.Kinds[len(sc.Kinds)-1])
	if sc.Mixed {
		kind += "*"
	}
	return []Value{VText(kind), rate, change, bench}
}

// compareMatrixSections are the heat map of the latest levels, criteria
// by services, with the regional mean and median, and the region's
// weakest criteria.
func compareMatrixSections(c *scoring.Comparison, l string) []Section {
	m := &DocMatrix{Keys: msg.T(l, "compare.matrix-keys"),
		Head:      []string{"#", msg.T(l, "compare.col.criterion")},
		HeadWidth: []int{0, textTitleWidth},
		Stats:     []string{msg.T(l, "compare.col.mean"), msg.T(l, "compare.col.median")},
		Short:     []string{msg.T(l, "compare.col.mean-short"), msg.T(l, "compare.col.median-short")},
		More:      []string{msg.T(l, "compare.col.rated-by"), msg.T(l, "compare.col.below", c.Below)}}
	for i := range c.Services {
		sv := &c.Services[i]
		col := MatrixColumn{Key: serviceKey(i), Name: ServiceName(sv.Provider, sv.Unit)}
		if !sv.Latest().Complete {
			col.Note = msg.T(l, "compare.incomplete")
		}
		m.Columns = append(m.Columns, col)
	}
	for k, st := range c.Criteria {
		r := MatrixRow{Head: []Value{VInt(st.Criterion.Number), VText(st.Criterion.Title.In(l))}}
		for i := range c.Services {
			r.Levels = append(r.Levels, c.Services[i].Latest().Level(k))
		}
		mean, median := Value{}, Value{}
		if st.Rated > 0 {
			mean = VNum(roundHalfUp(st.Mean), 2)
			median = VNum(st.Median, 1)
			if st.Median == float64(int(st.Median)) {
				median = VNum(st.Median, 0)
			}
		}
		r.Stats = []Value{mean, median}
		r.More = []Value{VInt(st.Rated), VInt(st.Below)}
		m.Rows = append(m.Rows, r)
	}
	out := []Section{{Heading: msg.T(l, "compare.matrix"), Level: 1, Sheet: msg.T(l, "compare.matrix"), Blocks: []Block{m,
		&Para{Text: msg.T(l, "compare.matrix-legend")}}}}
	return append(out, weakestSections(c, l)...)
}

// weakestSections is the part that names the weakest criteria, if any.
func weakestSections(c *scoring.Comparison, l string) []Section {
	if len(c.Weakest) == 0 {
		return nil
	}
	var weak DocBullets
	for _, st := range c.Weakest {
		weak.Items = append(weak.Items, Bullet{Text: weakestLine(c, st, l)})
	}
	return []Section{{Heading: msg.T(l, "compare.weakest"), Level: 2, Blocks: []Block{&weak}}}
}

// weakestLine is "5 Title: mean 3,00, median 3; …".
func weakestLine(c *scoring.Comparison, st scoring.CriterionStats, l string) string {
	return fmt.Sprintf("%d %s: %s", st.Criterion.Number, st.Criterion.Title.In(l),
		msg.T(l, "compare.weakest-item", regionMean(l, st), medianText(l, st), c.Below, st.Below, st.Rated))
}

// compareTrendsSections have, for every service with several
// assessments, its domain scores and total at each assessment with the
// change since the previous one, and the criteria whose level changed.
func compareTrendsSections(c *scoring.Comparison, opt CompareOptions) []Section {
	l := opt.Lang
	set := c.Set
	head := Section{Heading: msg.T(l, "compare.trends"), Level: 1, Sheet: msg.T(l, "compare.trends")}
	svs := trendServices(c)
	if len(svs) == 0 {
		head.Blocks = append(head.Blocks, &Para{Text: msg.T(l, "compare.no-trends")})
		return []Section{head}
	}
	head.Blocks = append(head.Blocks, &Para{Text: msg.T(l, "compare.trend-star")})
	out := []Section{head}
	cycle := hasCycle(c)
	for _, sv := range svs {
		s := Section{Heading: ServiceName(sv.Provider, sv.Unit), Level: 2}
		t := &DocTable{RowHeader: 0, Header: []string{msg.T(l, "score.col.domain")}}
		for k := range sv.History {
			t.Header = append(t.Header, trendDate(&sv.History[k], l, cycle))
		}
		t.Header = append(t.Header, msg.T(l, "compare.col.change"))
		for d := range set.Domains {
			row := []Value{VText(set.Domains[d].Name.In(l))}
			for k := range sv.History {
				row = append(row, scoreValue(sv.History[k].Domains[d].Score, sv.History[k].Domains[d].Complete()))
			}
			t.Rows = append(t.Rows, append(row, deltaValue(sv.Change.Domains[d])))
		}
		row := []Value{VText(msg.T(l, "score.total"))}
		for k := range sv.History {
			row = append(row, scoreValue(sv.History[k].Total, sv.History[k].Complete))
		}
		t.Bold = []int{len(t.Rows)}
		t.Rows = append(t.Rows, append(row, deltaValue(sv.Change.Total)))
		s.Blocks = append(s.Blocks, t)
		if note := versionsNote(c, sv, l); note != "" {
			s.Blocks = append(s.Blocks, &Para{Text: note, Note: true})
		}
		if cycle && CycleOf(sv, opt.Today).Mixed {
			s.Blocks = append(s.Blocks, &Para{Text: msg.T(l, "review.compare.mixed"), Note: true})
		}
		changed := changedCriteria(sv)
		if len(changed) == 0 {
			s.Blocks = append(s.Blocks, &Para{Text: msg.T(l, "compare.no-change")})
			out = append(out, s)
			continue
		}
		prev, last := sv.Previous(), sv.Latest()
		ct := &DocTable{Caption: msg.T(l, "compare.changed"), RowHeader: 1, Header: []string{"#", msg.T(l, "compare.col.criterion"),
			dateText(prev, l), dateText(last, l), msg.T(l, "compare.col.change")}}
		for _, i := range changed {
			cr := &set.Criteria[i]
			ct.Rows = append(ct.Rows, []Value{VInt(cr.Number), VText(cr.Title.In(l)), VLevel(prev.Level(i)), VLevel(last.Level(i)), deltaValue(sv.Change.Criteria[i])})
		}
		s.Blocks = append(s.Blocks, ct, &Para{Text: msg.T(l, "compare.unchanged", len(last.Levels)-len(changed))})
		out = append(out, s)
	}
	return out
}

// scoreValue is a score, marked with a star when it is not over every
// criterion.
func scoreValue(score int, complete bool) Value {
	if !complete {
		return VText(fmt.Sprintf("%d*", score))
	}
	return VInt(score)
}

// compareRecommendationsSections list, per service, the criteria below
// the threshold with what the next level asks for, and the criteria not
// rated.
func compareRecommendationsSections(c *scoring.Comparison, l string) []Section {
	out := []Section{{Heading: msg.T(l, "compare.recommendations"), Level: 1, Sheet: msg.T(l, "compare.recommendations"),
		Blocks: []Block{&Para{Text: msg.T(l, "compare.rec-intro", c.Below)}}}}
	for i := range c.Services {
		sv := &c.Services[i]
		last := sv.Latest()
		s := Section{Heading: ServiceName(sv.Provider, sv.Unit) + ", " + dateText(last, l), Level: 2}
		if missing := last.Missing(); len(missing) > 0 {
			s.Blocks = append(s.Blocks, &Para{Text: msg.T(l, "compare.rec-missing", numberList(missing))})
		}
		if len(sv.Recommendations) == 0 {
			s.Blocks = append(s.Blocks, &Para{Text: msg.T(l, "compare.rec-none", c.Below)})
			out = append(out, s)
			continue
		}
		list := &DocList{}
		for _, r := range sv.Recommendations {
			list.Items = append(list.Items, ListItem{Title: fmt.Sprintf("%d %s", r.Criterion.Number, r.Criterion.Title.In(l)), Level: r.Level,
				Detail: []Detail{{Text: msg.T(l, "score.next", r.Next(), r.Criterion.Anchor(r.Next()).In(l))}}})
		}
		out = append(out, Section{Heading: s.Heading, Level: 2, Blocks: append(s.Blocks, list)})
	}
	return out
}

// compareReviewSections are the review cycle (compare_review.go): per
// service that records the cycle its kinds of assessment, rate, next
// review, open and overdue actions and how the previous plan's criteria
// moved. None when no assessment records the cycle. The services due for
// review are in the section before (compare_strengths_doc.go), for every
// comparison.
func compareReviewSections(c *scoring.Comparison, opt CompareOptions) []Section {
	rs, ok := reviewSectionOf(c, opt)
	if !ok {
		return nil
	}
	l := opt.Lang
	out := []Section{{Heading: rs.Heading, Level: 1, Sheet: rs.Heading}}
	mixed := msg.T(l, "review.compare.mixed")
	for _, b := range rs.Services {
		lines := &DocBullets{}
		for k, line := range b.Lines {
			it := Bullet{Text: line, Strong: b.Mixed && line == mixed}
			if k == b.OverdueAt-1 {
				it.Sub = b.Overdue
			}
			lines.Items = append(lines.Items, it)
		}
		out = append(out, Section{Heading: b.Name, Level: 2, Blocks: []Block{lines}})
	}
	return out
}
