package report

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/internal/testtool"
	"github.com/laatu-fi/laatu/scoring"
	"github.com/xuri/excelize/v2"
)

func TestMergeCellsAt(t *testing.T) {
	for _, c := range []struct {
		name, sheet, want string // want: sheet with | where mergeCells goes
		err               string
	}{
		{name: "before the page margins",
			sheet: `<worksheet><sheetData><row r="1"></row></sheetData><pageMargins left="0.7"></pageMargins></worksheet>`,
			want:  `<worksheet><sheetData><row r="1"></row></sheetData>|<pageMargins left="0.7"></pageMargins></worksheet>`},
		{name: "after the autofilter",
			sheet: `<worksheet><sheetData></sheetData><autoFilter ref="A1:B9"><filterColumn colId="0"></filterColumn></autoFilter><printOptions/><drawing r:id="rId1"></drawing></worksheet>`,
			want:  `<worksheet><sheetData></sheetData><autoFilter ref="A1:B9"><filterColumn colId="0"></filterColumn></autoFilter>|<printOptions/><drawing r:id="rId1"></drawing></worksheet>`},
		{name: "after a self-closed protection",
			sheet: `<worksheet><sheetData/><sheetProtection sheet="1"/><conditionalFormatting sqref="A1"></conditionalFormatting></worksheet>`,
			want:  `<worksheet><sheetData/><sheetProtection sheet="1"/>|<conditionalFormatting sqref="A1"></conditionalFormatting></worksheet>`},
		{name: "at the end",
			sheet: `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><autoFilter ref="A1:A1"></autoFilter></worksheet>`,
			want:  `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><autoFilter ref="A1:A1"></autoFilter>|</worksheet>`},
		{name: "merged already",
			sheet: `<worksheet><sheetData></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"></mergeCell></mergeCells></worksheet>`,
			err:   "merged cells already"},
		{name: "no cells", sheet: `<worksheet><cols></cols></worksheet>`, err: "no sheetData"},
		{name: "cut short", sheet: `<worksheet><sheetData></sheetData><autoFilter ref="A1:A1">`, err: "no place for merged cells"},
	} {
		t.Run(c.name, func(t *testing.T) {
			at, err := mergeCellsAt([]byte(c.sheet))
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error %v, want one saying %q", err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := c.sheet[:at] + "|" + c.sheet[at:]; got != c.want {
				t.Errorf("merged cells go at\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

// The ranges each sheet merged are in the saved workbook as excelize and
// LibreOffice read them, every one (excelize joins ranges that overlap,
// so none does), each sheet's in place among its parts.
func TestDocXLSXMerges(t *testing.T) {
	for _, c := range []struct {
		name string
		doc  *Document
	}{
		{"check", CheckDocument(sampleEvaluation(t, 40), CheckOptions{Lang: "fi"})},
		{"tender", CheckDocument(tenderEvaluation(t), CheckOptions{Lang: "fi"})},
		{"compare", compareWorkbook(sampleComparison(t, scoring.ByTotal), CompareOptions{Lang: "fi"})},
	} {
		t.Run(c.name, func(t *testing.T) {
			x, err := newDocXLSX(c.doc.Lang)
			if err != nil {
				t.Fatal(err)
			}
			defer x.f.Close()
			if err := x.document(c.doc); err != nil {
				t.Fatal(err)
			}
			want := map[string][]string{}
			for sheet, ranges := range x.merged {
				for _, r := range ranges {
					want[sheet] = append(want[sheet], r[0]+":"+r[1])
				}
			}
			if len(want) == 0 {
				t.Fatal("no sheet merged a range")
			}
			var buf bytes.Buffer
			if err := x.save(&buf); err != nil {
				t.Fatal(err)
			}
			if got := savedMerges(t, buf.Bytes()); !cmp.Equal(got, want) {
				t.Errorf("the saved workbook's merged ranges (-got +want):\n%s", cmp.Diff(got, want))
			}
			f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			for id, sheet := range f.GetSheetMap() {
				part := readZipPart(t, buf.Bytes(), "xl/worksheets/sheet"+strconv.Itoa(id)+".xml")
				if n := strings.Count(part, "<mergeCells "); n != min(len(want[sheet]), 1) {
					t.Errorf("sheet %s has %d mergeCells elements, want %d", sheet, n, min(len(want[sheet]), 1))
				}
				if i := strings.Index(part, "<mergeCells "); i >= 0 {
					if j := strings.Index(part, "</autoFilter>"); j > i {
						t.Errorf("sheet %s: its merged cells come before its autofilter", sheet)
					}
					if j := strings.Index(part, "<pageMargins"); j >= 0 && j < i {
						t.Errorf("sheet %s: its merged cells come after its page margins", sheet)
					}
				}
			}
		})
	}
}

// The merged ranges as LibreOffice reads them: the check workbook saved
// again by LibreOffice merges the same ranges.
func TestDocXLSXMergesInLibreOffice(t *testing.T) {
	soffice := testtool.Require(t, "soffice", "libreoffice")
	d := CheckDocument(tenderEvaluation(t), CheckOptions{Lang: "fi"})
	x, err := newDocXLSX(d.Lang)
	if err != nil {
		t.Fatal(err)
	}
	defer x.f.Close()
	if err := x.document(d); err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{}
	for sheet, ranges := range x.merged {
		for _, r := range ranges {
			want[sheet] = append(want[sheet], r[0]+":"+r[1])
		}
	}
	xlsx := writeTemp(t, "tarjoukset.xlsx", func(b *bytes.Buffer) error { return x.save(b) })
	dir := t.TempDir()
	profile := "file://" + filepath.ToSlash(filepath.Join(t.TempDir(), "profile"))
	testtool.Run(t, 3*time.Minute, dir, soffice, "--headless", "--norestore", "-env:UserInstallation="+profile,
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", dir, xlsx)
	again, err := os.ReadFile(filepath.Join(dir, "tarjoukset.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if got := savedMerges(t, again); !cmp.Equal(got, want) {
		t.Errorf("the merged ranges LibreOffice kept (-got +want):\n%s", cmp.Diff(got, want))
	}
}

// savedMerges are the merged ranges of each sheet of the workbook, as
// excelize reads them.
func savedMerges(t *testing.T, workbook []byte) map[string][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(workbook))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got := map[string][]string{}
	for _, sheet := range f.GetSheetList() {
		ms, err := f.GetMergeCells(sheet, true)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			got[sheet] = append(got[sheet], m[0])
		}
	}
	return got
}

// readZipPart is the text of the part name of the zip archive.
func readZipPart(t *testing.T, archive []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(archive), int64(len(archive)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
