package main

import (
	"io"
	"os"
	"testing"
	"time"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/internal/synth"
)

// BenchmarkCompareCSV runs laatu compare end to end over 1,000 synthetic
// CSV assessments as the template writes them (internal/gen -format csv):
// walking the folder, reading and scoring in the worker pool, and the
// text report to a discarded output. scripts/bench.sh times the same work
// as a whole process beside the floor.
func BenchmarkCompareCSV(b *testing.B) {
	set, _ := criteria.Builtin(criteria.DefaultID)
	dir := b.TempDir()
	if _, err := synth.WriteDir(dir, set, synth.Options{N: 1000, Seed: 1}, "csv"); err != nil {
		b.Fatal(err)
	}
	rio := &IO{In: os.Stdin, Out: io.Discard, Err: io.Discard, Getenv: func(string) string { return "" }, Now: time.Now}
	b.ReportAllocs()
	for b.Loop() {
		if code := run(rio, []string{"compare", dir}); code != 0 {
			b.Fatalf("laatu compare exited %d", code)
		}
	}
	b.ReportMetric(float64(1000*b.N)/b.Elapsed().Seconds(), "files/s")
}
