package report

import (
	"bytes"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestDocXLSXDates: a date in a document's table is a date cell in the
// workbook, shown in the reader's format, so that it sorts and filters as
// a date; a day left blank stays its text, and so does a date in a bold
// row (the bold style has no date format).
func TestDocXLSXDates(t *testing.T) {
	day := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ lang, shown string }{{"fi", "24.11.2026"}, {"sv", "24.11.2026"}, {"en", "2026-11-24"}} {
		d := &Document{Lang: tc.lang, Sections: []Section{{Heading: "Päivät", Sheet: "T", Blocks: []Block{&DocTable{RowHeader: -1,
			Header: []string{"Pvm", "Ei päivää"}, Bold: []int{1}, Rows: [][]Value{
				{VDate(day, tc.shown), VDate(time.Time{}, "–")},
				{VDate(day, tc.shown), VText("yhteensä")},
			}}}}}}
		var buf bytes.Buffer
		if err := WriteDocXLSX(&buf, d); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		raw, err := f.GetCellValue("T", "A3", excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		serial, err := strconv.ParseFloat(raw, 64)
		if err != nil {
			t.Fatalf("%s: A3 holds %q, not a date's number", tc.lang, raw)
		}
		if got, err := excelize.ExcelDateToTime(serial, false); err != nil || !got.Equal(day) {
			t.Errorf("%s: A3 is day %v (%v), want %v", tc.lang, got, err, day)
		}
		if shown, _ := f.GetCellValue("T", "A3"); shown != tc.shown {
			t.Errorf("%s: A3 shows %q, want %q", tc.lang, shown, tc.shown)
		}
		style, err := f.GetCellStyle("T", "A3")
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(style)
		if err != nil {
			t.Fatal(err)
		}
		if want := map[string]string{"en": "yyyy-mm-dd"}[tc.lang]; st.CustomNumFmt == nil || want != "" && *st.CustomNumFmt != want || want == "" && *st.CustomNumFmt != "d.m.yyyy" {
			t.Errorf("%s: A3's number format is %v", tc.lang, st.CustomNumFmt)
		}
		for ref, want := range map[string]string{"B3": "–", "A4": tc.shown} {
			if got, _ := f.GetCellValue("T", ref, excelize.Options{RawCellValue: true}); got != want {
				t.Errorf("%s: %s holds %q, want the text %q", tc.lang, ref, got, want)
			}
		}
		f.Close()
	}
}
