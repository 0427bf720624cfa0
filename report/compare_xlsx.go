package report

import (
	"fmt"
	"io"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
	"github.com/xuri/excelize/v2"
)

// CompareXLSX writes the comparison as a workbook: the summary, the
// criteria × services matrix with a colour scale over the printed levels,
// trends, recommendations, a chart of the domain means per service and a
// sheet about the comparison (criteria set, legends, assessments left out).
// Every sheet has a frozen header and prints on A4.
func CompareXLSX(w io.Writer, c *scoring.Comparison, opt CompareOptions) error {
	l := opt.Lang
	wb, err := NewWorkbook(l)
	if err != nil {
		return err
	}
	nd := len(c.Set.Domains)
	ns := len(c.Services)

	// Summary: rank, provider, service, date, domain scores, domain means,
	// total, max, rated, count, mean, band, complete, change, previous, file.
	summary := SummaryTable(c, l)
	summary.Name = msg.T(l, "compare.sheet.summary")
	widths := []float64{6, 22, 26, 11}
	for range 2 * nd {
		widths = append(widths, 12)
	}
	widths = append(widths, 9, 9, 9, 9, 9, 18, 8, 8, 12, 24)
	cycle := hasCycle(c)
	if cycle {
		widths = append(widths, 16, 14, 11, 13, 14)
	}
	sumSheet, err := wb.AddTable(summary, SheetOptions{FreezeCols: 3, Widths: widths})
	if err != nil {
		return err
	}

	// Matrix: number, criterion, domain, one column per service, then the
	// statistics.
	matrix := MatrixTable(c, l)
	matrix.Name = msg.T(l, "compare.sheet.matrix")
	widths = []float64{5, 34, 18}
	for range ns {
		widths = append(widths, 14)
	}
	widths = append(widths, 10, 9, 11, 8)
	mOpt := SheetOptions{FreezeCols: 2, Widths: widths}
	if ns > 0 {
		mOpt.LevelRanges = []string{CellName(3, 2) + ":" + CellName(3+ns-1, len(c.Criteria)+1)}
	}
	if _, err := wb.AddTable(matrix, mOpt); err != nil {
		return err
	}

	// Trends, when some service has several assessments.
	if svs := trendServices(c); len(svs) > 0 {
		trends := TrendsTable(c, l)
		trends.Name = msg.T(l, "compare.sheet.trends")
		widths = []float64{22, 26, 11}
		for range nd {
			widths = append(widths, 12)
		}
		widths = append(widths, 9, 9)
		for range c.Set.Criteria {
			widths = append(widths, 4.5)
		}
		// The colour scale covers the levels of the assessment rows, not the
		// change rows under them.
		tOpt := SheetOptions{FreezeCols: 3, Widths: widths}
		first := 3 + nd + 2
		row := 2
		for _, sv := range svs {
			tOpt.LevelRanges = append(tOpt.LevelRanges, CellName(first, row)+":"+CellName(first+len(c.Set.Criteria)-1, row+len(sv.History)-1))
			row += len(sv.History) + 1
		}
		if _, err := wb.AddTable(trends, tOpt); err != nil {
			return err
		}
	}

	recs := RecommendationsTable(c, l)
	recs.Name = msg.T(l, "compare.sheet.recommendations")
	if _, err := wb.AddTable(recs, SheetOptions{FreezeCols: 2, Widths: []float64{17, 20, 11, 5, 26, 6, 10, 40}}); err != nil {
		return err
	}

	// The next review and the strengths of every service, as the other
	// formats show them (compare_strengths_doc.go).
	next := nextReviewTable(l, serviceReviewsOf(c, opt.Today), opt.Today)
	nt := tableOfDoc(msg.T(l, "lead.sheet.next-review"), &next.Table)
	widths = []float64{24, 20, 11, 14, 7, 11}
	if !opt.Today.IsZero() {
		widths = append(widths, 11)
	}
	if _, err := wb.AddTable(nt, SheetOptions{FreezeCols: 1, Widths: append(widths, 26)}); err != nil {
		return err
	}

	if cycle || opt.Reviews {
		ct := CycleTable(c, opt)
		ct.Name = msg.T(l, "cmpcycle.sheet")
		// Narrow enough to print two pages across (three with the service
		// 40 wide): the service and the actions wrap instead.
		if _, err := wb.AddTable(ct, SheetOptions{FreezeCols: 1, Widths: []float64{28, 22, 11, 9, 12, 11, 11, 10, 9, 9, 30, 28}}); err != nil {
			return err
		}
	}
	if ns > 0 {
		pts, _ := ratePoints(c)
		extra := 0
		if cycle && len(pts) > 0 {
			extra = 1
		}
		charts, err := domainChart(wb, c, l, sumSheet, extra)
		if err != nil {
			return err
		}
		if extra > 0 {
			if err := rateChartXLSX(wb, c, l, sumSheet, pts, 1+charts*chartRows); err != nil {
				return err
			}
		}
	}
	if err := aboutSheet(wb, c, l); err != nil {
		return err
	}
	return wb.Write(w)
}

// domainChart draws the domain means (levels 1–5) of each service as
// clustered column charts on a sheet of their own, from the summary's mean
// columns, so the charts and the numbers agree. Columns rather than bars:
// LibreOffice lists a bar chart's legend bottom-up, against the order of
// the bars; a column chart's legend reads in the order of its columns. The
// means are printed on the columns, the text is near black, and each chart
// has a landscape page of its own: up to chartServices services to a chart,
// so that the services' names stay readable under their columns.
//
// extra is how many more chart pages follow on the sheet (the rate chart,
// compare_review.go); it returns how many pages the domain charts take.
func domainChart(wb *Workbook, c *scoring.Comparison, l, sumSheet string, extra int) (int, error) {
	sheet := SheetName(msg.T(l, "compare.sheet.chart"))
	if _, err := wb.File.NewSheet(sheet); err != nil {
		return 0, err
	}
	nd, ns := len(c.Set.Domains), len(c.Services)
	quoted := "'" + sumSheet + "'"
	charts := (ns + chartServices - 1) / chartServices
	per := (ns + charts - 1) / charts
	lo, hi := 0.0, 5.0
	dark := excelize.Font{Color: chartText, Family: FontFamily, Size: 12}
	for k := range charts {
		first, last := 2+k*per, min(ns+1, 1+(k+1)*per) // rows of the summary
		var series []excelize.ChartSeries
		for d := range nd {
			col := ColName(4 + nd + d)
			series = append(series, excelize.ChartSeries{
				Name:       fmt.Sprintf("%s!$%s$1", quoted, col),
				Categories: fmt.Sprintf("%s!$C$%d:$C$%d", quoted, first, last),
				Values:     fmt.Sprintf("%s!$%s$%d:$%s$%d", quoted, col, first, col, last),
				DataLabel:  excelize.ChartDataLabel{Font: excelize.Font{Color: chartText, Family: FontFamily, Size: 11}},
			})
		}
		title := msg.T(l, "compare.chart-xlsx")
		if charts > 1 {
			title += fmt.Sprintf(" (%d/%d)", k+1, charts)
		}
		// A chart takes the width of a landscape A4 page (about 1000 × 600
		// pixels inside the margins and the page header), and the page is
		// fitted to its width: LibreOffice without Calibri draws the sheet's
		// cells, and so the chart, a third wider and scales it down to
		// about 77 %, which is why its text is larger than the sheets' (11
		// points print as 8.5). Rows keep their height in points in every
		// program, so each chart starts chartRows rows below the last,
		// after a page break.
		top := 1 + k*chartRows
		if k > 0 {
			if err := wb.File.InsertPageBreak(sheet, CellName(0, top)); err != nil {
				return 0, err
			}
		}
		err := wb.File.AddChart(sheet, CellName(0, top), &excelize.Chart{
			Type:      excelize.Col,
			Series:    series,
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title, Font: &excelize.Font{Color: chartText, Family: FontFamily, Size: 16, Bold: true}}}},
			Legend:    excelize.ChartLegend{Position: "bottom", Font: &dark},
			Dimension: excelize.ChartDimension{Width: 980, Height: 540},
			Format:    excelize.GraphicOptions{AltText: title},
			PlotArea:  excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0.00"}},
			XAxis:     excelize.ChartAxis{Font: dark},
			YAxis:     excelize.ChartAxis{Minimum: &lo, Maximum: &hi, MajorUnit: 1, MajorGridLines: true, Font: dark},
		})
		if err != nil {
			return 0, err
		}
	}
	return charts, wb.pageSetup(sheet, pageLayout{landscape: true, pagesWide: 1, fitHeight: charts+extra == 1})
}

// chartServices is the most services one chart shows; chartRows is how
// many rows of the default height (15 points) a chart and its margin take.
const (
	chartServices = 8
	chartRows     = 30
)

// chartText is the colour of a chart's text: near black, a contrast of
// about 15:1 on white (the default light grey has about 1.4:1).
const chartText = "262626"

// aboutSheet says what was compared and how to read the workbook.
func aboutSheet(wb *Workbook, c *scoring.Comparison, l string) error {
	t := Table{Name: msg.T(l, "compare.sheet.about"), RowHeader: -1, Header: []string{msg.T(l, "compare.title"), ""}}
	add := func(k, v string) { t.Rows = append(t.Rows, []Cell{Text(k), Text(v)}) }
	add(msg.T(l, "score.set"), c.Set.Name.In(l)+" ("+c.Set.Label()+")")
	add("", msg.T(l, "compare.counts", len(c.Services), c.Assessments))
	add("", domainLegend(c.Set, l))
	add("", msg.T(l, "compare.legend-rank"))
	add("", msg.T(l, "compare.matrix-legend"))
	add("", msg.T(l, "compare.rec-intro", c.Below))
	rule := criteria.BuiltinCycle().Review
	add(msg.T(l, "lead.sheet.next-review"), msg.T(l, "h16c.rule", rule.BelowMonths, rule.GoodFidelity, rule.AtOrAboveMonths, rule.GoodFidelity))
	add("", msg.T(l, "h16c.strengths-legend", msg.T(l, "compare.matrix"), msg.T(l, "compare.trends")))
	for i, st := range c.Weakest {
		key := ""
		if i == 0 {
			key = msg.T(l, "compare.weakest")
		}
		add(key, weakestLine(c, st, l))
	}
	if len(c.LeftOut) > 0 {
		add("", msg.T(l, "compare.left-out", len(c.LeftOut)))
		for _, s := range c.LeftOut {
			add("", msg.T(l, "compare.left-out-item", s.Source, ServiceName(s.Provider, s.Unit), s.Set.Label()))
		}
		add("", msg.T(l, "compare.left-out-hint", leftOutSets(c)))
	}
	_, err := wb.AddTable(t, SheetOptions{Widths: []float64{20, 70}, Portrait: true})
	return err
}

// tableOfDoc is a document table as a workbook table named name, for the
// sheets the workbook writes from the document's blocks.
func tableOfDoc(name string, d *DocTable) Table {
	t := Table{Name: name, Header: d.Header, RowHeader: d.RowHeader}
	for _, row := range d.Rows {
		cells := make([]Cell, len(row))
		for k, v := range row {
			cells[k] = cellOf(v)
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}

// cellOf is a document value as a workbook cell: cellValue the other way.
func cellOf(v Value) Cell {
	switch v.Kind {
	case TextValue:
		return Text(v.Text)
	case NumberValue, ChangeValue:
		c := Float(v.Num, v.Decimals)
		if v.Decimals == 0 {
			c = Int(int(v.Num))
		}
		c.Signed = v.Kind == ChangeValue
		return c
	case LevelValue:
		return Level(int(v.Num))
	}
	return Blank()
}
