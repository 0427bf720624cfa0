package report

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strconv"
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
	pageHead = template.Must(template.New("head").Parse(`<!DOCTYPE html>
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
	err = pageHead.Execute(bw, struct {
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

// Bar is one bar of a BarChart: Value of Max, with Text printed beside it.
type Bar struct {
	Label string
	Value float64
	Max   float64
	Text  string
}

// BarChart is a horizontal bar chart as inline SVG. It is an image with a
// title and a text description for screen readers (role="img",
// aria-labelledby), and every bar prints its value, so the chart reads
// without colour and without the picture.
type BarChart struct {
	// ID must be unique in the page: it names the title and description.
	ID    string
	Title string
	Desc  string
	Bars  []Bar
}

// Chart geometry in SVG user units.
const (
	chartLabelW = 170
	chartBarW   = 200
	chartTextW  = 170
	chartRowH   = 26
	chartBarH   = 16
)

var chartTemplate = template.Must(template.New("chart").Funcs(template.FuncMap{
	"f": func(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) },
}).Parse(`<svg class="chart" role="img" aria-labelledby="{{.ID}}-t {{.ID}}-d" viewBox="0 0 {{.W}} {{.H}}" width="{{.W}}" height="{{.H}}" xmlns="http://www.w3.org/2000/svg">
<title id="{{.ID}}-t">{{.Title}}</title>
<desc id="{{.ID}}-d">{{.Desc}}</desc>
{{range .Rows}}<g>
<text x="{{f $.LabelEnd}}" y="{{f .TextY}}" text-anchor="end" class="chart-label">{{.Label}}</text>
<rect x="{{f $.BarX}}" y="{{f .Y}}" width="{{f $.BarW}}" height="{{$.BarH}}" class="chart-track"/>
<rect x="{{f $.BarX}}" y="{{f .Y}}" width="{{f .Width}}" height="{{$.BarH}}" class="chart-bar"/>
<text x="{{f .TextX}}" y="{{f .TextY}}" class="chart-value">{{.Text}}</text>
</g>
{{end}}</svg>`))

type chartRow struct {
	Label, Text            string
	Y, Width, TextX, TextY float64
}

// SVG renders the chart.
func (c BarChart) SVG() (template.HTML, error) {
	data := struct {
		ID, Title, Desc      string
		W, H, BarH           int
		LabelEnd, BarX, BarW float64
		Rows                 []chartRow
	}{ID: c.ID, Title: c.Title, Desc: c.Desc, W: chartLabelW + chartBarW + chartTextW,
		H: len(c.Bars)*chartRowH + 8, BarH: chartBarH, LabelEnd: chartLabelW - 8, BarX: chartLabelW, BarW: chartBarW}
	for i, b := range c.Bars {
		share := 0.0
		if b.Max > 0 {
			share = min(max(b.Value/b.Max, 0), 1)
		}
		y := float64(4 + i*chartRowH)
		data.Rows = append(data.Rows, chartRow{
			Label: b.Label, Text: b.Text, Y: y, Width: share * chartBarW,
			TextX: chartLabelW + chartBarW + 8, TextY: y + chartBarH - 3,
		})
	}
	var buf bytes.Buffer
	if err := chartTemplate.Execute(&buf, data); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

var tableTemplate = template.Must(template.New("table").Funcs(template.FuncMap{
	"cell": func(c Cell, lang string) string { return c.Format(lang, false) },
	"num":  func(c Cell) bool { return c.Kind == IntCell || c.Kind == FloatCell },
	"heat": func(c Cell) string {
		if c.Heat >= 1 && c.Heat <= 5 {
			return "l" + strconv.Itoa(c.Heat)
		}
		return ""
	},
}).Parse(`<table{{with .Class}} class="{{.}}"{{end}}>
<caption>{{.T.Name}}</caption>
<thead><tr>{{range .T.Header}}<th scope="col">{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .T.Rows}}<tr>{{range $i, $c := .}}{{if eq $i $.T.RowHeader}}<th scope="row">{{cell $c $.Lang}}</th>{{else}}<td{{if or (num $c) (heat $c)}} class="{{if num $c}}n{{end}}{{with heat $c}} {{.}}{{end}}"{{end}}>{{with cell $c $.Lang}}{{.}}{{else}}–{{end}}</td>{{end}}{{end}}</tr>
{{end}}</tbody>
</table>`))

// HTMLTable renders t as an accessible table: a caption, column headers
// with scope="col", the RowHeader column as row headers, numbers aligned
// right, and levels with a heat class behind the printed value. Empty cells
// show a dash so that a screen reader says something.
func HTMLTable(t Table, lang, class string) (template.HTML, error) {
	var buf bytes.Buffer
	err := tableTemplate.Execute(&buf, struct {
		T     Table
		Lang  string
		Class string
	}{t, lang, class})
	if err != nil {
		return "", fmt.Errorf("html table %s: %w", t.Name, err)
	}
	return template.HTML(buf.String()), nil
}
