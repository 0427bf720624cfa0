package report

import (
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
