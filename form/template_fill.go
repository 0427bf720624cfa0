package form

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
)

// fill writes a's answers into the input cells of the template being
// written, as plain values a person would type: the level as a number, the
// figure as a number, x or "ei" beside each checklist element. The cells keep
// their input style, so the workbook looks like one filled by hand.
func (t *xlsxTemplate) fill(a *Assessment) {
	d, s := t.details, t.assessment
	value := columnOf(detailsColumns, colValue)
	for key, v := range map[string]string{keyProvider: a.Provider, keyUnit: a.Unit, keyRaters: strings.Join(a.Raters, ", "), keyNotes: a.Notes} {
		if v != "" {
			t.check(t.f.SetCellStr(d, cellName(value, detailsRow(key)), v))
		}
	}
	if !a.Date.IsZero() {
		t.check(t.f.SetCellValue(d, cellName(value, detailsRow(keyDate)), a.Date))
	}
	col := func(key string) string { return columnOf(assessmentColumns, key) }
	marks := strings.Split(msg.T(t.lang, "sheet.mark.choices"), ",")
	for _, it := range a.Items {
		c := t.set.Criterion(it.Criterion)
		row, ok := t.lay.item[it.Criterion]
		if c == nil || !ok {
			continue // form.Check reports criteria the set lacks
		}
		if it.Level != 0 {
			t.check(t.f.SetCellInt(s, cellName(col(colLevel), row), int64(it.Level)))
		}
		if it.Figure != nil && c.Measure != nil {
			t.check(t.f.SetCellFloat(s, cellName(col(colFigure), row), *it.Figure, -1, 64))
		}
		if it.Checked != nil && c.Checklist != nil {
			present := map[string]bool{}
			for _, id := range it.Checked {
				present[id] = true
			}
			for i, e := range c.Checklist.Elements {
				mark := marks[len(marks)-1]
				if present[e.ID] {
					mark = marks[0]
				}
				t.check(t.f.SetCellStr(s, cellName(col(colFigure), t.lay.elements[it.Criterion][i]), mark))
			}
		}
		t.fillRules(&it, c)
		if it.Note != "" {
			t.check(t.f.SetCellStr(s, cellName(col(colNote), row), it.Note))
		}
		if it.Evidence != "" {
			t.check(t.f.SetCellStr(s, cellName(col(colEvidence), row), it.Evidence))
		}
	}
}

// fillRules writes it's answers to criterion c's rating rules into their
// rows: each specialist's figure, the counts, and each question's answer
// as the user would choose it (the option's text, a whole number). An
// answer the template has no cell for is an error, never dropped: Check
// reports such answers before a file is written.
func (t *xlsxTemplate) fillRules(it *Item, c *criteria.Criterion) {
	s := t.assessment
	figure := columnOf(assessmentColumns, colFigure)
	rr := t.lay.rules[c.Number]
	if rr == nil {
		rr = &ruleRows{}
	}
	for k, x := range it.Figures {
		if k < len(rr.specialists) {
			t.check(t.f.SetCellFloat(s, cellName(figure, rr.specialists[k]), x, -1, 64))
		}
	}
	for _, id := range sortedKeys(it.Counts) {
		m := c.Measure
		switch {
		case m != nil && m.Ratio != nil && id == m.Ratio.Numerator.ID:
			t.check(t.f.SetCellFloat(s, cellName(figure, rr.counts[0]), it.Counts[id], -1, 64))
		case m != nil && m.Ratio != nil && id == m.Ratio.Denominator.ID:
			t.check(t.f.SetCellFloat(s, cellName(figure, rr.counts[1]), it.Counts[id], -1, 64))
		}
	}
	for _, id := range sortedKeys(it.Inputs) {
		v := it.Inputs[id]
		i := slices.IndexFunc(c.Inputs, func(in criteria.Input) bool { return in.ID == id })
		if i < 0 || i >= len(rr.inputs) {
			continue // unplaced
		}
		in, cell := &c.Inputs[i], cellName(figure, rr.inputs[i])
		if in.Kind == criteria.InputCount {
			if k, err := strconv.Atoi(v); err == nil {
				t.check(t.f.SetCellInt(s, cell, int64(k)))
			} else {
				t.check(t.f.SetCellStr(s, cell, v))
			}
			continue
		}
		if yn, ok := YesNo(v); ok && in.Kind == criteria.InputYesNo {
			v = yn
		}
		if k := slices.Index(in.ChoiceIDs(), v); k >= 0 {
			v = optionTexts(in, t.lang)[k]
		}
		// An answer that is no option is written as it is, and reading
		// the workbook back says so.
		t.check(t.f.SetCellStr(s, cell, v))
	}
}

// csvAnswers gives the CSV cells of it by column key. Checklist elements
// are written by number; a checklist answered with none present as the
// language's "no" mark.
func csvAnswers(it *Item, c *criteria.Criterion, lang string) map[string]string {
	m := map[string]string{csvNote: it.Note, csvEvidence: it.Evidence}
	if it.Level != 0 {
		m[csvLevel] = strconv.Itoa(it.Level)
	}
	if it.Figure != nil {
		m[csvFigure] = strings.Replace(FormatNumber(*it.Figure), ".", ",", 1)
	}
	if it.Checked != nil && c.Checklist != nil {
		var nums []string
		for i, e := range c.Checklist.Elements {
			for _, id := range it.Checked {
				if id == e.ID {
					nums = append(nums, strconv.Itoa(i+1))
					break
				}
			}
		}
		m[csvChecked] = strings.Join(nums, ", ")
		if len(nums) == 0 {
			marks := strings.Split(msg.T(lang, "sheet.mark.choices"), ",")
			m[csvChecked] = marks[len(marks)-1]
		}
	}
	return m
}

// NextRound is a copy of a for `laatu template --from`: the answers and
// raters of the last round to start the next one from, with the date left
// empty for the raters to fill. A workbook that kept the old date would,
// once filled, be compared as another assessment of the old day
// ("12.5.2026 → 12.5.2026").
func NextRound(a *Assessment) *Assessment {
	next := *a
	next.Date = time.Time{}
	return &next
}
