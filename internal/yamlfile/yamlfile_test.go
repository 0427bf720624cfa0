package yamlfile

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

type inner struct {
	Name string `yaml:"name"`
	N    int    `yaml:"n"`
}

type outer struct {
	ID    string           `yaml:"id"`
	Items []inner          `yaml:"items"`
	Texts map[string]inner `yaml:"texts"`
}

const doc = `id: x
items:
  - name: a
    n: 1
  - name: b
    nn: 2
texts:
  fi: {name: c, n: 3, extra: 1}
`

func TestDecodeLinesAndUnknownFields(t *testing.T) {
	var v outer
	d, ps := Decode("f.yaml", []byte(doc), &v)
	if !d.Trusted() {
		t.Fatal("unknown fields must not spoil the decoded value")
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.In("en"))
	}
	want := []string{
		`f.yaml:6: unknown field "nn"; accepted: n, name`,
		`f.yaml:8: unknown field "extra"; accepted: n, name`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for _, tt := range []struct {
		path []any
		line int
	}{
		{[]any{"items", 1}, 5}, {[]any{"items", 1, "name"}, 5}, {[]any{"texts", "fi", "n"}, 8},
		{[]any{"items", 7}, 3}, {[]any{"missing"}, 1},
	} {
		if got := d.Line(tt.path...); got != tt.line {
			t.Errorf("Line(%v) = %d, want %d", tt.path, got, tt.line)
		}
	}
	if got := d.KeyLine("items"); got != 2 {
		t.Errorf("KeyLine(items) = %d", got)
	}
}

func TestDecodeWrongKindIsUntrusted(t *testing.T) {
	var v outer
	d, ps := Decode("f.yaml", []byte("items:\n  - n: many\n"), &v)
	if d.Trusted() || len(ps) != 1 {
		t.Fatalf("trusted %v, problems %v", d.Trusted(), ps)
	}
	if got, want := ps[0].In("fi"), `f.yaml:2: arvo "many" ei kelpaa: odotettiin kokonaislukua`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
