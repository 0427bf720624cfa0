package form

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
)

// A list or key–value pairs where an assessment wants one value is named
// by its key, with what the key accepts; a second document is refused; the
// file's value problems come together.
func TestParseYAMLStrict(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		want      []string
	}{
		{"key–value pairs as a level", "criteria: tyokyky\nprovider: P\nitems:\n  - criterion: 1\n    level: {a: 1}\n", []string{
			"f.yaml:5: criterion 1: level: key–value pairs are not accepted here: give a whole number 1–5, or leave it empty when the criterion is not rated",
		}},
		{"a list as a figure, a criterion, a date and a version", "criteria: tyokyky\ncriteria_version: [1]\nprovider: P\ndate: {d: 1}\nitems:\n  - criterion: 2\n    figure: [80, 90]\n  - criterion: [3]\n    level: 3\n", []string{
			`f.yaml:2: criteria_version: a list is not accepted here: give the version as text, such as "1"`,
			"f.yaml:4: date: key–value pairs are not accepted here: write 2026-11-24 or 24.11.2026",
			"f.yaml:7: criterion 2: figure: a list is not accepted here: give a number such as 23.7",
			"f.yaml:8: criterion: a list is not accepted here: give the criterion's number, such as 7",
		}},
		// yaml.v3 hands the aliased value over: its line is the anchor's.
		{"an aliased list as a level", "criteria: tyokyky\nprovider: P\nraters: &r [A]\nitems:\n  - criterion: 1\n    level: *r\n", []string{
			"f.yaml:3: criterion 1: level: a list is not accepted here: give a whole number 1–5, or leave it empty when the criterion is not rated",
		}},
		{"a second document", "criteria: tyokyky\nprovider: P\nitems:\n  - criterion: 1\n    level: 4\n---\nitems:\n  - criterion: 2\n    level: 3\n", []string{
			"f.yaml:6: the file holds more than one YAML document (line 6); laatu reads one: put each document in a file of its own",
		}},
		{"a second document beside a bad level", "criteria: tyokyky\nprovider: P\nitems:\n  - criterion: 1\n    level: 7\n---\nitems: []\n", []string{
			`f.yaml:5: criterion 1: level "7" is not 1–5: give a whole number 1–5, or leave it empty when the criterion is not rated`,
			"f.yaml:6: the file holds more than one YAML document (line 6); laatu reads one: put each document in a file of its own",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseYAML([]byte(tc.doc), "f.yaml")
			if err == nil {
				t.Fatal("no error")
			}
			got := strings.Split(msg.Localize(err, "en"), "\n")
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// ReadChecked reports a value the reader refuses and what only the set
// can tell in one pass; a clean file comes back with its set.
func TestReadChecked(t *testing.T) {
	set, _ := criteria.Builtin("tyokyky")
	builtin := func(a *Assessment) (*criteria.Set, msg.Problems) {
		s, ok := criteria.Builtin(a.Criteria)
		if !ok {
			return nil, msg.Problems{{Place: msg.Place{File: a.Source}, Message: msg.M("cli.set-not-builtin", a.Criteria)}}
		}
		return s, nil
	}
	dir := t.TempDir()
	for _, tc := range []struct {
		name, doc string
		want      []string
	}{
		{"a bad level and an unknown criterion", "criteria: tyokyky\nprovider: P\nitems:\n  - criterion: 3\n    level: 7\n  - criterion: 26\n    level: 4\n", []string{
			`f.yaml:5: criterion 3: level "7" is not 1–5: give a whole number 1–5, or leave it empty when the criterion is not rated`,
			"f.yaml:6: criterion 26 is not in criteria set tyokyky 2 (criteria 1–25)",
		}},
		{"a bad figure, a figure out of bounds and a duplicate", "criteria: tyokyky\nprovider: P\nitems:\n  - criterion: 1\n    figure: paljon\n  - criterion: 2\n    figure: 250\n  - criterion: 2\n    level: x\n", []string{
			`f.yaml:5: criterion 1: the figure "paljon" is not a number: give a number such as 23.7`,
			"f.yaml:6: criterion 2: the figure 250 is outside the accepted range: it must be between 0 and 100",
			`f.yaml:8: criterion 2: the criterion is already answered at f.yaml:6`,
			`f.yaml:9: criterion 2: level "x" is not 1–5: give a whole number 1–5, or leave it empty when the criterion is not rated`,
		}},
		{"no set and a bad date", "criteria: uk-fidelity\nprovider: P\ndate: huomenna\nitems: []\n", []string{
			`f.yaml: the assessment is for criteria set "uk-fidelity", which is not built in; give the set's file with --criteria`,
			`f.yaml:3: the date "huomenna" is not accepted: write 2026-11-24 or 24.11.2026`,
		}},
		{"a decoding error leaves nothing to check", "criteria: tyokyky\nprovider: P\nitems: {a: 1}\n", []string{
			"f.yaml:3: key–value pairs is not accepted here: expected a list",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, "f.yaml")
			if err := os.WriteFile(path, []byte(tc.doc), 0o644); err != nil {
				t.Fatal(err)
			}
			a, s, err := ReadChecked(path, DefaultLimits, builtin)
			if err == nil {
				t.Fatalf("no error; read %+v", a)
			}
			ps, ok := err.(msg.Problems)
			if !ok {
				t.Fatalf("error %T is not msg.Problems", err)
			}
			ps.Sort()
			got := strings.Split(strings.ReplaceAll(ps.In("en"), dir+string(filepath.Separator), ""), "\n")
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if a != nil || s != nil {
				t.Error("an assessment with problems is returned")
			}
		})
	}
	a, s, err := ReadChecked("../testdata/services/kateva-2026-11.yaml", DefaultLimits, builtin)
	if err != nil || s != set || len(a.Items) != 25 {
		t.Fatalf("a clean file: %v, set %v, %d items", err, s, len(a.Items))
	}
	if _, _, err := ReadChecked(filepath.Join(dir, "missing.yaml"), DefaultLimits, builtin); err == nil {
		t.Error("a missing file is read")
	}
}
