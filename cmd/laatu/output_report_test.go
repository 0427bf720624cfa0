package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/report"
	"github.com/laatu-fi/laatu/scoring"
)

// The one-service report in every format: a write that fails first, half
// way or last fails the command, and -o keeps the previous file.
func TestScoreReportFailureKeepsOldFile(t *testing.T) {
	items, err := readAssessments([]string{
		"../../testdata/services/kateva-2026-11.yaml", "../../testdata/services/kateva-2026-05.yaml",
	}, "", form.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	var results []scoring.Result
	for _, it := range items {
		results = append(results, scoring.Score(it.set, it.a))
	}
	opt := report.ScoreOptions{Lang: "fi", Weakest: 3, History: results, HistoryGiven: true}
	one := results[:1]
	writers := map[string]func(io.Writer) error{
		"raportti.html": func(w io.Writer) error { return report.ScoreHTML(w, one, opt) },
		"raportti.xlsx": func(w io.Writer) error { return report.ScoreXLSX(w, one, opt) },
		"raportti.csv":  func(w io.Writer) error { return report.ScoreCSV(w, one, opt) },
		"raportti.md":   func(w io.Writer) error { return report.ScoreReportMarkdown(w, one, opt) },
		"raportti.txt":  func(w io.Writer) error { return report.ScoreReportText(w, one, opt) },
	}
	for name, write := range writers {
		var count countWriter
		if err := write(&count); err != nil {
			t.Fatal(err)
		}
		for _, after := range []int{0, count.n / 2, count.n - 1} {
			path := filepath.Join(t.TempDir(), name)
			if err := os.WriteFile(path, []byte("edellinen raportti\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			io_ := &IO{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}}
			err := writeOutput(io_, path, nil, func(w io.Writer) error { return write(&fullAfter{w: w, n: after}) })
			if err == nil {
				t.Errorf("%s failing after %d of %d writes: no error", name, after, count.n)
			}
			if b, _ := os.ReadFile(path); string(b) != "edellinen raportti\n" {
				t.Errorf("%s failing after %d of %d writes: the old report became %q", name, after, count.n, b)
			}
		}
	}
}
