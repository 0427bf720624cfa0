package report

import (
	"strconv"
	"time"

	"github.com/laatu-fi/laatu/msg"
)

// CellKind says what a Cell holds.
type CellKind int

const (
	BlankCell CellKind = iota
	TextCell
	IntCell
	FloatCell
	DateCell
)

// Cell is one value of a Table. Tables are written as CSV, XLSX and HTML by
// the writers in this package, so that every report (compare, check…) gets
// the same formula neutralising, number formats and accessibility.
type Cell struct {
	Kind CellKind
	Text string
	Num  float64
	// Decimals is how many decimals a FloatCell shows.
	Decimals int
	Date     time.Time
	// Heat is a level 1–5 the HTML writer shows as a colour behind the
	// printed value (0: none). The value itself is always printed.
	Heat int
	// Signed marks a change: a workbook shows it with its sign (+8, −2, 0)
	// and keeps it a number.
	Signed bool
}

// Text is a text cell. Text is neutralised against formulas when written to
// a spreadsheet.
func Text(s string) Cell { return Cell{Kind: TextCell, Text: s} }

// Int is a whole-number cell.
func Int(n int) Cell { return Cell{Kind: IntCell, Num: float64(n)} }

// Float is a number cell shown with the given decimals.
func Float(x float64, decimals int) Cell { return Cell{Kind: FloatCell, Num: x, Decimals: decimals} }

// Date is a date cell; a zero time is blank.
func Date(t time.Time) Cell {
	if t.IsZero() {
		return Cell{}
	}
	return Cell{Kind: DateCell, Date: t}
}

// Blank is an empty cell.
func Blank() Cell { return Cell{} }

// Level is a criterion level 1–5 (or blank for 0), coloured in HTML.
func Level(l int) Cell {
	if l == 0 {
		return Cell{}
	}
	return Cell{Kind: IntCell, Num: float64(l), Heat: l}
}

// Format renders the cell as text: numbers and dates as lang's locale
// writes them (a decimal comma and 24.11.2026 in Finnish), or with a
// decimal point and ISO dates in machine-readable output.
func (c Cell) Format(lang string, machine bool) string {
	switch c.Kind {
	case TextCell:
		return c.Text
	case IntCell:
		return strconv.Itoa(int(c.Num))
	case FloatCell:
		if machine {
			return strconv.FormatFloat(c.Num, 'f', c.Decimals, 64)
		}
		return Num(lang, c.Num, c.Decimals)
	case DateCell:
		if machine {
			return c.Date.Format(time.DateOnly)
		}
		return msg.LocaleOf(lang).FormatDate(c.Date)
	}
	return ""
}

// Table is a titled grid of cells with one header row.
type Table struct {
	// Name is the table's title: the sheet name in XLSX, the caption in
	// HTML.
	Name   string
	Header []string
	Rows   [][]Cell
	// RowHeader is the index of the column that names each row (a <th
	// scope="row"> in HTML), or -1 for none.
	RowHeader int
}
