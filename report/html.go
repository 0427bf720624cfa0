package report

import (
	"bufio"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"
	"sync"
)

// reportCSS is the style of every HTML report: readable on screen, printable
// on A4, and never carrying meaning by colour alone (every coloured cell
// prints its value).
//
//go:embed report.css
var reportCSS string

// HTMLPage is one self-contained HTML report: no network, the style inline,
// charts as inline SVG, so it can be mailed or archived as one file.
type HTMLPage struct {
	// Lang is the page's language (the lang attribute screen readers use).
	Lang  string
	Title string
	// Body is the page content, already escaped by html/template.
	Body template.HTML
}

var (
	pageHead = sync.OnceValue(func() *template.Template {
		return template.Must(template.New("head").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="laatu">
<title>{{.Title}}</title>
<style>{{.CSS}}</style>
</head>
<body>
<main>
`))
	})
	pageFoot = `
</main>
</body>
</html>
`
)

// WriteHTMLPage writes p as a complete HTML document.
func WriteHTMLPage(w io.Writer, p HTMLPage) error {
	return WriteHTMLPageFunc(w, p.Lang, p.Title, func(w io.Writer) error {
		_, err := io.WriteString(w, string(p.Body))
		return err
	})
}

// WriteHTMLPageFunc writes the page shell around what body writes, for a
// page too long to hold in memory first. body must write only markup that
// html/template escaped.
func WriteHTMLPageFunc(w io.Writer, lang, title string, body func(io.Writer) error) (err error) {
	o := newOut(w)
	defer o.finish(&err)
	bw := bufio.NewWriter(o)
	err = pageHead().Execute(bw, struct {
		Lang, Title string
		CSS         template.CSS
	}{lang, title, template.CSS(reportCSS)})
	if err != nil {
		return err
	}
	if err := body(bw); err != nil {
		return err
	}
	bw.WriteString(pageFoot)
	return bw.Flush()
}

// The charts below are inline SVG that scale to the width of the page
// (a viewBox, and CSS max-width: 100%), each an image with a title and a
// description that gives every value (role="img", aria-labelledby), so a
// chart reads without the picture and without colour. The texts are
// escaped here; a chart's SVG is safe to put in a page.

// Bar is one bar of a BarChart: Value of Max, with Text printed beside it.
type Bar struct {
	Label string
	Value float64
	Max   float64
	Text  string
	// Open draws the bar as a hatched outline instead of a solid bar: a
	// value that does not count the same (a bid that fails the profile, an
	// incomplete assessment). Text must say why in words.
	Open bool
}

// BarChart is a horizontal bar chart, each bar under its label (so a
// label can be a whole name and the chart stays narrow enough to read on
// a phone). Each bar is its share of its own Max, unless Scale is set:
// then every bar is on one axis from 0 to Scale, with the reference Lines
// drawn across it.
type BarChart struct {
	// ID must be unique in the page: it names the title and description.
	ID    string
	Title string
	Desc  string
	Bars  []Bar
	Scale float64
	Lines []RefLine
	// TextW is the width of the value column in SVG units (at 100 % CSS
	// pixels); 0 for the default.
	TextW float64
}

// Chart geometry in SVG user units (at 100 % one unit is one CSS pixel).
const (
	chartPad   = 4
	chartBarW  = 240
	chartTextW = 190
	chartLabel = 16 // the label's line above its bar
	chartBarH  = 14
	chartRowH  = chartLabel + chartBarH + 8
	// chartRuneW is about the width of a letter of a 13 px label, to cut
	// a label to what fits in one line.
	chartRuneW = 7.4
)

// fitLabel cuts a label to about what fits in w units.
func fitLabel(s string, w float64) string { return truncate(s, int(w/chartRuneW)) }

func f1(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }

// svgStart opens a chart's SVG with its title and description.
func svgStart(b *strings.Builder, id, title, desc string, w, h float64) {
	fmt.Fprintf(b, `<svg class="chart" role="img" aria-labelledby="%s-t %s-d" viewBox="0 0 %s %s" width="%s" height="%s" xmlns="http://www.w3.org/2000/svg">
<title id="%s-t">%s</title>
<desc id="%s-d">%s</desc>
`, esc(id), esc(id), f1(w), f1(h), f1(w), f1(h), esc(id), esc(title), esc(id), esc(desc))
	// The hatch marks an open bar in print and without colour.
	fmt.Fprintf(b, `<defs><pattern id="%s-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" class="chart-open"/><line x1="0" y1="0" x2="0" y2="6" class="chart-hatch"/></pattern></defs>
`, esc(id))
}

// SVG renders the chart.
func (c BarChart) SVG() (template.HTML, error) {
	var b strings.Builder
	top := float64(chartPad)
	if len(c.Lines) > 0 {
		top = 18 // room for the lines' labels
	}
	textW := c.TextW
	if textW == 0 {
		textW = chartTextW
	}
	x0 := float64(chartPad)
	w := x0 + chartBarW + textW
	h := top + float64(len(c.Bars)*chartRowH)
	svgStart(&b, c.ID, c.Title, c.Desc, w, h)
	// The lines first: the labels, with their halo, are drawn over them.
	for _, l := range c.Lines {
		if c.Scale <= 0 || l.Value <= 0 || l.Value >= c.Scale {
			continue
		}
		x := x0 + l.Value/c.Scale*chartBarW
		fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s" class="chart-ref"/>
<text x="%s" y="%s" text-anchor="middle" class="chart-ref-label">%s</text>
`, f1(x), f1(top-3), f1(x), f1(h-4), f1(x), f1(top-6), esc(l.Label))
	}
	for i, bar := range c.Bars {
		max := bar.Max
		if c.Scale > 0 {
			max = c.Scale
		}
		share := 0.0
		if max > 0 {
			share = min(max0(bar.Value/max), 1)
		}
		y := top + float64(i*chartRowH) + chartLabel
		ty := y + chartBarH - 3
		fmt.Fprintf(&b, `<g><text x="%s" y="%s" class="chart-label">%s</text>
<rect x="%s" y="%s" width="%d" height="%d" class="chart-track"/>
`, f1(x0), f1(y-4), esc(fitLabel(bar.Label, w-x0)), f1(x0), f1(y), chartBarW, chartBarH)
		if bar.Open {
			fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%d" fill="url(#%s-hatch)" class="chart-bar-open"/>
`, f1(x0), f1(y+0.5), f1(share*chartBarW), chartBarH-1, esc(c.ID))
		} else {
			fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%d" class="chart-bar"/>
`, f1(x0), f1(y), f1(share*chartBarW), chartBarH)
		}
		fmt.Fprintf(&b, `<text x="%s" y="%s" class="chart-value">%s</text></g>
`, f1(x0+chartBarW+8), f1(ty), esc(bar.Text))
	}
	b.WriteString("</svg>")
	return template.HTML(b.String()), nil
}

func max0(x float64) float64 { return max(x, 0) }

// Segment is one part of a StackRow: Count of the row's Of, drawn in the
// colour of Level (1–5, 0 for none) and labelled with Count.
type Segment struct {
	Level int
	Count int
}

// StackRow is one row of a StackChart.
type StackRow struct {
	Label    string
	Segments []Segment
}

// StackChart is a row of stacked bars: per row, how many of Of fall in
// each segment, with each count printed in its segment. Segments keep the
// order given (levels 1 to 5 left to right), so the picture also reads
// without colour.
type StackChart struct {
	ID, Title, Desc string
	Of              int
	Rows            []StackRow
}

// SVG renders the chart.
func (c StackChart) SVG() (template.HTML, error) {
	var b strings.Builder
	const x0, barW = chartPad, chartBarW + chartTextW
	w := float64(x0 + barW + chartPad)
	h := float64(chartPad + len(c.Rows)*chartRowH)
	svgStart(&b, c.ID, c.Title, c.Desc, w, h)
	for i, r := range c.Rows {
		y := float64(chartPad + i*chartRowH + chartLabel)
		ty := y + chartBarH - 3
		fmt.Fprintf(&b, `<g><text x="%d" y="%s" class="chart-label">%s</text>
`, x0, f1(y-4), esc(fitLabel(r.Label, w-x0)))
		x := float64(x0)
		for _, s := range r.Segments {
			if s.Count == 0 || c.Of == 0 {
				continue
			}
			sw := float64(s.Count) / float64(c.Of) * barW
			class := levelClass(s.Level)
			if class == "" {
				class = "seg-none"
			}
			fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%d" class="seg %s"/>
<text x="%s" y="%s" text-anchor="middle" class="chart-seg">%d</text>
`, f1(x), f1(y), f1(sw), chartBarH, class, f1(x+sw/2), f1(ty), s.Count)
			x += sw
		}
		b.WriteString("</g>\n")
	}
	b.WriteString("</svg>")
	return template.HTML(b.String()), nil
}

// Point is one point of a LineChart.
type Point struct {
	Label string
	Value float64
	Text  string
	// Open draws a hollow point: a value that does not count the same.
	Open bool
}

// LineChart is values over time on one axis from Min (usually 0) to Max:
// the points in order, equally spaced, joined by a line, each with its
// value printed, and the reference Lines drawn across.
type LineChart struct {
	ID, Title, Desc string
	Min, Max        float64
	Points          []Point
	Lines           []RefLine
}

// SVG renders the chart.
func (c LineChart) SVG() (template.HTML, error) {
	var b strings.Builder
	const left, right, top, plotH, bottom = 40, 120, 16, 150, 30
	step := 110.0
	n := len(c.Points)
	plotW := max(step*float64(n-1), 0) + 80
	w := left + plotW + right
	h := float64(top + plotH + bottom)
	svgStart(&b, c.ID, c.Title, c.Desc, w, h)
	yOf := func(v float64) float64 {
		if c.Max <= c.Min {
			return top + plotH
		}
		return top + plotH - min(max0((v-c.Min)/(c.Max-c.Min)), 1)*plotH
	}
	fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%s" height="%d" class="chart-plot"/>
<text x="%d" y="%s" text-anchor="end" class="chart-label">%s</text>
<text x="%d" y="%s" text-anchor="end" class="chart-label">%s</text>
`, left, top, f1(plotW), plotH, left-6, f1(yOf(c.Min)+4), esc(strconv.FormatFloat(c.Min, 'f', -1, 64)), left-6, f1(yOf(c.Max)+4), esc(strconv.FormatFloat(c.Max, 'f', -1, 64)))
	for _, l := range c.Lines {
		if l.Value <= c.Min || l.Value >= c.Max {
			continue
		}
		y := yOf(l.Value)
		fmt.Fprintf(&b, `<line x1="%d" y1="%s" x2="%s" y2="%s" class="chart-ref"/>
<text x="%s" y="%s" class="chart-ref-label">%s</text>
`, left, f1(y), f1(left+plotW), f1(y), f1(left+plotW+6), f1(y+4), esc(l.Label))
	}
	var pts []string
	for i, p := range c.Points {
		x := left + 40 + float64(i)*step
		y := yOf(p.Value)
		pts = append(pts, f1(x)+","+f1(y))
		fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="middle" class="chart-label">%s</text>
`, f1(x), f1(top+plotH+16), esc(p.Label))
	}
	if len(pts) > 1 {
		fmt.Fprintf(&b, `<polyline points="%s" class="chart-line"/>
`, strings.Join(pts, " "))
	}
	for i, p := range c.Points {
		x := left + 40 + float64(i)*step
		y := yOf(p.Value)
		class := "chart-point"
		if p.Open {
			class = "chart-point-open"
		}
		fmt.Fprintf(&b, `<circle cx="%s" cy="%s" r="5" class="%s"/>
<text x="%s" y="%s" text-anchor="middle" class="chart-value">%s</text>
`, f1(x), f1(y), class, f1(x), f1(y-10), esc(p.Text))
	}
	b.WriteString("</svg>")
	return template.HTML(b.String()), nil
}

// htmlFigure is a chart with its caption: what people see above the chart.
func htmlFigure(caption string, chart template.HTML) template.HTML {
	return template.HTML("<figure>\n<figcaption>" + esc(caption) + "</figcaption>\n" + string(chart) + "\n</figure>")
}

// smallTable is the most rows a table has that printing keeps on one page.
const smallTable = 8
