package form_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/laatu-fi/laatu/form"
)

// BenchmarkReadXLSX reads one filled template: the cost of every workbook
// laatu score reads.
func BenchmarkReadXLSX(b *testing.B) {
	data, err := os.ReadFile("../testdata/sheets/kateva-2026-11.xlsx")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := form.ReadXLSX(bytes.NewReader(data), "arvio.xlsx", form.DefaultLimits); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadCSV reads the CSV form of the same assessment, as Finnish
// Excel saves it.
func BenchmarkReadCSV(b *testing.B) {
	data, err := os.ReadFile("../testdata/sheets/kateva-2026-11-excel.csv")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := form.ReadCSV(bytes.NewReader(data), "arvio.csv", form.DefaultLimits); err != nil {
			b.Fatal(err)
		}
	}
}
