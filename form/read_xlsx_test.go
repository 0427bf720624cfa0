package form_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
	"github.com/xuri/excelize/v2"
)

// TestXLSXRoundTrip writes the template, fills it as a user would, reads
// it back and expects the scores of the YAML form of the same answers.
func TestXLSXRoundTrip(t *testing.T) {
	for _, tc := range []struct{ file, set, lang string }{
		{"kateva-2026-11.yaml", "tyokyky", "fi"},
		{"stadi-2026-10.yaml", "tyokyky", "en"},
		{"lempaala-2026-09.yaml", "tyokyky", "fi"},
		{"vantaa-kerava-2026-11.yaml", "tyokyky", "en"},
		{"siunsote-ips-2026-06.yaml", "ips", "fi"},
	} {
		t.Run(tc.file+"/"+tc.lang, func(t *testing.T) {
			set := builtinSet(t, tc.set)
			want := readYAMLFile(t, "../testdata/services/"+tc.file)
			b := filledTemplate(t, set, want, tc.lang)
			got, err := form.ReadXLSX(bytes.NewReader(b), "arvio.xlsx", form.DefaultLimits)
			if err != nil {
				t.Fatalf("ReadXLSX: %v", err)
			}
			sameAnswers(t, want, got)
			sameScores(t, set, want, got)
		})
	}
}

// TestXLSXBlankLevelAndChecklistOnly: a blank level is missing, never 0,
// and a checklist answered with marks alone implies the level.
func TestXLSXBlankLevelAndChecklistOnly(t *testing.T) {
	set := builtinSet(t, "tyokyky")
	want := readYAMLFile(t, "../testdata/services/kateva-2026-11.yaml")
	want.Items = want.Items[:0:0]
	f := 23.7
	want.SetItem(form.Item{Criterion: 1, Figure: &f})                                // level blank: implied 4
	want.SetItem(form.Item{Criterion: 5, Checked: []string{}})                       // all "ei": level 1
	want.SetItem(form.Item{Criterion: 13, Checked: []string{"pros-cons-discussed"}}) // one mark: level 2
	want.SetItem(form.Item{Criterion: 14, Note: "ei vielä arvioitu"})                // note only
	b := filledTemplate(t, set, want, "fi")
	got, err := form.ReadXLSX(bytes.NewReader(b), "arvio.xlsx", form.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	sameAnswers(t, want, got)
	sameScores(t, set, want, got)
}

// editTemplate returns the filled kateva template after edit has changed it.
func editTemplate(t *testing.T, edit func(f *excelize.File, details, sheet string)) []byte {
	t.Helper()
	set := builtinSet(t, "tyokyky")
	a := readYAMLFile(t, "../testdata/services/kateva-2026-11.yaml")
	f, err := excelize.OpenReader(bytes.NewReader(filledTemplate(t, set, a, "fi")))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	details, sheet := sheetsOf(t, f)
	edit(f, details, sheet)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func problemLines(t *testing.T, err error) []string {
	t.Helper()
	var ps msg.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("error %v (%T) is not msg.Problems", err, err)
	}
	var out []string
	for _, p := range ps {
		out = append(out, p.In("en"))
	}
	return out
}

// TestXLSXProblems: every fault is reported at once, each with its sheet
// and cell.
func TestXLSXProblems(t *testing.T) {
	set := builtinSet(t, "tyokyky")
	level4, level5 := form.Cell(set, 4, "level"), form.Cell(set, 5, "level")
	figure1, mark51 := form.Cell(set, 1, "figure"), form.MarkCell(set, 5, 0)
	key52 := "A" + strings.TrimLeft(form.MarkCell(set, 5, 1), "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
	b := editTemplate(t, func(f *excelize.File, details, sheet string) {
		f.SetCellStr(details, "C8", "") // provider
		f.SetCellStr(details, "C9", "") // unit
		f.SetCellStr(details, "C10", "32.13.2026")
		f.SetCellStr(sheet, level4, "7")
		f.SetCellStr(sheet, level5, "neljä")
		f.SetCellStr(sheet, figure1, "paljon")
		f.SetCellStr(sheet, mark51, "joo")
		f.SetCellStr(sheet, key52, "check:5")
	})
	got := problemLines(t, func() error {
		_, err := form.ReadXLSX(bytes.NewReader(b), "arvio.xlsx", form.DefaultLimits)
		return err
	}())
	want := []string{
		`arvio.xlsx: Arviointi!` + figure1 + `: criterion 1: the figure "paljon" is not a number: give a number such as 23.7`,
		`arvio.xlsx: Arviointi!` + level4 + `: criterion 4: level "7" is not 1–5: give a whole number 1–5, or leave it empty when the criterion is not rated`,
		`arvio.xlsx: Arviointi!` + level5 + `: criterion 5: level "neljä" is not 1–5: give a whole number 1–5, or leave it empty when the criterion is not rated`,
		`arvio.xlsx: Arviointi!` + mark51 + `: criterion 5: the mark "joo" is not accepted for the checklist element “1. Valmentaja osallistuu vähintään viikoittain asiakkaan so…”: write x when it is present, no or nothing when it is not`,
		`arvio.xlsx: Arviointi!` + key52 + `: the hidden column A holds "check:5", which laatu does not know; do not change column A`,
		`arvio.xlsx: Tiedot!C8: the fields “Palveluntuottaja” and “Yksikkö tai palvelu” are both empty; fill in at least one`,
		`arvio.xlsx: Tiedot!C10: the date "32.13.2026" is not accepted: write 2026-11-24 or 24.11.2026`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

// TestXLSXResaved: sheets renamed, reordered and added, strings inline
// instead of shared, and a level that is a formula with a cached value
// read back the same.
func TestXLSXResaved(t *testing.T) {
	set := builtinSet(t, "tyokyky")
	want := readYAMLFile(t, "../testdata/services/kateva-2026-11.yaml")
	b := editTemplate(t, func(f *excelize.File, details, sheet string) {
		if err := f.SetSheetName(details, "Perustiedot"); err != nil {
			t.Fatal(err)
		}
		if _, err := f.NewSheet("Muistiinpanot"); err != nil {
			t.Fatal(err)
		}
		f.SetCellStr("Muistiinpanot", "A1", "laatu:jotain muuta")
		if err := f.MoveSheet(sheet, "Perustiedot"); err != nil {
			t.Fatal(err)
		}
		if err := f.MoveSheet("Muistiinpanot", sheet); err != nil {
			t.Fatal(err)
		}
		// A level computed by a formula, as another program saves it:
		// the formula with its cached result.
		f.SetCellFormula(sheet, "D9", "2+3") // criterion 3, level 5 in the YAML
	})
	b = inlineStrings(t, b, "D9", "5")
	parts := unzipParts(t, b)
	if _, ok := parts["xl/sharedStrings.xml"]; ok {
		t.Fatal("the rewritten workbook still has shared strings")
	}
	var sheets string
	for name, data := range parts {
		if strings.HasPrefix(name, "xl/worksheets/") {
			sheets += string(data)
		}
	}
	if !strings.Contains(sheets, `t="inlineStr"`) || !strings.Contains(sheets, `<f>2+3</f><v>5</v>`) {
		t.Fatal("the rewrite did not make inline strings and a cached formula value")
	}
	got, err := form.ReadXLSX(bytes.NewReader(b), "arvio.xlsx", form.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if got.CriteriaPlace.Sheet != "Perustiedot" {
		t.Errorf("criteria place %v, want the renamed sheet", got.CriteriaPlace)
	}
	sameAnswers(t, want, got)
	sameScores(t, set, want, got)
}

// TestXLSXOtherSet: a workbook made for one set or version is refused when
// scored against another, naming the cell that holds the set.
func TestXLSXOtherSet(t *testing.T) {
	b := editTemplate(t, func(f *excelize.File, details, sheet string) {
		f.SetCellStr(details, "C6", "3")
	})
	a, err := form.ReadXLSX(bytes.NewReader(b), "arvio.xlsx", form.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(problemLines(t, form.Check(a, builtinSet(t, "tyokyky"))), "\n")
	want := `arvio.xlsx: Tiedot!C5: the file is for version "3" of the criteria set, but tyokyky is version "2"; the levels are not comparable`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	got = strings.Join(problemLines(t, form.Check(a, builtinSet(t, "ips"))), "\n")
	if !strings.Contains(got, `Tiedot!C5: the file is for criteria set "tyokyky" but "ips" was chosen`) {
		t.Errorf("got %s", got)
	}
}

// TestXLSXCheckWords: what only the set can find in a workbook is said in
// the workbook's words, not in the YAML file's.
func TestXLSXCheckWords(t *testing.T) {
	b := editTemplate(t, func(f *excelize.File, details, sheet string) {
		f.SetCellStr(sheet, "A14", "check:1:x") // criterion 1 has no checklist
		f.SetCellStr(sheet, "E14", "x")
	})
	a, err := form.ReadXLSX(bytes.NewReader(b), "arvio.xlsx", form.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range form.Check(a, builtinSet(t, "tyokyky")) {
		got = append(got, p.In("en"), p.In("fi"))
	}
	want := []string{
		"arvio.xlsx: Arviointi!D7: criterion 1: the criterion has no checklist, but the hidden column A holds an element of one; do not change column A",
		"arvio.xlsx: Arviointi!D7: kriteeri 1: kriteerillä ei ole tarkistuslistaa, mutta piilotetussa A-sarakkeessa on sen kohta; älä muuta A-saraketta",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}
