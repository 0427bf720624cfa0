package form

import (
	"math"

	"github.com/laatu-fi/laatu/internal/xlsxrow"
	"github.com/xuri/excelize/v2"
)

// templateStyles are the cell styles of the template. Input cells are
// unlocked and marked twice — a yellow fill and a dashed frame — so that
// they stand out also in a black-and-white print and to a reader who does
// not see colour; every other cell stays locked under the sheet protection.
type templateStyles struct {
	title, hint, label, header, domain, domainNum, text, textBold, number, points,
	small, element, input, inputCenter, inputDate, inputWrap, locked, computed int
}

const (
	inputFill  = "FFF2CC"
	headerFill = "D9E1F2"
	domainFill = "E2EFDA"
	lockedFill = "F2F2F2"
)

func newTemplateStyles(f *excelize.File) (*templateStyles, error) {
	var s templateStyles
	var err error
	add := func(dst *int, st *excelize.Style) {
		if err != nil {
			return
		}
		*dst, err = f.NewStyle(st)
	}
	top := func(wrap bool) *excelize.Alignment {
		return &excelize.Alignment{Vertical: "top", WrapText: wrap}
	}
	frame := func(kind int, color string) []excelize.Border {
		var bs []excelize.Border
		for _, side := range []string{"left", "right", "top", "bottom"} {
			bs = append(bs, excelize.Border{Type: side, Style: kind, Color: color})
		}
		return bs
	}
	thin := frame(1, "BFBFBF")
	dashed := frame(3, "7F6000")
	unlocked := &excelize.Protection{Locked: false}
	solid := func(color string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
	}

	add(&s.title, &excelize.Style{Font: font(excelize.Font{Bold: true, Size: 14})})
	add(&s.hint, &excelize.Style{Font: font(excelize.Font{Italic: true}), Alignment: top(true)})
	add(&s.label, &excelize.Style{Font: font(excelize.Font{Bold: true}), Alignment: top(true), Border: thin})
	add(&s.header, &excelize.Style{Font: font(excelize.Font{Bold: true}), Fill: solid(headerFill), Border: thin,
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	add(&s.domain, &excelize.Style{Font: font(excelize.Font{Bold: true, Size: 12}), Fill: solid(domainFill), Border: thin,
		Alignment: &excelize.Alignment{Vertical: "center"}})
	add(&s.domainNum, &excelize.Style{Font: font(excelize.Font{Bold: true, Size: 12}), Fill: solid(domainFill), Border: thin,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	add(&s.text, &excelize.Style{Alignment: top(true), Border: thin})
	add(&s.textBold, &excelize.Style{Font: font(excelize.Font{Bold: true}), Alignment: top(true), Border: thin})
	add(&s.number, &excelize.Style{Font: font(excelize.Font{Bold: true}), Border: thin,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})
	add(&s.points, &excelize.Style{Font: font(excelize.Font{Bold: true, Size: 12}), Border: thin,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})
	add(&s.small, &excelize.Style{Font: font(excelize.Font{Size: 9}), Alignment: top(true), Border: thin})
	add(&s.element, &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true, Indent: 2}, Border: thin})
	add(&s.input, &excelize.Style{Fill: solid(inputFill), Border: dashed, Protection: unlocked, Alignment: top(true)})
	add(&s.inputCenter, &excelize.Style{Fill: solid(inputFill), Border: dashed, Protection: unlocked,
		Font:      font(excelize.Font{Bold: true, Size: 12}),
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})
	add(&s.inputDate, &excelize.Style{Fill: solid(inputFill), Border: dashed, Protection: unlocked,
		NumFmt: 14, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"}})
	add(&s.inputWrap, &excelize.Style{Fill: solid(inputFill), Border: dashed, Protection: unlocked, Alignment: top(true)})
	add(&s.locked, &excelize.Style{Fill: solid(lockedFill), Border: thin, Alignment: top(true)})
	// A figure the sheet computes (a mean, a ratio): locked, to two
	// decimals, as reports show it.
	twoDecimals := "0.00"
	add(&s.computed, &excelize.Style{Fill: solid(lockedFill), Border: thin, CustomNumFmt: &twoDecimals,
		Font: font(excelize.Font{Bold: true}), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})
	return &s, err
}

// fontFamily is the template's one font. Naming it in every style keeps
// LibreOffice from falling back to a serif font for styled cells.
const fontFamily = "Calibri"

func font(f excelize.Font) *excelize.Font {
	f.Family = fontFamily
	if f.Size == 0 {
		f.Size = 11
	}
	return &f
}

// sized is a cell's text with its column's width (in characters of the
// 11-point font) and its font size, for rowHeight.
type sized struct {
	text  string
	width float64
	size  float64
}

// rowHeight is the height that shows every cell of a row whole. Excel does
// not fit a row to wrapped text written by another program, so the
// template sets each row's height from its longest text (the estimate the
// report workbooks use too, internal/xlsxrow).
func rowHeight(cells ...sized) float64 {
	h := 15.0
	for _, c := range cells {
		h = math.Max(h, xlsxrow.Height(xlsxrow.Lines(c.text, c.width, c.size, false), c.size))
	}
	return h
}
