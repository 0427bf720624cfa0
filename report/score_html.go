package report

import (
	"io"

	"github.com/laatu-fi/laatu/scoring"
)

// ScoreHTML writes the one-service report (ScoreDocument) as a printable
// HTML page: A4 portrait in print, headings kept with what follows, table
// headers repeated on each page, charts as inline SVG with their values in
// words.
func ScoreHTML(w io.Writer, results []scoring.Result, opt ScoreOptions) error {
	return WriteDocHTML(w, ScoreDocument(results, opt.History, opt))
}
