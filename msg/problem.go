package msg

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Message is a message key with its arguments, rendered in the reader's
// language only when it is shown.
type Message struct {
	Key  string
	Args []any
}

// M builds a Message.
func M(key string, args ...any) Message { return Message{Key: key, Args: args} }

// In renders the message in lang.
// Arguments that are themselves Messages, or anything else that renders
// itself in a language (a criteria set's text, a list of labels), are
// rendered in the same language; text arguments are cleaned of control characters (see Clean) and cut to
// MaxValue characters (see Clip).
func (m Message) In(lang string) string {
	args := m.Args
	for i, a := range args {
		var s string
		switch a := a.(type) {
		case Message:
			s = a.In(lang)
		case string:
			if s = Clip(Clean(a)); s == a {
				continue
			}
		case error:
			// An error from the system quotes a path the user gave.
			s = Clip(Clean(a.Error()))
		case Number:
			s = a.In(lang)
		case interface{ In(string) string }:
			s = Clip(Clean(a.In(lang)))
		default:
			continue
		}
		if &args[0] == &m.Args[0] {
			args = append([]any(nil), m.Args...)
		}
		args[i] = s
	}
	return T(lang, m.Key, args...)
}

// Number is a figure quoted in a message, written as the reader's language
// writes numbers: 0,92 in Finnish, 0.92 in English (the separator is the
// locale's, so a new language sets its own).
type Number float64

// In writes n with as many decimals as it has, and the decimal separator
// of lang.
func (n Number) In(lang string) string {
	return LocaleOf(lang).FormatFloat(float64(n), -1)
}

// MaxValue is the most characters of a value from an input that a message
// repeats. A message quotes what it found so the reader can find it; a
// level cell holding a megabyte of text needs only its beginning quoted.
const MaxValue = 200

// Clip cuts s to MaxValue characters, marking the cut with "…".
func Clip(s string) string { return ClipTo(s, MaxValue) }

// ClipTo cuts s to n characters, marking the cut with "…". It is the one
// cut of names and values for messages and report headings.
func ClipTo(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := 0
	for k := range s {
		if i == n-1 {
			if len(s)-k <= 3 && utf8.RuneCountInString(s[k:]) == 1 {
				return s // the last character fits
			}
			return s[:k] + "…"
		}
		i++
	}
	return s
}

// Error renders the message in English, for logs and wrapped errors; laatu's
// own output renders it in the user's language with Localize.
func (m Message) Error() string { return m.In("en") }

// Place says where in an input a problem is. Readers fill what they know:
// a YAML reader the line, a spreadsheet reader the sheet and cell, a CSV
// reader the line and column.
type Place struct {
	File  string
	Line  int
	Sheet string
	Cell  string
}

func (p Place) String() string {
	var b strings.Builder
	b.WriteString(Clean(p.File))
	switch {
	case p.Sheet != "" && p.Cell != "":
		fmt.Fprintf(&b, ": %s!%s", Clip(Clean(p.Sheet)), Clip(Clean(p.Cell)))
	case p.Sheet != "":
		fmt.Fprintf(&b, ": %s", Clip(Clean(p.Sheet)))
	case p.Line > 0 && p.Cell != "":
		fmt.Fprintf(&b, ":%d: %s", p.Line, p.Cell)
	case p.Line > 0:
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	return b.String()
}

// Problem is one fault found in an input: where, which criterion if any, and
// what is wrong and accepted.
type Problem struct {
	Place
	Criterion int
	Message
}

// In renders the problem as "file:line: criterion N: text" in lang.
func (p Problem) In(lang string) string {
	var b strings.Builder
	b.WriteString(p.Place.String())
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	if p.Criterion > 0 {
		b.WriteString(T(lang, "problem.criterion", p.Criterion))
		b.WriteString(": ")
	}
	b.WriteString(p.Message.In(lang))
	return b.String()
}

func (p Problem) Error() string { return p.In("en") }

// Problems collects every fault found in one or more inputs so that they are
// reported together. A nil or empty Problems is no error; use Err.
type Problems []Problem

// Add appends a problem at place.
func (ps *Problems) Add(place Place, criterion int, key string, args ...any) {
	*ps = append(*ps, Problem{Place: place, Criterion: criterion, Message: M(key, args...)})
}

// Err returns the problems as an error, or nil when there are none. The
// problems are sorted by file and position so output is stable.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	ps.Sort()
	return ps
}

// Sort orders problems by file, line, sheet, cell and criterion.
func (ps Problems) Sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Sheet != b.Sheet {
			return a.Sheet < b.Sheet
		}
		if a.Cell != b.Cell {
			return cellLess(a.Cell, b.Cell)
		}
		return a.Criterion < b.Criterion
	})
}

// cellLess orders A1-style cells by row, then column, so D10 follows D9.
func cellLess(a, b string) bool {
	ca, ra := splitCell(a)
	cb, rb := splitCell(b)
	if ra != rb {
		return ra < rb
	}
	if len(ca) != len(cb) {
		return len(ca) < len(cb)
	}
	return ca < cb
}

func splitCell(c string) (col string, row int) {
	i := strings.IndexAny(c, "0123456789")
	if i < 0 {
		return c, 0
	}
	fmt.Sscan(c[i:], &row)
	return c[:i], row
}

func (ps Problems) In(lang string) string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.In(lang)
	}
	return strings.Join(lines, "\n")
}

func (ps Problems) Error() string { return ps.In("en") }

// Capped keeps at most perFile problems of each file, in order, and in
// place of the rest one problem saying how many more that file has. A
// generated file can hold a hundred thousand faults; the first hundred
// say what is wrong, and the count says how much.
func (ps Problems) Capped(perFile int) Problems {
	count := map[string]int{}
	for _, p := range ps {
		count[p.File]++
	}
	out := make(Problems, 0, min(len(ps), perFile*len(count)+len(count)))
	kept := map[string]int{}
	for _, p := range ps {
		switch k := kept[p.File]; {
		case k < perFile:
			out = append(out, p)
		case k == perFile:
			out = append(out, Problem{Place: Place{File: p.File}, Message: M("harden.more-problems", count[p.File]-perFile)})
		}
		kept[p.File]++
	}
	return out
}

// Localizer is an error that can render itself in a language.
type Localizer interface {
	error
	In(lang string) string
}

// Localize renders err in lang: laatu's own errors in the user's language,
// any other error as it is.
func Localize(err error, lang string) string {
	var l Localizer
	if errors.As(err, &l) {
		// An error wrapping a Localizer keeps its own prefix only when it is
		// the Localizer itself; wrapping adds nothing users should read.
		return l.In(lang)
	}
	return err.Error()
}

// Errorf returns a localizable error for key. Use it for faults that have no
// place in an input (a bad flag value, a missing file).
func Errorf(key string, args ...any) error { return M(key, args...) }
