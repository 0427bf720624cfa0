package form

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/laatu-fi/laatu/msg"
)

// readDetails reads the details sheet into a: the criteria set the
// workbook was made for and the service's details.
func readDetails(g *grid, a *Assessment, ps *msg.Problems) {
	valueCol, ok := g.column(colValue, ps)
	if !ok {
		return
	}
	a.Names = g.names
	label := func(key string) fileLabel { return g.names.label("sheet.field."+key, key) }
	seen := map[string]msg.Place{}
	var providerPlace msg.Place
	criteriaSeen := false
	g.keyedRows(func(r int, key string) {
		place := g.place(r, valueCol)
		g.checkControls(r, 0, ps, valueCol)
		v := strings.TrimSpace(g.cell(r, valueCol))
		if prev, dup := seen[key]; dup {
			ps.Add(place, 0, "sheet.duplicate-field", label(key), prev.Sheet+"!"+prev.Cell)
			return
		}
		seen[key] = place
		switch key {
		case keyCriteria:
			criteriaSeen = true
		case keyProvider:
			providerPlace = place
		}
		if !setDetail(a, key, v, place, ps) {
			ps.Add(g.place(r, g.keyCol), 0, "sheet.bad-key", key)
		}
	})
	if !criteriaSeen {
		ps.Add(msg.Place{File: g.file, Sheet: g.sheet}, 0, "form.missing-key", label(keyCriteria))
	}
	if a.Provider == "" && a.Unit == "" {
		if providerPlace.File == "" {
			providerPlace = msg.Place{File: g.file, Sheet: g.sheet}
		}
		ps.Add(providerPlace, 0, "form.missing-service.sheet", label(keyProvider), label(keyUnit))
	}
}

// cellDate reads a date cell: a spreadsheet date (a day count, which is
// what Finnish Excel stores for 24.11.2026) or a text date.
// setDetail stores the value of the details field key (from the details
// sheet or a CSV file's header lines) in a, and reports whether key is a
// details field at all.
func setDetail(a *Assessment, key, v string, place msg.Place, ps *msg.Problems) bool {
	switch key {
	case keyCriteria:
		a.Criteria, a.CriteriaPlace = v, place
		if v == "" {
			ps.Add(place, 0, "form.missing-key", keyCriteria)
		}
	case keyCriteriaVersion:
		a.CriteriaVersion = v
	case keyCriteriaName:
		// Shown to the user only; the id and version identify the set.
	case keyProvider:
		a.Provider = v
	case keyUnit:
		a.Unit = v
	case keyDate:
		if v == "" {
			return true
		}
		d, ok := cellDate(v)
		if !ok {
			ps.Add(place, 0, "form.bad-date", v)
		}
		a.Date = d
	case keyRaters:
		a.Raters = splitList(v, false)
	case keyNotes:
		a.Notes = v
	default:
		return false
	}
	return true
}

func cellDate(v string) (time.Time, bool) {
	if d, ok := ParseDate(v); ok {
		return d, true
	}
	serial, err := strconv.ParseFloat(v, 64)
	// Day 61 is 1900-03-01, after the 1900 leap-year bug Excel keeps;
	// 2958465 is 9999-12-31.
	if err != nil || serial < 61 || serial > 2958465 {
		return time.Time{}, false
	}
	return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(serial)), true
}

// readAssessmentSheet reads the answers. Rows are found by their keys in
// the hidden column, so the criterion numbers come from laatu's own keys,
// not from a cell the user might have changed. percent reports whether a
// cell shows its number as a per cent, for figures typed as 92 %.
func readAssessmentSheet(g *grid, a *Assessment, percent func(row, col int) bool, ps *msg.Problems) {
	levelCol, ok1 := g.column(colLevel, ps)
	figureCol, ok2 := g.column(colFigure, ps)
	noteCol, ok3 := g.column(colNote, ps)
	evidenceCol, ok4 := g.column(colEvidence, ps)
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return
	}
	items := map[int]*Item{}
	var order []int
	get := func(n int, place msg.Place) *Item {
		if it, ok := items[n]; ok {
			return it
		}
		items[n] = &Item{Criterion: n, Place: place}
		order = append(order, n)
		return items[n]
	}
	checks := map[int]bool{} // criteria whose checklist has a mark
	seen := map[string]msg.Place{}
	g.keyedRows(func(r int, key string) {
		if prev, dup := seen[key]; dup {
			ps.Add(g.place(r, g.keyCol), 0, "sheet.duplicate-field", key, prev.Sheet+"!"+prev.Cell)
			return
		}
		seen[key] = g.place(r, g.keyCol)
		switch {
		case strings.HasPrefix(key, rowItem):
			n, err := strconv.Atoi(strings.TrimPrefix(key, rowItem))
			if err != nil || n <= 0 {
				ps.Add(g.place(r, g.keyCol), 0, "sheet.bad-key", key)
				return
			}
			place := g.place(r, levelCol)
			g.checkControls(r, n, ps, levelCol, figureCol, noteCol, evidenceCol)
			it := get(n, place)
			it.Place = place
			readItemRow(g, r, levelCol, figureCol, it, percent, ps)
			it.Note = strings.TrimSpace(g.cell(r, noteCol))
			it.Evidence = strings.TrimSpace(g.cell(r, evidenceCol))
		case strings.HasPrefix(key, rowCheck):
			num, id, ok := strings.Cut(strings.TrimPrefix(key, rowCheck), ":")
			n, err := strconv.Atoi(num)
			if !ok || err != nil || n <= 0 || id == "" {
				ps.Add(g.place(r, g.keyCol), 0, "sheet.bad-key", key)
				return
			}
			g.checkControls(r, n, ps, figureCol)
			v := g.cell(r, figureCol)
			kind, ok := markKind(v)
			if !ok {
				ps.Add(g.place(r, figureCol), n, "sheet.bad-mark", strings.TrimSpace(v), g.elementLabel(r, id))
				return
			}
			if kind == 0 {
				return
			}
			it := get(n, g.place(r, levelCol))
			checks[n] = true
			if it.Checked == nil {
				it.Checked = []string{}
			}
			if kind > 0 {
				it.Checked = append(it.Checked, id)
			}
		case strings.HasPrefix(key, rowFigures), strings.HasPrefix(key, rowCount), strings.HasPrefix(key, rowInput):
			n, sub, ok := ruleKey(key)
			if !ok {
				ps.Add(g.place(r, g.keyCol), 0, "sheet.bad-key", key)
				return
			}
			g.checkControls(r, n, ps, figureCol)
			readRuleRow(g, r, figureCol, key, sub, func() *Item { return get(n, g.place(r, levelCol)) }, percent, ps)
		case strings.HasPrefix(key, rowMean), strings.HasPrefix(key, rowRatio):
			// Computed by the sheet, not read back.
		case strings.HasPrefix(key, rowDomain), key == rowTotal, key == rowHeader:
			// Sums and headings: written by laatu, not read back.
		default:
			ps.Add(g.place(r, g.keyCol), 0, "sheet.bad-key", key)
		}
	})
	for _, n := range order {
		if it := items[n]; it.Answered() {
			a.SetItem(*it)
		}
	}
}

// readItemRow reads the level and figure of one criterion's row.
func readItemRow(g *grid, r, levelCol, figureCol int, it *Item, percent func(row, col int) bool, ps *msg.Problems) {
	if v := strings.TrimSpace(g.cell(r, levelCol)); v != "" {
		level, ok := ParseLevel(cleanNumber(v))
		if !ok {
			ps.Add(g.place(r, levelCol), it.Criterion, "form.bad-level", v)
		}
		it.Level = level
	}
	v := strings.TrimSpace(g.cell(r, figureCol))
	if v == "" {
		return
	}
	// A figure typed as 92 % is stored as 0.92 with a per cent format;
	// the user meant 92. Only a number stored below 10 (1000 %) is taken
	// for such a figure.
	if x, err := strconv.ParseFloat(v, 64); err == nil && math.Abs(x) < 10 && percent(r, figureCol) {
		v = strconv.FormatFloat(x*100, 'g', 12, 64)
	}
	x, ok := ParseNumber(cleanNumber(v))
	if !ok {
		ps.Add(g.place(r, figureCol), it.Criterion, "form.bad-figure", v)
		return
	}
	it.Figure = &x
}

// checkControls reports the cells of row r in cols whose text holds a
// control character (see controlChar), and replaces those characters so
// that later messages can show the text.
func (g *grid) checkControls(r, criterion int, ps *msg.Problems, cols ...int) {
	for _, c := range cols {
		v := g.cell(r, c)
		if ch, bad := controlChar(v); bad {
			ps.Add(g.place(r, c), criterion, "csvread.control-char", controlName(ch))
			g.rows[r][c] = stripControls(v)
		}
	}
}

// elementLabel names the checklist element on row r as the sheet shows it
// ("2. Yhteiset päätökset"), or by its id when that cell is empty.
func (g *grid) elementLabel(r int, id string) string {
	if c, ok := g.cols[colCriterion]; ok {
		if text := strings.TrimSpace(g.cell(r, c)); text != "" {
			return msg.ClipTo(text, elementTextMax)
		}
	}
	return id
}
