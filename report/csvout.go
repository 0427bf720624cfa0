package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// CSVOptions choose the CSV dialect.
type CSVOptions struct {
	// Excel writes what Finnish Excel opens by double-click: `;` between
	// fields, a decimal comma, CRLF line ends and a UTF-8 byte-order mark so
	// that ä and ö show. Otherwise the CSV is plain RFC 4180 with a decimal
	// point, for programs (Power BI, R, pandas).
	Excel bool
}

// utf8BOM makes Excel read a CSV file as UTF-8.
const utf8BOM = "\ufeff"

// CSVWriter writes rows of Cells as CSV, one at a time, so that a long
// table need not be held in memory. Text cells are neutralised against
// formulas (SafeCell); numbers are written as numbers, dates as ISO.
type CSVWriter struct {
	cw     *csv.Writer
	opt    CSVOptions
	record []string
}

// NewCSVWriter starts a CSV file (with the byte-order mark for Excel).
func NewCSVWriter(w io.Writer, opt CSVOptions) (*CSVWriter, error) {
	if opt.Excel {
		if _, err := io.WriteString(w, utf8BOM); err != nil {
			return nil, err
		}
	}
	cw := csv.NewWriter(w)
	if opt.Excel {
		cw.Comma = ';'
		cw.UseCRLF = true
	}
	return &CSVWriter{cw: cw, opt: opt}, nil
}

// Header writes the header row.
func (c *CSVWriter) Header(names []string) error {
	c.record = c.record[:0]
	for _, h := range names {
		c.record = append(c.record, SafeCell(h))
	}
	return c.cw.Write(c.record)
}

// Row writes one row.
func (c *CSVWriter) Row(cells []Cell) error {
	c.record = c.record[:0]
	for _, cell := range cells {
		c.record = append(c.record, c.field(cell))
	}
	return c.cw.Write(c.record)
}

// Flush writes what is buffered and reports any write error.
func (c *CSVWriter) Flush() error {
	c.cw.Flush()
	return c.cw.Error()
}

// field is cell as a CSV field. A change (Signed) gets its sign, +8, -2
// or 0, as in the other formats; with an ASCII minus, so that it stays a
// number for Excel and for programs (a number is no formula, so the +
// needs no neutralising).
func (c *CSVWriter) field(cell Cell) string {
	var s string
	switch cell.Kind {
	case TextCell:
		return SafeCell(cell.Text)
	case FloatCell:
		s = strconv.FormatFloat(cell.Num, 'f', cell.Decimals, 64)
		if c.opt.Excel {
			s = strings.Replace(s, ".", ",", 1)
		}
	default:
		s = cell.Format("en", true)
	}
	if cell.Signed && (cell.Kind == IntCell || cell.Kind == FloatCell) {
		if strings.Trim(s, "-0.,") == "" {
			return strings.TrimPrefix(s, "-") // a rounded zero has no sign
		}
		if cell.Num > 0 {
			return "+" + s
		}
	}
	return s
}

// WriteCSV writes a whole table: the header and every row.
func WriteCSV(w io.Writer, t Table, opt CSVOptions) error {
	cw, err := NewCSVWriter(w, opt)
	if err != nil {
		return err
	}
	if err := cw.Header(t.Header); err != nil {
		return err
	}
	for _, row := range t.Rows {
		if err := cw.Row(row); err != nil {
			return err
		}
	}
	return cw.Flush()
}
