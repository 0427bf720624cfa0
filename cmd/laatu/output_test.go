package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/report"
	"github.com/laatu-fi/laatu/scoring"
)

var errFull = errors.New("no space left on device")

// fullAfter passes n writes, then fails every one as a full disk does.
type fullAfter struct {
	w io.Writer
	n int
}

func (f *fullAfter) Write(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, errFull
	}
	f.n--
	return f.w.Write(p)
}

// A report that fails part-way (a full disk) fails the command and leaves
// the previous report as it was, for every Markdown and text writer that
// once dropped write errors.
func TestOutputFailureKeepsOldFile(t *testing.T) {
	items, err := readAssessments([]string{"../../testdata/services/kateva-2026-11.yaml"}, "", form.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	results := []scoring.Result{scoring.Score(items[0].set, items[0].a)}
	opt := report.ScoreOptions{Lang: "fi", Weakest: 3}
	writers := map[string]func(io.Writer) error{
		"ScoreMarkdown": func(w io.Writer) error { return report.ScoreMarkdown(w, results, opt) },
		"ScoreText":     func(w io.Writer) error { return report.ScoreText(w, results, opt) },
	}
	for name, write := range writers {
		var count countWriter
		if err := write(&count); err != nil {
			t.Fatal(err)
		}
		for _, after := range []int{0, count.n / 2, count.n - 1} {
			path := filepath.Join(t.TempDir(), "raportti.md")
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

type countWriter struct{ n int }

func (c *countWriter) Write(p []byte) (int, error) { c.n++; return len(p), nil }
