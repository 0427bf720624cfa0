package msg

import (
	"embed"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"
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
	Code string `yaml:"-"`
	// Name is the language's name in itself: suomi, English, svenska.
	Name string `yaml:"name"`
	// Collation is the BCP 47 tag whose CLDR order names and lists are
	// sorted in (golang.org/x/text/collate).
	Collation string `yaml:"collation"`
	// Fallback are the languages, in order, whose text is shown when this
	// one lacks it.
	Fallback []string `yaml:"fallback"`
	// Decimal is the decimal separator: "," or ".".
	Decimal string `yaml:"decimal"`
	// FigureSeparator stands between figures in a list: "; " where the
	// decimal separator is a comma.
	FigureSeparator string `yaml:"figure-separator"`
	// Date, TimeToday and DateTime are Go time layouts: a date
	// (24.11.2026), a time of today (klo 15.04) and a time of another day.
	Date      string `yaml:"date"`
	TimeToday string `yaml:"time-today"`
	DateTime  string `yaml:"date-time"`
	// ExcelDate is the date's number format in a workbook (d.m.yyyy).
	ExcelDate string `yaml:"excel-date"`
	// Yes and No are the words a reader answers with, in lower case,
	// besides the signs every language takes (x, ✓, 1, 0, -). Readers take
	// the words of every language, since a workbook made in one may be
	// filled in another.
	Yes []string `yaml:"yes"`
	No  []string `yaml:"no"`
	// ListSeparator and ListAnd join a list: "a, b ja c".
	ListSeparator string `yaml:"list-separator"`
	ListAnd       string `yaml:"list-and"`
	// Plural names the rule that picks a count's plural form (see
	// pluralRules): one-other for Finnish, Swedish and English.
	Plural string `yaml:"plural"`
	// CSV is the dialect the language's Excel opens by double-click.
	CSV CSVDialect `yaml:"csv"`

	tag language.Tag
}

// CSVDialect is the CSV a language's spreadsheet expects.
type CSVDialect struct {
	Comma   string `yaml:"comma"`
	Decimal string `yaml:"decimal"`
	// BOM is a UTF-8 byte-order mark at the start, so that Excel reads
	// ä and ö right; CRLF ends lines with CR LF.
	BOM  bool `yaml:"bom"`
	CRLF bool `yaml:"crlf"`
}

// Excel reports whether the dialect is the spreadsheet kind (semicolons, a
// decimal comma and a byte-order mark) rather than plain RFC 4180.
func (d CSVDialect) Excel() bool { return d.Comma == ";" }

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

//go:embed locales/*.yaml
var localeFiles embed.FS

var (
	localesOnce sync.Once
	locales     map[string]*Locale
	declared    []string
)

// loadLocales reads msg/locales once. The files are compiled in, so an
// error in them is a programming error that msg's tests catch.
func loadLocales() {
	localesOnce.Do(func() {
		ls, ds, err := parseLocales(localeFiles)
		if err != nil {
			panic("msg: " + err.Error())
		}
		locales, declared = ls, ds
	})
}

type languagesFile struct {
	Declared []string `yaml:"declared"`
}

func parseLocales(fsys embed.FS) (map[string]*Locale, []string, error) {
	names, err := fsys.ReadDir("locales")
	if err != nil {
		return nil, nil, err
	}
	ls := map[string]*Locale{}
	var ds []string
	for _, e := range names {
		name := e.Name()
		b, err := fsys.ReadFile(path.Join("locales", name))
		if err != nil {
			return nil, nil, err
		}
		if name == "languages.yaml" {
			var f languagesFile
			if err := yaml.Unmarshal(b, &f); err != nil {
				return nil, nil, fmt.Errorf("locales/%s: %w", name, err)
			}
			ds = f.Declared
			continue
		}
		var l Locale
		dec := yaml.NewDecoder(strings.NewReader(string(b)))
		dec.KnownFields(true)
		if err := dec.Decode(&l); err != nil {
			return nil, nil, fmt.Errorf("locales/%s: %w", name, err)
		}
		l.Code = strings.TrimSuffix(name, ".yaml")
		if err := l.check(); err != nil {
			return nil, nil, fmt.Errorf("locales/%s: %w", name, err)
		}
		ls[l.Code] = &l
	}
	for _, d := range ds {
		if ls[d] == nil {
			return nil, nil, fmt.Errorf("locales/languages.yaml: %q is declared but has no locales/%s.yaml", d, d)
		}
	}
	if !slices.Contains(ds, Default) {
		return nil, nil, fmt.Errorf("locales/languages.yaml: the default language %q is not declared", Default)
	}
	slices.Sort(ds)
	return ls, ds, nil
}

func (l *Locale) check() error {
	tag, err := language.Parse(l.Collation)
	if err != nil {
		return fmt.Errorf("collation %q: %w", l.Collation, err)
	}
	l.tag = tag
	if pluralRules[l.Plural] == nil {
		return fmt.Errorf("unknown plural rule %q", l.Plural)
	}
	for field, v := range map[string]string{"name": l.Name, "decimal": l.Decimal, "figure-separator": l.FigureSeparator,
		"date": l.Date, "time-today": l.TimeToday, "date-time": l.DateTime, "excel-date": l.ExcelDate,
		"list-separator": l.ListSeparator, "list-and": l.ListAnd, "csv.comma": l.CSV.Comma, "csv.decimal": l.CSV.Decimal} {
		if v == "" {
			return fmt.Errorf("%s is missing", field)
		}
	}
	if len(l.Yes) == 0 || len(l.No) == 0 {
		return fmt.Errorf("yes and no need words")
	}
	for _, w := range append(slices.Clone(l.Yes), l.No...) {
		if w != strings.ToLower(strings.TrimSpace(w)) || w == "" {
			return fmt.Errorf("answer word %q: write it in lower case without spaces", w)
		}
		if slices.Contains(l.Yes, w) && slices.Contains(l.No, w) {
			return fmt.Errorf("%q is both a yes and a no", w)
		}
	}
	return nil
}

// Declared lists the languages laatu offers, sorted: the ones
// msg/locales/languages.yaml declares complete.
func Declared() []string {
	loadLocales()
	return declared
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
func (l *Locale) List(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], l.ListSeparator) + l.ListAnd + items[len(items)-1]
}

// JoinFigures joins figures so that a decimal comma is not mistaken for a
// separator: "1,5; 2" in Finnish, "1.5, 2" in English.
func (l *Locale) JoinFigures(figs []string) string { return strings.Join(figs, l.FigureSeparator) }

// PluralForm is the plural form of a count: "one", "two" or "other".
func (l *Locale) PluralForm(n int) string { return pluralRules[l.Plural](n) }

// Collator returns a new collator of the language's CLDR order (å, ä, ö
// after z in Finnish and Swedish). A collator is not safe for concurrent
// use; take one per goroutine.
func (l *Locale) Collator() *collate.Collator { return collate.New(l.tag) }

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
