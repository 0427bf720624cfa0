package criteria

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestBuiltinTextsHaveSwedish walks the built-in sets and profiles as plain
// YAML: every text map that has fi and en must also have a non-empty sv.
// (Issue 17; the lead may replace it with a test driven by the catalogue's
// languages.)
func TestBuiltinTextsHaveSwedish(t *testing.T) {
	files, err := filepath.Glob("sets/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	profiles, err := filepath.Glob("profiles/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, profiles...)
	if len(files) == 0 {
		t.Fatal("no built-in files found")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(b, &doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		var missing []string
		walkTexts(&doc, func(n *yaml.Node, texts map[string]string) {
			if texts["sv"] == "" {
				missing = append(missing, fmt.Sprintf("%s:%d: no sv beside fi %q", f, n.Line, texts["fi"]))
			}
		})
		for _, m := range missing {
			t.Error(m)
		}
	}
}

// walkTexts calls fn for every mapping node with scalar fi and en values.
func walkTexts(n *yaml.Node, fn func(*yaml.Node, map[string]string)) {
	if n.Kind == yaml.MappingNode {
		texts := map[string]string{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if v.Kind == yaml.ScalarNode {
				texts[k.Value] = v.Value
			}
		}
		if _, fi := texts["fi"]; fi {
			if _, en := texts["en"]; en {
				fn(n, texts)
			}
		}
	}
	for _, c := range n.Content {
		walkTexts(c, fn)
	}
}
