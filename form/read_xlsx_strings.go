package form

import (
	"strconv"
	"strings"
)

// stringItem is a shared or inline string (an si or is element) as
// excelize read it: the text of its last t element, then that of each
// rich-text run (the last t of each r), with Excel's _xHHHH_ escapes
// undone. Phonetic runs are not part of the text.
type stringItem struct {
	t    []byte
	runs [][]byte
	// The depths of the item, of the run being read and of the t being
	// read (0: none), and where the t's characters go.
	depth, run, tDepth int
	into               *[]byte
}

func (si *stringItem) begin(depth int) { si.depth, si.run, si.tDepth = depth, 0, 0 }

func (si *stringItem) start(local string, depth int) {
	switch {
	case depth == si.depth+1 && local == "t":
		si.t = si.t[:0]
		si.tDepth, si.into = depth, &si.t
	case depth == si.depth+1 && local == "r":
		si.runs = append(si.runs, nil)
		si.run = depth
	case si.run > 0 && depth == si.run+1 && local == "t":
		last := &si.runs[len(si.runs)-1]
		*last = (*last)[:0]
		si.tDepth, si.into = depth, last
	}
}

func (si *stringItem) end(depth int) {
	switch depth {
	case si.tDepth:
		si.tDepth = 0
	case si.run:
		si.run = 0
	}
}

func (si *stringItem) chars(t []byte, depth int) {
	if si.tDepth > 0 && depth == si.tDepth {
		*si.into = append(*si.into, t...)
	}
}

func (si *stringItem) String() string {
	if len(si.runs) == 0 {
		return unescapeXLSX(string(si.t))
	}
	var b strings.Builder
	b.Write(si.t)
	for _, r := range si.runs {
		b.Write(r)
	}
	return unescapeXLSX(b.String())
}

// unescapeXLSX undoes Excel's escapes of characters XML cannot hold,
// _xHHHH_ for the character U+HHHH (and _x005F_ for an underscore), as
// excelize did: an escape of no character (a surrogate) is dropped.
func unescapeXLSX(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if n, err := strconv.ParseUint(s[i+2:i+6], 16, 32); err == nil && isHex4(s[i+2:i+6]) {
				if r := rune(n); r < 0xD800 || r > 0xDFFF {
					b.WriteRune(r)
				}
				i += 7
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

func isHex4(s string) bool {
	for i := range 4 {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
