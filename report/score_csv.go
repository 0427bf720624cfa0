package report

import (
	"io"

	"github.com/laatu-fi/laatu/scoring"
)

// ScoreCSV writes one row per criterion of each assessment: the service,
// the date, the set, the criterion, its level, where the level comes from,
// how it was reached, the reason and the evidence.
func ScoreCSV(w io.Writer, results []scoring.Result, opt ScoreOptions) error {
	return WriteDocCSV(w, ScoreDocument(results, opt.History, opt), opt.CSV)
}

// ScoreReportText and ScoreReportMarkdown write the one-service report
// (ScoreDocument) as text and Markdown: the whole report, where ScoreText
// and ScoreMarkdown are the short summaries `laatu score` prints.
func ScoreReportText(w io.Writer, results []scoring.Result, opt ScoreOptions) error {
	return WriteDocText(w, ScoreDocument(results, opt.History, opt), opt.Width)
}

// ScoreReportMarkdown: see ScoreReportText.
func ScoreReportMarkdown(w io.Writer, results []scoring.Result, opt ScoreOptions) error {
	return WriteDocMarkdown(w, ScoreDocument(results, opt.History, opt))
}
