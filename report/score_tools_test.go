package report

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/laatu-fi/laatu/internal/testtool"
)

// The one-service report as the programs people open it with show it.

// scoreReportFile writes Kätevä's report with its trend.
func scoreReportFile(t *testing.T, name string, write func(*bytes.Buffer, ScoreOptions) error) string {
	t.Helper()
	results, history := kateva(t)
	_ = results
	opt := ScoreOptions{Lang: "fi", Weakest: 3, History: history}
	return writeTemp(t, name, func(b *bytes.Buffer) error { return write(b, opt) })
}

// At 1280 and at 390 pixels nothing sticks out of the page (WCAG 1.4.10
// reflow): only a table may scroll, inside its own region. Headless
// Chromium lays out no narrower than 500 pixels, so the page's body is set
// to the width instead and every element's right edge measured.
func TestScoreHTMLReflows(t *testing.T) {
	chromium := testtool.Require(t, "chromium", "chromium-browser", "google-chrome")
	results, history := kateva(t)
	var buf bytes.Buffer
	if err := ScoreHTML(&buf, results, ScoreOptions{Lang: "fi", Weakest: 3, History: history}); err != nil {
		t.Fatal(err)
	}
	for _, width := range []int{1280, 390} {
		// The measuring script is the test's, not the report's: the
		// report runs no script.
		w := strconv.Itoa(width)
		page := strings.Replace(buf.String(), "</body>", `<style>body { width: `+w+`px; }</style>
<script>var widest = 0, what = "";
document.querySelectorAll("body *").forEach(function (e) {
  if (e.closest(".scroll") && !e.classList.contains("scroll")) return;
  var r = e.getBoundingClientRect();
  if (r.right > widest) { widest = Math.round(r.right); what = e.tagName + "." + e.className; }
});
document.title = "W=" + widest + " " + what;</script></body>`, 1)
		path := filepath.Join(t.TempDir(), "raportti.html")
		if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		dom := string(testtool.Run(t, 2*time.Minute, "", chromium, chromiumArgs(t,
			"--window-size=1400,900", "--dump-dom", "file://"+path)...))
		m := regexp.MustCompile(`<title>W=(\d+) ([^<]*)</title>`).FindStringSubmatch(dom)
		if m == nil {
			t.Fatalf("at %d px: no width measured", width)
		}
		t.Logf("at %d px the widest element is %s, %s px", width, m[2], m[1])
		if got, _ := strconv.Atoi(m[1]); got > width {
			t.Errorf("at %d px, %s reaches %d px", width, m[2], got)
		}
	}
}

// Printed to PDF, the report is A4 portrait, a few pages, and every
// criterion's row is on paper whole: no table is cut off at the right.
func TestScoreHTMLPrints(t *testing.T) {
	chromium := testtool.Require(t, "chromium", "chromium-browser", "google-chrome")
	pdfinfo := testtool.Require(t, "pdfinfo")
	pdftotext := testtool.Require(t, "pdftotext")
	page := scoreReportFile(t, "raportti.html", func(b *bytes.Buffer, o ScoreOptions) error {
		rs, _ := kateva(t)
		return ScoreHTML(b, rs, o)
	})
	pdf := filepath.Join(t.TempDir(), "raportti.pdf")
	testtool.Run(t, 2*time.Minute, "", chromium, chromiumArgs(t, "--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+page)...)
	info := string(testtool.Run(t, time.Minute, "", pdfinfo, pdf))
	if !regexp.MustCompile(`Page size:\s+59[45](\.\d+)? x 84[12]`).MatchString(info) {
		t.Errorf("not A4 portrait:\n%s", info)
	}
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("no page count:\n%s", info)
	}
	if n, _ := strconv.Atoi(m[1]); n < 2 || n > 8 {
		t.Errorf("%d pages", n)
	}
	text := string(testtool.Run(t, time.Minute, "", pdftotext, "-layout", pdf, "-"))
	for _, want := range []string{"Osa-alueprofiili", "Vahvuudet", "Kehittämiskohteet", "Kehitys", "Näyttö", "asiakasrekisteri", "Yhteispisteet arvioinneittain"} {
		if !strings.Contains(text, want) {
			t.Errorf("the printed report lacks %q", want)
		}
	}
	// Every row of the criteria table has its number and level.
	rs, _ := kateva(t)
	for _, it := range rs[0].Items {
		re := regexp.MustCompile(`(?m)^\s*` + strconv.Itoa(it.Number()) + `\s+\S.*\s` + strconv.Itoa(it.Level) + `\s`)
		if !re.MatchString(text) {
			t.Errorf("criterion %d with level %d is not on paper", it.Number(), it.Level)
		}
	}
}

// LibreOffice reads the workbook: the report sheet with its values, the
// sheet of criteria, and native charts.
func TestScoreXLSXInLibreOffice(t *testing.T) {
	soffice := testtool.Require(t, "soffice", "libreoffice")
	xlsx := scoreReportFile(t, "raportti.xlsx", func(b *bytes.Buffer, o ScoreOptions) error {
		rs, _ := kateva(t)
		return ScoreXLSX(b, rs, o)
	})
	sheets := sofficeCSV(t, soffice, xlsx)
	for sheet, want := range map[string]string{
		"Raportti":  "Yhteispisteet,94 / 125",
		"Kriteerit": "1,Asiakasmäärä työhönvalmentajaa kohden,4,",
	} {
		if !strings.Contains(sheets[sheet], want) {
			t.Errorf("sheet %s as LibreOffice reads it lacks %q:\n%s", sheet, want, sheets[sheet])
		}
	}
	zr, err := zip.OpenReader(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	charts := 0
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "xl/charts/chart") {
			charts++
		}
	}
	if charts != 2 {
		t.Errorf("%d charts, want the profile and the trend", charts)
	}
}
