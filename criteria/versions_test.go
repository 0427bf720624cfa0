package criteria

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/msg"
)

// withEarlier is the built-in tyokyky set with an earlier_versions list
// appended to it.
func withEarlier(t *testing.T, list string) []byte {
	t.Helper()
	b, err := builtinFiles.ReadFile("sets/tyokyky.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	// Drop an earlier_versions list the set already has, then add ours.
	if i := strings.Index(s, "\nearlier_versions:"); i >= 0 {
		end := strings.Index(s[i+1:], "\ncriteria:")
		s = s[:i] + s[i+1+end:]
	}
	return []byte(s + "\nearlier_versions:\n" + list)
}

func TestEarlierVersions(t *testing.T) {
	cur, _ := Builtin("tyokyky")
	t.Run("a listed version is found with its changed criteria", func(t *testing.T) {
		s, err := Parse(withEarlier(t, "  - {version: \"0\", changed: [17, 21], note: {fi: Muutos, en: Change, sv: Ändring}}\n"), "oma.yaml")
		if err != nil {
			t.Fatal(err)
		}
		e := s.Earlier("0")
		if e == nil {
			t.Fatal("version 0 not found")
		}
		if diff := cmp.Diff([]int{17, 21}, e.Changed); diff != "" {
			t.Errorf("changed (-want +got):\n%s", diff)
		}
		if s.Earlier(cur.Version) != nil || s.Earlier("9") != nil {
			t.Error("the current or an unlisted version counts as earlier")
		}
	})
	tests := []struct {
		name, list, want string
	}{
		{"the current version", "  - {version: \"" + cur.Version + "\", changed: [1]}\n", "is the set's current version"},
		{"a version twice", "  - {version: \"0\", changed: [1]}\n  - {version: \"0\", changed: [2]}\n", `earlier version "0" is listed twice`},
		{"an unknown criterion", "  - {version: \"0\", changed: [26]}\n", "names criterion 26 as changed"},
		{"no version", "  - {changed: [1]}\n", "version"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(withEarlier(t, tt.list), "oma.yaml")
			if err == nil {
				t.Fatal("accepted")
			}
			if got := msg.Localize(err, "en"); !strings.Contains(got, tt.want) {
				t.Errorf("message lacks %q:\n%s", tt.want, got)
			}
		})
	}
}
