package main

import (
	"fmt"
	"io"
	"os"
	"testing"
	"time"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/internal/synth"
)

// BenchmarkCompareYAML runs laatu compare end to end over folders of
// synthetic YAML assessments (see internal/gen): walking the folders,
// reading and scoring in the worker pool, comparing and writing the report
// to a discarded output. files/s is the throughput; B/op counts all the
// memory allocated, not what is held at once (for that, measure the
// command's peak RSS as the README shows).
func BenchmarkCompareYAML(b *testing.B) {
	set, _ := criteria.Builtin(criteria.DefaultID)
	for _, n := range []int{100, 1000} {
		dir := b.TempDir()
		if _, err := synth.WriteYAMLDir(dir, set, synth.Options{N: n, Seed: 1}); err != nil {
			b.Fatal(err)
		}
		for _, format := range []string{"csv", "html", "xlsx"} {
			b.Run(fmt.Sprintf("files=%d/%s", n, format), func(b *testing.B) {
				io := &IO{In: os.Stdin, Out: io.Discard, Err: io.Discard, Getenv: func(string) string { return "" }, Now: time.Now}
				b.ReportAllocs()
				for b.Loop() {
					if code := run(io, []string{"compare", "--format", format, dir}); code != 0 {
						b.Fatalf("laatu compare exited %d", code)
					}
				}
				b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "files/s")
			})
		}
	}
}
