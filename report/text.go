package report

import (
	"bytes"
	"io"
	"math"
	"reflect"
	"strings"
	"sync"
	"unicode"

	"github.com/laatu-fi/laatu/msg"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// Num formats x with the given decimals in the reader's convention: a
// decimal comma in Finnish (and Swedish), a point in English.
func Num(lang string, x float64, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	return msg.LocaleOf(lang).FormatFloat(x, decimals)
}

// Figure formats a measured figure without trailing zeros.
func Figure(lang string, x float64) string {
	return msg.LocaleOf(lang).FormatFloat(x, -1)
}

// plainTable is a borderless table: columns separated by spaces, one line
// under the header. It reads well in an 80-column terminal and in a screen
// reader, and carries no meaning in colour.
type plainTable struct {
	w       io.Writer
	header  []string
	rows    [][]string
	numeric []bool
}

func newPlainTable(w io.Writer, header ...string) *plainTable {
	return &plainTable{w: w, header: header, numeric: make([]bool, len(header))}
}

// rightAlign marks columns that hold numbers.
func (t *plainTable) rightAlign(cols ...int) *plainTable {
	for _, c := range cols {
		t.numeric[c] = true
	}
	return t
}

func (t *plainTable) add(row ...string) { t.rows = append(t.rows, row) }

func (t *plainTable) render() error {
	tr := tableRenderers.Get().(*tableRenderer)
	defer tableRenderers.Put(tr)
	return t.renderWith(tr)
}

// renderWith renders the table with tr, which may have rendered others.
func (t *plainTable) renderWith(tr *tableRenderer) error {
	aligns := make([]tw.Align, len(t.header))
	for i, n := range t.numeric {
		aligns[i] = tw.AlignLeft
		if n {
			aligns[i] = tw.AlignRight
		}
	}
	tr.buf.Reset()
	table := tr.table
	table.Reset()
	table.Configure(func(c *tablewriter.Config) {
		c.Header.Alignment = tw.CellAlignment{PerColumn: aligns}
		c.Row.Alignment = tw.CellAlignment{PerColumn: aligns}
	})
	table.Header(t.header)
	if err := table.Bulk(t.rows); err != nil {
		return err
	}
	if err := table.Render(); err != nil {
		return err
	}
	// Trailing spaces are noise in files and goldens.
	out := tr.out[:0]
	for rest := tr.buf.Bytes(); len(rest) > 0; {
		line, after, _ := bytes.Cut(rest, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		out = append(out, bytes.TrimRight(line, " ")...)
		out = append(out, '\n')
		rest = after
	}
	tr.out = out
	_, err := t.w.Write(out)
	return err
}

// tableRenderer is a configured tablewriter table and the buffer it
// renders into. Making one is costly (tablewriter.NewTable allocates a
// cache of 10,240 entries that plain string rows never use, and a
// comparison of 1,000 services renders about a thousand tables), so
// plainTable.render takes one from tableRenderers, resets it and sets
// the table's column alignments.
type tableRenderer struct {
	buf   bytes.Buffer
	out   []byte // the rendered lines without their trailing spaces
	table *tablewriter.Table
}

var tableRenderers = sync.Pool{New: func() any { return newTableRenderer() }}

func newTableRenderer() *tableRenderer {
	return newTableRendererWith(func(b *renderer.Blueprint) tw.Renderer { return &plainLines{Blueprint: b} })
}

// newTableRendererWith makes a tableRenderer whose table draws with the
// renderer wrap makes of plainTable's Blueprint.
func newTableRendererWith(wrap func(*renderer.Blueprint) tw.Renderer) *tableRenderer {
	tr := new(tableRenderer)
	tr.table = tablewriter.NewTable(&tr.buf,
		tablewriter.WithRenderer(wrap(renderer.NewBlueprint(tw.Rendition{
			Borders: tw.BorderNone,
			Symbols: tw.NewSymbols(tw.StyleASCII),
			Settings: tw.Settings{
				Separators: tw.Separators{BetweenColumns: tw.Off, BetweenRows: tw.Off},
				Lines:      tw.Lines{ShowHeaderLine: tw.On},
			},
		}))),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		// Table.Reset purges the stringer cache by allocating it anew;
		// with no stringer the cache is never read, so it is one that
		// holds nothing.
		tablewriter.WithStringerCacheCustom(noStringerCache{}),
	)
	return tr
}

// noStringerCache is a tablewriter stringer cache that keeps nothing.
type noStringerCache struct{}

func (noStringerCache) Add(reflect.Type, reflect.Value) bool        { return false }
func (noStringerCache) Get(reflect.Type) (v reflect.Value, ok bool) { return v, false }
func (noStringerCache) Purge()                                      {}

// DefaultWidth is the line length of wrapped prose in terminal output
// when the options give none (not a terminal, or no COLUMNS).
const DefaultWidth = 100

// minWidth is the narrowest line prose is wrapped to: below it a
// criterion's title no longer fits on a line with its number.
const minWidth = 40

// textWidth is the line length for a Width option: DefaultWidth when not
// given, never below minWidth.
func textWidth(w int) int {
	if w <= 0 {
		return DefaultWidth
	}
	return max(w, minWidth)
}

// wrap breaks s into lines of at most width runes, each after the first
// starting with indent; words longer than a line stand alone. A short
// parenthesised group such as a set's "(tyokyky 2)" stays on one line.
func wrap(s string, width int, indent string) string {
	if fitsOnLine(s, width) {
		return s
	}
	return wrapWords(s, width, indent)
}

// fitsOnLine reports whether s is at most width runes of words between
// single spaces: what wrapWords gives back unchanged, and most of the
// lines of a report are.
func fitsOnLine(s string, width int) bool {
	n, space := 0, true
	for _, r := range s {
		n++
		sp := unicode.IsSpace(r)
		if n > width || sp && (space || r != ' ') {
			return false
		}
		space = sp
	}
	return !space || s == ""
}

// wrapWords is wrap for any s: its words, split at any run of spaces,
// laid out on lines.
func wrapWords(s string, width int, indent string) string {
	words := keepGroups(strings.Fields(s))
	var b strings.Builder
	lineLen := 0
	for i, w := range words {
		wl := len([]rune(w))
		if i > 0 {
			if lineLen+1+wl > width {
				b.WriteString("\n")
				b.WriteString(indent)
				lineLen = len([]rune(indent))
			} else {
				b.WriteString(" ")
				lineLen++
			}
		}
		b.WriteString(w)
		lineLen += wl
	}
	return b.String()
}

// maxGroup is the longest parenthesised group, in runes, that wrap keeps
// on one line.
const maxGroup = 30

// keepGroups joins the words of a short parenthesised group into one.
func keepGroups(words []string) []string {
	out := words[:0:0]
	for i := 0; i < len(words); i++ {
		w := words[i]
		if strings.HasPrefix(w, "(") && !strings.Contains(w, ")") {
			j, n := i, len([]rune(w))
			for j+1 < len(words) && n <= maxGroup && !strings.Contains(words[j], ")") {
				j++
				n += 1 + len([]rune(words[j]))
			}
			if j > i && n <= maxGroup && strings.Contains(words[j], ")") {
				w = strings.Join(words[i:j+1], " ")
				i = j
			}
		}
		out = append(out, w)
	}
	return out
}
