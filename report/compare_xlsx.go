package report

import (
	"io"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// CompareDocumentFor is the comparison's document as format f writes it
// (WriteDoc): for CSV only its Data (the sections would cost three times
// the table's own time in a large region), for HTML with the page's
// pictures (compareHTMLDocument), for XLSX with what a workbook adds
// (compareWorkbook), for the others CompareDocument.
func CompareDocumentFor(c *scoring.Comparison, opt CompareOptions, f Format) *Document {
	switch f {
	case FormatCSV:
		return &Document{Lang: opt.Lang, Data: compareData(c, opt)}
	case FormatHTML:
		return compareHTMLDocument(c, opt)
	case FormatXLSX:
		return compareWorkbook(c, opt)
	}
	return CompareDocument(c, opt)
}

// CompareXLSX writes the comparison as a workbook (compareWorkbook)
// through WriteDocXLSX.
func CompareXLSX(w io.Writer, c *scoring.Comparison, opt CompareOptions) error {
	return WriteDocXLSX(w, compareWorkbook(c, opt))
}

// compareWorkbook is CompareDocument as a workbook has it: its sheets
// with short names; the summary with the figures a spreadsheet sorts and
// filters by (each domain's mean, the mean level, the greatest total,
// whether complete, the previous assessment, the file); the matrix with
// each criterion's domain; the levels of every assessment of the services
// followed over time; the recommendations and the review cycle as one
// table each (a row per criterion, a row per service) rather than a block
// of sentences per service; the domain means, and with the cycle the
// fidelity total against the employment rate, as native charts; and last
// the sheet about the comparison (the set, the counts, the assessments
// left out, how to read the sheets), which the document has under its
// title.
func compareWorkbook(c *scoring.Comparison, opt CompareOptions) *Document {
	l := opt.Lang
	d := CompareDocument(c, opt)
	sheets := map[string]string{
		msg.T(l, "compare.summary"):         msg.T(l, "compare.sheet.summary"),
		msg.T(l, "compare.matrix"):          msg.T(l, "compare.sheet.matrix"),
		msg.T(l, "compare.trends"):          msg.T(l, "compare.sheet.trends"),
		msg.T(l, "compare.recommendations"): msg.T(l, "compare.sheet.recommendations"),
		msg.T(l, "h16c.heading"):            msg.T(l, "lead.sheet.next-review"),
	}
	review, cycle := reviewSectionOf(c, opt)
	if cycle {
		sheets[review.Heading] = msg.T(l, "cmpcycle.sheet")
	}
	var out []Section
	head := d.Sections[0]
	// part is the level-1 section the sections now belong to.
	part := ""
	for _, s := range d.Sections[1:] {
		if s.Level == 1 {
			part = s.Heading
			if part == msg.T(l, "compare.recommendations") {
				if levels, ok := trendLevelsSection(c, l); ok {
					out = append(out, levels)
				}
			}
		}
		switch {
		case s.Level > 1 && part == msg.T(l, "compare.recommendations"):
			// The table below says it all, a row per criterion.
			continue
		case s.Level > 1 && cycle && part == review.Heading:
			// As does the review cycle's table.
			continue
		}
		if name, ok := sheets[s.Sheet]; ok {
			s.Sheet = name
		}
		s.Blocks = append([]Block(nil), s.Blocks...)
		for _, b := range s.Blocks {
			switch b := b.(type) {
			case *WideTable:
				if s.Heading == msg.T(l, "compare.summary") {
					summaryFigures(c, l, &b.Table)
				}
			case *DocMatrix:
				matrixDomains(c, l, b)
			}
		}
		switch {
		case s.Level == 1 && s.Heading == msg.T(l, "compare.recommendations"):
			// As wide tables: measured, their rows as high as their text.
			s.Blocks = append(s.Blocks, &WideTable{Table: *recommendationsTable(c, l)})
		case s.Level == 1 && cycle && s.Heading == review.Heading:
			s.Blocks = append(s.Blocks, &WideTable{Table: *cycleTable(c, opt)})
		}
		out = append(out, s)
	}
	if len(c.Services) > 0 {
		out = append(out, chartSection(c, l))
	}
	head.Heading, head.Level, head.Sheet = d.Title, 1, msg.T(l, "compare.sheet.about")
	d.Sections = append(append(out, head), aboutSections(c, l)...)
	return d
}

// summaryFigures adds to the summary's table, after its columns, each
// domain's mean level, the mean level, the greatest total, whether the
// assessment is complete, the previous assessment's date and the file.
func summaryFigures(c *scoring.Comparison, l string, t *DocTable) {
	for _, dm := range c.Set.Domains {
		t.Header = append(t.Header, msg.T(l, "compare.col.domain-mean", dm.Name.In(l)))
	}
	t.Header = append(t.Header, msg.T(l, "compare.col.mean"), msg.T(l, "compare.col.max"), msg.T(l, "compare.col.complete"),
		msg.T(l, "compare.col.previous"), msg.T(l, "compare.col.file"))
	rows := make([][]Value, len(t.Rows))
	for i := range c.Services {
		sv := &c.Services[i]
		s := sv.Latest()
		row := append([]Value(nil), t.Rows[i]...)
		for _, ds := range s.Domains {
			row = append(row, meanValue(ds.Rated, ds.Mean))
		}
		prev := Value{}
		if sv.Change != nil {
			prev = VDate(sv.Previous().Date, dateText(sv.Previous(), l))
		}
		rows[i] = append(row, meanValue(s.Rated, s.Mean()), VInt(s.Max), VText(yesNo(l, s.Complete).Text), prev, VText(s.Source))
	}
	t.Rows = rows
}

// meanValue is a mean level to two decimals, blank when nothing is rated.
func meanValue(rated int, mean float64) Value {
	if rated == 0 {
		return Value{}
	}
	return VNum(roundHalfUp(mean), 2)
}

// matrixDomains names each criterion's domain after its title.
func matrixDomains(c *scoring.Comparison, l string, m *DocMatrix) {
	m.Head = append(append([]string(nil), m.Head...), msg.T(l, "compare.col.domain"))
	rows := make([]MatrixRow, len(m.Rows))
	for k, r := range m.Rows {
		cr := c.Criteria[k].Criterion
		r.Head = append(append([]Value(nil), r.Head...), VText(c.Set.Domain(cr.Domain).Name.In(l)))
		rows[k] = r
	}
	m.Rows = rows
}

// trendLevelsSection is every criterion's level at every assessment of
// the services with several: a column per assessment, named by the
// service and dated. None when no service has several.
func trendLevelsSection(c *scoring.Comparison, l string) (Section, bool) {
	svs := trendServices(c)
	if len(svs) == 0 {
		return Section{}, false
	}
	cycle := hasCycle(c)
	m := &DocMatrix{Head: []string{"#", msg.T(l, "compare.col.criterion")}}
	for _, sv := range svs {
		for k := range sv.History {
			m.Columns = append(m.Columns, MatrixColumn{Name: ServiceName(sv.Provider, sv.Unit), Note: trendDate(&sv.History[k], l, cycle)})
		}
	}
	for n := range c.Set.Criteria {
		cr := &c.Set.Criteria[n]
		r := MatrixRow{Head: []Value{VInt(cr.Number), VText(cr.Title.In(l))}}
		for _, sv := range svs {
			for k := range sv.History {
				r.Levels = append(r.Levels, sv.History[k].Level(n))
			}
		}
		m.Rows = append(m.Rows, r)
	}
	return Section{Heading: msg.T(l, "h13y.trend-levels"), Level: 1, Sheet: msg.T(l, "h13y.sheet.trend-levels"),
		Blocks: []Block{m, &Para{Text: msg.T(l, "h13y.trend-levels-legend")}}}, true
}

// recommendationsTable is a row per service and criterion below the
// threshold, with what the next level asks for, and a row per criterion
// not rated: what the document's recommendations say in sentences.
func recommendationsTable(c *scoring.Comparison, l string) *DocTable {
	t := &DocTable{Caption: msg.T(l, "h13y.recommendations-table"), RowHeader: -1, Header: []string{
		msg.T(l, "compare.col.provider"), msg.T(l, "compare.col.service"), msg.T(l, "compare.col.date"),
		msg.T(l, "compare.col.number"), msg.T(l, "compare.col.title"), msg.T(l, "compare.col.level"),
		msg.T(l, "compare.col.next-level"), msg.T(l, "compare.col.next")},
		Widths: []float64{17, 20, 11, 5, 26, 6, 10, 46}, Wrap: []int{0, 1, 4, 7}}
	for i := range c.Services {
		sv := &c.Services[i]
		s := sv.Latest()
		provider, unit, date := VText(msg.Clip(sv.Provider)), VText(msg.Clip(sv.Unit)), VDate(s.Date, dateText(s, l))
		for _, r := range sv.Recommendations {
			t.Rows = append(t.Rows, []Value{provider, unit, date, VInt(r.Criterion.Number), VText(r.Criterion.Title.In(l)),
				VLevel(r.Level), VInt(r.Next()), VText(r.Criterion.Anchor(r.Next()).In(l))})
		}
		for k, lv := range s.Levels {
			if lv == 0 {
				cr := &c.Set.Criteria[k]
				t.Rows = append(t.Rows, []Value{provider, unit, date, VInt(cr.Number), VText(cr.Title.In(l)),
					Value{}, Value{}, VText(msg.T(l, "compare.not-rated"))})
			}
		}
	}
	return t
}

// cycleTable is the review cycle's table (CycleTable), a row per
// service, its dates as the reader writes them.
func cycleTable(c *scoring.Comparison, opt CompareOptions) *DocTable {
	t := CycleTable(c, opt)
	dt := &DocTable{Caption: t.Name, Header: t.Header, RowHeader: t.RowHeader,
		Widths: []float64{28, 22, 11, 11, 13, 12, 11, 10, 9, 9, 30, 28}, Wrap: []int{0, 1, 5, 6, 7, 10, 11}}
	for _, cells := range t.Rows {
		row := make([]Value, len(cells))
		for i, cell := range cells {
			if cell.Kind == DateCell {
				row[i] = VDate(cell.Date, cell.Format(opt.Lang, false))
				continue
			}
			row[i] = cellValue(cell)
		}
		dt.Rows = append(dt.Rows, row)
	}
	return dt
}

// chartServices is the most services one chart shows, so that their
// names stay readable under their columns.
const chartServices = 8

// chartSection is the chart sheet: the domain means of each service as
// column charts, and with the cycle the fidelity total against the
// employment rate.
func chartSection(c *scoring.Comparison, l string) Section {
	ch := &DocColumnChart{Title: msg.T(l, "compare.chart-xlsx"), LabelHeader: msg.T(l, "compare.col.service"), Max: 5, Decimals: 2, PerChart: chartServices}
	for i := range c.Services {
		// The unit names the service under its columns: with the
		// provider the names would not fit.
		ch.Categories = append(ch.Categories, msg.Clip(c.Services[i].Unit))
	}
	for k, dm := range c.Set.Domains {
		s := ColumnSeries{Name: dm.Name.In(l)}
		for i := range c.Services {
			ds := c.Services[i].Latest().Domains[k]
			s.Values = append(s.Values, meanValue(ds.Rated, ds.Mean))
		}
		ch.Series = append(ch.Series, s)
	}
	s := Section{Heading: msg.T(l, "compare.charts"), Level: 1, Sheet: msg.T(l, "compare.sheet.chart"), Blocks: []Block{ch}}
	if sc := rateScatterXLSX(c, l); sc != nil {
		s.Blocks = append(s.Blocks, sc, &Para{Text: msg.T(l, "cmpcycle.scatter.legend", criteria.BuiltinCycle().EmploymentRate.Source.In(l))})
	}
	return s
}

// rateScatterXLSX is the fidelity total against the employment rate, a
// point per service with a rate, named by the service; nil when the
// comparison records no cycle or no service has a rate.
func rateScatterXLSX(c *scoring.Comparison, l string) *DocScatterChart {
	if !hasCycle(c) {
		return nil
	}
	pts, _ := ratePoints(c)
	if len(pts) == 0 {
		return nil
	}
	set := c.Set
	ch := &DocScatterChart{Title: msg.T(l, "cmpcycle.scatter.title"), NameHeader: msg.T(l, "compare.col.service"),
		XTitle: msg.T(l, "cmpcycle.scatter.x", set.MaxTotal()), YTitle: msg.T(l, "cmpcycle.scatter.y"),
		XMin: 0, XMax: float64(set.MaxTotal()), XStep: 25, YMin: 0, YMax: 100, YStep: 10,
		LineHeader: msg.T(l, "h13y.lines"), FromHeader: msg.T(l, "h13y.line-from"), ToHeader: msg.T(l, "h13y.line-to"),
		YLines: benchLines(l)}
	if n := len(set.Criteria); n%25 == 0 {
		ch.XMin = float64(n)
	}
	// The bands' limits are named by their points only: their names
	// would run into one another at 100 and 115.
	for _, b := range bandLines(set) {
		ch.XLines = append(ch.XLines, RefLine{Label: msg.T(l, "h13y.points-suffix", int(b.Value)), Value: b.Value})
	}
	for _, p := range pts {
		ch.Points = append(ch.Points, ScatterValue{Name: msg.Clip(p.Service.Unit), X: VInt(p.Total), Y: pctValue(p.Rate)})
	}
	return ch
}

// aboutSections are how to read the workbook, on its last sheet after
// the set and the counts: the legends of the sheets, the rule of the next
// review and the region's weakest criteria, each part under its heading.
func aboutSections(c *scoring.Comparison, l string) []Section {
	rule := criteria.BuiltinCycle().Review
	out := []Section{
		{Heading: msg.T(l, "compare.sheet.about"), Level: 2, Blocks: []Block{
			&Para{Text: domainLegend(c.Set, l)},
			&Para{Text: msg.T(l, "compare.legend-rank")},
			&Para{Text: msg.T(l, "compare.matrix-legend")},
			&Para{Text: msg.T(l, "compare.rec-intro", c.Below)}}},
		{Heading: msg.T(l, "lead.sheet.next-review"), Level: 2, Blocks: []Block{
			&Para{Text: msg.T(l, "h16c.rule", rule.BelowMonths, rule.GoodFidelity, rule.AtOrAboveMonths, rule.GoodFidelity)},
			&Para{Text: msg.T(l, "h16c.strengths-legend", msg.T(l, "compare.matrix"), msg.T(l, "compare.trends"))}}},
	}
	return append(out, weakestSections(c, l)...)
}
