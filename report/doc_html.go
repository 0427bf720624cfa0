package report

import (
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/msg"
)

// WriteDocHTML writes d as one self-contained HTML page (WriteHTMLPageFunc,
// styled by report.css): sections with headings, key figures as a
// definition list, accessible tables (caption, th scope, levels coloured
// behind the printed value), and charts as inline SVG that scale to the
// width, each an image with a title and a description that gives every
// value, so that the chart reads without the picture.
func WriteDocHTML(w io.Writer, d *Document) error {
	return WriteHTMLPageFunc(w, d.Lang, d.Title, func(w io.Writer) error {
		h := &htmlDoc{w: w, l: d.Lang}
		// One part (one service): its heading is the page's h1, under
		// the document's kind; several: the title is h1, each part h2.
		single := d.parts() == 1
		h.printf("<div class=\"doc %s\">\n", esc(d.Class))
		if single {
			h.printf("<p class=\"doc-kicker\">%s</p>\n", esc(d.Kind))
		} else {
			h.printf("<h1>%s</h1>\n", esc(d.Title))
		}
		open := false
		for i, s := range d.Sections {
			if s.Level == 1 {
				if open {
					h.printf("</article>\n")
				}
				h.printf("<article class=\"doc-part\">\n")
				open = true
			}
			tag := "h3"
			switch {
			case s.Level == 1 && single:
				tag = "h1"
			case s.Level == 1 || single:
				tag = "h2"
			}
			// The heading stays with what follows it on paper: both are in
			// one unbreakable head block with the first block.
			h.printf("<section id=\"s%d\">\n<%s>%s</%s>\n", i+1, tag, esc(s.Heading), tag)
			for j, b := range s.Blocks {
				h.block(b, fmt.Sprintf("s%d-%d", i+1, j+1))
			}
			h.printf("</section>\n")
		}
		if open {
			h.printf("</article>\n")
		}
		h.printf("</div>\n")
		return h.err
	})
}

type htmlDoc struct {
	w   io.Writer
	l   string
	err error
}

func (h *htmlDoc) printf(format string, args ...any) {
	if h.err != nil {
		return
	}
	_, h.err = fmt.Fprintf(h.w, format, args...)
}

func esc(s string) string { return template.HTMLEscapeString(s) }

func levelClass(l int) string {
	if l >= 1 && l <= 5 {
		return "l" + strconv.Itoa(l)
	}
	return ""
}

func (h *htmlDoc) block(b Block, id string) {
	l := h.l
	switch b := b.(type) {
	case *SubHeading:
		h.printf("<h4>%s</h4>\n", esc(b.Text))
	case *Para:
		if b.Note {
			h.printf("<p class=\"note\">%s</p>\n", esc(b.Text))
		} else {
			h.printf("<p>%s</p>\n", esc(b.Text))
		}
	case *KeyFigures:
		h.printf("<dl class=\"doc-keys\">\n")
		for _, k := range b.Items {
			h.printf("<div><dt>%s</dt><dd>%s</dd></div>\n", esc(k.Label), esc(k.Value.String(l)))
		}
		h.printf("</dl>\n")
	case *DocTable:
		class := "doc-table"
		if len(b.Wrap) > 0 {
			class += " doc-long"
		}
		h.printf("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"%s-c\">\n<table class=\"%s\">\n<caption id=\"%s-c\">%s</caption>\n", id, class, id, esc(b.Caption))
		if len(b.Wrap) > 0 && len(b.Widths) == len(b.Header) {
			// Long text: narrow columns (a number, a level) get the
			// width they need, the text columns share the rest.
			h.printf("<colgroup>")
			for _, wd := range b.Widths {
				if wd <= 8 {
					h.printf("<col class=\"doc-narrow\">")
				} else {
					h.printf("<col>")
				}
			}
			h.printf("</colgroup>\n")
		}
		h.printf("<thead><tr>")
		for _, hd := range b.Header {
			h.printf("<th scope=\"col\">%s</th>", esc(hd))
		}
		h.printf("</tr></thead>\n<tbody>\n")
		for r, row := range b.Rows {
			if b.bold(r) {
				h.printf("<tr class=\"doc-total\">")
			} else {
				h.printf("<tr>")
			}
			for c, v := range row {
				text := esc(v.String(l))
				if c == b.RowHeader {
					h.printf("<th scope=\"row\">%s</th>", text)
					continue
				}
				var cls []string
				if v.Numeric() {
					cls = append(cls, "n")
				}
				if v.Kind == LevelValue {
					cls = append(cls, levelClass(int(v.Num)))
				}
				if b.wraps(c) {
					cls = append(cls, "doc-wrap")
				}
				if len(cls) > 0 {
					h.printf("<td class=\"%s\">%s</td>", strings.Join(cls, " "), text)
				} else {
					h.printf("<td>%s</td>", text)
				}
			}
			h.printf("</tr>\n")
		}
		h.printf("</tbody>\n</table>\n</div>\n")
	case *DocBarChart:
		h.barChart(b, id)
	case *DocLineChart:
		h.lineChart(b, id)
	case *DocList:
		h.printf("<ul class=\"doc-list\">\n")
		for _, it := range b.Items {
			h.printf("<li>")
			if it.Level > 0 {
				h.printf("<span class=\"doc-level %s\" title=\"%s\">%d</span> ", levelClass(it.Level), esc(msg.T(l, "doc.level", it.Level)), it.Level)
			}
			h.printf("<strong>%s</strong>", esc(it.Title))
			if len(it.Detail) > 0 {
				h.printf("\n<dl>")
				for _, dt := range it.Detail {
					if dt.Label != "" {
						h.printf("<dt>%s</dt>", esc(dt.Label))
					}
					h.printf("<dd>%s</dd>", esc(dt.Text))
				}
				h.printf("</dl>")
			}
			h.printf("</li>\n")
		}
		h.printf("</ul>\n")
	}
}

func svgNum(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }

// barChart draws horizontal bars on a 0–Max axis with a grid line at each
// whole value, the value printed at each bar's end.
func (h *htmlDoc) barChart(b *DocBarChart, id string) {
	l := h.l
	const labelW, plotW, rowH, barH, top, right = 220.0, 270.0, 34.0, 20.0, 8.0, 56.0
	height := top + float64(len(b.Bars))*rowH + 24
	width := labelW + plotW + right
	var values []string
	for _, bar := range b.Bars {
		values = append(values, bar.Label+" "+docNum(l, bar.Value, b.Decimals))
	}
	desc := b.Desc + " " + msg.T(l, "doc.chart.values", strings.Join(values, "; "))
	h.printf("<figure class=\"doc-chart\">\n<figcaption id=\"%s-t\">%s</figcaption>\n", id, esc(b.Title))
	h.printf("<svg role=\"img\" aria-labelledby=\"%s-t %s-d\" viewBox=\"0 0 %s %s\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">\n<desc id=\"%s-d\">%s</desc>\n",
		id, id, svgNum(width), svgNum(height), id, esc(desc))
	axisY := top + float64(len(b.Bars))*rowH
	if b.Max > 0 {
		for v := 0.0; v <= b.Max; v++ {
			x := labelW + v/b.Max*plotW
			h.printf("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" class=\"doc-grid\"/>\n", svgNum(x), svgNum(top-4), svgNum(x), svgNum(axisY))
			h.printf("<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" class=\"doc-axis\">%s</text>\n", svgNum(x), svgNum(axisY+16), docNum(l, v, 0))
		}
	}
	for i, bar := range b.Bars {
		y := top + float64(i)*rowH + (rowH-barH)/2
		share := 0.0
		if b.Max > 0 {
			share = min(max(bar.Value/b.Max, 0), 1)
		}
		h.printf("<text x=\"%s\" y=\"%s\" text-anchor=\"end\" class=\"doc-label\">%s</text>\n", svgNum(labelW-10), svgNum(y+barH-5), esc(bar.Label))
		h.printf("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" class=\"doc-bar\"/>\n", svgNum(labelW), svgNum(y), svgNum(share*plotW), svgNum(barH))
		h.printf("<text x=\"%s\" y=\"%s\" class=\"doc-value\">%s</text>\n", svgNum(labelW+share*plotW+6), svgNum(y+barH-5), docNum(l, bar.Value, b.Decimals))
	}
	h.printf("</svg>\n</figure>\n")
}

// lineChart draws the values over evenly spaced dates on a Min–Max axis,
// with the reference lines dashed and named at the right.
func (h *htmlDoc) lineChart(c *DocLineChart, id string) {
	l := h.l
	const left, plotW, right, top, plotH, bottom = 44.0, 360.0, 156.0, 14.0, 240.0, 34.0
	width, height := left+plotW+right, top+plotH+bottom
	span := c.Max - c.Min
	if span <= 0 {
		span = 1
	}
	y := func(v float64) float64 { return top + plotH - (min(max(v, c.Min), c.Max)-c.Min)/span*plotH }
	x := func(i int) float64 {
		if len(c.Points) == 1 {
			return left + plotW/2
		}
		return left + 30 + float64(i)*(plotW-60)/float64(len(c.Points)-1)
	}
	var values, lines []string
	for _, p := range c.Points {
		values = append(values, p.Label+" "+docNum(l, p.Value, 0))
	}
	for _, r := range c.Lines {
		lines = append(lines, r.Label)
	}
	desc := c.Desc + " " + msg.T(l, "doc.chart.values", strings.Join(values, "; ")) + " (" + strings.Join(lines, ", ") + ")"
	h.printf("<figure class=\"doc-chart doc-wide\">\n<figcaption id=\"%s-t\">%s</figcaption>\n", id, esc(c.Title))
	h.printf("<svg role=\"img\" aria-labelledby=\"%s-t %s-d\" viewBox=\"0 0 %s %s\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">\n<desc id=\"%s-d\">%s</desc>\n",
		id, id, svgNum(width), svgNum(height), id, esc(desc))
	h.printf("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" class=\"doc-plot\"/>\n", svgNum(left), svgNum(top), svgNum(plotW), svgNum(plotH))
	for v := c.Min; v <= c.Max; v += 25 {
		h.printf("<text x=\"%s\" y=\"%s\" text-anchor=\"end\" class=\"doc-axis\">%s</text>\n", svgNum(left-6), svgNum(y(v)+4), docNum(l, v, 0))
	}
	for _, r := range c.Lines {
		h.printf("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" class=\"doc-ref\"/>\n", svgNum(left), svgNum(y(r.Value)), svgNum(left+plotW), svgNum(y(r.Value)))
		h.printf("<text x=\"%s\" y=\"%s\" class=\"doc-reflabel\">%s</text>\n", svgNum(left+plotW+6), svgNum(y(r.Value)+4), esc(r.Label))
	}
	var pts []string
	for i, p := range c.Points {
		pts = append(pts, svgNum(x(i))+","+svgNum(y(p.Value)))
	}
	h.printf("<polyline points=\"%s\" class=\"doc-line\"/>\n", strings.Join(pts, " "))
	for i, p := range c.Points {
		h.printf("<circle cx=\"%s\" cy=\"%s\" r=\"5\" class=\"doc-point\"/>\n", svgNum(x(i)), svgNum(y(p.Value)))
		h.printf("<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" class=\"doc-value\">%s</text>\n", svgNum(x(i)), svgNum(y(p.Value)-10), docNum(l, p.Value, 0))
		h.printf("<text x=\"%s\" y=\"%s\" text-anchor=\"middle\" class=\"doc-axis\">%s</text>\n", svgNum(x(i)), svgNum(top+plotH+20), esc(p.Label))
	}
	h.printf("</svg>\n</figure>\n")
}
