package form

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/criteria"
	"golang.org/x/text/encoding/charmap"
)

func TestCleanNumber(t *testing.T) {
	for in, want := range map[string]string{
		"4":                   "4",
		"4.0":                 "4",
		"0.92000000000000004": "0.92",
		"3.9999999999999996":  "4",
		"23.7":                "23.7",
		"1E-3":                "0.001",
		"4,0":                 "4,0", // text: left to ParseLevel
		"0x1.8p1":             "0x1.8p1",
		"Infinity":            "Infinity",
		"neljä":               "neljä",
	} {
		if got := cleanNumber(in); got != want {
			t.Errorf("cleanNumber(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMarkKind(t *testing.T) {
	for in, want := range map[string]int{"x": 1, " X ": 1, "kyllä": 1, "TRUE": 1, "1": 1, "✓": 1, "k": 1, "y": 1, "": 0, "ei": -1, "No": -1, "0": -1, "-": -1, "e": -1, "n": -1} {
		got, ok := markKind(in)
		if !ok || got != want {
			t.Errorf("markKind(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"joo", "xx", "2"} {
		if _, ok := markKind(in); ok {
			t.Errorf("markKind(%q) accepted", in)
		}
	}
}

func TestCellDate(t *testing.T) {
	want := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	for _, in := range []string{"46350", "46350.75", "24.11.2026", "2026-11-24", "2026-11-24T00:00:00Z"} {
		if got, ok := cellDate(in); !ok || !got.Equal(want) {
			t.Errorf("cellDate(%q) = %v, %v", in, got, ok)
		}
	}
	for _, in := range []string{"0", "-3", "huomenna", "1e308"} {
		if _, ok := cellDate(in); ok {
			t.Errorf("cellDate(%q) accepted", in)
		}
	}
}

func TestDecodeText(t *testing.T) {
	fi := "Arviointipäivä;24.11.2026\r\nNäyttö;ö å €\r\n"
	cp1252, err := charmap.Windows1252.NewEncoder().String(fi)
	if err != nil {
		t.Fatal(err)
	}
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range fi {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	for name, in := range map[string][]byte{
		"UTF-8":        []byte(fi),
		"UTF-8 BOM":    append([]byte("\xef\xbb\xbf"), fi...),
		"Windows-1252": []byte(cp1252),
		"UTF-16LE BOM": utf16,
	} {
		got, err := decodeText(in)
		if err != nil || got != fi {
			t.Errorf("%s: got %q, %v", name, got, err)
		}
	}
}

func TestNormName(t *testing.T) {
	for in, want := range map[string]string{
		"Arviointipäivä (pp.kk.vvvv):": "arviointipäivä",
		"  No. ":                       "no",
		"\ufeffKriteeristö":            "kriteeristö",
		"Unit  or   service":           "unit or service",
	} {
		if got := normName(in); got != want {
			t.Errorf("normName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLayout(t *testing.T) {
	set := builtinSetInternal(t)
	l := newLayout(set)
	// The first domain's heading, then criteria 1–3; criterion 1's ten
	// specialists, their mean, two counts and their ratio follow its own
	// row, and criterion 2's specialists and mean; criterion 5's five
	// checklist rows follow its own row.
	if got := []int{l.domains[0].row, l.item[1], l.item[2], l.item[3], l.domains[1].row, l.item[5]}; !cmp.Equal(got, []int{6, 7, 22, 34, 35, 37}) {
		t.Errorf("rows %v", got)
	}
	r1 := l.rules[1]
	if got := []int{r1.specialists[0], r1.specialists[9], r1.mean, r1.counts[0], r1.counts[1], r1.ratio}; !cmp.Equal(got, []int{8, 17, 18, 19, 20, 21}) {
		t.Errorf("criterion 1's rule rows %v", got)
	}
	if got := l.elements[5]; !cmp.Equal(got, []int{38, 39, 40, 41, 42}) {
		t.Errorf("criterion 5's checklist rows %v", got)
	}
	if got := columnOf(assessmentColumns, colLevel) + columnOf(assessmentColumns, colFigureValue); got != "DK" {
		t.Errorf("columns %s", got)
	}
	if columnName(27) != "AA" || columnName(1) != "A" {
		t.Error("columnName")
	}
}

func builtinSetInternal(t *testing.T) *criteria.Set {
	t.Helper()
	set, ok := criteria.Builtin("tyokyky")
	if !ok {
		t.Fatal("no tyokyky set")
	}
	return set
}

func TestIsPercentFormat(t *testing.T) {
	for code, want := range map[string]bool{
		"0%": true, "0.0 %": true, `#,##0.00\ %`: true, `0\%`: false, `0 "%"`: false, `0" kpl"`: false,
		`[Red]0.0%;-0%`: true, "General": false, `"%"0%`: true, "": false,
	} {
		if got := isPercentFormat(code); got != want {
			t.Errorf("isPercentFormat(%q) = %v, want %v", code, got, want)
		}
	}
}

func TestParseCellAndRange(t *testing.T) {
	for ref, want := range map[string]cellPos{"A1": {0, 0}, "d7": {6, 3}, "$XFD$1048576": {1048575, 16383}, "AA10": {9, 26}} {
		if got, ok := parseCell(ref); !ok || got != want {
			t.Errorf("parseCell(%q) = %v, %v; want %v", ref, got, ok, want)
		}
	}
	for _, bad := range []string{"", "7", "D", "D0", "XFE1", "AAAA1", "D-1", "D1x"} {
		if got, ok := parseCell(bad); ok {
			t.Errorf("parseCell(%q) = %v, want refused", bad, got)
		}
	}
	want := map[cellPos]bool{{6, 3}: true, {7, 3}: true} // D7, D8
	for ref, hidden := range map[string]bool{"D7:D8": true, "D8:D7": true, "D7:F7": false, "C8:D8": true, "D7:D7": false, "A1:B2": false} {
		r, ok := parseRange(ref)
		if !ok || hides(r, want) != hidden {
			t.Errorf("%s hides an answer: %v, want %v (parsed %v)", ref, hides(r, want), hidden, ok)
		}
	}
}
