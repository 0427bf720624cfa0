package form

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
)

const example = `criteria: tyokyky
criteria_version: "1"
provider: Jyväskylän kaupunki
unit: Työvalmennuspalvelu Kätevä
date: 2026-11-24
raters: [Anna Arvioija, Pekka Parivirta]
items:
  - criterion: 1
    level: 4
    figure: 23.7
    note: 83 asiakasta, 3,5 työhönvalmentajaa
    evidence: asiakasrekisteri 10/2026
  - criterion: 2
    level: "5"
    figure: "96,5"
  - criterion: 3
    level: 4.0
  - criterion: 4
  - criterion: 5
    checked: [weekly-team-meeting, shared-record]
  - criterion: 8
    checked: []
`

func f64(x float64) *float64 { return &x }

func TestReadYAML(t *testing.T) {
	a, err := ParseYAML([]byte(example), "arvio.yaml")
	if err != nil {
		t.Fatal(msg.Localize(err, "en"))
	}
	want := &Assessment{
		Criteria: "tyokyky", CriteriaVersion: "1", CriteriaPlace: msg.Place{File: "arvio.yaml", Line: 1},
		Provider: "Jyväskylän kaupunki", Unit: "Työvalmennuspalvelu Kätevä",
		Date:   time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC),
		Raters: []string{"Anna Arvioija", "Pekka Parivirta"},
		Source: "arvio.yaml",
		Items: []Item{
			{Criterion: 1, Level: 4, Figure: f64(23.7), Note: "83 asiakasta, 3,5 työhönvalmentajaa", Evidence: "asiakasrekisteri 10/2026", Place: msg.Place{File: "arvio.yaml", Line: 8}},
			{Criterion: 2, Level: 5, Figure: f64(96.5), Place: msg.Place{File: "arvio.yaml", Line: 13}},
			{Criterion: 3, Level: 4, Place: msg.Place{File: "arvio.yaml", Line: 16}},
			{Criterion: 4, Place: msg.Place{File: "arvio.yaml", Line: 18}},
			{Criterion: 5, Checked: []string{"weekly-team-meeting", "shared-record"}, Place: msg.Place{File: "arvio.yaml", Line: 19}},
			{Criterion: 8, Checked: []string{}, Place: msg.Place{File: "arvio.yaml", Line: 21}},
		},
	}
	if diff := cmp.Diff(want, a); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	set, _ := criteria.Builtin("tyokyky")
	if ps := Check(a, set); len(ps) > 0 {
		t.Errorf("Check: %s", ps.In("en"))
	}
}

// Every problem in a file, each with its line, in one go.
func TestReadYAMLProblems(t *testing.T) {
	in := `criteria: tyokyky
provider: X
date: 31.2.2026
items:
  - criterion: 1
    level: 7
  - criterion: kaksi
    level: 3
  - criterion: 3
    level: neljä
    figure: paljon
  - level: 2
  - criterion: 4
    levl: 3
`
	_, err := ParseYAML([]byte(in), "bad.yaml")
	got := strings.Split(msg.Localize(err, "en"), "\n")
	want := []string{
		`bad.yaml:3: the date "31.2.2026" is not accepted: write 2026-11-24 or 24.11.2026`,
		`bad.yaml:6: criterion 1: level "7" is not 1–5: give a whole number 1–5, or leave it empty when the criterion is not rated`,
		`bad.yaml:7: the criterion number "kaksi" is not accepted: give a whole number such as 7`,
		`bad.yaml:10: criterion 3: level "neljä" is not 1–5: give a whole number 1–5, or leave it empty when the criterion is not rated`,
		`bad.yaml:11: criterion 3: the figure "paljon" is not a number: give a number such as 23.7`,
		`bad.yaml:12: the field "criterion" is missing`,
		`bad.yaml:14: unknown field "levl"; accepted: checked, counts, criterion, evidence, figure, figures, inputs, level, note, sources`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestCheckProblems(t *testing.T) {
	set, _ := criteria.Builtin("tyokyky")
	in := `criteria: tyokyky
provider: X
items:
  - criterion: 1
    figure: -3
  - criterion: 26
    level: 3
  - criterion: 3
    level: 3
  - criterion: 3
    level: 4
  - criterion: 4
    figure: 12
  - criterion: 5
    checked: [weekly-team-meeting, weekly-team-meeting, coffee]
  - criterion: 6
    checked: []
`
	a, err := ParseYAML([]byte(in), "c.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Split(Check(a, set).In("en"), "\n")
	want := []string{
		`c.yaml:4: criterion 1: the figure -3 is outside the accepted range: it must be at least 0`,
		`c.yaml:6: criterion 26 is not in criteria set tyokyky 2 (criteria 1–25)`,
		`c.yaml:10: criterion 3: the criterion is already answered at c.yaml:8`,
		`c.yaml:12: criterion 4: the criterion has no figure to give; put it in the note instead`,
		`c.yaml:14: criterion 5: checklist element 1 “The coach attends the client's sote team meetings (e.g. soc…” is listed twice (checked: weekly-team-meeting)`,
		`c.yaml:14: criterion 5: there is no checklist element "coffee"; accepted: weekly-team-meeting, shared-decisions, shared-record, office-near-team, employment-culture`,
		`c.yaml:16: criterion 6: the criterion has no checklist (checked)`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}

	ips, _ := criteria.Builtin("ips")
	if got := Check(a, ips).In("en"); !strings.Contains(got, `the file is for criteria set "tyokyky" but "ips" was chosen`) {
		t.Errorf("set mismatch not reported: %s", got)
	}
	a.CriteriaVersion = "0.9"
	if got := Check(a, set).In("en"); !strings.Contains(got, `the file is for version "0.9" of the criteria set, but tyokyky is version "2"`) {
		t.Errorf("version mismatch not reported: %s", got)
	}
}

// Writing and reading back gives the same assessment, for every sample.
func TestWriteYAMLRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("../testdata/services/*.yaml")
	if len(files) == 0 {
		t.Fatal("no sample files")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := ParseYAML(b, f)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		var buf bytes.Buffer
		if err := WriteYAML(&buf, a); err != nil {
			t.Fatal(err)
		}
		back, err := ParseYAML(buf.Bytes(), f)
		if err != nil {
			t.Fatalf("%s: re-read: %v\n%s", f, err, buf.String())
		}
		// Places differ: the samples have comments the writer drops.
		if diff := cmp.Diff(a, back, cmpopts.IgnoreFields(Item{}, "Place"), cmpopts.IgnoreFields(Assessment{}, "CriteriaPlace")); diff != "" {
			t.Errorf("%s: round trip (-read +re-read):\n%s", f, diff)
		}
	}
}

func TestWriteYAMLKeepsEmptyChecklist(t *testing.T) {
	a := &Assessment{Criteria: "tyokyky", Provider: "P", Items: []Item{{Criterion: 5, Checked: []string{}}, {Criterion: 8}}}
	var buf bytes.Buffer
	if err := WriteYAML(&buf, a); err != nil {
		t.Fatal(err)
	}
	want := "criteria: tyokyky\nprovider: P\nitems:\n  - criterion: 5\n    checked: []\n  - criterion: 8\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestSetItemKeepsOrder(t *testing.T) {
	a := &Assessment{}
	for _, n := range []int{5, 1, 3, 25, 3} {
		a.SetItem(Item{Criterion: n, Level: n % 5})
	}
	var got []int
	for _, it := range a.Items {
		got = append(got, it.Criterion)
	}
	if diff := cmp.Diff([]int{1, 3, 5, 25}, got); diff != "" {
		t.Error(diff)
	}
}

func FuzzParseYAML(f *testing.F) {
	f.Add([]byte(example))
	// Every assessment file in testdata, good and malformed.
	for _, pattern := range []string{"../testdata/services/*.yaml", "../testdata/raters/*.yaml", "../testdata/bids/*.yaml", "../testdata/bad/*.yaml"} {
		files, _ := filepath.Glob(pattern)
		if len(files) == 0 {
			f.Fatalf("no seed files %s", pattern)
		}
		for _, file := range files {
			b, _ := os.ReadFile(file)
			f.Add(b)
		}
	}
	f.Add([]byte("items: [{criterion: 1, level: 9}, {criterion: x}]"))
	set, _ := criteria.Builtin("tyokyky")
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := ParseYAML(b, "fuzz.yaml")
		if err != nil {
			_ = msg.Localize(err, "fi")
			return
		}
		for _, it := range a.Items {
			if it.Level < 0 || it.Level > 5 {
				t.Fatalf("level %d accepted", it.Level)
			}
		}
		_ = Check(a, set).In("en")
		// What reads back must write and read again.
		var buf bytes.Buffer
		if err := WriteYAML(&buf, a); err != nil {
			t.Fatal(err)
		}
		if _, err := ParseYAML(buf.Bytes(), "again.yaml"); err != nil {
			t.Fatalf("written file does not read back: %v\n%s", err, buf.String())
		}
	})
}
