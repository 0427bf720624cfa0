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
	d := &Document{Lang: "fi", Sections: []Section{{Heading: "Taulukko", Sheet: "T", Blocks: []Block{&DocTable{RowHeader: -1,
		Header: []string{"=A1", "Teksti", "Muutos"}, Rows: [][]Value{
			{VText(`=HYPERLINK("http://x","y")`), VText("tavallinen"), VChange(8, 0)},
			{VText("@SUM(1+1)"), VText("-2 astetta"), VChange(-2, 0)},
			{VText("tavallinen"), VText("+14,1 alkaa plussalla"), VChange(14.1, 1)},
		}}}}}}
	var buf bytes.Buffer
	if err := WriteDocXLSX(&buf, d); err != nil {
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
		{"A2", "=A1", true},
		{"B2", "Teksti", false},
		{"A3", `=HYPERLINK("http://x","y")`, true},
		{"B3", "tavallinen", false},
		{"A4", "@SUM(1+1)", true},
		{"B4", "-2 astetta", true},
		{"B5", "+14,1 alkaa plussalla", true},
		{"C3", "+8", false},
		{"C4", "−2", false},
		{"C5", "+14.1", false},
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
		if m := markedText(t, f, "T", tc.ref); m != tc.marked {
			t.Errorf("%s marked as text: %v, want %v", tc.ref, m, tc.marked)
		}
	}
	raw, err := f.GetCellValue("T", "C3", excelize.Options{RawCellValue: true})
	if err != nil || raw != "8" {
		t.Errorf("the change is stored as %q (%v), want the number 8", raw, err)
	}
}
