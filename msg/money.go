package msg

import (
	"math"
	"strconv"
	"strings"
)

// Amount writes x with the given number of decimals, the digits grouped in
// thousands as the reader's language groups them: 1 200,00 in Finnish (a
// no-break space, so a figure never breaks across lines), 1,200.00 in
// English. Both separators are the locale's (msg/locales/<code>.yaml:
// decimal and group-separator), so a new language sets its own.
func Amount(lang string, x float64, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	s := strconv.FormatFloat(math.Abs(x), 'f', decimals, 64)
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if x < 0 && strings.Trim(s, "0.") != "" {
		b.WriteString("-")
	}
	loc := LocaleOf(lang)
	for i, d := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(loc.GroupSeparator)
		}
		b.WriteRune(d)
	}
	if frac != "" {
		b.WriteString(loc.Decimal)
		b.WriteString(frac)
	}
	return b.String()
}

// Money writes an amount in euros with cents: "1 200,00 €" in Finnish,
// "€1,200.00" in English (the message "money.euros" places the sign).
func Money(lang string, x float64) string {
	return T(lang, "money.euros", Amount(lang, x, 2))
}
