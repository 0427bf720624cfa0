package report

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/internal/synth"
	"github.com/laatu-fi/laatu/internal/testtool"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
	"github.com/xuri/excelize/v2"
)

// TestXLSXPrintsInLibreOffice prints the compare, check, score and
// consensus workbooks of the sample data to PDF with real LibreOffice and
// reads the PDF back with poppler: no text line runs into another (a row
// too low for its wrapped text draws it over the rows below), no heading
// breaks inside a word, no text is smaller than 8 points, no serif font,
// the chart prints on a landscape page, and each sheet prints on no more
// pages across than its layout asks. LibreOffice draws the workbooks'
// Calibri as Carlito, which has Calibri's widths, so the pages are those
// an Excel user prints; with DejaVu in its place every sheet would print a
// third wider. It fails when LibreOffice, poppler or Carlito is missing
// and LAATU_REQUIRE_TOOLS=1, as in CI.
func TestXLSXPrintsInLibreOffice(t *testing.T) {
	prog := testtool.Require(t, "soffice", "libreoffice")
	pdftotext := testtool.Require(t, "pdftotext")
	pdffonts := testtool.Require(t, "pdffonts")
	pdftohtml := testtool.Require(t, "pdftohtml")
	requireCarlito(t)

	dir := t.TempDir()
	books := map[string][]byte{}
	var buf bytes.Buffer
	if err := CompareXLSX(&buf, sampleComparison(t, scoring.ByTotal), CompareOptions{Lang: "fi"}); err != nil {
		t.Fatal(err)
	}
	books["vertailu"] = bytes.Clone(buf.Bytes())
	buf.Reset()
	if err := CheckXLSX(&buf, sampleEvaluation(t, 40), CheckOptions{Lang: "fi"}); err != nil {
		t.Fatal(err)
	}
	books["tarjoukset"] = bytes.Clone(buf.Bytes())
	// A tender: the result and the comparison memo with long texts.
	buf.Reset()
	if err := CheckXLSX(&buf, tenderEvaluation(t), CheckOptions{Lang: "fi"}); err != nil {
		t.Fatal(err)
	}
	books["muistio"] = bytes.Clone(buf.Bytes())
	// Twenty services: the sheets with a column per service run to
	// several pages across, and the chart to several charts.
	buf.Reset()
	if err := CompareXLSX(&buf, twentyServices(), CompareOptions{Lang: "fi"}); err != nil {
		t.Fatal(err)
	}
	books["alue20"] = bytes.Clone(buf.Bytes())
	// The review cycle: the summary's rate columns, the review-cycle
	// sheet and the chart of fidelity total against employment rate.
	buf.Reset()
	if err := CompareXLSX(&buf, cycleComparison(t), CompareOptions{Lang: "fi", Today: day("2027-04-20")}); err != nil {
		t.Fatal(err)
	}
	books["kierros"] = bytes.Clone(buf.Bytes())
	// The one-service report: the sample service with its trend, and the
	// review-cycle sample (review, outcomes, plan) with its history, as
	// `laatu score FILE --history … -o r.xlsx` writes them.
	for name, pick := range map[string]func(*testing.T) ([]scoring.Result, []scoring.Result){"raportti": kateva, "raportti-kierros": polkuCycle} {
		results, history := pick(t)
		buf.Reset()
		if err := ScoreXLSX(&buf, results, ScoreOptions{Lang: "fi", Weakest: 3, History: history, HistoryGiven: true}); err != nil {
			t.Fatal(err)
		}
		books[name] = bytes.Clone(buf.Bytes())
	}
	// The consensus report.
	buf.Reset()
	if err := ConsensusXLSX(&buf, sampleConsensus(t, 1), ConsensusOptions{Lang: "fi", Draft: "konsensus.yaml"}); err != nil {
		t.Fatal(err)
	}
	books["konsensus"] = bytes.Clone(buf.Bytes())
	// Each book again, every sheet printing only its first two rows: its
	// pages are then the pages across (pagesAcross).
	for name, b := range books {
		books[name+acrossSuffix] = firstRowsOnly(t, b)
	}
	args := []string{"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir}
	for name, b := range books {
		path := filepath.Join(dir, name+".xlsx")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, path)
	}
	testtool.Run(t, 6*time.Minute, dir, prog, args...)

	for name, book := range books {
		if strings.HasSuffix(name, acrossSuffix) {
			continue
		}
		t.Run(name, func(t *testing.T) {
			pagesAcross(t, book, filepath.Join(dir, name+acrossSuffix+".pdf"), pdftotext, dir)
			pdf := filepath.Join(dir, name+".pdf")
			data, err := os.ReadFile(pdf)
			if err != nil {
				t.Fatalf("LibreOffice wrote no PDF: %v", err)
			}
			fonts := string(testtool.Run(t, time.Minute, dir, pdffonts, pdf))
			if strings.Contains(fonts, "Serif") || strings.Contains(fonts, "Times") {
				t.Errorf("a serif font is used:\n%s", fonts)
			}
			if sizes := fontSizes(t, data); len(sizes) == 0 {
				t.Error("no font sizes found in the PDF")
			} else if sizes[0] < 7.99 {
				t.Errorf("text prints at %.2f pt, smaller than 8 pt (sizes %v)", sizes[0], sizes)
			}
			// Every text colour (the chart's axis labels among them) has a
			// contrast of at least 4.5:1 on white (WCAG 1.4.3).
			spec := regexp.MustCompile(`<fontspec [^>]*color="#([0-9a-fA-F]{6})"`)
			xml := testtool.Run(t, time.Minute, dir, pdftohtml, "-xml", "-i", "-stdout", pdf)
			for _, m := range spec.FindAllSubmatch(xml, -1) {
				if c := contrastOnWhite(string(m[1])); c < 4.5 {
					t.Errorf("text in colour #%s has a contrast of %.1f:1 on white, below 4.5:1", m[1], c)
				}
			}
			pages := pdfWords(t, testtool.Run(t, time.Minute, dir, pdftotext, "-bbox", pdf, "-"))
			if len(pages) == 0 {
				t.Fatal("the PDF has no pages")
			}
			for i, p := range pages {
				if o := p.overlap(); o != "" {
					t.Errorf("page %d (%s): text overlaps: %s", i+1, p.first(), o)
				}
			}
			headingsWhole(t, book, pages)
			if !strings.HasPrefix(name, "raportti") && name != "konsensus" && name != "tarjoukset" && name != "muistio" {
				title := strings.Fields(msg.T("fi", "compare.chart-xlsx"))[0]
				found := false
				for i, p := range pages {
					if p.has(title) {
						found = true
						if p.width <= p.height {
							t.Errorf("the chart prints on a portrait page (%d)", i+1)
						}
					}
				}
				if !found {
					t.Errorf("no page shows the chart title %q", title)
				}
			}
			if name == "kierros" {
				title := msg.T("fi", "cmpcycle.scatter.title")
				found := false
				for i, p := range pages {
					if p.has(strings.Fields(title)[0]) && p.has("Työllistymisaste") {
						found = true
						if p.width <= p.height {
							t.Errorf("the rate chart prints on a portrait page (%d)", i+1)
						}
					}
				}
				if !found {
					t.Errorf("no page shows the rate chart %q", title)
				}
			}
			for i, p := range pages {
				if !p.has("Tietoja") && p.width <= p.height {
					t.Errorf("page %d (%s) of a table prints portrait", i+1, p.first())
				}
			}
		})
	}
}

// twentyServices compares twenty synthetic services, one assessment each.
func twentyServices() *scoring.Comparison {
	set, _ := criteria.Builtin(criteria.DefaultID)
	o := synth.Options{N: 20, Seed: 1, PerService: 1}
	var snaps []scoring.Snapshot
	for i := range o.N {
		r := scoring.Score(set, synth.Assessment(set, i, o))
		snaps = append(snaps, r.Snapshot())
	}
	return scoring.Compare(snaps, set, scoring.CompareOptions{})
}

// fontSizes are the sizes of the fonts the PDF's page streams set (Tf),
// smallest first. LibreOffice draws scaled pages by scaling the font
// sizes, with no text matrix, so these are the printed sizes.
func fontSizes(t *testing.T, pdf []byte) []float64 {
	t.Helper()
	streams := regexp.MustCompile(`(?s)stream\r?\n(.*?)\r?\nendstream`)
	tf := regexp.MustCompile(`([0-9.]+) Tf\b`)
	seen := map[float64]bool{}
	var sizes []float64
	for _, m := range streams.FindAllSubmatch(pdf, -1) {
		r, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			continue // not a compressed stream (an image, a font)
		}
		content, err := io.ReadAll(r)
		if err != nil {
			continue
		}
		for _, s := range tf.FindAllSubmatch(content, -1) {
			size, err := strconv.ParseFloat(string(s[1]), 64)
			if err == nil && !seen[size] {
				seen[size] = true
				sizes = append(sizes, size)
			}
		}
	}
	for i := range sizes {
		for j := i + 1; j < len(sizes); j++ {
			if sizes[j] < sizes[i] {
				sizes[i], sizes[j] = sizes[j], sizes[i]
			}
		}
	}
	return sizes
}

// pdfWord is a word on a page with its box, in points from the top left.
type pdfWord struct {
	x0, y0, x1, y1 float64
	text           string
}

type pdfPage struct {
	width, height float64
	words         []pdfWord
}

// pdfWords reads pdftotext -bbox output.
func pdfWords(t *testing.T, html []byte) []pdfPage {
	t.Helper()
	page := regexp.MustCompile(`<page width="([0-9.]+)" height="([0-9.]+)">`)
	word := regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>`)
	var pages []pdfPage
	for _, part := range strings.Split(string(html), "<page ")[1:] {
		m := page.FindStringSubmatch("<page " + part)
		if m == nil {
			t.Fatalf("pdftotext: no page size in %.80q", part)
		}
		p := pdfPage{width: atof(m[1]), height: atof(m[2])}
		for _, w := range word.FindAllStringSubmatch(part, -1) {
			p.words = append(p.words, pdfWord{atof(w[1]), atof(w[2]), atof(w[3]), atof(w[4]), htmlUnescape(w[5])})
		}
		pages = append(pages, p)
	}
	return pages
}

func atof(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'").Replace(s)
}

// overlap names two words whose boxes overlap by more than 40 % of a
// line, or is empty. Lines of one cell touch or, in Carlito, whose boxes
// are about 1.3 lines tall, overlap by a quarter of a box; text that a row
// too low pushes over the next row's text overlaps it further.
func (p pdfPage) overlap() string {
	for i, a := range p.words {
		for _, b := range p.words[i+1:] {
			dx := min(a.x1, b.x1) - max(a.x0, b.x0)
			dy := min(a.y1, b.y1) - max(a.y0, b.y0)
			if dx > 0.5 && dy > 0.4*min(a.y1-a.y0, b.y1-b.y0) {
				return fmt.Sprintf("%q at (%.0f, %.0f) and %q at (%.0f, %.0f)", a.text, a.x0, a.y0, b.text, b.x0, b.y0)
			}
		}
	}
	return ""
}

func (p pdfPage) has(s string) bool {
	for _, w := range p.words {
		if w.text == s {
			return true
		}
	}
	return false
}

func (p pdfPage) first() string {
	if len(p.words) == 0 {
		return "empty"
	}
	return p.words[0].text
}

// headingsWhole checks that every word of every sheet's heading row is
// printed whole: a column too narrow for a heading's longest word breaks it
// in two, and neither half is the word.
func headingsWhole(t *testing.T, book []byte, pages []pdfPage) {
	t.Helper()
	printed := map[string]bool{}
	for _, p := range pages {
		for _, w := range p.words {
			printed[w.text] = true
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) < 2 || len(rows[0]) < 3 {
			continue // the chart, and the sheets that explain the workbook
		}
		for _, h := range rows[0] {
			for _, w := range strings.Fields(h) {
				if printed[w] {
					continue
				}
				// A line may break after a hyphen.
				for _, piece := range strings.SplitAfter(w, "-") {
					if piece != "" && !printed[piece] {
						t.Errorf("sheet %s: the heading %q does not print its word %q whole", sheet, h, w)
						break
					}
				}
			}
		}
	}
}

// contrastOnWhite is the WCAG contrast ratio of the colour rrggbb on white.
func contrastOnWhite(hex string) float64 {
	lum := 0.0
	for i, weight := range []float64{0.2126, 0.7152, 0.0722} {
		v, _ := strconv.ParseUint(hex[2*i:2*i+2], 16, 8)
		c := float64(v) / 255
		if c <= 0.04045 {
			c /= 12.92
		} else {
			c = math.Pow((c+0.055)/1.055, 2.4)
		}
		lum += weight * c
	}
	return 1.05 / (lum + 0.05)
}

// maxAcross bounds the pages across of sheets that read badly spread
// wider: the review cycle, a row per service.
var maxAcross = map[string]int{msg.T("fi", "cmpcycle.sheet"): 2}

// acrossSuffix names the copy of a book that prints each sheet's first
// rows only.
const acrossSuffix = "-across"

// requireCarlito fails (LAATU_REQUIRE_TOOLS=1) or skips the test without
// the font LibreOffice draws Calibri in with Calibri's widths
// (fonts-crosextra-carlito, installed by .ci/run).
func requireCarlito(t *testing.T) {
	t.Helper()
	fcList := testtool.Require(t, "fc-list")
	if strings.Contains(string(testtool.Run(t, time.Minute, t.TempDir(), fcList, ":family=Carlito", "family")), "Carlito") {
		return
	}
	if os.Getenv("LAATU_REQUIRE_TOOLS") == "1" {
		t.Fatal("the font Carlito is missing (Debian: fonts-crosextra-carlito), and LAATU_REQUIRE_TOOLS=1 requires it: without it LibreOffice prints Calibri sheets wider than Excel")
	}
	t.Skip("the font Carlito is missing (Debian: fonts-crosextra-carlito)")
}

// firstRowsOnly is book with each sheet's print area its first two rows
// and every column: printed, a sheet takes as many pages as it prints
// across, at the scale its whole would print.
func firstRowsOnly(t *testing.T, book []byte) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		// The widest row: a stream-written sheet records no dimension.
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		cols := 1
		for _, r := range rows {
			cols = max(cols, len(r))
		}
		if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: sheet,
			RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$2", strings.ReplaceAll(sheet, "'", "''"), ColName(cols-1))}); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	if err := f.Write(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// pagesAcross checks that every sheet of book fitted to N pages wide prints
// on at most N pages across, and logs each sheet's pages across. pdf is the
// print of firstRowsOnly(book), whose pages name their sheet in the page
// header.
func pagesAcross(t *testing.T, book []byte, pdf, pdftotext, dir string) {
	t.Helper()
	pages := pdfWords(t, testtool.Run(t, time.Minute, dir, pdftotext, "-bbox", pdf, "-"))
	across := map[string]int{}
	for _, p := range pages {
		var head []string
		for _, w := range p.words {
			if w.y1 < 50 { // the page header, above the top margin
				head = append(head, w.text)
			}
		}
		across[strings.Join(head, " ")]++
	}
	f, err := excelize.OpenReader(bytes.NewReader(book))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var got []string
	for _, sheet := range f.GetSheetList() {
		if visible, err := f.GetSheetVisible(sheet); err != nil || !visible {
			continue // a chart's data, not printed
		}
		n := across[sheet]
		got = append(got, fmt.Sprintf("%s %d", sheet, n))
		if n == 0 {
			t.Errorf("sheet %s: no printed page names it in its header", sheet)
			continue
		}
		layout, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if layout.FitToWidth != nil && *layout.FitToWidth > 0 && n > *layout.FitToWidth {
			t.Errorf("sheet %s prints %d pages across, more than the %d its layout asks", sheet, n, *layout.FitToWidth)
		}
		if limit, ok := maxAcross[sheet]; ok && n > limit {
			t.Errorf("sheet %s prints %d pages across; at most %d read as one table", sheet, n, limit)
		}
	}
	t.Logf("pages across: %s", strings.Join(got, ", "))
}
