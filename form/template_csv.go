package form

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
)

// WriteCSVTemplate writes the CSV form of the template for set in lang:
// UTF-8 with a byte order mark, semicolons and CRLF line ends, which is
// what Finnish Excel opens without asking and saves back. The criterion
// column says what each figure is and lists each checklist's elements by
// number, since a CSV file has no room for the anchors (laatu criteria
// show N prints them).
func WriteCSVTemplate(w io.Writer, set *criteria.Set, lang string) error {
	return writeCSV(w, set, nil, lang)
}

// WriteCSV writes the same file with a's answers filled in. Checklist
// elements are written by their numbers, as a person types them; an answered
// checklist with none present is written as "ei" / "no".
func WriteCSV(w io.Writer, set *criteria.Set, a *Assessment, lang string) error {
	return writeCSV(w, set, a, lang)
}

func writeCSV(w io.Writer, set *criteria.Set, a *Assessment, lang string) error {
	if err := unplacedAll(set, a); err != nil {
		return err
	}
	if _, err := w.Write(bomUTF8); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	t := func(key string, args ...any) string { return msg.T(lang, key, args...) }
	write := func(cells ...string) {
		for i, c := range cells {
			cells[i] = safeCSV(c)
		}
		_ = cw.Write(cells) // the error is kept by cw and returned below
	}
	write(t("sheet.csv.comment", set.Label()))
	values := map[string]string{keyCriteria: set.ID, keyCriteriaVersion: set.Version, keyCriteriaName: set.Name.In(lang)}
	if a != nil {
		values[keyProvider], values[keyUnit], values[keyNotes] = a.Provider, a.Unit, a.Notes
		values[keyRaters] = strings.Join(a.Raters, ", ")
		values[keyDate] = a.DateFI()
	}
	for _, key := range detailKeys {
		write(t("sheet.field."+key), values[key])
	}
	cycle := csvCycleValues(a, lang)
	for _, key := range cycleKeys {
		write(t("cycleform.field."+key), cycle[key])
	}
	write("", "")
	var heading []string
	for _, k := range csvColumns {
		heading = append(heading, t("sheet.csv.col."+k))
	}
	write(heading...)
	for i := range set.Criteria {
		c := &set.Criteria[i]
		row := make([]string, len(csvColumns))
		row[0] = strconv.Itoa(c.Number)
		row[1] = criterionTitle(c, lang)
		if a != nil {
			if it := a.Item(c.Number); it != nil {
				answers := csvAnswers(it, c, lang)
				for j, k := range csvColumns[2:] {
					row[j+2] = answers[k]
				}
			}
		}
		write(row...)
		var it *Item
		if a != nil {
			it = a.Item(c.Number)
		}

		for _, sub := range csvRuleRows(c, it, lang) {
			r := make([]string, len(csvColumns))
			r[0], r[1], r[3] = sub.key, sub.title, sub.value
			write(r...)
		}
	}
	writeCSVCycle(write, set, a, lang)
	cw.Flush()
	return cw.Error()
}

// criterionTitle is the criterion's title with what its figure is, or its
// checklist's elements numbered for the checklist column.
func criterionTitle(c *criteria.Criterion, lang string) string {
	parts := []string{c.Title.In(lang)}
	if c.Measure != nil {
		parts = append(parts, msg.T(lang, "sheet.measure", c.Measure.Name.In(lang), c.Measure.Unit.In(lang)))
	}
	if c.Checklist != nil {
		var els []string
		for i, e := range c.Checklist.Elements {
			els = append(els, strconv.Itoa(i+1)+") "+e.Text.In(lang))
		}
		parts = append(parts, msg.T(lang, "sheet.csv.title-checklist")+": "+strings.Join(els, " "))
	}
	return strings.Join(parts, " – ")
}

// safeCSV keeps a cell from being run as a formula when the file is opened
// in a spreadsheet: text starting with = + - @ (or a tab or carriage
// return, which some programs skip) gets a leading apostrophe.
func safeCSV(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// csvRuleRow is a line of a criterion's rule answers in the CSV form: its
// number column ("17:figures", "1:count:clients", "17:input:tracking"),
// what to write, and the answer in the figure column.
type csvRuleRow struct{ key, title, value string }

// The second parts of a rule line's number.
const (
	csvSubFigures = "figures"
	csvSubCount   = "count"
	csvSubInput   = "input"
)

// csvRuleRows are criterion c's rule lines, filled from it (nil for
// none). A choice is answered by its id: a CSV file has no drop-down, and
// the ids read the same in every language.
func csvRuleRows(c *criteria.Criterion, it *Item, lang string) []csvRuleRow {
	t := func(key string, args ...any) string { return msg.T(lang, key, args...) }
	n := strconv.Itoa(c.Number) + ":"
	num := func(x float64) string { return strings.Replace(FormatNumber(x), ".", ",", 1) }
	var rows []csvRuleRow
	m := c.Measure
	if m != nil && m.PerSpecialist != "" {
		r := csvRuleRow{key: n + csvSubFigures, title: t("sheetin.csv.specialists", m.Unit.In(lang))}
		if it != nil {
			var xs []string
			for _, x := range it.Figures {
				xs = append(xs, num(x))
			}
			r.value = strings.Join(xs, " ")
		}
		rows = append(rows, r)
	}
	if m != nil && m.Ratio != nil {
		for _, cnt := range []criteria.Count{m.Ratio.Numerator, m.Ratio.Denominator} {
			r := csvRuleRow{key: n + csvSubCount + ":" + cnt.ID,
				title: cnt.Name.In(lang) + " – " + t("sheetin.csv.amount", cnt.Unit.In(lang))}
			if x, ok := it.count(cnt.ID); ok {
				r.value = num(x)
			}
			rows = append(rows, r)
		}
	}
	for i := range c.Inputs {
		in := &c.Inputs[i]
		var how string
		switch in.Kind {
		case criteria.InputCount:
			how = t("sheetin.csv.count", in.Unit.In(lang))
		case criteria.InputYesNo:
			how = t("sheetin.csv.yes-no")
		default:
			var opts []string
			for _, ch := range in.Choices {
				opts = append(opts, ch.ID+" = "+ch.Text.In(lang))
			}
			how = t("sheetin.csv.choices", strings.Join(opts, ", "))
		}
		r := csvRuleRow{key: n + csvSubInput + ":" + in.ID, title: in.Question.In(lang) + " – " + how}
		if it != nil {
			r.value = it.Inputs[in.ID]
			if yn, ok := YesNo(r.value); ok && in.Kind == criteria.InputYesNo {
				r.value = msg.T(lang, "sheetin."+yn)
			}
		}
		rows = append(rows, r)
	}
	return rows
}

// count is the item's count id, when it has one.
func (it *Item) count(id string) (float64, bool) {
	if it == nil {
		return 0, false
	}
	x, ok := it.Counts[id]
	return x, ok
}
