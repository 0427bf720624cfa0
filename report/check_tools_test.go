package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/laatu-fi/laatu/internal/testtool"
)

// The bid check opened in the programs a procurement officer opens it with.

func TestCheckHTMLInChromium(t *testing.T) {
	chromium := testtool.Require(t, "chromium", "chromium-browser", "google-chrome")
	e := sampleEvaluation(t, 40)
	page := writeTemp(t, "tarjoukset.html", func(b *bytes.Buffer) error { return CheckHTML(b, e, CheckOptions{Lang: "fi"}) })
	dom := string(testtool.Run(t, 2*time.Minute, "", chromium, chromiumArgs(t, "--dump-dom", "file://"+page)...))
	for _, want := range []string{
		`<html lang="fi">`,
		`<caption id="s2-1-c">Tarjousten järjestys</caption>`,
		`<th scope="row">Työpolku Oy</th>`,
		`<dd>suhteessa parhaaseen 53 / 53 × 40 = 40,00; summa 53 / 60 × 40 = 35,33</dd>`,
		`<td class="doc-wrap">EI TÄYTY: 24 asiakasta; taso 4</td>`,
		`<td>EI VASTATTU</td>`,
		`<title id="s2-4-t">Avainpisteet tarjouksittain</title>`,
		`<caption id="s8-2-c">Profiilin vaatimukset</caption>`,
	} {
		if !strings.Contains(dom, want) {
			t.Errorf("the page Chromium rendered lacks %q", want)
		}
	}
	// A bid that fails the profile has a hatched, open bar.
	if n := strings.Count(dom, `class="chart-bar"`) + strings.Count(dom, `class="chart-bar-open"`); n != len(e.Bids) {
		t.Errorf("rendered %d bars, want one per bid (%d)", n, len(e.Bids))
	}
}

func TestCheckXLSXInLibreOffice(t *testing.T) {
	soffice := testtool.Require(t, "soffice", "libreoffice")
	e := sampleEvaluation(t, 40)
	xlsx := writeTemp(t, "tarjoukset.xlsx", func(b *bytes.Buffer) error { return CheckXLSX(b, e, CheckOptions{Lang: "fi"}) })
	sheets := sofficeCSV(t, soffice, xlsx)
	for sheet, want := range map[string]string{
		"Järjestys":      "1,Työpolku Oy,kyllä,53/60,105/125,hyvä,40.00,35.33",
		"Kriteereittäin": "1,Asiakasmäärä työhönvalmentajaa kohden,enintään 20 asiakasta,täyttyy: 18 asiakasta; taso 5,EI TÄYTY: 24 asiakasta; taso 4,täyttyy: taso 5",
		"Perustelut":     "14,Jatkuva arviointi,vähintään taso 4,\"oletus, muutettavissa\",ei vastausta,,EI VASTATTU,",
		"Profiili":       "3,Palvelun kokonaisvaltaisuus,vähintään taso 5,lähdeasiakirjasta,",
	} {
		got, ok := sheets[sheet]
		if !ok {
			t.Errorf("LibreOffice found no sheet %s; sheets: %v", sheet, keys(sheets))
			continue
		}
		if !strings.Contains(got, want) {
			t.Errorf("sheet %s as LibreOffice reads it lacks %q:\n%s", sheet, want, got)
		}
	}
}
