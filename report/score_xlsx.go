package report

import (
	"io"

	"github.com/laatu-fi/laatu/scoring"
)

// ScoreXLSX writes the one-service report (ScoreDocument) as a workbook:
// a report sheet with the header, the domain profile and its native bar
// chart, the strengths, the criteria to improve and the trend chart, and a
// sheet of every criterion.
func ScoreXLSX(w io.Writer, results []scoring.Result, opt ScoreOptions) error {
	return WriteDocXLSX(w, ScoreDocument(results, opt.History, opt))
}
