package form

import (
	"math"
	"strconv"
	"time"

	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
	"github.com/xuri/excelize/v2"
)

// The review cycle in the workbook (issue 16): an outcomes sheet with the
// period's employment outcomes, the live employment rate and the benchmark
// it reaches, how the review was made, and each criterion's data sources;
// and an action-plan sheet. Both are keyed like the details sheet (hidden
// row 1 and column A), so they read back whatever their names or order.
const (
	markerOutcomes = "laatu:outcomes"
	markerPlan     = "laatu:plan"

	// Row keys of the outcomes sheet (its columns are detailsColumns).
	keyPeriodStart     = "period_start"
	keyPeriodEnd       = "period_end"
	keyCaseload        = "caseload"
	keyCompetitiveWork = "competitive_work"
	keyJobStarts       = "job_starts"
	keyJobsEnded       = "jobs_ended"
	keyRate            = "employment_rate" // computed, not read back
	keyBenchmark       = "benchmark"       // computed, not read back
	keyReviewKind      = "review_kind"
	keyReviewers       = "reviewers"
	keyOrganisation    = "organisation"
	keyDaysOnSite      = "days_on_site"
	keySourcesHeading  = "sources_heading"
	rowSources         = "sources:" // "sources:17"

	// Column keys of the plan sheet, and its row keys "action:1"…
	colPlanCriterion  = "criterion"
	colPlanAction     = "action"
	colPlanOwner      = "owner"
	colPlanDue        = "due"
	colPlanStatus     = "status"
	colPlanSuggestion = "suggestion"
	rowAction         = "action:"
)

// outcomesOrder is the order of the outcomes sheet's rows from
// firstDetailsRow on; each criterion's sources row follows.
var outcomesOrder = []string{keyPeriodStart, keyPeriodEnd, keyCaseload, keyCompetitiveWork, keyJobStarts, keyJobsEnded,
	keyRate, keyBenchmark, keyReviewKind, keyReviewers, keyOrganisation, keyDaysOnSite, keySourcesHeading}

func outcomesRow(key string) int {
	for i, k := range outcomesOrder {
		if k == key {
			return firstDetailsRow + i
		}
	}
	return 0
}

// sourcesRow is the outcomes sheet's row of criterion i's (from 0) data
// sources.
func sourcesRow(i int) int { return firstDetailsRow + len(outcomesOrder) + i }

var planColumns = []string{colPlanCriterion, colPlanAction, colPlanOwner, colPlanDue, colPlanStatus, colPlanSuggestion}

var planWidths = map[string]float64{colPlanCriterion: 34, colPlanAction: 50, colPlanOwner: 22, colPlanDue: 13, colPlanStatus: 14, colPlanSuggestion: 50}

// firstPlanRow is the plan sheet's first action row, below the title, a
// hint and the headings.
const firstPlanRow = 5

// planListColumn holds the criteria the plan's drop-down offers, hidden.
const planListColumn = "I"

// minPlanRows is how many empty action rows a blank plan sheet has.
const minPlanRows = 12

// weakLevel is the level below which a criterion is weak: the plan is
// pre-filled with, and the interview offers an action for, each such one.
const weakLevel = 4

// planSuggestion is an action suggested for a weak criterion: its number
// and the anchor of the level above its own.
type planSuggestion struct {
	criterion int
	anchor    string
}

// planSuggestions are the weak criteria of a that its plan has no action
// for, each with its next level's anchor in lang.
func planSuggestions(set *criteria.Set, a *Assessment, lang string) []planSuggestion {
	if a == nil {
		return nil
	}
	planned := map[int]bool{}
	for _, act := range a.Plan {
		planned[act.Criterion] = true
	}
	var out []planSuggestion
	for _, it := range a.Items {
		c := set.Criterion(it.Criterion)
		if c == nil || it.Level == 0 || it.Level >= weakLevel || planned[it.Criterion] {
			continue
		}
		out = append(out, planSuggestion{criterion: c.Number, anchor: strconv.Itoa(it.Level+1) + " – " + c.Anchor(it.Level+1).In(lang)})
	}
	return out
}

// criterionChoice is how the plan sheet names criterion c in its
// drop-down: "17 – Tiivis yhteys työnantajiin". The reader takes the
// number before the dash.
func criterionChoice(c *criteria.Criterion, lang string) string {
	return strconv.Itoa(c.Number) + " – " + c.Title.In(lang)
}

// cycleStyles are the cells styles the two sheets add.
type cycleStyles struct{ percent, inputNumber int }

func (t *xlsxTemplate) cycleStyles() cycleStyles {
	var cs cycleStyles
	pct := "0.0%"
	var err error
	cs.percent, err = t.f.NewStyle(&excelize.Style{
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{lockedFill}}, CustomNumFmt: &pct,
		Font: font(excelize.Font{Bold: true}), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"},
		Border: []excelize.Border{{Type: "left", Style: 1, Color: "BFBFBF"}, {Type: "right", Style: 1, Color: "BFBFBF"}, {Type: "top", Style: 1, Color: "BFBFBF"}, {Type: "bottom", Style: 1, Color: "BFBFBF"}},
	})
	t.check(err)
	cs.inputNumber = t.st.input
	return cs
}

// writeOutcomes writes the outcomes sheet.
func (t *xlsxTemplate) writeOutcomes() {
	s := t.outcomes
	cs := t.cycleStyles()
	t.keys(s, markerOutcomes, detailsColumns)
	t.widths(s, detailsColumns, detailsWidths)
	t.check(t.f.SetColWidth(s, "D", "D", 60))
	label, value := columnOf(detailsColumns, colLabel), columnOf(detailsColumns, colValue)
	t.text(s, "B2", t.tr("cycleform.outcomes.title"), t.st.title)
	t.text(s, "B3", t.tr("cycleform.outcomes.hint"), t.st.hint)
	t.check(t.f.MergeCell(s, "B3", "D3"))
	t.check(t.f.SetRowHeight(s, 3, rowHeight(sized{t.tr("cycleform.outcomes.hint"), 140, 11})))
	at := func(key string) string { return cellName(value, outcomesRow(key)) }
	caseload, work := at(keyCaseload), at(keyCompetitiveWork)
	counts := excelize.NewDataValidation(true)
	dates := excelize.NewDataValidation(true)
	for _, key := range outcomesOrder {
		row := outcomesRow(key)
		cell := cellName(value, row)
		t.check(t.f.SetCellStr(s, cellName("A", row), key))
		if key == keySourcesHeading {
			t.text(s, cellName(label, row), t.tr("cycleform.sources.heading"), t.st.header)
			t.text(s, cell, "", t.st.header)
			hint := t.tr("cycleform.sources.hint", sourceNames(t.lang))
			t.text(s, cellName("D", row), hint, t.st.hint)
			t.check(t.f.SetRowHeight(s, row, max(30, rowHeight(sized{hint, 60, 11}))))
			continue
		}
		t.text(s, cellName(label, row), t.tr("cycleform.field."+key), t.st.label)
		switch key {
		case keyPeriodStart, keyPeriodEnd:
			t.style(s, cell, cell, t.st.inputDate)
			dates.SetSqref(cell)
		case keyCaseload, keyCompetitiveWork, keyJobStarts, keyJobsEnded:
			t.style(s, cell, cell, cs.inputNumber)
			counts.SetSqref(cell)
		case keyRate:
			t.formula(s, cell, "IF(AND(ISNUMBER("+caseload+"),ISNUMBER("+work+")),IF("+caseload+">0,TRUNC("+work+"/"+caseload+",3),\"\"),\"\")", cs.percent)
		case keyBenchmark:
			t.formula(s, cell, benchmarkFormula(at(keyRate), caseload, work, t.lang), t.st.locked)
		case keyReviewKind:
			t.style(s, cell, cell, t.st.input)
			dv := excelize.NewDataValidation(true)
			dv.SetSqref(cell)
			t.check(dv.SetDropList([]string{t.tr("review.kind.self"), t.tr("review.kind.external")}))
			dv.SetError(excelize.DataValidationErrorStyleStop, clip(t.tr("cycleform.field."+key), 32), clip(t.tr("cycleform.dv.kind.error"), 255))
			t.check(t.f.AddDataValidation(s, dv))
		default:
			t.style(s, cell, cell, t.st.inputWrap)
		}
		hint := t.tr("cycleform.hint." + key)
		t.text(s, cellName("D", row), hint, t.st.hint)
		t.check(t.f.SetRowHeight(s, row, max(20, rowHeight(sized{hint, 60, 11}))))
	}
	t.check(counts.SetRange(0, 1000000, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween))
	counts.SetError(excelize.DataValidationErrorStyleStop, clip(t.tr("cycleform.dv.count.title"), 32), clip(t.tr("cycleform.dv.count.error"), 255))
	t.check(t.f.AddDataValidation(s, counts))
	// 1.1.2000–31.12.2099 as day numbers.
	t.check(dates.SetRange(36526, 73415, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween))
	dates.SetError(excelize.DataValidationErrorStyleStop, clip(t.tr("cycleform.dv.date.title"), 32), clip(t.tr("cycleform.dv.date.error"), 255))
	t.check(t.f.AddDataValidation(s, dates))
	for i := range t.set.Criteria {
		c := &t.set.Criteria[i]
		row := sourcesRow(i)
		t.check(t.f.SetCellStr(s, cellName("A", row), rowSources+strconv.Itoa(c.Number)))
		t.text(s, cellName(label, row), criterionChoice(c, t.lang), t.st.text)
		t.style(s, cellName(value, row), cellName(value, row), t.st.inputWrap)
		t.check(t.f.SetRowHeight(s, row, rowHeight(sized{criterionChoice(c, t.lang), 30, 11})))
	}
	t.protect(s)
	t.printSetup(s)
}

// benchmarkFormula names the highest benchmark the rate reaches, from the
// built-in benchmark data, comparing the rate uncut as laatu score does.
func benchmarkFormula(rate, caseload, work, lang string) string {
	b := criteria.BuiltinCycle().EmploymentRate
	pct := work + "/" + caseload + "*100"
	f := quote(msg.T(lang, "cycleform.benchmark-none", FormatNumber(b.Levels[len(b.Levels)-1].Min)))
	for i := len(b.Levels) - 1; i >= 0; i-- {
		l := b.Levels[i]
		f = "IF(" + pct + ">=" + strconv.FormatFloat(l.Min, 'f', -1, 64) + "," +
			quote(msg.T(lang, "cycleform.benchmark", l.Name.In(lang), FormatNumber(l.Min))) + "," + f + ")"
	}
	return "IF(" + rate + "=\"\",\"\"," + f + ")"
}

// sourceNames lists the data sources as the workbook names them.
func sourceNames(lang string) string {
	names := make([]string, len(criteria.DataSources))
	for i, s := range criteria.DataSources {
		names[i] = s.Name.In(lang)
	}
	return strings.Join(names, "; ")
}

// planRows is how many action rows the plan sheet has for a.
func planRows(a *Assessment, suggestions int) int {
	n := suggestions
	if a != nil {
		n += len(a.Plan)
	}
	return max(minPlanRows, n+5)
}

// writePlan writes the action-plan sheet, with a's actions and then a
// suggestion for each weak criterion that has none when a is given.
func (t *xlsxTemplate) writePlan(a *Assessment) {
	s := t.plan
	suggestions := planSuggestions(t.set, a, t.lang)
	rows := planRows(a, len(suggestions))
	col := func(key string) string { return columnOf(planColumns, key) }
	t.keys(s, markerPlan, planColumns)
	t.widths(s, planColumns, planWidths)
	first, last := col(colPlanCriterion), col(colPlanSuggestion)
	t.text(s, cellName(first, 2), t.tr("cycleform.plan.title"), t.st.title)
	hint := t.tr("cycleform.plan.hint")
	t.text(s, cellName(first, 3), hint, t.st.hint)
	t.check(t.f.MergeCell(s, cellName(first, 3), cellName(last, 3)))
	t.check(t.f.SetRowHeight(s, 3, rowHeight(sized{hint, 180, 11})))
	for _, k := range planColumns {
		t.text(s, cellName(col(k), 4), t.tr("cycleform.plan.col."+k), t.st.header)
	}
	t.check(t.f.SetRowHeight(s, 4, 30))
	// The criteria the drop-down offers, in a hidden column.
	for i := range t.set.Criteria {
		t.check(t.f.SetCellStr(s, cellName(planListColumn, firstPlanRow+i), criterionChoice(&t.set.Criteria[i], t.lang)))
	}
	t.check(t.f.SetColVisible(s, planListColumn, false))
	lastRow := firstPlanRow + rows - 1
	for i := range rows {
		row := firstPlanRow + i
		t.check(t.f.SetCellStr(s, cellName("A", row), rowAction+strconv.Itoa(i+1)))
		t.style(s, cellName(col(colPlanCriterion), row), cellName(col(colPlanOwner), row), t.st.inputWrap)
		t.style(s, cellName(col(colPlanDue), row), cellName(col(colPlanDue), row), t.st.inputDate)
		t.style(s, cellName(col(colPlanStatus), row), cellName(col(colPlanStatus), row), t.st.input)
		t.style(s, cellName(col(colPlanSuggestion), row), cellName(col(colPlanSuggestion), row), t.st.small)
	}
	span := func(key string) string {
		return cellName(col(key), firstPlanRow) + ":" + cellName(col(key), lastRow)
	}
	crit := excelize.NewDataValidation(false)
	crit.SetSqref(span(colPlanCriterion))
	crit.SetSqrefDropList("$" + planListColumn + "$" + strconv.Itoa(firstPlanRow) + ":$" + planListColumn + "$" + strconv.Itoa(firstPlanRow+len(t.set.Criteria)-1))
	crit.SetError(excelize.DataValidationErrorStyleStop, clip(t.tr("cycleform.plan.col.criterion"), 32), clip(t.tr("cycleform.dv.criterion.error"), 255))
	t.check(t.f.AddDataValidation(s, crit))
	status := excelize.NewDataValidation(true)
	status.SetSqref(span(colPlanStatus))
	t.check(status.SetDropList(statusTexts(t.lang)))
	status.SetError(excelize.DataValidationErrorStyleStop, clip(t.tr("cycleform.plan.col.status"), 32), clip(t.tr("cycleform.dv.status.error"), 255))
	t.check(t.f.AddDataValidation(s, status))
	dates := excelize.NewDataValidation(true)
	dates.SetSqref(span(colPlanDue))
	t.check(dates.SetRange(36526, 73415, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween))
	dates.SetError(excelize.DataValidationErrorStyleStop, clip(t.tr("cycleform.dv.date.title"), 32), clip(t.tr("cycleform.dv.date.error"), 255))
	t.check(t.f.AddDataValidation(s, dates))

	row := firstPlanRow
	if a != nil {
		for _, act := range a.Plan {
			t.fillAction(row, &act)
			row++
		}
	}
	for _, sg := range suggestions {
		c := t.set.Criterion(sg.criterion)
		t.check(t.f.SetCellStr(s, cellName(col(colPlanCriterion), row), criterionChoice(c, t.lang)))
		text := t.tr("cycleform.plan.suggest", sg.anchor)
		t.check(t.f.SetCellStr(s, cellName(col(colPlanSuggestion), row), text))
		t.check(t.f.SetRowHeight(s, row, rowHeight(sized{text, planWidths[colPlanSuggestion], 9},
			sized{criterionChoice(c, t.lang), planWidths[colPlanCriterion], 11})))
		row++
	}
	t.check(t.f.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: 4, TopLeftCell: cellName(first, firstPlanRow), ActivePane: "bottomLeft"}))
	t.protect(s)
	t.printSetup(s)
}

// statusTexts are the drop-down's statuses in lang, in StatusOpen,
// StatusInProgress, StatusDone order.
func statusTexts(lang string) []string {
	return []string{msg.T(lang, "review.status.open"), msg.T(lang, "review.status.in-progress"), msg.T(lang, "review.status.done")}
}

var statusIDs = []string{StatusOpen, StatusInProgress, StatusDone}

// fillAction writes act on the plan sheet's row.
func (t *xlsxTemplate) fillAction(row int, act *Action) {
	s := t.plan
	col := func(key string) string { return columnOf(planColumns, key) }
	if c := t.set.Criterion(act.Criterion); c != nil {
		t.check(t.f.SetCellStr(s, cellName(col(colPlanCriterion), row), criterionChoice(c, t.lang)))
	} else {
		t.check(t.f.SetCellInt(s, cellName(col(colPlanCriterion), row), int64(act.Criterion)))
	}
	if act.Action != "" {
		t.check(t.f.SetCellStr(s, cellName(col(colPlanAction), row), act.Action))
	}
	if act.Owner != "" {
		t.check(t.f.SetCellStr(s, cellName(col(colPlanOwner), row), act.Owner))
	}
	if !act.Due.IsZero() {
		t.dateCell(s, cellName(col(colPlanDue), row), act.Due)
	}
	for i, id := range statusIDs {
		if act.Status == id {
			t.check(t.f.SetCellStr(s, cellName(col(colPlanStatus), row), statusTexts(t.lang)[i]))
		}
	}
	t.check(t.f.SetRowHeight(s, row, rowHeight(sized{act.Action, planWidths[colPlanAction], 11},
		sized{act.Owner, planWidths[colPlanOwner], 11})))
}

// fillCycle writes a's outcomes, review and data sources into the
// outcomes sheet.
func (t *xlsxTemplate) fillCycle(a *Assessment) {
	s := t.outcomes
	value := columnOf(detailsColumns, colValue)
	at := func(key string) string { return cellName(value, outcomesRow(key)) }
	if o := a.Outcomes; o != nil {
		if !o.Start.IsZero() {
			t.dateCell(s, at(keyPeriodStart), o.Start)
		}
		if !o.End.IsZero() {
			t.dateCell(s, at(keyPeriodEnd), o.End)
		}
		for key, n := range map[string]*int{keyCaseload: o.Caseload, keyCompetitiveWork: o.CompetitiveWork, keyJobStarts: o.JobStarts, keyJobsEnded: o.JobsEnded} {
			if n != nil {
				t.check(t.f.SetCellInt(s, at(key), int64(*n)))
			}
		}
	}
	if r := a.Review; r != nil {
		switch r.Kind {
		case ReviewSelf:
			t.check(t.f.SetCellStr(s, at(keyReviewKind), t.tr("review.kind.self")))
		case ReviewExternal:
			t.check(t.f.SetCellStr(s, at(keyReviewKind), t.tr("review.kind.external")))
		}
		if len(r.Reviewers) > 0 {
			t.check(t.f.SetCellStr(s, at(keyReviewers), strings.Join(r.Reviewers, ", ")))
		}
		if r.Organisation != "" {
			t.check(t.f.SetCellStr(s, at(keyOrganisation), r.Organisation))
		}
		if r.DaysOnSite != nil {
			t.check(t.f.SetCellFloat(s, at(keyDaysOnSite), *r.DaysOnSite, -1, 64))
		}
	}
	for i := range t.set.Criteria {
		it := a.Item(t.set.Criteria[i].Number)
		if it == nil || len(it.Sources) == 0 {
			continue
		}
		names := make([]string, len(it.Sources))
		for k, id := range it.Sources {
			names[k] = id
			if ds := criteria.DataSourceByID(id); ds != nil {
				names[k] = ds.Name.In(t.lang)
			}
		}
		t.check(t.f.SetCellStr(s, cellName(value, sourcesRow(i)), strings.Join(names, "; ")))
	}
}

// dateCell writes d as the spreadsheet's day number, keeping the cell's
// date style: excelize's own time cells pick a format by the day (1.7.
// shows as "Jul-26").
func (t *xlsxTemplate) dateCell(sheet, cell string, d time.Time) {
	days := d.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24
	t.check(t.f.SetCellInt(sheet, cell, int64(math.Round(days))))
}
