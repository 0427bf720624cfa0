package msg

import (
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/laatu-fi/laatu/msg/internal/tables"
)

// Default is the language used when nothing else is asked for: laatu's users
// are Finnish public-sector staff.
const Default = "fi"

//go:generate go run ./internal/gencatalog

// The message tables (messages/*.yaml) are compiled by go generate into
// catalog_gen.go (compiledKeys, compiledLangs, compiledTexts): static data
// in the binary, so that laatu starts without parsing the tables or
// building a map per message.

// Catalog maps a message key to its text in each language. The texts are
// fmt formats; translations use explicit argument indexes (%[2]d) when they
// need another word order.
type Catalog struct {
	keys  []string // sorted
	langs []string
	// texts[i*len(langs)+j] is keys[i] in langs[j], "" when that language
	// has no text for it.
	texts []string
	// rows finds a key's row; it is built at the first look-up.
	rows func() map[string]int
	// byLang holds the maps Texts has returned, by key.
	byLang sync.Map
}

// newCatalog makes a catalogue of keys (sorted) with their texts by
// language, laid out as Catalog.texts says.
func newCatalog(keys, langs, texts []string) *Catalog {
	c := &Catalog{keys: keys, langs: langs, texts: texts}
	c.rows = sync.OnceValue(func() map[string]int {
		m := make(map[string]int, len(c.keys))
		for i, k := range c.keys {
			m[k] = i
		}
		return m
	})
	return c
}

// builtin is the message tables compiled into laatu (catalog_gen.go);
// msg's tests check that they match messages/*.yaml.
var builtin = newCatalog(compiledKeys, compiledLangs, compiledTexts)

// Builtin returns the message tables compiled into laatu.
func Builtin() *Catalog { return builtin }

// Load reads every messages/*.yaml table in fsys. A key defined twice is an
// error, so that two areas cannot silently overwrite each other's texts.
func Load(fsys fs.FS) (*Catalog, error) {
	texts, langs, err := tables.Load(fsys)
	if err != nil {
		return nil, err
	}
	keys, rows := tables.Rows(texts, langs)
	return newCatalog(keys, langs, rows), nil
}

// Languages lists the languages that have at least one text. The
// languages laatu offers are Declared ones: a language may have some texts
// before it has all.
func (c *Catalog) Languages() []string { return c.langs }

// Keys lists every message key, sorted.
func (c *Catalog) Keys() []string { return slices.Clone(c.keys) }

// row returns the texts of key by language, as c.langs orders them.
func (c *Catalog) row(key string) ([]string, bool) {
	i, ok := c.rows()[key]
	if !ok {
		return nil, false
	}
	n := len(c.langs)
	return c.texts[i*n : i*n+n], true
}

func (c *Catalog) has(key string) bool {
	_, ok := c.rows()[key]
	return ok
}

// Texts returns the texts of one key by language, or nil for a key the
// catalogue lacks. The map is shared and must not be changed.
func (c *Catalog) Texts(key string) map[string]string {
	if m, ok := c.byLang.Load(key); ok {
		return m.(map[string]string)
	}
	row, ok := c.row(key)
	if !ok {
		return nil
	}
	m := make(map[string]string, len(row))
	for j, t := range row {
		if t != "" {
			m[c.langs[j]] = t
		}
	}
	shared, _ := c.byLang.LoadOrStore(key, m)
	return shared.(map[string]string)
}

// Format renders key in lang, falling back to the languages of lang's
// locale (Finnish, then English, for Swedish) when the language lacks the
// text. An unknown key renders as the key itself so a
// missing text is visible rather than silent.
func (c *Catalog) Format(lang, key string, args ...any) string {
	row, ok := c.row(key)
	if !ok {
		return key + fmt.Sprint(args...)
	}
	t := c.in(row, lang)
	if t == "" {
		// Chain starts with lang itself; its fallbacks are needed only
		// when lang lacks the text, which a declared language never does.
		for _, l := range Chain(lang)[1:] {
			if t = c.in(row, l); t != "" {
				break
			}
		}
	}
	switch {
	case t == "":
		return key
	case len(args) == 0:
		return t
	}
	return fmt.Sprintf(t, args...)
}

// in is the text of row in lang, or "".
func (c *Catalog) in(row []string, lang string) string {
	if j := slices.Index(c.langs, lang); j >= 0 {
		return row[j]
	}
	return ""
}

// TN renders key for a count n: key + "." + the plural form the locale's
// rule gives n ("one" for 1 in Finnish, Swedish and English) when the
// table has that form, else key. Finnish and English both mark the
// singular apart ("Mukana ei ole kriteeriä 7" / "kriteerit 7 ja 9"); a
// language with more forms (a dual: ".two") adds keys of its own.
func TN(lang, key string, n int, args ...any) string {
	if form := LocaleOf(lang).PluralForm(n); form != "other" && Builtin().has(key+"."+form) {
		key += "." + form
	}
	return T(lang, key, args...)
}

// T renders a built-in message.
func T(lang, key string, args ...any) string { return Builtin().Format(lang, key, args...) }

// Lang picks the output language: the flag value when given, otherwise the
// language of LC_ALL, LC_MESSAGES or LANG (sv_FI.UTF-8 is sv) when laatu
// offers it (Declared), and Finnish otherwise.
func Lang(flag string, getenv func(string) string) (string, error) {
	return pickLang(flag, getenv, Declared())
}

func pickLang(flag string, getenv func(string) string, known []string) (string, error) {
	if flag != "" {
		flag = strings.ToLower(flag)
		for _, l := range known {
			if l == flag {
				return l, nil
			}
		}
		// Say so in the language the environment asks for, Finnish
		// otherwise: the flag's own value cannot be trusted to pick it.
		envLang, _ := pickLang("", getenv, known)
		return "", fmt.Errorf("%s", T(envLang, "lang.unknown", flag, strings.Join(known, ", ")))
	}
	if getenv == nil {
		getenv = os.Getenv
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		val := getenv(v)
		if val == "" {
			continue
		}
		code := strings.ToLower(val)
		if i := strings.IndexAny(code, "_.@-"); i >= 0 {
			code = code[:i]
		}
		for _, l := range known {
			if l == code {
				return l, nil
			}
		}
		return Default, nil
	}
	return Default, nil
}
