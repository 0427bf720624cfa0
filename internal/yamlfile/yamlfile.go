// Package yamlfile decodes laatu's YAML inputs (criteria sets, assessments,
// profiles) strictly and reports every fault with its line: unknown fields,
// values of the wrong kind, syntax errors, numbers that yaml.v3 would bend
// in silence (a decimal or a huge number where a whole number belongs, NaN
// or infinity as a figure), and a second document, which yaml.v3 would
// skip. It keeps the document's node tree so that later validation can
// name the line of any value by its path.
package yamlfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/laatu-fi/laatu/msg"
	"go.yaml.in/yaml/v3"
)

// Doc is a decoded YAML document with its node tree, for line look-ups.
type Doc struct {
	File string
	root *yaml.Node
	// trusted is false when a syntax error or a value of the wrong kind
	// left the decoded value incomplete.
	trusted bool
}

// Trusted reports whether every value was decoded, so that further checks
// of the value find real faults rather than echoes of a decoding error.
// Unknown fields and a second document do not spoil the first document; a
// number refused by the strict checks does, as it would be decoded wrongly.
func (d *Doc) Trusted() bool { return d.trusted }

// Read reads a YAML file of at most max bytes from r, without a UTF-8
// byte order mark (Windows editors write one). A larger file, or one that
// cannot be read, is a problem naming file.
func Read(r io.Reader, file string, max int) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, msg.Problems{{Place: msg.Place{File: file}, Message: msg.M("file.read", err)}}
	}
	if len(b) > max {
		return nil, msg.Problems{{Place: msg.Place{File: file}, Message: msg.M("harden.yaml-too-large", fmt.Sprintf("%d MiB", max>>20))}}
	}
	return bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")), nil
}

// Decode parses b into v, which must be a pointer to a struct whose fields
// carry yaml tags. It returns every problem it finds: syntax (only the first,
// as YAML cannot recover), unknown fields, values of the wrong kind, numbers
// not to take (see checkNumbers), and a document after the first. Types
// with their own UnmarshalYAML decide their keys and numbers themselves.
func Decode(file string, b []byte, v any) (*Doc, msg.Problems) {
	doc := &Doc{File: file}
	var ps msg.Problems
	if len(bytes.TrimSpace(b)) == 0 {
		ps.Add(msg.Place{File: file}, 0, "yaml.empty")
		return doc, ps
	}
	if p, bad := checkText(file, b); bad {
		return doc, msg.Problems{p}
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	var root yaml.Node
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			ps.Add(msg.Place{File: file}, 0, "yaml.empty")
			return doc, ps
		}
		ps = append(ps, syntaxProblem(file, b, err))
		return doc, ps
	}
	if len(root.Content) == 0 {
		ps.Add(msg.Place{File: file}, 0, "yaml.empty")
		return doc, ps
	}
	if extra, alias := expansion(root.Content[0]); extra > MaxAliasExpansion {
		ps.Add(msg.Place{File: file, Line: alias.Line}, 0, "harden.yaml-aliases", MaxAliasExpansion>>20)
		return doc, ps
	}
	// yaml.v3 reads the first document of a stream and ignores the rest:
	// the answers after a "---" would be lost in silence. An empty document
	// (a "---" at the end) loses nothing.
	if p, more := moreDocuments(file, b, dec); more {
		ps = append(ps, p)
	}
	doc.root = root.Content[0]
	t := reflect.TypeOf(v).Elem()
	checkFields(file, doc.root, t, &ps)
	// Numbers that yaml.v3 would cut or bend in silence spoil the value as
	// a wrong kind does.
	numberLines := map[int]bool{}
	checkNumbers(file, doc.root, t, "", &ps, numberLines)
	doc.trusted = len(numberLines) == 0
	if err := doc.root.Decode(v); err != nil {
		doc.trusted = false
		var te *yaml.TypeError
		if errors.As(err, &te) {
			for _, e := range te.Errors {
				line, text := splitYAMLError(e)
				if numberLines[line] {
					continue // said better already
				}
				ps = append(ps, typeProblem(file, line, text))
			}
		} else {
			line, text := splitYAMLError(err.Error())
			ps = append(ps, msg.Problem{Place: msg.Place{File: file, Line: line}, Message: syntaxMessage(b, line, text)})
		}
	}
	return doc, ps
}

// syntaxProblem turns a parser error into a problem on its line.
func syntaxProblem(file string, b []byte, err error) msg.Problem {
	line, text := splitYAMLError(err.Error())
	// A fault found at the end of the file is on its last line, not on the
	// empty one after it.
	if line == 0 {
		line = syntaxLine(b, text)
	}
	line = min(line, bytes.Count(bytes.TrimRight(b, "\n"), []byte("\n"))+1)
	return msg.Problem{Place: msg.Place{File: file, Line: line}, Message: syntaxMessage(b, line, text)}
}

// moreDocuments reads what follows the first document of b and returns a
// problem when it holds another document (or a syntax error).
func moreDocuments(file string, b []byte, dec *yaml.Decoder) (msg.Problem, bool) {
	for {
		var next yaml.Node
		err := dec.Decode(&next)
		if errors.Is(err, io.EOF) {
			return msg.Problem{}, false
		}
		if err != nil {
			return syntaxProblem(file, b, err), true
		}
		if len(next.Content) == 0 || isEmptyScalar(next.Content[0]) {
			continue
		}
		line := documentLine(b, next.Line)
		return msg.Problem{Place: msg.Place{File: file, Line: line}, Message: msg.M("yamlstrict.more-documents", line)}, true
	}
}

func isEmptyScalar(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" && n.Value == ""
}

// documentLine returns the line of the "---" that starts the document
// whose content yaml.v3 places on line, or line itself when none is found.
func documentLine(b []byte, line int) int {
	lines := bytes.Split(b, []byte("\n"))
	for l := min(line, len(lines)); l >= 1; l-- {
		if t := bytes.TrimRight(lines[l-1], "\r"); bytes.Equal(t, []byte("---")) || bytes.HasPrefix(t, []byte("--- ")) || bytes.HasPrefix(t, []byte("---\t")) {
			return l
		}
	}
	return line
}

// checkText finds what makes b no YAML text before the parser does, so the
// message can say what the file is and on which line: NUL bytes (a binary
// file, or UTF-16 without a byte order mark), or bytes that are not UTF-8
// (a file saved as Windows-1252). UTF-16 with a byte order mark is YAML.
func checkText(file string, b []byte) (msg.Problem, bool) {
	if bytes.HasPrefix(b, []byte{0xff, 0xfe}) || bytes.HasPrefix(b, []byte{0xfe, 0xff}) {
		return msg.Problem{}, false
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return msg.Problem{Place: msg.Place{File: file}, Message: msg.M("harden.yaml-not-text")}, true
	}
	if utf8.Valid(b) {
		return msg.Problem{}, false
	}
	i := 0
	for i < len(b) {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		i += size
	}
	line := bytes.Count(b[:i], []byte("\n")) + 1
	return msg.Problem{Place: msg.Place{File: file, Line: line}, Message: msg.M("harden.yaml-not-utf8")}, true
}

// MaxAliasExpansion is how much text (in bytes, counting each value as at
// least one) aliases may add to a document when they are expanded. An
// alias (*name) repeats the value its anchor (&name) names, and aliases of
// aliases multiply: a kilobyte file can stand for gigabytes ("billion
// laughs"). laatu's files need none, so a little is plenty.
const MaxAliasExpansion = 1 << 20

// expansion returns how much larger the document under n is with its
// aliases expanded than as written, and the first alias. Sizes of shared
// nodes are counted once each, so the count itself is linear.
func expansion(n *yaml.Node) (int64, *yaml.Node) {
	const huge = int64(1) << 62
	written := int64(0)
	var first *yaml.Node
	seen := map[*yaml.Node]bool{}
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n == nil || seen[n] {
			return
		}
		seen[n] = true
		written += int64(len(n.Value)) + 1
		if n.Kind == yaml.AliasNode && first == nil {
			first = n
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(n)
	if first == nil {
		return 0, nil
	}
	memo := map[*yaml.Node]int64{}
	var size func(n *yaml.Node) int64
	size = func(n *yaml.Node) int64 {
		if n == nil {
			return 0
		}
		if s, ok := memo[n]; ok {
			return s
		}
		memo[n] = huge // an anchor that holds itself expands without end
		s := int64(len(n.Value)) + 1
		if n.Kind == yaml.AliasNode {
			s = size(n.Alias)
		}
		for _, c := range n.Content {
			s = min(s, huge-size(c)) + size(c) // at most huge, never past it
		}
		memo[n] = s
		return s
	}
	return size(n) - written, first
}

var lineRe = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

func splitYAMLError(s string) (int, string) {
	s = strings.TrimPrefix(s, "yaml: ")
	if m := lineRe.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[1])
		// yaml.v3 numbers the lines of its parser errors (an unclosed
		// bracket, a list item out of line) from 0 while every other line
		// number counts from 1: the line it gives is the one before the
		// list or mapping the fault is in.
		if strings.HasPrefix(m[2], "did not find expected") {
			n++
		}
		return n, m[2]
	}
	return 0, s
}

var (
	duplicateKeyRe  = regexp.MustCompile(`^mapping key "(.*)" already defined at line (\d+)$`)
	unmarshalRe     = regexp.MustCompile("^cannot unmarshal !!(\\w+) `(.*)` into (.*)$")
	unmarshalKindRe = regexp.MustCompile(`^cannot unmarshal !!(\w+) into (.*)$`)
)

// typeProblem turns yaml.v3's "cannot unmarshal !!str `x` into int" into a
// sentence a spreadsheet user understands.
func typeProblem(file string, line int, text string) msg.Problem {
	place := msg.Place{File: file, Line: line}
	if m := duplicateKeyRe.FindStringSubmatch(text); m != nil {
		first, _ := strconv.Atoi(m[2])
		return msg.Problem{Place: place, Message: msg.M("harden.yaml-duplicate-key", m[1], first)}
	}
	if m := unmarshalKindRe.FindStringSubmatch(text); m != nil {
		return msg.Problem{Place: place, Message: msg.M("yaml.want-kind", msg.M(tagKey(m[1])), msg.M(kindKey(m[2])))}
	}
	m := unmarshalRe.FindStringSubmatch(text)
	if m == nil {
		return msg.Problem{Place: place, Message: msg.M("yaml.type", text)}
	}
	found := m[2]
	if len(found) > 60 {
		found = found[:57] + "..."
	}
	return msg.Problem{Place: place, Message: msg.M("yaml.want", found, msg.M(kindKey(m[3])))}
}

// tagKey names what a YAML node holds: a list, key–value pairs, or text.
func tagKey(tag string) string {
	switch tag {
	case "seq":
		return "yaml.kind.list"
	case "map":
		return "yaml.kind.map"
	}
	return "yaml.kind.text"
}

func kindKey(goType string) string {
	switch {
	case strings.HasPrefix(goType, "[]"):
		return "yaml.kind.list"
	case strings.HasPrefix(goType, "map["), strings.Contains(goType, "."):
		return "yaml.kind.map"
	case strings.HasPrefix(goType, "int"), strings.HasPrefix(goType, "uint"):
		return "yaml.kind.int"
	case strings.HasPrefix(goType, "float"):
		return "yaml.kind.number"
	case goType == "bool":
		return "yaml.kind.bool"
	default:
		return "yaml.kind.text"
	}
}

// checkFields reports mapping keys that the target type does not know. It
// does not follow aliases: their anchors are checked where they are defined,
// and following them would let a "billion laughs" document explode here.
func checkFields(file string, n *yaml.Node, t reflect.Type, ps *msg.Problems) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if decidesOwnYAML(t) {
		return // its UnmarshalYAML decides its keys
	}
	switch n.Kind {
	case yaml.MappingNode:
		switch t.Kind() {
		case reflect.Struct:
			fields := structFields(t)
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				ft, ok := fields[k.Value]
				if !ok {
					ps.Add(msg.Place{File: file, Line: k.Line}, 0, "yaml.unknown-field", k.Value, fieldList(fields))
					continue
				}
				checkFields(file, v, ft, ps)
			}
		case reflect.Map:
			for i := 1; i < len(n.Content); i += 2 {
				checkFields(file, n.Content[i], t.Elem(), ps)
			}
		}
	case yaml.SequenceNode:
		if t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
			for _, c := range n.Content {
				checkFields(file, c, t.Elem(), ps)
			}
		}
	}
}

func structFields(t reflect.Type) map[string]reflect.Type {
	fields := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("yaml")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if strings.Contains(opts, "inline") {
			for k, v := range structFields(f.Type) {
				fields[k] = v
			}
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		fields[name] = f.Type
	}
	// A type with its own UnmarshalYAML decides its own keys.
	return fields
}

func fieldList(fields map[string]reflect.Type) string {
	names := make([]string, 0, len(fields))
	for k := range fields {
		names = append(names, k)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// Line returns the line of the value at path (mapping keys as strings,
// sequence indexes as ints), or of the deepest part of the path that exists.
// For a missing key it returns the line of the mapping that lacks it.
func (d *Doc) Line(path ...any) int {
	if d == nil || d.root == nil {
		return 0
	}
	n := d.root
	for _, p := range path {
		next := child(n, p)
		if next == nil {
			break
		}
		n = next
	}
	return n.Line
}

// KeyLine returns the line of the key at the end of path, which reads better
// than the value's line when the value is a block below it.
func (d *Doc) KeyLine(path ...any) int {
	if d == nil || d.root == nil || len(path) == 0 {
		return d.Line(path...)
	}
	parent := d.root
	for _, p := range path[:len(path)-1] {
		next := child(parent, p)
		if next == nil {
			return parent.Line
		}
		parent = next
	}
	if key, ok := path[len(path)-1].(string); ok && parent.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(parent.Content); i += 2 {
			if parent.Content[i].Value == key {
				return parent.Content[i].Line
			}
		}
		return parent.Line
	}
	return d.Line(path...)
}

func child(n *yaml.Node, p any) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	switch p := p.(type) {
	case string:
		if n.Kind != yaml.MappingNode {
			return nil
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == p {
				return n.Content[i+1]
			}
		}
	case int:
		if n.Kind == yaml.SequenceNode && p >= 0 && p < len(n.Content) {
			return n.Content[p]
		}
		if n.Kind == yaml.MappingNode {
			return child(n, strconv.Itoa(p))
		}
	}
	return nil
}

// Place returns the place of the value at path.
func (d *Doc) Place(path ...any) msg.Place {
	return msg.Place{File: d.File, Line: d.Line(path...)}
}

// KeyPlace returns the place of the key at the end of path.
func (d *Doc) KeyPlace(path ...any) msg.Place {
	return msg.Place{File: d.File, Line: d.KeyLine(path...)}
}

// String is for debugging.
func (d *Doc) String() string { return fmt.Sprintf("yamlfile.Doc(%s)", d.File) }
