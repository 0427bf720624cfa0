package yamlfile

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"
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
		{"unclosed list", "id: x\nitems: [a,\n  b\nn: 3\n", "f.yaml:2: the YAML is not valid: a [ … ] list is not closed with ], or a comma is missing between its items (the parser says: did not find expected ',' or ']')"},
		{"unclosed at the end", "id: [x\n\n", "f.yaml:1: the YAML is not valid: a [ … ] list is not closed with ]"},
		{"list item out of line", "items:\n  - name: a\n    n: 1\n   nn: 2\n", "f.yaml:2: the YAML is not valid: a key of a list item is indented unlike the item's other keys"},
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

type numbers struct {
	N     int            `yaml:"n"`
	Small int8           `yaml:"small"`
	U     uint           `yaml:"u"`
	X     *float64       `yaml:"x"`
	Ns    []int          `yaml:"ns"`
	ByN   map[int]string `yaml:"by_n"`
	In    []numbers      `yaml:"in"`
	Text  string         `yaml:"text"`
}

// Numbers that yaml.v3 would cut to a whole number, overflow or take as
// figures in silence are refused with their field and line; whole numbers
// written as 4.0 or 0x10, and NaN or infinity in a text field, are fine.
func TestDecodeNumbers(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		want      []string
	}{
		{"decimal", "n: 4.5\n", []string{"f.yaml:1: n 4.5 is not a whole number: give a whole number such as 4"}},
		{"decimal in a list", "ns: [1, 2.5]\n", []string{"f.yaml:1: ns 2.5 is not a whole number: give a whole number such as 4"}},
		{"decimal key", "by_n:\n  1: a\n  4.5: b\n", []string{"f.yaml:3: the key 4.5 under by_n is not a whole number: give a whole number such as 4"}},
		{"quoted", "n: \"4\"\n", []string{`f.yaml:1: n "4" is text in quotation marks, not a whole number: write the number without them`}},
		{"quoted key", "by_n: {'4': a}\n", []string{`f.yaml:1: the key "4" under by_n is text in quotation marks, not a whole number: write the number without them`}},
		{"past int64", "n: 9223372036854775808\n", []string{"f.yaml:1: n 9223372036854775808 is far too large a number for this field"}},
		{"2^63 as a float", "n: 9.223372036854775807e18\n", []string{"f.yaml:1: n 9.223372036854775807e18 is far too large a number for this field"}},
		{"past float64", "n: 1e400\n", []string{"f.yaml:1: n 1e400 is far too large a number for this field"}},
		{"int8", "small: 300\n", []string{"f.yaml:1: small 300 is far too large a number for this field"}},
		{"negative uint", "u: -1\n", []string{"f.yaml:1: u -1 is far too small a number for this field"}},
		{"nan", "x: .nan\n", []string{"f.yaml:1: x .nan is not accepted: NaN and infinity are not figures; give a number such as 20, or leave the bound out"}},
		{"infinity", "in: [{x: .Inf}, {x: -.inf}]\n", []string{
			"f.yaml:1: x .Inf is not accepted: NaN and infinity are not figures; give a number such as 20, or leave the bound out",
			"f.yaml:1: x -.inf is not accepted: NaN and infinity are not figures; give a number such as 20, or leave the bound out",
		}},
		{"float past float64", "x: -1e400\n", []string{"f.yaml:1: x -1e400 is too small a number to read"}},
		{"quoted float", "x: '2.5'\n", []string{`f.yaml:1: x "2.5" is text in quotation marks, not a number: write the number without them`}},
		{"decimal through an alias", "text: &a 4.5\nn: *a\n", []string{"f.yaml:2: n 4.5 is not a whole number: give a whole number such as 4"}},
		{"nested through an alias", "in:\n  - &a {n: 1.5}\n  - *a\n", []string{"f.yaml:2: n 1.5 is not a whole number: give a whole number such as 4"}},
		{"a word stays yaml.v3's", "n: many\n", []string{`f.yaml:1: the value "many" is not accepted: expected a whole number`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var v numbers
			d, ps := Decode("f.yaml", []byte(tc.doc), &v)
			var got []string
			for _, p := range ps {
				got = append(got, p.In("en"))
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if d.Trusted() {
				t.Error("a document with a refused number is trusted")
			}
		})
	}
	var v numbers
	doc := "n: 9223372036854775807\nu: 18446744073709551615\n"
	if _, ps := Decode("f.yaml", []byte(doc), &v); len(ps) > 0 || v.N != 1<<63-1 || v.U != 1<<64-1 {
		t.Fatalf("the largest whole numbers: problems %v, read %d and %d", ps, v.N, v.U)
	}
	v = numbers{}
	doc = "n: 4.0\nsmall: -128\nu: 0x10\nx: 1e300\nns: [1_000, 0o17]\nby_n: {5: e}\ntext: .nan\nin: [{x: -2.5}]\n"
	if _, ps := Decode("f.yaml", []byte(doc), &v); len(ps) > 0 {
		t.Fatalf("refused: %v", ps)
	}
	want := numbers{N: 4, Small: -128, U: 16, X: ptr(1e300), Ns: []int{1000, 15}, ByN: map[int]string{5: "e"}, Text: ".nan", In: []numbers{{X: ptr(-2.5)}}}
	if diff := cmp.Diff(want, v); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func ptr(x float64) *float64 { return &x }

// A second document would be ignored by yaml.v3: it is refused with the
// line of its "---". An empty one at the end, a "---" before the first
// and a "..." after it lose nothing.
func TestDecodeDocuments(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		want      []string
	}{
		{"second document", "id: x\n---\nid: y\n", []string{"f.yaml:2: the file holds more than one YAML document (line 2); laatu reads one: put each document in a file of its own"}},
		{"after an end marker", "id: x\n...\n--- \nid: y\n", []string{"f.yaml:3: the file holds more than one YAML document (line 3); laatu reads one: put each document in a file of its own"}},
		{"after empty ones", "---\nid: x\n---\n---\n# nothing\n---\n- 1\n", []string{"f.yaml:6: the file holds more than one YAML document (line 6); laatu reads one: put each document in a file of its own"}},
		{"a syntax error in the second", "id: x\n---\nid: [y\n", []string{"f.yaml:3: the YAML is not valid: a [ … ] list is not closed with ], or a comma is missing between its items (the parser says: did not find expected ',' or ']')"}},
		{"with other problems", "id: x\nnn: 1\n---\nid: y\n", []string{
			`f.yaml:2: unknown field "nn"; accepted: id, items, texts`,
			"f.yaml:3: the file holds more than one YAML document (line 3); laatu reads one: put each document in a file of its own",
		}},
		{"one document", "---\nid: x\n...\n", nil},
		{"an empty one at the end", "id: x\n---\n", nil},
		{"an empty one with a comment", "id: x\n---\n# end\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var v outer
			_, ps := Decode("f.yaml", []byte(tc.doc), &v)
			ps.Sort()
			var got []string
			for _, p := range ps {
				got = append(got, p.In("en"))
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if v.ID != "x" {
				t.Errorf("first document not read: id %q", v.ID)
			}
		})
	}
}

type own struct{ got string }

func (o *own) UnmarshalYAML(n *yaml.Node) error { o.got = n.Value; return nil }

// A type that reads its own YAML decides its own keys and numbers: no
// "unknown field" listing its Go fields, no number check.
func TestDecodeLeavesUnmarshalersAlone(t *testing.T) {
	var v struct {
		Level own   `yaml:"level"`
		List  []own `yaml:"list"`
	}
	d, ps := Decode("f.yaml", []byte("level: {got: 1, a: 2}\nlist: [4.5, {b: 1}]\n"), &v)
	if len(ps) > 0 || !d.Trusted() {
		t.Errorf("trusted %v, problems %v", d.Trusted(), ps)
	}
}

// FuzzDecode: a document Decode accepts holds no number it bent: every
// float is finite, and every whole number is the number as written (no
// decimal cut to a whole one).
func FuzzDecode(f *testing.F) {
	for _, s := range []string{doc, "n: 4.5\n", "n: 4.0\nx: .nan\n", "ns: [1, 2.5]\nby_n: {4.5: a}\n", "in: [&a {n: 1.5}, *a]\n", "n: 1\n---\nn: 2\n", "x: 1e400\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var v numbers
		d, ps := Decode("f.yaml", b, &v)
		for _, p := range ps {
			if p.File != "f.yaml" {
				t.Fatalf("problem without its file: %v", p)
			}
			_ = p.In("fi")
		}
		if len(ps) > 0 || !d.Trusted() {
			return
		}
		var walk func(v numbers)
		walk = func(v numbers) {
			if v.X != nil && (math.IsNaN(*v.X) || math.IsInf(*v.X, 0)) {
				t.Fatalf("accepted %v", *v.X)
			}
			for _, in := range v.In {
				walk(in)
			}
		}
		walk(v)
		var loose struct {
			N any `yaml:"n"`
		}
		if yaml.Unmarshal(b, &loose) == nil {
			if x, ok := loose.N.(float64); ok && x != float64(v.N) {
				t.Fatalf("n %v read as %d", x, v.N)
			}
		}
	})
}

// TestSyntaxInWords: the syntax errors people make by hand are said in
// laatu's words in both languages, on the right line, with yaml.v3's text
// only in brackets; one laatu has no words for still names its line.
func TestSyntaxInWords(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		line      int
		fi, en    string // the start of the message, after "f.yaml:N: "
	}{
		{"unclosed mapping", "id: x\nitems: {a: 1\nn: 3\n", 2,
			"YAML-muoto on virheellinen: aaltosulkeella { alkavaa kohtaa ei ole suljettu",
			"the YAML is not valid: a { … } mapping is not closed with }"},
		{"colon in a value", "id: x\nitems: Huom: tärkeä\n", 2,
			"YAML-muoto on virheellinen: arvossa on kaksoispiste ja välilyönti",
			"the YAML is not valid: a value holds a colon and a space"},
		{"colon on the first line", "id: Huom: tärkeä\n", 1,
			"YAML-muoto on virheellinen: arvossa on kaksoispiste",
			"the YAML is not valid: a value holds a colon"},
		{"key out of line", "texts:\n  fi: a\n en: b\n", 3,
			"YAML-muoto on virheellinen: rivi on sisennetty eri tavalla",
			"the YAML is not valid: the line is indented unlike"},
		{"tab", "id: x\n\titems: 2\n", 2,
			"YAML-muoto on virheellinen: rivi on sisennetty sarkaimella",
			"the YAML is not valid: the line is indented with a tab"},
		{"tab before a list item", "id: x\nitems:\n\t- a\n", 3,
			"YAML-muoto on virheellinen: rivi on sisennetty sarkaimella",
			"the YAML is not valid: the line is indented with a tab"},
		{"open quote", "id: \"x\nitems: 2\n", 2,
			"YAML-muoto on virheellinen: lainausmerkki jäi sulkematta",
			"the YAML is not valid: a quotation mark is not closed"},
		{"backslash", "id: x\nitems: \"C:\\Users\\x\"\n", 2,
			"YAML-muoto on virheellinen: kenoviiva",
			"the YAML is not valid: a backslash"},
		{"no colon", "id: x\nitems\nn: 2\n", 2,
			"YAML-muoto on virheellinen: rivillä ei ole kaksoispistettä",
			"the YAML is not valid: the line has no colon"},
		{"dash after a key", "id: x\nitems: - a\n", 2,
			"YAML-muoto on virheellinen: luettelon kohta (-) on samalla rivillä",
			"the YAML is not valid: a list item (-) is on the same line"},
		{"at sign", "id: x\nn: @3\n", 2,
			"YAML-muoto on virheellinen: arvo alkaa merkillä, jolla YAML-arvo ei voi alkaa (kuten @, ` tai %)",
			"the YAML is not valid: a value starts with a character a YAML value cannot start with (such as @, ` or %)"},
		{"star", "id: x\nn: *tärkeä\n", 2,
			"YAML-muoto on virheellinen: arvo alkaa merkillä * tai &",
			"the YAML is not valid: a value starts with * or &"},
		{"closing brace", "id: x\nn: }\n", 2,
			"YAML-muoto on virheellinen: avaimen perästä puuttuu arvo",
			"the YAML is not valid: a key has no value"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var v outer
			_, ps := Decode("f.yaml", []byte(tc.doc), &v)
			if len(ps) != 1 {
				t.Fatalf("want one problem, got %v", ps)
			}
			if ps[0].Line != tc.line {
				t.Errorf("line %d, want %d", ps[0].Line, tc.line)
			}
			for lang, want := range map[string]string{"fi": tc.fi, "en": tc.en} {
				got := ps[0].Message.In(lang)
				if !strings.HasPrefix(got, want) {
					t.Errorf("%s: got  %s\nwant %s…", lang, got, want)
				}
				detail := map[string]string{"fi": "(jäsentimen ilmoitus: ", "en": "(the parser says: "}[lang]
				if !strings.Contains(got, detail) {
					t.Errorf("%s: %s keeps no original as a detail", lang, got)
				}
			}
		})
	}
}
