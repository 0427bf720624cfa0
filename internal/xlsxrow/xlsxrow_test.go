package xlsxrow

import "testing"

func TestLines(t *testing.T) {
	for _, tc := range []struct {
		text  string
		width float64
		bold  bool
		want  int
	}{
		{"", 10, false, 1},
		{"lyhyt", 10, false, 1},
		{"Asiakasmäärä työhönvalmentajaa kohden", 44, false, 1},
		// Carlito (Calibri's widths) wraps it in a column 34 wide in
		// LibreOffice.
		{"Asiakasmäärä työhönvalmentajaa kohden", 34, false, 2},
		{"Asiakasmäärä työhönvalmentajaa kohden", 30, false, 2},
		{"Asiakasmäärä työhönvalmentajaa kohden", 20, false, 3},
		{"Asiakasmäärä työhönvalmentajaa kohden", 20, true, 3},
		// A paragraph per line, each wrapped on its own.
		{"yksi\nkaksi\nkolme", 40, false, 3},
		// A word longer than the line breaks where it must.
		{"testdata/services/vantaa-kerava-2026-11.yaml", 12, false, 5},
		// A line may break after a hyphen.
		{"sote-palveluihin", 10, false, 2},
	} {
		if got := Lines(tc.text, tc.width, 11, tc.bold); got != tc.want {
			t.Errorf("Lines(%q, %g, bold %v) = %d, want %d", tc.text, tc.width, tc.bold, got, tc.want)
		}
	}
}

func TestHeightAndWordWidth(t *testing.T) {
	if h := Height(1, 11); h != 17.3 {
		t.Errorf("Height(1) = %g", h)
	}
	if h := Height(1000, 11); h != MaxHeight {
		t.Errorf("Height(1000) = %g, want Excel's highest row", h)
	}
	// The longest word of the heading, with room to spare.
	w := WordWidth("Palvelun järjestäminen, pisteet", 11, true)
	if w < 13 || w > 18 {
		t.Errorf("WordWidth = %g", w)
	}
	for _, word := range []string{"Kokonaispisteet", "Vastaamatta", "Kriteerejä"} {
		if Lines(word, WordWidth(word, 11, true), 11, true) != 1 {
			t.Errorf("%q does not fit in its own word width", word)
		}
	}
}

func TestLineWidth(t *testing.T) {
	for _, text := range []string{"Työkykyisempi Stadi", "Lempäälän vammaispalvelujen työhönvalmennus", "20.11.2026"} {
		w := LineWidth(text, 10, false)
		if Lines(text, w, 10, false) != 1 {
			t.Errorf("%q takes more than one line in its line width %g", text, w)
		}
		if w < WordWidth(text, 10, false) {
			t.Errorf("%q: line width %g is narrower than its longest word", text, w)
		}
	}
	if a, b := LineWidth("Kehitys", 10, true), LineWidth("Kehitys", 10, false); a <= b {
		t.Errorf("bold text is not wider: %g <= %g", a, b)
	}
}
