package msg

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/msg/internal/tables"
	"golang.org/x/text/language"
)

// The compiled locales are msg/locales as they are: a locale file changed
// without go generate fails here.
func TestCompiledLocalesAreCurrent(t *testing.T) {
	ls, declared, err := tables.LoadLocales(os.DirFS("."))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(ls, compiledLocales); diff != "" {
		t.Errorf("catalog_gen.go is behind msg/locales (run go generate ./msg):\n%s", diff)
	}
	if diff := cmp.Diff(declared, compiledDeclared); diff != "" {
		t.Errorf("declared languages differ (run go generate ./msg):\n%s", diff)
	}
	for _, p := range tables.PluralRules {
		if pluralRules[p] == nil {
			t.Errorf("plural rule %s has no function in msg", p)
		}
	}
}

func TestLocaleFiles(t *testing.T) {
	if got, want := Locales(), []string{"en", "fi", "sv"}; !cmp.Equal(got, want) {
		t.Errorf("locales: %s", cmp.Diff(want, got))
	}
	if !slices.Contains(Declared(), Default) {
		t.Errorf("the default %s is not declared: %v", Default, Declared())
	}
	// A word may not be yes in one language and no in another: readers
	// take the words of every language.
	for _, y := range YesWords() {
		if slices.Contains(NoWords(), y) {
			t.Errorf("%q is a yes word in one locale and a no word in another", y)
		}
	}
	for _, c := range Locales() {
		l := LocaleOf(c)
		if _, err := language.Parse(l.Collation); err != nil {
			t.Errorf("%s: collation %q: %v", c, l.Collation, err)
		}
		if pluralRules[l.Plural] == nil {
			t.Errorf("%s: plural rule %q has no function in pluralRules", c, l.Plural)
		}
		for _, f := range l.Fallback {
			if LocaleOf(f).Code != f {
				t.Errorf("%s falls back to %s, which has no locale", c, f)
			}
		}
	}
}

func TestLocaleNumbers(t *testing.T) {
	for _, tt := range []struct {
		lang     string
		x        float64
		decimals int
		want     string
	}{
		{"fi", 0.92, -1, "0,92"},
		{"sv", 0.92, -1, "0,92"},
		{"en", 0.92, -1, "0.92"},
		{"fi", 23.714, 2, "23,71"},
		{"sv", 23.714, 2, "23,71"},
		{"en", 23.714, 2, "23.71"},
		{"fi", 12, -1, "12"},
		{"de", 1.5, 1, "1,5"}, // no locale: Finnish's
	} {
		if got := LocaleOf(tt.lang).FormatFloat(tt.x, tt.decimals); got != tt.want {
			t.Errorf("%s: FormatFloat(%v, %d) = %q, want %q", tt.lang, tt.x, tt.decimals, got, tt.want)
		}
		if tt.decimals == -1 {
			if got := Number(tt.x).In(tt.lang); got != tt.want {
				t.Errorf("%s: Number(%v) = %q, want %q", tt.lang, tt.x, got, tt.want)
			}
		}
	}
	for lang, want := range map[string]string{"fi": "1,5; 2", "sv": "1,5; 2", "en": "1.5, 2"} {
		l := LocaleOf(lang)
		if got := l.JoinFigures([]string{l.FormatFloat(1.5, -1), l.FormatFloat(2, -1)}); got != want {
			t.Errorf("%s: figures %q, want %q", lang, got, want)
		}
	}
}

func TestLocaleDates(t *testing.T) {
	d := time.Date(2026, 11, 24, 9, 5, 0, 0, time.UTC)
	jan := time.Date(2027, 1, 2, 15, 4, 0, 0, time.UTC)
	for _, tt := range []struct {
		lang                 string
		date, jan            string
		today, otherDay      string
		excel                string
		csvExcel, csvBOM     bool
		csvComma, csvDecimal string
	}{
		{"fi", "24.11.2026", "2.1.2027", "klo 09.05", "24.11.2026 klo 09.05", "d.m.yyyy", true, true, ";", ","},
		{"sv", "24.11.2026", "2.1.2027", "kl. 09.05", "24.11.2026 kl. 09.05", "d.m.yyyy", true, true, ";", ","},
		{"en", "2026-11-24", "2027-01-02", "09:05", "2026-11-24 09:05", "yyyy-mm-dd", false, false, ",", "."},
	} {
		l := LocaleOf(tt.lang)
		got := []any{l.FormatDate(d), l.FormatDate(jan), l.FormatTime(d, d.Add(time.Hour)), l.FormatTime(d, jan),
			l.ExcelDate, l.CSV.Excel(), l.CSV.BOM, l.CSV.Comma, l.CSV.Decimal}
		want := []any{tt.date, tt.jan, tt.today, tt.otherDay, tt.excel, tt.csvExcel, tt.csvBOM, tt.csvComma, tt.csvDecimal}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.lang, diff)
		}
	}
}

func TestLocaleLists(t *testing.T) {
	for _, tt := range []struct {
		lang  string
		items []string
		want  string
	}{
		{"fi", []string{"a", "b", "c"}, "a, b ja c"},
		{"sv", []string{"a", "b", "c"}, "a, b och c"},
		{"en", []string{"a", "b", "c"}, "a, b and c"},
		{"fi", []string{"a", "b"}, "a ja b"},
		{"sv", []string{"a"}, "a"},
		{"en", nil, ""},
	} {
		if got := LocaleOf(tt.lang).List(tt.items); got != tt.want {
			t.Errorf("%s: List(%q) = %q, want %q", tt.lang, tt.items, got, tt.want)
		}
	}
	for lang, want := range map[string]string{"fi": "a, b tai c", "sv": "a, b eller c", "en": "a, b or c"} {
		if got := LocaleOf(lang).Alternatives([]string{"a", "b", "c"}); got != want {
			t.Errorf("%s: Alternatives = %q, want %q", lang, got, want)
		}
	}
	if got := Offered(); got[0] != Default || len(got) != len(Declared()) {
		t.Errorf("Offered() = %v: the default first, then every other declared language", got)
	}
}

func TestLocalePlural(t *testing.T) {
	for _, lang := range []string{"fi", "sv", "en"} {
		var got []string
		for _, n := range []int{0, 1, 2, 5, 21} {
			got = append(got, LocaleOf(lang).PluralForm(n))
		}
		if want := []string{"other", "one", "other", "other", "other"}; !cmp.Equal(want, got) {
			t.Errorf("%s: %s", lang, cmp.Diff(want, got))
		}
	}
	dual := pluralRules["one-two-other"]
	if got := []string{dual(1), dual(2), dual(3)}; !cmp.Equal(got, []string{"one", "two", "other"}) {
		t.Errorf("one-two-other: %v", got)
	}
}

// TN takes the .one form by the locale's rule; a key without it is the
// same for every count.
func TestTNPicksLocaleForm(t *testing.T) {
	var key string
	for _, k := range Builtin().Keys() {
		if Builtin().Texts(k+".one") != nil {
			key = k
			break
		}
	}
	if key == "" {
		t.Skip("no message has a .one form")
	}
	for _, lang := range []string{"fi", "en", "sv"} {
		if got, want := TN(lang, key, 1), T(lang, key+".one"); got != want {
			t.Errorf("%s: TN(%s, 1) = %q, want %q", lang, key, got, want)
		}
		if got, want := TN(lang, key, 2), T(lang, key); got != want {
			t.Errorf("%s: TN(%s, 2) = %q, want %q", lang, key, got, want)
		}
	}
}

// Collation follows CLDR: in Finnish and Swedish å, ä and ö come after z,
// ø sorts as ö and ü as y, and w is its own letter after v; in English the
// marked letters sort with their base letters.
func TestLocaleCollation(t *testing.T) {
	words := func() []string {
		return []string{"öl", "zebra", "åsa", "äpple", "øre", "ödla", "ünal", "yxa", "ytter", "wahl", "vaka", "vb", "Aalto", "ähky"}
	}
	for _, tt := range []struct {
		lang string
		want []string
	}{
		{"fi", []string{"Aalto", "vaka", "vb", "wahl", "ünal", "ytter", "yxa", "zebra", "åsa", "ähky", "äpple", "ödla", "öl", "øre"}},
		{"sv", []string{"Aalto", "vaka", "vb", "wahl", "ünal", "ytter", "yxa", "zebra", "åsa", "ähky", "äpple", "ödla", "öl", "øre"}},
		{"en", []string{"Aalto", "ähky", "äpple", "åsa", "ödla", "öl", "øre", "ünal", "vaka", "vb", "wahl", "ytter", "yxa", "zebra"}},
	} {
		got := words()
		LocaleOf(tt.lang).Sort(got)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.lang, diff)
		}
	}
	// w and v are two letters (CLDR since 2006 for Swedish, "standard"
	// for Finnish): "wa" after "vb".
	for _, lang := range []string{"fi", "sv"} {
		if c := LocaleOf(lang).Collator().CompareString("wa", "vb"); c != 1 {
			t.Errorf("%s: wa vs vb = %d, want 1", lang, c)
		}
	}
}

// LANG, LC_ALL and LC_MESSAGES pick Swedish once it is declared.
func TestLangSwedishFromEnvironment(t *testing.T) {
	known := []string{"en", "fi", "sv"}
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	for _, tt := range []struct {
		flag string
		env  map[string]string
		want string
	}{
		{"", map[string]string{"LANG": "sv_FI.UTF-8"}, "sv"},
		{"", map[string]string{"LC_ALL": "sv_FI.UTF-8", "LANG": "fi_FI.UTF-8"}, "sv"},
		{"", map[string]string{"LC_MESSAGES": "sv_SE.UTF-8"}, "sv"},
		{"", map[string]string{"LC_MESSAGES": "fi_FI.UTF-8", "LANG": "sv_FI.UTF-8"}, "fi"},
		{"", map[string]string{"LANG": "sv_FI@euro"}, "sv"},
		{"SV", map[string]string{"LANG": "fi_FI.UTF-8"}, "sv"},
		{"en", map[string]string{"LANG": "sv_FI.UTF-8"}, "en"},
	} {
		got, err := pickLang(tt.flag, env(tt.env), known)
		if err != nil || got != tt.want {
			t.Errorf("flag %q env %v: %q, %v; want %q", tt.flag, tt.env, got, err, tt.want)
		}
	}
	// Undeclared, Swedish is not offered: LANG falls back to Finnish and
	// the flag names the languages that are.
	got, _ := pickLang("", env(map[string]string{"LANG": "sv_FI.UTF-8"}), []string{"en", "fi"})
	if got != "fi" {
		t.Errorf("undeclared sv: %q, want fi", got)
	}
	_, err := pickLang("sv", env(nil), []string{"en", "fi"})
	if want := fmt.Sprintf("kieltä %q ei ole; käytettävissä: en, fi", "sv"); err == nil || err.Error() != want {
		t.Errorf("undeclared --lang sv: %v, want %s", err, want)
	}
}

func TestChain(t *testing.T) {
	for lang, want := range map[string][]string{
		"fi": {"fi", "en"}, "en": {"en", "fi"}, "sv": {"sv", "fi", "en"}, "se": {"se", "fi", "en"},
	} {
		if got := Chain(lang); !cmp.Equal(want, got) {
			t.Errorf("%s: %s", lang, cmp.Diff(want, got))
		}
	}
}

// A broken locale file fails go generate (and this test) with the file
// and what is wrong.
func TestLoadLocalesErrors(t *testing.T) {
	good, err := os.ReadFile("locales/fi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	decl := []byte("declared: [fi]\n")
	for _, tt := range []struct {
		name, file, decl, want string
	}{
		{"unknown field", string(good) + "colour: blue\n", "", "field colour not found"},
		{"missing field", strings.Replace(string(good), `list-and: " ja "`, "", 1), "", "list-and is missing"},
		{"unknown plural rule", strings.Replace(string(good), "plural: one-other", "plural: dual", 1), "", `unknown plural rule "dual"`},
		{"yes and no", strings.Replace(string(good), `"no": ["ei", "e"]`, `"no": ["ei", "k"]`, 1), "", `"k" is both a yes and a no`},
		{"declared without locale", string(good), "declared: [fi, se]\n", `"se" is declared but has no locales/se.yaml`},
		{"fallback without locale", strings.Replace(string(good), `fallback: ["en"]`, `fallback: ["de"]`, 1), "", `fallback "de" has no locale`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := decl
			if tt.decl != "" {
				d = []byte(tt.decl)
			}
			fsys := fstest.MapFS{"locales/fi.yaml": {Data: []byte(tt.file)}, "locales/languages.yaml": {Data: d}}
			_, _, err := tables.LoadLocales(fsys)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}
