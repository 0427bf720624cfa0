package form_test

import (
	"bytes"
	"errors"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
)

// agreeWorkbooks are the workbooks the two XLSX readers are compared on:
// every workbook under testdata/, the templates laatu writes in each
// language, blank and filled with each sample assessment (by laatu, and
// by excelize as another program would), with inline strings, and as
// LibreOffice saves them when it is installed.
func agreeWorkbooks(t *testing.T) map[string][]byte {
	t.Helper()
	books := map[string][]byte{}
	err := filepath.WalkDir("../testdata", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".xlsx") {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			books[p] = b
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	samples, _ := filepath.Glob("../testdata/services/*.yaml")
	cycles, _ := filepath.Glob("../testdata/cycle/*.yaml")
	for _, lang := range []string{"fi", "en", "sv"} {
		for _, id := range []string{"tyokyky", "ips"} {
			books["template-"+id+"-"+lang] = templateBytes(t, builtinSet(t, id), lang)
		}
		for _, p := range append(samples, cycles...) {
			a := readYAMLFile(t, p)
			set := builtinSet(t, a.Criteria)
			var buf bytes.Buffer
			if err := form.WriteXLSX(&buf, set, a, lang); err != nil {
				t.Fatal(err)
			}
			name := filepath.Base(p) + "-" + lang
			books["written-"+name] = buf.Bytes()
			books["filled-"+name] = filledTemplate(t, set, a, lang)
			books["inline-"+name] = inlineStrings(t, books["filled-"+name], "", "")
		}
	}
	if _, err := exec.LookPath("soffice"); err == nil || os.Getenv("LAATU_REQUIRE_TOOLS") == "1" {
		prog, profile := soffice(t), recalcProfile(t)
		for _, name := range []string{"written-kateva-2026-11.yaml-fi", "written-polku-2026-11.yaml-en"} {
			books["libreoffice-"+name] = resave(t, prog, profile, books[name])
		}
	}
	return books
}

// TestReadersAgree reads every workbook of agreeWorkbooks with the
// one-pass reader and with the excelize reader it replaced: the same
// assessment, or the same messages, in English and Finnish.
func TestReadersAgree(t *testing.T) {
	for name, b := range agreeWorkbooks(t) {
		t.Run(filepath.Base(name), func(t *testing.T) {
			sameRead(t, b)
		})
	}
}

// sameRead fails unless both readers read b alike.
func sameRead(t testing.TB, b []byte) {
	t.Helper()
	lim := form.DefaultLimits
	a1, err1 := form.ReadXLSXExcelize(bytes.NewReader(b), "arvio.xlsx", lim)
	a2, err2 := form.ReadXLSX(bytes.NewReader(b), "arvio.xlsx", lim)
	if d := cmp.Diff(a1, a2, cmp.Comparer(func(a, b *criteria.Set) bool { return a == b })); d != "" {
		t.Errorf("the assessments differ (-excelize +one pass):\n%s", d)
	}
	for _, lang := range []string{"en", "fi"} {
		if m1, m2 := problemText(err1, lang), problemText(err2, lang); m1 != m2 {
			t.Errorf("the messages differ in %s:\nexcelize: %s\none pass: %s", lang, m1, m2)
		}
	}
}

// problemText is the text of a reader's error in lang, "" for none.
func problemText(err error, lang string) string {
	var ps msg.Problems
	if errors.As(err, &ps) {
		return ps.In(lang)
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

// FuzzReadersAgree puts fuzzed XML in place of the assessment sheet and
// the shared strings of a filled workbook, and compares the readers on it
// (the workbooks are zipped anew, so the fuzzer's changes reach the XML
// rather than failing the zip's checksums). The one-pass reader also
// keeps ReadXLSX's contract (checkRead). The seeds are the sample's
// assessment sheet cut to its first criteria, with inline strings, with
// shared ones and with merged, styled and formula cells, so that the
// fuzzer's inputs stay small.
func FuzzReadersAgree(f *testing.F) {
	const sheet, sst = "xl/worksheets/sheet2.xml", "xl/sharedStrings.xml"
	base, err := os.ReadFile("../testdata/sheets/kateva-2026-11.xlsx")
	if err != nil {
		f.Fatal(err)
	}
	parts := unzipParts(f, inlineStrings(f, base, "", ""))
	whole := string(parts[sheet])
	head, _, _ := strings.Cut(whole, `<row r="10"`)
	cut := head + `</sheetData><mergeCells count="1"><mergeCell ref="B6:E6"/></mergeCells></worksheet>`
	noSST := []byte(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>`)
	f.Add([]byte(cut), noSST)
	shared := regexp.MustCompile(`<c r="D7"[^>]*?(/>|>.*?</c>)`).ReplaceAllString(cut, `<c r="D7" s="3" t="s"><v>1</v></c>`)
	shared = regexp.MustCompile(`<c r="H8"[^>]*?(/>|>.*?</c>)`).ReplaceAllString(shared, `<c r="H8" t="s"><v>0</v></c><c t="s"><v>2</v></c>`)
	f.Add([]byte(shared), []byte(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3">`+
		`<si><t>syy_x000D__x000A_toinen</t></si><si><r><rPr><b/></rPr><t>4</t></r><rPh><t>x</t></rPh></si><si><t xml:space="preserve"> näyttö </t></si></sst>`))
	formula := regexp.MustCompile(`<c r="D8"[^>]*?(/>|>.*?</c>)`).ReplaceAllString(cut, `<c r="D8" s="x1"><v>3</v></c><c r="E8"><f>2+3</f></c><c r="D9"><f>TODAY()</f><v>4</v></c><c r="XFD9" t="d"><v>2026-11-24T00:00:00</v></c>`)
	f.Add([]byte(strings.Replace(formula, `<mergeCell ref="B6:E6"/>`, `<mergeCell ref="D7:D8"/>`, 1)), noSST)
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>laatu:assessment</t></is></c></row></sheetData></worksheet>`), noSST)
	delete(parts, sst)
	f.Fuzz(func(t *testing.T, sheetXML, sstXML []byte) {
		edited := maps.Clone(parts)
		edited[sheet], edited[sst] = sheetXML, sstXML
		b := zipParts(t, edited)
		if _, err := form.ReadXLSXExcelize(bytes.NewReader(b), "arvio.xlsx", form.DefaultLimits); !excelizeQuirk(err) {
			sameRead(t, b)
		}
		a, err := form.ReadXLSX(bytes.NewReader(b), "arvio.xlsx", form.DefaultLimits)
		checkRead(t, a, err, "arvio.xlsx")
	})
}

// excelizeQuirk reports whether err is the excelize reader's refusal of
// a workbook for a reason the one-pass reader does not share: excelize
// decoded the shared-string table into a struct, which fails when the
// root is not sst in SpreadsheetML's name space (Excel and LibreOffice
// never write another); the one-pass reader reads the si elements of the
// root whatever its name space.
func excelizeQuirk(err error) bool {
	return strings.Contains(problemText(err, "en"), ": expected element ")
}
