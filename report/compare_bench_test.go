package report

import (
	"fmt"
	"io"
	"testing"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/internal/synth"
	"github.com/laatu-fi/laatu/scoring"
)

// syntheticComparison compares n synthetic assessments (four per service).
func syntheticComparison(b *testing.B, n int) *scoring.Comparison {
	set, _ := criteria.Builtin(criteria.DefaultID)
	o := synth.Options{N: n, Seed: 1}
	snaps := make([]scoring.Snapshot, n)
	for i := range n {
		r := scoring.Score(set, synth.Assessment(set, i, o))
		snaps[i] = r.Snapshot()
	}
	return scoring.Compare(snaps, set, scoring.CompareOptions{})
}

// BenchmarkCompareRender renders a comparison of 1,000 assessments (250
// services) in each format, without reading files.
func BenchmarkCompareRender(b *testing.B) {
	c := syntheticComparison(b, 1000)
	for _, f := range []struct {
		name  string
		write func(io.Writer, *scoring.Comparison, CompareOptions) error
		opt   CompareOptions
	}{
		{"text", CompareText, CompareOptions{Lang: "fi"}},
		{"md", CompareMarkdown, CompareOptions{Lang: "fi"}},
		{"json", CompareJSONOut, CompareOptions{Lang: "fi"}},
		{"csv-long", CompareCSV, CompareOptions{Lang: "fi"}},
		{"csv-summary-excel", CompareCSV, CompareOptions{Lang: "fi", Table: TableSummary, CSV: CSVOptions{Excel: true}}},
		{"xlsx", CompareXLSX, CompareOptions{Lang: "fi"}},
		{"html", CompareHTML, CompareOptions{Lang: "fi"}},
	} {
		b.Run(f.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := f.write(io.Discard, c, f.opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCompareBuild groups, ranks and summarises snapshots.
func BenchmarkCompareBuild(b *testing.B) {
	set, _ := criteria.Builtin(criteria.DefaultID)
	for _, n := range []int{1000, 10000} {
		o := synth.Options{N: n, Seed: 1}
		snaps := make([]scoring.Snapshot, n)
		for i := range n {
			r := scoring.Score(set, synth.Assessment(set, i, o))
			snaps[i] = r.Snapshot()
		}
		b.Run(fmt.Sprintf("snapshots=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				scoring.Compare(snaps, set, scoring.CompareOptions{})
			}
		})
	}
}

// BenchmarkCompareXLSXServices writes the comparison workbook for 1,000
// and 5,000 services (one assessment each): the item matrix has a column
// per service, so this shows whether writing stays linear in the services.
func BenchmarkCompareXLSXServices(b *testing.B) {
	set, _ := criteria.Builtin(criteria.DefaultID)
	for _, n := range []int{1000, 5000} {
		o := synth.Options{N: n, Seed: 1, PerService: 1}
		snaps := make([]scoring.Snapshot, n)
		for i := range n {
			r := scoring.Score(set, synth.Assessment(set, i, o))
			snaps[i] = r.Snapshot()
		}
		c := scoring.Compare(snaps, set, scoring.CompareOptions{})
		b.Run(fmt.Sprintf("services=%d", len(c.Services)), func(b *testing.B) {
			for b.Loop() {
				if err := CompareXLSX(io.Discard, c, CompareOptions{Lang: "fi"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
