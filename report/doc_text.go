package report

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/laatu-fi/laatu/msg"
)

// WriteDocText writes d for a terminal or a .txt file: headings underlined,
// key figures as "label: value" lines, tables as plain grids (or, for
// tables of long text, one block of lines per row), charts as bars of
// characters with their values, prose wrapped to width (0: DefaultWidth).
func WriteDocText(w io.Writer, d *Document, width int) (err error) {
	o := newOut(w)
	defer o.finish(&err)
	ww := textWidth(width)
	l := d.Lang
	first := true
	// Several parts (a comparison's sections) have the document's title
	// above them, as in Markdown.
	if d.parts() > 1 {
		textHeading(o, d.Title, "=", ww)
		first = false
	}
	for _, s := range d.Sections {
		if !first && s.Heading != "" {
			fmt.Fprintln(o)
		}
		first = false
		under := "-"
		switch s.Level {
		case 1:
			under = "="
		case 3:
			under = "~"
		}
		// A section without a heading continues what is above it (the
		// set and counts under a comparison's title).
		if s.Heading != "" {
			textHeading(o, s.Heading, under, ww)
		}
		for _, b := range s.Blocks {
			fmt.Fprintln(o)
			b = uncaptioned(b, s.Heading)
			if err := textBlock(o, b, l, ww); err != nil {
				return err
			}
		}
	}
	return nil
}

// textHeading writes a heading wrapped to the width (a service's long
// name), underlined as wide as its longest line.
func textHeading(w io.Writer, heading, under string, ww int) {
	text := wrapNB(heading, ww, "")
	n := 0
	for _, line := range strings.Split(text, "\n") {
		n = max(n, len([]rune(line)))
	}
	fmt.Fprintln(w, text)
	fmt.Fprintln(w, strings.Repeat(under, n))
}

func textBlock(w io.Writer, b Block, l string, ww int) error {
	switch b := b.(type) {
	case textBlocker: // doc_wide.go
		return b.writeText(w, l, ww)
	case *SubHeading:
		fmt.Fprintf(w, "%s:\n", b.Text)
	case *Para:
		fmt.Fprintln(w, wrapNB(b.Text, ww, ""))
	case *KeyFigures:
		for _, k := range b.Items {
			fmt.Fprintln(w, wrapNB(k.Label+": "+k.Value.String(l), ww, "  "))
		}
	case *DocEntries:
		textEntries(w, b, l, ww)
	case *DocTable:
		if b.Caption != "" {
			fmt.Fprintf(w, "%s:\n", b.Caption)
		}
		if b.Records {
			for i, row := range b.Rows {
				if i > 0 {
					fmt.Fprintln(w)
				}
				for c, v := range row {
					fmt.Fprintf(w, "%s\n", wrapNB(b.Header[c]+": "+v.String(l), ww, "  "))
				}
			}
			return nil
		}
		t := newPlainTable(w, b.Header...)
		for c := range b.Header {
			if b.right(c) {
				t.rightAlign(c)
			}
		}
		for _, row := range b.Rows {
			cells := make([]string, len(row))
			for c, v := range row {
				cells[c] = v.String(l)
				if c < len(b.TextMax) && b.TextMax[c] > 0 {
					cells[c] = shorten(cells[c], b.TextMax[c])
				}
			}
			t.add(cells...)
		}
		return t.render()
	case *DocBarChart:
		fmt.Fprintf(w, "%s:\n", b.Title)
		labelW := 0
		for _, bar := range b.Bars {
			labelW = max(labelW, len([]rune(bar.Label)))
		}
		const barW = 20
		for _, bar := range b.Bars {
			n := 0
			if b.Max > 0 {
				n = int(math.Round(min(max(bar.Value/b.Max, 0), 1) * barW))
			}
			pad := strings.Repeat(" ", labelW-len([]rune(bar.Label)))
			mark, text := "#", docNum(l, bar.Value, b.Decimals)
			if bar.Open {
				mark = "-" // an outline: the text says why
			}
			if bar.Text != "" {
				text = bar.Text
			}
			fmt.Fprintf(w, "  %s%s  %s%s  %s\n", bar.Label, pad, strings.Repeat(mark, n), strings.Repeat(".", barW-n), text)
		}
	case *DocLineChart:
		fmt.Fprintf(w, "%s:\n", b.Title)
		for _, p := range b.Points {
			fmt.Fprintf(w, "  %s  %s\n", p.Label, docNum(l, p.Value, 0))
		}
		var lines []string
		for _, r := range b.Lines {
			lines = append(lines, r.Label)
		}
		if len(lines) > 0 {
			fmt.Fprintln(w, wrapNB(msg.T(l, "doc.chart.lines", strings.Join(lines, ", ")), ww, ""))
		}
	case *DocList:
		for _, it := range b.Items {
			title := it.Title
			if it.Level > 0 {
				title += ": " + msg.T(l, "doc.level", it.Level)
			}
			fmt.Fprintf(w, "- %s\n", wrapNB(title, ww-2, "  "))
			for _, dt := range it.Detail {
				text := dt.Text
				if dt.Label != "" {
					text = dt.Label + ": " + text
				}
				fmt.Fprintf(w, "  %s\n", wrapNB(text, ww-2, "  "))
			}
		}
	}
	return nil
}
