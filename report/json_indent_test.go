package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// indentSeeds are compact JSON documents with what the indenter must not
// mistake for structure: brackets, commas, colons and escaped quotes in
// strings, a backslash that ends a string, empty and nested empty values.
var indentSeeds = []string{
	`{}`, `[]`, `null`, `"x"`, `12.5`, `true`,
	`{"a":[],"b":{},"c":[{}],"d":[[]],"e":[[],{}]}`,
	`{"s":"a,b:c{d}[e]","t":"\"quoted\", \\","u":"\\","v":"\u003ctag\u003e \u0026"}`,
	`[1,-2,3.5e10,null,false,"",{"k":{"k":{"k":[1,[2,[3]]]}}}]`,
	`{"levels":{"1":4,"10":5,"2":3},"rank":null,"mean":4.25}`,
	`["\\\"","\\\\","x\\"]`,
	`{"ä":"työhönvalmennus – é","\t":"\n\r"}`,
}

// The indenter gives json.Indent's bytes for compact JSON, with and
// without a prefix.
func TestAppendIndentCompact(t *testing.T) {
	for _, src := range indentSeeds {
		checkIndent(t, []byte(src))
	}
}

// The compare documents in the goldens indent as json.Indent does.
func TestAppendIndentCompactGoldens(t *testing.T) {
	files, err := filepath.Glob("testdata/*/*.json*")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no JSON goldens under testdata")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, b); err != nil {
			continue // not a JSON document
		}
		checkIndent(t, compact.Bytes())
	}
}

func FuzzAppendIndentCompact(f *testing.F) {
	for _, s := range indentSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var compact bytes.Buffer
		if json.Compact(&compact, b) != nil {
			return
		}
		checkIndent(t, compact.Bytes())
	})
}

func checkIndent(t *testing.T, src []byte) {
	t.Helper()
	for _, p := range [][2]string{{"", "  "}, {"    ", "  "}, {">", "\t"}} {
		var want bytes.Buffer
		if err := json.Indent(&want, src, p[0], p[1]); err != nil {
			t.Fatalf("json.Indent(%q): %v", src, err)
		}
		got := appendIndentCompact([]byte("kept"), src, p[0], p[1])
		if diff := cmp.Diff("kept"+want.String(), string(got)); diff != "" {
			t.Errorf("indent of %q with prefix %q, indent %q (-json.Indent +appendIndentCompact):\n%s", src, p[0], p[1], diff)
		}
	}
}

// marshalIndent is json.MarshalIndent, HTML escapes included, and its
// reused buffers carry nothing from one value to the next.
func TestJSONIndenterMarshalIndent(t *testing.T) {
	values := []any{
		map[string]any{"title": "<b>Tom & Jerry</b>", "n": []int{1, 2}, "empty": []string{}},
		ItemStatsJSON{Criterion: 3, Title: "Työ\u2028paikka", Domain: "a"},
		[]any{},
		"short",
	}
	ji := newJSONIndenter()
	for round := range 2 {
		for _, v := range values {
			want, err := json.MarshalIndent(v, "    ", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got, err := ji.marshalIndent(v, "    ", "  ")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("round %d, %T (-MarshalIndent +marshalIndent):\n%s", round, v, diff)
			}
		}
	}
}
