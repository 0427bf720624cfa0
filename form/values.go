package form

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// ParseLevel reads a level as people type it into a file or a cell: 4, 4.0,
// 4,0, "4", or a drop-down text such as "4 – valmentajalla 21–25 asiakasta".
// Blank is "not rated" (0, true). ok is false for anything else, including
// numbers outside 1–5; the caller reports the text it was given.
func ParseLevel(s string) (level int, ok bool) {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), `"'`))
	if s == "" {
		return 0, true
	}
	// A drop-down choice: the leading digit, then a dash or space.
	if len(s) > 1 && s[0] >= '0' && s[0] <= '9' {
		if rest := strings.TrimLeft(s[1:], " \t"); rest != "" && strings.ContainsRune("-–—:)", []rune(rest)[0]) {
			s = s[:1]
		}
	}
	f, ok := ParseNumber(s)
	if !ok || f != math.Trunc(f) || f < 1 || f > 5 {
		return 0, false
	}
	return int(f), true
}

// ParseNumber reads a figure written with a decimal point or a decimal comma
// (23.7, 23,7), with optional spaces as thousands separators and a trailing
// per cent sign. Infinity and NaN are not numbers to laatu.
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
	if s == "" || strings.Count(s, ".") > 1 {
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
