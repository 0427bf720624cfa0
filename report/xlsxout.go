package report

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"
)

// What every laatu workbook shares (WriteDocXLSX writes them all,
// doc_xlsx.go): the font, cell and sheet names, column widths set in runs,
// frozen panes, the print layout on A4 and the colour scale over levels.

// FontFamily is the one font of every laatu workbook, named in every style
// (a style that names no font makes LibreOffice fall back to a serif font
// for it). LibreOffice draws it with the metric-compatible Carlito when that
// is installed, otherwise with its sans fallback.
const FontFamily = "Calibri"

// minPrintSize is the smallest font size a printed sheet may have: a sheet
// that would print smaller when fitted to the page's width runs on to
// further pages instead.
const minPrintSize = 8.0

// quotedStyle adds to f a copy of the cell style id that marks the cell's
// text as text (the style's quotePrefix, what Excel sets when a user types
// '=A1): the cell shows "=A1" as written, without an apostrophe, and stays
// text when edited. excelize has no option for it, so the copy is added to
// the style sheet by hand; being added after the original, it is never
// what NewStyle returns for an equal style.
func quotedStyle(f *excelize.File, id int) (int, error) {
	ss := f.Styles
	if ss == nil || ss.CellXfs == nil || id < 0 || id >= len(ss.CellXfs.Xf) {
		return 0, errors.New("xlsx: the style sheet has no style to mark as text")
	}
	xf := ss.CellXfs.Xf[id]
	yes := true
	xf.QuotePrefix = &yes
	ss.CellXfs.Xf = append(ss.CellXfs.Xf, xf)
	ss.CellXfs.Count = len(ss.CellXfs.Xf)
	return len(ss.CellXfs.Xf) - 1, nil
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

// maxWidthRuns bounds the runs of equal column widths on a sheet, each
// set by one call: excelize rewrites every column set so far at each call
// (flattened, a copy each), so that a call per column made a sheet with a
// column per service quadratic to write.
const maxWidthRuns = 64

// fewerWidths returns widths (unchanged when they form at most
// maxWidthRuns runs of equal widths); otherwise the columns after the
// first keep are taken in blocks of equal size, each as wide as its widest
// column, so that no heading breaks inside a word and a sheet of 5,000
// columns takes as few calls as one of 50.
func fewerWidths(widths []float64, keep int) []float64 {
	if len(widthRuns(widths)) <= maxWidthRuns {
		return widths
	}
	keep = min(max(keep, 0), len(widths))
	out := append([]float64(nil), widths...)
	rest := len(out) - keep
	size := (rest + maxWidthRuns - 1) / maxWidthRuns
	for from := keep; from < len(out); from += size {
		block := out[from:min(from+size, len(out))]
		w := 0.0
		for _, x := range block {
			w = math.Max(w, x)
		}
		for i := range block {
			block[i] = w
		}
	}
	return out
}

// widthRun is a run of columns, from and to 0-based and inclusive, of one
// width.
type widthRun struct {
	from, to int
	width    float64
}

// widthRuns are the runs of equal widths, each set by one call.
func widthRuns(widths []float64) []widthRun {
	var runs []widthRun
	for c := 0; c < len(widths); {
		end := c + 1
		for end < len(widths) && widths[end] == widths[c] {
			end++
		}
		runs = append(runs, widthRun{c, end - 1, widths[c]})
		c = end
	}
	return runs
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

// Page geometry: A4 with half-inch side margins, in points.
const (
	a4Long, a4Short = 842.0, 595.0
	sideMargin      = 0.5 // inches
	topMargin       = 0.75
)

// printableWidth is the width of the page inside the margins.
func printableWidth(landscape bool) float64 {
	w := a4Short
	if landscape {
		w = a4Long
	}
	return w - 2*72*sideMargin
}

// colPoints is how wide a column w characters wide prints at 100 %, at
// most: a program draws it w digits and 5 pixels wide, at 0.75 points a
// pixel. The digit is that of the font the program has: 7 pixels in
// Calibri, 9.33 in DejaVu Sans, which LibreOffice draws when Calibri and
// Carlito are missing. The print layout takes the wider, so that a sheet
// fitted to its page prints at least minPrintSize wherever it is printed.
func colPoints(w float64) float64 { return (w*widestDigit + 5) * 0.75 }

// widestDigit is the widest digit, in pixels, of the 11-point fonts a
// workbook may be drawn in (DejaVu Sans).
const widestDigit = 9.33

// pageLayout is how a sheet prints.
type pageLayout struct {
	landscape bool
	// pagesWide fits the sheet to at most so many pages across (0: no
	// fitting); fitHeight also to one page high (a chart).
	pagesWide int
	fitHeight bool
	// titleRows and titleCols repeat on every page.
	titleRows, titleCols int
}

// layoutFor is how a table of these column widths, in a font of size
// points, prints: fitted to one page wide when the fitted text stays at
// least minPrintSize, otherwise fitted to as many pages across as keep it
// at least minPrintSize, with the first titleRows rows and the names
// columns that name the rows repeated on each page (unless they take half
// of it).
func layoutFor(widths []float64, names, titleRows int, size float64, landscape bool) pageLayout {
	total, titles := 0.0, 0.0
	for c, w := range widths {
		total += colPoints(w)
		if c < names {
			titles += colPoints(w)
		}
	}
	pl := pageLayout{landscape: landscape, titleRows: titleRows, pagesWide: 1}
	// The room at the smallest scale, less 4 % for programs that round
	// their scale down.
	room := printableWidth(pl.landscape) * size / minPrintSize * 0.96
	if total > room {
		if titles > room/2 {
			titles = 0
		} else {
			pl.titleCols = names
		}
		pl.pagesWide = int(math.Ceil((total - titles) / (room - titles)))
	}
	return pl
}

// pageSetup makes sheet print as pl says: on A4, the sheet's name in the
// page header and page numbers in the footer, pages numbered across
// before down.
func pageSetup(f *excelize.File, sheet string, pl pageLayout) error {
	orient := "portrait"
	if pl.landscape {
		orient = "landscape"
	}
	a4, order := 9, "overThenDown"
	layout := &excelize.PageLayoutOptions{Size: &a4, Orientation: &orient, PageOrder: &order}
	if pl.pagesWide > 0 {
		wide, tall := pl.pagesWide, 0
		if pl.fitHeight {
			tall = 1
		}
		layout.FitToWidth, layout.FitToHeight = &wide, &tall
	}
	if err := f.SetPageLayout(sheet, layout); err != nil {
		return err
	}
	side, top, edge := sideMargin, topMargin, 0.3
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &top, Bottom: &top, Header: &edge, Footer: &edge}); err != nil {
		return err
	}
	fit := pl.pagesWide > 0
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddHeader: "&L&A", OddFooter: "&R&P / &N"}); err != nil {
		return err
	}
	quoted := "'" + strings.ReplaceAll(sheet, "'", "''") + "'!"
	var titles []string
	if pl.titleCols > 0 {
		titles = append(titles, fmt.Sprintf("%s$A:$%s", quoted, ColName(pl.titleCols-1)))
	}
	if pl.titleRows > 0 {
		titles = append(titles, fmt.Sprintf("%s$1:$%d", quoted, pl.titleRows))
	}
	if len(titles) == 0 {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: strings.Join(titles, ","),
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

// levelScale puts a three-colour scale (1 red, 3 yellow, 5 green) on the
// level cells in rangeRef of sheet. The numbers stay in the cells: colour
// only repeats them.
func levelScale(f *excelize.File, sheet, rangeRef string) error {
	return f.SetConditionalFormat(sheet, rangeRef, []excelize.ConditionalFormatOptions{{
		Type:     "3_color_scale",
		Criteria: "=",
		MinType:  "num", MinValue: "1", MinColor: "#" + levelLow,
		MidType: "num", MidValue: "3", MidColor: "#" + levelMid,
		MaxType: "num", MaxValue: "5", MaxColor: "#" + levelHigh,
	}})
}
