package form_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/scoring"
	"github.com/xuri/excelize/v2"
)

// resaveAll opens each workbook in LibreOffice and saves it as .xlsx
// again, all in one run of the program.
func resaveAll(t *testing.T, prog, profile string, books [][]byte) [][]byte {
	t.Helper()
	in, out := t.TempDir(), t.TempDir()
	args := []string{"-env:UserInstallation=" + profile, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", out}
	for i, b := range books {
		src := filepath.Join(in, "arvio"+strconv.Itoa(i)+".xlsx")
		if err := os.WriteFile(src, b, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, src)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, prog, args...)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	text, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, text)
	}
	saved := make([][]byte, len(books))
	for i := range books {
		b, err := os.ReadFile(filepath.Join(out, "arvio"+strconv.Itoa(i)+".xlsx"))
		if err != nil {
			t.Fatalf("soffice wrote nothing: %v\n%s", err, text)
		}
		saved[i] = b
	}
	return saved
}

// loRuleCase is one workbook: answers to the rating rules, and the
// levels the published examples give (criterion → level).
type loRuleCase struct {
	name  string
	set   string
	lang  string
	items []form.Item
	// typed, when set, are typed into a blank template instead, by rule
	// cell key ("figures:17:1") or "figure:N"; items are then what
	// laatu reads from it.
	typed map[string]any
	want  map[int]int
}

func fig(x float64) *float64 { return &x }

// TestLibreOfficeRules fills the new cells of the template (figures per
// specialist, counts, choices, yes-no, counts as answers), lets real
// LibreOffice recalculate and save each workbook, and checks that the
// sheet's live points are the levels laatu score gives, and the
// published examples' levels; and that the saved file reads back the same.
func TestLibreOfficeRules(t *testing.T) {
	prog := soffice(t)
	profile := recalcProfile(t)
	cases := []loRuleCase{
		{name: "published examples", set: "tyokyky", lang: "fi", items: []form.Item{
			{Criterion: 1, Counts: map[string]float64{"clients": 83, "fte": 3.5}},
			{Criterion: 2, Figures: []float64{80, 95.5, 100}},
			{Criterion: 17, Figures: []float64{3.5, 4.3, 3.9}},
			{Criterion: 21, Figure: fig(100), Inputs: map[string]string{"current_jobs": "3"}},
			{Criterion: 24, Figures: []float64{40, 60, 75}},
		}, want: map[int]int{1: 4, 17: 3, 21: 1}},
		{name: "caps and floors", set: "tyokyky", lang: "en", items: []form.Item{
			{Criterion: 1, Figures: []float64{20, 25, 24}},
			{Criterion: 17, Figure: fig(6), Inputs: map[string]string{"tracking": "none"}},
			{Criterion: 21, Inputs: map[string]string{"current_jobs": "3"}},
		}, want: map[int]int{1: 4, 17: 2, 21: 1}},
		{name: "level-5 alternative", set: "ips", lang: "fi", items: []form.Item{
			{Criterion: 17, Figure: fig(2), Inputs: map[string]string{"small_caseloads": "yes", "tracking": "weekly-form"}},
			{Criterion: 21, Figure: fig(96), Inputs: map[string]string{"current_jobs": "12"}},
			{Criterion: 1, Counts: map[string]float64{"clients": 60, "fte": 2}},
		}, want: map[int]int{17: 5, 21: 5}},
		{name: "cap over the alternative", set: "ips", lang: "en", items: []form.Item{
			{Criterion: 17, Inputs: map[string]string{"small_caseloads": "yes", "tracking": "monthly-form"}},
			{Criterion: 21, Figure: fig(70), Inputs: map[string]string{"current_jobs": "10"}},
			{Criterion: 2, Level: 3, Figures: []float64{50}},
		}, want: map[int]int{17: 4}},
		{name: "edges", set: "tyokyky", lang: "en", items: []form.Item{
			{Criterion: 1, Counts: map[string]float64{"clients": 100, "fte": 5}},
			{Criterion: 2, Figures: []float64{95, 97}},
			{Criterion: 17, Figures: []float64{2, 4}, Inputs: map[string]string{"tracking": "weekly-form"}},
			{Criterion: 21, Figure: fig(95), Inputs: map[string]string{"current_jobs": "10"}},
			{Criterion: 24, Level: 2, Figures: []float64{90}},
		}, want: map[int]int{1: 5, 17: 2, 21: 5, 24: 2}},
		{name: "tie and cap", set: "ips", lang: "en", items: []form.Item{
			{Criterion: 17, Figures: []float64{5, 6}, Inputs: map[string]string{"tracking": "monthly-process", "small_caseloads": "no"}},
			{Criterion: 21, Inputs: map[string]string{"current_jobs": "25"}},
		}, want: map[int]int{17: 3}},
		{name: "typed by hand", set: "tyokyky", lang: "fi", typed: map[string]any{
			"figures:17:1": "3,9", "figures:17:2": " 3.9 ", "input:17:tracking": "Seurantalomake käydään läpi viikoittain",
			"count:1:clients": "83", "count:1:fte": "3,5", "input:21:current_jobs": "3", "figure:21": "100",
		}, want: map[int]int{1: 4, 17: 3, 21: 1}},
		{name: "ids and words typed", set: "ips", lang: "en", typed: map[string]any{
			"figure:17": 6, "input:17:tracking": " none ", "input:17:small_caseloads": "K",
			"figures:24:1": "40", "figures:24:2": 60,
		}, want: map[int]int{17: 2}},
		{name: "yes typed in Finnish", set: "tyokyky", lang: "fi", typed: map[string]any{
			"figure:17": 2, "input:17:tracking": "WEEKLY-FORM", "input:17:small_caseloads": "yes",
		}, want: map[int]int{17: 5}},
	}
	runLORuleCases(t, prog, profile, func(id string) *criteria.Set { return builtinSet(t, id) }, cases)
}

// runLORuleCases writes a workbook per case, has LibreOffice recalculate
// and save them all in one run, and checks each.
func runLORuleCases(t *testing.T, prog, profile string, setFor func(id string) *criteria.Set, cases []loRuleCase) {
	t.Helper()
	var books [][]byte
	var sets []*criteria.Set
	var as []*form.Assessment
	for _, tc := range cases {
		set := setFor(tc.set)
		if tc.typed != nil {
			b := typedTemplate(t, set, tc.lang, tc.typed)
			a, err := form.ReadXLSX(bytes.NewReader(b), "arvio.xlsx", form.DefaultLimits)
			if err != nil {
				t.Fatalf("%s: ReadXLSX: %v", tc.name, err)
			}
			books, sets, as = append(books, b), append(sets, set), append(as, a)
			continue
		}
		a := &form.Assessment{Criteria: set.ID, CriteriaVersion: set.Version, Provider: "Testipalvelu"}
		for _, it := range tc.items {
			a.SetItem(it)
		}
		if ps := form.Check(a, set); len(ps) > 0 {
			t.Fatalf("%s: Check: %v", tc.name, ps)
		}
		var buf bytes.Buffer
		if err := form.WriteXLSX(&buf, set, a, tc.lang); err != nil {
			t.Fatal(err)
		}
		books, sets, as = append(books, buf.Bytes()), append(sets, set), append(as, a)
	}
	saved := resaveAll(t, prog, profile, books)
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			set, a := sets[i], as[i]
			got, err := form.ReadXLSX(bytes.NewReader(saved[i]), "arvio.xlsx", form.DefaultLimits)
			if err != nil {
				t.Fatalf("ReadXLSX: %v", err)
			}
			sameAnswers(t, a, got)
			sameScores(t, set, a, got)
			f, err := excelize.OpenReader(bytes.NewReader(saved[i]))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			_, sheet := sheetsOf(t, f)
			score := scoring.Score(set, a)
			sheetLevels, laatuLevels := map[int]string{}, map[int]string{}
			for _, it := range score.Items {
				v, err := f.GetCellValue(sheet, form.Cell(set, it.Number(), "points"), excelize.Options{RawCellValue: true})
				if err != nil {
					t.Fatal(err)
				}
				sheetLevels[it.Number()] = v
				if !it.Missing() {
					laatuLevels[it.Number()] = strconv.Itoa(it.Level)
				} else {
					laatuLevels[it.Number()] = ""
				}
			}
			if diff := cmp.Diff(laatuLevels, sheetLevels); diff != "" {
				t.Errorf("LibreOffice's points differ from laatu's levels (-laatu +LibreOffice):\n%s", diff)
			}
			for n, level := range tc.want {
				if got := sheetLevels[n]; got != strconv.Itoa(level) {
					t.Errorf("criterion %d: LibreOffice gives %q, published %d", n, got, level)
				}
			}
		})
	}
}

// typedTemplate is the blank template with cells typed in: rule cells by
// key, a criterion's own figure by "figure:N".
func typedTemplate(t *testing.T, set *criteria.Set, lang string, typed map[string]any) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(templateBytes(t, set, lang)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	details, sheet := sheetsOf(t, f)
	if err := f.SetCellStr(details, detailCell(t, f, details, "provider"), "Testipalvelu"); err != nil {
		t.Fatal(err)
	}
	for key, v := range typed {
		cell := form.RuleCell(set, key)
		if rest, ok := strings.CutPrefix(key, "figure:"); ok {
			n, _ := strconv.Atoi(rest)
			cell = form.Cell(set, n, "figure")
		}
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
