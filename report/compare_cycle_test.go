package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/scoring"
)

// TestCompareCycleGolden renders the comparison of the review-cycle sample
// (testdata/cycle with testdata/services) in every compare format, read on
// 20.4.2027: the employment rate in the summary, the kinds of the
// assessments, the review list, the open and overdue actions and how the
// previous plan's criteria moved.
func TestCompareCycleGolden(t *testing.T) {
	c := cycleComparison(t)
	today := day("2027-04-20")
	for _, tc := range []struct {
		name  string
		opt   CompareOptions
		write func(*bytes.Buffer, *scoring.Comparison, CompareOptions) error
	}{
		{"compare/cycle-text-fi.golden", CompareOptions{Lang: "fi", Today: today}, wr(CompareText)},
		{"compare/cycle-text-en.golden", CompareOptions{Lang: "en", Today: today}, wr(CompareText)},
		{"compare/cycle-md-fi.golden", CompareOptions{Lang: "fi", Today: today}, wr(CompareMarkdown)},
		{"compare/cycle-md-en.golden", CompareOptions{Lang: "en", Today: today}, wr(CompareMarkdown)},
		{"compare/cycle.json", CompareOptions{Lang: "en", Today: today}, wr(CompareJSONOut)},
		{"compare/cycle-long.csv", CompareOptions{Lang: "fi", Today: today}, wr(CompareCSV)},
		{"compare/cycle-summary.csv", CompareOptions{Lang: "en", Table: TableSummary, Today: today}, wr(CompareCSV)},
		{"compare/cycle-fi.html", CompareOptions{Lang: "fi", Today: today}, wr(CompareHTML)},
		{"compare/cycle-en.html", CompareOptions{Lang: "en", Today: today}, wr(CompareHTML)},
		{"compare/cycle-xlsx-fi.golden", CompareOptions{Lang: "fi", Today: today}, wr(xlsxDump)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tc.write(&buf, c, tc.opt); err != nil {
				t.Fatal(err)
			}
			golden(t, tc.name, buf.Bytes())
		})
	}
}

// The streamed JSON with the cycle is still the document CompareJSONOf
// describes.
func TestCompareCycleJSONStreamed(t *testing.T) {
	c := cycleComparison(t)
	opt := CompareOptions{Lang: "fi", Today: day("2027-04-20")}
	var streamed bytes.Buffer
	if err := CompareJSONOut(&streamed, c, opt); err != nil {
		t.Fatal(err)
	}
	whole, err := json.MarshalIndent(CompareJSONOf(c, opt), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(whole)+"\n", streamed.String()); diff != "" {
		t.Errorf("streamed JSON differs (-whole +streamed):\n%s", diff)
	}
}
