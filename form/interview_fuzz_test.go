package form

import (
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/rogpeppe/go-internal/txtar"
)

// FuzzInterview feeds random answer streams to new and resumed interviews,
// over a small set and one with every rating rule (counts, per-specialist
// figures, further questions): no panic, and every file saved reads back
// and fits the set (run checks each save).
func FuzzInterview(f *testing.F) {
	set := miniSet(f)
	rules := rulesSet(f)
	f.Add(details+lines("23,7", "", "n", "e", "5", "", "", "k", "e", "k", "", "", "", "3", "", ""), false)
	f.Add(details+lines("b", "o", "3", "b", "s", "x", "-", "q"), true)
	f.Add("\x00\xff\n\r\n?\nq\n", false)
	f.Add(lines("a", "", "", "", "", "", "k", "y", "-1", "1e400", "NaN", "", "6", "4.0", "4,5"), true)
	// The rules set: counts, then figures per specialist, choices, yes-no
	// and counts, with going back, removing and bad answers.
	f.Add(details+lines("83", "3,5", "", "", "", "5; 6; 3,5", "1", "k", "", "", "", "100", "3", "", "", ""), true)
	f.Add(details+lines("", "20 30", "", "", "", "6", "x", "4", "monthly-form", "b", "-", "b", "0,5", "12", "-", "q"), true)
	f.Add(details+lines("1", "0", "-1", "1", "", "", "", ";", "; ;", "1;NaN", "2;1e400", "", "9", "-", "", "", "-2", "3,5", "7"), false)
	// The review cycle at the end: outcomes with bad counts and dates,
	// going back, the kind, and actions for the weak criteria.
	f.Add(details+criteriaEN+lines("y", "y", "2026-09-30", "2026-07-01", "1.7.2026", "40", "-1", "41", "18", "b", "b", "x", "6", "-", "u", "A, B", "-", "y", "", "b", "n", "y", "act", "", "31.2.2027", "2027-01-31", "y", "q"), true)
	f.Add(details+criteriaEN+lines("k", "e", "oma", "", "", "k", "toimenpide", "-", "", "k", "", "", ""), false)
	// The days on site and the data sources: bad numbers, sources by
	// number, name and id, going back and clearing.
	f.Add(details+criteriaEN+lines("y", "n", "x", "", "", "-1", "366", "1e400", "2,5", "y", "1 3", "0", "haastattelut, 2", "b", "-", "observation;records", "4 4 x", "4", "n", "n"), true)
	// A finished file's plan: nothing is left to rate, so a resumed run
	// goes to the cycle and changes, removes and brings back actions.
	f.Add(details+criteriaEN+lines("y", "n", "", "", "", "1", "n", "y", "act", "", "", "y", "other", "", "", "",
		"k", "e", "", "", "", "", "e", "k", "", "x", "", "maybe", "valmis", "k", "-", "b", "uusi", "b", "b", "k", "-", "", "q"), true)
	// The answers of the command-line scripts' interviews.
	scripts, _ := filepath.Glob("../cmd/laatu/testdata/script/assess[-_]*.txtar")
	for _, path := range scripts {
		ar, err := txtar.ParseFile(path)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range ar.Files {
			if strings.HasPrefix(file.Name, "answers") {
				f.Add(string(file.Data), false)
				f.Add(string(file.Data), true)
			}
		}
	}
	f.Fuzz(func(t *testing.T, answers string, resume bool) {
		for _, set := range []*criteria.Set{set, rules} {
			_, _, _, saves := run(t, set, "fi", nil, nil, answers)
			if resume && len(saves) > 0 {
				saved, err := ParseYAML(saves[len(saves)-1], "saved.yaml")
				if err != nil {
					t.Fatal(err)
				}
				run(t, set, "en", saved, nil, answers)
				run(t, set, "en", saved, []int{3, 1}, answers)
			}
		}
	})
}

// BenchmarkInterview walks the whole default set, writing the file after
// every answer as laatu assess does (to memory here, without the disk).
func BenchmarkInterview(b *testing.B) {
	set, _ := criteria.Builtin(criteria.DefaultID)
	var in strings.Builder
	in.WriteString(details)
	for _, c := range set.Criteria {
		switch {
		case c.Measure != nil:
			in.WriteString("-\n3\nperustelu\nlähde\n")
		case c.Checklist != nil:
			in.WriteString(strings.Repeat("k\n", len(c.Checklist.Elements)) + "\nperustelu\nlähde\n")
		default:
			in.WriteString("3\nperustelu\nlähde\n")
		}
	}
	answers := in.String()
	saves := 0
	for b.Loop() {
		iv := &Interview{Set: set, Lang: "fi", In: strings.NewReader(answers), Out: io.Discard,
			Now:  func() time.Time { return today },
			Save: func(a *Assessment) error { saves++; return WriteYAML(io.Discard, a) }}
		if _, end, err := iv.Run(nil); err != nil || end != Finished {
			b.Fatalf("%v %v", end, err)
		}
	}
	b.ReportMetric(float64(saves)/float64(b.N), "saves/op")
}
