package form

import (
	"strings"
	"testing"

	"github.com/laatu-fi/laatu/msg"
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
