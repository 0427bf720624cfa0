package criteria

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/msg"
)

// Numbers a set or profile must not bend: each case edits the small set
// or the good profile and expects exactly these problems, with their
// lines. Without the strict decoding, a decimal was cut to a whole number
// in silence and NaN passed validation.
func TestStrictNumbers(t *testing.T) {
	set := func(old, new string) func() ([]byte, func([]byte, string) error) {
		return func() ([]byte, func([]byte, string) error) {
			return []byte(strings.Replace(smallSet, old, new, 1)), func(b []byte, f string) error { _, err := Parse(b, f); return err }
		}
	}
	profile := func(old, new string) func() ([]byte, func([]byte, string) error) {
		return func() ([]byte, func([]byte, string) error) {
			return []byte(strings.Replace(goodProfile, old, new, 1)), func(b []byte, f string) error { _, err := ParseProfile(b, f); return err }
		}
	}
	tests := []struct {
		name string
		file func() ([]byte, func([]byte, string) error)
		want []string
	}{
		{"a decimal anchor", set("      4: {fi: d, en: d}\n", "      4: {fi: d, en: d}\n      4.5: {fi: d+, en: d+}\n"),
			[]string{"f.yaml:21: the key 4.5 under anchors is not a whole number: give a whole number such as 4"}},
		{"a decimal band bound", set("{id: good, min: 8,", "{id: good, min: 7.5,"),
			[]string{"f.yaml:8: min 7.5 is not a whole number: give a whole number such as 4"}},
		{"a decimal level of a range", set("{level: 3, min: 75, below: 90}", "{level: 3.5, min: 75, below: 90}"),
			[]string{"f.yaml:30: level 3.5 is not a whole number: give a whole number such as 4"}},
		{"a decimal in levels_by_count", set("levels_by_count: [1, 3, 5]", "levels_by_count: [1, 2.5, 5]"),
			[]string{"f.yaml:48: levels_by_count 2.5 is not a whole number: give a whole number such as 4"}},
		{"a band bound near the int64 limit", set("{id: good, min: 8, max: 10,", "{id: good, min: 8, max: 9223372036854775807,"),
			[]string{`f.yaml:8: band "good": max 9223372036854775807 is outside the possible totals 2–10`}},
		{"a band bound past the int64 limit", set("{id: good, min: 8, max: 10,", "{id: good, min: 8, max: 9223372036854775808,"),
			[]string{"f.yaml:8: max 9223372036854775808 is far too large a number for this field"}},
		{"a band bound past the totals", set("{id: good, min: 8, max: 10,", "{id: good, min: 8, max: 11,"),
			[]string{`f.yaml:8: band "good": max 11 is outside the possible totals 2–10`}},
		{"a band bound below the totals", set("{id: weak, min: 2,", "{id: weak, min: 0,"),
			[]string{`f.yaml:9: band "weak": min 0 is outside the possible totals 2–10`}},
		{"a band wholly past the totals", set("{id: good, min: 8, max: 10,", "{id: good, min: 80, max: 100,"),
			[]string{
				`f.yaml:8: band "good": min 80 is outside the possible totals 2–10`,
				`f.yaml:8: band "good": max 100 is outside the possible totals 2–10`,
				"f.yaml:8: the bands leave a gap: totals 8–10 have no band",
			}},
		{"NaN above a range", set("{level: 4, min: 90, below: 96}", "{level: 4, above: .nan, below: 96}"),
			[]string{"f.yaml:31: above .nan is not accepted: NaN and infinity are not figures; give a number such as 20, or leave the bound out"}},
		{"an infinite measure bound", set("      max: 100\n", "      max: .inf\n"),
			[]string{"f.yaml:26: max .inf is not accepted: NaN and infinity are not figures; give a number such as 20, or leave the bound out"}},
		{"a second document in a set", set("levels_by_count: [1, 3, 5]\n", "levels_by_count: [1, 3, 5]\n---\nid: other\n"),
			[]string{"f.yaml:49: the file holds more than one YAML document (line 49); laatu reads one: put each document in a file of its own"}},
		{"a decimal minimum level", profile("min_level: 4\n", "min_level: 4.5\n"),
			[]string{"f.yaml:11: min_level 4.5 is not a whole number: give a whole number such as 4"}},
		{"a quoted minimum level", profile("min_level: 4\n", "min_level: '4'\n"),
			[]string{`f.yaml:11: min_level "4" is text in quotation marks, not a whole number: write the number without them`}},
		{"a huge criterion", profile("criterion: 3\n", "criterion: 1e400\n"),
			[]string{"f.yaml:10: criterion 1e400 is far too large a number for this field"}},
		{"NaN as a figure limit", profile("figure_max: 22\n", "figure_max: .NaN\n"),
			[]string{"f.yaml:8: figure_max .NaN is not accepted: NaN and infinity are not figures; give a number such as 20, or leave the bound out"}},
		{"a second document in a profile", profile("    note: {fi: syy, en: why}\n", "    note: {fi: syy, en: why}\n---\nrequirements: []\n"),
			[]string{"f.yaml:14: the file holds more than one YAML document (line 14); laatu reads one: put each document in a file of its own"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, parse := tt.file()
			err := parse(b, "f.yaml")
			if err == nil {
				t.Fatal("no error")
			}
			got := strings.Split(msg.Localize(err, "en"), "\n")
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}
