package report

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/laatu-fi/laatu/internal/testtool"
	"github.com/laatu-fi/laatu/scoring"
)

// These tests open laatu's reports in the programs people open them with.

// chromiumArgs run headless Chromium without touching the network or the
// user's profile.
func chromiumArgs(t *testing.T, extra ...string) []string {
	return append([]string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir(),
	}, extra...)
}

func writeTemp(t *testing.T, name string, write func(*bytes.Buffer) error) string {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCompareHTMLInChromium(t *testing.T) {
	chromium := testtool.Require(t, "chromium", "chromium-browser", "google-chrome")
	c := sampleComparison(t, scoring.ByTotal)
	page := writeTemp(t, "vertailu.html", func(b *bytes.Buffer) error { return CompareHTML(b, c, CompareOptions{Lang: "fi"}) })
	dom := string(testtool.Run(t, 2*time.Minute, "", chromium, chromiumArgs(t, "--dump-dom", "file://"+page)...))

	for _, want := range []string{
		`<html lang="fi">`,
		`<table class="doc-table doc-wide small">`,
		`class="vh">Yhteenveto</caption>`,
		`<th scope="row">Työkykyisempi Stadi</th><td>Helsingin kaupunki</td>`,
		`<table class="heat whole">`,
		`<td class="n l2">2</td>`,
		`<title id="totals-t">`,
		`<title id="domain-1-t">`,
		`Kehittämissuositukset`,
	} {
		if !strings.Contains(dom, want) {
			t.Errorf("the page Chromium rendered lacks %q", want)
		}
	}
	// One chart per domain, each an image with a text alternative, with a
	// bar per service; and the totals chart with a bar per service.
	charts := regexp.MustCompile(`<svg class="chart" role="img" aria-labelledby="domain-\d+-t domain-\d+-d"`).FindAllString(dom, -1)
	if len(charts) != len(c.Set.Domains) {
		t.Errorf("rendered %d domain charts, want one per domain (%d)", len(charts), len(c.Set.Domains))
	}
	bars := strings.Count(dom, `class="chart-bar"`) + strings.Count(dom, `class="chart-bar-open"`)
	if want := len(c.Services) * (len(c.Set.Domains) + 1); bars != want {
		t.Errorf("rendered %d bars, want %d", bars, want)
	}

	// And it draws: a screenshot of the page is a real picture.
	shot := filepath.Join(t.TempDir(), "shot.png")
	testtool.Run(t, 2*time.Minute, "", chromium, chromiumArgs(t, "--screenshot="+shot, "--window-size=1200,1600", "file://"+page)...)
	b, err := os.ReadFile(shot)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("\x89PNG")) || len(b) < 20000 {
		t.Errorf("screenshot is not a picture of the report (%d bytes)", len(b))
	}
}

// sofficeCSV converts every sheet of an XLSX file to CSV with LibreOffice
// and returns the CSV text of each sheet by name.
func sofficeCSV(t *testing.T, soffice, xlsx string) map[string]string {
	t.Helper()
	dir := t.TempDir()
	profile := "file://" + filepath.ToSlash(filepath.Join(t.TempDir(), "profile"))
	// Filter options: comma, double quote, UTF-8, from row 1, cells as shown
	// (number formats applied, as a user sees them), …, the last
	// -1 writes every sheet to its own file name-Sheet.csv.
	testtool.Run(t, 3*time.Minute, dir, soffice, "--headless", "--norestore", "-env:UserInstallation="+profile,
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
		"--outdir", dir, xlsx)
	sheets := map[string]string{}
	base := strings.TrimSuffix(filepath.Base(xlsx), ".xlsx")
	matches, _ := filepath.Glob(filepath.Join(dir, base+"-*.csv"))
	for _, m := range matches {
		b, err := os.ReadFile(m)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(m), base+"-"), ".csv")
		sheets[name] = string(b)
	}
	if len(sheets) == 0 {
		t.Fatalf("LibreOffice wrote no CSV for %s", xlsx)
	}
	return sheets
}

func TestCompareXLSXInLibreOffice(t *testing.T) {
	soffice := testtool.Require(t, "soffice", "libreoffice")
	c := sampleComparison(t, scoring.ByTotal)
	xlsx := writeTemp(t, "vertailu.xlsx", func(b *bytes.Buffer) error { return CompareXLSX(b, c, CompareOptions{Lang: "fi"}) })
	sheets := sofficeCSV(t, soffice, xlsx)
	for _, name := range []string{"Yhteenveto", "Kriteerit", "Kehitys", "Kehitys, tasot", "Suositukset", "Seuraava arviointi", "Kaavio", "Tietoja"} {
		if _, ok := sheets[name]; !ok {
			t.Errorf("LibreOffice found no sheet %s; sheets: %v", name, keys(sheets))
		}
	}
	for sheet, want := range map[string]string{
		"Yhteenveto":  "1,Työkykyisempi Stadi,Helsingin kaupunki,15.10.2026,15,34,59,108,hyvä,25/25,–,5.00,4.25,4.21,4.32,125,kyllä,",
		"Kriteerit":   "1,Asiakasmäärä työhönvalmentajaa kohden,Palvelun henkilöstö,5,4,5,2,4.00,4.5,4,1",
		"Suositukset": "Pirkanmaan hyvinvointialue,Lempäälän vammaispalvelujen työhönvalmennus,",
	} {
		if !strings.Contains(sheets[sheet], want) {
			t.Errorf("sheet %s as LibreOffice reads it lacks %q:\n%s", sheet, want, sheets[sheet])
		}
	}
}

func keys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}
