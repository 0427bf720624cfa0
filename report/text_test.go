package report

import (
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// wrap breaks between words, keeps a short parenthesised group whole and
// lets a word longer than the line stand alone.
func TestWrap(t *testing.T) {
	tests := []struct {
		name, in string
		width    int
		want     string
	}{
		{"fits", "Kriteeristö: Laatu (tyokyky 2)", 40, "Kriteeristö: Laatu (tyokyky 2)"},
		{"between words", "yksi kaksi kolme neljä", 10, "yksi kaksi\n  kolme\n  neljä"},
		{"group kept whole", "Profiili: keskeiset (te-tyohonvalmennus 1)", 40,
			"Profiili: keskeiset\n  (te-tyohonvalmennus 1)"},
		{"long group breaks", "a (" + "yksi kaksi kolme neljä viisi kuusi seitsemän)", 20,
			"a (yksi kaksi kolme\n  neljä viisi kuusi\n  seitsemän)"},
		{"unclosed group", "a (yksi kaksi", 6, "a\n  (yksi\n  kaksi"},
		{"long word alone", "a pitkäsanaeimahdu b", 8, "a\n  pitkäsanaeimahdu\n  b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, wrap(tt.in, tt.width, "  ")); diff != "" {
				t.Errorf("wrap(%q, %d) (-want +got):\n%s", tt.in, tt.width, diff)
			}
		})
	}
}

// A table rendered by a renderer that has rendered other tables, wider,
// narrower, aligned otherwise, is the table a new renderer makes.
func TestPlainTableReusedRenderer(t *testing.T) {
	tables := []func(w io.Writer) *plainTable{
		func(w io.Writer) *plainTable {
			pt := newPlainTable(w, "Sija", "Palvelu", "Yht.", "Muutos").rightAlign(0, 2, 3)
			pt.add("1", "Työhönvalmennus Akaa 66", "124", "+7")
			pt.add("12", "Työllisyyspalvelut Åbo 64", "9", "–")
			return pt
		},
		func(w io.Writer) *plainTable {
			pt := newPlainTable(w, "Kriteeri", "Taso")
			pt.add("1 Valmentajan asiakasmäärä, joka on pitkä nimi", "5")
			pt.add("25", "")
			return pt
		},
		func(w io.Writer) *plainTable {
			pt := newPlainTable(w, "a", "b", "c", "d", "e", "f").rightAlign(5)
			pt.add("x", "", "yy", "", "zzz", "1,5")
			return pt
		},
		func(w io.Writer) *plainTable { return newPlainTable(w, "vain otsikko").rightAlign(0) },
	}
	fresh := make([]string, len(tables))
	for i, mk := range tables {
		var b strings.Builder
		if err := mk(&b).renderWith(newTableRenderer()); err != nil {
			t.Fatal(err)
		}
		fresh[i] = b.String()
	}
	reused := newTableRenderer()
	for round := range 3 {
		for i := range tables {
			// each round in another order
			j := (i*(round+1) + round) % len(tables)
			var b strings.Builder
			if err := tables[j](&b).renderWith(reused); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(fresh[j], b.String()); diff != "" {
				t.Errorf("round %d, table %d after others (-new renderer +reused):\n%s", round, j, diff)
			}
		}
	}
}
