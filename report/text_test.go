package report

import (
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
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

// wrap's shortcut gives what laying out the words gives, on random
// strings of words, spaces of several kinds and invalid UTF-8.
func TestWrapShortcut(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 2))
	parts := []string{"työ", "a", "(tyokyky", "2)", "Åbo", " ", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "\xff", "pitkäsanaeimahdu", "–"}
	shortcuts := 0
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		s, width := b.String(), 1+rng.IntN(30)
		if !fitsOnLine(s, width) {
			continue
		}
		shortcuts++
		if got := wrapWords(s, width, "  "); got != s {
			t.Fatalf("fitsOnLine(%q, %d), but wrapWords gives %q", s, width, got)
		}
	}
	if shortcuts < 1000 {
		t.Errorf("only %d of the random strings took the shortcut", shortcuts)
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

// tableCells are cells of every kind plainLines must write as the
// Blueprint does or leave to it: empty, numbers, signs, Finnish and
// Swedish letters, two lines, wide and combining characters, a tab,
// spaces at the ends.
var tableCells = []string{
	"", "1", "124", "–", "+7", "−2", "4,25", "Yht.", "Työhönvalmennus Akaa 66",
	"Työvalmennuspalvelu Varka…\nVarkaus (alue 2)", "Åbo", "表格", "e\u0301", "👍 ok",
	"a\tb", "  reunat  ", "x\n\ny", "erinomainen",
}

// Random tables render through plainTable's renderer byte for byte as
// through a new table drawn by tablewriter's Blueprint alone.
func TestPlainLinesAsBlueprint(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 1))
	reused := newTableRenderer()
	for n := range 500 {
		cols := 1 + rng.IntN(7)
		cell := func() string { return tableCells[rng.IntN(len(tableCells))] }
		header := make([]string, cols)
		for c := range header {
			header[c] = cell()
		}
		mk := func(w io.Writer) *plainTable {
			pt := newPlainTable(w, header...)
			for c := range cols {
				pt.numeric[c] = rng.IntN(2) == 0
			}
			for range rng.IntN(6) {
				row := make([]string, cols)
				for c := range row {
					row[c] = cell()
				}
				pt.add(row...)
			}
			return pt
		}
		var got, want strings.Builder
		pt := mk(&got)
		if err := pt.renderWith(reused); err != nil {
			t.Fatal(err)
		}
		pt.w = &want
		blueprint := newTableRendererWith(func(b *renderer.Blueprint) tw.Renderer { return b })
		if err := pt.renderWith(blueprint); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want.String(), got.String()); diff != "" {
			t.Fatalf("table %d, header %q, rows %q (-Blueprint +plainLines):\n%s", n, pt.header, pt.rows, diff)
		}
	}
}
