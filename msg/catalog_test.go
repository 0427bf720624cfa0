package msg

import (
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// Every message exists in every declared language (msg/locales/
// languages.yaml) with the same format verbs, so no language can print
// %!d(MISSING) or drop a value. This is the test that fails when a
// declared language lacks any message, the workbook and CSV template's
// texts and instructions among them; criteria's
// TestBuiltinSetsHaveEveryLanguage does the same for the criteria sets and
// profiles.
func TestBuiltinTablesComplete(t *testing.T) {
	c := Builtin()
	declared := Declared()
	for _, l := range declared {
		if !slices.Contains(c.Languages(), l) {
			t.Errorf("language %s is declared in locales/languages.yaml but has no message", l)
		}
	}
	verb := regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)
	for _, key := range c.Keys() {
		texts := c.Texts(key)
		var ref []string
		// A language not yet declared may have some texts: those too
		// must take the same values.
		for _, l := range append(slices.Clone(declared), c.Languages()...) {
			s, ok := texts[l]
			if !ok || s == "" {
				if slices.Contains(declared, l) {
					t.Errorf("%s: no %s text", key, l)
				}
				continue
			}
			verbs := normalizeVerbs(verb.FindAllString(s, -1))
			if ref == nil {
				ref = verbs
			} else if !cmp.Equal(ref, verbs) {
				t.Errorf("%s: %s uses other verbs than %s: %v vs %v", key, l, declared[0], verbs, ref)
			}
		}
	}
}

// normalizeVerbs maps explicit indexes to positions so that "%[2]d %[1]s"
// and "%s %d" compare as the same set of arguments.
func normalizeVerbs(vs []string) []string {
	out := []string{}
	pos := 0
	idx := regexp.MustCompile(`^%\[(\d+)\]`)
	for _, v := range vs {
		if v == "%%" {
			continue
		}
		if m := idx.FindStringSubmatch(v); m != nil {
			out = append(out, m[1]+":"+v[len(m[0]):])
			continue
		}
		pos++
		out = append(out, string(rune('0'+pos))+":"+v[1:])
	}
	sort.Strings(out)
	return out
}

func TestLang(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	tests := []struct {
		name string
		flag string
		env  map[string]string
		want string
		err  bool
	}{
		{"default is Finnish", "", nil, "fi", false},
		{"C locale is Finnish", "", map[string]string{"LANG": "C.UTF-8"}, "fi", false},
		{"English locale", "", map[string]string{"LANG": "en_GB.UTF-8"}, "en", false},
		{"Finnish locale", "", map[string]string{"LANG": "fi_FI.UTF-8"}, "fi", false},
		{"LC_ALL wins over LANG", "", map[string]string{"LC_ALL": "en_US.UTF-8", "LANG": "fi_FI.UTF-8"}, "en", false},
		{"unknown locale falls back to Finnish", "", map[string]string{"LANG": "de_DE.UTF-8"}, "fi", false},
		{"flag wins", "en", map[string]string{"LANG": "fi_FI.UTF-8"}, "en", false},
		{"flag is case-insensitive", "FI", nil, "fi", false},
		{"unknown flag is an error", "de", nil, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Lang(tt.flag, env(tt.env))
			if (err != nil) != tt.err {
				t.Fatalf("err = %v, want error %v", err, tt.err)
			}
			if got != tt.want {
				t.Errorf("Lang = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestProblemsRenderAndSort(t *testing.T) {
	var ps Problems
	ps.Add(Place{File: "b.xlsx", Sheet: "Arviointi", Cell: "D10"}, 3, "form.bad-level", "7")
	ps.Add(Place{File: "b.xlsx", Sheet: "Arviointi", Cell: "D9"}, 2, "form.bad-level", "x")
	ps.Add(Place{File: "a.yaml", Line: 12}, 0, "yaml.unknown-field", "levl", "level, note")
	err := ps.Err()
	want := `a.yaml:12: unknown field "levl"; accepted: level, note
b.xlsx: Arviointi!D9: criterion 2: level "x" is not 1–5: give a whole number 1–5, or leave it empty when the criterion is not rated
b.xlsx: Arviointi!D10: criterion 3: level "7" is not 1–5: give a whole number 1–5, or leave it empty when the criterion is not rated`
	if diff := cmp.Diff(want, Localize(err, "en")); diff != "" {
		t.Errorf("English (-want +got):\n%s", diff)
	}
	fi := Localize(err, "fi")
	if wantLine := `b.xlsx: Arviointi!D9: kriteeri 2: taso "x" ei kelpaa`; !regexp.MustCompile(regexp.QuoteMeta(wantLine)).MatchString(fi) {
		t.Errorf("Finnish rendering lacks %q:\n%s", wantLine, fi)
	}
	if (Problems{}).Err() != nil {
		t.Error("empty Problems must be no error")
	}
}

func TestNestedMessageIsLocalized(t *testing.T) {
	m := M("yaml.want", "neljä", M("yaml.kind.int"))
	if got, want := m.In("fi"), `arvo "neljä" ei kelpaa: odotettiin kokonaislukua`; got != want {
		t.Errorf("fi = %q, want %q", got, want)
	}
	if got, want := m.In("en"), `the value "neljä" is not accepted: expected a whole number`; got != want {
		t.Errorf("en = %q, want %q", got, want)
	}
}

// A value from an input is quoted up to MaxValue characters, whole runes.
func TestClip(t *testing.T) {
	long := strings.Repeat("ä", MaxValue+50)
	got := Clip(long)
	if utf8.RuneCountInString(got) != MaxValue || !strings.HasSuffix(got, "ä…") {
		t.Errorf("Clip kept %d runes: …%s", utf8.RuneCountInString(got), got[len(got)-10:])
	}
	if short := strings.Repeat("x", MaxValue); Clip(short) != short {
		t.Error("a value of MaxValue characters was cut")
	}
	m := M("form.bad-level", long)
	if text := m.In("en"); strings.Count(text, "ä") != MaxValue-1 {
		t.Errorf("message quotes %d characters of the value", strings.Count(text, "ä"))
	}
	if m.Args[0] != long {
		t.Error("rendering changed the message's own arguments")
	}
}

// Capped keeps the first problems of each file and counts the rest.
func TestCapped(t *testing.T) {
	var ps Problems
	for i := 1; i <= 5; i++ {
		ps.Add(Place{File: "a.yaml", Line: i}, 0, "yaml.empty")
	}
	ps.Add(Place{File: "b.yaml", Line: 1}, 0, "yaml.empty")
	var got []string
	for _, p := range ps.Capped(2) {
		got = append(got, p.In("en"))
	}
	want := []string{
		"a.yaml:1: the file is empty",
		"a.yaml:2: the file is empty",
		"a.yaml: … and 3 more problems in this file; fix those above and run the command again",
		"b.yaml:1: the file is empty",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// The compiled catalogue laatu embeds is the message tables as they are:
// a table changed without go generate fails here.
func TestCompiledCatalogIsCurrent(t *testing.T) {
	tables, err := Load(os.DirFS("."))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(tables.keys, Builtin().keys); diff != "" {
		t.Errorf("msg/catalog_gen.go's keys are behind msg/messages (run go generate ./msg):\n%s", diff)
	}
	if diff := cmp.Diff(tables.texts, Builtin().texts); diff != "" {
		t.Errorf("msg/catalog_gen.go's texts are behind msg/messages (run go generate ./msg):\n%s", diff)
	}
	if diff := cmp.Diff(tables.langs, Builtin().langs); diff != "" {
		t.Errorf("languages differ (run go generate ./msg):\n%s", diff)
	}
}

// A catalogue laid out in rows keeps what a map of maps says: a language
// without a text falls back along its locale's chain, Texts lists only the
// languages that have one, and an unknown key renders as itself.
func TestCatalogRows(t *testing.T) {
	c, err := Load(fstest.MapFS{
		"messages/a.yaml": {Data: []byte("a.both:\n  fi: \"yksi %d\"\n  en: \"one %d\"\na.fi-only:\n  fi: vain\nb.en-only:\n  en: only\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ lang, key, want string }{
		{"en", "a.both", "one 1"},
		{"fi", "a.both", "yksi 1"},
		{"sv", "a.both", "yksi 1"},
		{"en", "a.fi-only", "vain"},
		{"fi", "b.en-only", "only"},
		{"fi", "c.none", "c.none1"},
	}
	for _, tt := range tests {
		var args []any
		if tt.key != "a.fi-only" && tt.key != "b.en-only" {
			args = []any{1}
		}
		if got := c.Format(tt.lang, tt.key, args...); got != tt.want {
			t.Errorf("Format(%s, %s) = %q, want %q", tt.lang, tt.key, got, tt.want)
		}
	}
	if diff := cmp.Diff(map[string]string{"fi": "vain"}, c.Texts("a.fi-only")); diff != "" {
		t.Errorf("Texts(a.fi-only) (-want +got):\n%s", diff)
	}
	if c.Texts("c.none") != nil {
		t.Errorf("Texts(c.none) = %v, want nil", c.Texts("c.none"))
	}
	if diff := cmp.Diff([]string{"a.both", "a.fi-only", "b.en-only"}, c.Keys()); diff != "" {
		t.Errorf("Keys (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"en", "fi"}, c.Languages()); diff != "" {
		t.Errorf("Languages (-want +got):\n%s", diff)
	}
}
