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
	implied := checklistFormula(c, marks)
	if c.Measure != nil {
		implied = measureFormula(c.Measure, figure, implied)
	}
	return `IF(` + level + `<>"",` + level + `,` + implied + `)`
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
		conds := append([]string{}, bounds...)
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
