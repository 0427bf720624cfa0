package yamlfile

import (
	"errors"
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/msg"
	"go.yaml.in/yaml/v3"
)

var unmarshalerType = reflect.TypeOf((*yaml.Unmarshaler)(nil)).Elem()

// decidesOwnYAML reports whether values of t read their YAML themselves
// (through UnmarshalYAML), so that their fields and numbers are theirs to
// check.
func decidesOwnYAML(t reflect.Type) bool {
	return t.Implements(unmarshalerType) || reflect.PointerTo(t).Implements(unmarshalerType)
}

// checkNumbers finds the numbers that yaml.v3 would take wrongly or refuse
// with a message that names no field: a decimal (4.5) or a figure too large
// for a whole-number field, which yaml.v3 cuts to a whole number in
// silence or overflows; a quoted "4" there; NaN and infinities (.nan, .inf)
// in a number field, which compare false with every figure; numbers beyond
// what a float holds (1e400). Whole numbers that fit their field pass:
// the loaders check each against what it may be (a level 1–5, a band
// within the possible totals) and say so in their own words. Keys of maps keyed by number (anchors: {4.5:
// …}) are checked too. Each problem names the field and gives the line;
// lines records the lines it reported, so that yaml.v3's own message on the
// same value is not repeated.
//
// Aliases are followed, so that an anchored 4.5 cannot reach a whole-number
// field through one; Decode has already bounded what aliases expand to.
func checkNumbers(file string, n *yaml.Node, t reflect.Type, name string, ps *msg.Problems, lines map[int]bool) {
	type visit struct {
		n *yaml.Node
		t reflect.Type
	}
	seen := map[visit]bool{}
	var walk func(n *yaml.Node, t reflect.Type, name string)
	walk = func(n *yaml.Node, t reflect.Type, name string) {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if n == nil || decidesOwnYAML(t) {
			return
		}
		line := n.Line
		for n.Kind == yaml.AliasNode {
			if n.Alias == nil {
				return
			}
			n = n.Alias
		}
		if seen[visit{n, t}] {
			return
		}
		seen[visit{n, t}] = true
		switch n.Kind {
		case yaml.ScalarNode:
			if key, args, bad := numberProblem(n, t, name); bad {
				ps.Add(msg.Place{File: file, Line: line}, 0, key, args...)
				lines[line] = true
			}
		case yaml.MappingNode:
			switch t.Kind() {
			case reflect.Struct:
				fields := structFields(t)
				for i := 0; i+1 < len(n.Content); i += 2 {
					k, v := n.Content[i], n.Content[i+1]
					if ft, ok := fields[k.Value]; ok {
						walk(v, ft, k.Value)
					}
				}
			case reflect.Map:
				for i := 0; i+1 < len(n.Content); i += 2 {
					k, v := n.Content[i], n.Content[i+1]
					if k.Kind == yaml.ScalarNode && !decidesOwnYAML(t.Key()) {
						if key, args, bad := numberProblem(k, t.Key(), name); bad {
							ps.Add(msg.Place{File: file, Line: k.Line}, 0, key+"-key", args...)
							lines[k.Line] = true
						}
					}
					walk(v, t.Elem(), name+" "+k.Value)
				}
			}
		case yaml.SequenceNode:
			if t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
				for _, c := range n.Content {
					walk(c, t.Elem(), name)
				}
			}
		}
	}
	walk(n, t, name)
}

// numberProblem checks one scalar bound for a value of type t, and returns
// the message key and its arguments when the number is not one to take.
func numberProblem(n *yaml.Node, t reflect.Type, name string) (string, []any, bool) {
	if name == "" {
		name = "value"
	}
	isInt := false
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		isInt = true
	case reflect.Float32, reflect.Float64:
	default:
		return "", nil, false
	}
	shown := shorten(n.Value)
	switch n.ShortTag() {
	case "!!null":
		return "", nil, false
	case "!!str":
		if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			if _, err := strconv.ParseFloat(strings.TrimSpace(n.Value), 64); err == nil || errors.Is(err, strconv.ErrRange) {
				if isInt {
					return "yamlstrict.int-quoted", []any{name, shown}, true
				}
				return "yamlstrict.number-quoted", []any{name, shown}, true
			}
			return "", nil, false // yaml.v3 says what is wrong with text here
		}
		// A plain number that yaml.v3 could not hold, such as 1e400.
		if _, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64); errors.Is(err, strconv.ErrRange) {
			if isInt {
				return "yamlstrict.int-range", []any{name, shown, size(n.Value)}, true
			}
			return "yamlstrict.number-range", []any{name, shown, size(n.Value)}, true
		}
		return "", nil, false
	case "!!int", "!!float":
	default:
		return "", nil, false
	}
	var v any
	if err := n.Decode(&v); err != nil {
		return "", nil, false
	}
	if !isInt {
		if f, ok := v.(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
			return "yamlstrict.not-finite", []any{name, shown}, true
		}
		return "", nil, false
	}
	zero := reflect.New(t).Elem()
	fits := func(i int64) bool {
		if zero.CanUint() {
			return i >= 0 && !zero.OverflowUint(uint64(i))
		}
		return !zero.OverflowInt(i)
	}
	switch v := v.(type) {
	case int:
		if !fits(int64(v)) {
			return "yamlstrict.int-range", []any{name, shown, size(n.Value)}, true
		}
	case int64:
		if !fits(v) {
			return "yamlstrict.int-range", []any{name, shown, size(n.Value)}, true
		}
	case uint64:
		if zero.CanUint() && zero.OverflowUint(v) || !zero.CanUint() && (v > math.MaxInt64 || !fits(int64(v))) {
			return "yamlstrict.int-range", []any{name, shown, size(n.Value)}, true
		}
	case float64:
		switch {
		case math.IsNaN(v) || math.IsInf(v, 0) || v != math.Trunc(v):
			return "yamlstrict.not-int", []any{name, shown}, true
		case v < -(1<<63) || v >= 1<<63 || !fits(int64(v)):
			return "yamlstrict.int-range", []any{name, shown, size(n.Value)}, true
		}
	}
	return "", nil, false
}

// size words how a number out of range is wrong: too large, or for a
// negative one too small.
func size(value string) msg.Message {
	if strings.HasPrefix(strings.TrimSpace(value), "-") {
		return msg.M("yamlstrict.small")
	}
	return msg.M("yamlstrict.large")
}

// shorten cuts a long value for a message.
func shorten(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "…"
	}
	return s
}
