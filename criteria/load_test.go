package criteria

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/msg"
)

// a valid one-domain, two-criterion set, edited by the cases below.
const smallSet = `id: small
version: "1"
name: {fi: Pieni, en: Small}
languages: [fi, en]
domains:
  - {id: a, name: {fi: A, en: A}}
bands:
  - {id: good, min: 8, max: 10, name: {fi: hyvä, en: good}}
  - {id: weak, min: 2, max: 7, name: {fi: heikko, en: weak}}
criteria:
  - number: 1
    id: one
    domain: a
    title: {fi: Yksi, en: One}
    ideal: {fi: paras, en: best}
    anchors:
      1: {fi: a, en: a}
      2: {fi: b, en: b}
      3: {fi: c, en: c}
      4: {fi: d, en: d}
      5: {fi: e, en: e}
    measure:
      name: {fi: osuus, en: share}
      unit: {fi: "%", en: "%"}
      min: 0
      max: 100
      levels:
        - {level: 1, below: 60}
        - {level: 2, min: 60, below: 75}
        - {level: 3, min: 75, below: 90}
        - {level: 4, min: 90, below: 96}
        - {level: 5, min: 96}
  - number: 2
    id: two
    domain: a
    title: {fi: Kaksi, en: Two}
    ideal: {fi: paras, en: best}
    anchors:
      1: {fi: a, en: a}
      2: {fi: b, en: b}
      3: {fi: c, en: c}
      4: {fi: d, en: d}
      5: {fi: e, en: e}
    checklist:
      elements:
        - {id: x, text: {fi: x, en: x}}
        - {id: y, text: {fi: y, en: y}}
      levels_by_count: [1, 3, 5]
`

func TestLoadSmallSet(t *testing.T) {
	s, err := Parse([]byte(smallSet), "small.yaml")
	if err != nil {
		t.Fatal(msg.Localize(err, "en"))
	}
	if s.Criterion(2).Checklist.Level(1) != 3 || s.Band(7).ID != "weak" {
		t.Error("set content not as written")
	}
}

// Each case edits the small set and expects exactly these problems, in
// English, with their lines: every fault at once, not the first only.
func TestLoadProblems(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(string) string
		wants []string
	}{
		{"missing anchor", func(s string) string {
			return strings.Replace(s, "      3: {fi: c, en: c}\n", "", 1)
		}, []string{"small.yaml:16: criterion 1: anchor for level 3 is missing"}},
		{"anchor without English", func(s string) string {
			return strings.Replace(s, "      4: {fi: d, en: d}\n", "      4: {fi: d}\n", 1)
		}, []string{"small.yaml:20: criterion 1: anchors 4 has no text in language en"}},
		{"anchor level 6", func(s string) string {
			return strings.Replace(s, "      5: {fi: e, en: e}\n    measure", "      5: {fi: e, en: e}\n      6: {fi: f, en: f}\n    measure", 1)
		}, []string{"small.yaml:22: criterion 1: there is no level 6: levels are 1–5"}},
		{"duplicate number and unknown domain", func(s string) string {
			s = strings.Replace(s, "  - number: 2\n    id: two\n    domain: a", "  - number: 1\n    id: two\n    domain: b", 1)
			return s
		}, []string{
			"small.yaml:33: criterion 1: number 1 is already used on line 11",
			"small.yaml:35: criterion 1: unknown domain \"b\"; accepted: a",
		}},
		{"overlapping ranges", func(s string) string {
			return strings.Replace(s, "{level: 2, min: 60, below: 75}", "{level: 2, min: 55, below: 75}", 1)
		}, []string{"small.yaml:29: criterion 1: the ranges of levels 1 and 2 overlap at 55"}},
		{"gapped ranges", func(s string) string {
			return strings.Replace(s, "{level: 3, min: 75, below: 90}", "{level: 3, above: 75, below: 90}", 1)
		}, []string{"small.yaml:30: criterion 1: the ranges leave a gap: figures from 75 to 75 have no level"}},
		{"range does not reach the top", func(s string) string {
			return strings.Replace(s, "{level: 5, min: 96}", "{level: 5, min: 96, below: 100}", 1)
		}, []string{"small.yaml:32: criterion 1: the ranges leave a gap: figures from 100 to 100 have no level"}},
		{"both min and above", func(s string) string {
			return strings.Replace(s, "{level: 5, min: 96}", "{level: 5, min: 96, above: 96}", 1)
		}, []string{"small.yaml:32: criterion 1: give only one of min and above"}},
		{"checklist count table too short", func(s string) string {
			return strings.Replace(s, "levels_by_count: [1, 3, 5]", "levels_by_count: [1, 5]", 1)
		}, []string{"small.yaml:48: criterion 2: levels_by_count has 2 values; it needs 3 (a level for 0 to 2 elements present)"}},
		{"band gap", func(s string) string {
			return strings.Replace(s, "{id: weak, min: 2, max: 7,", "{id: weak, min: 2, max: 6,", 1)
		}, []string{"small.yaml:8: the bands leave a gap: totals 7–7 have no band"}},
		{"unknown field and wrong kind", func(s string) string {
			s = strings.Replace(s, "    ideal: {fi: paras, en: best}\n    anchors:\n      1: {fi: a, en: a}\n      2: {fi: b, en: b}\n      3: {fi: c, en: c}\n      4: {fi: d, en: d}\n      5: {fi: e, en: e}\n    checklist",
				"    idea: {fi: paras, en: best}\n    anchors:\n      1: {fi: a, en: a}\n      2: {fi: b, en: b}\n      3: {fi: c, en: c}\n      4: {fi: d, en: d}\n      5: {fi: e, en: e}\n    checklist", 1)
			return strings.Replace(s, "  - number: 2\n", "  - number: two\n", 1)
		}, []string{
			`small.yaml:33: the value "two" is not accepted: expected a whole number`,
			`small.yaml:37: unknown field "idea"; accepted: anchors, checklist, domain, help, id, ideal, inputs, measure, number, source, title`,
		}},
		{"not YAML", func(string) string { return "id: [unclosed\n" }, []string{"small.yaml:1: the YAML is not valid: a [ … ] list is not closed with ], or a comma is missing between its items (the parser says: did not find expected ',' or ']')"}},
		{"empty", func(string) string { return "\n" }, []string{"small.yaml: the file is empty"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.edit(smallSet)), "small.yaml")
			if err == nil {
				t.Fatal("no error")
			}
			got := strings.Split(msg.Localize(err, "en"), "\n")
			if diff := cmp.Diff(tt.wants, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// A "billion laughs" document is refused before it is decoded, from what
// its aliases would expand to, naming the line of the first alias.
func TestLoadRefusesAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("id: bomb\nversion: \"1\"\nlanguages: [fi]\ndescription:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 30; i++ {
		fmt.Fprintf(&b, "  a%d: &a%d [", i, i)
		for j := 0; j < 10; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]\n")
	}
	_, err := Parse([]byte(b.String()), "bomb.yaml")
	if err == nil {
		t.Fatal("alias bomb accepted")
	}
	if got := msg.Localize(err, "en"); got != "bomb.yaml:6: the file's aliases (*name) repeat anchored (&name) values to more than 1 MiB; laatu's files need no aliases – write the values out" {
		t.Errorf("unexpected problems:\n%s", got)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(smallSet))
	for _, id := range []string{"tyokyky", "ips"} {
		b, _ := builtinFiles.ReadFile("sets/" + id + ".yaml")
		f.Add(b)
	}
	f.Add([]byte("id: x\ncriteria: [{number: 1, measure: {levels: [{level: 1, min: 5, max: 1}]}}]\n"))
	seedFiles(f, "../testdata/bad/criteria/*.yaml")
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := Parse(b, "fuzz.yaml")
		if err == nil {
			// A set that validates must be usable: every criterion found
			// by number, every measure answering for its bounds.
			for _, n := range s.Numbers() {
				c := s.Criterion(n)
				if c == nil {
					t.Fatalf("criterion %d not found", n)
				}
				for level := MinLevel; level <= MaxLevel; level++ {
					_ = c.Anchor(level).In("fi")
				}
			}
			_ = s.Band(s.MaxTotal())
		} else {
			_ = msg.Localize(err, "fi")
		}
	})
}

// seedFiles adds every file matching pattern to the fuzz corpus.
func seedFiles(f *testing.F, pattern string) {
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		f.Fatalf("no seed files %s: %v", pattern, err)
	}
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}
