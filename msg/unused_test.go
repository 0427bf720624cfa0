package msg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestNoUnusedKeys fails on a message no code can reach: every key must
// appear as a string literal in laatu's Go code, or start with a literal
// prefix that code completes ("help.arg." + word). An unused text is one
// that translators keep up for nothing, and often a sign that code says the
// same thing in its own words somewhere else.
func TestNoUnusedKeys(t *testing.T) {
	literals := map[string]bool{}
	var prefixes []string
	fset := token.NewFileSet()
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != ".." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		// The compiled catalogue holds every key as a literal; counting it
		// would let every key pass.
		if filepath.Base(path) == "catalog_gen.go" {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				return true
			}
			literals[s] = true
			// A prefix names at least a table and a group ("help.arg."),
			// so that a bare "cli." cannot excuse a whole table.
			if (strings.HasSuffix(s, ".") || strings.HasSuffix(s, "-")) && strings.Count(s, ".") >= 2 {
				prefixes = append(prefixes, s)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	keys := Builtin().Keys()
	isKey := map[string]bool{}
	for _, k := range keys {
		isKey[k] = true
	}
	for _, key := range keys {
		if literals[key] || derived(key, literals, isKey) {
			continue
		}
		used := false
		for _, p := range prefixes {
			if strings.HasPrefix(key, p) {
				used = true
				break
			}
		}
		if !used {
			t.Errorf("message %q is not used by any code", key)
		}
	}
}

// derived reports whether key is a literal completed by code: a key's
// singular (K + ".one", msg.TN), a variant (K + "-key"), or a group's
// member ("sheetin.dv.count" + ".title"). The literal must be a key itself
// or name at least a table and a group, so that a bare table name cannot
// excuse its whole table.
func derived(key string, literals, isKey map[string]bool) bool {
	for i := len(key) - 1; i > 0; i-- {
		if key[i] != '.' && key[i] != '-' {
			continue
		}
		l := key[:i]
		if literals[l] && (isKey[l] || strings.Count(l, ".") >= 2) {
			return true
		}
	}
	return false
}
