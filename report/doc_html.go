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
			case s.Level == 3 && !single:
				tag = "h4"
			case s.Level == 1 || single && s.Level != 3:
				tag = "h2"
			}
			// The heading stays with what follows it on paper: both are in
			// one unbreakable head block with the first block.
			h.printf("<section id=\"s%d\">\n", i+1)
			if s.Heading != "" {
				// (A section without a heading continues the title's:
				// a comparison's set and counts.)
				h.printf("<%s>%s</%s>\n", tag, esc(s.Heading), tag)
			}
			h.heading = s.Heading
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
	w io.Writer
	l string
	// heading is the section's, the hidden caption of a table that has
	// none of its own.
	heading string
	err     error
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
	case *DocEntries:
		// Many columns of long text: the browser gives each the width
		// its text needs (in print, half the pages of equal columns).
		h.table(b.Table, id, true, false)
	case *DocTable:
		h.table(b, id, false, false)
	case *WideTable:
		// The whole table; a wide one scrolls in its own region. Its
		// many columns are sized by their text, as DocEntries' are: a
		// column of long text (Wrap, for the workbook) does not share
		// the width equally with the names and dates.
		t := b.Table
		hidden := t.Caption == ""
		if hidden {
			t.Caption = h.heading
		}
		h.table(&t, id, true, hidden)
	case *DocMatrix:
		h.matrix(b, id)
	case *DocBullets:
		h.printf("<ul>\n")
		for _, it := range b.Items {
			if it.Strong {
				h.printf("<li><strong>%s</strong>", esc(it.Text))
			} else {
				h.printf("<li>%s", esc(it.Text))
			}
			if len(it.Sub) > 0 {
				h.printf("<ul>")
				for _, s := range it.Sub {
					h.printf("<li>%s</li>", esc(s))
				}
				h.printf("</ul>")
			}
			h.printf("</li>\n")
		}
		h.printf("</ul>\n")
	case *DocFigure:
		h.figure(b.Caption, b.Chart.SVG)
	case *DocFigures:
		h.printf("<div class=\"charts\">\n")
		for _, f := range b.Figures {
			h.figure(f.Caption, f.Chart.SVG)
		}
		h.printf("</div>\n")
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
			// Labelled details are a definition list; a detail without
			// a label is a paragraph (a <dl> must pair each <dd> with a
			// <dt>).
			labelled := len(it.Detail) > 0
			for _, dt := range it.Detail {
				labelled = labelled && dt.Label != ""
			}
			switch {
			case labelled:
				h.printf("\n<dl>")
				for _, dt := range it.Detail {
					h.printf("<dt>%s</dt><dd>%s</dd>", esc(dt.Label), esc(dt.Text))
				}
				h.printf("</dl>")
			default:
				for _, dt := range it.Detail {
					if dt.Label != "" {
						h.printf("\n<p class=\"doc-detail\"><strong>%s:</strong> %s</p>", esc(dt.Label), esc(dt.Text))
					} else {
						h.printf("\n<p class=\"doc-detail\">%s</p>", esc(dt.Text))
					}
				}
			}
			h.printf("</li>\n")
		}
		h.printf("</ul>\n")
	}
}

// table writes b as an accessible table; with auto, the browser sizes
// the columns by their text rather than sharing the width equally
// between the columns of long text; with hidden, the caption (the
// section's heading again) is for screen readers only.
func (h *htmlDoc) table(b *DocTable, id string, auto, hidden bool) {
	l := h.l
	long := len(b.Wrap) > 0 && !auto
	class := "doc-table"
	if len(b.Header) > 10 {
		// Set closer (report.css), so that a region's summary fits
		// a screen of 1280 px.
		class += " doc-wide"
	}
	if long {
		class += " doc-long"
	}
	if len(b.Rows) <= smallTable {
		// Printed whole, as html.go's tableClass does: a short table's
		// header is never left alone at the foot of a page.
		class += " small"
	}
	capClass := ""
	if hidden {
		capClass = ` class="vh"`
	}
	cols := longColumns(b)
	style := ""
	if long && cols != nil {
		// The table is never so narrow that a long word must break
		// ("työhönvalmentaj|aa"); below that it scrolls in its box.
		em := 0.0
		for _, c := range cols {
			em += c.em
		}
		style = fmt.Sprintf(` style="min-width: %.1fem"`, em)
	}
	h.printf("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"%s-c\">\n<table class=\"%s\"%s>\n<caption id=\"%s-c\"%s>%s</caption>\n", id, class, style, id, capClass, esc(b.Caption))
	if long && cols != nil {
		// Long text: narrow columns (a number, a level) get the
		// width they need, the text columns share the rest.
		h.printf("<colgroup>")
		for _, c := range cols {
			if c.class == "" {
				h.printf("<col>")
			} else {
				h.printf("<col class=\"%s\">", c.class)
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
			if v.Numeric() || (v.Kind == TextValue || v.Kind == DateValue) && b.right(c) {
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
}

// barChart draws b with html.go's BarChart: every bar on one axis from 0
// to Max, its value printed at its end, the values in words in the
// chart's description.
func (h *htmlDoc) barChart(b *DocBarChart, id string) {
	l := h.l
	c := BarChart{ID: id, Title: b.Title, Scale: b.Max, TextW: 70}
	for _, bar := range b.Bars {
		if bar.Text != "" {
			c.TextW = 0 // words need the default width
		}
	}
	var values []string
	for _, bar := range b.Bars {
		text := docNum(l, bar.Value, b.Decimals)
		if bar.Text != "" {
			text = bar.Text
		}
		c.Bars = append(c.Bars, Bar{Label: bar.Label, Value: bar.Value, Text: text, Open: bar.Open})
		values = append(values, bar.Label+" "+text)
	}
	c.Desc = chartDesc(l, b.Desc, values, nil)
	h.figure(c.Title, c.SVG)
}

// lineChart draws c with html.go's LineChart: the values over evenly
// spaced dates on a Min–Max axis, with the reference lines dashed and
// named at the right.
func (h *htmlDoc) lineChart(c *DocLineChart, id string) {
	l := h.l
	lc := LineChart{ID: id, Title: c.Title, Min: c.Min, Max: c.Max, Lines: c.Lines}
	var values, lines []string
	for _, p := range c.Points {
		text := docNum(l, p.Value, 0)
		lc.Points = append(lc.Points, Point{Label: p.Label, Value: p.Value, Text: text})
		values = append(values, p.Label+" "+text)
	}
	for _, r := range c.Lines {
		lines = append(lines, r.Label)
	}
	lc.Desc = chartDesc(l, c.Desc, values, lines)
	h.figure(lc.Title, lc.SVG)
}

// chartDesc is a document chart's text alternative: what it shows, every
// value, and the reference lines.
func chartDesc(l, desc string, values, lines []string) string {
	s := desc + " " + msg.T(l, "doc.chart.values", strings.Join(values, "; "))
	if len(lines) > 0 {
		s += " (" + strings.Join(lines, ", ") + ")"
	}
	return s
}

// figure writes a chart under its caption (htmlFigure).
func (h *htmlDoc) figure(caption string, svg func() (template.HTML, error)) {
	if h.err != nil {
		return
	}
	chart, err := svg()
	if err != nil {
		h.err = err
		return
	}
	h.printf("%s\n", htmlFigure(caption, chart))
}

// heatBlock is how many columns one heat-map table holds. A wider matrix
// gets several tables, each with the rows' names and the figures (the
// mean and median), so that a screen at 1280 px and an A4 page show every
// column and the figures.
const heatBlock = 10

// matrix writes m as a heat map: the legend of the colours, the columns'
// keys and names, and a table per heatBlock columns, the columns headed by
// their keys (the name for screen readers and as a tooltip), each level
// printed on the colour of its level, then the figures (Stats and More).
func (h *htmlDoc) matrix(m *DocMatrix, id string) {
	l := h.l
	h.printf("<p class=\"legend\">%s", esc(msg.T(l, "compare.heat-legend")))
	for lv := 1; lv <= 5; lv++ {
		h.printf(" <span class=\"l%d\">%d</span>", lv, lv)
	}
	h.printf("</p>\n<p class=\"keys-head\">%s</p>\n<ul class=\"keys\">", esc(m.Keys))
	names := make([]string, len(m.Columns))
	for i, c := range m.Columns {
		names[i] = c.Name
		if c.Note != "" {
			names[i] += " – " + c.Note
		}
		h.printf("<li><span class=\"key\">%s</span> %s</li>", esc(c.Key), esc(names[i]))
	}
	h.printf("</ul>\n")
	for start, part := 0, 1; start < len(m.Columns) || start == 0; start, part = start+heatBlock, part+1 {
		end := min(start+heatBlock, len(m.Columns))
		caption, class := h.heading, "heat whole"
		if len(m.Columns) > heatBlock {
			caption, class = msg.T(l, "html.matrix-part", h.heading, m.Columns[start].Key, m.Columns[end-1].Key), "heat"
		}
		cid := fmt.Sprintf("%s-%d-c", id, part)
		h.printf("<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"%s\">\n<table class=\"%s\">\n<caption id=\"%s\">%s</caption>\n<thead><tr>", cid, class, cid, esc(caption))
		for _, hd := range m.Head {
			h.printf("<th scope=\"col\">%s</th>", esc(hd))
		}
		for i := start; i < end; i++ {
			h.printf("<th scope=\"col\" class=\"svc\" title=\"%s\"><span aria-hidden=\"true\">%s</span><span class=\"vh\">%s</span></th>", esc(names[i]), esc(m.Columns[i].Key), esc(names[i]))
		}
		for _, s := range append(append([]string{}, m.Stats...), m.More...) {
			h.printf("<th scope=\"col\">%s</th>", esc(s))
		}
		h.printf("</tr></thead>\n<tbody>\n")
		for _, r := range m.Rows {
			h.printf("<tr>")
			for k, v := range r.Head {
				switch {
				case k == len(r.Head)-1:
					// The last of the names (the criterion's title)
					// names the row.
					h.printf("<th scope=\"row\">%s</th>", esc(v.String(l)))
				case v.Numeric():
					h.printf("<td class=\"n\">%s</td>", esc(v.String(l)))
				default:
					h.printf("<td>%s</td>", esc(v.String(l)))
				}
			}
			for _, lv := range r.Levels[start:end] {
				if lv == 0 {
					h.printf("<td class=\"n\">–</td>")
				} else {
					h.printf("<td class=\"n %s\">%d</td>", levelClass(lv), lv)
				}
			}
			for _, v := range append(append([]Value{}, r.Stats...), r.More...) {
				h.printf("<td class=\"n\">%s</td>", esc(v.String(l)))
			}
			h.printf("</tr>\n")
		}
		h.printf("</tbody>\n</table>\n</div>\n")
		if end == len(m.Columns) {
			break
		}
	}
}

// longColumn is a column of a table of long text: its class in report.css
// and the least width it needs, in em of the table's font.
type longColumn struct {
	class string
	em    float64
}

// longColumns sizes the columns of a table of long text from their
// workbook widths: a number or a level is narrow, a short text that does
// not wrap gets its room, and a text column shares the rest but never
// gets less than a long Finnish word needs. Nil when the table has no
// widths for every column.
func longColumns(b *DocTable) []longColumn {
	if len(b.Widths) != len(b.Header) {
		return nil
	}
	cols := make([]longColumn, len(b.Widths))
	for c, wd := range b.Widths {
		switch {
		case wd <= 8 && len([]rune(b.Header[c])) <= 5:
			cols[c] = longColumn{"doc-narrow", 4.2}
		case wd <= 8:
			// A narrow column under a longer heading ("Luonnos"):
			// room for the heading's word.
			cols[c] = longColumn{"doc-mid", 6.5}
		case wd <= 24 && !b.wraps(c):
			// A short text that does not wrap ("sama taso"): the
			// long text keeps the room.
			cols[c] = longColumn{"doc-short", 10}
		default:
			cols[c] = longColumn{"", 14}
		}
	}
	return cols
}
