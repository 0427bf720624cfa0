package report

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/laatu-fi/laatu/internal/xlsxrow"
	"github.com/laatu-fi/laatu/msg"
	"github.com/xuri/excelize/v2"
)

// WriteDocXLSX writes d as a workbook: each section that names a sheet
// starts one, the others follow on the sheet before. On a sheet, headings
// are bold rows, key figures label–value rows, tables a styled header row
// and typed cells (numbers as numbers, levels coloured, text neutralised
// against formulas by SafeCell), and each chart a native Excel chart with
// its values written beside it as the text alternative. A table with a
// column per service (WideTable, DocMatrix) is its sheet's table, under
// the heading, with the header and the columns that name its rows frozen
// and repeated on every printed page, an AutoFilter, and the levels on the
// colour scale (doc_xlsx_wide.go). Every row of wrapped text gets the
// height its lines need, the font is a sans-serif one throughout, and each
// sheet prints on A4, landscape, fitted to the page's width (a wide table
// to as many pages across as keep its text at least 8 points), with table
// headers repeated.
func WriteDocXLSX(w io.Writer, d *Document) error {
	x, err := newDocXLSX(d.Lang)
	if err != nil {
		return err
	}
	defer x.f.Close()
	if err := x.document(d); err != nil {
		return err
	}
	return x.save(w)
}

// document writes d's sections into the workbook.
func (x *docXLSX) document(d *Document) error {
	for _, s := range d.Sections {
		if s.Sheet != "" || x.sheet == "" {
			if err := x.newSheet(s.Sheet, d, s); err != nil {
				return err
			}
		}
		if err := x.section(s); err != nil {
			return err
		}
	}
	if err := x.finishSheet(); err != nil {
		return err
	}
	x.f.SetActiveSheet(0)
	return nil
}

// save writes the workbook to w, its sheets' merged ranges written into
// their parts (mergeZip).
func (x *docXLSX) save(w io.Writer) error {
	parts := mergeParts(x.f, x.merged)
	x.f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return newMergeZip(w, parts) })
	_, err := x.f.WriteTo(w)
	return err
}

// calibriDigit is the width in pixels of a digit of 11-point Calibri
// (and Carlito), the unit of a column's width.
const calibriDigit = 7.0

// docFont is the workbooks' one font (xlsxout.go): Calibri, which Excel
// has, and LibreOffice draws as the metric-compatible Carlito.
const docFont = FontFamily

type docXLSX struct {
	f     *excelize.File
	l     string
	sheet string
	names map[string]bool
	row   int
	// cols is how many columns the sheet's tables take; spanCols how
	// many the sheet's text spans (fewer on a sheet of a wide table, whose
	// text stays on the first page across); widths the columns' widths in
	// characters.
	cols, spanCols int
	widths         []float64
	// wide is the sheet's wide table or matrix (nil: none), layout its
	// print layout.
	wide   *wideLayout
	layout *pageLayout
	// scale writes levels plainly, for the colour scale over them;
	// measured counts a table's lines as its widths were measured
	// (xlsxrow), for a wide table.
	scale, measured bool
	// auto is set when the sheet's widths were measured from its tables'
	// text (none set any): a text wider than its column wraps.
	auto bool
	// breaks counts the sheet's page breaks: Excel keeps at most 1,026.
	breaks int
	charts int
	// merges are the sheet's merged ranges, and merged each finished
	// sheet's, by name: they are written into the sheets' parts as the
	// workbook is saved (doc_xlsx_merge.go), never given to excelize,
	// which looks through every merged range of a sheet for each value it
	// sets and checks each against every other on saving: its time grew
	// with the square of a sheet's headings and paragraphs.
	merges [][2]string
	merged map[string][][2]string
	// off is the column a chart's table of values starts in: past a
	// first column too narrow for its labels (a rank).
	off int
	// quotes are the styles' copies that mark a cell as text (quoted).
	quotes map[int]int
	st     struct {
		title, heading, sub, label, value, header, text, wrap, note, bold, right, centre, strong int
		num, change                                                                              map[int]int
		// date is the style of a date cell, 0 until one is written.
		date  int
		level [6]int
	}
	// y is how far down the printed page the next row starts, in
	// points, so that a heading, a chart or a list entry that would not
	// fit starts a new page rather than breaking.
	y float64
	// titles are the header rows of the sheet's tables, repeated on paper
	// when the sheet has one table.
	titles []int
}

func newDocXLSX(lang string) (*docXLSX, error) {
	x := &docXLSX{f: excelize.NewFile(), l: lang, names: map[string]bool{}, quotes: map[int]int{}, merged: map[string][][2]string{}}
	x.st.num, x.st.change = map[int]int{}, map[int]int{}
	f := x.f
	font := func(size float64, bold bool, color string) *excelize.Font {
		return &excelize.Font{Family: docFont, Size: size, Bold: bold, Color: color}
	}
	top := &excelize.Alignment{Vertical: "top"}
	wrap := &excelize.Alignment{Vertical: "top", WrapText: true}
	styles := []struct {
		id *int
		s  excelize.Style
	}{
		{&x.st.title, excelize.Style{Font: font(16, true, "1B1F24"), Alignment: wrap}},
		{&x.st.heading, excelize.Style{Font: font(13, true, "1B1F24"), Alignment: wrap, Border: []excelize.Border{{Type: "bottom", Color: "2F6F9F", Style: 2}}}},
		{&x.st.sub, excelize.Style{Font: font(11, true, "1B1F24"), Alignment: wrap}},
		{&x.st.label, excelize.Style{Font: font(10, false, "444C56"), Alignment: top}},
		{&x.st.value, excelize.Style{Font: font(11, true, "1B1F24"), Alignment: wrap}},
		{&x.st.header, excelize.Style{Font: font(10, true, "1B1F24"), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7ECF2"}},
			Border: []excelize.Border{{Type: "bottom", Color: "808080", Style: 1}}, Alignment: wrap}},
		{&x.st.text, excelize.Style{Font: font(10, false, "1B1F24"), Alignment: top}},
		{&x.st.wrap, excelize.Style{Font: font(10, false, "1B1F24"), Alignment: wrap}},
		{&x.st.right, excelize.Style{Font: font(10, false, "1B1F24"), Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "right"}}},
		{&x.st.note, excelize.Style{Font: font(10, false, "1B1F24"), Alignment: wrap, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF8E1"}}}},
		{&x.st.centre, excelize.Style{Font: font(10, false, "1B1F24"), Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"}}},
		{&x.st.strong, excelize.Style{Font: font(10, true, "1B1F24"), Alignment: wrap}},
		{&x.st.bold, excelize.Style{Font: font(10, true, "1B1F24"), Alignment: top, Border: []excelize.Border{{Type: "top", Color: "1B1F24", Style: 1}}}},
	}
	for _, s := range styles {
		id, err := f.NewStyle(&s.s)
		if err != nil {
			return nil, err
		}
		*s.id = id
	}
	var err error
	colors := []string{"", "F8B4B5", "FBD0B0", "FFF1B8", "CFE8C0", "A9D8B8"}
	for lv := 0; lv <= 5; lv++ {
		s := excelize.Style{Font: font(10, true, "1B1F24"), Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"}}
		if lv > 0 {
			s.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colors[lv]}}
		}
		if x.st.level[lv], err = f.NewStyle(&s); err != nil {
			return nil, err
		}
	}
	return x, nil
}

// changeStyle is the style of a change with decimals: its sign kept, as
// the other formats write it (+14,1, −2 with a real minus sign, 0), and
// still a number.
func (x *docXLSX) changeStyle(decimals int) (int, error) {
	if id, ok := x.st.change[decimals]; ok {
		return id, nil
	}
	n := numFormat(decimals)
	format := "+" + n + `;"−"` + n + ";" + n
	id, err := x.f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: docFont, Size: 10, Color: "1B1F24"}, Alignment: &excelize.Alignment{Vertical: "top"}, CustomNumFmt: &format})
	x.st.change[decimals] = id
	return id, err
}

// dateStyle is a date cell's style: the day in the reader's format
// (24.11.2026), left as the texts around it.
func (x *docXLSX) dateStyle() (int, error) {
	if x.st.date != 0 {
		return x.st.date, nil
	}
	format := msg.LocaleOf(x.l).ExcelDate
	id, err := x.f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: docFont, Size: 10}, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"}, CustomNumFmt: &format})
	x.st.date = id
	return id, err
}

func (x *docXLSX) numStyle(decimals int) (int, error) {
	if id, ok := x.st.num[decimals]; ok {
		return id, nil
	}
	format := "0"
	if decimals > 0 {
		format += "." + strings.Repeat("0", decimals)
	}
	id, err := x.f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: docFont, Size: 10}, Alignment: &excelize.Alignment{Vertical: "top"}, CustomNumFmt: &format})
	x.st.num[decimals] = id
	return id, err
}

// newSheet starts the sheet name (made unique and valid), with the widths
// of the widest table on it.
func (x *docXLSX) newSheet(name string, d *Document, first Section) error {
	if err := x.finishSheet(); err != nil {
		return err
	}
	if name == "" {
		name = d.Title
	}
	name = SheetName(name)
	for i := 2; x.names[strings.ToLower(name)]; i++ {
		name = SheetName(fmt.Sprintf("%s %d", strings.TrimRight(string([]rune(name)[:min(len([]rune(name)), 27)]), " "), i))
	}
	x.names[strings.ToLower(name)] = true
	if x.sheet == "" {
		if err := x.f.SetSheetName(x.f.GetSheetName(0), name); err != nil {
			return err
		}
	} else if _, err := x.f.NewSheet(name); err != nil {
		return err
	}
	x.sheet, x.row, x.titles, x.y, x.breaks = name, 1, nil, 0, 0
	x.wide, x.layout = nil, nil
	// The columns: the widest of the sheet's tables, column by column.
	x.widths = nil
	var auto []float64
	on := false
	for _, s := range d.Sections {
		if s.Sheet == name || s.Sheet == first.Sheet && s.Heading == first.Heading {
			on = true
		} else if s.Sheet != "" {
			on = false
		}
		if !on {
			continue
		}
		for _, b := range s.Blocks {
			switch t := b.(type) {
			case *DocEntries:
				b = t.Table
			case *DocColumnChart:
				b = t.table()
			case *DocScatterChart:
				b = t.table()
			}
			widths := []float64(nil)
			if w, ok := wideOf(b, x.l); ok {
				if x.wide == nil {
					x.wide = w
				}
				widths = w.t.Widths
			} else if t, ok := b.(*DocTable); ok {
				widths = headerWordWidths(t)
				if widths == nil {
					// A table that sets no widths is measured, as a wide
					// table is (its long text wraps).
					w := &wideLayout{t: &DocTable{Header: t.Header, Rows: t.Rows, Bold: t.Bold}}
					w.size(x.l)
					auto = maxWidths(auto, w.t.Widths)
				}
			}
			x.widths = maxWidths(x.widths, widths)
		}
	}
	x.auto = false
	if len(x.widths) == 0 {
		x.widths, x.auto = auto, len(auto) > 0
	}
	if len(x.widths) == 0 {
		x.widths = []float64{30, 50}
	}
	keep := 1
	if x.wide != nil {
		keep = x.wide.names
	}
	x.widths = fewerWidths(x.widths, keep)
	x.cols = len(x.widths)
	x.spanCols = x.cols
	if x.wide != nil {
		// The text runs over the columns of about one printed page.
		x.spanCols = 1
		for w := x.widths[0]; x.spanCols < x.cols && w+x.widths[x.spanCols] <= wideTextWidth; x.spanCols++ {
			w += x.widths[x.spanCols]
		}
	}
	for _, r := range widthRuns(x.widths) {
		if err := x.f.SetColWidth(name, ColName(r.from), ColName(r.to), r.width); err != nil {
			return err
		}
	}
	return nil
}

// maxWidths is the wider of a and b, column by column.
// headerWordWidths are the widths a table sets (nil: none), each at least
// what the longest word of its heading takes in the bold 10-point header
// style: a heading breaks between words, never in one (a Swedish
// "Placering" in a column set for the Finnish "Sija").
func headerWordWidths(t *DocTable) []float64 {
	if t.Widths == nil {
		return nil
	}
	out := slices.Clone(t.Widths)
	for c, h := range t.Header {
		if c < len(out) {
			out[c] = math.Max(out[c], xlsxrow.WordWidth(h, 10, true))
		}
	}
	return out
}

func maxWidths(a, b []float64) []float64 {
	for c, wd := range b {
		if c >= len(a) {
			a = append(a, wd)
		}
		a[c] = math.Max(a[c], wd)
	}
	return a
}

// merge merges the cells from a to b, on one row, of which a holds the
// text and the others are empty: the ranges merged never overlap, as
// mergeZip needs.
func (x *docXLSX) merge(a, b string) { x.merges = append(x.merges, [2]string{a, b}) }

// finishSheet keeps the sheet's merged ranges and sets its print layout.
func (x *docXLSX) finishSheet() error {
	if x.sheet == "" {
		return nil
	}
	f, sheet := x.f, x.sheet
	if len(x.merges) > 0 {
		x.merged[sheet] = x.merges
		x.merges = nil
	}
	if x.layout != nil {
		return pageSetup(f, sheet, *x.layout)
	}
	// Fitted to one page wide, or to as many as keep the text at least
	// minPrintSize (a table of many columns), the first column repeated
	// on each. The columns are measured in Calibri's digits (Carlito's,
	// in LibreOffice): the font every style names.
	pl := pageLayout{pagesWide: 1, titleCols: 1}
	total, room := 0.0, printableWidth(true)*10/minPrintSize*0.96
	for _, w := range x.widths {
		total += (w*calibriDigit + 5) * 0.75
	}
	if total > room {
		pl.pagesWide = int(math.Ceil(total / room))
	}
	orient, a4, tall, order := "landscape", 9, 0, "overThenDown"
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &orient, FitToWidth: &pl.pagesWide, FitToHeight: &tall, PageOrder: &order}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddHeader: "&L&A", OddFooter: "&R&P / &N"}); err != nil {
		return err
	}
	quoted := "'" + strings.ReplaceAll(sheet, "'", "''") + "'!"
	var titles []string
	if pl.pagesWide > 1 && pl.titleCols > 0 {
		titles = append(titles, quoted+"$A:$A")
	}
	if len(x.titles) == 1 {
		titles = append(titles, fmt.Sprintf("%s$%d:$%d", quoted, x.titles[0], x.titles[0]))
	}
	if len(titles) > 0 {
		return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: strings.Join(titles, ","), Scope: sheet})
	}
	return nil
}

// spanWidth is the characters of the columns text spans from column from.
func (x *docXLSX) spanWidth(from int) float64 {
	w := 0.0
	for _, wd := range x.widths[min(from, len(x.widths)):max(x.spanCols, min(from+1, len(x.widths)))] {
		w += wd
	}
	return w
}

// lines estimates how many lines text takes in width characters.
func docLines(text string, width float64) int {
	if width < 1 {
		width = 1
	}
	// Lines break between words, as the spreadsheet breaks them: a
	// line holds about width/1.1 letters, a longer word runs on.
	room := width / 1.1
	n := 0
	for _, para := range strings.Split(text, "\n") {
		lines, used := 1, 0.0
		for _, word := range strings.Fields(para) {
			wl := float64(len([]rune(word)))
			switch {
			case used == 0:
				used = wl
			case used+1+wl <= room:
				used += 1 + wl
			default:
				lines++
				used = wl
			}
			for used > room {
				lines++
				used -= room
			}
		}
		n += lines
	}
	return n
}

func rowHeightFor(lines int, size float64) float64 {
	return math.Min(math.Max(15, float64(lines)*size*1.35+4), 409)
}

// span writes text into columns from..last, merged, wrapped, with the
// height it needs.
func (x *docXLSX) span(from int, text string, style int, size float64) error {
	f, s := x.f, x.sheet
	a, b := CellName(from, x.row), CellName(max(x.spanCols-1, from), x.row)
	style, err := x.setText(a, text, style)
	if err != nil {
		return err
	}
	if a != b {
		x.merge(a, b)
	}
	if err := f.SetCellStyle(s, a, b, style); err != nil {
		return err
	}
	// docLines already gives every letter a tenth more room than a digit,
	// which is what a bold letter takes (every style here but the
	// paragraphs' is bold): taking a tenth off the width for bold as well
	// made a value that fits on one line take two (the key figures).
	return x.height(rowHeightFor(docLines(text, x.spanWidth(from)*11/size), size))
}

// setText writes text into cell as it is, and returns style, or its copy
// that marks the cell as text when the text starts like a formula
// (SafeCell): the cell shows what was written, with no apostrophe, and is
// never run.
func (x *docXLSX) setText(cell, text string, style int) (int, error) {
	clean := CleanText(text)
	// The style first: a cell without one makes excelize look for a
	// column's style among every column set (one per column of a sheet
	// with a column per service), which made the matrix quadratic.
	if err := x.f.SetCellStyle(x.sheet, cell, cell, style); err != nil {
		return 0, err
	}
	if err := x.f.SetCellStr(x.sheet, cell, clean); err != nil {
		return 0, err
	}
	if SafeCell(text) == clean {
		return style, nil
	}
	return x.quoted(style)
}

// quoted is style's copy that marks a cell as text (quotedStyle).
func (x *docXLSX) quoted(style int) (int, error) {
	if id, ok := x.quotes[style]; ok {
		return id, nil
	}
	id, err := quotedStyle(x.f, style)
	x.quotes[style] = id
	return id, err
}

// height sets the current row's height and moves to the next row.
func (x *docXLSX) height(h float64) error {
	if err := x.f.SetRowHeight(x.sheet, x.row, h); err != nil {
		return err
	}
	x.row++
	x.y += h
	return nil
}

// blank leaves an empty row.
func (x *docXLSX) blank() {
	x.row++
	x.y += 15
}

// docPageHeight is the printable height of a landscape A4 page in points,
// less the margins, the page header and footer.
const docPageHeight = 440

// keep starts a new page unless need points fit on this one.
func (x *docXLSX) keep(need float64) error {
	if x.y == 0 || x.y+need <= docPageHeight {
		return nil
	}
	return x.pageBreak()
}

// pageBreak starts a new page at the current row, up to the most page
// breaks Excel keeps on a sheet (after which the pages break where they
// fall).
func (x *docXLSX) pageBreak() error {
	x.y = 0
	if x.breaks >= maxPageBreaks {
		return nil
	}
	x.breaks++
	return x.f.InsertPageBreak(x.sheet, CellName(0, x.row))
}

// maxPageBreaks is how many manual page breaks Excel keeps on a sheet.
const maxPageBreaks = 1026

func (x *docXLSX) section(s Section) error {
	style, size := x.st.heading, 13.0
	switch s.Level {
	case 1:
		style, size = x.st.title, 16
	case 3:
		style, size = x.st.sub, 11
	}
	if x.row > 1 {
		x.blank()
	}
	need := 120.0
	if len(s.Blocks) > 0 {
		need = 30 + blockNeed(s.Blocks[0])
	}
	if err := x.keep(need); err != nil {
		return err
	}
	if err := x.span(0, s.Heading, style, size); err != nil {
		return err
	}
	for _, b := range s.Blocks {
		if err := x.block(uncaptioned(b, s.Heading)); err != nil {
			return err
		}
	}
	return nil
}

func (x *docXLSX) block(b Block) error {
	f, s, l := x.f, x.sheet, x.l
	switch b := b.(type) {
	case *SubHeading:
		x.blank()
		return x.span(0, b.Text, x.st.sub, 11)
	case *Para:
		style := x.st.wrap
		if b.Note {
			style = x.st.note
		}
		return x.span(0, b.Text, style, 10)
	case *KeyFigures:
		// The label takes as many columns as it needs to be read (a
		// first column can be as narrow as a rank's).
		n := 1
		for w := x.colWidth(0); w < 18 && n < x.spanCols-1; n++ {
			w += x.colWidth(n)
		}
		for _, k := range b.Items {
			a, z := CellName(0, x.row), CellName(n-1, x.row)
			if err := f.SetCellStr(s, a, SafeCell(k.Label)); err != nil {
				return err
			}
			if a != z {
				x.merge(a, z)
			}
			if err := f.SetCellStyle(s, a, z, x.st.label); err != nil {
				return err
			}
			if err := x.span(n, k.Value.String(l), x.st.value, 11); err != nil {
				return err
			}
		}
		x.blank()
		return nil
	case *WideTable, *DocMatrix:
		w := x.wide
		if w == nil || w.block != b {
			w, _ = wideOf(b, l)
		}
		return x.wideTable(w)
	case *DocBullets:
		return x.bullets(b)
	case *DocColumnChart:
		return x.columnChart(b)
	case *DocScatterChart:
		return x.scatterChart(b)
	case *DocTable:
		return x.table(b)
	case *DocEntries:
		return x.table(b.Table)
	case *DocBarChart:
		return x.barChart(b)
	case *DocLineChart:
		return x.lineChart(b)
	case *DocList:
		for _, it := range b.Items {
			title := it.Title
			if it.Level > 0 {
				title += " (" + msg.T(l, "doc.level", it.Level) + ")"
			}
			if err := x.keep(20 + 30*float64(len(it.Detail))); err != nil {
				return err
			}
			if err := x.span(0, title, x.st.sub, 11); err != nil {
				return err
			}
			for _, dt := range it.Detail {
				text := dt.Text
				if dt.Label != "" {
					text = dt.Label + ": " + text
				}
				if err := x.span(0, text, x.st.wrap, 10); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return nil
}

func (x *docXLSX) table(t *DocTable) error {
	f, s := x.f, x.sheet
	if err := x.keep(100); err != nil {
		return err
	}
	if t.Caption != "" {
		if err := x.span(0, t.Caption, x.st.sub, 11); err != nil {
			return err
		}
	}
	x.titles = append(x.titles, x.row)
	lines := 1
	for c, h := range t.Header {
		cell := CellName(x.off+c, x.row)
		style, err := x.setText(cell, h, x.st.header)
		if err != nil {
			return err
		}
		if err := f.SetCellStyle(s, cell, cell, style); err != nil {
			return err
		}
		lines = max(lines, docLines(h, x.colWidth(x.off+c)))
	}
	if err := x.height(rowHeightFor(lines, 10)); err != nil {
		return err
	}
	// Which columns are aligned right, found once: each is a look at
	// every row.
	right := make([]bool, len(t.Header))
	for c := range right {
		right[c] = t.right(c)
	}
	for r, row := range t.Rows {
		lines := 1
		for c, v := range row {
			cell := CellName(x.off+c, x.row)
			style := x.st.text
			if t.wraps(c) || x.auto && t.Widths == nil && v.Kind == TextValue && xlsxrow.LineWidth(v.Text, 10, false) > x.colWidth(x.off+c) {
				style = x.st.wrap
				if x.measured {
					lines = max(lines, xlsxrow.Lines(v.String(x.l), x.colWidth(x.off+c), 10, t.bold(r)))
				} else {
					lines = max(lines, docLines(v.String(x.l), x.colWidth(x.off+c)))
				}
			}
			// The style first, as setText does.
			if err := f.SetCellStyle(s, cell, cell, style); err != nil {
				return err
			}
			var err error
			quote := false
			switch v.Kind {
			case TextValue:
				quote = SafeCell(v.Text) != CleanText(v.Text)
				err = f.SetCellStr(s, cell, CleanText(v.Text))
				if !t.wraps(c) && c < len(right) && right[c] {
					style = x.st.right
				}
			case NumberValue:
				err = f.SetCellFloat(s, cell, v.Num, v.Decimals, 64)
				if err == nil {
					style, err = x.numStyle(v.Decimals)
				}
			case ChangeValue:
				err = f.SetCellFloat(s, cell, v.Num, v.Decimals, 64)
				if err == nil {
					style, err = x.changeStyle(v.Decimals)
				}
			case DateValue:
				if t.bold(r) { // the bold style has no date format
					err = f.SetCellStr(s, cell, CleanText(v.Text))
					break
				}
				if err = f.SetCellValue(s, cell, v.Date); err == nil {
					style, err = x.dateStyle()
				}
			case LevelValue:
				err = f.SetCellInt(s, cell, int64(v.Num))
				style = x.st.level[min(max(int(v.Num), 0), 5)]
				if x.scale {
					style = x.st.centre
				}
			default:
				err = f.SetCellStr(s, cell, "–")
			}
			if err != nil {
				return err
			}
			if t.bold(r) {
				style = x.st.bold
			}
			if quote {
				if style, err = x.quoted(style); err != nil {
					return err
				}
			}
			if err := f.SetCellStyle(s, cell, cell, style); err != nil {
				return err
			}
		}
		if err := x.height(rowHeightFor(lines, 10)); err != nil {
			return err
		}
	}
	if len(t.Rows) > 10 || x.wide != nil && t == x.wide.t {
		if err := f.AutoFilter(s, CellName(x.off, x.titles[len(x.titles)-1])+":"+CellName(x.off+len(t.Header)-1, x.row-1), nil); err != nil {
			return err
		}
	}
	x.blank()
	return nil
}

func (x *docXLSX) colWidth(c int) float64 {
	if c < len(x.widths) {
		return x.widths[c]
	}
	return 9
}

// chartFont is black on white, large enough to print.
var chartFont = excelize.Font{Family: docFont, Size: 10, Color: "000000"}

// values writes a chart's values as a small table (its text alternative
// and the range the chart reads) and returns the first and last data row.
func (x *docXLSX) values(header []string, rows [][]Value) (int, int, error) {
	t := &DocTable{Header: header, Rows: rows, RowHeader: 0}
	start := x.row + 1
	if err := x.table(t); err != nil {
		return 0, 0, err
	}
	x.titles = x.titles[:len(x.titles)-1] // not a table to repeat on paper
	return start, start + len(rows) - 1, nil
}

func (x *docXLSX) ref(col, from, to int) string {
	q := "'" + strings.ReplaceAll(x.sheet, "'", "''") + "'!"
	return fmt.Sprintf("%s$%s$%d:$%s$%d", q, ColName(x.off+col), from, ColName(x.off+col), to)
}

// blockNeed is about how many points the start of b needs on one page:
// a whole chart, or a few rows of anything else.
func blockNeed(b Block) float64 {
	switch b := b.(type) {
	case *DocBarChart:
		return float64(90+46*len(b.Bars))*0.75 + float64(len(b.Bars)+3)*15 + 40
	case *DocLineChart:
		return 340*0.75 + float64(len(b.Points)+3)*15 + 40
	}
	return 100
}

// cellRef is the absolute reference of one cell on the sheet.
func (x *docXLSX) cellRef(col, row int) string {
	return fmt.Sprintf("'%s'!$%s$%d", strings.ReplaceAll(x.sheet, "'", "''"), ColName(x.off+col), row)
}

// valuesOffset is where a chart's values start: in the second column
// when the first is too narrow for a label and the second is not.
func (x *docXLSX) valuesOffset() int {
	if len(x.widths) > 2 && x.widths[0] < 14 && x.widths[1] >= 14 {
		return 1
	}
	return 0
}

func (x *docXLSX) barChart(b *DocBarChart) error {
	if err := x.keep(blockNeed(b)); err != nil {
		return err
	}
	x.off = x.valuesOffset()
	defer func() { x.off = 0 }()
	if err := x.span(0, b.Title, x.st.sub, 11); err != nil {
		return err
	}
	texts := false
	for _, bar := range b.Bars {
		texts = texts || bar.Text != ""
	}
	var rows [][]Value
	for _, bar := range b.Bars {
		row := []Value{VText(bar.Label), VNum(bar.Value, b.Decimals)}
		if texts {
			row = append(row, VText(bar.Text))
		}
		rows = append(rows, row)
	}
	header := []string{b.LabelHeader, b.ValueHeader}
	if texts {
		header = append(header, b.TextHeader)
	}
	from, to, err := x.values(header, rows)
	if err != nil || len(rows) == 0 {
		return err
	}
	zero, top, unit := 0.0, b.Max, majorUnit(b.Max)
	height := uint(90 + 46*len(rows))
	chart := &excelize.Chart{
		Type:      excelize.Bar,
		Series:    []excelize.ChartSeries{{Name: x.cellRef(1, from-1), Categories: x.ref(0, from, to), Values: x.ref(1, from, to), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"2F6F9F"}}, DataLabel: excelize.ChartDataLabel{Font: chartFont}}},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: b.Title, Font: &excelize.Font{Family: docFont, Size: 12, Bold: true, Color: "000000"}}}},
		Legend:    excelize.ChartLegend{Position: "none"},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: numFormat(b.Decimals)}},
		XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: chartFont},
		YAxis:     excelize.ChartAxis{Minimum: &zero, Maximum: &top, MajorUnit: unit, MajorGridLines: true, Font: chartFont},
		Dimension: excelize.ChartDimension{Width: 640, Height: height},
		Format:    excelize.GraphicOptions{OffsetX: 4, OffsetY: 4},
	}
	return x.addChart(chart, nil, height)
}

// numFormat is the number format of a value with decimals: 0, 0.00.
func numFormat(decimals int) string {
	if decimals <= 0 {
		return "0"
	}
	return "0." + strings.Repeat("0", decimals)
}

// majorUnit is the step of a bar chart's gridlines from 0 to max: a
// level (1) up to 5, else about five steps of 1, 2 or 5 times a power of
// ten.
func majorUnit(max float64) float64 {
	if max <= 5 {
		return 1
	}
	step := math.Pow(10, math.Floor(math.Log10(max/5)))
	for _, m := range []float64{1, 2, 5, 10} {
		if max/(step*m) <= 6 {
			return step * m
		}
	}
	return step * 10
}

func (x *docXLSX) addChart(c *excelize.Chart, combo *excelize.Chart, height uint) error {
	var err error
	if combo != nil {
		err = x.f.AddChart(x.sheet, CellName(0, x.row), c, combo)
	} else {
		err = x.f.AddChart(x.sheet, CellName(0, x.row), c)
	}
	if err != nil {
		return err
	}
	x.charts++
	// Default rows are 20 pixels (15 points) high; leave the chart its
	// rows and one more.
	n := int(height)/20 + 3
	x.row += n
	x.y += float64(n) * 15
	return nil
}

func (x *docXLSX) lineChart(c *DocLineChart) error {
	if err := x.keep(blockNeed(c)); err != nil {
		return err
	}
	x.off = x.valuesOffset()
	defer func() { x.off = 0 }()
	if err := x.span(0, c.Title, x.st.sub, 11); err != nil {
		return err
	}
	header := []string{c.LabelHeader, c.ValueHeader}
	for _, r := range c.Lines {
		header = append(header, r.Label)
	}
	var rows [][]Value
	for _, p := range c.Points {
		row := []Value{VText(p.Label), VNum(p.Value, 0)}
		for _, r := range c.Lines {
			row = append(row, VNum(r.Value, 0))
		}
		rows = append(rows, row)
	}
	from, to, err := x.values(header, rows)
	if err != nil || len(rows) == 0 {
		return err
	}
	lo, hi := c.Min, c.Max
	height := uint(340)
	total := &excelize.Chart{
		Type: excelize.Line,
		Series: []excelize.ChartSeries{{Name: x.cellRef(1, from-1), Categories: x.ref(0, from, to), Values: x.ref(1, from, to),
			Line:      excelize.LineOptions{Width: 3, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"2F6F9F"}}},
			Marker:    excelize.ChartMarker{Symbol: "circle", Size: 8, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"2F6F9F"}}},
			DataLabel: excelize.ChartDataLabel{Font: chartFont}, DataLabelPosition: excelize.ChartDataLabelsPositionAbove}},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: c.Title, Font: &excelize.Font{Family: docFont, Size: 12, Bold: true, Color: "000000"}}}},
		Legend:    excelize.ChartLegend{Position: "bottom", Font: &chartFont},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true},
		XAxis:     excelize.ChartAxis{Font: chartFont},
		YAxis:     excelize.ChartAxis{Minimum: &lo, Maximum: &hi, MajorUnit: 25, MajorGridLines: true, Font: chartFont},
		Dimension: excelize.ChartDimension{Width: 720, Height: height},
		Format:    excelize.GraphicOptions{OffsetX: 4, OffsetY: 4},
	}
	var combo *excelize.Chart
	if len(c.Lines) > 0 {
		// The band lines are a second line chart on the same axes,
		// without data labels.
		combo = &excelize.Chart{Type: excelize.Line, PlotArea: excelize.ChartPlotArea{ShowVal: false},
			XAxis: excelize.ChartAxis{Font: chartFont},
			YAxis: excelize.ChartAxis{Minimum: &lo, Maximum: &hi, MajorUnit: 25, Font: chartFont}}
		dark := []string{"6E4C00", "8A2D2D", "2D6A2D", "555555"}
		for i := range c.Lines {
			combo.Series = append(combo.Series, excelize.ChartSeries{Name: x.cellRef(2+i, from-1), Categories: x.ref(0, from, to), Values: x.ref(2+i, from, to),
				Line:   excelize.LineOptions{Width: 1.5, Dash: excelize.LineDashDash, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{dark[i%len(dark)]}}},
				Marker: excelize.ChartMarker{Symbol: "none"}})
		}
	}
	return x.addChart(total, combo, height)
}
