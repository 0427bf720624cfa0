package form

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"path"
	"strconv"
	"strings"
)

// What a laatu sheet holds beyond its values — which answer cells hold
// formulas, which are merged, which show their number as a per cent — is
// read from the workbook's XML as a stream, token by token, in the same
// pass as the values (read_xlsx_sheet.go). A whole-sheet model (excelize's)
// lays every row out up to its last cell and holds the whole sheet in
// memory, which a small hostile file turns into gigabytes.

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
	// damaged are the cells of any place in the sheet that are read
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
