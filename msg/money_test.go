package msg

import "testing"

func TestMoney(t *testing.T) {
	for _, c := range []struct {
		lang string
		x    float64
		want string
	}{
		{"fi", 1200, "1\u00a0200,00\u00a0€"},
		{"en", 1200, "€1,200.00"},
		{"fi", 950, "950,00\u00a0€"},
		{"en", 1234567.891, "€1,234,567.89"},
		{"fi", 0, "0,00\u00a0€"},
		{"en", -1000.5, "€-1,000.50"},
		{"sv", 1234567.891, "1\u00a0234\u00a0567,89\u00a0€"},
	} {
		if got := Money(c.lang, c.x); got != c.want {
			t.Errorf("Money(%s, %v) = %q, want %q", c.lang, c.x, got, c.want)
		}
	}
	if got := Amount("fi", 100000, 0); got != "100\u00a0000" {
		t.Errorf("Amount = %q", got)
	}
	// The separators come from the locale files, not from messages: a
	// language adds its own in msg/locales/<code>.yaml.
	for _, lang := range Locales() {
		l := LocaleOf(lang)
		want := "1" + l.GroupSeparator + "000" + l.Decimal + "5"
		if got := Amount(lang, 1000.5, 1); got != want {
			t.Errorf("Amount(%s, 1000.5, 1) = %q, want %q (locales/%s.yaml)", lang, got, want, lang)
		}
	}
}
