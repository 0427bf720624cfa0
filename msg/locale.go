package msg

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/laatu-fi/laatu/msg/internal/tables"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Locale is everything about a language that is not a message text: how
// its readers write numbers, dates and lists, which words they answer yes
// and no with, how they count (plural forms), how they sort and which CSV
// their Excel opens. Each language's locale is data, msg/locales/<code>.yaml;
// msg/locales/languages.yaml declares which languages laatu offers.
type Locale struct {
	// Code is the language's code, the file's name: fi, en, sv.
	Code string
	// Name is the language's name in itself: suomi, English, svenska.
	Name string
	// Collation is the BCP 47 tag whose CLDR order names and lists are
	// sorted in (golang.org/x/text/collate).
	Collation string
	// Fallback are the languages, in order, whose text is shown when this
	// one lacks it.
	Fallback []string
	// Decimal is the decimal separator: "," or ".".
	Decimal string
	// GroupSeparator stands between groups of three digits in an amount
	// (msg.Amount): a no-break space in Finnish and Swedish, so that
	// 1 200,00 € never breaks across lines, a comma in English.
	GroupSeparator string
	// FigureSeparator stands between figures in a list: "; " where the
	// decimal separator is a comma.
	FigureSeparator string
	// Date, TimeToday and DateTime are Go time layouts: a date
	// (24.11.2026), a time of today (klo 15.04) and a time of another day.
	Date      string
	TimeToday string
	DateTime  string
	// ExcelDate is the date's number format in a workbook (d.m.yyyy).
	ExcelDate string
	// Yes and No are the words a reader answers with, in lower case,
	// besides the signs every language takes (x, ✓, 1, 0, -). Readers take
	// the words of every language, since a workbook made in one may be
	// filled in another.
	Yes []string
	No  []string
	// ListSeparator and ListAnd join a list: "a, b ja c"; ListOr joins
	// alternatives: "a, b tai c".
	ListSeparator string
	ListAnd       string
	ListOr        string
	// Plural names the rule that picks a count's plural form (see
	// pluralRules): one-other for Finnish, Swedish and English.
	Plural string
	// CSV is the dialect the language's Excel opens by double-click.
	CSV CSVDialect
}

// CSVDialect is the CSV a language's spreadsheet expects: Comma, Decimal,
// BOM (a UTF-8 byte-order mark, so that Excel reads ä and ö right) and
// CRLF; Excel() reports whether it is the spreadsheet kind (semicolons, a
// decimal comma) rather than plain RFC 4180.
type CSVDialect = tables.CSVDialect

// pluralRules map a rule's name to the function that picks the form of a
// count: "one", "two" or "other" (the CLDR names). TN looks for the message
// key + "." + form, and takes the key itself for "other".
var pluralRules = map[string]func(n int) string{
	// Finnish, Swedish, English: 1 is singular, every other count plural.
	"one-other": func(n int) string {
		if n == 1 {
			return "one"
		}
		return "other"
	},
	// Northern Sámi: a dual for 2.
	"one-two-other": func(n int) string {
		switch n {
		case 1:
			return "one"
		case 2:
			return "two"
		}
		return "other"
	},
}

var (
	localesOnce sync.Once
	locales     map[string]*Locale
)

// loadLocales takes the locales compiled from msg/locales (catalog_gen.go,
// made by go generate): laatu starts without parsing them.
func loadLocales() {
	localesOnce.Do(func() {
		locales = make(map[string]*Locale, len(compiledLocales))
		for c, l := range compiledLocales {
			loc := Locale(l)
			locales[c] = &loc
		}
	})
}

// Declared lists the languages laatu offers, sorted: the ones
// msg/locales/languages.yaml declares complete.
func Declared() []string { return compiledDeclared }

// Offered lists the declared languages as help names them: the default
// first, then the others sorted (fi, en, sv).
func Offered() []string {
	out := []string{Default}
	for _, l := range Declared() {
		if l != Default {
			out = append(out, l)
		}
	}
	return out
}

// Locales lists every language that has a locale file, sorted, declared or
// not: readers take the words of all of them.
func Locales() []string {
	loadLocales()
	codes := make([]string, 0, len(locales))
	for c := range locales {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	return codes
}

// LocaleOf returns lang's locale; a language without one gets Finnish's,
// the default.
func LocaleOf(lang string) *Locale {
	loadLocales()
	if l := locales[lang]; l != nil {
		return l
	}
	return locales[Default]
}

// Chain is the languages whose texts are tried for lang, in order: lang,
// then its locale's fallbacks (Swedish: Finnish, then English); a language
// without a locale falls back to Finnish, then English.
func Chain(lang string) []string {
	loadLocales()
	if l := locales[lang]; l != nil {
		return append([]string{lang}, l.Fallback...)
	}
	return []string{lang, Default, "en"}
}

// Number writes a number that strconv formatted (with a decimal point) with
// the locale's decimal separator.
func (l *Locale) Number(s string) string {
	if l.Decimal == "." {
		return s
	}
	return strings.Replace(s, ".", l.Decimal, 1)
}

// FormatFloat writes x with the given decimals (-1: as many as it has).
func (l *Locale) FormatFloat(x float64, decimals int) string {
	return l.Number(strconv.FormatFloat(x, 'f', decimals, 64))
}

// FormatDate writes a date: 24.11.2026 in Finnish, 2026-11-24 in English.
func (l *Locale) FormatDate(t time.Time) string { return t.Format(l.Date) }

// FormatTime writes the time of t, with its date when it is not on today's
// date.
func (l *Locale) FormatTime(t, today time.Time) string {
	y, m, d := t.Date()
	if y2, m2, d2 := today.Date(); y != y2 || m != m2 || d != d2 {
		return t.Format(l.DateTime)
	}
	return t.Format(l.TimeToday)
}

// List joins items as the language writes a list: "a, b ja c".
func (l *Locale) List(items []string) string { return l.join(items, l.ListAnd) }

// Alternatives joins items as choices: "a, b tai c".
func (l *Locale) Alternatives(items []string) string { return l.join(items, l.ListOr) }

func (l *Locale) join(items []string, last string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], l.ListSeparator) + last + items[len(items)-1]
}

// JoinFigures joins figures so that a decimal comma is not mistaken for a
// separator: "1,5; 2" in Finnish, "1.5, 2" in English.
func (l *Locale) JoinFigures(figs []string) string { return strings.Join(figs, l.FigureSeparator) }

// PluralForm is the plural form of a count: "one", "two" or "other".
func (l *Locale) PluralForm(n int) string { return pluralRules[l.Plural](n) }

// Collator returns a new collator of the language's CLDR order (å, ä, ö
// after z in Finnish and Swedish). A collator is not safe for concurrent
// use; take one per goroutine.
func (l *Locale) Collator() *collate.Collator { return collate.New(language.Make(l.Collation)) }

// Sort sorts s in the language's order.
func (l *Locale) Sort(s []string) { l.Collator().SortStrings(s) }

// YesWords and NoWords are the answer words of every locale, each once, in
// the order of the locales (sorted by code) and of their files.
func YesWords() []string { return answerWords(func(l *Locale) []string { return l.Yes }) }

// NoWords: see YesWords.
func NoWords() []string { return answerWords(func(l *Locale) []string { return l.No }) }

func answerWords(of func(*Locale) []string) []string {
	var out []string
	for _, c := range Locales() {
		for _, w := range of(locales[c]) {
			if !slices.Contains(out, w) {
				out = append(out, w)
			}
		}
	}
	return out
}
