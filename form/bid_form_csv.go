package form

import (
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
	"github.com/xuri/excelize/v2"
)

// The CSV bid form is the workbook's sheet line by line, in the layout of
// the workbook (line 8 is row 8), as Finnish Excel opens and saves it:
// UTF-8 with a byte order mark, semicolons, CRLF. A CSV file has no hidden
// sheet, so line 6, empty in the workbook, names the profile and the set:
// laatu-bid-form;profile=…;profile_version=…;criteria=…;criteria_version=…;rows=….

// bidFormColumns is how many columns the form has (A–G).
const bidFormColumns = 7

// bidMetaRow is the CSV form's line that names the profile.
const bidMetaRow = bidFirstRow - 2

// WriteBidFormCSV writes the bid form of profile p (on set) in lang as CSV,
// with the same texts as the workbook WriteBidForm writes.
func WriteBidFormCSV(w io.Writer, p *criteria.Profile, set *criteria.Set, lang string) error {
	var book bytes.Buffer
	if err := WriteBidForm(&book, p, set, lang); err != nil {
		return err
	}
	f, err := excelize.OpenReader(&book)
	if err != nil {
		return err
	}
	defer f.Close()
	meta, _ := f.GetRows(bidFormMeta)
	rows, err := f.GetRows(meta[0][1])
	if err != nil {
		return err
	}
	if _, err := w.Write(bomUTF8); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	for r := 1; r <= len(rows); r++ {
		cells := make([]string, bidFormColumns)
		copy(cells, rows[r-1])
		if r == bidMetaRow {
			cells = []string{bidFormMarker}
			for _, kv := range meta[1:] {
				cells = append(cells, kv[0]+"="+kv[1])
			}
		}
		for i, c := range cells {
			cells[i] = safeCSV(c)
		}
		_ = cw.Write(cells) // the error is kept by cw and returned below
	}
	cw.Flush()
	return cw.Error()
}

// IsBidFormCSV reports whether the CSV file in path is a bid form laatu
// wrote: its first 64 KiB hold the marker line.
func IsBidFormCSV(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	b, _ := io.ReadAll(io.LimitReader(f, 64<<10))
	return bytes.Contains(b, []byte(bidFormMarker+";")) || bytes.Contains(b, []byte(bidFormMarker+",")) ||
		bytes.Contains(b, []byte(bidFormMarker+"\t"))
}

// ReadBidFormCSV reads a filled CSV bid form made for profile p, as
// ReadBidForm reads the workbook: problems name the line and the column's
// heading.
func ReadBidFormCSV(path string, p *criteria.Profile) (*Assessment, *BidAnswers, error) {
	lim := DefaultLimits
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fileProblem(path, "file.read", err)
	}
	defer f.Close()
	b, err := readAtMost(f, lim.FileSize)
	if err != nil {
		return nil, nil, fileProblem(path, "file.read", err)
	}
	if int64(len(b)) > lim.FileSize {
		return nil, nil, fileProblem(path, "harden.file-too-large", FormatSize(lim.FileSize))
	}
	if ps := sniffCSV(b, path); ps != nil {
		return nil, nil, ps
	}
	text, err := decodeText(b)
	if err != nil {
		return nil, nil, fileProblem(path, "sheet.csv.encoding", err)
	}
	if line, ok := checkLineLengths(text); !ok {
		return nil, nil, msg.Problems{{Place: msg.Place{File: path, Line: line}, Message: msg.M("csvread.line-too-long", FormatSize(maxCSVLine))}}
	}
	// The delimiter is the one that splits the marker line into its keys.
	comma, ok := bidFormDelimiter(text)
	if !ok {
		return nil, nil, fileProblem(path, "tender2.form.csv-no-marker", bidFormMarker)
	}
	recs, err := parseCSV(text, comma, lim.Rows)
	at := -1
	if err == nil {
		at = slices.IndexFunc(recs, isBidFormMarker)
	}
	if at < 0 {
		return nil, nil, fileProblem(path, "tender2.form.csv-no-marker", bidFormMarker)
	}
	meta := map[string]string{}
	for _, kv := range recs[at].fields[1:] {
		if k, v, ok := strings.Cut(strings.TrimSpace(kv), "="); ok {
			meta[k] = v
		}
	}
	// No more rows than the file has lines after the heading.
	if n, err := strconv.Atoi(meta["rows"]); err == nil && n > len(recs)-at-2 {
		meta["rows"] = strconv.Itoa(max(0, len(recs)-at-2))
	}
	heading := csvRecord{}
	if at+1 < len(recs) {
		heading = recs[at+1]
	}
	cell := func(col string, r int) (string, msg.Place) {
		c, _, _ := excelize.CellNameToCoordinates(col + "1")
		i := at + r - bidMetaRow
		name := strings.TrimSpace(heading.field(c - 1))
		if name == "" {
			name = col
		}
		if r < bidFirstRow {
			// Above the heading the line says where.
			name = ""
		}
		if i < 0 || i >= len(recs) {
			return "", msg.Place{File: path, Cell: name}
		}
		rec := recs[i]
		line := 0
		if len(rec.lines) > 0 {
			line = rec.lines[0]
			if c-1 < len(rec.lines) {
				line = rec.lines[c-1]
			}
		}
		v := strings.TrimSpace(rec.field(c - 1))
		// An apostrophe laatu put before a text that a spreadsheet would
		// take for a formula is not part of it.
		if len(v) > 1 && v[0] == '\'' && strings.ContainsRune("=+-@", rune(v[1])) {
			v = v[1:]
		}
		return v, msg.Place{File: path, Line: line, Cell: name}
	}
	return readBidCells(path, p, meta, cell)
}

// bidFormError is the problem of a bid form given where an assessment is
// read (score, compare): it says the form is for laatu check. nil when
// path is not a bid form.
func bidFormError(path string) error {
	ext := strings.ToLower(filepath.Ext(path))
	if (ext == ".xlsx" && IsBidForm(path)) || (ext == ".csv" && IsBidFormCSV(path)) {
		return fileProblem(path, "tender2.form.for-check")
	}
	return nil
}

// bidFormDelimiter finds the marker line in the start of text (the first
// 64 KiB, where IsBidFormCSV looks) and returns the delimiter that splits
// it into its keys. Each delimiter reads the records only up to the marker
// line, which a bid form has near its top, so the file is split whole
// once, by parseCSV, with the delimiter found.
func bidFormDelimiter(text string) (byte, bool) {
	head := text
	if len(head) > 64<<10 {
		head = head[:64<<10]
		if i := strings.LastIndexByte(head, '\n'); i > 0 {
			head = head[:i+1]
		}
	}
	for _, comma := range []byte{';', ',', '\t'} {
		s := csvScanner{text: head, comma: comma, line: 1}
		for s.more() {
			r, err := s.record()
			if err != nil {
				break
			}
			if isBidFormMarker(r) {
				return comma, true
			}
		}
	}
	return 0, false
}

// isBidFormMarker reports whether r is the marker line: the marker, then
// the form's keys.
func isBidFormMarker(r csvRecord) bool {
	return strings.TrimSpace(r.field(0)) == bidFormMarker && len(r.fields) > 5
}
