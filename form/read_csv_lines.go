package form

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"github.com/laatu-fi/laatu/msg"
)

// Splitting a CSV file into lines and fields, before any of them is read
// as an assessment.

// csvRecord is one line of the file with the line number of each field.
type csvRecord struct {
	fields []string
	lines  []int
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

// parseCSV splits text into records with delimiter comma, at most rows.
func parseCSV(text string, comma rune, rows int) ([]csvRecord, error) {
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	// Only the first maxColumns fields of a line are kept, in a copy, so
	// that a line of a million separators costs nothing once read.
	cr.ReuseRecord = true
	var out []csvRecord
	for {
		fields, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		if len(out) >= rows {
			return out, errTooManyRows
		}
		fields = append([]string(nil), fields[:min(len(fields), maxColumns)]...)
		rec := csvRecord{fields: fields, lines: make([]int, len(fields))}
		for i := range fields {
			rec.lines[i], _ = cr.FieldPos(i)
		}
		out = append(out, rec)
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

// chooseDelimiter parses the start of text with each delimiter people use
// and keeps the one under which the most field names and headings are
// recognised (a tie goes to the semicolon, Finnish Excel's choice), then
// parses the whole text with it. The details and the heading line come
// first, so the start tells; parsing a large file once, not three times,
// keeps its memory down.
func chooseDelimiter(text string, rows int) ([]csvRecord, error) {
	head := text
	if len(head) > 64<<10 {
		head = head[:64<<10]
		if i := strings.LastIndexByte(head, '\n'); i > 0 {
			head = head[:i+1]
		}
	}
	best, bestScore := ';', -1
	for _, comma := range []rune{';', ',', '\t'} {
		recs, _ := parseCSV(head, comma, rows)
		if score := csvScore(recs); score > bestScore {
			best, bestScore = comma, score
		}
	}
	return parseCSV(text, best, rows)
}

func csvScore(recs []csvRecord) int {
	fields, _ := csvNames()
	score := 0
	for _, r := range recs {
		if _, ok := fields[normName(r.field(0))]; ok && len(r.fields) >= 2 {
			score++
		}
		if cols := csvHeader(r); cols != nil {
			score += len(cols)
		}
	}
	return score
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
