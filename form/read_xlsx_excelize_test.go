package form

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/msg"
	"github.com/xuri/excelize/v2"
)

// The reader laatu had before the one-pass reader (read_xlsx_pass.go),
// kept with the tests while they compare the two (TestReadersAgree):
// excelize read the cell values from a copy of the workbook, and laatu
// scanned the sheets again for formulas, merges and styles, after a
// strict XML parser had read every part.

// readWorkbookExcelize is the reader laatu had before the one-pass
// reader (readWorkbook): it opens the workbook with excelize, finds the
// laatu sheets and reads them, then scans the sheets again for the facts
// excelize's row reader does not give. It is kept here, in a test, so
// that TestReadersAgree can hold the new reader to its results.
func readWorkbookExcelize(zr *zip.Reader, file string, lim Limits) (*Assessment, error) {
	stringCount, fault, err := verifyParts(zr, lim)
	if err != nil {
		return nil, fileProblem(file, "sheet.damaged", err)
	}
	if fault != nil {
		// workbook.xml and its relationships are whole unless the fault
		// is in them, and then the fault is not in a sheet.
		parts, _ := workbookParts(zr)
		return nil, xmlProblem(file, fault, parts, lim)
	}
	values, err := valueParts(zr)
	if err != nil {
		return nil, fileProblem(file, "sheet.damaged", err)
	}
	sh, err := openSheetsExcelize(values, file, lim)
	if err != nil {
		return nil, err
	}
	a := &Assessment{Source: file}
	var ps msg.Problems
	percent, err := checkCells(zr, file, sh.details, sh.assessment, stringCount, &ps, sh.outcomes, sh.plan)
	if err != nil {
		return nil, fileProblem(file, "sheet.damaged", err)
	}
	readDetails(sh.details, a, &ps)
	readAssessmentSheet(sh.assessment, a, percent, &ps)
	if sh.outcomes != nil {
		readOutcomesSheet(sh.outcomes, a, &ps)
	}
	if sh.plan != nil {
		readPlanSheet(sh.plan, a, &ps)
	}
	if len(ps) > 0 {
		return nil, ps.Err()
	}
	return a, nil
}

// verifyParts unpacks every part as a stream, checking its checksum and
// its declared size, so that a damaged download is reported as such
// rather than as whatever its garbled XML seems to say. Nothing is kept;
// the sizes were checked against the limits before. The XML parts laatu
// reads are read by a strict XML parser on the way (checkXML): the first
// fault found is returned, unless a part is damaged as a zip, which err
// reports. stringCount is the number of entries in the shared-string
// table.
func verifyParts(zr *zip.Reader, lim Limits) (stringCount int, fault *xmlFault, err error) {
	for _, f := range zr.File {
		name := strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))
		rc, err := f.Open()
		if err == nil {
			if fault == nil && checksXML(name) {
				var n int
				n, fault, err = checkXML(f.Name, rc, maxSharedStrings(lim))
				if isSharedStrings(name) {
					stringCount = n
				}
			}
			if err == nil {
				_, err = io.Copy(io.Discard, rc)
			}
			rc.Close()
		}
		if err != nil {
			return 0, nil, fmt.Errorf("%s: %w", f.Name, err)
		}
	}
	return stringCount, fault, nil
}

// valueParts copies the parts of the workbook that hold its sheets and
// their values into a new zip, without unpacking them.
func valueParts(zr *zip.Reader) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if skipForValues(strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))) {
			continue
		}
		if err := zw.Copy(f); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// openSheetsExcelize opens the workbook and reads the cells of its laatu
// sheets. excelize is not written for hostile input, so a panic inside it
// becomes a message about a damaged file.
func openSheetsExcelize(b []byte, file string, lim Limits) (sh laatuSheets, err error) {
	var f *excelize.File
	defer func() {
		if r := recover(); r != nil {
			err = fileProblem(file, "sheet.damaged", fmt.Sprint(r))
		}
		if f != nil {
			f.Close()
		}
	}()
	f, err = excelize.OpenReader(bytes.NewReader(b), excelize.Options{
		UnzipSizeLimit: lim.UnzipSize, UnzipXMLSizeLimit: lim.UnzipXMLSize,
	})
	if err != nil {
		return sh, fileProblem(file, "sheet.damaged", err)
	}
	names := f.GetSheetList()
	return collectSheets(file, names, lim, func(i int, cells *int) (*grid, error) {
		return readGrid(f, file, names[i], lim, cells)
	})
}

// readGrid reads sheet when it carries a laatu marker, and returns nil for
// any other sheet after looking at its first rows only. cells is what is
// left of the workbook's cell budget; each row read costs its width.
func readGrid(f *excelize.File, file, sheet string, lim Limits, cells *int) (*grid, error) {
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
		if *cells -= len(cols); *cells < 0 {
			return nil, &tooManyCells{cell: cellName(columnName(len(cols)), i+1)}
		}
		if len(cols) > maxColumns {
			// A copy, so that the row's full width is not kept alive.
			cols = append([]string(nil), cols[:maxColumns]...)
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

// elementText reads the text of the element just started, up to its end.
func elementText(d *xml.Decoder) (string, error) {
	var b strings.Builder
	for depth := 1; depth > 0; {
		tok, err := d.RawToken()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if b.Len() < 1<<10 {
				b.Write(t)
			}
		}
	}
	return b.String(), nil
}

// scanSheet streams the sheet part f and reports the formulas, styles and
// merges of the cells in want, and every cell whose value is damaged;
// nStrings is the number of entries in the shared-string table.
func scanSheet(f *zip.File, want map[cellPos]bool, nStrings int) (sheetFacts, error) {
	facts := sheetFacts{formulas: map[cellPos]*formula{}, styles: map[cellPos]int{}}
	row, col := -1, -1 // the current cell, zero-based; rows and cells without a number follow the one before
	var cur cellPos
	inCell, shared := false, false
	err := scanXML(f, func(d *xml.Decoder, se xml.StartElement) error {
		switch se.Name.Local {
		case "row":
			if r, err := strconv.Atoi(attr(se, "r")); err == nil && r > 0 {
				row = r - 1
			} else {
				row++
			}
			col = -1
			inCell, shared = false, false
		case "c":
			if p, ok := parseCell(attr(se, "r")); ok {
				row, col = p.row, p.col
			} else {
				col++
			}
			cur = cellPos{row, col}
			inCell = want[cur]
			shared = attr(se, "t") == "s"
			if s, err := strconv.Atoi(attr(se, "s")); inCell && err == nil {
				facts.styles[cur] = s
			}
			// excelize drops the value of a cell whose style is no
			// number (whatever its namespace prefix).
			for _, a := range se.Attr {
				if _, err := strconv.ParseInt(a.Value, 10, 64); a.Name.Local == "s" && err != nil {
					facts.damaged = append(facts.damaged, damagedCell{cur, "xlsx.cell-style", []any{a.Value}})
					break
				}
			}
		case "f":
			if inCell {
				text, err := elementText(d)
				if err != nil {
					return err
				}
				facts.formulas[cur] = &formula{text: "=" + strings.TrimPrefix(text, "=")}
			}
		case "v":
			// The value follows the formula in a cell.
			if f := facts.formulas[cur]; inCell && f != nil {
				f.cached = true
			}
			if shared {
				// excelize reads a shared string that is not in the
				// table as an empty cell, and one that is no number as
				// the first string.
				v, err := elementText(d)
				if err != nil {
					return err
				}
				if i, err := strconv.Atoi(strings.TrimSpace(v)); v != "" && (err != nil || i < 0 || i >= nStrings) {
					facts.damaged = append(facts.damaged, damagedCell{cur, "xlsx.shared-string-index", []any{v, nStrings}})
				}
			}
		case "mergeCell":
			if r, ok := parseRange(attr(se, "ref")); ok && hides(r, want) {
				facts.merged = append(facts.merged, r)
			}
		}
		return nil
	})
	return facts, err
}

// percentStyles reads xl/styles.xml as a stream and returns, for each cell
// style index, whether its number format shows a per cent.
func percentStyles(zr *zip.Reader) ([]bool, error) {
	var styles *zip.File
	for _, f := range zr.File {
		if strings.EqualFold(strings.ReplaceAll(f.Name, `\`, "/"), "xl/styles.xml") {
			styles = f
		}
	}
	custom := map[int]bool{} // custom format id → shows a per cent
	var xfs []int            // style index → format id
	inXfs := false
	err := scanXML(styles, func(d *xml.Decoder, se xml.StartElement) error {
		switch se.Name.Local {
		case "numFmt":
			if id, err := strconv.Atoi(attr(se, "numFmtId")); err == nil {
				custom[id] = isPercentFormat(attr(se, "formatCode"))
			}
		case "cellXfs":
			inXfs = true
		case "cellStyleXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst":
			// xf elements also make up cellStyleXfs; only cellXfs
			// numbers the styles cells refer to.
			inXfs = false
		case "xf":
			if inXfs {
				id, _ := strconv.Atoi(attr(se, "numFmtId"))
				xfs = append(xfs, id)
			}
		}
		return nil
	})
	pct := make([]bool, len(xfs))
	for i, id := range xfs {
		pct[i] = id == 9 || id == 10 || custom[id]
	}
	return pct, err
}

// checkCells scans the two laatu sheets' answer cells for merged cells and
// for formulas whose value laatu cannot take as the answer (none saved, or
// one that changes whenever the workbook is opened), reporting each, and
// returns whether a cell of the assessment sheet shows its number as a per
// cent. A formula with a saved value is read as that value, as Excel shows
// it (LibreOffice saves TRUE typed in a cell as the formula TRUE()).
//
// nStrings is the number of entries in the workbook's shared-string table.
func checkCells(zr *zip.Reader, file string, details, assessment *grid, nStrings int, ps *msg.Problems, cycle ...*grid) (percent func(row, col int) bool, err error) {
	parts, err := workbookParts(zr)
	if err != nil {
		return nil, err
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	var facts sheetFacts
	for _, g := range append([]*grid{details, assessment}, cycle...) {
		if g == nil {
			continue
		}
		want := g.answerCells()
		part, ok := files[parts[g.sheet]]
		if !ok {
			continue
		}
		fs, err := scanSheet(part, want, nStrings)
		if err != nil {
			return nil, err
		}
		for _, c := range fs.damaged {
			ps.Add(g.place(c.at.row, c.at.col), g.criterionAt(c.at.row), c.key, c.args...)
		}
		for _, r := range fs.merged {
			ps.Add(msg.Place{File: file, Sheet: g.sheet, Cell: g.ref(r.from.row, r.from.col) + ":" + g.ref(r.to.row, r.to.col)},
				0, "harden.merged")
		}
		for p, f := range fs.formulas {
			if key := f.problem(); key != "" {
				ps.Add(g.place(p.row, p.col), g.criterionAt(p.row), key, f.text)
			}
		}
		if g == assessment {
			facts = fs
		}
	}
	pct, err := percentStyles(zr)
	if err != nil {
		return nil, err
	}
	return func(row, col int) bool {
		s, ok := facts.styles[cellPos{row, col}]
		return ok && s >= 0 && s < len(pct) && pct[s]
	}, nil
}

// checkXML reads the XML part named part from r to its end. It returns the
// number of shared strings in it (the si elements of an sst root), the
// fault in its XML, or the error of reading r. A shared-string table with
// more than maxStrings entries is a fault, found without reading further.
func checkXML(part string, r io.Reader, maxStrings int) (count int, fault *xmlFault, err error) {
	src := &readError{r: r}
	br := bufio.NewReader(src)
	head, _ := br.Peek(512)
	if src.err != nil {
		return 0, nil, src.err
	}
	fail := func(row int, key string, args ...any) (int, *xmlFault, error) {
		return count, &xmlFault{part: part, row: row, detail: msg.M(key, args...)}, nil
	}
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return fail(0, "xlsx.detail.zip")
	case len(head) == 0 || head[0] != '<':
		return fail(0, "xlsx.detail.not-xml")
	}
	d := xml.NewDecoder(br)
	d.Strict = true
	d.CharsetReader = charsetReader
	depth, row := 0, 0
	root := ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if src.err != nil {
			return count, nil, src.err
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return fail(row, "xlsx.detail.syntax", se.Line, se.Msg)
			}
			return fail(row, "xlsx.detail.other", err.Error())
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch {
			case depth == 1 && root != "":
				return fail(row, "xlsx.detail.two-roots", root, t.Name.Local)
			case depth == 1:
				root = t.Name.Local
			case depth == 2 && root == "sst" && t.Name.Local == "si":
				if count++; count > maxStrings {
					return count, &xmlFault{part: part, strings: true}, nil
				}
			case t.Name.Local == "row":
				if r, err := strconv.Atoi(attr(t, "r")); err == nil && r > 0 {
					row = r
				} else {
					row++
				}
			}
		case xml.EndElement:
			depth--
		case xml.Directive:
			return fail(row, "xlsx.detail.doctype")
		case xml.CharData:
			if depth == 0 && len(bytes.Trim(t, " \t\r\n\ufeff")) > 0 { // a byte order mark is no text
				return fail(row, "xlsx.detail.text-outside")
			}
		}
	}
	if root == "" {
		return fail(0, "xlsx.detail.not-xml")
	}
	return count, nil, nil
}
