package form

import (
	"errors"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/laatu-fi/laatu/msg"
)

// The CSV form of an assessment: a few "field;value" lines with the
// details, then a heading line and one line per criterion:
//
//	Kriteeristö;tyokyky
//	Palveluntuottaja;Jyväskylän kaupunki
//	Nro;Kriteeri;Taso;Luku;Tarkistuslista;Perustelu;Näyttö
//	1;Asiakasmäärä…;4;23,7;;83 asiakasta, 3,5 valmentajaa;asiakasrekisteri
//
// Field names and headings are recognised in every language laatu has and
// by the YAML keys, so a file made in English reads in Finnish. Lines
// starting with # are comments.

// CSV column keys.
const (
	csvNumber   = "number"
	csvTitle    = "title"
	csvLevel    = "level"
	csvFigure   = "figure"
	csvChecked  = "checked"
	csvNote     = "note"
	csvEvidence = "evidence"
)

// csvColumns are the column keys in the template's order, each at its
// place (csvAtNumber…).
var csvColumns = []string{csvAtNumber: csvNumber, csvAtTitle: csvTitle, csvAtLevel: csvLevel, csvAtFigure: csvFigure,
	csvAtChecked: csvChecked, csvAtNote: csvNote, csvAtEvidence: csvEvidence}

// The places of the columns in csvColumns.
const (
	csvAtNumber = iota
	csvAtTitle
	csvAtLevel
	csvAtFigure
	csvAtChecked
	csvAtNote
	csvAtEvidence
	csvColumnCount
)

// itemColumns is where a file's heading line puts each column of
// csvColumns, and how it names it: worked out once, at the heading, not
// on each criterion's line.
type itemColumns struct {
	file string
	// at is the column's index on a line, -1 when the heading has none.
	at [csvColumnCount]int
	// name is the column's name for messages: its heading, or its letter
	// when the heading is empty.
	name [csvColumnCount]string
}

func newItemColumns(cols map[string]int, heading csvRecord, file string) *itemColumns {
	c := &itemColumns{file: file}
	for k, key := range csvColumns {
		i, ok := cols[key]
		if !ok {
			c.at[k] = -1
			continue
		}
		c.at[k], c.name[k] = i, heading.field(i)
		if c.name[k] == "" {
			c.name[k] = columnName(i + 1)
		}
	}
	return c
}

// value is r's value in the column k (csvAtNumber…) and its place; "" and
// no place when the file has no such column.
func (c *itemColumns) value(r csvRecord, k int) (string, msg.Place) {
	i := c.at[k]
	if i < 0 {
		return "", msg.Place{}
	}
	return r.field(i), msg.Place{File: c.file, Line: r.line(i), Cell: c.name[k]}
}

// detailKeys are the details a CSV file (and the details sheet) carries.
var detailKeys = []string{keyCriteria, keyCriteriaVersion, keyCriteriaName, keyProvider, keyUnit, keyDate, keyRaters, keyNotes}

var (
	csvNamesOnce          sync.Once
	csvFields, csvHeading nameTable
)

// csvNames maps every accepted spelling of a detail field and of a column
// heading, normalised, to its key.
func csvNames() (fields, headings nameTable) {
	csvNamesOnce.Do(func() {
		csvFields, csvHeading = nameTable{keys: map[string]string{}}, nameTable{keys: map[string]string{}}
		for _, k := range detailKeys {
			csvFields.add(k, k)
		}
		for _, k := range csvColumns {
			csvHeading.add(k, k)
		}
		for _, alias := range []string{"criterion", "nro", "no", "nr"} {
			csvHeading.add(alias, csvNumber)
		}
		for _, lang := range msg.Locales() {
			for _, k := range detailKeys {
				csvFields.add(msg.T(lang, "sheet.field."+k), k)
			}
			for _, k := range csvColumns {
				csvHeading.add(msg.T(lang, "sheet.csv.col."+k), k)
			}
		}
	})
	return csvFields, csvHeading
}

// nameTable maps the spellings of names (normName) to their keys.
type nameTable struct {
	keys map[string]string
	// longest is the length in bytes of the longest spelling.
	longest int
	// starts are the first bytes of the spellings.
	starts nameStarts
}

func (t *nameTable) add(name, key string) {
	name = normName(name)
	t.keys[name] = key
	t.longest = max(t.longest, len(name))
	t.starts.add(name)
}

// lookup finds the key of the name s. Text that begins with a character
// none of the names begins with, such as a criterion's number, and text
// with more letters than any of the names, such as a criterion's note, is
// refused without being folded: folding every value took most of a CSV
// file's reading time.
func (t *nameTable) lookup(s string) (string, bool) {
	if !t.starts.may(s) || !mayBeName(s, t.longest) {
		return "", false
	}
	var buf [64]byte
	k, ok := t.keys[string(foldName(buf[:0], s))]
	return k, ok
}

// nameStarts is a set of the bytes that names (normName) begin with.
type nameStarts [4]uint64

// add puts the first byte of the folded name in the set; an empty name
// puts in every byte, since it is not told by a first byte.
func (ns *nameStarts) add(name string) {
	if name == "" {
		*ns = nameStarts{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
		return
	}
	ns[name[0]>>6] |= 1 << (name[0] & 63)
}

func (ns nameStarts) union(o nameStarts) nameStarts {
	for i := range ns {
		ns[i] |= o[i]
	}
	return ns
}

// may reports whether s may fold to a name that begins with a byte of the
// set: false only when s's first character tells what foldName(s) begins
// with — an ASCII character after a byte order mark and ASCII spaces,
// other than a colon, full stop or asterisk, which foldName may trim — and
// that is not in the set.
func (ns nameStarts) may(s string) bool {
	s = strings.TrimPrefix(s, "\ufeff")
	i := 0
	for i < len(s) && (s[i] == ' ' || '\t' <= s[i] && s[i] <= '\r') {
		i++
	}
	if i == len(s) {
		return true
	}
	c := s[i]
	if c >= utf8.RuneSelf || c == ':' || c == '.' || c == '*' {
		return true
	}
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return ns[c>>6]&(1<<(c&63)) != 0
}

// mayBeName reports whether s may fold to a name of at most longest bytes:
// every character that normName keeps (not a space, not after a bracket,
// not a colon or full stop it may trim) folds to a byte or more.
func mayBeName(s string, longest int) bool {
	if i := strings.IndexByte(s, '('); i > 0 {
		s = s[:i]
	}
	return !moreLetters(s, longest)
}

// moreLetters reports whether s has more than n characters that are not
// spaces, colons, full stops, asterisks or byte order marks. It stops at
// the first one over: most fields are long texts, not names.
func moreLetters(s string, n int) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf { // ASCII: its spaces are these
			i++
			if c != ' ' && (c < '\t' || c > '\r') && c != ':' && c != '.' && c != '*' {
				if n--; n < 0 {
					return true
				}
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if !unicode.IsSpace(r) && r != '\ufeff' {
			if n--; n < 0 {
				return true
			}
		}
	}
	return false
}

// normName folds a field name or heading as people vary it: case, spaces,
// a trailing colon or full stop, a remark in brackets.
func normName(s string) string {
	return string(foldName(nil, s))
}

// foldName appends normName(s) to dst: lower case, the words of the text
// before a bracket (one not at its start) joined by single spaces, less a
// trailing colon, full stop or asterisk. Lower case keeps spaces, brackets
// and those marks where they are, so they are found in s itself.
func foldName(dst []byte, s string) []byte {
	s = strings.TrimSpace(strings.TrimPrefix(s, "\ufeff"))
	if i := strings.IndexByte(s, '('); i > 0 {
		s = s[:i]
	}
	s = strings.TrimRight(strings.TrimSpace(s), ":.*")
	start, space := len(dst), false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			dst = append(dst, byte(r))
		} else {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// ReadCSV reads the CSV form of an assessment: plain UTF-8 with commas, or
// what Finnish Excel saves — semicolons, decimal commas, UTF-8 with a byte
// order mark or Windows-1252 (a file that mixes UTF-8 with another
// encoding is refused), with lines ending in CR LF, LF or CR alone. A line
// may be at most 2 MiB long and hold text in at most 64 columns; a value
// in quotation marks that runs to the end of the file, or takes in lines
// that look like criteria, is a quotation mark left open. Control
// characters other than tab and line breaks are refused. The error, when
// not nil, is msg.Problems naming the line and column of every fault.
func ReadCSV(r io.Reader, file string, lim Limits) (*Assessment, error) {
	lim = lim.orDefault()
	b, err := readAtMost(r, lim.FileSize)
	if err != nil {
		return nil, fileProblem(file, "file.read", err)
	}
	if int64(len(b)) > lim.FileSize {
		return nil, fileProblem(file, "harden.file-too-large", FormatSize(lim.FileSize))
	}
	if ps := sniffCSV(b, file); ps != nil {
		return nil, ps
	}
	text, err := decodeText(b)
	var mixed *mixedEncoding
	if errors.As(err, &mixed) {
		return nil, msg.Problems{{Place: msg.Place{File: file, Line: mixed.line}, Message: msg.M("csvread.mixed-encoding")}}
	}
	if err != nil {
		return nil, fileProblem(file, "sheet.csv.encoding", err)
	}
	if strings.TrimSpace(text) == "" {
		return nil, fileProblem(file, "sheet.empty")
	}
	// Lines that end in CR alone, as on old Macs: read as lines.
	if !strings.Contains(text, "\n") && strings.Contains(text, "\r") {
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	if line, ok := checkLineLengths(text); !ok {
		return nil, msg.Problems{{Place: msg.Place{File: file, Line: line}, Message: msg.M("csvread.line-too-long", FormatSize(maxCSVLine))}}
	}
	room := csvRooms.Get().(*csvRoom)
	defer room.release() // the records are read by then
	split, err := chooseDelimiter(text, lim.Rows, room)
	if errors.Is(err, errTooManyRows) {
		return nil, fileProblem(file, "sheet.too-many-rows", lim.Rows, lim.Rows)
	}
	var wide *tooManyFields
	if errors.As(err, &wide) {
		return nil, msg.Problems{{Place: msg.Place{File: file, Line: wide.line}, Message: msg.M("csvread.too-many-fields", maxCSVFields, maxCSVFields, columnName(maxCSVFields))}}
	}
	if err != nil {
		return nil, msg.Problems{{Place: msg.Place{File: file}, Message: msg.M("sheet.csv.syntax", err)}}
	}
	// Most files hold no control character: their values need no look.
	_, controls := controlChar(text)
	return readCSVRecords(split, controls, file)
}

// swallowedRows returns the line of r's first value that took in lines
// that read like the criteria after r's (see swallowsRows), 0 when none
// did. Such a line has as many fields as the heading, up to three; before
// the heading, three.
func swallowedRows(r csvRecord, comma byte, heading csvRecord) int {
	fields := 3
	if heading.fields != nil {
		fields = min(fields, max(len(heading.fields), 2))
	}
	after, read := 0, false
	for i, f := range r.fields {
		if !strings.Contains(f, "\n") {
			continue
		}
		if !read { // the line's number, read when a value has lines
			after, _ = strconv.Atoi(r.field(0))
			read = true
		}
		if swallowsRows(f, comma, fields, after) {
			return r.line(i)
		}
	}
	return 0
}

// readAtMost reads r to its end, or to one byte more than max. The buffer
// is made the size of a file (or of a reader that knows its length) at
// once: growing it as io.ReadAll does would hold a 16 MiB file twice over
// while it is copied.
func readAtMost(r io.Reader, max int64) ([]byte, error) {
	size := int64(512)
	switch f := r.(type) {
	case interface{ Len() int }: // bytes.Reader, strings.Reader, sizedFile
		size = min(int64(f.Len()), max) + 1
	case interface{ Stat() (fs.FileInfo, error) }:
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			size = min(st.Size(), max) + 1
		}
	}
	b := make([]byte, 0, size)
	r = io.LimitReader(r, max+1)
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if errors.Is(err, io.EOF) {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

// csvHeader returns the columns of a heading line (key → index), or nil
// when r is not one: it names the criterion number and at least one answer.
func csvHeader(r csvRecord) map[string]int {
	_, headings := csvNames()
	var cols map[string]int // made at the first heading: most lines have none
	for i := range r.fields {
		if k, ok := headings.lookup(r.field(i)); ok {
			if cols == nil {
				cols = map[string]int{}
			}
			if _, dup := cols[k]; !dup {
				cols[k] = i
			}
		}
	}
	_, hasNumber := cols[csvNumber]
	_, hasLevel := cols[csvLevel]
	_, hasFigure := cols[csvFigure]
	_, hasChecked := cols[csvChecked]
	if !hasNumber || !(hasLevel || hasFigure || hasChecked) {
		return nil
	}
	return cols
}

// readCSVRecords reads the records of a split file; controls says whether
// the file has a control character (controlChar) anywhere, so that its
// values are each looked at (and its heading line looked for again, as
// taking them out may change it).
func readCSVRecords(split csvSplit, controls bool, file string) (*Assessment, error) {
	recs, comma := split.recs, split.comma
	if controls { // values may change as they are read
		split.heading, split.cols = -1, nil
	}
	names := &FileNames{}
	a := &Assessment{Source: file, Names: names}
	var ps msg.Problems
	fields, _ := csvNames()
	var cols map[string]int
	var heading csvRecord
	var items *itemColumns // made from cols
	// Where each field was given: room for every field once.
	seen := make(map[string]msg.Place, len(detailKeys)+len(cycleKeys))
	lines := &csvLines{main: map[int]bool{}, subs: map[string]msg.Place{}}
	opened := false
	cycleFields, sections := csvCycleNames()
	longest := max(fields.longest, cycleFields.longest, sections.longest)
	starts := fields.starts.union(cycleFields.starts).union(sections.starts)
	var name []byte
	cr := newCycleReader(msg.Place{File: file})
	cr.labelPlaces = true
	cr.names = names
	section := ""
	for ri, r := range recs {
		if r.open == 0 && r.multiline {
			r.open = swallowedRows(r, comma, heading)
		}
		if r.open > 0 {
			ps.Add(msg.Place{File: file, Line: r.open}, 0, "harden.csv-open-quote")
			opened = true
		}
		for i, f := range r.fields {
			if !controls {
				break
			}
			if c, bad := controlChar(f); bad {
				place := msg.Place{File: file, Line: r.line(i)}
				if cols != nil {
					place.Cell = heading.field(i)
				}
				ps.Add(place, 0, "csvread.control-char", controlName(c))
				r.fields[i] = stripControls(f)
			}
		}
		first := r.field(0)
		if r.blank() || strings.HasPrefix(first, "#") {
			continue
		}
		// The line's first value folded once for the look-ups below
		// (empty when it is too long to be a name).
		name = name[:0]
		if starts.may(first) && mayBeName(first, longest) {
			name = foldName(name, first)
		}
		if first == markerDetails || first == markerAssessment {
			// One sheet of the workbook saved as CSV: the other is lost.
			return nil, fileProblem(file, "sheet.csv.from-workbook")
		}
		if s, ok := sections.keys[string(name)]; ok && cols != nil {
			section = s
			continue
		}
		if section != "" {
			readCSVSectionLine(a, section, r, file, &ps)
			continue
		}
		if cols == nil {
			switch {
			case ri == split.heading:
				cols = split.cols
			case ri > split.heading: // before it, no line is one
				cols = csvHeader(r)
			}
			if cols != nil {
				heading = r
				names.sawHeading(cols, heading)
				items = newItemColumns(cols, heading, file)
				a.Items = make([]Item, 0, criterionLines(recs[ri+1:]))
				continue
			}
			key, ok := fields.keys[string(name)]
			place := msg.Place{File: file, Line: r.line(0), Cell: first}
			if ck, isCycle := cycleFields.keys[string(name)]; !ok && isCycle {
				key, ok = ck, true
			}
			if !ok {
				ps.Add(place, 0, "sheet.csv.unknown-field", first, names.labels("sheet.field.", detailKeys))
				continue
			}
			if prev, dup := seen[key]; dup {
				ps.Add(place, 0, "sheet.duplicate-field", first, prev.String())
				continue
			}
			seen[key] = place
			names.sawField(key, first, name)
			vPlace := msg.Place{File: file, Line: r.line(1), Cell: first}
			if !cr.set(key, r.field(1), vPlace, &ps) {
				setDetail(a, key, r.field(1), vPlace, &ps)
			}
			continue
		}
		if r.open == 0 { // else its values are the lines it took in
			readCSVItem(a, r, items, lines, &ps)
		}
	}
	cr.finish(a, &ps)
	if cols == nil {
		ps.Add(msg.Place{File: file}, 0, "sheet.csv.no-header", names.label("sheet.csv.col.number", csvNumber), names.label("sheet.csv.col.level", csvLevel))
		if line := openQuote(recs); line > 0 && !opened {
			ps.Add(msg.Place{File: file, Line: line}, 0, "harden.csv-open-quote")
		}
	}
	if _, ok := seen[keyCriteria]; !ok {
		ps.Add(msg.Place{File: file}, 0, "form.missing-key", names.label("sheet.field."+keyCriteria, keyCriteria))
	}
	if a.Provider == "" && a.Unit == "" {
		ps.Add(msg.Place{File: file}, 0, "form.missing-service.sheet", names.label("sheet.field."+keyProvider, keyProvider), names.label("sheet.field."+keyUnit, keyUnit))
	}
	if len(ps) > 0 {
		return nil, ps.Err()
	}
	if len(a.Items) == 0 {
		a.Items = nil // as when no room was made
	}
	return a, nil
}

// criterionLines counts the records whose first value is a number, as a
// criterion's line begins: room for their items is made at once.
func criterionLines(recs []csvRecord) int {
	n := 0
	for _, r := range recs {
		if len(r.fields) > 0 && isDigits(strings.TrimSpace(r.fields[0])) {
			n++
		}
	}
	return n
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// noneChecked are the ways to say that no checklist element is present:
// the workbook's no marks, and a few phrases.
var noneChecked = append([]string{"ei mitään", "ei yhtään", "none", "nothing"}, marksNo...)

func readCSVItem(a *Assessment, r csvRecord, cols *itemColumns, lines *csvLines, ps *msg.Problems) {
	file := cols.file
	num, numPlace := cols.value(r, csvAtNumber)
	level, levelPlace := cols.value(r, csvAtLevel)
	figure, figurePlace := cols.value(r, csvAtFigure)
	checked, checkedPlace := cols.value(r, csvAtChecked)
	note, _ := cols.value(r, csvAtNote)
	evidence, _ := cols.value(r, csvAtEvidence)
	if num == "" {
		if level != "" || figure != "" || checked != "" || note != "" || evidence != "" {
			ps.Add(msg.Place{File: file, Line: r.line(0)}, 0, "sheet.csv.no-number")
		}
		return
	}
	if strings.Contains(num, ":") {
		readCSVRuleLine(a, r, num, numPlace, figure, figurePlace, lines, ps)
		return
	}
	n, err := strconv.Atoi(cleanNumber(num))
	if err != nil || n <= 0 {
		ps.Add(numPlace, 0, "form.bad-criterion", num)
		return
	}
	it := Item{Criterion: n, Note: note, Evidence: evidence, Place: msg.Place{File: file, Line: r.line(0)}}
	if level != "" {
		l, ok := ParseLevel(level)
		if !ok {
			ps.Add(levelPlace, n, "form.bad-level", level)
		}
		it.Level = l
	}
	if figure != "" {
		x, ok := ParseNumber(figure)
		if !ok {
			ps.Add(figurePlace, n, "form.bad-figure", figure)
		} else {
			it.Figure = &x
		}
	}
	if checked != "" {
		it.Checked = []string{}
		lower := strings.ToLower(checked)
		none := false
		for _, w := range noneChecked {
			none = none || lower == w
		}
		if kind, _ := markKind(lower); kind > 0 && strings.Trim(lower, "0123456789") != "" {
			// x, kyllä: right in a workbook's mark cell, but here the
			// elements present are to be named.
			ps.Add(checkedPlace, n, "csvread.checklist-mark", checked)
			return
		}
		if !none {
			it.Checked = splitList(checked, true)
		}
	}
	if !it.Answered() {
		return
	}
	if prev := a.Item(n); prev != nil {
		if lines.main[n] {
			ps.Add(it.Place, n, "form.duplicate-criterion", prev.Place.String())
			return
		}
		// Rule lines came first: keep their answers.
		it.Figures, it.Counts, it.Inputs = prev.Figures, prev.Counts, prev.Inputs
	}
	lines.main[n] = true
	a.SetItem(it)
}
