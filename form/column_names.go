package form

import (
	"strings"
	"sync"

	"github.com/laatu-fi/laatu/msg"
)

// A message about a column or a field names it as the file shows it: a
// Finnish workbook read with --lang en is told about its column “Taso
// 1–5”, not “Level 1–5”, while the rest of the message is in English. The
// readers note the headings and labels they meet (FileNames.saw); the
// language of the file is the one whose template texts those are. A
// column that is missing, or a field the file never had, is named in that
// language. A file whose headings are in no known language (a YAML file,
// an assessment made by code) names them in the reader's language.

// FileNames is how one file names its columns and fields: the text it
// shows for each of the template's texts, and in which language those
// texts are. The zero value and nil know no names.
type FileNames struct {
	// shown maps a template text's message key ("sheet.csv.col.level")
	// to the text the file shows for it ("taso").
	shown map[string]string
	// votes counts, by language, the shown texts that are that
	// language's template text.
	votes map[string]int
}

// Equal reports true: how a file names its columns is not what the
// assessment says, so comparing two assessments (go-cmp uses Equal)
// ignores it, as it ignores Place.
func (*FileNames) Equal(*FileNames) bool { return true }

// saw notes that the file shows text where the template writes the text
// key ("sheet.field.provider", "sheet.col.level"). An empty text is not a
// name.
func (n *FileNames) saw(key, text string) {
	var buf [64]byte
	n.sawFolded(key, text, foldName(buf[:0], text))
}

// sawFolded is saw with text already folded (foldName).
func (n *FileNames) sawFolded(key, text string, folded []byte) {
	text = strings.TrimSpace(strings.TrimPrefix(text, "\ufeff"))
	if n == nil || text == "" {
		return
	}
	if n.shown == nil {
		// Room for a filled template's details and columns at once.
		n.shown, n.votes = make(map[string]string, 32), make(map[string]int, 4)
	}
	if _, ok := n.shown[key]; !ok {
		n.shown[key] = text
	}
	for _, t := range templateNames(key) {
		if t.folded == string(folded) {
			n.votes[t.lang]++
		}
	}
}

// templateName is a template text as one language writes it, folded
// (normName).
type templateName struct{ lang, folded string }

// templateFolds holds templateNames' answers (message key →
// []templateName): the built-in texts do not change, and a CSV file
// notes a name on every line it reads.
var templateFolds sync.Map

// templateNames is the template text key folded in each language, in
// the order of msg.Locales; none when the catalogue has no such key.
func templateNames(key string) []templateName {
	if v, ok := templateFolds.Load(key); ok {
		return v.([]templateName)
	}
	var names []templateName
	if msg.Builtin().Texts(key) != nil {
		for _, lang := range msg.Locales() {
			names = append(names, templateName{lang, normName(msg.T(lang, key))})
		}
	}
	templateFolds.Store(key, names)
	return names
}

// lang is the language of the file's names: the one most of them are
// written in, or "" when none is, or when two languages tie (Swedish and
// English both say Status).
func (n *FileNames) lang() string {
	if n == nil {
		return ""
	}
	best, most, tie := "", 0, false
	for _, lang := range msg.Locales() {
		switch v := n.votes[lang]; {
		case v > most:
			best, most, tie = lang, v, false
		case v == most && v > 0:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

// label names the column or field whose template text is key, as the
// file shows it; fallback is its name when no table has key (a field
// known only by its YAML key).
func (n *FileNames) label(key, fallback string) fileLabel {
	return fileLabel{key: key, fallback: fallback, names: n}
}

// labels lists the fields prefix+k for each key k, for "accepted: …".
func (n *FileNames) labels(prefix string, keys []string) fileLabels {
	ls := make(fileLabels, len(keys))
	for i, k := range keys {
		ls[i] = n.label(prefix+k, k)
	}
	return ls
}

// fileLabel is a message argument naming one column or field of a file.
// It is rendered when the message is, after the whole file is read, so
// that a heading further down can still tell the file's language.
type fileLabel struct {
	key, fallback string
	names         *FileNames
}

func (l fileLabel) In(lang string) string {
	if l.names != nil {
		if s, ok := l.names.shown[l.key]; ok {
			return s
		}
		if fl := l.names.lang(); fl != "" {
			lang = fl
		}
	}
	if msg.Builtin().Texts(l.key) == nil {
		return l.fallback
	}
	return msg.T(lang, l.key)
}

// fileLabels lists columns or fields of a file, joined by commas.
type fileLabels []fileLabel

func (ls fileLabels) In(lang string) string {
	names := make([]string, len(ls))
	for i, l := range ls {
		names[i] = l.In(lang)
	}
	return strings.Join(names, ", ")
}

// sheetNames notes the labels and headings of a workbook's laatu sheets:
// the label beside each field of the details and outcomes sheets, and the
// heading of each column of the assessment sheet.
func sheetNames(sh laatuSheets) *FileNames {
	n := &FileNames{}
	labelled := func(g *grid, prefix string) {
		c, ok := g.cols[colLabel]
		if !ok {
			return
		}
		g.keyedRows(func(r int, key string) {
			n.saw(prefix+key, g.cell(r, c))
		})
	}
	if sh.details != nil {
		labelled(sh.details, "sheet.field.")
	}
	if sh.outcomes != nil {
		labelled(sh.outcomes, "cycleform.field.")
	}
	if g := sh.assessment; g != nil {
		g.keyedRows(func(r int, key string) {
			if key != rowHeader {
				return
			}
			for k, c := range g.cols {
				n.saw("sheet.col."+k, g.cell(r, c))
			}
		})
	}
	for _, g := range []*grid{sh.details, sh.assessment, sh.outcomes, sh.plan} {
		if g != nil {
			g.names = n
		}
	}
	return n
}

// sawHeading notes the texts of a CSV file's heading line, whose columns
// are cols (key → index).
func (n *FileNames) sawHeading(cols map[string]int, heading csvRecord) {
	for k, i := range cols {
		n.saw(csvColumnTextKeys()[k], heading.field(i))
	}
}

// sawField notes the label a CSV file gives the field key on its line;
// folded is the label folded (foldName).
func (n *FileNames) sawField(key, label string, folded []byte) {
	n.sawFolded(csvFieldTextKeys()[key], label, folded)
}

// csvFieldTextKeys maps the key of a CSV file's detail or cycle field to
// the message key of its template text, and csvColumnTextKeys the key of
// a column: the strings are made once, not on every line read.
var (
	csvFieldTextKeys = sync.OnceValue(func() map[string]string {
		m := map[string]string{}
		for _, k := range detailKeys {
			m[k] = "sheet.field." + k
		}
		for _, k := range cycleKeys {
			m[k] = "cycleform.field." + k
		}
		return m
	})
	csvColumnTextKeys = sync.OnceValue(func() map[string]string {
		m := map[string]string{}
		for _, k := range csvColumns {
			m[k] = "sheet.csv.col." + k
		}
		return m
	})
)
