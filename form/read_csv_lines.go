package form

import (
	"bytes"
	"strconv"
	"strings"
	"sync"

	"github.com/laatu-fi/laatu/msg"
)

// Splitting a CSV file into lines and fields, before any of them is read
// as an assessment.

// csvRecord is one line of the file with the line number of each field.
type csvRecord struct {
	fields []string
	lines  []int
	// open is the line on which a value in quotation marks opened that
	// ran to the end of the file: a quotation mark left open. 0 when
	// there is none; readCSVRecords finds those closed further on.
	open int
	// multiline says whether a value in quotation marks runs over
	// lines: only such a value may have taken in the lines after it.
	multiline bool
}

func (r csvRecord) field(i int) string {
	if i < 0 || i >= len(r.fields) {
		return ""
	}
	return unneutralize(strings.TrimSpace(r.fields[i]))
}

// unneutralize takes off the apostrophe that laatu (and careful people)
// put before text starting with = + - or @ so that a spreadsheet does not
// run it as a formula; read back, the text is what was meant.
func unneutralize(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@", rune(s[1])) {
		return s[1:]
	}
	return s
}

func (r csvRecord) line(i int) int {
	if i < 0 || i >= len(r.lines) {
		return r.lines[0]
	}
	return r.lines[i]
}

func (r csvRecord) blank() bool {
	for _, f := range r.fields {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// The bounds on a CSV file's lines, checked before a line is split into
// fields: a line of a few megabytes of separators would otherwise become
// millions of fields in memory. A filled template's longest line is a few
// kilobytes; a cell of one mebibyte (the most a person pastes) still reads,
// and gets the message for its value.
const (
	// maxCSVLine is the longest line, in bytes, not counting its line
	// break; a value in quotation marks may run over several lines, each
	// held to it.
	maxCSVLine = 2 << 20
	// maxCSVFields is the most fields (columns) with text on one line: the
	// template has seven. Empty fields after them, as Excel writes when a
	// cell further right was once used, are passed over.
	maxCSVFields = maxColumns
)

// checkLineLengths finds the first line of text longer than maxCSVLine.
func checkLineLengths(text string) (line int, ok bool) {
	line = 1
	for len(text) > 0 {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			i = len(text)
		}
		if i > maxCSVLine {
			return line, false
		}
		text = text[min(i+1, len(text)):]
		line++
	}
	return 0, true
}

// tooManyFields is parseCSV's answer to a line with text in more than
// maxCSVFields fields.
type tooManyFields struct{ line int }

func (e *tooManyFields) Error() string { return "too many fields" }

// parseCSV splits text into records with the delimiter comma, at most
// rows, the way spreadsheets write CSV (RFC 4180) and forgiving as
// encoding/csv's LazyQuotes is: a quotation mark inside a value that does
// not start with one is text, and so is one inside a quoted value that is
// not followed by the delimiter or the line's end. Empty lines are passed
// over. Values are slices of text, not copies, unless they hold doubled
// quotation marks; only the first maxCSVFields fields of a line are kept.
func parseCSV(text string, comma byte, rows int) ([]csvRecord, error) {
	return parseCSVIn(text, comma, rows, nil)
}

// parseCSVIn is parseCSV with the records in room (nil: a new one).
func parseCSVIn(text string, comma byte, rows int, room *csvRoom) ([]csvRecord, error) {
	s, out := newCSVScanner(text, comma, rows, room)
	return s.rest(out, rows)
}

// newCSVScanner makes a scanner for text with room for every record and
// field at once: a record starts on a line of its own and a field after a
// delimiter, so the counts bound them (up to a bound, past which the
// slices grow as they fill). The slice returned is the room for records.
// The room is room's, made larger when it is too small; nil is none.
func newCSVScanner(text string, comma byte, rows int, room *csvRoom) (*csvScanner, []csvRecord) {
	if room == nil {
		room = &csvRoom{}
	}
	lines := min(strings.Count(text, "\n")+1, rows+1, 1<<16)
	fields := min(lines+strings.Count(text, string(comma)), 1<<16)
	if cap(room.fields) < fields || cap(room.lines) < fields {
		room.fields, room.lines = make([]string, 0, fields), make([]int, 0, fields)
	}
	if cap(room.recs) < lines {
		room.recs = make([]csvRecord, 0, lines)
	}
	return &csvScanner{text: text, comma: comma, line: 1, fields: room.fields[:0], lines: room.lines[:0]}, room.recs[:0]
}

// csvRoom is the room a file's records take: the fields and lines of a
// csvScanner, and the records. ReadCSV keeps rooms in csvRooms between
// files, as compare reads thousands: most of the memory a file took to
// read went to them.
type csvRoom struct {
	fields []string
	lines  []int
	recs   []csvRecord
}

var csvRooms = sync.Pool{New: func() any { return new(csvRoom) }}

// release gives the room back to csvRooms once nothing uses its records,
// emptied so that it holds no file's text; a room grown for a big file is
// let go.
func (r *csvRoom) release() {
	if cap(r.fields) > 1<<14 || cap(r.recs) > 1<<12 {
		return
	}
	clear(r.fields[:cap(r.fields)])
	clear(r.recs[:cap(r.recs)])
	csvRooms.Put(r)
}

// rest appends the records from where s is to the end of its text to out,
// at most rows in all.
func (s *csvScanner) rest(out []csvRecord, rows int) ([]csvRecord, error) {
	for s.more() {
		if len(out) >= rows {
			return out, errTooManyRows
		}
		rec, err := s.record()
		if err != nil {
			return out, err
		}
		out = append(out, rec)
	}
	return out, nil
}

// csvScanner reads text one record at a time: p is where the next one
// starts, on line.
type csvScanner struct {
	text    string
	comma   byte
	p, line int
	// fields and lines hold the fields of the records read so far and
	// the line each starts on: a record's are a slice of them, so that a
	// file's records take two allocations, not two each.
	fields []string
	lines  []int
}

// more passes over empty lines and reports whether a record follows.
func (s *csvScanner) more() bool {
	text := s.text
	for s.p < len(text) {
		switch {
		case text[s.p] == '\n':
			s.p, s.line = s.p+1, s.line+1
		case strings.HasPrefix(text[s.p:], "\r\n"):
			s.p, s.line = s.p+2, s.line+1
		case text[s.p:] == "\r":
			s.p = len(text)
		default:
			return true
		}
	}
	return false
}

// record reads the record that more found. Its fields and lines are kept
// in s.fields and s.lines after those of the records before it; a caller
// that keeps no record may empty them first.
func (s *csvScanner) record() (csvRecord, error) {
	text, comma, p, line := s.text, s.comma, s.p, s.line
	first := len(s.fields)
	var rec csvRecord
	eol := -1 // where the line of p ends, once found
	for n := 0; ; n++ {
		start := line
		var f string
		if p < len(text) && text[p] == '"' {
			var open bool
			f, p, line, open = quotedField(text, p+1, line, comma)
			if rec.open == 0 && open {
				rec.open = start
			}
			rec.multiline = rec.multiline || line > start
		} else {
			if eol < p {
				eol = len(text)
				if i := strings.IndexByte(text[p:], '\n'); i >= 0 {
					eol = p + i
				}
			}
			end := eol
			if i := strings.IndexByte(text[p:eol], comma); i >= 0 {
				end = p + i
			}
			f, p = strings.TrimSuffix(text[p:end], "\r"), end
		}
		if n < maxCSVFields {
			s.fields = append(s.fields, f)
			s.lines = append(s.lines, start)
		} else if strings.TrimSpace(f) != "" {
			return rec, &tooManyFields{line: start}
		}
		if p < len(text) && text[p] == comma {
			p++
			continue
		}
		// The end of the line (a quoted value may leave "\r\n").
		if strings.HasPrefix(text[p:], "\r\n") {
			p++
		}
		if p < len(text) {
			p, line = p+1, line+1
		}
		break
	}
	n := len(s.fields)
	rec.fields, rec.lines = s.fields[first:n:n], s.lines[first:n:n]
	s.p, s.line = p, line
	return rec, nil
}

// quotedField reads a value in quotation marks from text[p:] (just after
// the opening mark) on line: the value, where it ends, the line it ends on,
// and whether the file ended before the closing mark. Line breaks in the
// value are written "\n".
func quotedField(text string, p, line int, comma byte) (f string, end, endLine int, open bool) {
	var b strings.Builder
	piece := func(s string) {
		line += strings.Count(s, "\n")
		if f == "" && b.Len() == 0 {
			f = s
			return
		}
		if b.Len() == 0 {
			b.WriteString(f)
		}
		b.WriteString(s)
	}
	done := func() string {
		if b.Len() > 0 {
			f = b.String()
		}
		if strings.Contains(f, "\r\n") {
			f = strings.ReplaceAll(f, "\r\n", "\n")
		}
		return f
	}
	for {
		i := strings.IndexByte(text[p:], '"')
		if i < 0 {
			piece(text[p:])
			return done(), len(text), line, true
		}
		i += p
		piece(text[p:i])
		switch next := i + 1; {
		case next == len(text) || text[next] == comma || text[next] == '\n' || strings.HasPrefix(text[next:], "\r\n"):
			return done(), next, line, false
		case text[next:] == "\r": // the last line's end
			return done(), len(text), line, false
		case text[next] == '"':
			piece(`"`)
			p = next + 1
		default:
			piece(`"`)
			p = next
		}
	}
}

// swallowsRows reports whether the quoted value f holds a line break
// followed by a line that reads like a criterion's line — a criterion
// number above after, the delimiter, and at least fields fields — as when
// a quotation mark left open takes the following criteria in as text. A
// note with line breaks of its own, even one listing "1, 2, 3", does not.
func swallowsRows(f string, comma byte, fields, after int) bool {
	for {
		i := strings.IndexByte(f, '\n')
		if i < 0 {
			return false
		}
		f = f[i+1:]
		line, _, _ := strings.Cut(f, "\n")
		num, _, ok := strings.Cut(line, string(comma))
		n, err := strconv.Atoi(strings.TrimSpace(num))
		if ok && err == nil && n > after && strings.Count(line, string(comma))+1 >= fields {
			return true
		}
	}
}

const errTooManyRows = textError("too many rows")

// sniffCSV says what b is when it is plainly not a CSV file: a workbook
// or other zip file, an old Office file, or binary data.
func sniffCSV(b []byte, file string) msg.Problems {
	switch {
	case bytes.HasPrefix(b, []byte("PK\x03\x04")):
		return fileProblem(file, "harden.csv-is-zip")
	case bytes.HasPrefix(b, oleMagic):
		return fileProblem(file, "sheet.old-format")
	case !bytes.HasPrefix(b, bomUTF16LE) && !bytes.HasPrefix(b, bomUTF16BE) && bytes.IndexByte(b, 0) >= 0:
		return fileProblem(file, "harden.not-text")
	}
	return nil
}

// csvSplit is a CSV file split into records with the delimiter comma.
// heading is the index of the record that the delimiter's choice found to
// be the heading line, and cols its columns (csvHeader); -1 and nil when
// the choice did not look for it.
type csvSplit struct {
	recs    []csvRecord
	comma   byte
	heading int
	cols    map[string]int
}

// chooseDelimiter picks the delimiter (sniffDelimiter) and parses the
// whole text with it. A file that sniffDelimiter would give the semicolon
// as soon as it has read the heading line — what Finnish Excel saves, and
// the template — is split once, by the pass that read its start
// (semicolonFile); any other is split again with the delimiter chosen.
func chooseDelimiter(text string, rows int, room *csvRoom) (csvSplit, error) {
	if sp, ok, err := semicolonFile(text, rows, room); ok {
		return sp, err
	}
	comma := sniffDelimiter(text)
	recs, err := parseCSVIn(text, comma, rows, room)
	return csvSplit{recs: recs, comma: comma, heading: -1}, err
}

// semicolonFile parses text with the semicolon, scoring its records up to
// the heading line as headScore does. When the heading line ends within
// sniffDelimiter's head and no other delimiter may outscore the semicolon
// there (mayOutscore), sniffDelimiter picks the semicolon from what this
// pass has read, and the pass goes on to the end: the records and the
// error are parseCSV's with the semicolon, and ok is true. Otherwise ok is
// false and nothing is decided.
func semicolonFile(text string, rows int, room *csvRoom) (sp csvSplit, ok bool, err error) {
	head := len(sniffHead(text))
	fields, _ := csvNames()
	s, out := newCSVScanner(text, ';', rows, room)
	score := 0
	for s.more() && len(out) < rows {
		r, err := s.record()
		if err != nil || s.p > head {
			return csvSplit{}, false, nil
		}
		out = append(out, r)
		if len(r.fields) >= 2 {
			if _, ok := fields.lookup(r.field(0)); ok {
				score++
			}
		}
		if cols := csvHeader(r); cols != nil {
			if mayOutscore(text[:s.p], []byte{',', '\t'}, score+len(cols)) {
				return csvSplit{}, false, nil
			}
			sp = csvSplit{comma: ';', heading: len(out) - 1, cols: cols}
			sp.recs, err = s.rest(out, rows)
			return sp, true, err
		}
	}
	return csvSplit{}, false, nil
}

// sniffDelimiter reads the start of text with each delimiter people use,
// up to the heading line, and keeps the one under which the most field
// names and headings are recognised (a tie goes to the semicolon, Finnish
// Excel's choice). The details and the heading line come first, so the
// start tells; no delimiter reads past the line where another found the
// heading, so a filled file's criteria are split once, by parseCSV.
func sniffDelimiter(text string) byte {
	head := sniffHead(text)
	best, bestScore := byte(';'), -1
	delims := []byte{';', ',', '\t'}
	for i, comma := range delims {
		score, end := headScore(head, comma)
		if score > bestScore {
			best, bestScore = comma, score
		}
		if end < len(head) {
			head = head[:end]
		}
		if i == 0 && !mayOutscore(head, delims[1:], bestScore) {
			break
		}
	}
	return best
}

// sniffHead is the start of text that sniffDelimiter reads: 64 KiB, less
// the part of a line at its end.
func sniffHead(text string) string {
	if len(text) <= 64<<10 {
		return text
	}
	head := text[:64<<10]
	if i := strings.LastIndexByte(head, '\n'); i > 0 {
		head = head[:i+1]
	}
	return head
}

// mayOutscore reports whether any of the delimiters might score more
// than score in text (headScore). A record scores under a delimiter only
// when it has two fields or more, so a delimiter on its lines; records
// take lines of their own, and the heading line adds at most one for each
// column. So a delimiter on fewer lines than score less the columns
// cannot win, nor change where a later one stops reading: the semicolon's
// score in a Finnish file is seldom near that of a comma in a note or two.
func mayOutscore(text string, delims []byte, score int) bool {
	for _, comma := range delims {
		lines := 0
		for rest := text; rest != ""; {
			line := rest
			if i := strings.IndexByte(rest, '\n'); i >= 0 {
				line, rest = rest[:i], rest[i+1:]
			} else {
				rest = ""
			}
			if strings.IndexByte(line, comma) >= 0 {
				lines++
			}
		}
		if lines+len(csvColumns) > score {
			return true
		}
	}
	return false
}

// headScore counts the field names and headings recognised in text's
// records under comma, up to and with the first heading line, and returns
// where that line ends (len(text) when there is none).
func headScore(text string, comma byte) (score, end int) {
	fields, _ := csvNames()
	s := csvScanner{text: text, comma: comma, line: 1}
	for s.more() {
		s.fields, s.lines = s.fields[:0], s.lines[:0] // no record is kept
		r, err := s.record()
		if err != nil {
			break
		}
		if len(r.fields) >= 2 {
			if _, ok := fields.lookup(r.field(0)); ok {
				score++
			}
		}
		if cols := csvHeader(r); cols != nil {
			return score + len(cols), s.p
		}
	}
	return score, len(text)
}

// openQuote finds the line of the first value that runs over several
// lines, which is how a quotation mark left open swallows the heading
// line; 0 when there is none.
func openQuote(recs []csvRecord) int {
	for _, r := range recs {
		for i, f := range r.fields {
			if strings.ContainsAny(f, "\n\r") {
				return r.line(i)
			}
		}
	}
	return 0
}
