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
		{"\r=1", "'\r=1"},
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
		if got != s && got != "'"+s {
			t.Fatalf("SafeCell(%q) = %q: only a leading apostrophe may be added", s, got)
		}
		if got != "" && got[0] != '\'' && (got[0] == '=' || got[0] == '+' || got[0] == '-' || got[0] == '@' || got[0] == '\t' || got[0] == '\r') {
			t.Fatalf("SafeCell(%q) = %q still starts a formula", s, got)
		}
	})
}
