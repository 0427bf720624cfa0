package criteria

import (
	"bytes"
	"embed"
	"os"
	"reflect"
	"strings"
	"testing"
)

// builtinFiles are the built-in sets and the review cycle's data as
// written, which the tests read.
//
//go:embed sets/*.yaml benchmarks.yaml
var builtinFiles embed.FS

// The compiled sets and cycle laatu is built with are the files as
// written: sets_gen.go is what Compile makes of them now (a set changed
// without go generate fails here), there is one built-in set for each file
// and no other, and each one built is the set Parse reads.
func TestCompiledSetsAreCurrent(t *testing.T) {
	want, err := Compile(builtinFiles)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("sets_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("sets_gen.go is behind sets/*.yaml or benchmarks.yaml (run go generate ./criteria)")
	}
	b, _ := builtinFiles.ReadFile("benchmarks.yaml")
	if c, err := ParseCycle(b, "criteria/benchmarks.yaml"); err != nil || !reflect.DeepEqual(c, BuiltinCycle()) {
		t.Errorf("the compiled cycle is not benchmarks.yaml as it reads (%v)", err)
	}
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
		parsed, err := Parse(b, "sets/"+e.Name())
		if err != nil {
			t.Fatal(err)
		}
		parsed.Origin = ""
		s, ok := Builtin(id)
		if !ok {
			t.Fatalf("no built-in set %s", id)
		}
		if !reflect.DeepEqual(s, parsed) {
			t.Errorf("the compiled %s builds another set than sets/%s.yaml reads as", id, id)
		}
	}
}

// Every kind of value a set holds has a Go form Compile writes and the
// compiler reads back as the same value: a nil and an empty slice differ,
// a pointer to a number keeps its type, and unexported fields are left to
// be rebuilt.
func TestGoValue(t *testing.T) {
	one := 1.0
	lvl := 3
	s := &Set{
		Header:   Header{ID: "x", Name: Text{"fi": "ä\"\n", "en": ""}, Languages: []string{}},
		Criteria: []Criterion{{Number: 2, Anchors: map[int]Text{5: {"fi": "a"}, 1: {}}, Measure: &Measure{Min: &one, Percent: true}, Inputs: []Input{{Choices: []Choice{{Effect: Effect{Level: &lvl}}}}}}},
	}
	var b bytes.Buffer
	goValue(&b, reflect.ValueOf(*s))
	want := `Set{
Header: Header{
ID: "x",
Name: Text{"en": "", "fi": "ä\"\n", },
Languages: []string{},
},
Criteria: []Criterion{
Criterion{
Number: 2,
Anchors: map[int]Text{1: Text{}, 5: Text{"fi": "a", }, },
Measure: &Measure{
Min: new(float64(1)),
Percent: true,
},
Inputs: []Input{
Input{
Choices: []Choice{
Choice{
Effect: Effect{
Level: new(int(3)),
},
},},
},},
},},
}`
	if got := b.String(); got != want {
		t.Errorf("goValue:\n%s\nwant:\n%s", got, want)
	}
}
