package report

import (
	"io"
)

// WriteDocCSV writes d's Data table as CSV: one header row and one row
// per record, in the dialect opt chooses (plain RFC 4180, or Finnish Excel
// with `;`, decimal comma and BOM). Text is neutralised against formulas
// (SafeCell); numbers are plain numbers, a change keeps its sign. A
// document without Data writes each of its tables, each after a row with
// its caption and a blank row between them.
//
// The CSV writer keeps the first write error itself (its buffer does, and
// Flush returns it), and every field passes SafeCell, which cleans control
// characters: it writes to w directly, not through an out, whose cleaning
// would turn the dialect's CR LF line ends into LF.
func WriteDocCSV(w io.Writer, d *Document, opt CSVOptions) error {
	cw, err := NewCSVWriter(w, opt)
	if err != nil {
		return err
	}
	tables := []*DocTable{d.Data}
	if d.Data == nil {
		tables = nil
	}
	for _, s := range d.Sections {
		for _, b := range s.Blocks {
			if e, ok := b.(*DocEntries); ok {
				b = e.Table
			}
			if t, ok := b.(*DocTable); ok && (d.Data == nil || t.CSV) {
				tables = append(tables, t)
			}
		}
	}
	for i, t := range tables {
		if d.Data == nil || i > 0 {
			if i > 0 {
				if err := cw.cw.Write([]string{""}); err != nil {
					return err
				}
			}
			if err := cw.Header([]string{t.Caption}); err != nil {
				return err
			}
		}
		if err := cw.Header(t.Header); err != nil {
			return err
		}
		var cells []Cell
		row := func(vs []Value) error {
			cells = cells[:0]
			for _, v := range vs {
				cells = append(cells, v.cell())
			}
			return cw.Row(cells)
		}
		if t.Each != nil {
			if err := t.Each(row); err != nil {
				return err
			}
			continue
		}
		for _, vs := range t.Rows {
			if err := row(vs); err != nil {
				return err
			}
		}
	}
	return cw.Flush()
}

// cell is v as a table Cell for the CSV writer.
func (v Value) cell() Cell {
	switch v.Kind {
	case TextValue, DateValue: // a CSV file's dates are text as written
		return Text(v.Text)
	case NumberValue:
		if v.Decimals == 0 {
			return Int(int(v.Num))
		}
		return Float(v.Num, v.Decimals)
	case LevelValue:
		return Int(int(v.Num))
	case ChangeValue:
		// A number with its sign (+8), as CSVWriter writes a Signed cell.
		c := Float(v.Num, v.Decimals)
		if v.Decimals == 0 {
			c = Int(int(v.Num))
		}
		c.Signed = true
		return c
	}
	return Blank()
}
