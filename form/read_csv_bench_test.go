package form_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"testing"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/internal/synth"
)

// BenchmarkReadCSVFilled reads one filled CSV assessment as compare meets
// a thousand of them (internal/synth: every criterion answered, rule
// lines for the figures and counts), beside the floor that scripts/floor
// times as a whole process: encoding/csv splitting the same bytes once and
// keeping nothing. The ratio of the two is the reader's cost over the
// least work.
func BenchmarkReadCSVFilled(b *testing.B) {
	set, ok := criteria.Builtin(criteria.DefaultID)
	if !ok {
		b.Fatal("no built-in set", criteria.DefaultID)
	}
	var buf bytes.Buffer
	if err := form.WriteCSV(&buf, set, synth.Assessment(set, 7, synth.Options{N: 1, Seed: 1}), "fi"); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.Run("laatu", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := form.ReadCSV(bytes.NewReader(data), "arvio.csv", form.DefaultLimits); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("floor", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
			r.Comma, r.FieldsPerRecord, r.LazyQuotes, r.ReuseRecord = ';', -1, true, true
			for {
				if _, err := r.Read(); errors.Is(err, io.EOF) {
					break
				} else if err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
