package msg

import "unicode/utf8"

// Clean makes text from an input safe to print on a terminal and to put in
// a report: a control character is never passed on, so that a name holding
// ESC or BEL cannot retitle a window, clear a screen or hide text. Tab and
// line feed stay; CR LF and a lone CR become a line feed; every other C0
// control and DEL is shown as its Unicode picture (ESC as ␛, BEL as ␇),
// so that the reader sees something was there; the C1 controls
// (U+0080–U+009F) and bytes that are not UTF-8 become U+FFFD. Text that
// needs none of this is returned as it is, without copying.
func Clean(s string) string {
	if isClean(s) {
		return s
	}
	return string(AppendClean(make([]byte, 0, len(s)+8), s))
}

// AppendClean appends Clean(s) to dst.
func AppendClean(dst []byte, s string) []byte {
	for i, r := range s {
		switch {
		case r == '\r':
			if i+1 >= len(s) || s[i+1] != '\n' {
				dst = append(dst, '\n')
			}
		case r == '\t' || r == '\n':
			dst = append(dst, byte(r))
		case r < 0x20:
			dst = utf8.AppendRune(dst, 0x2400+r) // ␀ … ␟
		case r == 0x7f:
			dst = utf8.AppendRune(dst, '␡')
		case r >= 0x80 && r <= 0x9f:
			dst = utf8.AppendRune(dst, utf8.RuneError)
		default: // bytes that are not UTF-8 come as utf8.RuneError
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
}

// isClean reports whether Clean would leave s as it is.
func isClean(s string) bool {
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b < 0x20 && b != '\t' && b != '\n', b == 0x7f:
			return false
		case b == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f:
			return false
		}
	}
	return utf8.ValidString(s)
}

// IsClean reports whether Clean would leave the text in p as it is, without
// converting p to a string.
func IsClean(p []byte) bool {
	for i := 0; i < len(p); i++ {
		switch b := p[i]; {
		case b < 0x20 && b != '\t' && b != '\n', b == 0x7f:
			return false
		case b == 0xc2 && i+1 < len(p) && p[i+1] >= 0x80 && p[i+1] <= 0x9f:
			return false
		}
	}
	return utf8.Valid(p)
}
