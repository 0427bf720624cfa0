package report

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/laatu-fi/laatu/internal/xlsxrow"
	"github.com/laatu-fi/laatu/msg"
	"github.com/xuri/excelize/v2"
)

// FontFamily is the one font of every laatu workbook, named in every style
// (a style that names no font makes LibreOffice fall back to a serif font
// for it). LibreOffice draws it with the metric-compatible Carlito when that
// is installed, otherwise with its sans fallback.
const FontFamily = "Calibri"

// fontSize is the workbook's font size in points.
const fontSize = 11.0

// minPrintSize is the smallest font size a printed sheet may have: a sheet
// that would print smaller when fitted to the page's width runs on to
// further pages instead.
const minPrintSize = 8.0

// Workbook builds an XLSX file the way every laatu spreadsheet looks: a
// bold, frozen header row with an AutoFilter, one sans font, text that
// wraps in rows tall enough to show it, text that a spreadsheet could take
// for a formula marked as text (SafeCell), numbers as numbers and dates as
// dates, and pages that print on A4, fitted to the paper's width when the
// text stays readable, with the header row repeated on each page.
type Workbook struct {
	File   *excelize.File
	lang   string
	sheets int
	style  struct{ header, headerQuoted, text, textQuoted, date, int, signed int }
	floats map[int]int
}

// NewWorkbook starts an empty workbook whose dates and decimals follow lang.
func NewWorkbook(lang string) (*Workbook, error) {
	wb := &Workbook{File: excelize.NewFile(), lang: lang, floats: map[int]int{}}
	f := wb.File
	if err := f.SetDefaultFont(FontFamily); err != nil {
		return nil, err
	}
	var err error
	add := func(dst *int, st *excelize.Style) {
		if err == nil {
			st.Font = sansFont(st.Font)
			*dst, err = f.NewStyle(st)
		}
	}
	top := func(wrap bool) *excelize.Alignment { return &excelize.Alignment{Vertical: "top", WrapText: wrap} }
	border := []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}}
	add(&wb.style.header, &excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7ECF2"}},
		Border:    border,
		Alignment: top(true),
	})
	add(&wb.style.text, &excelize.Style{Alignment: top(true)})
	dateFmt := msg.LocaleOf(lang).ExcelDate
	add(&wb.style.date, &excelize.Style{CustomNumFmt: &dateFmt, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}})
	// Whole numbers (ranks, criterion numbers, levels) are centred, so
	// that they do not run into the text of the next column.
	centre := &excelize.Alignment{Vertical: "top", Horizontal: "center"}
	add(&wb.style.int, &excelize.Style{NumFmt: 1, Alignment: centre})
	// A change keeps its sign, as in the text report (+3, −2 with a real
	// minus sign, 0), and stays a number.
	signed := `+0;"−"0;0`
	add(&wb.style.signed, &excelize.Style{CustomNumFmt: &signed, Alignment: centre})
	if err != nil {
		return nil, err
	}
	if wb.style.headerQuoted, err = wb.quoted(wb.style.header); err != nil {
		return nil, err
	}
	if wb.style.textQuoted, err = wb.quoted(wb.style.text); err != nil {
		return nil, err
	}
	return wb, nil
}

// sansFont names the workbook's font in f (nil: the plain font).
func sansFont(f *excelize.Font) *excelize.Font {
	if f == nil {
		f = &excelize.Font{}
	}
	f.Family = FontFamily
	if f.Size == 0 {
		f.Size = fontSize
	}
	return f
}

// quoted adds a copy of the cell style id that marks the cell's text as
// text (the style's quotePrefix, what Excel sets when a user types
// '=A1): the cell shows "=A1" as written, without an apostrophe, and
// stays text when edited. excelize has no option for it, so the copy is
// added to the style sheet by hand; being added after the original, it is
// never what NewStyle returns for an equal style.
func (wb *Workbook) quoted(id int) (int, error) { return quotedStyle(wb.File, id) }

// quotedStyle adds to f the copy of style id that marks text as text
// (Workbook.quoted).
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

func (wb *Workbook) floatStyle(decimals int, signed bool) (int, error) {
	// Signed styles are kept under negative keys: -1 for no decimals.
	key := decimals
	if signed {
		key = -1 - decimals
	}
	if id, ok := wb.floats[key]; ok {
		return id, nil
	}
	format := "0"
	if decimals > 0 {
		format += "." + strings.Repeat("0", decimals)
	}
	if signed {
		// A change with its sign, as the other formats write it: +14,1,
		// −2,5 (a real minus sign), 0,0.
		format = "+" + format + `;"−"` + format + ";" + format
	}
	id, err := wb.File.NewStyle(&excelize.Style{Font: sansFont(nil), CustomNumFmt: &format, Alignment: &excelize.Alignment{Vertical: "top"}})
	wb.floats[key] = id
	return id, err
}

// SheetOptions lay out one sheet.
type SheetOptions struct {
	// FreezeCols keeps the first columns in view when scrolling right, and
	// repeats them on every page when the sheet prints more than one page
	// wide.
	FreezeCols int
	// Widths are column widths in characters, from the first column; a
	// column without one gets the default. A column is widened so that its
	// heading's longest word fits on a line.
	Widths []float64
	// Wrap is not needed any more: every text cell wraps, in a row tall
	// enough to show it. It is kept for callers that still set it.
	Wrap []int
	// HeaderHeight is the header row's least height in points (0: as
	// high as the wrapped headings need).
	HeaderHeight float64
	// Portrait prints the sheet upright instead of landscape.
	Portrait bool
	// LevelRanges get the level colour scale (see LevelScale).
	LevelRanges []string
}

// defaultWidth is the width of a column SheetOptions.Widths leaves out.
const defaultWidth = 9.0

// maxHeadingWidth caps the widening of a column for its heading's longest
// word (a file path has no spaces).
const maxHeadingWidth = 40.0

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

// columnWidths are the widths of t's columns: the asked ones (or the
// default), widened so that no heading breaks inside a word.
func columnWidths(header []string, asked []float64) []float64 {
	widths := make([]float64, max(len(header), len(asked)))
	for c := range widths {
		w := defaultWidth
		if c < len(asked) && asked[c] > 0 {
			w = asked[c]
		}
		if c < len(header) {
			w = math.Max(w, math.Min(xlsxrow.WordWidth(CleanText(header[c]), fontSize, true), maxHeadingWidth))
		}
		widths[c] = w
	}
	return widths
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

// AddTable writes t on a new sheet named after t.Name and returns the
// sheet's name. The rows are streamed into the sheet (excelize's
// StreamWriter), so a table of a hundred thousand cells does not hold an
// object per cell; everything else about the sheet (print set-up, colour
// scales, AutoFilter) is set before the rows are written. Each row is given
// the height its longest wrapped text needs (xlsxrow): neither Excel nor
// LibreOffice fits a streamed row to its text.
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
	// A filter on every table of several rows and columns (not on the
	// two-column sheets that explain the workbook). It comes first:
	// excelize's AutoFilter replaces the sheet's properties, the page
	// fitting among them.
	if len(t.Rows) > 1 && len(t.Header) > 2 {
		if err := f.AutoFilter(sheet, "A1:"+CellName(len(t.Header)-1, len(t.Rows)+1), nil); err != nil {
			return "", err
		}
	}
	widths := fewerWidths(columnWidths(t.Header, opt.Widths), opt.FreezeCols)
	if err := wb.tableLayout(sheet, widths, opt); err != nil {
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
	for _, r := range widthRuns(widths) {
		if err := sw.SetColWidth(r.from+1, r.to+1, r.width); err != nil {
			return "", err
		}
	}
	if err := sw.SetPanes(freezePanes(opt.FreezeCols, 1)); err != nil {
		return "", err
	}
	// A heading followed only by empty ones (the title of a sheet that
	// explains the workbook) spans their columns.
	span := 1
	for span < len(t.Header) && t.Header[span] == "" && t.Header[0] != "" {
		span++
	}
	if span < len(t.Header) {
		span = 1
	}
	values := make([]any, 0, len(t.Header))
	lines := 1
	for c, h := range t.Header {
		v := wb.textValue(h, wb.style.header, wb.style.headerQuoted)
		w := widths[c]
		if c == 0 {
			for _, more := range widths[1:span] {
				w += more
			}
		}
		lines = max(lines, xlsxrow.Lines(v.Value.(string), w, fontSize, true))
		values = append(values, v)
	}
	height := math.Max(opt.HeaderHeight, xlsxrow.Height(lines, fontSize))
	if err := sw.SetRow("A1", values, excelize.RowOpts{Height: height}); err != nil {
		return "", err
	}
	if span > 1 {
		if err := sw.MergeCell("A1", CellName(span-1, 1)); err != nil {
			return "", err
		}
	}
	for r, row := range t.Rows {
		values = values[:0]
		lines := 1
		for c, cell := range row {
			v, err := wb.cellValue(cell)
			if err != nil {
				return "", err
			}
			if cell.Kind == TextCell && c < len(widths) {
				lines = max(lines, xlsxrow.Lines(v.Value.(string), widths[c], fontSize, false))
			}
			values = append(values, v)
		}
		// The row's style is the plain text style: excelize looks a cell's
		// default style up in the column widths (a scan per cell) unless
		// the row has one, which made wide tables quadratic to write.
		if err := sw.SetRow(CellName(0, r+2), values, excelize.RowOpts{StyleID: wb.style.text, Height: xlsxrow.Height(lines, fontSize)}); err != nil {
			return "", err
		}
	}
	return sheet, sw.Flush()
}

// textValue is a text cell: cleaned of control characters, and, when a
// spreadsheet could take it for a formula (SafeCell would neutralise it),
// in the quoted style, which keeps it text without showing an apostrophe.
// The cell is a string cell either way, which no program evaluates.
func (wb *Workbook) textValue(s string, plain, quoted int) excelize.Cell {
	s = CleanText(s)
	if SafeCell(s) != s {
		return excelize.Cell{StyleID: quoted, Value: s}
	}
	return excelize.Cell{StyleID: plain, Value: s}
}

// cellValue is what the stream writer writes for c: text marked as text,
// numbers and dates with their formats.
func (wb *Workbook) cellValue(c Cell) (excelize.Cell, error) {
	switch c.Kind {
	case TextCell:
		return wb.textValue(c.Text, wb.style.text, wb.style.textQuoted), nil
	case IntCell:
		style := wb.style.int
		if c.Signed {
			style = wb.style.signed
		}
		return excelize.Cell{StyleID: style, Value: int64(c.Num)}, nil
	case FloatCell:
		style, err := wb.floatStyle(c.Decimals, c.Signed)
		return excelize.Cell{StyleID: style, Value: c.Num}, err
	case DateCell:
		return excelize.Cell{StyleID: wb.style.date, Value: c.Date}, nil
	}
	return excelize.Cell{}, nil
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

// tableLayout decides how a table of these column widths prints: fitted to
// one page wide when the fitted text stays at least minPrintSize, otherwise
// fitted to as many pages across as keep it at least minPrintSize, with the
// frozen columns and the header row repeated on each page.
func (wb *Workbook) tableLayout(sheet string, widths []float64, opt SheetOptions) error {
	total, titles := 0.0, 0.0
	for c, w := range widths {
		total += colPoints(w)
		if c < opt.FreezeCols {
			titles += colPoints(w)
		}
	}
	pl := pageLayout{landscape: !opt.Portrait, titleRows: 1, pagesWide: 1}
	// The room at the smallest scale, less 4 % for programs that round
	// their scale down.
	room := printableWidth(pl.landscape) * fontSize / minPrintSize * 0.96
	if total > room {
		if titles > room/2 {
			titles = 0
		} else {
			pl.titleCols = opt.FreezeCols
		}
		pl.pagesWide = int(math.Ceil((total - titles) / (room - titles)))
	}
	return wb.pageSetup(sheet, pl)
}

// PrintSetup makes a sheet printable: landscape (or portrait) on A4,
// fitted to one page wide, the first headerRows repeated on every page, the
// sheet name in the page header and page numbers in the footer.
func (wb *Workbook) PrintSetup(sheet string, headerRows int, landscape bool) error {
	return wb.pageSetup(sheet, pageLayout{landscape: landscape, pagesWide: 1, titleRows: headerRows})
}

func (wb *Workbook) pageSetup(sheet string, pl pageLayout) error {
	f := wb.File
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
