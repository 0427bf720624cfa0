package report

import (
	"fmt"
	"io"
	"strings"
)

// Blocks for views that compare many things at once (compare): a wide
// table with a compact form for the terminal, a heat map of levels and a
// plain list. Each says what it holds; the renderers decide the layout.
// The blocks write themselves in the formats they know (textBlocker,
// mdBlocker), so that the renderers' switches need one case for all of
// them.

// textBlocker is a block that writes itself for the terminal.
type textBlocker interface {
	writeText(w io.Writer, l string, ww int) error
}

// mdBlocker is a block that writes itself as Markdown.
type mdBlocker interface {
	writeMarkdown(w io.Writer, l string)
}

// WideTable is a table with more columns than a terminal holds. Every
// format but text writes the whole Table; the terminal writes the Compact
// tables instead, each a choice of the columns with short headers, where a
// cell may hold several columns on lines of their own (a service over its
// provider).
type WideTable struct {
	Table   DocTable
	Compact [][]CompactColumn
}

// CompactColumn is a column of a compact table.
type CompactColumn struct {
	Header string
	// Cols are the Table's columns shown in this one, each on a line of
	// its own; an empty text takes no line.
	Cols []int
	// Width cuts a longer text with an ellipsis or, with Wrap, carries
	// the words past it to the next line. 0: never cut.
	Width int
	Wrap  bool
	// First shows only the first of Cols that has a text.
	First bool
	// Below are, per row of the Table, a line under the cell ("" none):
	// what the compact table says that the whole one has in a column of
	// its own (how much of an incomplete assessment is rated).
	Below []string
}

func (*WideTable) isBlock() {}

func (t *WideTable) writeMarkdown(w io.Writer, l string) { mdBlock(w, &t.Table, l) }

func (t *WideTable) writeText(w io.Writer, l string, _ int) error {
	for k, cols := range t.Compact {
		if k > 0 {
			fmt.Fprintln(w)
		}
		if err := t.compactText(w, l, cols); err != nil {
			return err
		}
	}
	return nil
}

// compactText writes one compact table.
func (t *WideTable) compactText(w io.Writer, l string, cols []CompactColumn) error {
	header := make([]string, len(cols))
	for i, c := range cols {
		header[i] = c.Header
	}
	pt := newPlainTable(w, header...)
	for i, c := range cols {
		for _, row := range t.Table.Rows {
			if row[c.Cols[0]].Numeric() {
				pt.rightAlign(i)
			}
		}
	}
	for r, row := range t.Table.Rows {
		cells := make([][]string, len(cols))
		height := 1
		for i, c := range cols {
			cells[i] = c.lines(row, l)
			if r < len(c.Below) && c.Below[r] != "" {
				cells[i] = append(cells[i], c.Below[r])
			}
			height = max(height, len(cells[i]))
		}
		for k := range height {
			line := make([]string, len(cols))
			for i := range cols {
				if k < len(cells[i]) {
					line[i] = cells[i][k]
				}
			}
			pt.add(line...)
		}
	}
	return pt.render()
}

// lines are the cell's lines in row.
func (c CompactColumn) lines(row []Value, l string) []string {
	var out []string
	for _, col := range c.Cols {
		s := row[col].String(l)
		if s == "" {
			continue
		}
		switch {
		case c.Width == 0:
			out = append(out, s)
		case c.Wrap:
			// A no-break space keeps its words on one line.
			const keep = "\ue000"
			s = strings.ReplaceAll(s, "\u00a0", keep)
			for s != "" {
				var first string
				first, s = splitWords(s, c.Width)
				out = append(out, strings.ReplaceAll(first, keep, "\u00a0"))
			}
		default:
			out = append(out, truncate(s, c.Width))
		}
		if c.First {
			break
		}
	}
	return out
}

// DocMatrix is a heat map: a row per item (a criterion) with a level 1–5
// under each column (a service) and figures after the levels (the mean
// and median). The terminal names the columns by key (A, B, …), listed
// above the grid, and splits a grid wider than the terminal into blocks;
// the other formats name the columns in the header.
type DocMatrix struct {
	// Keys introduces the list of the columns' keys ("Services:").
	Keys string
	// Head heads the columns that name a row; HeadWidth cuts their text
	// in the terminal (0: never).
	Head      []string
	HeadWidth []int
	Columns   []MatrixColumn
	// Stats head the figures after the levels, Short in the terminal.
	Stats, Short []string
	// More head figures after Stats that only the page shows, having the
	// room (how many rated the criterion, how many are below the
	// threshold).
	More []string
	Rows []MatrixRow
}

// MatrixColumn is a column of levels: its key, its name and a note on it
// ("incomplete").
type MatrixColumn struct {
	Key, Name, Note string
}

// MatrixRow is a row: the values that name it, a level per column (0 not
// rated) and the figures.
type MatrixRow struct {
	Head   []Value
	Levels []int
	Stats  []Value
	More   []Value
}

func (*DocMatrix) isBlock() {}

func (m *DocMatrix) writeText(w io.Writer, l string, ww int) error {
	fmt.Fprintln(w, m.Keys)
	for _, c := range m.Columns {
		name := c.Name
		if c.Note != "" {
			name += " – " + c.Note
		}
		fmt.Fprintf(w, "%4s  %s\n", c.Key, wrap(name, ww-6, "      "))
	}
	block := matrixBlockFor(ww)
	for start := 0; start < len(m.Columns) || start == 0; start += block {
		end := min(start+block, len(m.Columns))
		last := end == len(m.Columns)
		fmt.Fprintln(w)
		header := append([]string{}, m.Head...)
		for _, c := range m.Columns[start:end] {
			header = append(header, c.Key)
		}
		if last {
			header = append(header, m.Short...)
		}
		t := newPlainTable(w, header...)
		for i := range header {
			if i >= len(m.Head) || (len(m.Rows) > 0 && m.Rows[0].Head[i].Numeric()) {
				t.rightAlign(i)
			}
		}
		for _, r := range m.Rows {
			var row []string
			for i, v := range r.Head {
				s := v.String(l)
				if i < len(m.HeadWidth) && m.HeadWidth[i] > 0 {
					s = truncate(s, m.HeadWidth[i])
				}
				row = append(row, s)
			}
			for _, lv := range r.Levels[start:end] {
				row = append(row, levelText(lv))
			}
			if last {
				for _, v := range r.Stats {
					row = append(row, v.String(l))
				}
			}
			t.add(row...)
		}
		if err := t.render(); err != nil {
			return err
		}
		if last {
			break
		}
	}
	return nil
}

func (m *DocMatrix) writeMarkdown(w io.Writer, l string) {
	var head, align []string
	for i, h := range m.Head {
		head = append(head, mdEscape(h))
		a := "---"
		if len(m.Rows) > 0 && m.Rows[0].Head[i].Numeric() {
			a = "---:"
		}
		align = append(align, a)
	}
	for _, c := range m.Columns {
		name := mdEscape(c.Name)
		if c.Note != "" {
			name += " (" + mdEscape(c.Note) + ")"
		}
		head = append(head, name)
		align = append(align, ":---:")
	}
	for _, s := range m.Stats {
		head = append(head, mdEscape(s))
		align = append(align, "---:")
	}
	fmt.Fprintf(w, "| %s |\n|%s|\n", strings.Join(head, " | "), strings.Join(align, "|"))
	for _, r := range m.Rows {
		var cells []string
		for _, v := range r.Head {
			cells = append(cells, mdEscape(v.String(l)))
		}
		for _, lv := range r.Levels {
			cells = append(cells, levelText(lv))
		}
		for _, v := range r.Stats {
			cells = append(cells, mdEscape(v.String(l)))
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
	}
}

// DocBullets is a list of sentences, each with sentences of its own
// under it.
type DocBullets struct {
	Items []Bullet
}

// Bullet is one entry of a DocBullets; Strong ones stand out.
type Bullet struct {
	Text   string
	Strong bool
	Sub    []string
}

func (*DocBullets) isBlock() {}

func (b *DocBullets) writeText(w io.Writer, _ string, ww int) error {
	for _, it := range b.Items {
		fmt.Fprintf(w, "- %s\n", wrapNB(it.Text, ww-2, "  "))
		for _, s := range it.Sub {
			fmt.Fprintf(w, "  - %s\n", wrapNB(s, ww-4, "    "))
		}
	}
	return nil
}

func (b *DocBullets) writeMarkdown(w io.Writer, _ string) {
	for _, it := range b.Items {
		text := mdEscape(oneLine(it.Text))
		if it.Strong {
			text = "**" + text + "**"
		}
		fmt.Fprintf(w, "- %s\n", text)
		for _, s := range it.Sub {
			fmt.Fprintf(w, "  - %s\n", mdEscape(oneLine(s)))
		}
	}
}
