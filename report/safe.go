package report

import "unicode/utf8"

// SafeCell neutralises text that a spreadsheet program would otherwise run
// as a formula (formula or CSV injection): text starting with = + - or @,
// their full-width forms, or a tab or carriage return gets a leading
// apostrophe, so `=HYPERLINK("http://x","y")` in a provider's name is shown
// as written instead of becoming a link. Every text cell laatu writes to CSV
// or XLSX goes through here; numbers are written as numbers and need not.
func SafeCell(s string) string {
	if s == "" {
		return s
	}
	switch r, _ := utf8.DecodeRuneInString(s); r {
	case '=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠':
		return "'" + s
	}
	return s
}
