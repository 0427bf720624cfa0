package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A change (Cell.Signed) shows its sign in CSV and HTML as in the text
// report and the workbook: +8, −2 (ASCII -2 in CSV, to stay a number), 0.
// The page writes a cell as the document's Value (cellValue).
func TestSignedCells(t *testing.T) {
	signed := func(c Cell) Cell { c.Signed = true; return c }
	cells := []Cell{signed(Int(8)), signed(Int(-2)), signed(Int(0)), signed(Float(0.5, 1)), signed(Float(-0.04, 1)), Int(8)}
	tests := []struct {
		name string
		opt  CSVOptions
		want string
	}{
		{"csv", CSVOptions{}, "+8,-2,0,+0.5,0.0,8"},
		{"excel", CSVOptions{Excel: true}, "+8;-2;0;+0,5;0,0;8"},
	}
	for _, tc := range tests {
		var buf bytes.Buffer
		if err := WriteCSV(&buf, Table{Header: []string{"a", "b", "c", "d", "e", "f"}, Rows: [][]Cell{cells}}, tc.opt); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
		if diff := cmp.Diff(tc.want, strings.TrimSpace(lines[len(lines)-1])); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
	}
	var got []string
	for _, c := range cells {
		got = append(got, cellValue(c).String("fi"))
	}
	if diff := cmp.Diff([]string{"+8", "−2", "0", "+0,5", "0,0", "8"}, got); diff != "" {
		t.Errorf("html (-want +got):\n%s", diff)
	}
}
