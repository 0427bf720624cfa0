package form_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"strings"
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

// BenchmarkXLSXReaders reads a workbook laatu (excelize) wrote and filled
// and the same workbook as LibreOffice saved it, with the one-pass reader,
// with the excelize reader it replaced, and with a floor that only
// unpacks the sheets and the shared strings and scans them with
// encoding/xml's RawToken: the least any reader of the cells does.
func BenchmarkXLSXReaders(b *testing.B) {
	for _, book := range []struct{ name, path string }{
		{"written", "../testdata/sheets/kateva-2026-11.xlsx"},
		{"libreoffice", "../testdata/sheets/kateva-2026-11-libreoffice.xlsx"},
	} {
		data, err := os.ReadFile(book.path)
		if err != nil {
			b.Fatal(err)
		}
		for _, reader := range []struct {
			name string
			read func([]byte) error
		}{
			{"onepass", func(data []byte) error {
				_, err := form.ReadXLSX(bytes.NewReader(data), "arvio.xlsx", form.DefaultLimits)
				return err
			}},
			{"excelize", func(data []byte) error {
				_, err := form.ReadXLSXExcelize(bytes.NewReader(data), "arvio.xlsx", form.DefaultLimits)
				return err
			}},
			{"floor", scanXLSXFloor},
		} {
			b.Run(book.name+"/"+reader.name, func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					if err := reader.read(data); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// scanXLSXFloor unpacks the sheets and the shared strings of a workbook
// and reads each with RawToken, keeping nothing.
func scanXLSXFloor(data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	for _, f := range zr.File {
		if f.Name != "xl/sharedStrings.xml" && !strings.HasPrefix(f.Name, "xl/worksheets/sheet") {
			continue
		}
		r, err := f.Open()
		if err != nil {
			return err
		}
		d := xml.NewDecoder(r)
		for {
			if _, err = d.RawToken(); err != nil {
				break
			}
		}
		r.Close()
		if err != io.EOF {
			return err
		}
	}
	return nil
}
