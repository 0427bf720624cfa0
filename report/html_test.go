package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/scoring"
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
			if !strings.Contains(d, `tabindex="0"`) || !strings.Contains(d, `role="region"`) || !regexp.MustCompile(`aria-label="[^"]+"`).MatchString(d) {
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

// The check's HTML sections come in the order of its workbook's sheets:
// ranking, key criteria side by side, each bid's details, the profile.
func TestCheckHTMLSectionOrder(t *testing.T) {
	var buf bytes.Buffer
	if err := CheckHTML(&buf, sampleEvaluation(t, 0), CheckOptions{Lang: "fi"}); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range regexp.MustCompile(`<h2 id="([a-z]+)">`).FindAllStringSubmatch(buf.String(), -1) {
		got = append(got, m[1])
	}
	if diff := cmp.Diff([]string{"ranking", "matrix", "bids", "profile"}, got); diff != "" {
		t.Errorf("sections (-want +got):\n%s", diff)
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
