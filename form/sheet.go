package form

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
)

// The workbook's layout. Only form knows it: the writer puts every cell
// here, the reader finds its way back by the keys below, never by sheet
// name, sheet order or language.
//
// Both laatu sheets have a hidden key column (A) and a hidden key row (1).
// A1 holds the sheet's marker; the rest of row 1 names each column; the
// rest of column A names each row. Keys are plain ASCII and the same in
// every language, so a Finnish and an English template read back alike, and
// a re-saved file with its sheets reordered or renamed still reads.
const (
	markerDetails    = "laatu:details"
	markerAssessment = "laatu:assessment"

	// Column keys of the assessment sheet.
	colNumber    = "number"
	colCriterion = "criterion"
	colLevel     = "level"
	// colFigure holds the figure on a criterion's row and the mark (x) on
	// a checklist element's row: both are "the answer beside the level".
	colFigure   = "figure"
	colPoints   = "points"
	colAnchors  = "anchors"
	colNote     = "note"
	colEvidence = "evidence"
	// Hidden helpers for the live points: the level and the figure as
	// numbers.
	colLevelValue  = "level_value"
	colFigureValue = "figure_value"
	// Hidden helpers for the rating rules (docs/rules.md): on a
	// criterion's row the level its figure or checklist gives (base), and
	// the highest floor and lowest cap its further answers set; on an
	// input's row that answer's floor and cap. choice_ids holds a choice
	// input's option ids, one a line, in the order of its option texts in
	// the columns option_1, option_2… that its drop-down lists.
	colBase      = "base"
	colFloor     = "floor"
	colCap       = "cap"
	colChoiceIDs = "choice_ids"
	colOption    = "option_"

	// Column keys of the details sheet.
	colLabel = "label"
	colValue = "value"

	// Row keys of the assessment sheet: "item:7", "check:5:shared-record",
	// "domain:henkilosto", "total", "header".
	rowItem   = "item:"
	rowCheck  = "check:"
	rowDomain = "domain:"
	rowTotal  = "total"
	rowHeader = "header"

	// Row keys of a criterion's rule answers, below its own row:
	// "figures:17:3" (the third specialist's figure), "count:1:clients",
	// "input:17:tracking"; and the computed mean and ratio, "mean:17" and
	// "ratio:1", which are not read back.
	rowFigures = "figures:"
	rowMean    = "mean:"
	rowCount   = "count:"
	rowRatio   = "ratio:"
	rowInput   = "input:"
)

// specialistRows is how many specialists' figures the template has room
// for; a filled workbook gets more when the assessment has more.
const specialistRows = 10

// Row keys of the details sheet, in the order they are written. They are
// the YAML file's keys.
const (
	keyCriteria        = "criteria"
	keyCriteriaVersion = "criteria_version"
	keyCriteriaName    = "criteria_name"
	keyProvider        = "provider"
	keyUnit            = "unit"
	keyDate            = "date"
	keyRaters          = "raters"
	keyNotes           = "notes"
)

// detailsOrder is the order of the details sheet's rows, from row
// firstDetailsRow on.
var detailsOrder = []string{keyCriteria, keyCriteriaVersion, keyCriteriaName, keyProvider, keyUnit, keyDate, keyRaters, keyNotes}

const firstDetailsRow = 5

// detailsRow is the details sheet's row of key.
func detailsRow(key string) int {
	for i, k := range detailsOrder {
		if k == key {
			return firstDetailsRow + i
		}
	}
	return 0
}

// assessmentColumns is the assessment sheet's column order, from B on.
// The level is in D so that the drop-down sits right of the criterion's
// title, with the anchors (G) to read beside it.
var assessmentColumns = []string{colNumber, colCriterion, colLevel, colFigure, colPoints, colAnchors, colNote, colEvidence,
	colLevelValue, colFigureValue, colBase, colFloor, colCap, colChoiceIDs}

// visibleColumns is how many of assessmentColumns are shown; the rest
// are hidden helpers, followed by the option columns.
const visibleColumns = 8

// optionColumn is the column of a choice input's k-th option text (from 1).
func optionColumn(k int) string { return columnName(len(assessmentColumns) + 1 + k) }

// maxOptions is the most options any input of set has, the number of
// option columns.
func maxOptions(set *criteria.Set) int {
	n := 0
	for i := range set.Criteria {
		for _, in := range set.Criteria[i].Inputs {
			n = max(n, len(optionTexts(&in, msg.Default)))
		}
	}
	return n
}

// detailsColumns is the details sheet's column order, from B on.
var detailsColumns = []string{colLabel, colValue}

// The fixed rows of the assessment sheet: the hidden key row, a title, a
// line of help, the running total, then the column headings, frozen with
// everything above.
const (
	rowKeys       = 1
	rowTitle      = 2
	rowHint       = 3
	rowTotalLine  = 4
	rowHeaderLine = 5
	firstBodyRow  = 6
)

// layout is where each criterion, checklist element and domain sum of one
// criteria set stands in the assessment sheet.
type layout struct {
	domains []domainRows
	// item and elements give the rows of criterion n and of its checklist
	// elements (in the checklist's order).
	item     map[int]int
	elements map[int][]int
	// rules gives the rows of criterion n's rule answers, when it has any.
	rules   map[int]*ruleRows
	lastRow int
}

// ruleRows are the rows of one criterion's rule answers, in this order
// below the criterion's own row and above its checklist.
type ruleRows struct {
	specialists []int // one figure per specialist
	mean        int   // the specialists' mean, computed; 0 when none
	counts      []int // the ratio's numerator and denominator
	ratio       int   // their quotient, computed; 0 when none
	inputs      []int // the further questions, in the criterion's order
}

// hasRuleRows reports whether criterion c has rows for rule answers.
func hasRuleRows(c *criteria.Criterion) bool {
	m := c.Measure
	return len(c.Inputs) > 0 || m != nil && (m.PerSpecialist != "" || m.Ratio != nil)
}

type domainRows struct {
	domain   *criteria.Domain
	row      int // the domain's heading with its sum
	from, to int // the criteria's rows, including checklist rows
}

// newLayout lays out set: per domain a heading row, then each criterion's
// row followed by the rows of its rule answers and one row per checklist
// element.
func newLayout(set *criteria.Set) *layout { return newLayoutFor(set, nil) }

// newLayoutFor lays out set with room for a's answers (nil for a blank
// template): more rows for specialists' figures when a has more than
// specialistRows.
func newLayoutFor(set *criteria.Set, a *Assessment) *layout {
	l := &layout{item: map[int]int{}, elements: map[int][]int{}, rules: map[int]*ruleRows{}}
	row := firstBodyRow
	for i := range set.Domains {
		d := domainRows{domain: &set.Domains[i], row: row}
		row++
		d.from = row
		for _, c := range set.InDomain(d.domain.ID) {
			l.item[c.Number] = row
			row++
			if hasRuleRows(c) {
				rr := &ruleRows{}
				m := c.Measure
				if m != nil && m.PerSpecialist != "" {
					n := specialistRows
					if a != nil {
						if it := a.Item(c.Number); it != nil {
							n = max(n, len(it.Figures))
						}
					}
					for range n {
						rr.specialists = append(rr.specialists, row)
						row++
					}
					rr.mean = row
					row++
				}
				if m != nil && m.Ratio != nil {
					rr.counts = []int{row, row + 1}
					rr.ratio = row + 2
					row += 3
				}
				for range c.Inputs {
					rr.inputs = append(rr.inputs, row)
					row++
				}
				l.rules[c.Number] = rr
			}
			if c.Checklist != nil {
				for range c.Checklist.Elements {
					l.elements[c.Number] = append(l.elements[c.Number], row)
					row++
				}
			}
		}
		d.to = row - 1
		l.domains = append(l.domains, d)
	}
	l.lastRow = row - 1
	return l
}

// columnOf returns the spreadsheet column letter of key in columns, which
// start at B (A is the key column).
func columnOf(columns []string, key string) string {
	for i, k := range columns {
		if k == key {
			return columnName(i + 2)
		}
	}
	panic("form: no column " + key) // a layout constant is misspelt
}

// columnName turns 1 into A, 27 into AA.
func columnName(n int) string {
	var b []byte
	for n > 0 {
		n--
		b = append([]byte{byte('A' + n%26)}, b...)
		n /= 26
	}
	return string(b)
}

func cellName(col string, row int) string { return col + strconv.Itoa(row) }

// Checklist marks. A spreadsheet user writes x (or k, kyllä, y, yes, 1,
// ✓, TRUE) for an element that is present and leaves the cell empty, or
// writes ei / e / n / no / 0 / -, for one that is not. The template's live points use the same
// words, so the sheet and laatu agree, and the CSV reader takes the no
// words for a checklist with no element present.
var (
	marksYes = withWords([]string{"x", "✓", "✔", "kyllä", "k", "yes", "y", "1", "true", "tosi"}, msg.YesWords())
	marksNo  = withWords([]string{"ei", "e", "no", "n", "0", "-", "–", "false", "epätosi"}, msg.NoWords())
)

// withWords adds to marks the answer words of every locale (msg.YesWords,
// NoWords: ja, nej in Swedish) that it lacks, after its own.
func withWords(marks, words []string) []string {
	for _, w := range words {
		if !slices.Contains(marks, w) {
			marks = append(marks, w)
		}
	}
	return marks
}

// markKind classifies a checklist cell: +1 present, -1 explicitly not
// present, 0 empty, and ok false for anything else.
func markKind(s string) (kind int, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return 0, true
	}
	for _, m := range marksYes {
		if s == m {
			return 1, true
		}
	}
	for _, m := range marksNo {
		if s == m {
			return -1, true
		}
	}
	return 0, false
}

// cleanNumber tidies a number as a spreadsheet stores it: Excel writes
// 0.92000000000000004 for 0.92, and a formula may leave 3.9999999999999996.
// Rounding to 12 significant digits gives back what the user typed. Text
// that is not a plain decimal number (hexadecimal 0x1.8p1 is not) is
// returned as it is.
func cleanNumber(s string) string {
	s = strings.TrimSpace(s)
	if !strings.ContainsAny(s, ".eE") || !decimal.MatchString(s) {
		return s
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return s
	}
	g, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'g', 12, 64), 64)
	return strconv.FormatFloat(g, 'f', -1, 64)
}

// splitList splits the raters or checklist ids that a user wrote into one
// cell, separated by commas, semicolons or line breaks.
func splitList(s string, spaces bool) []string {
	seps := ",;\n\r"
	if spaces {
		seps += " \t"
	}
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
