package report

import (
	"fmt"
	"html/template"
	"math"
	"strings"
)

// ScatterPoint is one point of a ScatterChart: Key is printed beside it,
// so that a point is told by its label, never by colour alone.
type ScatterPoint struct {
	Key  string
	X, Y float64
	// Open draws a hollow point: a value that does not count the same (an
	// incomplete assessment's total). The chart's Desc must say why.
	Open bool
}

// ScatterChart is points on two axes, X from XMin to XMax and Y from YMin
// to YMax, with upright reference lines across X (XLines: the bands'
// limits, say) and level ones across Y (YLines: benchmarks), the latter
// dotted so that the two kinds differ without colour. Like the other
// charts it scales to the page's width (a viewBox) and is an image whose
// title and description say every value.
type ScatterChart struct {
	ID, Title, Desc string
	XLabel, YLabel  string
	XMin, XMax      float64
	YMin, YMax      float64
	// XStep and YStep space the axes' ticks.
	XStep, YStep   float64
	XLines, YLines []RefLine
	Points         []ScatterPoint
}

// SVG renders the chart.
func (c ScatterChart) SVG() (template.HTML, error) {
	if c.XMax <= c.XMin || c.YMax <= c.YMin {
		return "", fmt.Errorf("scatter chart %s: empty axis", c.ID)
	}
	var b strings.Builder
	const left, right, top, bottom = 48, 150, 24, 48
	const plotW, plotH = 440, 280
	w, h := float64(left+plotW+right), float64(top+plotH+bottom)
	svgStart(&b, c.ID, c.Title, c.Desc, w, h)
	xOf := func(v float64) float64 {
		return left + min(max((v-c.XMin)/(c.XMax-c.XMin), 0), 1)*plotW
	}
	yOf := func(v float64) float64 {
		return top + plotH - min(max((v-c.YMin)/(c.YMax-c.YMin), 0), 1)*plotH
	}
	fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" class="chart-plot"/>
`, left, top, plotW, plotH)
	if c.XStep > 0 {
		for v := c.XMin; v <= c.XMax+1e-9; v += c.XStep {
			fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="middle" class="chart-label">%s</text>
`, f1(xOf(v)), f1(top+plotH+16), esc(Figure("en", v)))
		}
	}
	if c.YStep > 0 {
		for v := c.YMin; v <= c.YMax+1e-9; v += c.YStep {
			fmt.Fprintf(&b, `<text x="%d" y="%s" text-anchor="end" class="chart-label">%s</text>
`, left-6, f1(yOf(v)+4), esc(Figure("en", v)))
		}
	}
	fmt.Fprintf(&b, `<text x="%s" y="%s" text-anchor="middle" class="chart-label">%s</text>
<text x="%d" y="%d" class="chart-label">%s</text>
`, f1(left+plotW/2), f1(h-6), esc(c.XLabel), 4, top-8, esc(c.YLabel))
	for _, l := range c.XLines {
		if l.Value <= c.XMin || l.Value >= c.XMax {
			continue
		}
		x := xOf(l.Value)
		fmt.Fprintf(&b, `<line x1="%s" y1="%d" x2="%s" y2="%d" class="chart-ref"/>
<text x="%s" y="%d" text-anchor="middle" class="chart-ref-label">%s</text>
`, f1(x), top, f1(x), top+plotH, f1(x), top-8, esc(l.Label))
	}
	for _, l := range c.YLines {
		if l.Value <= c.YMin || l.Value >= c.YMax {
			continue
		}
		y := yOf(l.Value)
		fmt.Fprintf(&b, `<line x1="%d" y1="%s" x2="%d" y2="%s" class="chart-ref" style="stroke-dasharray:1 3;stroke-width:2"/>
<text x="%d" y="%s" class="chart-ref-label">%s</text>
`, left, f1(y), left+plotW, f1(y), left+plotW+6, f1(y+4), esc(l.Label))
	}
	// Points that would sit on one another are labelled one under the
	// other, so that every key stays readable.
	placed := map[[2]int]int{}
	for _, p := range c.Points {
		x, y := xOf(p.X), yOf(p.Y)
		class := "chart-point"
		if p.Open {
			class = "chart-point-open"
		}
		cell := [2]int{int(math.Round(x / 24)), int(math.Round(y / 16))}
		dy := float64(placed[cell]) * 15
		placed[cell]++
		fmt.Fprintf(&b, `<circle cx="%s" cy="%s" r="5" class="%s"/>
<text x="%s" y="%s" class="chart-label">%s</text>
`, f1(x), f1(y), class, f1(x+8), f1(y+4+dy), esc(p.Key))
	}
	b.WriteString("</svg>")
	return template.HTML(b.String()), nil
}
