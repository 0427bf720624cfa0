package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/laatu-fi/laatu/msg"
)

// WriteDocMarkdown writes d as Markdown: the document's title as the top
// heading, a section per heading, tables as pipe tables, charts as the list
// of their values. Text from the inputs is escaped (mdEscape), so a
// provider's name cannot become a link or HTML.
func WriteDocMarkdown(w io.Writer, d *Document) (err error) {
	o := newOut(w)
	defer o.finish(&err)
	l := d.Lang
	// One part (one service) needs no title above its own heading.
	if d.parts() != 1 {
		fmt.Fprintf(o, "# %s\n\n", mdEscape(d.Title))
	}
	for i, s := range d.Sections {
		if i > 0 {
			fmt.Fprintln(o)
		}
		level := "###"
		switch s.Level {
		case 1:
			level = "##"
		case 3:
			level = "####"
		}
		// A section without a heading continues what is above it.
		if s.Heading != "" {
			fmt.Fprintf(o, "%s %s\n", level, mdEscape(s.Heading))
		}
		for k, b := range s.Blocks {
			if s.Heading != "" || k > 0 {
				fmt.Fprintln(o)
			}
			b = uncaptioned(b, s.Heading)
			mdBlock(o, b, l)
		}
	}
	return nil
}

func mdBlock(w io.Writer, b Block, l string) {
	switch b := b.(type) {
	case mdBlocker: // doc_wide.go
		b.writeMarkdown(w, l)
	case *SubHeading:
		fmt.Fprintf(w, "**%s**\n", mdEscape(b.Text))
	case *Para:
		if b.Note {
			fmt.Fprintf(w, "> %s\n", mdEscape(b.Text))
		} else {
			fmt.Fprintln(w, mdEscape(b.Text))
		}
	case *KeyFigures:
		for _, k := range b.Items {
			fmt.Fprintf(w, "- %s: %s\n", mdEscape(k.Label), mdEscape(k.Value.String(l)))
		}
	case *DocEntries:
		mdBlock(w, b.Table, l)
	case *DocTable:
		if b.Caption != "" {
			fmt.Fprintf(w, "*%s*\n\n", mdEscape(b.Caption))
		}
		aligns := make([]string, len(b.Header))
		for c := range b.Header {
			aligns[c] = "---"
			if b.right(c) {
				aligns[c] = "---:"
			}
		}
		head := make([]string, len(b.Header))
		for c, h := range b.Header {
			head[c] = mdEscape(h)
		}
		fmt.Fprintf(w, "| %s |\n|%s|\n", strings.Join(head, " | "), strings.Join(aligns, "|"))
		for r, row := range b.Rows {
			cells := make([]string, len(row))
			for c, v := range row {
				cells[c] = mdEscape(cellLine(v.String(l)))
				if b.bold(r) {
					cells[c] = "**" + cells[c] + "**"
				}
			}
			fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
		}
	case *DocBarChart:
		fmt.Fprintf(w, "*%s* (%s)\n\n", mdEscape(b.Title), mdEscape(b.Desc))
		for _, bar := range b.Bars {
			text := docNum(l, bar.Value, b.Decimals)
			if bar.Text != "" {
				text = mdEscape(bar.Text)
			}
			fmt.Fprintf(w, "- %s: %s\n", mdEscape(bar.Label), text)
		}
	case *DocLineChart:
		fmt.Fprintf(w, "*%s* (%s)\n\n", mdEscape(b.Title), mdEscape(b.Desc))
		for _, p := range b.Points {
			fmt.Fprintf(w, "- %s: %s\n", mdEscape(p.Label), docNum(l, p.Value, 0))
		}
		if len(b.Lines) > 0 {
			var lines []string
			for _, r := range b.Lines {
				lines = append(lines, r.Label)
			}
			fmt.Fprintf(w, "\n%s\n", mdEscape(msg.T(l, "doc.chart.lines", strings.Join(lines, ", "))))
		}
	case *DocList:
		for _, it := range b.Items {
			title := "**" + mdEscape(it.Title) + "**"
			if it.Level > 0 {
				title += ": " + msg.T(l, "doc.level", it.Level)
			}
			fmt.Fprintf(w, "- %s\n", title)
			for _, dt := range it.Detail {
				text := mdEscape(oneLine(dt.Text))
				if dt.Label != "" {
					text = "*" + mdEscape(dt.Label) + ":* " + text
				}
				fmt.Fprintf(w, "  - %s\n", text)
			}
		}
	}
}

// cellLine is s on one line for a table cell: line breaks and runs of
// spaces become one space, and a no-break space stays (it keeps
// "1 200,00 €" together).
func cellLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }), " ")
}
