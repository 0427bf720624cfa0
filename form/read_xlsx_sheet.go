package form

import (
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// One pass over a worksheet part gives both what the sheet readers need —
// its rows of raw cell values — and what they check — formulas, styles,
// merges and damaged cells. The rows are laid out as excelize's row
// reader laid them out (Rows and Columns with RawCellValue), which laatu
// used before this reader and whose results it keeps: a row element
// without a number follows the one before, a cell without a reference
// the cell before; a row numbered at or above the current one adds its
// cells to the current row; a row ends at its last cell with a value or a
// formula. The facts are placed by the cells' own references, as the
// scan before did (scanSheet).
//
// Where excelize refused what no spreadsheet program writes, this reader
// reads on: a shared-string table whose root is not in SpreadsheetML's
// name space, a sheet name Excel would not allow. And it follows the
// sheet's structure where excelize followed the tokens: cells only inside
// rows and rows only inside sheetData, a cell's value only in its own v
// or is element (TestReadersAgree and FuzzReadersAgree hold the rest to
// excelize's results).

// maxRowNumber and maxColumnNumber are the largest row and column a
// spreadsheet has (Excel's limits, which excelize enforced).
const (
	maxRowNumber    = 1 << 20
	maxColumnNumber = 16384
)

// sheetPart is what one pass over a worksheet part found.
type sheetPart struct {
	// rows are the sheet's rows as the readers see them, each cut at
	// maxColumns; widths are their full widths, counting the empty cells
	// left of each filled one.
	rows   [][]string
	widths []int
	// tooLong is set when the sheet has a row beyond lim.Rows.
	tooLong bool
	// errAt is the row whose reading fails with err, or -1.
	errAt int
	err   error
	facts sheetFacts
	// styleOf is every cell's style index, in the order of the sheet.
	styleOf []cellStyle
}

type cellStyle struct {
	at    cellPos
	style int
}

// sheetPass is the state of the pass over one sheet.
type sheetPass struct {
	p       *partTokens
	lim     Limits
	strings []string // the shared-string table
	out     *sheetPart

	// The rows, as excelize's reader counts them.
	cur, seek int  // the last row number met; the number of the open row (0: none yet)
	open      bool // a row is open: out.rows ends with it
	collect   bool // rows are still wanted; false once the readers cannot need more
	cellsSum  int  // the widths of the rows so far
	marker    bool // a marker was found in the rows so far
	checked   int  // the rows looked at for a marker
	cellCol   int  // the column (1-based) of the cell last met in the open row
	dataEnded bool // </sheetData> was met

	// The cell being read.
	cell              cellValue
	cellDepth         int // the depth of the open c element, or 0
	capture           int // what the characters read now belong to
	captureDepth      int
	si                *stringItem // the inline string being read
	siDepth, runDepth int

	// The facts, by the cells' own references (scanSheet).
	frow, fcol int
	fcur       cellPos
	fshared    bool
	text       strings.Builder // a formula's text or a shared cell's value, all of it
}

// cellValue is one c element as excelize read it.
type cellValue struct {
	typ      string
	v        []byte // the value's own characters (the last v element)
	is       *stringItem
	formula  bool
	badStyle bool // the style is no number: excelize stopped reading the cell
}

const (
	captureNone = iota
	captureV
	captureF
	captureIS
)

// scanSheetPart reads a worksheet part to its end, or to its first fault
// in p.fault. strings is the shared-string table.
func scanSheetPart(p *partTokens, lim Limits, strings []string) *sheetPart {
	s := &sheetPass{p: p, lim: lim, strings: strings, collect: true,
		out: &sheetPart{errAt: -1, facts: sheetFacts{formulas: map[cellPos]*formula{}}}, frow: -1, fcol: -1}
	for {
		tok, ok := p.next()
		if !ok {
			break
		}
		if !s.collect {
			p.drain()
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			s.start(t)
		case xml.EndElement:
			s.end(t)
		case xml.CharData:
			s.chars(t)
		}
	}
	return s.out
}

func (s *sheetPass) start(se xml.StartElement) {
	depth := s.p.depth()
	if s.cellDepth > 0 {
		s.startInCell(se, depth)
		return
	}
	switch se.Name.Local {
	case "row":
		s.factsRow(se)
		if !s.dataEnded {
			s.startRow(se)
		}
	case "c":
		s.factsCell(se)
		if s.open && !s.dataEnded && s.collect {
			s.startCell(se, depth)
		}
	case "mergeCell":
		if r, ok := parseRange(attr(se, "ref")); ok && r.from != r.to {
			s.out.facts.merged = append(s.out.facts.merged, r)
		}
	}
}

func (s *sheetPass) end(ee xml.EndElement) {
	depth := s.p.depth() + 1 // the depth of the element ended
	switch {
	case s.cellDepth > 0 && depth == s.cellDepth:
		s.endCell()
	case s.cellDepth > 0:
		s.endInCell(depth)
	case ee.Name.Local == "sheetData":
		s.dataEnded = true
	}
}

func (s *sheetPass) chars(t xml.CharData) {
	if s.capture == captureNone {
		return
	}
	depth := s.p.depth() // the depth of the element the characters are in
	if s.capture == captureF || s.fshared && s.capture == captureV {
		if s.text.Len() < 1<<10 { // as elementText
			s.text.Write(t)
		}
	}
	switch s.capture {
	case captureV:
		if depth == s.captureDepth {
			s.cell.v = append(s.cell.v, t...)
		}
	case captureIS:
		s.si.chars(t, depth)
	}
}

// factsRow and factsCell follow the cell the facts are about, as
// scanSheet did.
func (s *sheetPass) factsRow(se xml.StartElement) {
	if r, err := strconv.Atoi(attr(se, "r")); err == nil && r > 0 {
		s.frow = r - 1
	} else {
		s.frow++
	}
	s.fcol = -1
	s.fshared = false
}

func (s *sheetPass) factsCell(se xml.StartElement) {
	if p, ok := parseCell(attr(se, "r")); ok {
		s.frow, s.fcol = p.row, p.col
	} else {
		s.fcol++
	}
	s.fcur = cellPos{s.frow, s.fcol}
	s.fshared = attr(se, "t") == "s"
	if v := attr(se, "s"); v == "" {
	} else if n, err := strconv.Atoi(v); err == nil {
		s.out.styleOf = append(s.out.styleOf, cellStyle{s.fcur, n})
	}
	// excelize drops the value of a cell whose style is no number
	// (whatever its namespace prefix).
	for _, a := range se.Attr {
		if a.Name.Local != "s" {
			continue
		}
		if _, err := strconv.ParseInt(a.Value, 10, 64); err != nil {
			s.out.facts.damaged = append(s.out.facts.damaged, damagedCell{s.fcur, "xlsx.cell-style", []any{a.Value}})
			break
		}
	}
}

// startRow opens the row se starts, or adds its cells to the open one.
func (s *sheetPass) startRow(se xml.StartElement) {
	num, err := rowNumber(se)
	if err != nil {
		// The reader failed on the row open, or on this one when it is
		// the first.
		if !s.open {
			s.openRows(s.cur + 1)
		}
		s.fail(err)
		return
	}
	if num == 0 {
		s.cur++
	} else {
		s.cur = num
	}
	if s.cur > maxRowNumber {
		s.fail(errors.New("row number exceeds maximum limit"))
		return
	}
	switch {
	case s.cur > s.seek:
		s.openRows(s.cur)
	case !s.open:
		s.openRows(s.seek + 1)
	}
}

// openRows ends the open row and opens the rows up to number, those
// between empty.
func (s *sheetPass) openRows(number int) {
	if !s.collect {
		return
	}
	if s.open {
		s.endRow()
		if !s.collect {
			return
		}
	}
	for s.seek < number {
		if len(s.out.rows) >= s.lim.Rows {
			s.out.tooLong = true
			s.collect = false
			return
		}
		s.seek++
		s.out.rows = append(s.out.rows, nil)
		s.out.widths = append(s.out.widths, 0)
		if s.seek < number && !s.wantMore() {
			return
		}
	}
	s.open, s.cellCol = true, 0
}

// endRow ends the open row, and stops collecting rows when the readers
// cannot need more: the sheet alone is over the cell limit, or its first
// rows have no marker.
func (s *sheetPass) endRow() {
	s.open = false
	s.cellsSum += s.out.widths[len(s.out.widths)-1]
	s.wantMore()
}

// wantMore looks at the rows collected and reports whether more are
// wanted.
func (s *sheetPass) wantMore() bool {
	for ; s.checked < len(s.out.rows) && !s.marker; s.checked++ {
		g := grid{keyRow: -1}
		g.findMarker(s.checked, s.out.rows[s.checked])
		s.marker = g.keyRow >= 0
	}
	if s.cellsSum > s.lim.Cells || !s.marker && len(s.out.rows) >= markerRows {
		s.collect = false
	}
	return s.collect
}

func (s *sheetPass) fail(err error) {
	if !s.collect {
		return
	}
	s.out.errAt, s.out.err = max(len(s.out.rows)-1, 0), err
	s.collect = false
}

// rowNumber is a row element's number, 0 when it has none; excelize read
// the attribute r whatever its namespace.
func rowNumber(se xml.StartElement) (int, error) {
	n := 0
	for _, a := range se.Attr {
		if a.Name.Local == "r" {
			var err error
			if n, err = strconv.Atoi(a.Value); err != nil {
				return 0, err
			}
		}
	}
	return n, nil
}

// startCell starts reading a cell of the open row.
func (s *sheetPass) startCell(se xml.StartElement, depth int) {
	s.cellCol++
	s.cell = cellValue{}
	ref := ""
	for _, a := range se.Attr {
		switch a.Name.Local {
		case "r":
			ref = a.Value
		case "s":
			if _, err := strconv.ParseInt(a.Value, 10, 64); err != nil {
				s.cell.badStyle = true
			}
		case "t":
			s.cell.typ = a.Value
		}
		if s.cell.badStyle {
			break
		}
	}
	if ref != "" {
		col, err := cellColumn(ref)
		if err != nil {
			s.fail(err)
			return
		}
		s.cellCol = col
	}
	s.cellDepth = depth
}

// cellColumn is the column number of a cell reference, refused as
// excelize refused it (CellNameToCoordinates), in its words.
func cellColumn(ref string) (int, error) {
	alpha := func(r rune) bool { return 'A' <= r && r <= 'Z' || 'a' <= r && r <= 'z' || r == '$' }
	bad := func() error {
		return fmt.Errorf("cannot convert cell %q to coordinates: invalid cell name %q", ref, ref)
	}
	if strings.IndexFunc(ref, alpha) != 0 {
		return 0, bad()
	}
	i := strings.LastIndexFunc(ref, alpha)
	if i < 0 || i >= len(ref)-1 {
		return 0, bad()
	}
	row, err := strconv.Atoi(ref[i+1:])
	if err != nil || row <= 0 {
		return 0, bad()
	}
	if row > maxRowNumber {
		return 0, errors.New("row number exceeds maximum limit")
	}
	name := strings.ReplaceAll(ref[:i+1], "$", "")
	if name == "" {
		return 0, fmt.Errorf("invalid column name %q", name)
	}
	col := 0
	for j, multi := len(name)-1, 1; j >= 0; j-- {
		c := name[j] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			return 0, fmt.Errorf("invalid column name %q", name)
		}
		col += int(c-'a'+1) * multi
		if col > maxColumnNumber {
			return 0, fmt.Errorf("the column number must be greater than or equal to 1 and less than or equal to %d", maxColumnNumber)
		}
		multi *= 26
	}
	return col, nil
}

func (s *sheetPass) startInCell(se xml.StartElement, depth int) {
	if s.capture == captureIS {
		s.si.start(se.Name.Local, depth)
		return
	}
	// A cell whose style is no number gives no value (endCell), but
	// its formula is still a fact.
	if s.capture != captureNone {
		return
	}
	switch se.Name.Local {
	case "v":
		s.capture, s.captureDepth = captureV, depth
		s.cell.v = s.cell.v[:0]
		if f := s.out.facts.formulas[s.fcur]; f != nil {
			f.cached = true
		}
		s.text.Reset()
	case "f":
		s.capture, s.captureDepth = captureF, depth
		s.cell.formula = true
		s.text.Reset()
	case "is":
		s.capture, s.captureDepth = captureIS, depth
		if s.cell.is == nil {
			s.cell.is = &stringItem{}
		}
		s.si = s.cell.is
		s.si.begin(depth)
	}
}

func (s *sheetPass) endInCell(depth int) {
	if s.capture == captureNone {
		return
	}
	if depth != s.captureDepth {
		if s.capture == captureIS {
			s.si.end(depth)
		}
		return
	}
	switch s.capture {
	case captureF:
		s.out.facts.formulas[s.fcur] = &formula{text: "=" + strings.TrimPrefix(s.text.String(), "=")}
	case captureV:
		if s.fshared {
			// excelize reads a shared string that is not in the table
			// as an empty cell, and one that is no number as the first
			// string.
			v := s.text.String()
			if i, err := strconv.Atoi(strings.TrimSpace(v)); v != "" && (err != nil || i < 0 || i >= len(s.strings)) {
				s.out.facts.damaged = append(s.out.facts.damaged, damagedCell{s.fcur, "xlsx.shared-string-index", []any{v, len(s.strings)}})
			}
		}
	}
	s.capture = captureNone
}

// endCell places the value of the cell just read in the open row.
func (s *sheetPass) endCell() {
	s.cellDepth, s.capture = 0, captureNone
	c := &s.cell
	if c.badStyle {
		return
	}
	var val string
	switch c.typ {
	case "s":
		if len(c.v) > 0 {
			i, _ := strconv.Atoi(strings.TrimSpace(string(c.v)))
			if i >= 0 && i < len(s.strings) {
				val = s.strings[i]
			}
		}
	case "inlineStr":
		if c.is != nil {
			val = c.is.String()
		} else {
			val = string(c.v)
		}
	default:
		val = string(c.v)
	}
	if val == "" && !c.formula {
		return
	}
	last := len(s.out.rows) - 1
	w := &s.out.widths[last]
	at := *w // where excelize put the value: after the row's cells so far
	if s.cellCol > *w {
		at = s.cellCol - 1
	}
	*w = at + 1
	if at < maxColumns {
		row := s.out.rows[last]
		for len(row) < at {
			row = append(row, "")
		}
		s.out.rows[last] = append(row, val)
	}
}

// grid lays the rows of the sheet part out as readGrid did: nil for a
// sheet without a laatu marker in its first rows, an error for a sheet
// excelize could not read. cells is what is left of the workbook's cell
// budget; each row read costs its width.
func (sp *sheetPart) grid(file, sheet string, lim Limits, cells *int) (*grid, error) {
	g := &grid{file: file, sheet: sheet, keyRow: -1}
	for i, cols := range sp.rows {
		if i == sp.errAt {
			return nil, sp.err
		}
		if w := min(sp.widths[i], maxColumns); len(cols) < w {
			// The row is as wide as its cells, though the last ones
			// were past the columns kept.
			cols = append(cols, make([]string, w-len(cols))...)
		}
		if *cells -= sp.widths[i]; *cells < 0 {
			return nil, &tooManyCells{cell: cellName(columnName(sp.widths[i]), i+1)}
		}
		g.rows = append(g.rows, cols)
		if g.keyRow < 0 {
			g.findMarker(i, cols)
			if g.keyRow < 0 && i >= markerRows-1 {
				return nil, nil
			}
		}
	}
	if sp.errAt >= len(sp.rows) {
		return nil, sp.err
	}
	g.tooLong = sp.tooLong
	if g.keyRow < 0 {
		return nil, nil
	}
	g.cols = map[string]int{}
	for c, k := range g.rows[g.keyRow] {
		if k = strings.TrimSpace(k); k != "" && c != g.keyCol {
			g.cols[k] = c
		}
	}
	return g, nil
}
