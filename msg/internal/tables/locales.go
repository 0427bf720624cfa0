package tables

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Locale is one msg/locales/<code>.yaml file: everything about a language
// that is not a message text. msg.Locale has the same fields and documents
// them.
type Locale struct {
	Code            string     `yaml:"-"`
	Name            string     `yaml:"name"`
	Collation       string     `yaml:"collation"`
	Fallback        []string   `yaml:"fallback"`
	Decimal         string     `yaml:"decimal"`
	GroupSeparator  string     `yaml:"group-separator"`
	FigureSeparator string     `yaml:"figure-separator"`
	Date            string     `yaml:"date"`
	TimeToday       string     `yaml:"time-today"`
	DateTime        string     `yaml:"date-time"`
	ExcelDate       string     `yaml:"excel-date"`
	Yes             []string   `yaml:"yes"`
	No              []string   `yaml:"no"`
	ListSeparator   string     `yaml:"list-separator"`
	ListAnd         string     `yaml:"list-and"`
	ListOr          string     `yaml:"list-or"`
	Plural          string     `yaml:"plural"`
	CSV             CSVDialect `yaml:"csv"`
}

// CSVDialect is the CSV a language's spreadsheet expects (msg.CSVDialect).
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

// PluralRules are the plural rules a locale may name.
var PluralRules = []string{"one-other", "one-two-other"}

// LoadLocales reads every locales/*.yaml in fsys: the locales by code, and
// the declared languages of locales/languages.yaml, sorted.
func LoadLocales(fsys fs.FS) (map[string]Locale, []string, error) {
	names, err := fs.Glob(fsys, "locales/*.yaml")
	if err != nil {
		return nil, nil, err
	}
	ls := map[string]Locale{}
	var declared []string
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, nil, err
		}
		dec := yaml.NewDecoder(bytes.NewReader(b))
		dec.KnownFields(true)
		if path.Base(name) == "languages.yaml" {
			var f struct {
				Declared []string `yaml:"declared"`
			}
			if err := dec.Decode(&f); err != nil {
				return nil, nil, fmt.Errorf("%s: %w", name, err)
			}
			declared = f.Declared
			continue
		}
		var l Locale
		if err := dec.Decode(&l); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", name, err)
		}
		l.Code = strings.TrimSuffix(path.Base(name), ".yaml")
		if err := l.check(); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", name, err)
		}
		ls[l.Code] = l
	}
	for _, d := range declared {
		if _, ok := ls[d]; !ok {
			return nil, nil, fmt.Errorf("locales/languages.yaml: %q is declared but has no locales/%s.yaml", d, d)
		}
	}
	for c, l := range ls {
		for _, f := range l.Fallback {
			if _, ok := ls[f]; !ok || f == c {
				return nil, nil, fmt.Errorf("locales/%s.yaml: fallback %q has no locale", c, f)
			}
		}
	}
	slices.Sort(declared)
	return ls, declared, nil
}

func (l *Locale) check() error {
	if !slices.Contains(PluralRules, l.Plural) {
		return fmt.Errorf("unknown plural rule %q; known: %s", l.Plural, strings.Join(PluralRules, ", "))
	}
	for _, f := range []struct{ name, v string }{
		{"name", l.Name}, {"collation", l.Collation}, {"decimal", l.Decimal}, {"group-separator", l.GroupSeparator}, {"figure-separator", l.FigureSeparator},
		{"date", l.Date}, {"time-today", l.TimeToday}, {"date-time", l.DateTime}, {"excel-date", l.ExcelDate},
		{"list-separator", l.ListSeparator}, {"list-and", l.ListAnd}, {"list-or", l.ListOr}, {"csv.comma", l.CSV.Comma}, {"csv.decimal", l.CSV.Decimal},
	} {
		if f.v == "" {
			return fmt.Errorf("%s is missing", f.name)
		}
	}
	if len(l.Yes) == 0 || len(l.No) == 0 {
		return fmt.Errorf("yes and no need words")
	}
	for _, w := range append(slices.Clone(l.Yes), l.No...) {
		if w == "" || w != strings.ToLower(strings.TrimSpace(w)) {
			return fmt.Errorf("answer word %q: write it in lower case without spaces", w)
		}
		if slices.Contains(l.Yes, w) && slices.Contains(l.No, w) {
			return fmt.Errorf("%q is both a yes and a no", w)
		}
	}
	return nil
}
