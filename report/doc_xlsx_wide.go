package report

import (
	"io"
	"math"
	"strconv"

	"github.com/laatu-fi/laatu/internal/xlsxrow"
	"github.com/xuri/excelize/v2"
)

// The workbook's wide tables, lists and column charts (WriteDocXLSX). A
// WideTable or a DocMatrix (a column per service) is the table of its
// sheet: it follows the section's heading, its header row and the columns
// that name its rows stay in view when scrolling and print on every page,
// the sheet prints on as many pages across as keep its text at least 8
// points, and a matrix's levels get the colour scale, which follows a
// level a user changes. The text after it (legends) spans about a page's
// width, so that it prints on the first page across.

// wideTextWidth is how many characters of columns the text of a wide
// table's sheet spans: about a landscape page's width at 100 %.
const wideTextWidth = 110.0

// Widths of a wide table's columns, in characters: a column of text is as
// wide as its longest value up to wideTextMax (longer text wraps), every
// column at least wideMin and its heading's longest word.
const (
	wideTextMax = 30.0
	wideMin     = 6.0
	levelMin    = 8.0
)

// wideLayout is what a wide block writes: its table (with the columns'
// widths), how many columns name a row, and the columns of levels under
// the colour scale, from levelFrom up to levelTo (exclusive).
type wideLayout struct {
	block              Block
	t                  *DocTable
	names              int
	levelFrom, levelTo int
}

// wideOf is b's layout when b is a wide block.
func wideOf(b Block, l string) (*wideLayout, bool) {
	switch b := b.(type) {
	case *WideTable:
		t := b.Table
		w := &wideLayout{block: b, t: &t, names: max(t.RowHeader+1, 1)}
		w.size(l)
		return w, true
	case *DocMatrix:
		w := &wideLayout{block: b, t: matrixTable(b, l), names: len(b.Head), levelFrom: len(b.Head), levelTo: len(b.Head) + len(b.Columns)}
		w.size(l)
		return w, true
	}
	return nil, false
}

// matrixTable is m as one table: the columns that name a row, a level
// per service (named with its note), the figures and the further figures
// (a workbook has the room).
func matrixTable(m *DocMatrix, l string) *DocTable {
	t := &DocTable{RowHeader: len(m.Head) - 1, Header: append([]string{}, m.Head...)}
	for _, c := range m.Columns {
		name := c.Name
		if c.Note != "" {
			name += " (" + c.Note + ")"
		}
		t.Header = append(t.Header, name)
	}
	t.Header = append(append(t.Header, m.Stats...), m.More...)
	for _, r := range m.Rows {
		row := append([]Value{}, r.Head...)
		for _, lv := range r.Levels {
			row = append(row, VLevel(lv))
		}
		row = append(append(row, r.Stats...), r.More...)
		t.Rows = append(t.Rows, row)
	}
	return t
}

// size sets the widths of the table's columns and the columns that wrap.
func (w *wideLayout) size(l string) {
	t := w.t
	t.Widths, t.Wrap = nil, nil
	for c, h := range t.Header {
		width := math.Max(wideMin, math.Min(xlsxrow.WordWidth(CleanText(h), 10, true), 40))
		if c >= w.levelFrom && c < w.levelTo {
			t.Widths = append(t.Widths, math.Max(width, levelMin))
			continue
		}
		need := 0.0
		for r, row := range t.Rows {
			if c < len(row) {
				need = math.Max(need, xlsxrow.LineWidth(CleanText(row[c].String(l)), 10, t.bold(r)))
			}
		}
		if need > wideTextMax {
			t.Wrap = append(t.Wrap, c)
			need = wideTextMax
		}
		t.Widths = append(t.Widths, math.Max(width, need))
	}
}

// wideTable writes w's table. When it is its sheet's table, right under
// the heading, the rows down to its header and its naming columns are
// frozen and repeated on paper.
func (x *docXLSX) wideTable(w *wideLayout) error {
	first := w == x.wide && x.row == 2
	x.scale, x.measured = w.levelTo > w.levelFrom, true
	err := x.table(w.t)
	x.scale, x.measured = false, false
	if err != nil {
		return err
	}
	head := x.titles[len(x.titles)-1]
	if w.levelTo > w.levelFrom && len(w.t.Rows) > 0 {
		ref := CellName(w.levelFrom, head+1) + ":" + CellName(w.levelTo-1, head+len(w.t.Rows))
		if err := levelScale(x.f, x.sheet, ref); err != nil {
			return err
		}
	}
	if !first {
		return nil
	}
	if err := x.f.SetPanes(x.sheet, freezePanes(w.names, head)); err != nil {
		return err
	}
	pl := layoutFor(x.widths, w.names, head, 10, true)
	x.layout = &pl
	return nil
}

// bullets writes each entry as a row of its own, its sentences under it
// indented.
func (x *docXLSX) bullets(b *DocBullets) error {
	for _, it := range b.Items {
		if err := x.keep(float64(20 * (1 + len(it.Sub)))); err != nil {
			return err
		}
		style := x.st.wrap
		if it.Strong {
			style = x.st.strong
		}
		if err := x.span(0, "• "+it.Text, style, 10); err != nil {
			return err
		}
		for _, s := range it.Sub {
			if err := x.span(0, "    – "+s, x.st.wrap, 10); err != nil {
				return err
			}
		}
	}
	return nil
}

// DocColumnChart is a clustered column chart: a group of columns per
// category (a service), a column per series (a domain), each value of Max.
// The workbook draws it natively; the other formats write its table of
// values (the page has pictures of its own, compare_doc_html.go).
type DocColumnChart struct {
	Title string
	// LabelHeader heads the categories' column in the table of values.
	LabelHeader string
	Categories  []string
	Series      []ColumnSeries
	Max         float64
	Decimals    int
	// PerChart is the most categories one chart shows: more are shared
	// out over several charts, each on a page of its own, so that the
	// categories' names stay readable under their columns (0: all on one).
	PerChart int
}

// ColumnSeries is one series: its name and a value per category (blank
// when there is none).
type ColumnSeries struct {
	Name   string
	Values []Value
}

func (*DocColumnChart) isBlock() {}

// table is the chart's values: a row per category, a column per series.
func (c *DocColumnChart) table() *DocTable {
	t := &DocTable{Caption: c.Title, RowHeader: 0, Header: []string{c.LabelHeader}}
	for _, s := range c.Series {
		t.Header = append(t.Header, s.Name)
	}
	for k, cat := range c.Categories {
		row := []Value{VText(cat)}
		for _, s := range c.Series {
			v := Value{}
			if k < len(s.Values) {
				v = s.Values[k]
			}
			row = append(row, v)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func (c *DocColumnChart) writeText(w io.Writer, l string, ww int) error {
	return textBlock(w, c.table(), l, ww)
}

func (c *DocColumnChart) writeMarkdown(w io.Writer, l string) { mdBlock(w, c.table(), l) }

// seriesColours tell the series apart; each has a contrast of at least
// 3:1 on white, and the values are printed on the columns.
var seriesColours = []string{"2F6F9F", "C0661A", "4E8A3A", "8E3B6E", "5F5F5F", "1B8A8A"}

// Chart text: near black (a contrast of about 15:1 on white; excelize's
// default light grey has about 1.4:1), larger than the sheets' text: a
// chart the width of a landscape page prints at about 80 %.
var (
	chartAxisFont  = excelize.Font{Family: docFont, Size: 12, Color: "262626"}
	chartLabelFont = excelize.Font{Family: docFont, Size: 11, Color: "262626"}
)

// columnChart writes the chart's values, then the charts, each on a
// landscape page of its own, up to PerChart categories each, reading
// their values from the table.
func (x *docXLSX) columnChart(c *DocColumnChart) error {
	t := c.table()
	t.Caption = ""
	if err := x.span(0, c.Title, x.st.sub, 11); err != nil {
		return err
	}
	from, to, err := x.values(t.Header, t.Rows)
	if err != nil || len(t.Rows) == 0 {
		return err
	}
	per := len(t.Rows)
	if c.PerChart > 0 {
		charts := (per + c.PerChart - 1) / c.PerChart
		per = (per + charts - 1) / charts
	}
	charts := (len(t.Rows) + per - 1) / per
	zero, top := 0.0, c.Max
	for k := range charts {
		first, last := from+k*per, min(to, from+(k+1)*per-1)
		var series []excelize.ChartSeries
		for i := range c.Series {
			colour := seriesColours[i%len(seriesColours)]
			series = append(series, excelize.ChartSeries{
				Name: x.cellRef(1+i, from-1), Categories: x.ref(0, first, last), Values: x.ref(1+i, first, last),
				Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour}},
				DataLabel: excelize.ChartDataLabel{Font: chartLabelFont},
			})
		}
		title := c.Title
		if charts > 1 {
			title += " (" + strconv.Itoa(k+1) + "/" + strconv.Itoa(charts) + ")"
		}
		// Each chart starts a page: the width of a landscape A4 page
		// inside the margins, and its height.
		if err := x.pageBreak(); err != nil {
			return err
		}
		height := uint(540)
		chart := &excelize.Chart{
			Type:      excelize.Col,
			Series:    series,
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title, Font: &excelize.Font{Family: docFont, Size: 16, Bold: true, Color: "262626"}}}},
			Legend:    excelize.ChartLegend{Position: "bottom", Font: &chartAxisFont},
			Dimension: excelize.ChartDimension{Width: 980, Height: height},
			Format:    excelize.GraphicOptions{AltText: title, OffsetX: 4, OffsetY: 4},
			PlotArea:  excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: numFormat(c.Decimals)}},
			XAxis:     excelize.ChartAxis{Font: chartAxisFont},
			YAxis:     excelize.ChartAxis{Minimum: &zero, Maximum: &top, MajorUnit: majorUnit(top), MajorGridLines: true, Font: chartAxisFont},
		}
		if err := x.addChart(chart, nil, height); err != nil {
			return err
		}
	}
	return nil
}
