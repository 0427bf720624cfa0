package form

import (
	"bytes"
	"unicode/utf8"

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
// in which every byte is some character, so this never fails for it.
func decodeText(b []byte) (string, error) {
	switch {
	case bytes.HasPrefix(b, bomUTF8):
		b = b[len(bomUTF8):]
		if !utf8.Valid(b) {
			return "", errInvalidUTF8
		}
		return string(b), nil
	case bytes.HasPrefix(b, bomUTF16LE), bytes.HasPrefix(b, bomUTF16BE):
		if len(b)%2 != 0 {
			return "", errOddUTF16
		}
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(b)
		return string(out), err
	case utf8.Valid(b):
		return string(b), nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	return string(out), err
}

type textError string

func (e textError) Error() string { return string(e) }

// What decodeText finds wrong, said in the reader's language within the
// message about the file's encoding.
var (
	errInvalidUTF8 = msg.M("harden.bom-not-utf8")
	errOddUTF16    = msg.M("harden.utf16-odd")
)
