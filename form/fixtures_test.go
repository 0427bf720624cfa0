package form_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite the spreadsheet fixtures under testdata")

// The fixtures: filled workbooks and CSV files under ../testdata/sheets
// (the command-line scripts score them) and malformed inputs under
// ../testdata/bad (see bad_fixtures_test.go). They are made by the helpers
// in this package with -update and checked here on every run.

const sheetsDir = "../testdata/sheets"

type fixture struct {
	file   string
	yaml   string // the answers it holds; "" for a file with problems
	set    string
	make   func(t *testing.T) []byte
	errors []string // for a file with problems: the start of each
}

func fixtures() []fixture {
	kateva := "../testdata/services/kateva-2026-11.yaml"
	stadi := "../testdata/services/stadi-2026-10.yaml"
	xlsx := func(yaml, set, lang string) func(t *testing.T) []byte {
		return func(t *testing.T) []byte {
			return filledTemplate(t, builtinSet(t, set), readYAMLFile(t, yaml), lang)
		}
	}
	csvFile := func(yaml string, st csvStyle) func(t *testing.T) []byte {
		return func(t *testing.T) []byte {
			return fillCSV(t, builtinSet(t, "tyokyky"), readYAMLFile(t, yaml), st)
		}
	}
	return []fixture{
		{file: "kateva-2026-11.xlsx", yaml: kateva, set: "tyokyky", make: xlsx(kateva, "tyokyky", "fi")},
		{file: "stadi-2026-10-en.xlsx", yaml: stadi, set: "tyokyky", make: xlsx(stadi, "tyokyky", "en")},
		{file: "kateva-2026-11-libreoffice.xlsx", yaml: kateva, set: "tyokyky", make: func(t *testing.T) []byte {
			prog := soffice(t)
			return resave(t, prog, recalcProfile(t), xlsx(kateva, "tyokyky", "fi")(t))
		}},
		{file: "kateva-2026-11-excel.csv", yaml: kateva, set: "tyokyky",
			make: csvFile(kateva, csvStyle{comma: ';', decimalComma: true, encoding: "windows-1252", lang: "fi", checkedByNums: true})},
		{file: "stadi-2026-10-utf8.csv", yaml: stadi, set: "tyokyky",
			make: csvFile(stadi, csvStyle{comma: ',', encoding: "utf-8", lang: "en"})},
		{file: "virheellinen.xlsx", make: brokenXLSX, errors: []string{
			`virheellinen.xlsx: Arviointi!E7: criterion 1: the figure "paljon" is not a number`,
			`virheellinen.xlsx: Arviointi!D11: criterion 4: level "7" is not 1–5`,
			`virheellinen.xlsx: Arviointi!E13: criterion 5: the mark "joo" is not accepted`,
			`virheellinen.xlsx: Tiedot!C10: the date "huomenna" is not accepted`,
		}},
		{file: "virheellinen.csv", make: brokenCSV, errors: []string{
			`virheellinen.csv:12: Taso: criterion 1: level "7" is not 1–5`,
			`virheellinen.csv:13: Luku: criterion 2: the figure "paljon" is not a number`,
		}},
	}
}

func brokenXLSX(t *testing.T) []byte {
	return editTemplate(t, func(f *excelize.File, details, sheet string) {
		f.SetCellStr(details, "C10", "huomenna")
		f.SetCellStr(sheet, "D11", "7")
		f.SetCellStr(sheet, "E7", "paljon")
		f.SetCellStr(sheet, "E13", "joo")
	})
}

func brokenCSV(t *testing.T) []byte {
	b := fillCSV(t, builtinSet(t, "tyokyky"), readYAMLFile(t, "../testdata/services/kateva-2026-11.yaml"),
		csvStyle{comma: ';', decimalComma: true, bom: true, encoding: "utf-8", lang: "fi", checkedByNums: true})
	lines := strings.Split(string(b), "\r\n")
	for i, l := range lines {
		switch {
		case strings.HasPrefix(l, "1;"):
			lines[i] = "1;Asiakasmäärä;7;;;;"
		case strings.HasPrefix(l, "2;"):
			lines[i] = "2;Fokus;4;paljon;;;"
		}
	}
	return []byte(strings.Join(lines, "\r\n"))
}

// TestFixtures checks each fixture against the answers it holds (or the
// problems it has), and rewrites them with -update.
func TestFixtures(t *testing.T) {
	if *update {
		for _, fx := range fixtures() {
			writeFixture(t, filepath.Join(sheetsDir, fx.file), fx.make(t))
		}
		for name, b := range badFiles(t) {
			writeFixture(t, filepath.Join(badDir, filepath.FromSlash(name)), b)
		}
	}
	for _, fx := range fixtures() {
		t.Run(fx.file, func(t *testing.T) {
			path := filepath.Join(sheetsDir, fx.file)
			got, err := form.ReadFile(path)
			if fx.yaml == "" {
				lines := problemLines(t, err)
				if len(lines) != len(fx.errors) {
					t.Fatalf("got %d problems, want %d:\n%s", len(lines), len(fx.errors), strings.Join(lines, "\n"))
				}
				for i, want := range fx.errors {
					if !strings.HasPrefix(lines[i], strings.Replace(want, fx.file, path, 1)) {
						t.Errorf("problem %d:\ngot  %s\nwant %s…", i, lines[i], want)
					}
				}
				return
			}
			if err != nil {
				t.Fatalf("ReadFile: %v", err)
			}
			want := readYAMLFile(t, fx.yaml)
			sameScores(t, builtinSet(t, fx.set), want, got)
			sameAnswers(t, want, got)
		})
	}
	// The generated malformed inputs are on disk (the command-line table
	// test checks what laatu says about each) and none reads.
	for name := range badFiles(t) {
		path := filepath.Join(badDir, filepath.FromSlash(name))
		if _, err := os.Stat(path); err != nil {
			t.Errorf("%s: %v; run go test ./form -run Fixtures -update", path, err)
			continue
		}
		if strings.Contains(name, "/") {
			continue // a criteria set or profile, not an assessment
		}
		a, err := form.ReadFile(path)
		if err != nil {
			continue
		}
		// Read, it must still not fit a criteria set: another version, or
		// a set that is not built in.
		if set, ok := criteria.Builtin(a.Criteria); ok && len(form.Check(a, set)) == 0 {
			t.Errorf("%s: read and checked without an error", path)
		}
	}
}

func writeFixture(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
