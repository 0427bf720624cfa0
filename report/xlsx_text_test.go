package report

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// markedText reports whether a cell is a string cell whose style marks it
// as text (quotePrefix): the spreadsheet shows it as written, with no
// apostrophe, and keeps it text when a user edits it.
func markedText(t *testing.T, f *excelize.File, sheet, ref string) bool {
	t.Helper()
	typ, err := f.GetCellType(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	if typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
		return false
	}
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	xfs := f.Styles.CellXfs.Xf
	return id >= 0 && id < len(xfs) && xfs[id].QuotePrefix != nil && *xfs[id].QuotePrefix
}

// TestXLSXTextCells: text that a spreadsheet could take for a formula is a
// string cell marked as text and shows as written; other text has no
// mark; a change keeps its sign and stays a number.
func TestXLSXTextCells(t *testing.T) {
	wb, err := NewWorkbook("fi")
	if err != nil {
		t.Fatal(err)
	}
	up, down := Int(8), Int(-2)
	up.Signed, down.Signed = true, true
	tbl := Table{Name: "T", RowHeader: -1, Header: []string{"=A1", "Teksti", "Muutos"}, Rows: [][]Cell{
		{Text(`=HYPERLINK("http://x","y")`), Text("tavallinen"), up},
		{Text("@SUM(1+1)"), Text("-2 astetta"), down},
	}}
	if _, err := wb.AddTable(tbl, SheetOptions{}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := wb.Write(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, tc := range []struct {
		ref, shown string
		marked     bool
	}{
		{"A1", "=A1", true},
		{"B1", "Teksti", false},
		{"A2", `=HYPERLINK("http://x","y")`, true},
		{"B2", "tavallinen", false},
		{"A3", "@SUM(1+1)", true},
		{"B3", "-2 astetta", true},
		{"C2", "+8", false},
		{"C3", "−2", false},
	} {
		got, err := f.GetCellValue("T", tc.ref)
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.shown {
			t.Errorf("%s shows %q, want %q", tc.ref, got, tc.shown)
		}
		if formula, _ := f.GetCellFormula("T", tc.ref); formula != "" {
			t.Errorf("%s holds a formula %q", tc.ref, formula)
		}
		if m := tc.marked && markedText(t, f, "T", tc.ref); m != tc.marked {
			t.Errorf("%s marked as text: %v, want %v", tc.ref, m, tc.marked)
		}
	}
	raw, err := f.GetCellValue("T", "C2", excelize.Options{RawCellValue: true})
	if err != nil || raw != "8" {
		t.Errorf("the change is stored as %q (%v), want the number 8", raw, err)
	}
}
