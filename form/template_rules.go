package form

import (
	"slices"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
	"github.com/xuri/excelize/v2"
)

// The workbook's rows for the answers to a criterion's rating rules
// (docs/rules.md), below the criterion's own row: one figure per
// specialist with their mean, the two counts of a ratio with their
// quotient, and a row per further question, with a drop-down of its
// options or a whole-number cell. Each row is keyed in the hidden column
// like every other ("figures:17:1", "count:1:clients", "input:17:tracking"),
// and a question's row carries its option texts and ids in hidden cells,
// so that a workbook reads back in whatever language it was made.

// optionTexts are the texts a choice or yes-no input's drop-down lists, in
// the order of its choices: the choices' texts, or Kyllä and Ei (Yes, No)
// for a yes-no question. A count has none.
func optionTexts(in *criteria.Input, lang string) []string {
	if in.Kind == criteria.InputCount {
		return nil
	}
	texts := make([]string, len(in.Choices))
	for i, ch := range in.Choices {
		switch {
		case in.Kind == criteria.InputYesNo && ch.ID == "yes":
			texts[i] = msg.T(lang, "sheetin.yes")
		case in.Kind == criteria.InputYesNo && ch.ID == "no":
			texts[i] = msg.T(lang, "sheetin.no")
		default:
			texts[i] = ch.Text.In(lang)
		}
	}
	return texts
}

// choiceIDsCell is what a question's hidden choice_ids cell holds: its
// kind, then for a choice or yes-no its option ids, one a line.
func choiceIDsCell(in *criteria.Input) string {
	return strings.Join(append([]string{in.Kind}, in.ChoiceIDs()...), "\n")
}

// absCell is cell with $ signs: $D$7.
func absCell(col string, row int) string { return "$" + col + "$" + strconv.Itoa(row) }

// ruleHints are the lines the criterion's own row adds to its text, to
// say where else its figure can be given.
func (t *xlsxTemplate) ruleHints(c *criteria.Criterion) string {
	var lines []string
	if m := c.Measure; m != nil && m.PerSpecialist != "" {
		lines = append(lines, t.tr("sheetin.figure-ways.specialists"))
	}
	if m := c.Measure; m != nil && m.Ratio != nil {
		lines = append(lines, t.tr("sheetin.figure-ways.ratio"))
	}
	if len(c.Inputs) > 0 {
		lines = append(lines, t.tr("sheetin.inputs-below"))
	}
	if len(lines) == 0 {
		return ""
	}
	return "\n" + strings.Join(lines, "\n")
}

// writeRuleRows writes the rows of criterion c's rule answers, and returns
// the cells the criterion's row takes its figure from (the mean and the
// ratio, "" when none).
func (t *xlsxTemplate) writeRuleRows(c *criteria.Criterion) (mean, ratio string) {
	rr := t.lay.rules[c.Number]
	if rr == nil {
		return "", ""
	}
	s := t.assessment
	col := func(key string) string { return columnOf(assessmentColumns, key) }
	at := func(r int) string { return cellName(col(colFigure), r) }
	fv := func(r int) string { return cellName(col(colFigureValue), r) }
	n := strconv.Itoa(c.Number)
	m := c.Measure
	row := func(r int, key, label string, height float64) {
		t.check(t.f.SetCellStr(s, cellName("A", r), key))
		t.style(s, cellName(col(colNumber), r), cellName(col(colNumber), r), t.st.text)
		t.text(s, cellName(col(colCriterion), r), label, t.st.element)
		t.style(s, cellName(col(colLevel), r), cellName(col(colLevel), r), t.st.locked)
		t.style(s, cellName(col(colPoints), r), cellName(col(colEvidence), r), t.st.text)
		t.check(t.f.SetRowHeight(s, r, max(height, rowHeight(sized{label, assessmentWidths[colCriterion] - 3, 11}))))
	}
	if len(rr.specialists) > 0 {
		unit := m.Unit.In(t.lang)
		for k, r := range rr.specialists {
			row(r, rowFigures+n+":"+strconv.Itoa(k+1), t.tr("sheetin.specialist", k+1, unit), 0)
			t.style(s, at(r), at(r), t.st.inputCenter)
			t.check(t.f.SetCellFormula(s, fv(r), figureValueFormula(at(r))))
		}
		first, last := rr.specialists[0], rr.specialists[len(rr.specialists)-1]
		t.figureValidation(c, at(first)+":"+at(last))
		row(rr.mean, rowMean+n, t.tr("sheetin.mean"), 0)
		t.formula(s, at(rr.mean), meanFormula(fv(first)+":"+fv(last)), t.st.computed)
		mean = at(rr.mean)
	}
	if m != nil && m.Ratio != nil {
		counts := []criteria.Count{m.Ratio.Numerator, m.Ratio.Denominator}
		for k, cnt := range counts {
			r := rr.counts[k]
			row(r, rowCount+n+":"+cnt.ID, t.tr("sheetin.count", cnt.Name.In(t.lang), cnt.Unit.In(t.lang)), 0)
			t.style(s, at(r), at(r), t.st.inputCenter)
			t.check(t.f.SetCellFormula(s, fv(r), figureValueFormula(at(r))))
		}
		t.numberValidation(at(rr.counts[0])+":"+at(rr.counts[1]), excelize.DataValidationTypeDecimal, "sheetin.dv.amount")
		row(rr.ratio, rowRatio+n, t.tr("sheetin.ratio", counts[0].Unit.In(t.lang), counts[1].Unit.In(t.lang)), 0)
		t.formula(s, at(rr.ratio), ratioFormula(fv(rr.counts[0]), fv(rr.counts[1])), t.st.computed)
		ratio = at(rr.ratio)
	}
	for i, r := range rr.inputs {
		in := &c.Inputs[i]
		key := rowInput + n + ":" + in.ID
		floor, cap := cellName(col(colFloor), r), cellName(col(colCap), r)
		t.check(t.f.SetCellStr(s, cellName(col(colChoiceIDs), r), choiceIDsCell(in)))
		if in.Kind == criteria.InputCount {
			effects := t.countsText(in)
			row(r, key, t.tr("sheetin.question.count", in.Question.In(t.lang), in.Unit.In(t.lang)),
				rowHeight(sized{effects, assessmentWidths[colAnchors], 9}))
			t.text(s, cellName(col(colAnchors), r), effects, t.st.small)
			t.style(s, at(r), at(r), t.st.inputCenter)
			t.numberValidation(at(r), excelize.DataValidationTypeWhole, "sheetin.dv.count")
			t.check(t.f.SetCellFormula(s, fv(r), figureValueFormula(at(r))))
			t.check(t.f.SetCellFormula(s, floor, countEffectFormula(in, fv(r), true)))
			t.check(t.f.SetCellFormula(s, cap, countEffectFormula(in, fv(r), false)))
			continue
		}
		texts := optionTexts(in, t.lang)
		for k, tx := range texts {
			t.check(t.f.SetCellStr(s, cellName(optionColumn(k+1), r), tx))
		}
		// The answer spans the figure and points columns; the anchors
		// column lists the options with their effects, so that a printed
		// sheet says what can be answered.
		end := cellName(col(colPoints), r)
		width := assessmentWidths[colFigure] + assessmentWidths[colPoints]
		options := t.optionsText(in, texts)
		longest := ""
		for _, tx := range texts {
			if len([]rune(tx)) > len([]rune(longest)) {
				longest = tx
			}
		}
		row(r, key, t.tr("sheetin.question.choice", in.Question.In(t.lang)), max(
			rowHeight(sized{longest, width, 11}),
			rowHeight(sized{options, assessmentWidths[colAnchors], 9})))
		t.style(s, at(r), end, t.st.inputWrap)
		t.check(t.f.MergeCell(s, at(r), end))
		t.text(s, cellName(col(colAnchors), r), options, t.st.small)
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(at(r))
		dv.SetSqrefDropList(absCell(optionColumn(1), r) + ":" + absCell(optionColumn(len(texts)), r))
		title := clip(t.tr("sheetin.dv.choice.title"), 32)
		dv.SetInput(title, clip(t.tr("sheetin.dv.choice.prompt"), 255))
		dv.SetError(excelize.DataValidationErrorStyleStop, title, clip(t.tr("sheetin.dv.choice.error"), 255))
		t.check(t.f.AddDataValidation(s, dv))
		opts := absCell(optionColumn(1), r) + ":" + absCell(optionColumn(len(texts)), r)
		t.check(t.f.SetCellFormula(s, floor, choiceEffectFormula(in, at(r), opts, true)))
		t.check(t.f.SetCellFormula(s, cap, choiceEffectFormula(in, at(r), opts, false)))
	}
	return mean, ratio
}

// numberValidation accepts only numbers of 0 or more (whole ones for
// DataValidationTypeWhole) in sqref, with the messages under key.
func (t *xlsxTemplate) numberValidation(sqref string, kind excelize.DataValidationType, key string) {
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(sqref)
	t.check(dv.SetRange(0, "", kind, excelize.DataValidationOperatorGreaterThanOrEqual))
	title := clip(t.tr(key+".title"), 32)
	dv.SetInput(title, clip(t.tr(key+".prompt"), 255))
	dv.SetError(excelize.DataValidationErrorStyleStop, title, clip(t.tr(key+".error"), 255))
	t.check(t.f.AddDataValidation(t.assessment, dv))
}

// ruleCells writes the hidden base, floor and cap of criterion c's own row
// (row) and returns its points formula, when c has further questions.
func (t *xlsxTemplate) rulePoints(c *criteria.Criterion, row int, level, implied string) (string, bool) {
	rr := t.lay.rules[c.Number]
	if rr == nil || len(rr.inputs) == 0 {
		return "", false
	}
	s := t.assessment
	col := func(key string) string { return columnOf(assessmentColumns, key) }
	base, floor, cap := cellName(col(colBase), row), cellName(col(colFloor), row), cellName(col(colCap), row)
	first, last := rr.inputs[0], rr.inputs[len(rr.inputs)-1]
	t.check(t.f.SetCellFormula(s, base, implied))
	t.check(t.f.SetCellFormula(s, floor, "MAX("+cellName(col(colFloor), first)+":"+cellName(col(colFloor), last)+")"))
	t.check(t.f.SetCellFormula(s, cap, "MIN("+cellName(col(colCap), first)+":"+cellName(col(colCap), last)+")"))
	return rulesPointsFormula(level, base, floor, cap), true
}

// unplaced lists it's answers to rating rules that criterion c has no
// place for ("figures", "counts: coaches", "inputs: weather"): a template
// written with them would lose them.
func unplaced(it *Item, c *criteria.Criterion) []string {
	var out []string
	m := c.Measure
	if len(it.Figures) > 0 && (m == nil || m.PerSpecialist == "") {
		out = append(out, "figures")
	}
	for _, id := range sortedKeys(it.Counts) {
		if m == nil || m.Ratio == nil || id != m.Ratio.Numerator.ID && id != m.Ratio.Denominator.ID {
			out = append(out, "counts: "+id)
		}
	}
	for _, id := range sortedKeys(it.Inputs) {
		if c.Input(id) == nil {
			out = append(out, "inputs: "+id)
		}
	}
	return out
}

// unplacedAll reports every answer of a that a template of set has no
// place for, before anything is written.
func unplacedAll(set *criteria.Set, a *Assessment) error {
	if a == nil {
		return nil
	}
	var lost msg.Problems
	for i := range a.Items {
		it := &a.Items[i]
		if c := set.Criterion(it.Criterion); c != nil {
			for _, what := range unplaced(it, c) {
				lost.Add(it.Place, it.Criterion, "sheetin.no-cell", what)
			}
		}
	}
	return lost.Err()
}

// effectText says what an answer does to the level: "enintään taso 2".
func (t *xlsxTemplate) effectText(e criteria.Effect) string {
	switch {
	case e.Level != nil:
		return t.tr("sheetin.effect.set", *e.Level)
	case e.MinLevel != nil && e.MaxLevel != nil:
		return t.tr("sheetin.effect.min", *e.MinLevel) + ", " + t.tr("sheetin.effect.max", *e.MaxLevel)
	case e.MinLevel != nil:
		return t.tr("sheetin.effect.min", *e.MinLevel)
	case e.MaxLevel != nil:
		return t.tr("sheetin.effect.max", *e.MaxLevel)
	}
	return t.tr("sheetin.effect.none")
}

// optionsText lists a question's options with their effects, for the
// anchors column.
func (t *xlsxTemplate) optionsText(in *criteria.Input, texts []string) string {
	lines := []string{t.tr("sheetin.options")}
	for i, ch := range in.Choices {
		lines = append(lines, "• "+texts[i]+" – "+t.effectText(ch.Effect))
	}
	return strings.Join(lines, "\n")
}

// countsText lists a count question's rules with their effects: "alle
// 10 – taso 1".
func (t *xlsxTemplate) countsText(in *criteria.Input) string {
	lines := []string{t.tr("sheetin.counts")}
	for _, r := range in.Counts {
		var parts []string
		for _, b := range []struct {
			x   *float64
			key string
		}{{r.Min, "sheetin.range.min"}, {r.Above, "sheetin.range.above"}, {r.Max, "sheetin.range.max"}, {r.Below, "sheetin.range.below"}} {
			if b.x != nil {
				parts = append(parts, t.tr(b.key, msg.Number(*b.x).In(t.lang)))
			}
		}
		lines = append(lines, "• "+strings.Join(parts, t.tr("sheetin.range.and"))+" "+in.Unit.In(t.lang)+" – "+t.effectText(r.Effect))
	}
	return strings.Join(lines, "\n")
}

// withRulesHelp adds to the instructions' paragraphs the one about the
// rule rows, after the paragraph on figures, when the set has any.
func (t *xlsxTemplate) withRulesHelp(paras []string) []string {
	has := false
	for i := range t.set.Criteria {
		has = has || hasRuleRows(&t.set.Criteria[i])
	}
	if !has {
		return paras
	}
	at := len(paras)
	for i, p := range paras {
		if !strings.HasPrefix(p, "#") && strings.Contains(p, t.tr("sheet.col.figure")) {
			at = i + 1
			break
		}
	}
	return slices.Insert(slices.Clone(paras), at, t.tr("sheetin.help"))
}
