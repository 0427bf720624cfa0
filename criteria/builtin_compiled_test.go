package criteria

import (
	"bytes"
	"embed"
	"reflect"
	"strings"
	"testing"
)

// builtinFiles are the built-in sets as written, which the tests read.
//
//go:embed sets/*.yaml
var builtinFiles embed.FS

// The compiled sets laatu is built with are the sets as written: each
// compiled file is what Compile makes of its YAML now (a set changed
// without go generate fails here), there is one for each set and no other,
// and decoded it is the set Parse reads.
func TestCompiledSetsAreCurrent(t *testing.T) {
	yamls, _ := builtinFiles.ReadDir("sets")
	if len(yamls) == 0 || len(yamls) != len(BuiltinIDs()) {
		t.Fatalf("%d sets, %d compiled (run go generate ./criteria)", len(yamls), len(BuiltinIDs()))
	}
	for _, e := range yamls {
		id := strings.TrimSuffix(e.Name(), ".yaml")
		b, err := builtinFiles.ReadFile("sets/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		want, err := Compile(b, "sets/"+e.Name())
		if err != nil {
			t.Fatal(err)
		}
		got, err := compiledSets.ReadFile("compiled/" + id + ".json")
		if err != nil {
			t.Fatalf("%s: %v (run go generate ./criteria)", id, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("compiled/%s.json is behind sets/%s.yaml (run go generate ./criteria)", id, id)
		}
		parsed, _ := Parse(b, "sets/"+e.Name())
		parsed.Origin = ""
		parsed.index()
		s, ok := Builtin(id)
		if !ok {
			t.Fatalf("no built-in set %s", id)
		}
		if !reflect.DeepEqual(s, parsed) {
			t.Errorf("the compiled %s decodes to another set than sets/%s.yaml reads as", id, id)
		}
	}
}
