package yamlfile

import (
	"fmt"
	"strings"
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

// Faults that make a file no YAML at all are reported with their line
// before the parser sees them, and yaml.v3's own messages get laatu's
// lines and words.
func TestDecodeFaults(t *testing.T) {
	laughs := "l0: &l0 [ha, ha, ha, ha, ha, ha, ha, ha, ha, ha]\n"
	for i := 1; i < 8; i++ {
		laughs += fmt.Sprintf("l%d: &l%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*l%d, ", i-1), 10), ", "))
	}
	for _, tc := range []struct {
		name, doc string
		want      string
	}{
		{"windows-1252", "id: x\nitems:\n  - name: J\xe4rvenp\xe4\xe4\n", "f.yaml:3: the file is not UTF-8 text"},
		{"utf-16 without a mark", "i\x00d\x00:\x00 \x00x\x00", "f.yaml: the file is not text (it holds NUL bytes)"},
		{"billion laughs", laughs + "id: *l7\n", "f.yaml:2: the file's aliases (*name) repeat anchored (&name) values to more than 1 MiB"},
		{"an anchor within itself", "items: &a [*a]\n", "f.yaml:1: the file's aliases (*name) repeat anchored (&name) values to more than 1 MiB"},
		{"duplicate key", "id: x\nid: y\n", `f.yaml:2: the field "id" is already given on line 1`},
		{"unclosed list", "id: x\nitems: [a,\n  b\nn: 3\n", "f.yaml:2: the YAML is not valid: did not find expected ',' or ']'"},
		{"unclosed at the end", "id: [x\n\n", "f.yaml:1: the YAML is not valid: did not find expected ',' or ']'"},
		{"list item out of line", "items:\n  - name: a\n    n: 1\n   nn: 2\n", "f.yaml:2: the YAML is not valid: did not find expected '-' indicator"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var v outer
			d, ps := Decode("f.yaml", []byte(tc.doc), &v)
			if len(ps) == 0 {
				t.Fatal("no problem")
			}
			if got := ps[0].In("en"); !strings.HasPrefix(got, tc.want) {
				t.Errorf("got  %s\nwant %s…", got, tc.want)
			}
			if tc.name != "duplicate key" && d.Trusted() {
				t.Error("a document that did not decode is trusted")
			}
		})
	}
}

// Aliases that repeat little are accepted: a shared note, say.
func TestDecodeAcceptsSmallAliases(t *testing.T) {
	var v outer
	doc := "id: x\nitems:\n  - {name: &n yhteinen, n: 1}\n  - {name: *n, n: 2}\n"
	if _, ps := Decode("f.yaml", []byte(doc), &v); len(ps) > 0 || v.Items[1].Name != "yhteinen" {
		t.Errorf("problems %v, items %+v", ps, v.Items)
	}
}
