package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// badDir holds malformed inputs for every reader: assessments (YAML, XLSX,
// CSV) at the top, criteria sets under criteria/, procurement profiles
// under profiles/. form's TestFixtures makes the generated ones.
const badDir = "../../testdata/bad"

// badInputs is what laatu says about each file in badDir (in English): each
// line must appear in what it prints. check, when set, is what laatu check
// says instead (it scores every bid against its profile's set, so a file
// made for another set is a mismatch rather than an unknown set).
type badInput struct {
	file  string
	want  []string
	check []string
}

// allBadInputs is every table of malformed inputs: this file's and those of
// the files beside it (bad_*_test.go), one per kind of fault.
func allBadInputs() []badInput {
	var all []badInput
	for _, t := range [][]badInput{badInputs, badInputsXLSX, badInputsCSV, badInputsYAML, badInputsOutput, badInputsRules, badInputsSheetInputs, badInputsReview, badInputsTender, badInputsCycleForm} {
		all = append(all, t...)
	}
	return all
}

var badInputs = []badInput{
	// Assessment files in YAML.
	{file: "syntax.yaml", want: []string{"syntax.yaml:3: the YAML is not valid: a [ … ] list is not closed with ], or a comma is missing between its items (the parser says: did not find expected ',' or ']')"}},
	{file: "truncated.yaml", want: []string{"truncated.yaml:6: the YAML is not valid: a quotation mark is not closed, so the file ends inside a value; check that every quotation mark has its pair (the parser says: found unexpected end of stream)"}},
	{file: "empty.yaml", want: []string{"empty.yaml: the file is empty"}},
	{file: "billion-laughs.yaml", want: []string{"billion-laughs.yaml:6: the file's aliases (*name) repeat anchored (&name) values to more than 1 MiB"}},
	{file: "aliased-raters.yaml", want: []string{"aliased-raters.yaml:4: the file's aliases (*name) repeat anchored (&name) values to more than 1 MiB"}},
	{file: "deep-nesting.yaml", want: []string{"deep-nesting.yaml:3: the YAML is not valid: it nests too many levels deep (the parser says: exceeded max depth of 10000)"}},
	{file: "level-out-of-range.yaml", want: []string{
		`level-out-of-range.yaml:5: criterion 1: level "0" is not 1–5: give a whole number 1–5`,
		`level-out-of-range.yaml:7: criterion 2: level "6" is not 1–5`,
		`level-out-of-range.yaml:9: criterion 3: level "4.5" is not 1–5`,
		`level-out-of-range.yaml:11: criterion 4: level "neljä" is not 1–5`,
		`level-out-of-range.yaml:13: criterion 5: level "1e400" is not 1–5`,
	}},
	{file: "long-value.yaml", want: []string{`long-value.yaml:5: criterion 1: level "` + strings.Repeat("4", 199) + `…" is not 1–5`}},
	{file: "duplicate-criterion.yaml", want: []string{"duplicate-criterion.yaml:8: criterion 1: the criterion is already answered at " + badDir + "/duplicate-criterion.yaml:4"}},
	{file: "duplicate-key.yaml", want: []string{`duplicate-key.yaml:6: the field "level" is already given on line 5; delete one of them`}},
	{file: "unknown-field.yaml", want: []string{`unknown-field.yaml:5: unknown field "levle"; accepted: checked, counts, criterion, evidence, figure, figures, inputs, level, note`}},
	{file: "wrong-types.yaml", want: []string{
		"wrong-types.yaml:3: key–value pairs is not accepted here: expected a list",
		`wrong-types.yaml:4: the value "kaikki ..." is not accepted: expected a list`,
	}},
	{file: "unknown-criterion.yaml", want: []string{
		"unknown-criterion.yaml:4: criterion 26 is not in criteria set tyokyky 2 (criteria 1–25)",
		"unknown-criterion.yaml:6: criterion 2: the figure 250 is outside the accepted range: it must be between 0 and 100",
		`unknown-criterion.yaml:8: criterion 5: there is no checklist element "coffee-together"; accepted: weekly-team-meeting`,
	}},
	{file: "wrong-version.yaml", want: []string{`wrong-version.yaml:1: the file is for version "9" of the criteria set, but tyokyky is version "2"; the levels are not comparable`}},
	{file: "unknown-set.yaml",
		want:  []string{`unknown-set.yaml:1: the assessment is for criteria set "uk-fidelity", which is not built in; give the set's file with --criteria`},
		check: []string{`unknown-set.yaml:1: the file is for criteria set "uk-fidelity" but "tyokyky" was chosen`}},
	{file: "windows-1252.yaml", want: []string{"windows-1252.yaml:2: the file is not UTF-8 text: this line has a character in another encoding (such as Windows-1252); save the file as UTF-8"}},
	{file: "utf-16-no-bom.yaml", want: []string{"utf-16-no-bom.yaml: the file is not text (it holds NUL bytes); save it as UTF-8 text – UTF-16 text must start with a byte order mark"}},

	// Workbooks that are not workbooks, or damaged ones.
	{file: "empty.xlsx", want: []string{"empty.xlsx: the file is empty"}},
	{file: "truncated.xlsx", want: []string{"truncated.xlsx: the workbook is damaged or cut short (zip: not a valid zip file); save or copy it again"}},
	{file: "damaged-zip.xlsx", want: []string{"damaged-zip.xlsx: the workbook is damaged or cut short (xl/sharedStrings.xml: zip: not a valid zip file)"}},
	{file: "lying-sizes.xlsx", want: []string{"lying-sizes.xlsx: the workbook is damaged or cut short (xl/worksheets/sheet1.xml: zip: not a valid zip file)"}},
	{file: "random-bytes.xlsx", want: []string{"random-bytes.xlsx: the file is not an Excel workbook (.xlsx); save it as .xlsx in Excel or LibreOffice"}},
	{file: "renamed-csv.xlsx", want: []string{"renamed-csv.xlsx: the file is not an Excel workbook but text; if it is a CSV file, give it the .csv extension"}},
	{file: "encrypted.xlsx", want: []string{"encrypted.xlsx: the workbook is encrypted with a password; save it without one"}},
	{file: "old-excel.xlsx", want: []string{"old-excel.xlsx: the file is an old Excel 97–2003 workbook (.xls) or another Office file"}},
	{file: "word-document.xlsx", want: []string{"word-document.xlsx: the file is a Word document (.docx), not an Excel workbook"}},
	{file: "libreoffice-ods.xlsx", want: []string{"libreoffice-ods.xlsx: LibreOffice spreadsheets (.ods) are not read; in LibreOffice, save the workbook as Excel 2007–365 (.xlsx)"}},
	// Bombs.
	{file: "zip-bomb.xlsx", want: []string{"zip-bomb.xlsx: the workbook unpacks to 1025 MiB but at most 64 MiB is allowed; it may be a zip bomb"}},
	{file: "far-cells.xlsx", want: []string{"far-cells.xlsx: Arviointi!XFD212: the workbook has more than 200000 cells to read (the empty cells left of a filled cell count too)"}},
	{file: "shared-strings-bomb.xlsx", want: []string{"shared-strings-bomb.xlsx: the workbook's part xl/sharedStrings.xml unpacks to 11 MiB, but laatu reads at most 8 MiB of one part"}},
	// Not laatu's template, or a broken one: missing and doubled sheets.
	{file: "not-a-template.xlsx", want: []string{`not-a-template.xlsx: the workbook is not a laatu template: no sheet has "laatu:details" in its hidden cell A1`}},
	{file: "no-assessment-sheet.xlsx", want: []string{`no-assessment-sheet.xlsx: the workbook is not a laatu template: no sheet has "laatu:assessment" in its hidden cell A1`}},
	{file: "marker-deleted.xlsx", want: []string{`marker-deleted.xlsx: the workbook is not a laatu template: no sheet has "laatu:details" in its hidden cell A1`}},
	{file: "two-assessment-sheets.xlsx", want: []string{"two-assessment-sheets.xlsx: Kopio: the workbook has two laatu sheets (Arviointi and Kopio); delete one"}},
	{file: "missing-column.xlsx", want: []string{`missing-column.xlsx: Arviointi: the template's column “Taso 1–5” is missing (its key level in the hidden row 1)`}},
	{file: "too-many-rows.xlsx", want: []string{"too-many-rows.xlsx: Arviointi: the sheet has more than 5000 rows; laatu reads at most 5000"}},
	// Answers laatu cannot take.
	{file: "merged-cells.xlsx", want: []string{"merged-cells.xlsx: Arviointi!D7:D8: the cells are merged, so the answers of all but the first cell are lost; unmerge them"}},
	{file: "formula-level.xlsx", want: []string{"formula-level.xlsx: Arviointi!D9: criterion 3: the cell holds a formula (=2+3) with no value saved for it"}},
	{file: "formula-date.xlsx", want: []string{"formula-date.xlsx: Tiedot!C10: the cell holds a formula (=TODAY()) whose value changes every time the workbook is opened"}},
	{file: "level-out-of-range.xlsx", want: []string{
		`level-out-of-range.xlsx: Arviointi!D7: criterion 1: level "7" is not 1–5`,
		`level-out-of-range.xlsx: Arviointi!D9: criterion 3: level "0" is not 1–5`,
		`level-out-of-range.xlsx: Arviointi!D11: criterion 4: level "4.5" is not 1–5`,
		`level-out-of-range.xlsx: Arviointi!D18: criterion 6: level "neljä" is not 1–5`,
	}},
	{file: "long-cell.xlsx", want: []string{`long-cell.xlsx: Arviointi!D7: criterion 1: level "` + strings.Repeat("neljä ", 33) + `n…" is not 1–5`}},
	{file: "duplicate-criterion.xlsx", want: []string{`duplicate-criterion.xlsx: Arviointi!A8: the field "item:1" is already given at Arviointi!A7`}},
	{file: "wrong-version.xlsx", want: []string{`wrong-version.xlsx: Tiedot!C5: the file is for version "9" of the criteria set, but tyokyky is version "2"`}},
	{file: "unknown-set.xlsx",
		want:  []string{`unknown-set.xlsx: Tiedot!C5: the assessment is for criteria set "uk-fidelity", which is not built in`},
		check: []string{`unknown-set.xlsx: Tiedot!C5: the file is for criteria set "uk-fidelity" but "tyokyky" was chosen`}},

	// CSV files.
	{file: "empty.csv", want: []string{"empty.csv: the file is empty"}},
	{file: "no-header.csv", want: []string{
		"no-header.csv: the heading row of the criteria is missing; its first cell is Nro and it also has a Taso column",
		`no-header.csv:3: 1: unknown field "1"; accepted: Kriteeristö, Kriteeristön versio`,
	}},
	{file: "unterminated-quote.csv", want: []string{
		"unterminated-quote.csv: the heading row of the criteria is missing",
		`unterminated-quote.csv:2: a value opened with a quotation mark (") on this line does not end with the line`,
	}},
	{file: "unknown-field.csv", want: []string{`unknown-field.csv:3: Postinumero: unknown field "Postinumero"; accepted: Kriteeristö, Kriteeristön versio`}},
	{file: "level-out-of-range.csv", want: []string{
		`level-out-of-range.csv:4: Taso: criterion 1: level "0" is not 1–5`,
		`level-out-of-range.csv:5: Taso: criterion 2: level "6" is not 1–5`,
		`level-out-of-range.csv:6: Taso: criterion 3: level "4,5" is not 1–5`,
		`level-out-of-range.csv:7: Taso: criterion 4: level "=1+3" is not 1–5`,
	}},
	{file: "long-cell.csv", want: []string{`long-cell.csv:6: Taso: criterion 1: level "` + strings.Repeat("4", 199) + `…" is not 1–5`}},
	{file: "duplicate-criterion.csv", want: []string{"duplicate-criterion.csv:6: criterion 1: the criterion is already answered at " + badDir + "/duplicate-criterion.csv:4"}},
	{file: "wrong-version.csv", want: []string{`wrong-version.csv:1: Kriteeristö: the file is for version "9" of the criteria set, but tyokyky is version "2"`}},
	{file: "from-workbook.csv", want: []string{"from-workbook.csv: the file is one sheet of a laatu workbook saved as CSV, and the other sheet is missing"}},
	{file: "too-many-rows.csv", want: []string{"too-many-rows.csv: the sheet has more than 5000 rows; laatu reads at most 5000"}},
	{file: "windows-1252.csv", want: []string{`windows-1252.csv:6: Taso: criterion 1: level "7" is not 1–5`}},
	{file: "utf-16.csv", want: []string{`utf-16.csv:6: Luku: criterion 2: the figure "paljon" is not a number`}},
	{file: "utf-16-truncated.csv", want: []string{"utf-16-truncated.csv: the file's character encoding is not recognised (the file starts with a UTF-16 mark but has an odd number of bytes: it is cut short)"}},
	{file: "utf-16-no-bom.csv", want: []string{"utf-16-no-bom.csv: the file is not text (it holds NUL bytes)"}},
	{file: "bad-utf-8-bom.csv", want: []string{"bad-utf-8-bom.csv: the file's character encoding is not recognised (the file starts with a UTF-8 mark but is not UTF-8)"}},
	{file: "workbook-named.csv", want: []string{"workbook-named.csv: the file is not a CSV file but an Excel workbook or another zip file; if it is a workbook, give it the .xlsx extension"}},

	// Criteria sets.
	{file: "criteria/syntax.yaml", want: []string{"criteria/syntax.yaml:3: the YAML is not valid: a { … } mapping is not closed with }, or a comma is missing between its entries (the parser says: did not find expected ',' or '}')"}},
	{file: "criteria/billion-laughs.yaml", want: []string{"criteria/billion-laughs.yaml:6: the file's aliases (*name) repeat anchored (&name) values to more than 1 MiB"}},
	{file: "criteria/windows-1252.yaml", want: []string{"criteria/windows-1252.yaml:4: the file is not UTF-8 text"}},
	{file: "criteria/missing-anchors.yaml", want: []string{
		"criteria/missing-anchors.yaml:16: criterion 1: anchor for level 3 is missing",
		"criteria/missing-anchors.yaml:19: criterion 1: anchors 4 has no text in language en",
	}},
	{file: "criteria/duplicate-criteria.yaml", want: []string{
		"criteria/duplicate-criteria.yaml:17: criterion 1: number 1 is already used on line 11",
		`criteria/duplicate-criteria.yaml:18: criterion 1: id "one" is already used on line 11`,
	}},
	{file: "criteria/bad-thresholds.yaml", want: []string{
		"criteria/bad-thresholds.yaml:24: criterion 1: the ranges of levels 1 and 2 overlap at 50",
		"criteria/bad-thresholds.yaml:26: criterion 1: level 7 is not accepted: levels are 1–5",
	}},

	// Procurement profiles.
	{file: "profiles/syntax.yaml", want: []string{"profiles/syntax.yaml:5: the YAML is not valid: a value holds a colon and a space, which read as the start of a new key; put the value in quotes, for example note: \"Note: important\" (the parser says: mapping values are not allowed in this context)"}},
	{file: "profiles/billion-laughs.yaml", want: []string{"profiles/billion-laughs.yaml:8: the file's aliases (*name) repeat anchored (&name) values to more than 1 MiB"}},
	{file: "profiles/wrong-types.yaml", want: []string{
		"profiles/wrong-types.yaml:1: a list is not accepted here: expected text",
		`profiles/wrong-types.yaml:3: the value "fi" is not accepted: expected a list`,
		"profiles/wrong-types.yaml:7: key–value pairs is not accepted here: expected a list",
	}},
	{file: "profiles/level-out-of-range.yaml", want: []string{
		"profiles/level-out-of-range.yaml:8: criterion 3: level 7 is not accepted: levels are 1–5",
		"profiles/level-out-of-range.yaml:10: criterion 14: no requirement given",
	}},
	{file: "profiles/unknown-criterion.yaml", want: []string{"profiles/unknown-criterion.yaml:7: criterion 26 is not in criteria set tyokyky 2"}},
	{file: "profiles/figure-without-measure.yaml", want: []string{"profiles/figure-without-measure.yaml:11: criterion 1: the figure's lower limit 30 is above its upper limit 20"}},
	{file: "profiles/unknown-set.yaml", want: []string{`profiles/unknown-set.yaml: the profile is for criteria set "uk-fidelity", which is not built in`}},
}

// TestBadInputs runs laatu on every malformed input in badDir with every
// command that reads its kind — assessments with score, compare and check,
// criteria sets with criteria validate and score --criteria, profiles with
// check --profile — writing to -o: each run prints the file's problems
// with their places, ends with status 1, and leaves the output folder
// empty (no report, no temporary file). A panic fails the test.
func TestBadInputs(t *testing.T) {
	badInputs := allBadInputs()
	if len(badInputs) < 30 {
		t.Fatalf("%d malformed inputs; the corpus wants at least 30", len(badInputs))
	}
	listed := map[string]bool{}
	for _, tc := range badInputs {
		if listed[tc.file] {
			t.Errorf("%s is listed twice", tc.file)
		}
		listed[tc.file] = true
	}
	// Every file on disk is in the table, and every file in the table on
	// disk: a new fixture cannot go untested.
	var onDisk []string
	filepath.WalkDir(badDir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(badDir, p)
			onDisk = append(onDisk, filepath.ToSlash(rel))
		}
		return err
	})
	for _, f := range onDisk {
		if !listed[f] {
			t.Errorf("%s/%s is not in badInputs", badDir, f)
		}
	}
	for f := range listed {
		if !slices.Contains(onDisk, f) {
			t.Errorf("%s is in badInputs but not in %s (run go test ./form -run Fixtures -update)", f, badDir)
		}
	}

	good := "../../testdata/services/kateva-2026-11.yaml"
	bid := "../../testdata/bids/tarjous-a-tyopolku.yaml"
	for _, tc := range badInputs {
		t.Run(tc.file, func(t *testing.T) {
			path := badDir + "/" + tc.file
			type run struct {
				args []string
				want []string
			}
			var runs []run
			out := func(name string) string { return filepath.Join(t.TempDir(), name) }
			switch {
			case strings.HasPrefix(tc.file, "criteria/"):
				runs = []run{
					{[]string{"criteria", "validate", path}, tc.want},
					{[]string{"score", "--criteria", path, "-o", out("raportti.md"), good}, tc.want},
				}
			case strings.HasPrefix(tc.file, "profiles/"):
				runs = []run{{[]string{"check", "--profile", path, "-o", out("vertailu.md"), bid}, tc.want}}
			default:
				check := tc.want
				if tc.check != nil {
					check = tc.check
				}
				runs = []run{
					{[]string{"score", "-o", out("raportti.md"), path}, tc.want},
					{[]string{"compare", "-o", out("vertailu.html"), path}, tc.want},
					{[]string{"check", "-o", out("tarjoukset.xlsx"), path}, check},
				}
				if tc.want == nil {
					// Bad only for check (a tender bid's answers):
					// score and compare leave them out.
					runs = runs[2:]
				}
			}
			for _, r := range runs {
				dir := ""
				for i, a := range r.args {
					if i > 0 && r.args[i-1] == "-o" {
						dir = filepath.Dir(a)
					}
				}
				code, stdout, stderr := runLaatu(t, "", append([]string{"--lang", "en"}, r.args...)...)
				if code != exitBadInput {
					t.Errorf("laatu %s: status %d, want %d\n%s", strings.Join(r.args, " "), code, exitBadInput, stderr)
				}
				for _, w := range r.want {
					if !strings.Contains(stderr, w) {
						t.Errorf("laatu %s: the message lacks\n  %s\ngot:\n%s", strings.Join(r.args, " "), w, stderr)
					}
				}
				if stdout != "" {
					t.Errorf("laatu %s wrote to standard output:\n%s", strings.Join(r.args, " "), stdout)
				}
				if dir != "" {
					if entries, _ := os.ReadDir(dir); len(entries) > 0 {
						t.Errorf("laatu %s left %s in the output folder", strings.Join(r.args, " "), entries[0].Name())
					}
				}
				// In Finnish too: every text exists, no format goes unfilled.
				code, _, stderr = runLaatu(t, "", r.args...)
				if code != exitBadInput || strings.Contains(stderr, "%!") || strings.Contains(stderr, "harden.") ||
					!strings.Contains(stderr, filepath.Base(tc.file)) {
					t.Errorf("laatu %s in Finnish: status %d\n%s", strings.Join(r.args, " "), code, stderr)
				}
			}
		})
	}
}
