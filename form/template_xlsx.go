package form

import (
	"io"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
	"github.com/xuri/excelize/v2"
)

// WriteXLSXTemplate writes the workbook a service manager fills in to
// assess a service against set: a details sheet, the assessment sheet with
// one row per criterion (and per checklist element), and an instructions
// sheet, all in lang. Input cells are unlocked and marked; the rest is
// protected without a password so the layout survives careless edits.
func WriteXLSXTemplate(w io.Writer, set *criteria.Set, lang string) error {
	return writeXLSX(w, set, nil, lang)
}

// WriteXLSX writes the same workbook with a's answers already in its input
// cells: last round's assessment to update, or a file from the interview to
// hand to a colleague who works in Excel. Reading it back gives a again.
func WriteXLSX(w io.Writer, set *criteria.Set, a *Assessment, lang string) error {
	return writeXLSX(w, set, a, lang)
}

func writeXLSX(w io.Writer, set *criteria.Set, a *Assessment, lang string) error {
	if err := unplacedAll(set, a); err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	st, err := newTemplateStyles(f)
	if err != nil {
		return err
	}
	t := &xlsxTemplate{f: f, st: st, set: set, lang: lang, lay: newLayoutFor(set, a),
		details:      msg.T(lang, "sheet.name.details"),
		assessment:   msg.T(lang, "sheet.name.assessment"),
		instructions: msg.T(lang, "sheet.name.instructions"),
		outcomes:     msg.T(lang, "cycleform.sheet.outcomes"),
		plan:         msg.T(lang, "cycleform.sheet.plan"),
	}
	t.check(f.SetSheetName("Sheet1", t.details))
	_, err = f.NewSheet(t.assessment)
	t.check(err)
	_, err = f.NewSheet(t.outcomes)
	t.check(err)
	_, err = f.NewSheet(t.plan)
	t.check(err)
	_, err = f.NewSheet(t.instructions)
	t.check(err)
	t.writeDetails()
	t.writeAssessment()
	t.writeOutcomes()
	t.writePlan(a)
	t.writeInstructions()
	if a != nil {
		t.fill(a)
		t.fillCycle(a)
	}
	// Excel computes the live points on opening; excelize stores formulas
	// without results.
	full := true
	t.check(f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full}))
	t.check(f.SetDocProps(&excelize.DocProperties{
		Title:   msg.T(lang, "sheet.title", set.Name.In(lang)),
		Creator: "laatu",
		Subject: set.Label(),
	}))
	f.SetActiveSheet(0)
	if t.err != nil {
		return t.err
	}

	return f.Write(w)
}

// xlsxTemplate writes one template, keeping the first error so that the
// layout code reads as a list of cells.
type xlsxTemplate struct {
	f    *excelize.File
	st   *templateStyles
	set  *criteria.Set
	lang string
	lay  *layout

	details, assessment, instructions string
	outcomes, plan                    string
	err                               error
}

func (t *xlsxTemplate) check(err error) {
	if t.err == nil {
		t.err = err
	}
}

func (t *xlsxTemplate) tr(key string, args ...any) string { return msg.T(t.lang, key, args...) }

// text writes s as a string cell. A string cell is never evaluated, so text
// from a criteria set that starts with = + - or @ cannot become a formula.
func (t *xlsxTemplate) text(sheet, cell, s string, style int) {
	t.check(t.f.SetCellStr(sheet, cell, s))
	t.check(t.f.SetCellStyle(sheet, cell, cell, style))
}

func (t *xlsxTemplate) formula(sheet, cell, formula string, style int) {
	t.check(t.f.SetCellFormula(sheet, cell, formula))
	t.check(t.f.SetCellStyle(sheet, cell, cell, style))
}

func (t *xlsxTemplate) style(sheet, from, to string, style int) {
	t.check(t.f.SetCellStyle(sheet, from, to, style))
}

// keys writes a sheet's hidden key row and column.
func (t *xlsxTemplate) keys(sheet, marker string, columns []string) {
	t.check(t.f.SetCellStr(sheet, "A1", marker))
	for i, k := range columns {
		t.check(t.f.SetCellStr(sheet, cellName(columnName(i+2), rowKeys), k))
	}
	t.check(t.f.SetRowVisible(sheet, rowKeys, false))
	t.check(t.f.SetColVisible(sheet, "A", false))
}

func (t *xlsxTemplate) widths(sheet string, columns []string, widths map[string]float64) {
	for _, k := range columns {
		c := columnOf(columns, k)
		t.check(t.f.SetColWidth(sheet, c, c, widths[k]))
	}
}

func (t *xlsxTemplate) protect(sheet string) {
	t.check(t.f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true,
	}))
}

// printSetup prints sheet landscape on A4, fitted to the page width, with
// page numbers: these sheets are printed for meetings.
func (t *xlsxTemplate) printSetup(sheet string) {
	a4, landscape, one, zero, fit := 9, "landscape", 1, 0, true
	t.check(t.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero,
	}))
	t.check(t.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}))
	t.check(t.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddFooter: "&L&A&R&P / &N",
	}))
}

var detailsWidths = map[string]float64{colLabel: 30, colValue: 50}

func (t *xlsxTemplate) writeDetails() {
	s := t.details
	t.keys(s, markerDetails, detailsColumns)
	t.widths(s, detailsColumns, detailsWidths)
	t.check(t.f.SetColWidth(s, "D", "D", 55))
	label, value := columnOf(detailsColumns, colLabel), columnOf(detailsColumns, colValue)
	t.text(s, "B2", t.tr("sheet.details.title"), t.st.title)
	t.text(s, "B3", t.tr("sheet.details.hint", t.assessment, t.instructions), t.st.hint)
	t.check(t.f.MergeCell(s, "B3", "D3"))
	fixed := map[string]string{
		keyCriteria: t.set.ID, keyCriteriaVersion: t.set.Version, keyCriteriaName: t.set.Name.In(t.lang),
	}
	styles := map[string]int{
		keyCriteria: t.st.locked, keyCriteriaVersion: t.st.locked, keyCriteriaName: t.st.locked,
		keyProvider: t.st.input, keyUnit: t.st.input, keyDate: t.st.inputDate,
		keyRaters: t.st.inputWrap, keyNotes: t.st.inputWrap,
	}
	type field struct {
		key, value string
		style      int
	}
	var fields []field
	for _, key := range detailsOrder {
		fields = append(fields, field{key, fixed[key], styles[key]})
	}
	for _, fd := range fields {
		row := detailsRow(fd.key)
		t.check(t.f.SetCellStr(s, cellName("A", row), fd.key))
		t.text(s, cellName(label, row), t.tr("sheet.field."+fd.key), t.st.label)
		t.text(s, cellName(value, row), fd.value, fd.style)
		hint := t.tr("sheet.hint." + fd.key)
		t.text(s, cellName("D", row), hint, t.st.hint)
		height := 20.0
		if fd.key == keyNotes {
			height = 60
		}
		t.check(t.f.SetRowHeight(s, row, max(height, rowHeight(sized{hint, 55, 11}, sized{fd.value, 50, 11}))))
	}
	t.protect(s)
	t.printSetup(s)
}

// assessmentWidths are the assessment sheet's column widths, in characters.
var assessmentWidths = map[string]float64{
	colNumber: 5, colCriterion: 46, colLevel: 9, colFigure: 11, colPoints: 9,
	colAnchors: 64, colNote: 36, colEvidence: 28, colLevelValue: 6, colFigureValue: 6,
	colBase: 6, colFloor: 6, colCap: 6, colChoiceIDs: 6,
}

func (t *xlsxTemplate) writeAssessment() {
	s := t.assessment
	col := func(key string) string { return columnOf(assessmentColumns, key) }
	first, last := col(colNumber), col(colEvidence)
	t.keys(s, markerAssessment, assessmentColumns)
	t.widths(s, assessmentColumns, assessmentWidths)
	helpers := col(colLevelValue) + ":" + optionColumn(max(maxOptions(t.set), 1))
	t.check(t.f.SetColVisible(s, helpers, false))
	for k := 1; k <= maxOptions(t.set); k++ {
		t.check(t.f.SetCellStr(s, cellName(optionColumn(k), rowKeys), colOption+strconv.Itoa(k)))
	}

	t.text(s, cellName(first, rowTitle), t.tr("sheet.title", t.set.Name.In(t.lang))+" ("+t.set.Label()+")", t.st.title)
	t.check(t.f.MergeCell(s, cellName(first, rowTitle), cellName(last, rowTitle)))
	t.check(t.f.SetRowHeight(s, rowTitle, 24))
	hint := t.tr("sheet.hint.fill")
	t.text(s, cellName(first, rowHint), hint, t.st.hint)
	t.check(t.f.MergeCell(s, cellName(first, rowHint), cellName(last, rowHint)))
	t.check(t.f.SetRowHeight(s, rowHint, rowHeight(sized{text: hint, width: 200})))

	for _, k := range assessmentColumns[:visibleColumns] {
		t.text(s, cellName(col(k), rowHeaderLine), t.tr("sheet.col."+k), t.st.header)
	}
	t.check(t.f.SetCellStr(s, cellName("A", rowHeaderLine), rowHeader))
	t.check(t.f.SetRowHeight(s, rowHeaderLine, 30))

	levels := excelize.NewDataValidation(true)
	marks := excelize.NewDataValidation(true)
	var pointRanges []string
	for _, d := range t.lay.domains {
		t.writeDomain(d)
		pointRanges = append(pointRanges, cellName(col(colPoints), d.from)+":"+cellName(col(colPoints), d.to))
		for _, c := range t.set.InDomain(d.domain.ID) {
			t.writeCriterion(c)
			levels.SetSqref(cellName(col(colLevel), t.lay.item[c.Number]))
			for _, row := range t.lay.elements[c.Number] {
				marks.SetSqref(cellName(col(colFigure), row))
			}
		}
	}
	t.writeTotal(pointRanges)

	t.check(levels.SetDropList([]string{"1", "2", "3", "4", "5"}))
	levels.SetInput(clip(t.tr("sheet.dv.level.title"), 32), clip(t.tr("sheet.dv.level.prompt", t.tr("sheet.col.anchors")), 255))
	levels.SetError(excelize.DataValidationErrorStyleStop, clip(t.tr("sheet.dv.level.title"), 32), clip(t.tr("sheet.dv.level.error"), 255))
	t.check(t.f.AddDataValidation(s, levels))
	if marks.Sqref != "" {
		t.check(marks.SetDropList(strings.Split(t.tr("sheet.mark.choices"), ",")))
		marks.SetInput(clip(t.tr("sheet.dv.mark.title"), 32), clip(t.tr("sheet.dv.mark.prompt"), 255))
		marks.SetError(excelize.DataValidationErrorStyleStop, clip(t.tr("sheet.dv.mark.title"), 32), clip(t.tr("sheet.dv.mark.error"), 255))
		t.check(t.f.AddDataValidation(s, marks))
	}

	t.check(t.f.SetPanes(s, &excelize.Panes{
		Freeze: true, XSplit: 3, YSplit: rowHeaderLine,
		TopLeftCell: cellName(col(colLevel), firstBodyRow), ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: cellName(col(colLevel), firstBodyRow+1), ActiveCell: cellName(col(colLevel), firstBodyRow+1), Pane: "bottomRight"}},
	}))
	t.protect(s)
	t.printSetup(s)
	// Every printed page repeats the column headings.
	t.check(t.f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", Scope: s,
		RefersTo: "'" + strings.ReplaceAll(s, "'", "''") + "'!$" + strconv.Itoa(rowHeaderLine) + ":$" + strconv.Itoa(rowHeaderLine),
	}))
}

func (t *xlsxTemplate) writeDomain(d domainRows) {
	s := t.assessment
	col := func(key string) string { return columnOf(assessmentColumns, key) }
	t.check(t.f.SetCellStr(s, cellName("A", d.row), rowDomain+d.domain.ID))
	t.text(s, cellName(col(colNumber), d.row), d.domain.Name.In(t.lang), t.st.domain)
	t.style(s, cellName(col(colCriterion), d.row), cellName(col(colFigure), d.row), t.st.domain)
	t.check(t.f.MergeCell(s, cellName(col(colNumber), d.row), cellName(col(colFigure), d.row)))
	points := cellName(col(colPoints), d.from) + ":" + cellName(col(colPoints), d.to)
	count := len(t.set.InDomain(d.domain.ID))
	t.formula(s, cellName(col(colPoints), d.row), "SUM("+points+")", t.st.domainNum)
	t.formula(s, cellName(col(colAnchors), d.row),
		"COUNT("+points+")&"+quote(t.tr("sheet.status.domain", count, count*criteria.MaxLevel)), t.st.domain)
	t.style(s, cellName(col(colNote), d.row), cellName(col(colEvidence), d.row), t.st.domain)
	t.check(t.f.SetRowHeight(s, d.row, 22))
}

func (t *xlsxTemplate) writeTotal(pointRanges []string) {
	s := t.assessment
	col := func(key string) string { return columnOf(assessmentColumns, key) }
	total := cellName(col(colPoints), rowTotalLine)
	var sums []string
	for _, d := range t.lay.domains {
		sums = append(sums, cellName(col(colPoints), d.row))
	}
	if len(sums) == 0 {
		sums = []string{"0"}
	}
	rated := "COUNT(" + strings.Join(pointRanges, ",") + ")"
	if len(pointRanges) == 0 {
		rated = "0"
	}
	n := len(t.set.Criteria)
	t.check(t.f.SetCellStr(s, cellName("A", rowTotalLine), rowTotal))
	t.text(s, cellName(col(colCriterion), rowTotalLine), t.tr("sheet.total"), t.st.domain)
	t.style(s, cellName(col(colLevel), rowTotalLine), cellName(col(colFigure), rowTotalLine), t.st.domain)
	t.formula(s, total, "SUM("+strings.Join(sums, ",")+")", t.st.domainNum)
	t.formula(s, cellName(col(colAnchors), rowTotalLine),
		rated+"&"+quote(t.tr("sheet.status.total", n, t.set.MaxTotal()))+
			"&IF("+rated+"="+strconv.Itoa(n)+","+quote(t.tr("sheet.status.band"))+"&"+bandFormula(t.set, total, t.lang)+
			","+quote(t.tr("sheet.status.incomplete"))+")", t.st.domain)
	t.check(t.f.MergeCell(s, cellName(col(colAnchors), rowTotalLine), cellName(col(colEvidence), rowTotalLine)))
	t.check(t.f.SetRowHeight(s, rowTotalLine, 24))
}

func (t *xlsxTemplate) writeCriterion(c *criteria.Criterion) {
	s := t.assessment
	col := func(key string) string { return columnOf(assessmentColumns, key) }
	row := t.lay.item[c.Number]
	at := func(key string) string { return cellName(col(key), row) }
	t.check(t.f.SetCellStr(s, cellName("A", row), rowItem+strconv.Itoa(c.Number)))
	t.check(t.f.SetCellInt(s, at(colNumber), int64(c.Number)))
	t.style(s, at(colNumber), at(colNumber), t.st.number)

	title := c.Title.In(t.lang)
	body := c.Ideal.In(t.lang)
	if c.Measure != nil {
		body += "\n" + t.tr("sheet.measure", c.Measure.Name.In(t.lang), c.Measure.Unit.In(t.lang))
	}
	if c.Checklist != nil {
		body += "\n" + t.tr("sheet.checklist")
	}
	body += t.ruleHints(c)
	t.check(t.f.SetCellRichText(s, at(colCriterion), []excelize.RichTextRun{
		{Text: title + "\n", Font: font(excelize.Font{Bold: true})},
		{Text: body, Font: font(excelize.Font{})},
	}))
	t.style(s, at(colCriterion), at(colCriterion), t.st.text)

	var anchors []string
	for level := criteria.MinLevel; level <= criteria.MaxLevel; level++ {
		anchors = append(anchors, strconv.Itoa(level)+" – "+c.Anchor(level).In(t.lang))
	}
	anchorText := strings.Join(anchors, "\n")
	t.text(s, at(colAnchors), anchorText, t.st.small)

	t.style(s, at(colLevel), at(colLevel), t.st.inputCenter)
	if c.Measure != nil {
		t.style(s, at(colFigure), at(colFigure), t.st.inputCenter)
		t.figureValidation(c, at(colFigure))
	} else {
		t.style(s, at(colFigure), at(colFigure), t.st.locked)
	}
	marks := ""
	if rows := t.lay.elements[c.Number]; len(rows) > 0 {
		marks = cellName(col(colFigure), rows[0]) + ":" + cellName(col(colFigure), rows[len(rows)-1])
	}
	mean, ratio := t.writeRuleRows(c)
	t.check(t.f.SetCellFormula(s, at(colLevelValue), levelValueFormula(at(colLevel))))
	t.check(t.f.SetCellFormula(s, at(colFigureValue), ruleFigureFormula(mean, ratio, figureValueFormula(at(colFigure)))))
	points, ok := t.rulePoints(c, row, at(colLevelValue), impliedFormula(c, at(colFigureValue), marks))
	if !ok {
		points = pointsFormula(c, at(colLevelValue), at(colFigureValue), marks)
	}
	t.formula(s, at(colPoints), points, t.st.points)
	t.style(s, at(colNote), at(colEvidence), t.st.inputWrap)
	t.check(t.f.SetRowHeight(s, row, rowHeight(
		sized{title + "\n" + body, assessmentWidths[colCriterion], 11},
		sized{anchorText, assessmentWidths[colAnchors], 9},
	)))

	if c.Checklist == nil {
		return
	}
	for i, e := range c.Checklist.Elements {
		row := t.lay.elements[c.Number][i]
		at := func(key string) string { return cellName(col(key), row) }
		t.check(t.f.SetCellStr(s, cellName("A", row), rowCheck+strconv.Itoa(c.Number)+":"+e.ID))
		t.style(s, at(colNumber), at(colNumber), t.st.text)
		text := strconv.Itoa(i+1) + ". " + e.Text.In(t.lang)
		t.text(s, at(colCriterion), text, t.st.element)
		t.style(s, at(colLevel), at(colLevel), t.st.locked)
		t.style(s, at(colFigure), at(colFigure), t.st.inputCenter)
		t.style(s, at(colPoints), at(colEvidence), t.st.text)
		t.check(t.f.SetRowHeight(s, row, rowHeight(sized{text, assessmentWidths[colCriterion] - 3, 11})))
	}
}

// figureValidation accepts only numbers within the measure's bounds in
// the figure cell, and says what the figure is when the cell is chosen.
func (t *xlsxTemplate) figureValidation(c *criteria.Criterion, cell string) {
	m := c.Measure
	dv := excelize.NewDataValidation(true)
	dv.Sqref = cell
	var err error
	switch {
	case m.Min != nil && m.Max != nil:
		err = dv.SetRange(*m.Min, *m.Max, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween)
	case m.Min != nil:
		err = dv.SetRange(*m.Min, "", excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorGreaterThanOrEqual)
	case m.Max != nil:
		err = dv.SetRange(*m.Max, "", excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorLessThanOrEqual)
	default:
		return
	}
	t.check(err)
	title := clip(t.tr("sheet.dv.figure.title"), 32)
	dv.SetInput(title, clip(t.tr("sheet.dv.figure.prompt", m.Name.In(t.lang), m.Unit.In(t.lang)), 255))
	dv.SetError(excelize.DataValidationErrorStyleStop, title, clip(t.tr("sheet.dv.figure.error", boundsIn(t.lang, m)), 255))
	t.check(t.f.AddDataValidation(t.assessment, dv))
}

func (t *xlsxTemplate) writeInstructions() {
	s := t.instructions
	t.check(t.f.SetColWidth(s, "A", "A", 3))
	t.check(t.f.SetColWidth(s, "B", "B", 110))
	t.text(s, "B2", t.tr("sheet.help.title"), t.st.title)
	paras := strings.Split(t.tr("sheet.help.text", t.details, t.assessment), "\n")
	paras = t.withRulesHelp(paras)
	paras = append(paras, strings.Split(t.tr("cycleform.help", t.outcomes, t.plan), "\n")...)
	for i, p := range paras {
		row := 4 + i
		style := t.st.hint
		if !strings.HasPrefix(p, "#") {
			style = t.st.text
		} else {
			p = strings.TrimSpace(strings.TrimPrefix(p, "#"))
			style = t.st.label
		}
		t.text(s, cellName("B", row), p, style)
		t.check(t.f.SetRowHeight(s, row, rowHeight(sized{p, 110, 11})))
	}
	t.protect(s)
	t.printSetup(s)
}

// clip shortens s to at most n characters: Excel refuses longer validation
// titles (32) and messages (255).
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
