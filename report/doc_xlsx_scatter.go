package report

import (
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// DocScatterChart is a scatter chart: a point per thing (a service's
// fidelity total against its employment rate), each named, and
// reference lines across it (the bands' limits, upright; the rate's
// benchmarks, level). The workbook draws it natively, each point a series
// of its own so that its name is printed beside it and a point is told
// without colour; the other formats write its tables of values (the page
// draws the same chart as SVG, compare_doc_html.go).
type DocScatterChart struct {
	Title string
	// XTitle and YTitle name the axes; NameHeader heads the points'
	// names in the table of values.
	XTitle, YTitle, NameHeader string
	XMin, XMax, XStep          float64
	YMin, YMax, YStep          float64
	Points                     []ScatterValue
	// XLines are upright lines at an x (a band's lower limit), YLines
	// level lines at a y (a benchmark).
	XLines, YLines []RefLine
	// LineHeader heads the lines' names in their table of values, From
	// and To the columns of their ends.
	LineHeader, FromHeader, ToHeader string
}

// ScatterValue is one point: its name and where it is.
type ScatterValue struct {
	Name string
	X, Y Value
}

func (*DocScatterChart) isBlock() {}

// table is the points: a row each, the name, x and y.
func (c *DocScatterChart) table() *DocTable {
	t := &DocTable{Caption: c.Title, RowHeader: 0, Header: []string{c.NameHeader, c.XTitle, c.YTitle}}
	for _, p := range c.Points {
		t.Rows = append(t.Rows, []Value{VText(p.Name), p.X, p.Y})
	}
	return t
}

// lines is the reference lines' ends: a row each, its name and the x and
// y of where it starts and ends. An upright line stops a little above
// the axis, so that its label at its foot does not print on the axis'
// numbers.
func (c *DocScatterChart) lines() *DocTable {
	t := &DocTable{RowHeader: 0, Header: []string{c.LineHeader, c.FromHeader + " x", c.FromHeader + " y", c.ToHeader + " x", c.ToHeader + " y"}}
	foot := c.YMin + (c.YMax-c.YMin)*0.04
	for _, l := range c.XLines {
		t.Rows = append(t.Rows, []Value{VText(l.Label), VNum(l.Value, 0), VNum(foot, 0), VNum(l.Value, 0), VNum(c.YMax, 0)})
	}
	for _, l := range c.YLines {
		t.Rows = append(t.Rows, []Value{VText(l.Label), VNum(c.XMin, 0), VNum(l.Value, 0), VNum(c.XMax, 0), VNum(l.Value, 0)})
	}
	return t
}

func (c *DocScatterChart) writeText(w io.Writer, l string, ww int) error {
	return textBlock(w, c.table(), l, ww)
}

func (c *DocScatterChart) writeMarkdown(w io.Writer, l string) { mdBlock(w, c.table(), l) }

// scatterChart writes the points' and the lines' values, then the chart
// on a landscape page of its own, reading them from the two tables.
func (x *docXLSX) scatterChart(c *DocScatterChart) error {
	if err := x.keep(100); err != nil {
		return err
	}
	if err := x.span(0, c.Title, x.st.sub, 11); err != nil {
		return err
	}
	pts := c.table()
	from, to, err := x.values(pts.Header, pts.Rows)
	if err != nil || len(pts.Rows) == 0 {
		return err
	}
	lines := c.lines()
	lfrom, _, err := x.values(lines.Header, lines.Rows)
	if err != nil {
		return err
	}
	var series []excelize.ChartSeries
	for r := from; r <= to; r++ {
		series = append(series, excelize.ChartSeries{
			Name: x.cellRef(0, r), Categories: x.cellRef(1, r), Values: x.cellRef(2, r),
			Marker: excelize.ChartMarker{Symbol: "circle", Size: 10, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"1F4E79"}}},
		})
	}
	for k := range lines.Rows {
		r := lfrom + k
		// The bands' limits dashed, the benchmarks dotted.
		dash := excelize.LineDashDash
		if k >= len(c.XLines) {
			dash = excelize.LineDashSysDot
		}
		series = append(series, excelize.ChartSeries{
			Name:       x.cellRef(0, r),
			Categories: x.cellRef(1, r) + "," + x.cellRef(3, r),
			Values:     x.cellRef(2, r) + "," + x.cellRef(4, r),
			Marker:     excelize.ChartMarker{Symbol: "none"},
			Line:       excelize.LineOptions{Type: excelize.LineSolid, Dash: dash, Width: 1.5, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"595959"}}},
		})
	}
	if err := x.pageBreak(); err != nil {
		return err
	}
	axisTitle := func(s string) excelize.ChartTitle {
		return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: s, Font: &chartAxisFont}}}
	}
	xmin, xmax, ymin, ymax := c.XMin, c.XMax, c.YMin, c.YMax
	height := uint(540)
	chart := &excelize.Chart{
		Type:   excelize.Scatter,
		Series: series,
		Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.Title, Font: &excelize.Font{Family: docFont, Size: 16, Bold: true, Color: "262626"}}}},
		// The legend goes under the plot: at its right, the labels at the
		// right ends of the level lines would run into it.
		Legend:    excelize.ChartLegend{Position: "bottom", Font: &chartAxisFont},
		Dimension: excelize.ChartDimension{Width: 980, Height: height},
		Format:    excelize.GraphicOptions{AltText: strings.Join([]string{c.Title, c.XTitle, c.YTitle}, ". "), OffsetX: 4, OffsetY: 4},
		// Each point and line is named beside it.
		PlotArea: excelize.ChartPlotArea{ShowSerName: true},
		XAxis:    excelize.ChartAxis{Minimum: &xmin, Maximum: &xmax, MajorUnit: c.XStep, MajorGridLines: true, Font: chartAxisFont, Title: axisTitle(c.XTitle)},
		// The y axis' lowest number is left out (the format's empty zero
		// section): it would print on the x axis' first number in the
		// corner.
		YAxis: excelize.ChartAxis{Minimum: &ymin, Maximum: &ymax, MajorUnit: c.YStep, MajorGridLines: true, Font: chartAxisFont,
			NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0;-0;"}, Title: axisTitle(c.YTitle)},
	}
	return x.addChart(chart, nil, height)
}
