package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Workbook builds an XLSX file the way every laatu spreadsheet looks: a
// bold, frozen header row, text neutralised against formulas (SafeCell),
// numbers as numbers and dates as dates, and pages that print landscape,
// fitted to the paper's width, with the header row repeated on each page.
type Workbook struct {
	File   *excelize.File
	lang   string
	sheets int
	style  struct{ header, text, wrap, date, int int }
	floats map[int]int
}

// NewWorkbook starts an empty workbook whose dates and decimals follow lang.
func NewWorkbook(lang string) (*Workbook, error) {
	wb := &Workbook{File: excelize.NewFile(), lang: lang, floats: map[int]int{}}
	f := wb.File
	var err error
	border := []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}}
	if wb.style.header, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7ECF2"}},
		Border:    border,
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
	}); err != nil {
		return nil, err
	}
	if wb.style.text, err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}}); err != nil {
		return nil, err
	}
	if wb.style.wrap, err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}); err != nil {
		return nil, err
	}
	dateFmt := "d.m.yyyy"
	if lang == "en" {
		dateFmt = "yyyy-mm-dd"
	}
	if wb.style.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}}); err != nil {
		return nil, err
	}
	if wb.style.int, err = f.NewStyle(&excelize.Style{NumFmt: 1, Alignment: &excelize.Alignment{Vertical: "top"}}); err != nil {
		return nil, err
	}
	return wb, nil
}

func (wb *Workbook) floatStyle(decimals int) (int, error) {
	if id, ok := wb.floats[decimals]; ok {
		return id, nil
	}
	format := "0"
	if decimals > 0 {
		format += "." + strings.Repeat("0", decimals)
	}
	id, err := wb.File.NewStyle(&excelize.Style{CustomNumFmt: &format, Alignment: &excelize.Alignment{Vertical: "top"}})
	wb.floats[decimals] = id
	return id, err
}

// SheetOptions lay out one sheet.
type SheetOptions struct {
	// FreezeCols keeps the first columns in view when scrolling right.
	FreezeCols int
	// Widths are column widths in characters, from the first column; a
	// column without one keeps the default.
	Widths []float64
	// Wrap lists the columns (0-based) whose text wraps.
	Wrap []int
	// HeaderHeight is the header row's height in points (0: default).
	HeaderHeight float64
	// Portrait prints the sheet upright instead of landscape.
	Portrait bool
	// LevelRanges get the level colour scale (see LevelScale).
	LevelRanges []string
}

// CellName returns the A1 name of a 0-based column and 1-based row.
func CellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col+1, row)
	return name
}

// ColName returns the letters of a 0-based column.
func ColName(col int) string {
	name, _ := excelize.ColumnNumberToName(col + 1)
	return name
}

// SheetName makes s a valid sheet name: at most 31 characters, none of
// []:*?/\.
func SheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, s)
	if r := []rune(s); len(r) > 31 {
		s = string(r[:31])
	}
	return s
}

// AddTable writes t on a new sheet named after t.Name and returns the
// AddTable writes t on a new sheet named after t.Name and returns the
// sheet's name. The rows are streamed into the sheet (excelize's
// StreamWriter), so a table of a hundred thousand cells does not hold an
// object per cell; everything else about the sheet (print set-up, colour
// scales) is set before the rows are written.
func (wb *Workbook) AddTable(t Table, opt SheetOptions) (string, error) {
	f := wb.File
	sheet := SheetName(t.Name)
	if wb.sheets == 0 {
		if err := f.SetSheetName(f.GetSheetName(0), sheet); err != nil {
			return "", err
		}
	} else if _, err := f.NewSheet(sheet); err != nil {
		return "", err
	}
	wb.sheets++
	if err := wb.PrintSetup(sheet, 1, !opt.Portrait); err != nil {
		return "", err
	}
	for _, ref := range opt.LevelRanges {
		if err := wb.LevelScale(sheet, ref); err != nil {
			return "", err
		}
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return "", err
	}
	// One call per run of equal widths: each call rescans the widths set
	// so far, so a call per column made wide tables (a column per
	// service) quadratic to write.
	for c := 0; c < len(opt.Widths); {
		end := c + 1
		for end < len(opt.Widths) && opt.Widths[end] == opt.Widths[c] {
			end++
		}
		if w := opt.Widths[c]; w > 0 {
			if err := sw.SetColWidth(c+1, end, w); err != nil {
				return "", err
			}
		}
		c = end
	}
	if err := sw.SetPanes(freezePanes(opt.FreezeCols, 1)); err != nil {
		return "", err
	}
	values := make([]any, 0, len(t.Header))
	for _, h := range t.Header {
		values = append(values, excelize.Cell{StyleID: wb.style.header, Value: SafeCell(h)})
	}
	var rowOpts []excelize.RowOpts
	if opt.HeaderHeight > 0 {
		rowOpts = append(rowOpts, excelize.RowOpts{Height: opt.HeaderHeight})
	}
	if err := sw.SetRow("A1", values, rowOpts...); err != nil {
		return "", err
	}
	wrap := map[int]bool{}
	for _, c := range opt.Wrap {
		wrap[c] = true
	}
	for r, row := range t.Rows {
		values = values[:0]
		for c, cell := range row {
			v, err := wb.cellValue(cell, wrap[c])
			if err != nil {
				return "", err
			}
			values = append(values, v)
		}
		// The row's style is the plain text style: excelize looks a cell's
		// default style up in the column widths (a scan per cell) unless
		// the row has one, which made wide tables quadratic to write.
		if err := sw.SetRow(CellName(0, r+2), values, excelize.RowOpts{StyleID: wb.style.text}); err != nil {
			return "", err
		}
	}
	return sheet, sw.Flush()
}

// cellValue is what the stream writer writes for c: text neutralised
// against formulas, numbers and dates with their formats.
func (wb *Workbook) cellValue(c Cell, wrap bool) (any, error) {
	switch c.Kind {
	case TextCell:
		style := wb.style.text
		if wrap {
			style = wb.style.wrap
		}
		return excelize.Cell{StyleID: style, Value: SafeCell(c.Text)}, nil
	case IntCell:
		return excelize.Cell{StyleID: wb.style.int, Value: int64(c.Num)}, nil
	case FloatCell:
		style, err := wb.floatStyle(c.Decimals)
		return excelize.Cell{StyleID: style, Value: c.Num}, err
	case DateCell:
		return excelize.Cell{StyleID: wb.style.date, Value: c.Date}, nil
	}
	return nil, nil
}

// freezePanes keeps cols columns and rows rows in view.
func freezePanes(cols, rows int) *excelize.Panes {
	pane := "bottomLeft"
	switch {
	case cols > 0 && rows > 0:
		pane = "bottomRight"
	case cols > 0:
		pane = "topRight"
	}
	return &excelize.Panes{Freeze: true, XSplit: cols, YSplit: rows, TopLeftCell: CellName(cols, rows+1), ActivePane: pane}
}

// PrintSetup makes a sheet printable: landscape (or portrait) on A4,
// fitted to one page wide, the first headerRows repeated on every page, the
// sheet name in the page header and page numbers in the footer.
func (wb *Workbook) PrintSetup(sheet string, headerRows int, landscape bool) error {
	f := wb.File
	orient := "portrait"
	if landscape {
		orient = "landscape"
	}
	a4, one, tall := 9, 1, 0
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &orient, FitToWidth: &one, FitToHeight: &tall}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddHeader: "&L&A", OddFooter: "&R&P / &N"}); err != nil {
		return err
	}
	if headerRows == 0 {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$1:$%d", strings.ReplaceAll(sheet, "'", "''"), headerRows),
		Scope:    sheet,
	})
}

// Level colours, shared by the XLSX colour scale and the HTML heat-map:
// red for 1, yellow for 3, green for 5, pale enough that the printed
// number stays readable.
const (
	levelLow  = "F8696B"
	levelMid  = "FFEB84"
	levelHigh = "63BE7B"
)

// LevelScale puts a three-colour scale (1 red, 3 yellow, 5 green) on the
// level cells in rangeRef. The numbers stay in the cells: colour only
// repeats them.
func (wb *Workbook) LevelScale(sheet, rangeRef string) error {
	return wb.File.SetConditionalFormat(sheet, rangeRef, []excelize.ConditionalFormatOptions{{
		Type:     "3_color_scale",
		Criteria: "=",
		MinType:  "num", MinValue: "1", MinColor: "#" + levelLow,
		MidType: "num", MidValue: "3", MidColor: "#" + levelMid,
		MaxType: "num", MaxValue: "5", MaxColor: "#" + levelHigh,
	}})
}

// Write writes the workbook as XLSX.
func (wb *Workbook) Write(w io.Writer) error {
	_, err := wb.File.WriteTo(w)
	return err
}
