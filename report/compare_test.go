package report

import (
	"bytes"
	"io"
	"path/filepath"
	"testing"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/scoring"
)

// sampleSnapshots scores every sample assessment in testdata/services, as
// laatu compare reads them.
func sampleSnapshots(t testing.TB) []scoring.Snapshot {
	t.Helper()
	paths, err := filepath.Glob("../testdata/services/*.yaml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no sample services: %v", err)
	}
	var snaps []scoring.Snapshot
	for _, p := range paths {
		a, err := form.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a.Source = filepath.ToSlash(filepath.Join("testdata/services", filepath.Base(p)))
		set, ok := criteria.Builtin(a.Criteria)
		if !ok {
			t.Fatalf("%s: no set %s", p, a.Criteria)
		}
		if ps := form.Check(a, set); len(ps) > 0 {
			t.Fatal(ps.Err())
		}
		r := scoring.Score(set, a)
		snaps = append(snaps, r.Snapshot())
	}
	return snaps
}

func sampleComparison(t testing.TB, order scoring.Order) *scoring.Comparison {
	snaps := sampleSnapshots(t)
	return scoring.Compare(snaps, scoring.MainSet(snaps), scoring.CompareOptions{Order: order})
}

func TestCompareGolden(t *testing.T) {
	byTotal := sampleComparison(t, scoring.ByTotal)
	byName := sampleComparison(t, scoring.ByName)
	for _, tc := range []struct {
		name  string
		c     *scoring.Comparison
		opt   CompareOptions
		write func(*bytes.Buffer, *scoring.Comparison, CompareOptions) error
	}{
		{"compare/text-fi.golden", byTotal, CompareOptions{Lang: "fi"}, wr(CompareText)},
		{"compare/text-en.golden", byTotal, CompareOptions{Lang: "en"}, wr(CompareText)},
		{"compare/text-name-fi.golden", byName, CompareOptions{Lang: "fi", Order: scoring.ByName}, wr(CompareText)},
		{"compare/json.golden", byTotal, CompareOptions{Lang: "fi"}, wr(CompareJSONOut)},
		{"compare/md-fi.golden", byTotal, CompareOptions{Lang: "fi"}, wr(CompareMarkdown)},
		{"compare/md-en.golden", byTotal, CompareOptions{Lang: "en"}, wr(CompareMarkdown)},
		{"compare/long.csv", byTotal, CompareOptions{Lang: "fi"}, wr(CompareCSV)},
		{"compare/summary.csv", byTotal, CompareOptions{Lang: "en", Table: TableSummary}, wr(CompareCSV)},
		{"compare/summary-excel.csv", byTotal, CompareOptions{Lang: "fi", Table: TableSummary, CSV: CSVOptions{Excel: true}}, wr(CompareCSV)},
		{"compare/long-excel.csv", byTotal, CompareOptions{Lang: "fi", CSV: CSVOptions{Excel: true}}, wr(CompareCSV)},
		{"compare/report-fi.html", byTotal, CompareOptions{Lang: "fi"}, wr(CompareHTML)},
		{"compare/report-en.html", byTotal, CompareOptions{Lang: "en"}, wr(CompareHTML)},
		{"compare/xlsx-fi.golden", byTotal, CompareOptions{Lang: "fi"}, wr(xlsxDump)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tc.write(&buf, tc.c, tc.opt); err != nil {
				t.Fatal(err)
			}
			golden(t, tc.name, buf.Bytes())
		})
	}
}

func wr(f func(w io.Writer, c *scoring.Comparison, opt CompareOptions) error) func(*bytes.Buffer, *scoring.Comparison, CompareOptions) error {
	return func(b *bytes.Buffer, c *scoring.Comparison, o CompareOptions) error { return f(b, c, o) }
}
