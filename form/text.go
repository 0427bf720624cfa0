package form

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/laatu-fi/laatu/msg"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decodeText returns a text file's content as UTF-8. Finnish Excel saves
// "CSV (comma delimited)" in Windows-1252, "CSV UTF-8" with a byte order
// mark, and "Unicode text" in UTF-16; other programs write plain UTF-8.
// Text that is not valid UTF-8 and has no mark is taken as Windows-1252,
// in which every byte is some character — unless it also holds characters
// written in UTF-8: a UTF-8 file with a line pasted from a Windows-1252
// one is neither, and read as either its names would change. The error is
// then a *mixedEncoding naming the first line that is not UTF-8.
func decodeText(b []byte) (string, error) {
	switch {
	case bytes.HasPrefix(b, bomUTF8):
		b = b[len(bomUTF8):]
		if !utf8.Valid(b) {
			return "", errInvalidUTF8
		}
		return asString(b), nil
	case bytes.HasPrefix(b, bomUTF16LE), bytes.HasPrefix(b, bomUTF16BE):
		if len(b)%2 != 0 {
			return "", errOddUTF16
		}
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(b)
		return string(out), err
	case utf8.Valid(b):
		return asString(b), nil
	}
	if line := mixedLine(b); line > 0 {
		return "", &mixedEncoding{line: line}
	}
	return decode1252(b), nil
}

// decode1252 decodes Windows-1252 text into a string of exactly the size
// it needs: a decoder's growing buffer would hold a 16 MiB file several
// times over.
func decode1252(b []byte) string {
	n := 0
	for _, c := range b {
		if c < utf8.RuneSelf {
			n++
		} else {
			n += utf8.RuneLen(charmap.Windows1252.DecodeByte(c))
		}
	}
	out := make([]byte, 0, n)
	for _, c := range b {
		if c < utf8.RuneSelf {
			out = append(out, c)
		} else {
			out = utf8.AppendRune(out, charmap.Windows1252.DecodeByte(c))
		}
	}
	return asString(out)
}

// asString is b as a string without a copy (a file of 16 MiB would
// otherwise be held twice). b must not change afterwards: decodeText's
// callers read a file into b and never write to it again.
func asString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

type textError string

func (e textError) Error() string { return string(e) }

// What decodeText finds wrong, said in the reader's language within the
// message about the file's encoding.
var (
	errInvalidUTF8 = msg.M("harden.bom-not-utf8")
	errOddUTF16    = msg.M("harden.utf16-odd")
)

// mixedEncoding is decodeText's answer to text that holds both UTF-8
// characters and bytes that are not UTF-8; line is the first line with
// such a byte.
type mixedEncoding struct{ line int }

func (e *mixedEncoding) Error() string { return "UTF-8 mixed with another encoding" }

// mixedLine returns the line of the first byte of b that is not UTF-8 when
// b also holds a character of more than one byte in valid UTF-8, and 0 when
// it holds none (plain ASCII and Windows-1252 text).
func mixedLine(b []byte) int {
	multi, bad := false, -1
	for i := 0; i < len(b) && !(multi && bad >= 0); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			if bad < 0 {
				bad = i
			}
		} else {
			multi = true
		}
		i += size
	}
	if !multi || bad < 0 {
		return 0
	}
	return bytes.Count(b[:bad], []byte("\n")) + 1
}

// controlChar returns the first control character in s that text in a
// cell may not hold — C0 controls other than tab, line feed and carriage
// return, DEL and the C1 controls — and whether there is one. Such a
// character is no text anyone types: printed, ESC and BEL move a
// terminal's cursor, change its title or ring it.
func controlChar(s string) (rune, bool) {
	// Eight bytes at a time, looked at one by one only when one of them
	// may be a control character (or the start of one): a line break
	// does, so about one word in ten of a filled file.
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		below20 := (w - 0x20*ones) &^ w & highs // a byte under 0x20
		del, c2 := w^0x7f*ones, w^0xc2*ones     // zero where a byte is DEL or C2
		if below20|(del-ones)&^del&highs|(c2-ones)&^c2&highs == 0 {
			continue
		}
		for j := i; j < i+8; j++ {
			if r, ok := controlAt(s, j); ok {
				return r, true
			}
		}
	}
	for ; i < len(s); i++ {
		if r, ok := controlAt(s, i); ok {
			return r, true
		}
	}
	return 0, false
}

// controlAt reports the control character that starts at s[i], if one
// does. U+0080 to U+009F are C2 80 to C2 9F in UTF-8, and C2 never
// continues another character, so bytes tell.
func controlAt(s string, i int) (rune, bool) {
	switch c := s[i]; {
	case c < 0x20 && c != '\t' && c != '\n' && c != '\r', c == 0x7f:
		return rune(c), true
	case c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f:
		return rune(s[i+1]), true
	}
	return 0, false
}

// controlName writes a control character as a person can look it up:
// U+001B (ESC).
func controlName(r rune) string {
	names := map[rune]string{0x07: "BEL", 0x08: "BS", 0x0b: "VT", 0x0c: "FF", 0x1b: "ESC", 0x7f: "DEL", 0x9b: "CSI"}
	s := fmt.Sprintf("U+%04X", r)
	if n, ok := names[r]; ok {
		s += " (" + n + ")"
	}
	return s
}

// stripControls replaces the control characters controlChar finds with
// U+FFFD, so that text already reported for them can be shown.
func stripControls(s string) string {
	return strings.Map(func(r rune) rune {
		if _, bad := controlChar(string(r)); bad {
			return utf8.RuneError
		}
		return r
	}, s)
}
