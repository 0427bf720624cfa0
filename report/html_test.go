package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/scoring"
	"github.com/xuri/excelize/v2"
)

func compareHTMLString(t *testing.T, c *scoring.Comparison, lang string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := CompareHTML(&buf, c, CompareOptions{Lang: lang}); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// The heat-map prints the regional median as the text report does: 3, not
// 3,0.
func TestCompareHTMLMedianAsText(t *testing.T) {
	c := sampleComparison(t, scoring.ByTotal)
	page := compareHTMLString(t, c, "fi")
	if strings.Contains(page, `<td class="n">3,0</td>`) {
		t.Error("the HTML prints a whole median with a decimal (3,0)")
	}
	for k, st := range c.Criteria {
		want := `<td class="n">` + regionMean("fi", st) + `</td><td class="n">` + medianText("fi", st) + `</td>`
		if !strings.Contains(page, want) {
			t.Errorf("criterion %d: the heat-map lacks the mean and median as the text prints them: %s", k+1, want)
		}
	}
}

// Every scroll container is a named region the keyboard reaches (axe:
// scrollable-region-focusable), and no chart has a width it cannot shrink
// from (the CSS lets it scale).
func TestHTMLScrollRegions(t *testing.T) {
	c := sampleComparison(t, scoring.ByTotal)
	e := sampleEvaluation(t, 40)
	var check bytes.Buffer
	if err := CheckHTML(&check, e, CheckOptions{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	region := regexp.MustCompile(`<div class="scroll"[^>]*>`)
	for name, page := range map[string]string{"compare": compareHTMLString(t, c, "fi"), "check": check.String()} {
		divs := region.FindAllString(page, -1)
		if len(divs) < 3 {
			t.Errorf("%s: only %d scroll regions", name, len(divs))
		}
		for _, d := range divs {
			if !strings.Contains(d, `tabindex="0"`) || !strings.Contains(d, `role="region"`) || !regexp.MustCompile(`aria-label(ledby)?="[^"]+"`).MatchString(d) {
				t.Errorf("%s: a scroll container the keyboard cannot reach or that has no name: %s", name, d)
			}
		}
		if n, m := strings.Count(page, "<svg "), strings.Count(page, "<figcaption>"); n == 0 || n != m {
			t.Errorf("%s: %d charts and %d captions; every chart is a figure with a caption", name, n, m)
		}
		if !strings.Contains(page, "svg.chart { display: block; max-width: 100%; height: auto; }") {
			t.Errorf("%s: the charts do not scale to the page", name)
		}
	}
}

// Every format writes the check's parts in the document's one order
// (issue 13: the page's order was once not the workbook's): the ranking,
// the key criteria side by side, each bid's details, the profile, as
// headings of the page, of the text and of the workbook's sheets.
func TestCheckSectionOrder(t *testing.T) {
	for _, e := range []*scoring.Evaluation{sampleEvaluation(t, 0), tenderEvaluation(t)} {
		d := CheckDocument(e, CheckOptions{Lang: "fi"})
		var want, sheets []string
		for _, s := range d.Sections {
			if s.Level == 2 || s.Level == 0 {
				want = append(want, s.Heading)
			}
			if s.Sheet != "" {
				sheets = append(sheets, s.Sheet)
			}
		}
		var page, text, x bytes.Buffer
		if err := CheckHTML(&page, e, CheckOptions{Lang: "fi"}); err != nil {
			t.Fatal(err)
		}
		if err := CheckText(&text, e, CheckOptions{Lang: "fi"}); err != nil {
			t.Fatal(err)
		}
		if err := CheckXLSX(&x, e, CheckOptions{Lang: "fi"}); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range regexp.MustCompile(`<h2>([^<]+)</h2>`).FindAllStringSubmatch(page.String(), -1) {
			got = append(got, m[1])
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("HTML sections (-want +got):\n%s", diff)
		}
		got = nil
		for _, m := range regexp.MustCompile(`(?m)^(.+)\n(-+)$`).FindAllStringSubmatch(text.String(), -1) {
			if len([]rune(m[1])) == len(m[2]) { // a heading, not a table's header
				got = append(got, m[1])
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("text sections (-want +got):\n%s", diff)
		}
		f, err := excelize.OpenReader(bytes.NewReader(x.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(sheets, f.GetSheetList()); diff != "" {
			t.Errorf("sheets (-want +got):\n%s", diff)
		}
		f.Close()
	}
}

// The band lines come from the set, not from constants.
func TestCompareHTMLBandsFromSet(t *testing.T) {
	c := sampleComparison(t, scoring.ByTotal)
	set := *c.Set
	set.Bands = []criteria.Band{
		{ID: "low", Min: 25, Max: 79, Name: criteria.Text{"fi": "matala", "en": "low"}},
		{ID: "high", Min: 80, Max: 125, Name: criteria.Text{"fi": "korkea", "en": "high"}},
	}
	c.Set = &set
	page := compareHTMLString(t, c, "en")
	if !strings.Contains(page, `class="chart-ref-label">80</text>`) || !strings.Contains(page, "80 high") {
		t.Error("the totals chart does not draw the set's band limit 80")
	}
	for _, old := range []string{`class="chart-ref-label">74</text>`, `class="chart-ref-label">100</text>`} {
		if strings.Contains(page, old) {
			t.Errorf("the chart draws %s, a band the set does not have", old)
		}
	}
	// A service with several dates gets its total over time.
	if !strings.Contains(page, `<svg class="chart" role="img" aria-labelledby="trend-1-t trend-1-d"`) {
		t.Error("no trend chart for the service with two assessments")
	}
}

// A bid that fails the profile is drawn hatched and says so in words, and
// gets no points, however long its bar.
func TestCheckHTMLChartMarksFailingBids(t *testing.T) {
	e := sampleEvaluation(t, 40)
	var buf bytes.Buffer
	if err := CheckHTML(&buf, e, CheckOptions{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	fails := 0
	for _, b := range e.Bids {
		if !b.Meets {
			fails++
		}
	}
	if fails == 0 {
		t.Fatal("the sample has no failing bid")
	}
	if n := strings.Count(page, `class="chart-bar-open"`); n != fails {
		t.Errorf("%d hatched bars, want one per failing bid (%d)", n, fails)
	}
	if n := strings.Count(page, "DOES NOT MEET, no points</text>"); n != fails {
		t.Errorf("%d bars say the bid fails and gets no points, want %d", n, fails)
	}
}
