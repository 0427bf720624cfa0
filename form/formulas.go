package form

import (
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
)

// The template's live points follow laatu's scoring rules so that the sum a
// user sees while filling in the sheet is the sum laatu score reports: the
// given level when there is one, otherwise the level the figure implies,
// otherwise the level the checklist implies. The formulas are built from the
// criteria set's data, never written by hand, and use only functions that
// Excel 2007 and LibreOffice both have.

// The points rest on two hidden helper cells per row, so that each value
// is worked out once: the level as a number and the figure as a number.

// levelValueFormula is the level typed in cell: a number 1–5, or text
// starting with the digit ("4", "4,0", "4 – …"); otherwise "".
func levelValueFormula(cell string) string {
	return `IF(ISNUMBER(` + cell + `),IF(AND(` + cell + `>=1,` + cell + `<=5,` + cell + `=INT(` + cell + `)),` + cell + `,""),` +
		`IFERROR(CHOOSE(VALUE(LEFT(TRIM(` + cell + `),1)),1,2,3,4,5),""))`
}

// figureValueFormula is the figure typed in cell as a number. Like the
// reader, it takes a number in a per cent format (typed as "92 %") as 92,
// and text such as "23,7" or "23.7" as 23.7 whatever the program's locale
// (NUMBERVALUE with fixed separators; "" where a program lacks it).
func figureValueFormula(cell string) string {
	return `IF(ISNUMBER(` + cell + `),IF(LEFT(CELL("format",` + cell + `),1)="P",` + cell + `*100,` + cell + `),` +
		`IF(TRIM(` + cell + `)="","",IFERROR(_xlfn.NUMBERVALUE(SUBSTITUTE(SUBSTITUTE(TRIM(` + cell + `),"%",""),",","."),"."),"")))`
}

// pointsFormula is the level used for criterion c on its row, from the
// row's level and figure values and the range of its checklist marks (""
// when it has none).
func pointsFormula(c *criteria.Criterion, level, figure, marks string) string {
	return `IF(` + level + `<>"",` + level + `,` + impliedFormula(c, figure, marks) + `)`
}

// impliedFormula is the level criterion c's figure value (in cell figure)
// or else its checklist marks imply, "" when neither does.
func impliedFormula(c *criteria.Criterion, figure, marks string) string {
	implied := checklistFormula(c, marks)
	if c.Measure != nil {
		implied = measureFormula(c.Measure, figure, implied)
	}
	return implied
}

// measureFormula is the level the figure value in cell implies
// (criteria.Measure Level), or otherwise.
func measureFormula(m *criteria.Measure, cell, otherwise string) string {
	var bounds []string
	if m.Min != nil {
		bounds = append(bounds, cell+">="+num(*m.Min))
	}
	if m.Max != nil {
		bounds = append(bounds, cell+"<="+num(*m.Max))
	}
	inner := otherwise
	for i := len(m.Levels) - 1; i >= 0; i-- {
		r := m.Levels[i]
		conds := append(append([]string{}, bounds...), rangeConds(r, cell)...)
		cond := "TRUE"
		if len(conds) > 0 {
			cond = "AND(" + strings.Join(conds, ",") + ")"
		}
		inner = "IF(" + cond + "," + strconv.Itoa(r.Level) + "," + inner + ")"
	}
	return "IF(ISNUMBER(" + cell + ")," + inner + "," + otherwise + ")"
}

// checklistFormula is the level the marks in rng imply (criteria.Checklist
// Level), "" while no mark is written.
func checklistFormula(c *criteria.Criterion, rng string) string {
	if c.Checklist == nil || rng == "" {
		return `""`
	}
	yes := make([]string, len(marksYes))
	for i, m := range marksYes {
		yes[i] = quote(m)
	}
	count := `SUMPRODUCT(--ISNUMBER(MATCH(LOWER(TRIM(` + rng + `)),{` + strings.Join(yes, ",") + `},0)))`
	levels := make([]string, len(c.Checklist.LevelsByCount))
	for i, l := range c.Checklist.LevelsByCount {
		levels[i] = strconv.Itoa(l)
	}
	return `IF(COUNTA(` + rng + `)=0,"",IFERROR(CHOOSE(` + count + `+1,` + strings.Join(levels, ",") + `),""))`
}

// bandFormula names the band of the total in cell, from the set's bands.
func bandFormula(set *criteria.Set, cell, lang string) string {
	out := `""`
	bands := set.Bands
	for i := len(bands) - 1; i >= 0; i-- {
		b := bands[i]
		out = `IF(AND(` + cell + `>=` + strconv.Itoa(b.Min) + `,` + cell + `<=` + strconv.Itoa(b.Max) + `),` + quote(b.Name.In(lang)) + `,` + out + `)`
	}
	return out
}

// quote writes s as a formula string literal.
func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// rangeConds are the conditions that the value in cell lies in r.
func rangeConds(r criteria.Range, cell string) []string {
	var conds []string
	if r.Min != nil {
		conds = append(conds, cell+">="+num(*r.Min))
	}
	if r.Above != nil {
		conds = append(conds, cell+">"+num(*r.Above))
	}
	if r.Max != nil {
		conds = append(conds, cell+"<="+num(*r.Max))
	}
	if r.Below != nil {
		conds = append(conds, cell+"<"+num(*r.Below))
	}
	return conds
}

// The rating rules (docs/rules.md) in the sheet. A criterion with further
// questions keeps, in hidden cells of its row, the level its figure or
// checklist gives (base), the highest floor and the lowest cap of its
// answers; each question's row keeps that answer's floor (0 for none) and
// cap (5 for none). The level is then laatu's: the base, raised by the
// floor, lowered by the cap; a floor gives a level even without a base, a
// cap alone gives none.

// rulesPointsFormula is the level used for a criterion with further
// questions, from its row's level value and its base, floor and cap cells.
func rulesPointsFormula(level, base, floor, cap string) string {
	return `IF(` + level + `<>"",` + level + `,IF(AND(` + base + `="",` + floor + `=0),"",MIN(MAX(` + base + `,` + floor + `),` + cap + `)))`
}

// ruleFigureFormula is the figure rated on a criterion's row: the
// specialists' mean when any is given, else the ratio of the counts, else
// the figure typed on the row (single, a formula), in the order
// scoring.Rate takes them. mean and ratio are cells, "" when the
// criterion has none.
func ruleFigureFormula(mean, ratio, single string) string {
	out := single
	for _, c := range []string{ratio, mean} {
		if c != "" {
			out = `IF(ISNUMBER(` + c + `),` + c + `,` + out + `)`
		}
	}
	return out
}

// meanFormula is the mean of the numbers in rng, "" when there are none.
func meanFormula(rng string) string {
	return `IF(COUNT(` + rng + `)=0,"",AVERAGE(` + rng + `))`
}

// ratioFormula is num / den, "" unless both are numbers and den is above 0.
func ratioFormula(num, den string) string {
	return `IF(AND(ISNUMBER(` + num + `),ISNUMBER(` + den + `)),IF(` + den + `>0,` + num + `/` + den + `,""),"")`
}

// choiceEffectFormula is the floor (or cap) of the option chosen in cell,
// found among the option texts in opts; none when the cell matches no
// option (it is empty).
func choiceEffectFormula(in *criteria.Input, cell, opts string, floor bool) string {
	none := effectNone(floor)
	vals := make([]string, len(in.Choices))
	any := false
	for i, ch := range in.Choices {
		v := effectValue(ch.Effect, floor)
		any = any || v != none
		vals[i] = strconv.Itoa(v)
	}
	if !any {
		return strconv.Itoa(none)
	}
	return `IFERROR(CHOOSE(` + choiceIndexFormula(in, cell, opts) + `,` + strings.Join(vals, ",") + `),` + strconv.Itoa(none) + `)`
}

// choiceIndexFormula is the number (from 1) of the option the answer in
// cell names, as the reader takes it (inputAnswer): by the option's text
// in opts, whatever its case, or by its id; for a yes-no question also by
// any of laatu's yes and no words. An error when it names none.
func choiceIndexFormula(in *criteria.Input, cell, opts string) string {
	v := `TRIM(` + cell + `)`
	ids := make([]string, len(in.Choices))
	for i, id := range in.ChoiceIDs() {
		ids[i] = quote(id)
	}
	idx := `IFERROR(MATCH(` + v + `,` + opts + `,0),MATCH(` + v + `,{` + strings.Join(ids, ",") + `},0))`
	if in.Kind != criteria.InputYesNo {
		return idx
	}
	words := map[string][]string{}
	for _, w := range sortedKeys(yesNoWords) {
		words[yesNoWords[w]] = append(words[yesNoWords[w]], quote(w))
	}
	var alt string
	for i := len(in.Choices) - 1; i >= 0; i-- {
		id := in.Choices[i].ID
		m := `MATCH(LOWER(` + v + `),{` + strings.Join(words[id], ",") + `},0)*0+` + strconv.Itoa(i+1)
		if alt == "" {
			alt = m
		} else {
			alt = `IFERROR(` + m + `,` + alt + `)`
		}
	}
	return `IFERROR(` + idx + `,` + alt + `)`
}

// countEffectFormula is the floor (or cap) of the count in cell (a value
// cell: a number or ""): that of the first rule whose range holds it.
func countEffectFormula(in *criteria.Input, cell string, floor bool) string {
	none := strconv.Itoa(effectNone(floor))
	inner := none
	for i := len(in.Counts) - 1; i >= 0; i-- {
		r := in.Counts[i]
		cond := "TRUE"
		if conds := rangeConds(r.Range(), cell); len(conds) > 0 {
			cond = "AND(" + strings.Join(conds, ",") + ")"
		}
		inner = "IF(" + cond + "," + strconv.Itoa(effectValue(r.Effect, floor)) + "," + inner + ")"
	}
	return "IF(ISNUMBER(" + cell + ")," + inner + "," + none + ")"
}

// effectNone is the floor or cap that changes nothing.
func effectNone(floor bool) int {
	if floor {
		return 0
	}
	return criteria.MaxLevel
}

func effectValue(e criteria.Effect, floor bool) int {
	if floor {
		return e.Floor()
	}
	if c := e.Cap(); c > 0 {
		return c
	}
	return criteria.MaxLevel
}
