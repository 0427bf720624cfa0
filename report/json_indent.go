package report

import (
	"bytes"
	"encoding/json"
)

// jsonIndenter encodes values as json.MarshalIndent does, byte for byte,
// reusing its buffers from one value to the next. It indents the compact
// encoding itself: encoding/json's indent pass runs its scanner's state
// machine on every byte, and for the compare JSON of a thousand
// assessments that pass cost more than the encoding.
type jsonIndenter struct {
	compact bytes.Buffer
	enc     *json.Encoder
	out     []byte
}

func newJSONIndenter() *jsonIndenter {
	ji := new(jsonIndenter)
	// An Encoder escapes <, > and & as Marshal does; it only adds a
	// newline after the value.
	ji.enc = json.NewEncoder(&ji.compact)
	return ji
}

// marshalIndent is json.MarshalIndent(v, prefix, indent). The result is
// valid until the next call.
func (ji *jsonIndenter) marshalIndent(v any, prefix, indent string) ([]byte, error) {
	ji.compact.Reset()
	if err := ji.enc.Encode(v); err != nil {
		return nil, err
	}
	src := bytes.TrimSuffix(ji.compact.Bytes(), []byte("\n"))
	ji.out = appendIndentCompact(ji.out[:0], src, prefix, indent)
	return ji.out, nil
}

// appendIndentCompact appends src, compact JSON as encoding/json writes
// it (no space outside strings), indented as json.Indent would: a newline,
// prefix and one indent per level before each element and closing
// bracket, a space after each colon, and an empty object or array left as
// {} or [].
func appendIndentCompact(dst, src []byte, prefix, indent string) []byte {
	// line is a newline, the prefix and the indents of the deepest level
	// so far; a newline at depth d is its first 1+len(prefix)+d*len(indent)
	// bytes.
	line := append([]byte{'\n'}, prefix...)
	depth := 0
	newline := func(dst []byte) []byte {
		n := 1 + len(prefix) + depth*len(indent)
		for len(line) < n {
			line = append(line, indent...)
		}
		return append(dst, line[:n]...)
	}
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '"':
			// Copy the string whole; a backslash escapes the byte after it.
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j+1, len(src))
			dst = append(dst, src[i:j]...)
			i = j - 1
		case '{', '[':
			dst = append(dst, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst = append(dst, src[i+1])
				i++
				continue
			}
			depth++
			dst = newline(dst)
		case '}', ']':
			depth--
			dst = newline(dst)
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			dst = newline(dst)
		case ':':
			dst = append(dst, c, ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}
