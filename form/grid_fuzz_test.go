package form

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/laatu-fi/laatu/msg"
	"github.com/xuri/excelize/v2"
)

// FuzzReadGrid feeds the sheet readers cell contents directly: the XLSX
// fuzz test mostly exercises the zip and XML layers, since a mutated
// workbook seldom survives its checksums. Rows are lines, cells are
// separated by tabs; the first line is the key row.
func FuzzReadGrid(f *testing.F) {
	f.Add("laatu:assessment\tnumber\tcriterion\tlevel\tfigure\tpoints\tanchors\tnote\tevidence\n" +
		"item:1\t1\t\t4,0\t23,7\t\t\tsyy\tnäyttö\n" +
		"item:5\t5\t\t\t\t\t\t\t\n" +
		"check:5:weekly-team-meeting\t\t\t\tx\n" +
		"check:5:shared-record\t\t\t\tei\n" +
		"domain:henkilosto\ntotal\nheader\n")
	f.Add("laatu:details\tlabel\tvalue\ncriteria\t\ttyokyky\ndate\t\t46350\nraters\t\tA, B\nprovider\t\tP\n")
	f.Add("laatu:assessment\tlevel\tfigure\tnote\tevidence\nitem:x\nitem:3\t7\tpaljon\ncheck::\ncheck:2\nitem:3\t1\n")
	// The laatu sheets of every workbook in testdata, as the readers get
	// them.
	paths, _ := filepath.Glob("../testdata/sheets/*.xlsx")
	bad, _ := filepath.Glob("../testdata/bad/*.xlsx")
	for _, path := range append(paths, bad...) {
		for _, g := range gridsOf(f, path) {
			var b strings.Builder
			for _, row := range g.rows[g.keyRow:] {
				cells := make([]string, len(row))
				for i, c := range row {
					cells[i] = strings.NewReplacer("\t", " ", "\n", " ").Replace(c)
				}
				b.WriteString(strings.Join(cells[min(g.keyCol, len(cells)):], "\t") + "\n")
			}
			f.Add(b.String())
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		g := &grid{file: "f.xlsx", sheet: "S", keyRow: 0}
		for _, line := range strings.Split(s, "\n") {
			g.rows = append(g.rows, strings.Split(line, "\t"))
		}
		g.cols = map[string]int{}
		for c, k := range g.rows[0] {
			if c > 0 {
				g.cols[strings.TrimSpace(k)] = c
			}
		}
		var ps1, ps2 struct{ ps msg.Problems }
		a := &Assessment{Source: "f.xlsx"}
		readDetails(g, a, &ps1.ps)
		readAssessmentSheet(g, a, func(row, col int) bool { return row%2 == 0 }, &ps2.ps)
		for _, p := range append(ps1.ps, ps2.ps...) {
			if p.File != "f.xlsx" || p.Sheet != "S" {
				t.Fatalf("problem %q does not name the file and sheet", p.In("en"))
			}
		}
		for _, it := range a.Items {
			if it.Criterion <= 0 || !it.Answered() {
				t.Fatalf("item %+v", it)
			}
		}
	})
}

// gridsOf reads the laatu sheets of the workbook in path; none when it is
// not a workbook laatu opens.
func gridsOf(f *testing.F, path string) []*grid {
	b, err := os.ReadFile(path)
	if err != nil || len(b) > 1<<20 {
		return nil
	}
	zr, ps := sniffXLSX(b, path, DefaultLimits)
	if ps != nil {
		return nil
	}
	values, err := valueParts(zr)
	if err != nil {
		return nil
	}
	x, err := excelize.OpenReader(bytes.NewReader(values))
	if err != nil {
		return nil
	}
	defer x.Close()
	var out []*grid
	cells := DefaultLimits.Cells
	for _, sheet := range x.GetSheetList() {
		if g, err := readGrid(x, path, sheet, DefaultLimits, &cells); err == nil && g != nil && !g.tooLong {
			out = append(out, g)
		}
	}
	return out
}
