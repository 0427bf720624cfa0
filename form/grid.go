package form

import (
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/msg"
)

// A laatu sheet as the readers see it: its rows of raw cell values, found
// by the keys in its hidden row 1 and column A.

// markerRows is how far down a sheet laatu looks for a marker: A1 in a
// template, a little lower if someone has inserted rows above.
const markerRows = 20

// maxColumns is the widest row kept; the template uses nine columns.
const maxColumns = 64

// grid is a laatu sheet's cells as stored (raw values, not formatted).
type grid struct {
	file, sheet    string
	marker         string
	rows           [][]string // rows[i] is the sheet's row i+1
	keyRow, keyCol int
	cols           map[string]int // column key → index
	tooLong        bool
	// names is how the workbook names its columns and fields
	// (column_names.go), for messages.
	names *FileNames
}

// tooManyCells is a sheet reader's answer when the workbook's cells exceed
// Limits.Cells; cell is the last one of the row that went over.
type tooManyCells struct{ cell string }

func (e *tooManyCells) Error() string { return "too many cells up to " + e.cell }

func (g *grid) findMarker(row int, cols []string) {
	for c, v := range cols {
		if v = strings.TrimSpace(v); v == markerDetails || v == markerAssessment || v == markerOutcomes || v == markerPlan {
			g.marker, g.keyRow, g.keyCol = v, row, c
			return
		}
	}
}

func (g *grid) cell(row, col int) string {
	if row < 0 || row >= len(g.rows) || col < 0 || col >= len(g.rows[row]) {
		return ""
	}
	return g.rows[row][col]
}

// ref is the A1 name of a cell by its indexes.
func (g *grid) ref(row, col int) string { return cellName(columnName(col+1), row+1) }

func (g *grid) place(row, col int) msg.Place {
	return msg.Place{File: g.file, Sheet: g.sheet, Cell: g.ref(row, col)}
}

// column returns the index of the column keyed key, reporting its absence.
func (g *grid) column(key string, ps *msg.Problems) (int, bool) {
	c, ok := g.cols[key]
	switch {
	case ok:
	case msg.Builtin().Texts("sheet.col."+key) != nil:
		// Named by its heading, as the user sees it; the hidden key is
		// the detail.
		ps.Add(msg.Place{File: g.file, Sheet: g.sheet}, 0, "sheet.missing-column.named", g.names.label("sheet.col."+key, key), key)
	default:
		ps.Add(msg.Place{File: g.file, Sheet: g.sheet}, 0, "sheet.missing-column", key)
	}
	return c, ok
}

// keyedRows calls fn for every row below the key row that has a key.
func (g *grid) keyedRows(fn func(row int, key string)) {
	for r := g.keyRow + 1; r < len(g.rows); r++ {
		if key := strings.TrimSpace(g.cell(r, g.keyCol)); key != "" {
			fn(r, key)
		}
	}
}

// answerCells are the cells of g that hold answers: on the details sheet
// the value of each keyed row, on the assessment sheet the level, figure,
// note and evidence of each criterion and the mark of each checklist
// element.
func (g *grid) answerCells() map[cellPos]bool {
	var cols []string
	if g.marker == markerDetails || g.marker == markerOutcomes {
		cols = []string{colValue}
	}
	want := map[cellPos]bool{}
	g.keyedRows(func(r int, key string) {
		switch {
		case g.marker == markerDetails:
		case g.marker == markerOutcomes:
			if key == keyRate || key == keyBenchmark || key == keySourcesHeading {
				return
			}
		case g.marker == markerPlan:
			cols = []string{colPlanCriterion, colPlanAction, colPlanOwner, colPlanDue, colPlanStatus}
		case strings.HasPrefix(key, rowItem):
			cols = []string{colLevel, colFigure, colNote, colEvidence}
		case strings.HasPrefix(key, rowCheck), strings.HasPrefix(key, rowFigures),
			strings.HasPrefix(key, rowCount), strings.HasPrefix(key, rowInput):
			cols = []string{colFigure}
		default:
			return
		}
		for _, k := range cols {
			if c, ok := g.cols[k]; ok {
				want[cellPos{r, c}] = true
			}
		}
	})
	return want
}

// criterionAt is the number of the criterion on row r of an assessment
// sheet, or 0.
func (g *grid) criterionAt(r int) int {
	key := strings.TrimSpace(g.cell(r, g.keyCol))
	if rest, ok := strings.CutPrefix(key, rowItem); ok {
		n, _ := strconv.Atoi(rest)
		return max(n, 0)
	}
	for _, prefix := range []string{rowCheck, rowFigures, rowMean, rowCount, rowRatio, rowInput} {
		if rest, ok := strings.CutPrefix(key, prefix); ok {
			num, _, _ := strings.Cut(rest, ":")
			n, _ := strconv.Atoi(num)
			return max(n, 0)
		}
	}
	return 0
}
