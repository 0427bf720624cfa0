package form

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
)

// Reading the rows of rule answers (template_rules.go) back.

// ruleKey splits a rule row's key ("figures:17:3", "count:1:clients",
// "input:17:tracking") into the criterion's number and what follows.
func ruleKey(key string) (n int, sub string, ok bool) {
	_, rest, _ := strings.Cut(key, ":")
	num, sub, ok := strings.Cut(rest, ":")
	n, err := strconv.Atoi(num)
	if !ok || err != nil || n <= 0 || sub == "" {
		return 0, "", false
	}
	return n, sub, true
}

// readRuleRow reads the answer on rule row r into the item get returns;
// an empty cell is no answer (the item is kept only when answered, see
// readSheet). The item records where each count and question is
// answered, even when empty, so that "give the full-time equivalents too"
// names that cell.
func readRuleRow(g *grid, r, figureCol int, key, sub string, get func() *Item, percent func(row, col int) bool, ps *msg.Problems) {
	v := strings.TrimSpace(g.cell(r, figureCol))
	place := g.place(r, figureCol)
	// The workbook names a count or question by the row's text, as the
	// user sees it; the id is in the hidden column A.
	name := g.elementLabel(r, sub)
	if q, _, ok := strings.Cut(name, "? "); ok && strings.HasPrefix(key, rowInput) {
		// The question without the row's instructions ("Valitse …").
		name = q + "?"
	}
	switch {
	case strings.HasPrefix(key, rowCount):
		get().setRulePlace(countKey(sub), place)
	case strings.HasPrefix(key, rowInput):
		get().setRulePlace(inputKey(sub), place)
	}
	if v == "" {
		return
	}
	n := g.criterionAt(r)
	switch {
	case strings.HasPrefix(key, rowFigures):
		k, err := strconv.Atoi(sub)
		if err != nil || k <= 0 {
			ps.Add(g.place(r, g.keyCol), 0, "sheet.bad-key", key)
			return
		}
		x, ok := sheetNumber(g, r, figureCol, v, percent)
		if !ok {
			ps.Add(place, n, "sheetin.bad-specialist-figure", k, v)
			return
		}
		it := get()
		it.Figures = append(it.Figures, x)
		it.setRulePlace(figuresKey(len(it.Figures)), place)
	case strings.HasPrefix(key, rowCount):
		x, ok := ParseNumber(cleanNumber(v))
		if !ok || x < 0 {
			ps.Add(place, n, "sheetin.bad-count.named", name, v)
			return
		}
		it := get()
		if it.Counts == nil {
			it.Counts = map[string]float64{}
		}
		it.Counts[sub] = x
	case strings.HasPrefix(key, rowInput):
		answer, ok := inputAnswer(g, r, v, sub, name, place, n, ps)
		if !ok {
			return
		}
		it := get()
		if it.Inputs == nil {
			it.Inputs = map[string]string{}
		}
		it.Inputs[sub] = answer
	}
}

// sheetNumber reads a figure cell as readItemRow does: a number stored in
// a per cent format is the per cent typed.
func sheetNumber(g *grid, r, c int, v string, percent func(row, col int) bool) (float64, bool) {
	if x, err := strconv.ParseFloat(v, 64); err == nil && math.Abs(x) < 10 && percent(r, c) {
		v = strconv.FormatFloat(x*100, 'g', 12, 64)
	}
	return ParseNumber(cleanNumber(v))
}

// inputAnswer reads the answer v to question id on row r: for a count a
// whole number of 0 or more, for a choice one of the option texts the row
// keeps in its hidden cells (or the option's id), for yes-no also yes and
// no in any of laatu's words. Problems name the question by name, the
// row's text.
func inputAnswer(g *grid, r int, v, id, name string, place msg.Place, n int, ps *msg.Problems) (string, bool) {
	// A row without its text names the question by its id, unquoted.
	named := func(key string) string {
		if name == id {
			return key
		}
		return key + ".named"
	}
	idsCol, ok := g.cols[colChoiceIDs]
	lines := strings.Split(strings.TrimSpace(g.cell(r, idsCol)), "\n")
	if !ok || lines[0] == "" {
		ps.Add(place, n, "sheetin.no-options.named", name)
		return "", false
	}
	kind, ids := strings.TrimSpace(lines[0]), lines[1:]
	if kind == criteria.InputCount {
		x, ok := ParseNumber(cleanNumber(v))
		if !ok || x < 0 || x != math.Trunc(x) || x > 1e9 {
			ps.Add(place, n, named("sheetin.bad-input-count"), v, name)
			return "", false
		}
		return strconv.Itoa(int(x)), true
	}
	texts := g.optionTexts(r)
	if len(ids) == 0 || len(texts) < len(ids) {
		ps.Add(place, n, "sheetin.no-options.named", name)
		return "", false
	}
	texts = texts[:len(ids)]
	fold := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	for k, tx := range texts {
		if fold(tx) == fold(v) || fold(ids[k]) == fold(v) {
			return strings.TrimSpace(ids[k]), true
		}
	}
	if yn, ok := YesNo(v); ok && kind == criteria.InputYesNo {
		return yn, true
	}
	ps.Add(place, n, named("sheetin.bad-choice"), v, name, strings.Join(texts, "; "))
	return "", false
}

// optionTexts are the option texts of a question's row r, from the
// columns option_1, option_2…, up to the first empty one.
func (g *grid) optionTexts(r int) []string {
	type opt struct{ k, col int }
	var opts []opt
	for key, c := range g.cols {
		if rest, ok := strings.CutPrefix(key, colOption); ok {
			if k, err := strconv.Atoi(rest); err == nil && k > 0 {
				opts = append(opts, opt{k, c})
			}
		}
	}
	slices.SortFunc(opts, func(a, b opt) int { return a.k - b.k })
	var texts []string
	for i, o := range opts {
		tx := strings.TrimSpace(g.cell(r, o.col))
		if o.k != i+1 || tx == "" {
			break
		}
		texts = append(texts, tx)
	}
	return texts
}
