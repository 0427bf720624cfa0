package main

import (
	"io"
	"os"
	"testing"
	"time"

	"github.com/laatu-fi/laatu/form"
)

// BenchmarkScoreOne is `laatu score FILE` for one YAML file, in process:
// the command line, the criteria set and messages it needs, reading,
// scoring and the text report. Package initialisation is not in it; the
// whole process is timed from outside (README: Performance).
func BenchmarkScoreOne(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		rio := &IO{In: nil, Out: io.Discard, Err: io.Discard, Getenv: os.Getenv, Now: time.Now, Limits: form.DefaultLimits}
		if code := run(rio, []string{"score", "../../testdata/services/kateva-2026-11.yaml"}); code != 0 {
			b.Fatalf("exit status %d", code)
		}
	}
}
