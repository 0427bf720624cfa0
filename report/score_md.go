package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// ScoreMarkdown writes results as Markdown: the same content as the text
// report, plus every criterion's level, for pasting into a wiki or a memo.
func ScoreMarkdown(w io.Writer, results []scoring.Result, opt ScoreOptions) (err error) {
	o := newOut(w)
	w = o
	defer o.finish(&err)
	l := opt.Lang
	for i := range results {
		r := &results[i]
		a := r.Assessment
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "## %s\n\n", mdEscape(ServiceName(a.Provider, a.Unit)))
		if d := a.DateFI(); d != "" {
			fmt.Fprintf(w, "- %s: %s\n", msg.T(l, "score.date"), dateFor(l, a.DateISO(), d))
		}
		fmt.Fprintf(w, "- %s: %s (%s)\n", msg.T(l, "score.set"), mdEscape(r.Set.Name.In(l)), r.Set.Label())
		if len(a.Raters) > 0 {
			fmt.Fprintf(w, "- %s: %s\n", msg.T(l, "score.raters"), mdEscape(msg.Clip(strings.Join(a.Raters, ", "))))
		}
		fmt.Fprintf(w, "- %s: `%s`\n\n", msg.T(l, "score.file"), a.Source)

		fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n|---|---:|---:|---:|---:|\n",
			msg.T(l, "score.col.domain"), msg.T(l, "score.col.score"), msg.T(l, "score.col.max"), msg.T(l, "score.col.rated"), msg.T(l, "score.col.mean"))
		for _, d := range r.Domains {
			fmt.Fprintf(w, "| %s | %d | %d | %d/%d | %s |\n", mdEscape(d.Domain.Name.In(l)), d.Score, d.Max, d.Rated, d.Count, meanText(l, d.Rated, d.Mean))
		}
		fmt.Fprintf(w, "| **%s** | **%d** | %d | %d/%d | %s |\n\n", msg.T(l, "score.total"), r.Total, r.Max, r.Rated, r.Count, meanText(l, r.Rated, r.Mean))
		for _, line := range summaryLines(l, r) {
			fmt.Fprintf(w, "%s\n\n", mdEscape(line))
		}
		if cs := r.Conflicts(); len(cs) > 0 {
			fmt.Fprintf(w, "### %s\n\n", msg.T(l, "score.conflicts"))
			for _, c := range cs {
				fmt.Fprintf(w, "- **%d %s**: %s\n", c.Number(), mdEscape(c.Criterion.Title.In(l)), mdEscape(conflictExplained(l, c)))
			}
			fmt.Fprintln(w)
		}
		if ws := r.Weakest(opt.Weakest); len(ws) > 0 {
			fmt.Fprintf(w, "### %s\n\n", msg.T(l, "score.weakest"))
			for _, c := range ws {
				fmt.Fprintf(w, "- **%d %s**: %s. %s\n", c.Number(), mdEscape(c.Criterion.Title.In(l)), msg.T(l, "score.level", c.Level),
					mdEscape(msg.T(l, "score.next", c.Level+1, c.Criterion.Anchor(c.Level+1).In(l))))
			}
			fmt.Fprintln(w)
		}
		scoreReviewMarkdown(w, l, results, i) // score_review.go
		fmt.Fprintf(w, "### %s\n\n| # | %s | %s | %s |\n|---:|---|---:|---|\n", msg.T(l, "score.items"),
			msg.T(l, "score.col.criterion"), msg.T(l, "score.col.level"), msg.T(l, "score.col.note"))
		for _, it := range r.Items {
			level := "–"
			if !it.Missing() {
				level = fmt.Sprint(it.Level)
			}
			switch {
			case it.Given == 0 && it.Implied != 0 && len(it.Steps) > 0:
				// How the implied level was reached (explain.go).
				level += " (" + Explain(l, it.Steps) + ")"
			case it.Given == 0 && it.Implied != 0:
				level += " (" + msg.T(l, "score.implied."+string(it.Basis)) + ")"
			}
			fmt.Fprintf(w, "| %d | %s | %s | %s |\n", it.Number(), mdEscape(it.Criterion.Title.In(l)), level, mdEscape(oneLine(it.Note)))
		}
	}
	return nil
}

var mdReplacer = strings.NewReplacer(`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`)

// mdEscape keeps text from a file from turning into Markdown or HTML.
func mdEscape(s string) string { return mdReplacer.Replace(s) }

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
