package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/laatu-fi/laatu/internal/testtool"
	"github.com/laatu-fi/laatu/scoring"
	"github.com/xuri/excelize/v2"
)

// A provider's name is whatever the assessment file says. These names would
// run as formulas in a spreadsheet or as markup in a page.
const (
	evilProvider = `=HYPERLINK("http://x","y")`
	evilUnit     = `@SUM(1+1)<script>alert(1)</script>`
)

// evilComparison is the sample comparison with one service renamed.
func evilComparison(t testing.TB) *scoring.Comparison {
	snaps := sampleSnapshots(t)
	for i := range snaps {
		if strings.Contains(snaps[i].Source, "stadi") {
			snaps[i].Provider, snaps[i].Unit = evilProvider, evilUnit
		}
	}
	return scoring.Compare(snaps, scoring.MainSet(snaps), scoring.CompareOptions{})
}

func TestCompareCSVNeutralisesFormulas(t *testing.T) {
	c := evilComparison(t)
	for _, tc := range []struct {
		name string
		opt  CompareOptions
	}{
		{"long", CompareOptions{Lang: "fi"}},
		{"summary", CompareOptions{Lang: "fi", Table: TableSummary}},
		{"long excel", CompareOptions{Lang: "fi", CSV: CSVOptions{Excel: true}}},
		{"summary excel", CompareOptions{Lang: "fi", Table: TableSummary, CSV: CSVOptions{Excel: true}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := CompareCSV(&buf, c, tc.opt); err != nil {
				t.Fatal(err)
			}
			r := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), utf8BOM)))
			if tc.opt.CSV.Excel {
				r.Comma = ';'
			}
			records, err := r.ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			found := 0
			for _, rec := range records {
				for _, field := range rec {
					if strings.Contains(field, "HYPERLINK") || strings.Contains(field, "SUM(") {
						found++
						if field != "'"+evilProvider && field != "'"+evilUnit {
							t.Errorf("field %q is not neutralised", field)
						}
					}
				}
			}
			if found == 0 {
				t.Fatal("the renamed service is not in the CSV")
			}
		})
	}
}

func TestCompareXLSXNeutralisesFormulas(t *testing.T) {
	c := evilComparison(t)
	var buf bytes.Buffer
	if err := CompareXLSX(&buf, c, CompareOptions{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for col, v := range row {
				ref := CellName(col, r+1)
				if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
					t.Errorf("%s!%s holds a formula %q", sheet, ref, formula)
				}
				if strings.Contains(v, "HYPERLINK") || strings.Contains(v, "SUM(") {
					found++
					if strings.HasPrefix(v, "'") || !markedText(t, f, sheet, ref) {
						t.Errorf("%s!%s = %q is not a cell marked as text", sheet, ref, v)
					}
				}
			}
		}
	}
	if found < 3 {
		t.Fatalf("the renamed service appears in %d cells, want it in the summary, matrix and recommendations", found)
	}
}

func TestCompareXLSXNeutralisedInLibreOffice(t *testing.T) {
	soffice := testtool.Require(t, "soffice", "libreoffice")
	c := evilComparison(t)
	xlsx := writeTemp(t, "evil.xlsx", func(b *bytes.Buffer) error { return CompareXLSX(b, c, CompareOptions{Lang: "en"}) })
	sheets := sofficeCSV(t, soffice, xlsx)
	summary := sheets["Summary"]
	// LibreOffice shows the text as written, with no apostrophe (the cell is
	// marked as text): a formula would show "y" or 2.
	if !strings.Contains(summary, `,"=HYPERLINK(""http://x"",""y"")",`) {
		t.Errorf("LibreOffice does not show the provider's name as text:\n%s", summary)
	}
	if !strings.Contains(summary, `,@SUM(1+1)<script>`) {
		t.Errorf("LibreOffice does not show the unit's name as text:\n%s", summary)
	}
}

func TestCompareHTMLEscapes(t *testing.T) {
	c := evilComparison(t)
	var buf bytes.Buffer
	if err := CompareHTML(&buf, c, CompareOptions{Lang: "fi"}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	if strings.Contains(page, "<script>") || strings.Contains(page, "<a ") {
		t.Error("a name from an assessment file became markup")
	}
	for _, want := range []string{
		`=HYPERLINK(&#34;http://x&#34;,&#34;y&#34;)`,
		`@SUM(1+1)&lt;script&gt;alert(1)&lt;/script&gt;`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page does not show %q as text", want)
		}
	}
}

func TestCompareMarkdownEscapes(t *testing.T) {
	c := evilComparison(t)
	var buf bytes.Buffer
	if err := CompareMarkdown(&buf, c, CompareOptions{Lang: "fi"}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "<script>") {
		t.Error("markup from an assessment file reached the Markdown")
	}
}
