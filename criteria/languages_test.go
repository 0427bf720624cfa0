package criteria

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/laatu-fi/laatu/msg"
)

// TestBuiltinSetsHaveEveryLanguage fails when any text of a built-in
// criteria set or profile (title, ideal, help, anchors, checklist elements,
// measure names and units, inputs' questions and choices, bands, profile
// requirements…), of the review cycle's benchmarks or of the data source
// codes lacks a language that msg/locales/languages.yaml
// declares. Every Text the set holds is found by reflection, so that a
// field added later is checked too. An empty Text is an optional one left
// out; unit_one (a singular needed only where it differs) is optional per
// language.
func TestBuiltinSetsHaveEveryLanguage(t *testing.T) {
	langs := msg.Declared()
	for _, id := range BuiltinIDs() {
		set, ok := Builtin(id)
		if !ok {
			t.Fatalf("built-in set %q not found", id)
		}
		missingLanguages(t, "criteria/sets/"+id+".yaml", reflect.ValueOf(set), langs)
		for _, l := range langs {
			if !slices.Contains(set.Languages, l) {
				t.Errorf("criteria/sets/%s.yaml: languages: %v lacks %s", id, set.Languages, l)
			}
		}
	}
	for _, id := range BuiltinProfileIDs() {
		p, ok := BuiltinProfile(id)
		if !ok {
			t.Fatalf("built-in profile %q not found", id)
		}
		missingLanguages(t, "criteria/profiles/"+id+".yaml", reflect.ValueOf(p), langs)
		for _, l := range langs {
			if !slices.Contains(p.Languages, l) {
				t.Errorf("criteria/profiles/%s.yaml: languages: %v lacks %s", id, p.Languages, l)
			}
		}
	}
	// The review cycle's benchmarks and the scale's data source codes
	// are shown to users too.
	missingLanguages(t, "criteria/benchmarks.yaml", reflect.ValueOf(BuiltinCycle()), langs)
	missingLanguages(t, "criteria/cycle.go DataSources", reflect.ValueOf(DataSources), langs)
}

var textType = reflect.TypeOf(Text{})

func missingLanguages(t *testing.T, where string, v reflect.Value, langs []string) {
	t.Helper()
	seen := map[uintptr]bool{}
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if v.IsNil() {
				return
			}
			if v.Kind() == reflect.Pointer {
				if seen[v.Pointer()] {
					return
				}
				seen[v.Pointer()] = true
			}
			walk(path, v.Elem())
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				f := v.Type().Field(i)
				if !f.IsExported() || f.Name == "UnitOne" {
					continue
				}
				walk(path+"."+f.Name, v.Field(i))
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				walk(fmt.Sprintf("%s[%d]", path, i), v.Index(i))
			}
		case reflect.Map:
			if v.Type() == textType {
				tx := v.Interface().(Text)
				if len(tx) == 0 {
					return
				}
				for _, l := range langs {
					if strings.TrimSpace(tx[l]) == "" {
						t.Errorf("%s: %s has no %s text (it has %q)", where, path, l, tx.In(msg.Default))
					}
				}
				return
			}
			for _, k := range v.MapKeys() {
				walk(fmt.Sprintf("%s[%v]", path, k), v.MapIndex(k))
			}
		}
	}
	walk("", v)
}

// A text falls back along its language's chain: Swedish to Finnish, then
// English; English to Finnish; an unknown language to Finnish.
func TestTextFallback(t *testing.T) {
	for _, tt := range []struct {
		text Text
		lang string
		want string
	}{
		{Text{"fi": "suomi", "en": "English", "sv": "svenska"}, "sv", "svenska"},
		{Text{"fi": "suomi", "en": "English"}, "sv", "suomi"},
		{Text{"en": "English"}, "sv", "English"},
		{Text{"fi": "suomi"}, "en", "suomi"},
		{Text{"fi": "suomi", "en": "English"}, "de", "suomi"},
		{Text{"se": "sámegiella"}, "fi", "sámegiella"},
	} {
		if got := tt.text.In(tt.lang); got != tt.want {
			t.Errorf("%v.In(%q) = %q, want %q", tt.text, tt.lang, got, tt.want)
		}
	}
}
