package form

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/laatu-fi/laatu/msg"
	"github.com/xuri/excelize/v2"
)

// ReadXLSX reads a filled template (see WriteXLSXTemplate) as Excel,
// LibreOffice or another program saved it: sheets may be renamed,
// reordered or added, strings shared or inline, cells typed as numbers or
// text. The error, when not nil, is msg.Problems naming the sheet and cell
// of every fault found.
//
// The file comes from someone else, so it is checked against lim before it
// is unpacked: a zip bomb, an encrypted or old-format workbook, or another
// file renamed .xlsx gets a message saying what it is, never a panic.
func ReadXLSX(r io.Reader, file string, lim Limits) (*Assessment, error) {
	lim = lim.orDefault()
	b, err := io.ReadAll(io.LimitReader(r, lim.FileSize+1))
	if err != nil {
		return nil, fileProblem(file, "file.read", err)
	}
	if int64(len(b)) > lim.FileSize {
		return nil, fileProblem(file, "file.too-large", len(b), lim.FileSize)
	}
	if ps := sniffXLSX(b, file, lim); ps != nil {
		return nil, ps
	}
	return readWorkbook(b, file, lim)
}

func fileProblem(file, key string, args ...any) msg.Problems {
	return msg.Problems{{Place: msg.Place{File: file}, Message: msg.M(key, args...)}}
}

var (
	oleMagic      = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	encryptedInfo = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00")
)

// sniffXLSX says what b is when it is not a workbook laatu can open, and
// checks the zip's declared sizes against lim. An Office binary file (an
// encrypted workbook or an old .xls) never reaches excelize, whose
// decryption would run the key derivation the file itself asks for.
func sniffXLSX(b []byte, file string, lim Limits) msg.Problems {
	switch {
	case len(bytes.TrimSpace(b)) == 0:
		return fileProblem(file, "sheet.empty")
	case bytes.HasPrefix(b, oleMagic):
		if bytes.Contains(b, encryptedInfo) {
			return fileProblem(file, "sheet.encrypted")
		}
		return fileProblem(file, "sheet.old-format")
	case !bytes.HasPrefix(b, []byte("PK\x03\x04")) && !bytes.HasPrefix(b, []byte("PK\x05\x06")):
		if looksLikeText(b[:min(len(b), 4096)]) {
			return fileProblem(file, "sheet.not-zip-text")
		}
		return fileProblem(file, "sheet.not-zip")
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return fileProblem(file, "sheet.damaged", err)
	}
	if len(zr.File) > lim.Parts {
		return fileProblem(file, "sheet.too-many-parts", len(zr.File), lim.Parts)
	}
	var total uint64
	workbook := false
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total < f.UncompressedSize64 { // overflow: sizes beyond any limit
			total = ^uint64(0)
		}
		workbook = workbook || strings.EqualFold(strings.ReplaceAll(f.Name, `\`, "/"), "xl/workbook.xml")
	}
	if total > uint64(lim.UnzipSize) {
		return fileProblem(file, "sheet.too-large", megabytes(total), megabytes(uint64(lim.UnzipSize)))
	}
	if !workbook {
		return fileProblem(file, "sheet.no-workbook")
	}
	return nil
}

// looksLikeText reports whether head has no control characters other than
// tabs and line breaks: a CSV or text file, in any 8-bit encoding.
func looksLikeText(head []byte) bool {
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

func megabytes(n uint64) uint64 { return n/(1<<20) + min(n%(1<<20), 1) }

// readWorkbook opens b with excelize, finds the laatu sheets and reads
// them.
func readWorkbook(b []byte, file string, lim Limits) (*Assessment, error) {
	details, assessment, formatted, closeFile, err := openSheets(b, file, lim)
	if err != nil {
		return nil, err
	}
	defer closeFile()
	a := &Assessment{Source: file}
	var ps msg.Problems
	readDetails(details, a, &ps)
	readAssessmentSheet(assessment, a, formatted, &ps)
	if len(ps) > 0 {
		return nil, ps.Err()
	}
	return a, nil
}

// openSheets opens the workbook and reads the cells of its two laatu
// sheets. excelize is not written for hostile input, so a panic inside it
// becomes a message about a damaged file; formatted, which calls excelize
// later, recovers the same way.
func openSheets(b []byte, file string, lim Limits) (details, assessment *grid, formatted func(string) string, closeFile func(), err error) {
	var f *excelize.File
	defer func() {
		if r := recover(); r != nil {
			if f != nil {
				f.Close()
			}
			err = fileProblem(file, "sheet.damaged", fmt.Sprint(r))
		}
	}()
	f, err = excelize.OpenReader(bytes.NewReader(b), excelize.Options{
		UnzipSizeLimit: lim.UnzipSize, UnzipXMLSizeLimit: lim.UnzipXMLSize,
	})
	if err != nil {
		return nil, nil, nil, nil, fileProblem(file, "sheet.damaged", err)
	}
	var ps, unreadable msg.Problems
	for _, name := range f.GetSheetList() {
		g, err := readGrid(f, file, name, lim)
		if err != nil {
			unreadable.Add(msg.Place{File: file, Sheet: name}, 0, "sheet.read-sheet", name, err)
			continue
		}
		if g == nil {
			continue
		}
		if g.tooLong {
			ps.Add(msg.Place{File: file, Sheet: name}, 0, "sheet.too-many-rows", lim.Rows, lim.Rows)
			continue
		}
		slot := &details
		if g.marker == markerAssessment {
			slot = &assessment
		}
		if *slot != nil {
			ps.Add(msg.Place{File: file, Sheet: name}, 0, "sheet.twice", (*slot).sheet, name)
			continue
		}
		*slot = g
	}
	if len(ps) == 0 {
		if details == nil {
			ps.Add(msg.Place{File: file}, 0, "sheet.not-template", markerDetails)
		} else if assessment == nil {
			ps.Add(msg.Place{File: file}, 0, "sheet.not-template", markerAssessment)
		}
		if len(ps) > 0 {
			ps = append(ps, unreadable...)
		}
	}
	if len(ps) > 0 {
		f.Close()
		return nil, nil, nil, nil, ps.Err()
	}
	formatted = func(cell string) (v string) {
		defer func() {
			if recover() != nil {
				v = ""
			}
		}()
		v, _ = f.GetCellValue(assessment.sheet, cell)
		return v
	}
	return details, assessment, formatted, func() { f.Close() }, nil
}

// markerRows is how far down a sheet laatu looks for a marker: A1 in a
// template, a little lower if someone has inserted rows above.
const markerRows = 20

// maxColumns is the widest row kept; the template uses nine columns.
const maxColumns = 64

// grid is a laatu sheet's cells as stored (raw values, not formatted).
type grid struct {
	file, sheet    string
	marker         string
	rows           [][]string // rows[i] is the sheet's row i+1
	keyRow, keyCol int
	cols           map[string]int // column key → index
	tooLong        bool
}

// readGrid reads sheet when it carries a laatu marker, and returns nil for
// any other sheet after looking at its first rows only.
func readGrid(f *excelize.File, file, sheet string, lim Limits) (*grid, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	g := &grid{file: file, sheet: sheet, keyRow: -1}
	raw := excelize.Options{RawCellValue: true}
	for i := 0; rows.Next(); i++ {
		if i >= lim.Rows {
			g.tooLong = true
			break
		}
		cols, err := rows.Columns(raw)
		if err != nil {
			return nil, err
		}
		if len(cols) > maxColumns {
			cols = cols[:maxColumns]
		}
		g.rows = append(g.rows, cols)
		if g.keyRow < 0 {
			g.findMarker(i, cols)
			if g.keyRow < 0 && i >= markerRows-1 {
				return nil, nil
			}
		}
	}
	if err := rows.Error(); err != nil {
		return nil, err
	}
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

func (g *grid) findMarker(row int, cols []string) {
	for c, v := range cols {
		if v = strings.TrimSpace(v); v == markerDetails || v == markerAssessment {
			g.marker, g.keyRow, g.keyCol = v, row, c
			return
		}
	}
}

func (g *grid) cell(row, col int) string {
	if row < 0 || row >= len(g.rows) || col < 0 || col >= len(g.rows[row]) {
		return ""
	}
	return g.rows[row][col]
}

// ref is the A1 name of a cell by its indexes.
func (g *grid) ref(row, col int) string { return cellName(columnName(col+1), row+1) }

func (g *grid) place(row, col int) msg.Place {
	return msg.Place{File: g.file, Sheet: g.sheet, Cell: g.ref(row, col)}
}

// column returns the index of the column keyed key, reporting its absence.
func (g *grid) column(key string, ps *msg.Problems) (int, bool) {
	c, ok := g.cols[key]
	if !ok {
		ps.Add(msg.Place{File: g.file, Sheet: g.sheet}, 0, "sheet.missing-column", key)
	}
	return c, ok
}

// keyedRows calls fn for every row below the key row that has a key.
func (g *grid) keyedRows(fn func(row int, key string)) {
	for r := g.keyRow + 1; r < len(g.rows); r++ {
		if key := strings.TrimSpace(g.cell(r, g.keyCol)); key != "" {
			fn(r, key)
		}
	}
}
