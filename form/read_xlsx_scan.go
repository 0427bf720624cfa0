package form

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/msg"
)

// What excelize's row stream does not tell about a laatu sheet — which
// answer cells hold formulas, which are merged, which show their number as
// a per cent — is read here from the workbook's XML as a stream, token by
// token. excelize's own way to tell (its whole-sheet model) lays every row
// out up to its last cell and holds the whole sheet in memory, which a
// small hostile file turns into gigabytes.

// workbookParts maps each sheet's name to its part in the zip, from
// xl/workbook.xml and its relationships; names are as the zip spells them.
func workbookParts(zr *zip.Reader) (map[string]string, error) {
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, `\`, "/"), "/"))] = f
	}
	ids := map[string]string{} // sheet name → relationship id
	err := scanXML(files["xl/workbook.xml"], func(d *xml.Decoder, se xml.StartElement) error {
		if se.Name.Local == "sheet" {
			ids[attr(se, "name")] = attrNS(se, "id")
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	targets := map[string]string{} // relationship id → part
	err = scanXML(files["xl/_rels/workbook.xml.rels"], func(d *xml.Decoder, se xml.StartElement) error {
		if se.Name.Local == "Relationship" {
			t := strings.ReplaceAll(attr(se, "Target"), `\`, "/")
			if strings.HasPrefix(t, "/") {
				t = strings.TrimPrefix(t, "/")
			} else {
				t = path.Join("xl", t)
			}
			targets[attr(se, "Id")] = t
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	parts := map[string]string{}
	for name, id := range ids {
		if f := files[strings.ToLower(targets[id])]; f != nil {
			parts[name] = f.Name
		}
	}
	return parts, nil
}

// scanXML calls start for every start element of the part f, which may be
// nil (a missing part has no elements).
func scanXML(f *zip.File, start func(d *xml.Decoder, se xml.StartElement) error) error {
	if f == nil {
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	d.Strict = true
	d.CharsetReader = charsetReader
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if se, ok := tok.(xml.StartElement); ok {
			if err := start(d, se); err != nil {
				return err
			}
		}
	}
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

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

// attrNS finds an attribute with a namespace prefix (r:id), whatever the
// prefix is called.
func attrNS(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name && a.Name.Space != "" {
			return a.Value
		}
	}
	return ""
}

// cellPos is a cell by its zero-based row and column, as in a grid.
type cellPos struct{ row, col int }

// sheetFacts are what a scan of a sheet found at the cells it was asked
// about.
type sheetFacts struct {
	formulas map[cellPos]*formula
	styles   map[cellPos]int // cell → style index
	// damaged are the cells of any place in the sheet that excelize reads
	// as empty: a shared string not in the table (or no number), a style
	// that is no number. Such a cell may be a row's key, so every cell
	// of the sheet is checked, not only the asked-about ones.
	damaged []damagedCell
	// merged are the merged ranges that hide an asked-about cell: one
	// that is not the range's top left cell, whose value is lost.
	merged []cellRange
}

type cellRange struct{ from, to cellPos }

// damagedCell is a cell whose value cannot be read, with the message
// key and its arguments.
type damagedCell struct {
	at   cellPos
	key  string
	args []any
}

// formula is a cell's formula and whether the file holds its value.
type formula struct {
	text   string
	cached bool
}

// volatile are the functions whose value changes every time a workbook is
// opened: an answer computed with one is not what the rater saw.
var volatile = []string{"TODAY(", "NOW(", "RAND(", "RANDBETWEEN("}

// problem is the fault in an answer given by the formula, or "".
func (f *formula) problem() string {
	upper := strings.ToUpper(f.text)
	for _, fn := range volatile {
		if strings.Contains(upper, fn) {
			return "harden.formula-volatile"
		}
	}
	if !f.cached {
		return "harden.formula-uncached"
	}
	return ""
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

// hides reports whether the merged range r covers an asked-about cell
// other than its top left one.
func hides(r cellRange, want map[cellPos]bool) bool {
	if r.from == r.to {
		return false
	}
	for p := range want {
		if p != r.from && p.row >= r.from.row && p.row <= r.to.row && p.col >= r.from.col && p.col <= r.to.col {
			return true
		}
	}
	return false
}

// parseCell reads an A1 reference; $ signs are allowed.
func parseCell(ref string) (cellPos, bool) {
	ref = strings.ReplaceAll(strings.ToUpper(ref), "$", "")
	i := 0
	col := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3 {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	row, err := strconv.Atoi(ref[i:])
	if i == 0 || err != nil || row < 1 || row > 1<<20 || col > 16384 {
		return cellPos{}, false
	}
	return cellPos{row - 1, col - 1}, true
}

func parseRange(ref string) (cellRange, bool) {
	a, b, ok := strings.Cut(ref, ":")
	from, ok1 := parseCell(a)
	to, ok2 := parseCell(b)
	if !ok || !ok1 || !ok2 {
		return cellRange{}, false
	}
	if to.row < from.row {
		from.row, to.row = to.row, from.row
	}
	if to.col < from.col {
		from.col, to.col = to.col, from.col
	}
	return cellRange{from, to}, true
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

// isPercentFormat reports whether a number format code shows a per cent:
// a % outside quoted text and not escaped.
func isPercentFormat(code string) bool {
	quoted := false
	for i := 0; i < len(code); i++ {
		switch c := code[i]; {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\\':
			i++
		case c == '%':
			return true
		}
	}
	return false
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
