package form

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/laatu-fi/laatu/msg"
)

// question is one prompt of the interview.
type question struct {
	// lead is shown on a line of its own before the question, every time
	// it is put (a checklist element, say).
	lead string
	// text is the question, ending without punctuation; enter says what an
	// empty answer does ("" when an empty answer is not accepted).
	text  string
	enter string
	// answers lists the accepted answers for the message after a bad one
	// ("1–5"); the commands are added to it.
	answers string
	// need says what to type, after an empty answer where Enter has nothing
	// to take; answers when empty.
	need string
	// accept takes the trimmed answer and reports whether it is accepted.
	accept func(answer string) bool
	// help is shown on ? before the list of commands.
	help func()
	// back says whether b has somewhere to go.
	back bool
}

// ask puts q until it is answered. The commands work at every question: ?
// shows help, q saves and quits, b goes back, o or s skips. They come back
// as errQuit, errBack and errSkip; the end of input as errEnd.
func (s *session) ask(q question) error {
	for {
		if q.lead != "" {
			fmt.Fprintln(s.iv.Out, q.lead)
		}
		prompt := q.text
		if q.enter != "" {
			prompt += " " + s.t("assess.enter", q.enter)
		}
		fmt.Fprint(s.iv.Out, prompt+": ")
		line, ok := s.readLine()
		if !ok {
			return errEnd
		}
		switch strings.ToLower(line) {
		case "?", "ohje", "help":
			if q.help != nil {
				q.help()
			}
			s.printf("assess.commands")
			continue
		case "q":
			return errQuit
		case "b":
			if !q.back {
				s.printf("assess.no-back")
				continue
			}
			return errBack
		case "o", "s":
			return errSkip
		}
		if q.accept(line) {
			return nil
		}
		if line == "" && q.enter == "" {
			// An empty answer where Enter has nothing to take: say what to
			// type rather than quote the empty answer back.
			need := q.need
			if need == "" {
				need = q.answers
			}
			if q.back {
				s.printf("assess.empty-answer", need)
			} else {
				s.printf("assess.empty-answer-first", need)
			}
			continue
		}
		accepted := q.answers
		if q.enter != "" {
			accepted += ", " + s.t("assess.enter-key", q.enter)
		}
		s.printf("assess.bad-answer", line, accepted)
	}
}

// readLine reads one answer, trimmed; false at the end of input. Any read
// error counts as the end: a closed terminal is as final as Ctrl-D, and
// every answer before it is already saved.
func (s *session) readLine() (string, bool) {
	line, err := s.in.ReadString('\n')
	if err != nil && line == "" {
		return "", false
	}
	if s.iv.Echo {
		fmt.Fprintln(s.iv.Out, strings.TrimRight(line, "\r\n"))
	}
	return clean(line), true
}

// clean trims an answer and makes it storable: valid UTF-8 without control
// characters (a stray escape sequence from arrow keys, say).
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Map(func(r rune) rune {
		if r == '\t' {
			return ' '
		}
		if unicode.IsControl(r) || r == '\uFEFF' {
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// yesNo reads a checklist answer with the words the workbook's checklist
// cells take (x, k, kyllä, y, yes, 1, ✓ … and e, ei, n, no, 0, - …, in
// either language), and a few more that are natural to type but would be
// odd in a cell (joo, kylla).
func yesNo(answer string) (yes, ok bool) {
	switch strings.ToLower(answer) {
	case "joo", "kylla":
		return true, true
	case "":
		return false, false
	}
	kind, ok := markKind(answer)
	return kind > 0, ok && kind != 0
}

// wrapWidth is the line length of wrapped prose when Interview.Width
// gives none.
const wrapWidth = 100

// minWidth is the narrowest line wrapped to: a narrower terminal gets
// lines of this length, which it folds itself.
const minWidth = 30

// width is the line length of wrapped prose: Interview.Width, or 100.
func (s *session) width() int {
	switch w := s.iv.Width; {
	case w <= 0:
		return wrapWidth
	case w < minWidth:
		return minWidth
	default:
		return w
	}
}

// wrap breaks s into lines of at most width runes, each after the first
// starting with indent. Lines are ended by the writer, not by cursor
// movement, so a screen reader reads them as text.
func wrap(s string, width int, indent string) string {
	var b strings.Builder
	n := 0
	for i, w := range strings.Fields(s) {
		wl := len([]rune(w))
		if i > 0 {
			if n+1+wl > width {
				b.WriteString("\n" + indent)
				n = len([]rune(indent))
			} else {
				b.WriteByte(' ')
				n++
			}
		}
		b.WriteString(w)
		n += wl
	}
	return b.String()
}

// number writes a figure in the reader's convention: 23,7 in Finnish.
func (s *session) number(x float64) string {
	return msg.LocaleOf(s.lang).Number(FormatNumber(x))
}

// date writes a date as the reader expects: 24.11.2026, or ISO in English.
func (s *session) date(d time.Time) string {
	return msg.LocaleOf(s.lang).FormatDate(d)
}
