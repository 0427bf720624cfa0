package form_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/laatu-fi/laatu/form"
	"github.com/xuri/excelize/v2"
)

// badFilesSheetInputs makes the malformed workbooks of the rule cells
// (per-specialist figures, counts, further questions), by their names
// under badDir; cmd/laatu/bad_sheetinputs_test.go says what laatu says
// about each.
func badFilesSheetInputs(t *testing.T) map[string][]byte {
	set := builtinSet(t, "tyokyky")
	edit := func(edit func(f *excelize.File, sheet string)) []byte {
		t.Helper()
		f, err := excelize.OpenReader(bytes.NewReader(templateBytes(t, set, "fi")))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		details, sheet := sheetsOf(t, f)
		if err := f.SetCellStr(details, detailCell(t, f, details, "provider"), "Testipalvelu"); err != nil {
			t.Fatal(err)
		}
		edit(f, sheet)
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	cell := func(key string) string { return form.RuleCell(set, key) }
	return map[string][]byte{
		// A specialist's figure in words, a count below zero, a choice
		// not in the list, a count of jobs that is not whole.
		"sheetinputs-bad-values.xlsx": edit(func(f *excelize.File, sheet string) {
			f.SetCellStr(sheet, cell("figures:17:1"), "4")
			f.SetCellStr(sheet, cell("figures:17:2"), "neljä")
			f.SetCellFloat(sheet, cell("count:1:fte"), -1, -1, 64)
			f.SetCellStr(sheet, cell("input:17:tracking"), "joskus")
			f.SetCellFloat(sheet, cell("input:21:current_jobs"), 3.5, -1, 64)
		}),
		// The hidden option texts of a question deleted: the answer
		// cannot be read, and is not dropped.
		"sheetinputs-options-deleted.xlsx": edit(func(f *excelize.File, sheet string) {
			f.SetCellStr(sheet, cell("input:17:tracking"), "seurantalomake käydään läpi kuukausittain")
			f.SetCellStr(sheet, form.ChoiceIDsCell(set, "input:17:tracking"), "")
		}),
		// Clients without full-time equivalents: no figure can be computed.
		"sheetinputs-counts-missing.xlsx": edit(func(f *excelize.File, sheet string) {
			f.SetCellInt(sheet, cell("count:1:clients"), 83)
		}),
		// Both a figure and per-specialist figures, and a share per
		// specialist out of bounds.
		"sheetinputs-figure-and-figures.xlsx": edit(func(f *excelize.File, sheet string) {
			f.SetCellFloat(sheet, form.Cell(set, 17, "figure"), 4, -1, 64)
			f.SetCellFloat(sheet, cell("figures:17:1"), 5, -1, 64)
			f.SetCellFloat(sheet, cell("figures:2:1"), 120, -1, 64)
		}),
	}
}

// TestFixturesSheetInputs writes the rule cells' malformed workbooks with
// -update, and checks that each is on disk and none reads and checks
// without an error.
func TestFixturesSheetInputs(t *testing.T) {
	files := badFilesSheetInputs(t)
	if *update {
		for name, b := range files {
			writeFixture(t, filepath.Join(badDir, name), b)
		}
	}
	set := builtinSet(t, "tyokyky")
	for name := range files {
		path := filepath.Join(badDir, name)
		if _, err := os.Stat(path); err != nil {
			t.Errorf("%s: %v; run go test ./form -run FixturesSheetInputs -update", path, err)
			continue
		}
		a, err := form.ReadFile(path)
		if err == nil && len(form.Check(a, set)) == 0 {
			t.Errorf("%s: read and checked without an error", path)
		}
	}
}
