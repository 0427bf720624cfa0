package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/scoring"
	"github.com/xuri/excelize/v2"
)

// sampleEvaluation checks the three sample bids in testdata/bids against
// version 1 of the built-in profile (testdata/profiles), every key
// criterion a minimum requirement and no comparison, with quality points
// out of pointsMax: a profile made before issue 15 reads and reports as it
// did.
func sampleEvaluation(t *testing.T, pointsMax float64) *scoring.Evaluation {
	t.Helper()
	set, _ := criteria.Builtin(criteria.DefaultID)
	p := oldProfile(t)
	paths, err := filepath.Glob("../testdata/bids/*.yaml")
	if err != nil || len(paths) != 3 {
		t.Fatalf("sample bids: %v %v", paths, err)
	}
	var results []scoring.Result
	for _, path := range paths {
		a, err := form.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		// Reports name files as the user gave them; keep goldens free of
		// the test's relative path.
		a.Source = "testdata/bids/" + filepath.Base(path)
		if ps := form.Check(a, set); len(ps) > 0 {
			t.Fatal(ps.Err())
		}
		results = append(results, scoring.Score(set, a))
	}
	e := scoring.Evaluate(p, set, results, pointsMax)
	return &e
}

// oldProfile is version 1 of the built-in profile, named as the built-in
// one is (no file).
func oldProfile(t *testing.T) *criteria.Profile {
	t.Helper()
	f, err := os.Open("../testdata/profiles/te-tyohonvalmennus-v1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := criteria.LoadProfile(f, "te-tyohonvalmennus-v1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p.Origin = ""
	return p
}

func TestCheckGolden(t *testing.T) {
	renderers := map[string]func(w *bytes.Buffer, e *scoring.Evaluation, opt CheckOptions) error{
		"txt":  func(w *bytes.Buffer, e *scoring.Evaluation, o CheckOptions) error { return CheckText(w, e, o) },
		"md":   func(w *bytes.Buffer, e *scoring.Evaluation, o CheckOptions) error { return CheckMarkdown(w, e, o) },
		"json": func(w *bytes.Buffer, e *scoring.Evaluation, o CheckOptions) error { return CheckJSONOut(w, e, o) },
	}
	renderers["html"] = func(w *bytes.Buffer, e *scoring.Evaluation, o CheckOptions) error { return CheckHTML(w, e, o) }
	renderers["csv"] = func(w *bytes.Buffer, e *scoring.Evaluation, o CheckOptions) error { return CheckCSV(w, e, o) }
	renderers["xlsx.txt"] = func(w *bytes.Buffer, e *scoring.Evaluation, o CheckOptions) error {
		var x bytes.Buffer
		if err := CheckXLSX(&x, e, o); err != nil {
			return err
		}
		return dumpXLSX(w, x.Bytes())
	}
	for ext, render := range renderers {
		for _, lang := range []string{"fi", "en"} {
			for _, points := range []float64{0, 40} {
				name := "check-" + lang
				if points > 0 {
					name += "-points"
				}
				t.Run(name+"."+ext, func(t *testing.T) {
					var buf bytes.Buffer
					if err := render(&buf, sampleEvaluation(t, points), CheckOptions{Lang: lang}); err != nil {
						t.Fatal(err)
					}
					golden(t, filepath.Join("check", name+"."+ext), buf.Bytes())
				})
			}
		}
	}
}

// TestCheckCSVVariants covers the ranking table and the Finnish-Excel
// dialect (semicolons, decimal comma, BOM).
func TestCheckCSVVariants(t *testing.T) {
	for _, tc := range []struct {
		name string
		opt  CheckOptions
	}{
		{"check-summary.csv", CheckOptions{Lang: "fi", Table: CheckTableSummary}},
		{"check-summary-excel.csv", CheckOptions{Lang: "fi", Table: CheckTableSummary, CSV: CSVOptions{Excel: true}}},
		{"check-long-excel.csv", CheckOptions{Lang: "fi", CSV: CSVOptions{Excel: true}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := CheckCSV(&buf, sampleEvaluation(t, 40), tc.opt); err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("check", tc.name), buf.Bytes())
		})
	}
}

// TestCheckFormulaInjection: a bidder's name or note that a spreadsheet
// would run as a formula comes out inert in CSV and XLSX, and as text in
// HTML.
func TestCheckFormulaInjection(t *testing.T) {
	const evil = `=HYPERLINK("http://x","y")`
	e := sampleEvaluation(t, 40)
	e.Bids[0].Result.Assessment = &form.Assessment{Provider: evil, Unit: "@SUM(A1)", Source: "x.yaml"}
	e.Bids[0].Checks[0].Item.Note = "+1 " + evil
	opt := CheckOptions{Lang: "fi"}

	for _, table := range []string{CheckTableLong, CheckTableSummary} {
		var buf bytes.Buffer
		opt.Table = table
		if err := CheckCSV(&buf, e, opt); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if !strings.Contains(out, `'=HYPERLINK(""http://x"",""y"")`) || strings.Contains(out, `,"=HYPERLINK`) || strings.Contains(out, ",=") {
			t.Errorf("%s CSV: formula not neutralised:\n%s", table, out)
		}
		if strings.Contains(out, ",@SUM") || strings.Contains(out, ",+1 ") {
			t.Errorf("%s CSV: @ or + cell not neutralised", table)
		}
	}

	var x bytes.Buffer
	if err := CheckXLSX(&x, e, opt); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(x.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c := range row {
				cell := CellName(c, r+1)
				if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
					t.Errorf("%s!%s holds a formula %q", sheet, cell, formula)
				}
				if v := row[c]; strings.HasPrefix(v, "'") || (strings.ContainsAny(v[:min(len(v), 1)], "=@+") && !markedText(t, f, sheet, cell)) {
					t.Errorf("%s!%s = %q starts like a formula and is not a cell marked as text", sheet, cell, v)
				}
			}
		}
	}

	var h bytes.Buffer
	if err := CheckHTML(&h, e, opt); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(h.String(), `"http://x"`) || !strings.Contains(h.String(), "=HYPERLINK(&#34;http://x&#34;,&#34;y&#34;)") {
		t.Errorf("HTML does not show the name as escaped text")
	}
}

// TestCheckJSONContract pins the fields scripts rely on: per bid meets, per
// key criterion status, and the schema.
func TestCheckJSONContract(t *testing.T) {
	var buf bytes.Buffer
	if err := CheckJSONOut(&buf, sampleEvaluation(t, 40), CheckOptions{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Schema   string `json:"schema"`
		MeetsAll bool   `json:"meets_all"`
		Bids     []struct {
			File     string `json:"file"`
			Rank     int    `json:"rank"`
			Meets    bool   `json:"meets"`
			Points   *struct{ Relative float64 }
			Criteria []struct {
				Criterion int    `json:"criterion"`
				Status    string `json:"status"`
			} `json:"criteria"`
		} `json:"bids"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	type bidSummary struct {
		File   string
		Rank   int
		Meets  bool
		Points bool
		Status map[string][]int
	}
	var got []bidSummary
	for _, b := range doc.Bids {
		s := bidSummary{File: filepath.Base(b.File), Rank: b.Rank, Meets: b.Meets, Points: b.Points != nil, Status: map[string][]int{}}
		for _, c := range b.Criteria {
			s.Status[c.Status] = append(s.Status[c.Status], c.Criterion)
		}
		got = append(got, s)
	}
	want := []bidSummary{
		{"tarjous-a-tyopolku.yaml", 1, true, true, map[string][]int{"pass": {1, 2, 3, 4, 5, 6, 14, 15, 16, 17, 18, 22}}},
		{"tarjous-b-valmennusaalto.yaml", 2, false, false, map[string][]int{"fail": {1}, "pass": {2, 3, 4, 5, 6, 14, 15, 16, 17, 18, 22}}},
		{"tarjous-c-uusisuunta.yaml", 3, false, false, map[string][]int{"pass": {1, 2, 3, 4, 5, 6, 15, 16, 18}, "unanswered": {14, 17, 22}}},
	}
	if doc.Schema != CheckSchema || doc.MeetsAll {
		t.Errorf("schema %q meets_all %v", doc.Schema, doc.MeetsAll)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("bids (-want +got):\n%s", diff)
	}
}

// TestCheckTextEscapes makes sure a bidder's text cannot break the Markdown
// table it lands in.
func TestCheckMarkdownEscapes(t *testing.T) {
	e := sampleEvaluation(t, 0)
	e.Bids[0].Result.Assessment = &form.Assessment{Provider: "A | B <script>", Source: "x.yaml"}
	e.Bids[0].Checks[0].Item.Note = "rivi 1\nrivi 2 | *tähti*"
	var buf bytes.Buffer
	if err := CheckMarkdown(&buf, e, CheckOptions{Lang: "fi"}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"A | B", "<script>", "rivi 1\nrivi 2", "*tähti*"} {
		if strings.Contains(out, bad) {
			t.Errorf("markdown contains unescaped %q", bad)
		}
	}
	if !strings.Contains(out, `A \| B &lt;script&gt;`) || !strings.Contains(out, `rivi 1 rivi 2 \| \*tähti\*`) {
		t.Errorf("escaped texts missing:\n%s", out)
	}
}
