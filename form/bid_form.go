package form

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
	"github.com/xuri/excelize/v2"
)

// The bid form (tarjouslomake) asks exactly what a tender profile asks: the
// key criteria (level, figure, reason, evidence), the profile's own
// requirements and the price, on one sheet, with the anchors and the
// evidence asked for beside each question. A hidden sheet names the
// profile and the set, so that check reads the filled form back and refuses
// one made for another profile.

// bidFormMarker is the first cell of the hidden sheet of a bid form.
const bidFormMarker = "laatu-bid-form"

// bidFormMeta is the hidden sheet's name.
const bidFormMeta = "laatu"

// The rows and columns of the form.
const (
	bidFirstRow    = 8
	bidColID       = "A"
	bidColAnswer   = "D"
	bidColFigure   = "E"
	bidColNote     = "F"
	bidColEvidence = "G"
)

// WriteBidForm writes the bid form of profile p (on set) in lang.
func WriteBidForm(w io.Writer, p *criteria.Profile, set *criteria.Set, lang string) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := msg.T(lang, "tender.form.sheet")
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	set2 := func(cell string, v any) {
		_ = f.SetCellValue(sheet, cell, v)
	}
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	wrap, _ := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	input, _ := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}},
		Border: []excelize.Border{{Type: "left", Color: "999999", Style: 1}, {Type: "right", Color: "999999", Style: 1}, {Type: "top", Color: "999999", Style: 1}, {Type: "bottom", Color: "999999", Style: 1}}})
	set2("A1", msg.T(lang, "tender.form.title", p.Name.In(lang)))
	_ = f.SetCellStyle(sheet, "A1", "A1", bold)
	set2("A2", msg.T(lang, "tender.form.help"))
	for i, key := range []string{"tender.form.provider", "tender.form.unit", "tender.form.date"} {
		r := 3 + i
		set2(fmt.Sprintf("A%d", r), msg.T(lang, key))
		_ = f.SetCellStyle(sheet, fmt.Sprintf("B%d", r), fmt.Sprintf("C%d", r), input)
		_ = f.MergeCell(sheet, fmt.Sprintf("B%d", r), fmt.Sprintf("C%d", r))
	}
	header := []string{"tender.col.id", "tender.col.asked", "tender.form.options", "tender.form.answer",
		"tender.form.figure", "tender.form.note", "tender.form.evidence"}
	for i, key := range header {
		cell, _ := excelize.CoordinatesToCellName(i+1, bidFirstRow-1)
		set2(cell, msg.T(lang, key))
		_ = f.SetCellStyle(sheet, cell, cell, bold)
	}
	row := bidFirstRow
	list := func(r int, items []string) {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s%d", bidColAnswer, r)
		_ = dv.SetDropList(items)
		_ = f.AddDataValidation(sheet, dv)
	}
	for i := range p.Requirements {
		req := &p.Requirements[i]
		c := set.Criterion(req.Criterion)
		if c == nil {
			continue
		}
		set2(fmt.Sprintf("A%d", row), c.Number)
		asked := c.Title.In(lang)
		if req.IsComparison() {
			asked += " (" + msg.T(lang, "tender.form.compared", strconv.FormatFloat(req.Weight, 'f', -1, 64)) + ")"
		} else {
			asked += " (" + msg.T(lang, "tender.form.minimum") + ")"
		}
		set2(fmt.Sprintf("B%d", row), asked)
		levels := make([]int, 0, len(c.Anchors))
		for l := range c.Anchors {
			levels = append(levels, l)
		}
		sort.Sort(sort.Reverse(sort.IntSlice(levels)))
		var anchors []string
		for _, l := range levels {
			anchors = append(anchors, fmt.Sprintf("%d: %s", l, c.Anchor(l).In(lang)))
		}
		if c.Measure != nil {
			anchors = append(anchors, msg.T(lang, "tender.form.figure-unit", c.Measure.Unit.In(lang)))
		}
		set2(fmt.Sprintf("C%d", row), strings.Join(anchors, "\n"))
		list(row, []string{"1", "2", "3", "4", "5"})
		_ = f.SetCellStyle(sheet, fmt.Sprintf("%s%d", bidColAnswer, row), fmt.Sprintf("%s%d", bidColAnswer, row), input)
		if c.Measure != nil {
			_ = f.SetCellStyle(sheet, fmt.Sprintf("%s%d", bidColFigure, row), fmt.Sprintf("%s%d", bidColFigure, row), input)
		}
		_ = f.SetCellStyle(sheet, fmt.Sprintf("%s%d", bidColNote, row), fmt.Sprintf("%s%d", bidColEvidence, row), input)
		row++
	}
	for i := range p.Own {
		o := &p.Own[i]
		set2(fmt.Sprintf("A%d", row), o.ID)
		set2(fmt.Sprintf("B%d", row), o.Question.In(lang))
		opts := ""
		switch o.Answer {
		case criteria.AnswerYesNo:
			opts = msg.T(lang, "tender.form.yes-no")
			list(row, []string{msg.T(lang, "check.yes"), msg.T(lang, "check.no")})
		case criteria.AnswerChoice:
			var labels []string
			for _, ch := range o.Choices {
				labels = append(labels, ch.ID+" = "+ch.Label.In(lang))
			}
			opts = strings.Join(labels, "\n")
			list(row, o.ChoiceIDs())
		case criteria.AnswerFigure:
			opts = msg.T(lang, "tender.form.figure-unit", o.Unit.In(lang))
		default:
			opts = msg.T(lang, "tender.form.text")
		}
		if ev := o.Evidence.In(lang); ev != "" {
			opts += "\n" + msg.T(lang, "tender.evidence", ev)
		}
		set2(fmt.Sprintf("C%d", row), opts)
		_ = f.SetCellStyle(sheet, fmt.Sprintf("%s%d", bidColAnswer, row), fmt.Sprintf("%s%d", bidColAnswer, row), input)
		row++
	}
	if p.Comparison != nil {
		set2(fmt.Sprintf("A%d", row), "price")
		set2(fmt.Sprintf("B%d", row), msg.T(lang, "tender.form.price"))
		set2(fmt.Sprintf("C%d", row), msg.T(lang, "tender.form.price-help", strings.Join(criteria.PriceUnits, ", ")))
		_ = f.SetCellStyle(sheet, fmt.Sprintf("%s%d", bidColAnswer, row), fmt.Sprintf("%s%d", bidColFigure, row), input)
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s%d", bidColFigure, row)
		_ = dv.SetDropList(criteria.PriceUnits)
		_ = f.AddDataValidation(sheet, dv)
		if p.Comparison.PriceUnit != "" {
			set2(fmt.Sprintf("%s%d", bidColFigure, row), p.Comparison.PriceUnit)
		}
		row++
	}
	_ = f.SetCellStyle(sheet, fmt.Sprintf("A%d", bidFirstRow), fmt.Sprintf("C%d", row), wrap)
	// Row heights for the wrapped texts: excelize does not measure them,
	// and a spreadsheet opened for the first time does not either.
	for r := bidFirstRow; r < row; r++ {
		lines := 1
		for _, col := range []struct {
			name  string
			width int
		}{{"B", 50}, {"C", 66}} {
			v, _ := f.GetCellValue(sheet, fmt.Sprintf("%s%d", col.name, r))
			n := 0
			for _, part := range strings.Split(v, "\n") {
				n += 1 + len([]rune(part))/col.width
			}
			lines = max(lines, n)
		}
		_ = f.SetRowHeight(sheet, r, float64(lines)*12.75)
	}
	landscape, fit := "landscape", true
	_ = f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: ptrInt(1), FitToHeight: ptrInt(0)})
	_ = f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit})
	for col, width := range map[string]float64{"A": 18, "B": 45, "C": 60, "D": 12, "E": 12, "F": 40, "G": 30} {
		_ = f.SetColWidth(sheet, col, col, width)
	}
	_ = f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: bidFirstRow - 1, TopLeftCell: fmt.Sprintf("A%d", bidFirstRow), ActivePane: "bottomLeft"})
	if _, err := f.NewSheet(bidFormMeta); err != nil {
		return err
	}
	meta := [][2]string{{bidFormMarker, sheet}, {"profile", p.ID}, {"profile_version", p.Version},
		{"criteria", set.ID}, {"criteria_version", set.Version}, {"rows", strconv.Itoa(row - bidFirstRow)}}
	for i, kv := range meta {
		_ = f.SetCellStr(bidFormMeta, fmt.Sprintf("A%d", i+1), kv[0])
		_ = f.SetCellStr(bidFormMeta, fmt.Sprintf("B%d", i+1), kv[1])
	}
	if err := f.SetSheetVisible(bidFormMeta, false); err != nil {
		return err
	}
	_, err := f.WriteTo(w)
	return err
}

// IsBidForm reports whether the workbook in path is a bid form laatu wrote:
// a workbook with the hidden sheet. Only the workbook's list of sheets is
// read (at most 1 MiB of it), so a damaged or hostile file costs nothing
// here; a file that is not a zip is not a bid form, and the ordinary
// reader reports what it is.
func IsBidForm(path string) bool {
	z, err := zip.OpenReader(path)
	if err != nil {
		return false
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name != "xl/workbook.xml" {
			continue
		}
		r, err := f.Open()
		if err != nil {
			return false
		}
		defer r.Close()
		b, _ := io.ReadAll(io.LimitReader(r, 1<<20))
		return bytes.Contains(b, []byte(`name="`+bidFormMeta+`"`))
	}
	return false
}

// ReadBidForm reads a filled bid form made for profile p: the assessment
// (the key criteria's levels, figures, reasons and evidence) and the
// answers and price. Every problem comes at once, each with its cell.
func ReadBidForm(path string, p *criteria.Profile) (*Assessment, *BidAnswers, error) {
	if st, err := os.Stat(path); err == nil && st.Size() > DefaultLimits.FileSize {
		return nil, nil, fileProblem(path, "harden.file-too-large", FormatSize(DefaultLimits.FileSize))
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, nil, fileProblem(path, "tender.form.unreadable", err.Error())
	}
	defer f.Close()
	meta := map[string]string{}
	rows, _ := f.GetRows(bidFormMeta)
	for _, r := range rows {
		if len(r) >= 2 {
			meta[r[0]] = r[1]
		}
	}
	sheet := meta[bidFormMarker]
	cell := func(col string, r int) (string, msg.Place) {
		ref := fmt.Sprintf("%s%d", col, r)
		v, _ := f.GetCellValue(sheet, ref)
		return strings.TrimSpace(v), msg.Place{File: path, Sheet: sheet, Cell: ref}
	}
	return readBidCells(path, p, meta, cell)
}

// readBidCells reads a bid form's cells, from a workbook or a CSV file:
// meta is the hidden sheet's (or the CSV's marker line's) keys, cell gives
// the value and place of a cell by its column and row in the workbook's
// layout.
func readBidCells(path string, p *criteria.Profile, meta map[string]string, cell func(col string, r int) (string, msg.Place)) (*Assessment, *BidAnswers, error) {
	file := msg.Place{File: path}
	var ps msg.Problems
	if meta["profile"] != p.ID || meta["profile_version"] != p.Version {
		ps.Add(file, 0, "tender.form.other-profile", meta["profile"]+" "+meta["profile_version"], p.Label())
		return nil, nil, ps.Err()
	}
	n, _ := strconv.Atoi(meta["rows"])
	// The count comes from the file: no more rows than a sheet may have.
	n = max(0, min(n, DefaultLimits.Rows))
	a := &Assessment{Criteria: meta["criteria"], CriteriaVersion: meta["criteria_version"], Source: path}
	a.Provider, _ = cell("B", 3)
	a.Unit, _ = cell("B", 4)
	if a.Provider == "" && a.Unit == "" {
		_, at := cell("B", 3)
		ps.Add(at, 0, "form.missing-service")
	}
	if d, at := cell("B", 5); d != "" {
		t, ok := ParseDate(d)
		if !ok {
			ps.Add(at, 0, "form.bad-date", d)
		}
		a.Date = t
	}
	ans := &BidAnswers{Source: path, Answers: map[string]*BidAnswer{}, Place: file}
	for r := bidFirstRow; r < bidFirstRow+n; r++ {
		id, at := cell(bidColID, r)
		answer, aat := cell(bidColAnswer, r)
		switch {
		case id == "price":
			amount := answer
			unit, uat := cell(bidColFigure, r)
			if amount == "" {
				continue
			}
			x, ok := ParseNumber(amount)
			switch {
			case !ok || x <= 0:
				ps.Add(aat, 0, "tender.price.bad-amount", amount)
			case !containsString(criteria.PriceUnits, unit):
				ps.Add(uat, 0, "tender.price.bad-unit", unit, strings.Join(criteria.PriceUnits, ", "))
			default:
				ans.Price = &BidPrice{Amount: x, Unit: unit, Place: aat}
			}
		case p.OwnRequirement(id) != nil:
			ans.Answers[id] = &BidAnswer{Raw: answer, Place: aat}
			ans.Order = append(ans.Order, id)
		default:
			num, err := strconv.Atoi(id)
			if err != nil || p.Requirement(num) == nil {
				ps.Add(at, 0, "tender.form.bad-row", id)
				continue
			}
			it := Item{Criterion: num, Place: at}
			if answer != "" {
				l, ok := ParseLevel(answer)
				if !ok {
					ps.Add(aat, num, "form.bad-level", answer)
				}
				it.Level = l
			}
			if fig, fat := cell(bidColFigure, r); fig != "" {
				x, ok := ParseNumber(fig)
				if !ok {
					ps.Add(fat, num, "form.bad-figure", fig)
				} else {
					it.Figure = &x
				}
			}
			it.Note, _ = cell(bidColNote, r)
			it.Evidence, _ = cell(bidColEvidence, r)
			a.Items = append(a.Items, it)
		}
	}
	if len(ps) > 0 {
		return nil, nil, ps.Err()
	}
	return a, ans, nil
}

func ptrInt(n int) *int { return &n }

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
