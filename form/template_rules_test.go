package form_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
	"github.com/xuri/excelize/v2"
)

// rulesYAML answers the rating rules of the built-in sets in every way the
// assessment file allows: per-specialist figures, counts, choices, yes-no
// and counts as further answers.
const rulesYAML = `criteria: %s
criteria_version: "%v"
provider: Testipalvelu
date: 2026-11-24
items:
  - criterion: 1
    counts: {clients: 83, fte: 3.5}
  - criterion: 2
    figures: [80, 95.5, 100]
    note: kolme valmentajaa
  - criterion: 17
    figures: [3.5, 4.3, 3.9]
    inputs: {tracking: monthly-form, small_caseloads: "no"}
  - criterion: 21
    level: 2
    figure: 100
    inputs: {current_jobs: 3}
  - criterion: 24
    figures: [40, 60, 75, 55, 70, 65, 50, 45, 60, 62, 58]
`

func rulesAssessment(t testing.TB, set *criteria.Set) *form.Assessment {
	t.Helper()
	a, err := form.ParseYAML([]byte(strings.NewReplacer("%s", set.ID, "%v", set.Version).Replace(rulesYAML)), "arvio.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if ps := form.Check(a, set); len(ps) > 0 {
		t.Fatalf("Check: %v", ps)
	}
	return a
}

// TestRulesRoundTrip: YAML → WriteXLSX → ReadXLSX gives the same answers
// and the same scores, for both sets and both languages; and the same
// through the CSV form.
func TestRulesRoundTrip(t *testing.T) {
	for _, id := range []string{"tyokyky", "ips"} {
		set := builtinSet(t, id)
		want := rulesAssessment(t, set)
		for _, lang := range []string{"fi", "en"} {
			t.Run(id+"/"+lang+"/xlsx", func(t *testing.T) {
				var buf bytes.Buffer
				if err := form.WriteXLSX(&buf, set, want, lang); err != nil {
					t.Fatal(err)
				}
				got, err := form.ReadXLSX(bytes.NewReader(buf.Bytes()), "arvio.xlsx", form.DefaultLimits)
				if err != nil {
					t.Fatalf("ReadXLSX: %v", err)
				}
				sameAnswers(t, want, got)
				sameScores(t, set, want, got)
			})
			t.Run(id+"/"+lang+"/csv", func(t *testing.T) {
				var buf bytes.Buffer
				if err := form.WriteCSV(&buf, set, want, lang); err != nil {
					t.Fatal(err)
				}
				got, err := form.ReadCSV(bytes.NewReader(buf.Bytes()), "arvio.csv", form.DefaultLimits)
				if err != nil {
					t.Fatalf("ReadCSV: %v\n%s", err, buf.String())
				}
				if ps := form.Check(got, set); len(ps) > 0 {
					t.Fatalf("Check: %v", ps)
				}
				sameAnswers(t, want, got)
				sameScores(t, set, want, got)
			})
		}
	}
}

// TestWriteXLSXLosesNoAnswer: an answer the template has no cell for is
// an error, not dropped.
func TestWriteXLSXLosesNoAnswer(t *testing.T) {
	set := builtinSet(t, "tyokyky")
	a := &form.Assessment{Criteria: set.ID, Provider: "P", Items: []form.Item{
		{Criterion: 3, Figures: []float64{1}},
		{Criterion: 17, Inputs: map[string]string{"weather": "fine"}},
		{Criterion: 1, Counts: map[string]float64{"coaches": 3}},
	}}
	err := form.WriteXLSX(&bytes.Buffer{}, set, a, "en")
	ps, _ := err.(msg.Problems)
	var got []string
	for _, p := range ps {
		got = append(got, p.In("en"))
	}
	want := []string{
		"criterion 1: the answer (counts: coaches) has no cell in the template: the set's criterion does not have it",
		"criterion 3: the answer (figures) has no cell in the template: the set's criterion does not have it",
		"criterion 17: the answer (inputs: weather) has no cell in the template: the set's criterion does not have it",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("WriteXLSX (-want +got):\n%s", diff)
	}
}

// ruleCase fills rule cells of the blank template as a user would type
// them, and says what laatu must read.
type ruleCase struct {
	name string
	// cells maps a rule row's key ("figures:17:1", "input:17:tracking")
	// or "figure:N" (the criterion's own figure cell) to what is typed.
	cells map[string]any
	want  string // the first problem, in English; "" for none
}

// TestReadRuleCells reads hand-typed rule cells, good and bad, from a
// template in either language.
func TestReadRuleCells(t *testing.T) {
	set := builtinSet(t, "tyokyky")
	cases := []ruleCase{
		{name: "figures as text and numbers", cells: map[string]any{"figures:17:1": "3,5", "figures:17:3": 4.3, "figures:17:2": " 3.9 "}},
		{name: "choice by its text", cells: map[string]any{"input:17:tracking": "seurantalomake käydään läpi kuukausittain"}},
		{name: "choice in the other language", cells: map[string]any{"input:17:tracking": "The tracking form is reviewed MONTHLY"}, want: "arvio.xlsx: Arviointi!E86: criterion 17: the answer \"The tracking form is reviewed MONTHLY\" to the question “Miten työnantajakontaktien seurantaa käydään läpi?” is not in the list; the options are: kontakteja ei seurata; kontaktien seuranta käydään läpi kuukausittain; seurantalomake käydään läpi kuukausittain; seurantalomake käydään läpi viikoittain"},
		{name: "choice by its id", cells: map[string]any{"input:17:tracking": "weekly-form"}},
		{name: "yes-no in English words", cells: map[string]any{"input:17:small_caseloads": "yes"}},
		{name: "bad figure", cells: map[string]any{"figures:17:2": "neljä"}, want: "arvio.xlsx: Arviointi!E76: criterion 17: specialist 2's figure \"neljä\" is not a number: give a number such as 23.7"},
		{name: "bad count", cells: map[string]any{"count:1:fte": "-1"}, want: "arvio.xlsx: Arviointi!E20: criterion 1: the count “Työhönvalmentajien työpanos kokoaikaisiksi muunnettuna (htv)” is not accepted (\"-1\"): give a number of 0 or more, such as 83 or 3.5"},
		{name: "count not whole", cells: map[string]any{"input:21:current_jobs": 3.5}, want: "arvio.xlsx: Arviointi!E92: criterion 21: the answer \"3.5\" to the question “Kuinka monta nykyistä työsuhdetta asiakkailla on?” is not accepted: give a whole number of 0 or more, such as 12"},
		{name: "count as text", cells: map[string]any{"input:21:current_jobs": "12"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, err := excelize.OpenReader(bytes.NewReader(templateBytes(t, set, "fi")))
			if err != nil {
				t.Fatal(err)
			}
			details, sheet := sheetsOf(t, f)
			if err := f.SetCellStr(details, detailCell(t, f, details, "provider"), "P"); err != nil {
				t.Fatal(err)
			}
			for key, v := range tc.cells {
				if err := f.SetCellValue(sheet, form.RuleCell(set, key), v); err != nil {
					t.Fatal(err)
				}
			}
			var buf bytes.Buffer
			if err := f.Write(&buf); err != nil {
				t.Fatal(err)
			}
			a, err := form.ReadXLSX(bytes.NewReader(buf.Bytes()), "arvio.xlsx", form.DefaultLimits)
			got := ""
			if err != nil {
				got = err.(msg.Problems)[0].In("en")
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Fatalf("ReadXLSX (-want +got):\n%s", diff)
			}
			if err == nil {
				if ps := form.Check(a, set); len(ps) > 0 {
					t.Fatalf("Check: %v", ps)
				}
				_ = scoring.Score(set, a)
			}
		})
	}
}
