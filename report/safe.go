package report

import (
	"io"
	"unicode/utf8"

	"github.com/laatu-fi/laatu/msg"
)

// SafeCell neutralises text that a spreadsheet program would otherwise run
// as a formula (formula or CSV injection): text starting with = + - or @,
// their full-width forms, or a tab or carriage return gets a leading
// apostrophe, so `=HYPERLINK("http://x","y")` in a provider's name is shown
// as written instead of becoming a link. Control characters are cleaned
// first (CleanText). Every text cell laatu writes to CSV
// or XLSX goes through here; numbers are written as numbers and need not.
// In XLSX, where a text cell is a string cell that no program evaluates,
// the apostrophe would show as part of the text: WriteDocXLSX writes the
// text as it is and marks a cell SafeCell would change as text
// (quotePrefix, what Excel does for a typed '=A1), so it shows as written
// and stays text when edited.
func SafeCell(s string) string {
	s = CleanText(s)
	if s == "" {
		return s
	}
	switch r, _ := utf8.DecodeRuneInString(s); r {
	case '=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠':
		return "'" + s
	}
	return s
}

// CleanText removes control characters from text a report prints (see
// msg.Clean, the one function that does it for messages and reports):
// every text, Markdown and HTML writer writes through an out, which cleans
// all it passes on, and every CSV and XLSX cell passes SafeCell, which
// cleans too.
func CleanText(s string) string { return msg.Clean(s) }

// out is the writer every text, Markdown and HTML rendering writes
// through. It cleans what passes (CleanText), so that nothing read from an
// input reaches a terminal or a report as a control character, and it keeps
// the first write error: after one, nothing more is written and finish
// returns it, so that a full disk fails the command instead of leaving a
// cut report behind a successful exit.
type out struct {
	w   io.Writer
	err error
	// tail holds the end of the last write when it may continue in the
	// next one: a rune cut in two, or a CR that may be half of a CR LF.
	tail []byte
	buf  []byte
}

func newOut(w io.Writer) *out {
	if o, ok := w.(*out); ok {
		return o
	}
	return &out{w: w}
}

func (o *out) Write(p []byte) (int, error) {
	if o.err != nil {
		return 0, o.err
	}
	data := p
	if len(o.tail) > 0 {
		data = append(o.tail, p...)
		o.tail = nil
	}
	cut := len(data)
	if cut > 0 && data[cut-1] == '\r' {
		cut--
	} else {
		// Back up over an incomplete UTF-8 sequence at the end.
		for k := 1; k <= utf8.UTFMax-1 && k <= cut; k++ {
			b := data[cut-k]
			if b < utf8.RuneSelf {
				break
			}
			if utf8.RuneStart(b) {
				if !utf8.FullRune(data[cut-k:]) {
					cut -= k
				}
				break
			}
		}
	}
	if cut < len(data) {
		o.tail = append([]byte(nil), data[cut:]...)
	}
	clean := data[:cut]
	if !msg.IsClean(clean) {
		o.buf = msg.AppendClean(o.buf[:0], string(clean))
		clean = o.buf
	}
	if _, err := o.w.Write(clean); err != nil {
		o.err = err
		return 0, err
	}
	return len(p), nil
}

// finish writes what is held back and sets *err to the first write error
// when the rendering itself returned none: use it as
// `defer o.finish(&err)` with a named result.
func (o *out) finish(err *error) {
	if o.err == nil && len(o.tail) > 0 {
		tail := o.tail
		o.tail = nil
		if _, werr := o.w.Write(msg.AppendClean(nil, string(tail))); werr != nil {
			o.err = werr
		}
	}
	if *err == nil {
		*err = o.err
	}
}
