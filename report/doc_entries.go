package report

import (
	"fmt"
	"io"
	"strings"
)

// DocEntries is a table of long text that is read one row at a time: the
// key criteria of one bid, each with what was asked, what the bid says,
// the verdict and the reason. HTML, XLSX, Markdown and CSV write Table as
// the table it is; the text renderer writes each row as an entry: the
// row's line of Titles, then each of its other cells that says something
// (not blank, not in InTitle) as a "header: value" line, so a terminal
// shows no column of dashes nor a grid too wide to read.
type DocEntries struct {
	Table *DocTable
	// Titles has one line per row of Table: "1 Asiakasmäärä: TÄYTTYY".
	Titles []string
	// InTitle are the columns Titles already say.
	InTitle []int
}

func (*DocEntries) isBlock() {}

func (e *DocEntries) inTitle(col int) bool {
	for _, c := range e.InTitle {
		if c == col {
			return true
		}
	}
	return false
}

// textEntries writes e for a terminal (WriteDocText): an entry per row,
// a blank line between them, each detail wrapped under its value.
func textEntries(w io.Writer, e *DocEntries, l string, ww int) {
	t := e.Table
	// The entries follow their section's heading, which names them: the
	// caption, which names the table for a screen reader, would repeat it.
	for r, row := range t.Rows {
		if r > 0 {
			fmt.Fprintln(w)
		}
		title := ""
		if r < len(e.Titles) {
			title = e.Titles[r]
		}
		fmt.Fprintf(w, "- %s\n", wrapNB(title, ww-2, "  "))
		for c, v := range row {
			if e.inTitle(c) || c >= len(t.Header) || v.Kind == BlankValue || v.Kind == TextValue && v.Text == "" {
				continue
			}
			// Wrapped under the value: wrapNB counts the indent in the
			// width of each further line.
			label := t.Header[c] + ": "
			indent := strings.Repeat(" ", 2+len([]rune(label)))
			fmt.Fprintf(w, "  %s\n", wrapNB(label+v.String(l), ww-2, indent))
		}
	}
}

// uncaptioned is b without a table caption that says what the section's
// heading above it says (the text and Markdown renderers show both; HTML
// keeps the caption, which names the table for a screen reader).
func uncaptioned(b Block, heading string) Block {
	switch t := b.(type) {
	case *DocTable:
		if t.Caption == heading {
			u := *t
			u.Caption = ""
			return &u
		}
	case *DocEntries:
		if t.Table.Caption == heading {
			return &DocEntries{Table: uncaptioned(t.Table, heading).(*DocTable), Titles: t.Titles, InTitle: t.InTitle}
		}
	}
	return b
}
