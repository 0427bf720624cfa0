package form_test

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/scoring"
	"github.com/xuri/excelize/v2"
)

// Helpers that fill a template the way people do in Excel and LibreOffice,
// for the round-trip, LibreOffice and fixture tests.

func builtinSet(t testing.TB, id string) *criteria.Set {
	t.Helper()
	set, ok := criteria.Builtin(id)
	if !ok {
		t.Fatalf("no built-in set %q", id)
	}
	return set
}

func readYAMLFile(t testing.TB, path string) *form.Assessment {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a, err := form.ReadYAML(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func templateBytes(t testing.TB, set *criteria.Set, lang string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := form.WriteXLSXTemplate(&buf, set, lang); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sheetsOf finds the details and assessment sheets by their markers, as a
// person finds them by their tabs.
func sheetsOf(t testing.TB, f *excelize.File) (details, assessment string) {
	t.Helper()
	for _, name := range f.GetSheetList() {
		switch v, _ := f.GetCellValue(name, "A1"); v {
		case form.MarkerDetails:
			details = name
		case form.MarkerAssessment:
			assessment = name
		}
	}
	if details == "" || assessment == "" {
		t.Fatalf("laatu sheets not found in %v", f.GetSheetList())
	}
	return details, assessment
}

// detailCell returns the value cell of a details row by its key.
func detailCell(t testing.TB, f *excelize.File, sheet, key string) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == key {
			return form.DetailsValueColumn() + strconv.Itoa(i+1)
		}
	}
	t.Fatalf("no details row %q", key)
	return ""
}

// fill writes a's answers into the template f, varying how each value is
// typed so that every form a spreadsheet stores is read back: levels as
// numbers, as text "4", "4,0", "4.0" and as a drop-down text "4 – …",
// figures as numbers, as text with a decimal comma and as a per cent,
// checklist marks as x, X, kyllä, TRUE, and ei for elements not present.
func fill(t testing.TB, f *excelize.File, set *criteria.Set, a *form.Assessment) {
	t.Helper()
	check := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	details, sheet := sheetsOf(t, f)
	check(f.SetCellStr(details, detailCell(t, f, details, "provider"), a.Provider))
	check(f.SetCellStr(details, detailCell(t, f, details, "unit"), a.Unit))
	if !a.Date.IsZero() {
		// Finnish Excel turns 24.11.2026 into a day number with a date format.
		check(f.SetCellValue(details, detailCell(t, f, details, "date"), a.Date))
	}
	check(f.SetCellStr(details, detailCell(t, f, details, "raters"), strings.Join(a.Raters, ", ")))
	if a.Notes != "" {
		check(f.SetCellStr(details, detailCell(t, f, details, "notes"), a.Notes))
	}
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 9}) // 0 %
	check(err)
	for _, it := range a.Items {
		c := set.Criterion(it.Criterion)
		level, figure := form.Cell(set, it.Criterion, "level"), form.Cell(set, it.Criterion, "figure")
		n := it.Criterion
		if it.Level != 0 {
			switch n % 6 {
			case 0:
				check(f.SetCellInt(sheet, level, int64(it.Level)))
			case 1:
				check(f.SetCellStr(sheet, level, strconv.Itoa(it.Level)+",0"))
			case 2:
				check(f.SetCellStr(sheet, level, strconv.Itoa(it.Level)+" – "+c.Anchor(it.Level).In("fi")))
			case 3:
				check(f.SetCellFloat(sheet, level, float64(it.Level), 1, 64))
			case 4:
				check(f.SetCellStr(sheet, level, " "+strconv.Itoa(it.Level)+" "))
			case 5:
				check(f.SetCellStr(sheet, level, strconv.Itoa(it.Level)+".0"))
			}
		}
		if it.Figure != nil {
			x := *it.Figure
			switch {
			case n%3 == 0:
				check(f.SetCellFloat(sheet, figure, x, -1, 64))
			case n%3 == 1:
				check(f.SetCellStr(sheet, figure, strings.Replace(strconv.FormatFloat(x, 'f', -1, 64), ".", ",", 1)))
			case c.Measure.Unit.In("en") == "%":
				// Typed as "92 %": stored as 0.92 in a per cent format.
				check(f.SetCellFloat(sheet, figure, x/100, -1, 64))
				check(f.SetCellStyle(sheet, figure, figure, pct))
			default:
				check(f.SetCellFloat(sheet, figure, x, -1, 64))
			}
		}
		if it.Checked != nil {
			present := map[string]bool{}
			for _, id := range it.Checked {
				present[id] = true
			}
			yes := []any{"x", "X", "kyllä", true, " x "}
			for i, e := range c.Checklist.Elements {
				cell := form.MarkCell(set, n, i)
				if present[e.ID] {
					check(f.SetCellValue(sheet, cell, yes[i%len(yes)]))
				} else if i%2 == 0 {
					check(f.SetCellStr(sheet, cell, "ei"))
				}
			}
		}
		if it.Note != "" {
			check(f.SetCellStr(sheet, form.Cell(set, n, "note"), it.Note))
		}
		if it.Evidence != "" {
			check(f.SetCellStr(sheet, form.Cell(set, n, "evidence"), it.Evidence))
		}
	}
}

// filledTemplate writes the template for a's set and fills it with a.
func filledTemplate(t testing.TB, set *criteria.Set, a *form.Assessment, lang string) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(templateBytes(t, set, lang)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fill(t, f, set, a)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sameScores fails unless got scores exactly as want: every item's given,
// implied and used level, figure, checklist count, note and evidence, the
// domain sums, total and band.
func sameScores(t testing.TB, set *criteria.Set, want, got *form.Assessment) {
	t.Helper()
	if ps := form.Check(got, set); len(ps) > 0 {
		t.Fatalf("Check: %v", ps)
	}
	w, g := scoring.Score(set, want), scoring.Score(set, got)
	if diff := cmp.Diff(w, g, cmpopts.IgnoreFields(scoring.Result{}, "Assessment"), cmpopts.EquateEmpty(),
		// Both results refer to the one set; compare by identity.
		cmp.Comparer(func(a, b *criteria.Set) bool { return a == b })); diff != "" {
		t.Errorf("scores differ (-yaml +read back):\n%s", diff)
	}
}

// sameAnswers compares two assessments as answers, leaving out where each
// answer stood in its file.
func sameAnswers(t testing.TB, want, got *form.Assessment) {
	t.Helper()
	opts := cmp.Options{
		cmpopts.IgnoreFields(form.Assessment{}, "Source", "CriteriaPlace"),
		cmpopts.IgnoreFields(form.Item{}, "Place"),
	}
	if diff := cmp.Diff(want, got, opts); diff != "" {
		t.Errorf("answers differ (-want +got):\n%s", diff)
	}
}
