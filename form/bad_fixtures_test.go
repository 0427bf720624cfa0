package form_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/laatu-fi/laatu/form"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// badDir holds the malformed inputs of every reader (../testdata/bad): the
// command-line table test (cmd/laatu/bad_test.go) runs laatu on each and
// checks its message, and the fuzz tests start from them. The files that
// take a program to make — workbooks, other encodings, very long or very
// deep files — are made here, with -update (go test ./form -run Fixtures
// -update); plain text ones are written by hand beside them.
const badDir = "../testdata/bad"

// badFiles makes the generated malformed inputs, by their names under
// badDir.
func badFiles(t *testing.T) map[string][]byte {
	set := builtinSet(t, "tyokyky")
	template := templateBytes(t, set, "fi")
	f, err := excelize.OpenReader(bytes.NewReader(template))
	if err != nil {
		t.Fatal(err)
	}
	var encrypted bytes.Buffer
	if err := f.Write(&encrypted, excelize.Options{Password: "salasana"}); err != nil {
		t.Fatal(err)
	}
	level := func(n int) string { return form.Cell(set, n, "level") }
	files := map[string][]byte{
		// Not workbooks at all, or damaged ones.
		"empty.xlsx":           {},
		"truncated.xlsx":       template[:len(template)*2/3],
		"renamed-csv.xlsx":     []byte("Kriteeristö;tyokyky\r\nNro;Taso\r\n1;4\r\n"),
		"encrypted.xlsx":       encrypted.Bytes(),
		"old-excel.xlsx":       append(append([]byte{}, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1), make([]byte, 2048)...),
		"word-document.xlsx":   officeZip(t, "word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
		"libreoffice-ods.xlsx": odsZip(t),
		"random-bytes.xlsx":    randomBytes(4096),
		"damaged-zip.xlsx":     damagedZip(t, template),
		// Bombs: huge once unpacked, or a sheet laid out across 16 384
		// columns, or a shared-string table of millions of entries.
		"zip-bomb.xlsx":            zipBomb(t, 1<<30),
		"lying-sizes.xlsx":         lyingZip(t),
		"far-cells.xlsx":           farCells(t),
		"shared-strings-bomb.xlsx": sharedStringsBomb(t),
		// Workbooks that are not laatu's template, or broken templates.
		"not-a-template.xlsx": plainWorkbook(t),
		"no-assessment-sheet.xlsx": editTemplate(t, func(f *excelize.File, details, sheet string) {
			f.DeleteSheet(sheet)
		}),
		"marker-deleted.xlsx": editTemplate(t, func(f *excelize.File, details, sheet string) {
			f.SetCellStr(details, "A1", "")
		}),
		"two-assessment-sheets.xlsx": editTemplate(t, func(f *excelize.File, details, sheet string) {
			i, _ := f.NewSheet("Kopio")
			src, _ := f.GetSheetIndex(sheet)
			f.CopySheet(src, i)
		}),
		"missing-column.xlsx": editTemplate(t, func(f *excelize.File, details, sheet string) {
			f.SetCellStr(sheet, columnOf(level(1))+"1", "taso")
		}),
		"too-many-rows.xlsx": editTemplate(t, func(f *excelize.File, details, sheet string) {
			f.SetCellStr(sheet, "H6000", "muistiinpano")
		}),
		// Answers laatu cannot take.
		"merged-cells.xlsx": editTemplate(t, func(f *excelize.File, details, sheet string) {
			f.MergeCell(sheet, level(1), level(2))
		}),
		// A formula as the level, saved by a program that does not
		// calculate: no value is stored with it.
		"formula-level.xlsx": sheetXML(t, func(parts map[string][]byte, sheet string) {
			re := regexp.MustCompile(`<c r="` + level(3) + `"([^>]*?)(/>|>.*?</c>)`)
			s := string(parts[sheet])
			if !re.MatchString(s) {
				t.Fatalf("no cell %s in %s", level(3), sheet)
			}
			parts[sheet] = []byte(re.ReplaceAllString(s, `<c r="`+level(3)+`"$1><f>2+3</f></c>`))
		}),
		"formula-date.xlsx": editTemplate(t, func(f *excelize.File, details, sheet string) {
			f.SetCellFormula(details, detailCell(t, f, details, "date"), "TODAY()")
		}),
		"level-out-of-range.xlsx": editTemplate(t, func(f *excelize.File, details, sheet string) {
			f.SetCellInt(sheet, level(1), 7)
			f.SetCellInt(sheet, level(3), 0)
			f.SetCellFloat(sheet, level(4), 4.5, 1, 64)
			f.SetCellStr(sheet, level(6), "neljä")
		}),
		"duplicate-criterion.xlsx": editTemplate(t, func(f *excelize.File, details, sheet string) {
			f.SetCellStr(sheet, "A"+rowOf(level(2)), "item:1")
		}),
		"wrong-version.xlsx": editTemplate(t, func(f *excelize.File, details, sheet string) {
			f.SetCellStr(details, detailCell(t, f, details, "criteria_version"), "9")
		}),
		"unknown-set.xlsx": editTemplate(t, func(f *excelize.File, details, sheet string) {
			f.SetCellStr(details, detailCell(t, f, details, "criteria"), "uk-fidelity")
		}),
		"long-cell.xlsx": editTemplate(t, func(f *excelize.File, details, sheet string) {
			f.SetCellStr(sheet, level(1), strings.Repeat("neljä ", 5000)) // 30 000 characters
		}),

		// CSV files in other encodings, or not CSV at all.
		"windows-1252.csv":     encode(t, charmap.Windows1252, badCSV("1;Asiakasmäärä;7;;;;\r\n")),
		"utf-16.csv":           encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), badCSV("2;Fokus;4;paljon;;;\r\n")),
		"utf-16-truncated.csv": encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), badCSV(""))[:301],
		"utf-16-no-bom.csv":    encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), badCSV("")),
		"bad-utf-8-bom.csv":    append([]byte("\xef\xbb\xbf"), encode(t, charmap.Windows1252, badCSV(""))...),
		"workbook-named.csv":   template,
		"long-cell.csv":        []byte(badCSV("1;Asiakasmäärä;" + strings.Repeat("4", 1<<20) + ";;;;\r\n")),
		"too-many-rows.csv":    []byte(badCSV(strings.Repeat("# rivi\r\n", 5000))),

		// YAML files no editor of laatu's files writes.
		"windows-1252.yaml":          encode(t, charmap.Windows1252, "criteria: tyokyky\nprovider: Järvenpään kaupunki\nitems:\n  - criterion: 1\n    level: 4\n"),
		"utf-16-no-bom.yaml":         encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "criteria: tyokyky\nprovider: x\n"),
		"deep-nesting.yaml":          []byte("criteria: tyokyky\nprovider: x\nnotes: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n"),
		"long-value.yaml":            []byte("criteria: tyokyky\nprovider: x\nitems:\n  - criterion: 1\n    level: " + strings.Repeat("4", 100000) + "\n"),
		"aliased-raters.yaml":        aliasedRaters(),
		"criteria/windows-1252.yaml": encode(t, charmap.Windows1252, "id: oma\nversion: \"1\"\nlanguages: [fi]\nname: {fi: Työkyky}\n"),
	}
	for _, more := range []func(*testing.T) map[string][]byte{badFilesXLSX, badFilesCSV, badFilesYAML, badFilesOutput, badFilesTender, badFilesCycle} {
		for name, b := range more(t) {
			if _, dup := files[name]; dup {
				t.Fatalf("fixture %s is made twice", name)
			}
			files[name] = b
		}
	}
	return files
}

// badCSV is a CSV assessment with the lines extra appended.
func badCSV(extra string) string {
	return "Kriteeristö;tyokyky\r\nPalveluntuottaja;Järvenpään kaupunki\r\n;\r\nNro;Kriteeri;Taso;Luku;Tarkistuslista;Perustelu;Näyttö\r\n" +
		"3;Kokonaisvaltaisuus;5;;;kaikki viisi vaihetta;\r\n" + extra
}

func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func randomBytes(n int) []byte {
	rng := rand.New(rand.NewPCG(8, 8))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(rng.UintN(256))
	}
	b[0] = 0x00 // not text, not a zip
	return b
}

// officeZip is a minimal Office Open XML file whose main part is main.
func officeZip(t *testing.T, main, contentType string) []byte {
	return zipOf(t, [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/` + main + `" ContentType="` + contentType + `"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="` + main + `"/></Relationships>`},
		{main, `<?xml version="1.0" encoding="UTF-8"?><document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><body><p><r><t>Tarjous</t></r></p></body></document>`},
	})
}

// odsZip is a minimal LibreOffice spreadsheet.
func odsZip(t *testing.T) []byte {
	return zipOf(t, [][2]string{
		{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
		{"META-INF/manifest.xml", `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>`},
		{"content.xml", `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>`},
	})
}

func zipOf(t *testing.T, parts [][2]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p[0])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(p[1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// damagedZip flips bytes in the middle of the template's largest part, as
// a broken download does: the zip's directory is whole, its data not.
func damagedZip(t *testing.T, template []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(template), int64(len(template)))
	if err != nil {
		t.Fatal(err)
	}
	var big *zip.File
	for _, f := range zr.File {
		if big == nil || f.CompressedSize64 > big.CompressedSize64 {
			big = f
		}
	}
	off, err := big.DataOffset()
	if err != nil {
		t.Fatal(err)
	}
	b := append([]byte{}, template...)
	mid := int(off) + int(big.CompressedSize64)/2
	for i := mid; i < mid+64; i++ {
		b[i] ^= 0x5a
	}
	return b
}

func plainWorkbook(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := excelize.NewFile().Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sheetXML rewrites the XML of the filled template's assessment sheet.
func sheetXML(t *testing.T, rewrite func(parts map[string][]byte, sheet string)) []byte {
	t.Helper()
	b := editTemplate(t, func(*excelize.File, string, string) {})
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	_, sheet := sheetsOf(t, f)
	part := form.SheetPart(b, sheet)
	if part == "" {
		t.Fatalf("no part for sheet %s", sheet)
	}
	parts := unzipParts(t, b)
	rewrite(parts, part)
	return zipParts(t, parts)
}

// farCells puts one number in column XFD, the last, on 4 700 rows: a
// 50 KB file that excelize's whole-sheet model lays out as 77 million
// cells.
func farCells(t *testing.T) []byte {
	return sheetXML(t, func(parts map[string][]byte, sheet string) {
		var rows strings.Builder
		for r := 200; r < 4900; r++ {
			fmt.Fprintf(&rows, `<row r="%d"><c r="XFD%d"><v>1</v></c></row>`, r, r)
		}
		s := strings.Replace(string(parts[sheet]), "</sheetData>", rows.String()+"</sheetData>", 1)
		s = regexp.MustCompile(`<dimension ref="[^"]*"/>`).ReplaceAllString(s, `<dimension ref="A1:XFD4899"/>`)
		parts[sheet] = []byte(s)
	})
}

// sharedStringsBomb adds ten megabytes of one-letter strings to the
// shared-string table, which excelize parses whole at some 25 times its
// size; the zip stays small.
func sharedStringsBomb(t *testing.T) []byte {
	return sheetXML(t, func(parts map[string][]byte, sheet string) {
		s := string(parts["xl/sharedStrings.xml"])
		extra := strings.Repeat("<si><t>a</t></si>", 10<<20/17)
		parts["xl/sharedStrings.xml"] = []byte(strings.Replace(s, "</sst>", extra+"</sst>", 1))
	})
}

// aliasedRaters names one long rater 1 000 times through an alias: two
// kilobytes of text that stand for two megabytes.
func aliasedRaters() []byte {
	var b strings.Builder
	b.WriteString("criteria: tyokyky\nprovider: x\nnotes: &n " + strings.Repeat("hahaa ", 350) + "\nraters: [")
	for i := 0; i < 1000; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("*n")
	}
	b.WriteString("]\n")
	return []byte(b.String())
}

// columnOf and rowOf split an A1 cell name.
func columnOf(cell string) string { return strings.TrimRight(cell, "0123456789") }
func rowOf(cell string) string    { return strings.TrimLeft(cell, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") }
