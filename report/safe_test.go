package report

import "testing"

func TestSafeCell(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"Kätevä", "Kätevä"},
		{`=HYPERLINK("http://x","y")`, `'=HYPERLINK("http://x","y")`},
		{"+358 40 123", "'+358 40 123"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\n=1"},
		{"\x1b]0;x\x07=1", "␛]0;x␇=1"},
		{"\n\x1b[2J", "'\n␛[2J"},
		{"＝1+1", "'＝1+1"},
		{"a=1", "a=1"},
		{"–3", "–3"}, // an en dash is not a minus sign to a spreadsheet
		{"ä", "ä"},
	} {
		if got := SafeCell(tc.in); got != tc.want {
			t.Errorf("SafeCell(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzSafeCell(f *testing.F) {
	for _, s := range []string{"=1", "+", "ok", "ä", "\x80", "＝"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := SafeCell(s)
		if c := CleanText(s); got != c && got != "'"+c {
			t.Fatalf("SafeCell(%q) = %q: only cleaning and a leading apostrophe may change it", s, got)
		}
		if CleanText(got) != got {
			t.Fatalf("SafeCell(%q) = %q holds control characters", s, got)
		}
		if got != "" && got[0] != '\'' && (got[0] == '=' || got[0] == '+' || got[0] == '-' || got[0] == '@' || got[0] == '\t' || got[0] == '\r') {
			t.Fatalf("SafeCell(%q) = %q still starts a formula", s, got)
		}
	})
}
