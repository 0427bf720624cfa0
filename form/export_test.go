package form

import (
	"archive/zip"
	"bytes"
	"io"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
)

// Access to the template's layout for the external tests (package
// form_test, which may import scoring), so that they fill the cells a user
// would fill without repeating addresses.

const (
	MarkerDetails    = markerDetails
	MarkerAssessment = markerAssessment
)

// Cell names the assessment sheet's cell in column key ("level", "figure",
// "note", "evidence", "points") on criterion n's row.
func Cell(set *criteria.Set, n int, key string) string {
	return cellName(columnOf(assessmentColumns, key), newLayout(set).item[n])
}

// MarkCell names the mark cell of criterion n's i-th checklist element.
func MarkCell(set *criteria.Set, n, i int) string {
	return cellName(columnOf(assessmentColumns, colFigure), newLayout(set).elements[n][i])
}

// DomainPointsCell names the cell holding domain i's live sum.
func DomainPointsCell(set *criteria.Set, i int) string {
	return cellName(columnOf(assessmentColumns, colPoints), newLayout(set).domains[i].row)
}

// TotalPointsCell names the cell holding the live total.
func TotalPointsCell() string {
	return cellName(columnOf(assessmentColumns, colPoints), rowTotalLine)
}

// DetailsValueColumn is the details sheet's column of values.
func DetailsValueColumn() string { return columnOf(detailsColumns, colValue) }

// SheetPart names the zip part that holds the workbook b's sheet, or "".
func SheetPart(b []byte, sheet string) string {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return ""
	}
	parts, _ := workbookParts(zr)
	return parts[sheet]
}

// RuleCell names the answer cell of a rule row by its key
// ("figures:17:1", "count:1:clients", "input:17:tracking"), or of
// "mean:N" and "ratio:N", their computed figures.
func RuleCell(set *criteria.Set, key string) string {
	l := newLayout(set)
	fig := columnOf(assessmentColumns, colFigure)
	n, sub, _ := ruleKey(key + ":x")
	rr := l.rules[n]
	switch {
	case strings.HasPrefix(key, rowFigures):
		n, sub, _ = ruleKey(key)
		k, _ := strconv.Atoi(sub)
		return cellName(fig, l.rules[n].specialists[k-1])
	case strings.HasPrefix(key, rowMean):
		return cellName(fig, rr.mean)
	case strings.HasPrefix(key, rowRatio):
		return cellName(fig, rr.ratio)
	case strings.HasPrefix(key, rowCount):
		n, sub, _ = ruleKey(key)
		c := set.Criterion(n)
		if sub == c.Measure.Ratio.Numerator.ID {
			return cellName(fig, l.rules[n].counts[0])
		}
		return cellName(fig, l.rules[n].counts[1])
	case strings.HasPrefix(key, rowInput):
		n, sub, _ = ruleKey(key)
		c := set.Criterion(n)
		for i, in := range c.Inputs {
			if in.ID == sub {
				return cellName(fig, l.rules[n].inputs[i])
			}
		}
	}
	_ = sub
	return ""
}

// ChoiceIDsCell names the hidden cell of a question's row (by its key)
// that holds its kind and option ids.
func ChoiceIDsCell(set *criteria.Set, key string) string {
	cell := RuleCell(set, key)
	return columnOf(assessmentColumns, colChoiceIDs) + strings.TrimLeft(cell, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
}

// ReadXLSXExcelize reads a workbook as ReadXLSX does, with the reader
// laatu had before the one-pass reader (readWorkbookExcelize).
func ReadXLSXExcelize(r io.Reader, file string, lim Limits) (*Assessment, error) {
	lim = lim.orDefault()
	b, err := io.ReadAll(io.LimitReader(r, lim.FileSize+1))
	if err != nil {
		return nil, fileProblem(file, "file.read", err)
	}
	if int64(len(b)) > lim.FileSize {
		return nil, fileProblem(file, "harden.file-too-large", FormatSize(lim.FileSize))
	}
	zr, ps := sniffXLSX(b, file, lim)
	if ps != nil {
		return nil, ps
	}
	return readWorkbookExcelize(zr, file, lim)
}
