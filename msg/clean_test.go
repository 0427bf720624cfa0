package msg

import (
	"strings"
	"testing"
)

func TestClean(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Kätevä Oy", "Kätevä Oy"},
		{"a\tb\nc", "a\tb\nc"},
		{"\x1b]0;hacked\x07Kätevä", "␛]0;hacked␇Kätevä"},
		{"\x1b[2J", "␛[2J"},
		{"rivi\r\nrivi\rrivi\r", "rivi\nrivi\nrivi\n"},
		{"nolla\x00del\x7f", "nolla␀del␡"},
		{"c1\u009b31m", "c1\uFFFD31m"},
		{"latin1 \xe4", "latin1 \uFFFD"},
		{"\uFFFD", "\uFFFD"},
	} {
		if got := Clean(tc.in); got != tc.want {
			t.Errorf("Clean(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// A message quoting a value from a file cleans and cuts it.
func TestMessageCleansArgs(t *testing.T) {
	got := Message{Key: "file.read", Args: []any{"\x1b[2J" + strings.Repeat("x", 1000)}}.In("en")
	if strings.ContainsRune(got, 0x1b) || strings.Count(got, "x") > MaxValue {
		t.Errorf("message not cleaned and cut: %q", got[:50])
	}
	p := Problem{Place: Place{File: "a\x1b.csv", Sheet: "S\x07"}, Message: M("file.read", "x")}
	if s := p.In("en"); strings.ContainsAny(s, "\x1b\x07") {
		t.Errorf("place not cleaned: %q", s)
	}
}
