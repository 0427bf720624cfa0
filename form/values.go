package form

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// ParseLevel reads a level as people type it into a file or a cell: 4, 4.0,
// 4,0, "4", or the text of one of the template's anchors as it shows them,
// "4 – valmentajalla 21–25 asiakasta" (a digit, a dash and the anchor's
// words), which is read by its digit. Blank is "not rated" (0, true). ok is
// false for anything else — numbers outside 1–5, and text that only starts
// with a digit, such as a range "1–5" or "4-5" or "3) hyvä", whose level
// is anyone's guess; the caller reports the text it was given.
func ParseLevel(s string) (level int, ok bool) {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), `"'`))
	if s == "" {
		return 0, true
	}
	if m := anchorLabel.FindStringSubmatch(s); m != nil {
		return int(m[1][0] - '0'), true
	}
	if !wholeNumber.MatchString(s) {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimLeft(s[:strings.IndexAny(s+".", ".,")], "0"))
	if err != nil || n < 1 || n > 5 {
		return 0, false
	}
	return n, true
}

var (
	// wholeNumber is a level as a number: digits, and maybe a decimal
	// point or comma with zeros (a cell formatted with decimals).
	wholeNumber = regexp.MustCompile(`^[0-9]{1,9}(?:[.,]0*)?$`)
	// anchorLabel is an anchor as the template writes it, "4 – text":
	// the level, a dash (en dash or hyphen) between spaces, and text on
	// one line with words in it ("4 – 70–84 % töistä…"): "1 – 5" is a
	// range.
	anchorLabel = regexp.MustCompile(`^([1-5])[ \t\x{a0}]+[–-][ \t\x{a0}]+[^\n\r]*\pL[^\n\r]*$`)
	// decimal is a figure once ParseNumber has taken out its spaces and
	// made its decimal comma a point: digits with a decimal part, and an
	// exponent as a spreadsheet may write a very large or small number.
	decimal = regexp.MustCompile(`^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,3})?$`)
)

// ParseNumber reads a figure written with a decimal point or a decimal comma
// (23.7, 23,7), with optional spaces as thousands separators and a trailing
// per cent sign. Only plain decimal numbers are numbers to laatu: not
// Infinity or NaN, not hexadecimal (0x1p2), not digits grouped with
// underscores.
func ParseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(s, "%")
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u00a0', '\u202f':
			return -1
		case ',':
			return '.'
		case '−': // minus sign
			return '-'
		}
		return r
	}, s)
	if !decimal.MatchString(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// ParseDate reads a date as ISO 2026-11-24 or Finnish 24.11.2026.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.DateOnly, "2.1.2006", "2.1.2006.", time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			y, m, d := t.Date()
			return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), true
		}
	}
	return time.Time{}, false
}
