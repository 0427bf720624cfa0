package report

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/laatu-fi/laatu/msg"
)

// The document model. A view (the one-service report, the bid check) is
// built once as a Document, in the reader's language, and one renderer per
// format writes any Document: WriteDocText, WriteDocMarkdown,
// WriteDocHTML, WriteDocXLSX and WriteDocCSV. Each renderer writes through
// a writer that keeps the first write error (out, safe.go; the CSV writer
// keeps its own) and returns it, so that a full disk fails the command and
// `-o` keeps the previous file. The renderers know nothing of scores; the
// views know nothing of formats.

// Document is a report: a title, the sections in order, and the flat table
// machine-readable CSV gets.
type Document struct {
	// Lang is the language the document is built in; numbers are written
	// with its decimal separator.
	Lang string
	// Title names the document (the page's title); Kind says what kind
	// of document it is, shown above a single part's heading.
	Title, Kind string
	// Class names the kind of document for the HTML stylesheet
	// (report.css), e.g. "score-report".
	Class    string
	Sections []Section
	// Data is the one table CSV writes: one row per record, with every
	// column a program needs. Without it, CSV writes every table of the
	// document, each after its title and a blank line.
	Data *DocTable
}

// parts counts the sections of level 1: the services of a score report.
func (d *Document) parts() int {
	n := 0
	for _, s := range d.Sections {
		if s.Level == 1 {
			n++
		}
	}
	return n
}

// Section is a part of the document with a heading. In XLSX each section
// starts a sheet of its own unless Sheet is empty (then it continues the
// previous one).
type Section struct {
	Heading string
	// Level is the heading level: 1 for the document's own heading (one
	// per service), 2 (the default) for a part of it, 3 for a part of the
	// part before it (one bid of the bids).
	Level  int
	Sheet  string
	Blocks []Block
}

// Block is one piece of a section: *Para, *KeyFigures, *DocTable,
// *DocEntries, *DocBarChart, *DocLineChart, *DocList or *SubHeading.
type Block interface{ isBlock() }

// SubHeading is a heading inside a section.
type SubHeading struct{ Text string }

// Para is a paragraph; a Note stands out as something to read.
type Para struct {
	Text string
	Note bool
}

// KeyFigures are labelled values shown together at the top of a part:
// the service, the date, the total.
type KeyFigures struct {
	Items []KeyFigure
}

// KeyFigure is one labelled value.
type KeyFigure struct {
	Label string
	Value Value
}

// DocTable is a table with one header row.
type DocTable struct {
	Caption string
	Header  []string
	Rows    [][]Value
	// RowHeader is the index of the column that names each row, or -1.
	RowHeader int
	// Widths are the columns' widths in characters (XLSX), Wrap the
	// columns whose text is long and wraps.
	Widths []float64
	Wrap   []int
	// Bold rows (a total) are marked in every format.
	Bold []int
	// Records asks the text renderer for one block of "header: value"
	// lines per row instead of a grid: for tables of long text.
	Records bool
	// CSV asks for the table in CSV after the document's Data table, after
	// a blank row and a row with its caption: a short table of its own
	// (the action plan) that does not fit the Data's one row per record.
	CSV bool
	// Each, when set, yields the rows one at a time in place of Rows, so
	// that a long Data table (a comparison's row per assessment and
	// criterion) is never held whole. Only the CSV renderer reads it.
	Each func(yield func([]Value) error) error
	// TextMax are the most characters a column shows in the text
	// renderer's grid, by column (0 or none: all); a longer text is cut
	// with an ellipsis so that the grid fits a terminal. Every other
	// format shows the whole text.
	TextMax []int
	// Right are columns aligned right whatever their values' kind:
	// figures written as text ("79,2 %", "19/24").
	Right []int
}

func (t *DocTable) wraps(col int) bool {
	for _, c := range t.Wrap {
		if c == col {
			return true
		}
	}
	return false
}

// right reports whether col is aligned right: a column of numbers, or
// one the table names in Right.
func (t *DocTable) right(col int) bool {
	for _, c := range t.Right {
		if c == col {
			return true
		}
	}
	for _, row := range t.Rows {
		if col < len(row) && row[col].Numeric() {
			return true
		}
	}
	return false
}

func (t *DocTable) bold(row int) bool {
	for _, r := range t.Bold {
		if r == row {
			return true
		}
	}
	return false
}

// DocBarChart is a horizontal bar chart: each bar Value of Max. Every
// renderer gives its values in words too (the text alternative).
type DocBarChart struct {
	Title string
	// Desc says in a sentence what the chart shows.
	Desc string
	Max  float64
	Bars []ChartBar
	// ValueHeader and LabelHeader head the table of values that stands
	// for the chart where there is no picture (text, Markdown, XLSX data).
	LabelHeader, ValueHeader string
	// TextHeader heads the column of the bars' Text in that table.
	TextHeader string
	// Decimals of the values.
	Decimals int
}

// ChartBar is one bar.
type ChartBar struct {
	Label string
	Value float64
	// Level 1–5 colours the bar by the level it stands for (0: plain).
	Level int
	// Text, when given, is what the bar says instead of its value: "meets
	// the profile, 53/60". Open draws the bar as an outline, a value that
	// does not count the same (a bid that fails the profile); Text must
	// then say why in words.
	Text string
	Open bool
}

// DocLineChart is a line of values over time with horizontal reference
// lines (the bands' lower limits).
type DocLineChart struct {
	Title, Desc string
	Min, Max    float64
	Points      []ChartPoint
	Lines       []RefLine
	// LabelHeader and ValueHeader head the table of values.
	LabelHeader, ValueHeader string
}

// ChartPoint is one point: a date's label and its value.
type ChartPoint struct {
	Label string
	Value float64
}

// RefLine is a horizontal line at Value named Label (a band's limit).
type RefLine struct {
	Label string
	Value float64
}

// DocList is a list of entries, each with a title and lines of detail.
type DocList struct {
	Items []ListItem
}

// ListItem is one entry of a DocList.
type ListItem struct {
	Title string
	// Level is shown as a coloured level mark beside the title (0: none).
	Level  int
	Detail []Detail
}

// Detail is one labelled line of a list entry ("Perustelu: …").
type Detail struct {
	Label, Text string
}

func (*SubHeading) isBlock()   {}
func (*Para) isBlock()         {}
func (*KeyFigures) isBlock()   {}
func (*DocTable) isBlock()     {}
func (*DocBarChart) isBlock()  {}
func (*DocLineChart) isBlock() {}
func (*DocList) isBlock()      {}

// ValueKind says what a Value holds.
type ValueKind int

const (
	// BlankValue prints as a dash.
	BlankValue ValueKind = iota
	TextValue
	NumberValue
	// ChangeValue is a signed change: +8, −3, 0.
	ChangeValue
	// LevelValue is a criterion level 1–5.
	LevelValue
	// DateValue is a day: Text as the reader writes it, Date the day, so
	// that a workbook holds a date cell that sorts and filters as one.
	DateValue
)

// Value is one typed value of a table or a key figure.
type Value struct {
	Kind     ValueKind
	Text     string
	Num      float64
	Decimals int
	Date     time.Time
}

// VText is a text value.
func VText(s string) Value { return Value{Kind: TextValue, Text: s} }

// VNum is a number shown with decimals.
func VNum(x float64, decimals int) Value { return Value{Kind: NumberValue, Num: x, Decimals: decimals} }

// VInt is a whole number.
func VInt(n int) Value { return VNum(float64(n), 0) }

// VChange is a signed change.
func VChange(x float64, decimals int) Value {
	return Value{Kind: ChangeValue, Num: x, Decimals: decimals}
}

// VDate is the day t, written text; a zero t is the text alone (such as
// "–" for no date).
func VDate(t time.Time, text string) Value {
	if t.IsZero() {
		return VText(text)
	}
	return Value{Kind: DateValue, Text: text, Date: t}
}

// VLevel is a level 1–5; 0 is blank.
func VLevel(l int) Value {
	if l == 0 {
		return Value{}
	}
	return Value{Kind: LevelValue, Num: float64(l)}
}

// Numeric reports whether v is a number of any kind.
func (v Value) Numeric() bool {
	return v.Kind == NumberValue || v.Kind == ChangeValue || v.Kind == LevelValue
}

// String writes v for a reader of lang: numbers with the language's
// decimal separator (the message number.decimal-separator, as msg.Number
// writes them), a change with its sign, a blank as a dash.
func (v Value) String(lang string) string {
	switch v.Kind {
	case TextValue, DateValue:
		return v.Text
	case NumberValue:
		return docNum(lang, v.Num, v.Decimals)
	case LevelValue:
		return strconv.Itoa(int(v.Num))
	case ChangeValue:
		s := docNum(lang, math.Abs(v.Num), v.Decimals)
		switch {
		case docNum(lang, math.Abs(v.Num), v.Decimals) == docNum(lang, 0, v.Decimals):
			return docNum(lang, 0, v.Decimals)
		case v.Num > 0:
			return "+" + s
		}
		return "−" + s
	}
	return "–"
}

// docNum formats x with decimals and lang's decimal separator.
func docNum(lang string, x float64, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	if decimals == 0 {
		return s
	}
	// msg.Number writes the separator of lang; it is the one place that
	// knows it.
	sep := msg.Number(0.5).In(lang)
	sep = strings.TrimSuffix(strings.TrimPrefix(sep, "0"), "5")
	return strings.Replace(s, ".", sep, 1)
}
