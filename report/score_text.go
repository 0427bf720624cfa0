package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// ScoreText writes results for a terminal: a heading per assessment, the
// domain table, the band or why there is none, missing criteria, conflicts
// and the weakest criteria with what the next level asks.
func ScoreText(w io.Writer, results []scoring.Result, opt ScoreOptions) (err error) {
	o := newOut(w)
	w = o
	defer o.finish(&err)
	l := opt.Lang
	ww := textWidth(opt.Width)
	for i := range results {
		r := &results[i]
		if i > 0 {
			fmt.Fprintln(w)
		}
		a := r.Assessment
		name := ServiceName(a.Provider, a.Unit)
		fmt.Fprintln(w, name)
		fmt.Fprintln(w, strings.Repeat("=", len([]rune(name))))
		if d := a.DateFI(); d != "" {
			fmt.Fprintf(w, "%s: %s\n", msg.T(l, "score.date"), dateFor(l, a.DateISO(), d))
		}
		fmt.Fprintf(w, "%s: %s (%s)\n", msg.T(l, "score.set"), r.Set.Name.In(l), r.Set.Label())
		if len(a.Raters) > 0 {
			fmt.Fprintf(w, "%s: %s\n", msg.T(l, "score.raters"), msg.Clip(strings.Join(a.Raters, ", ")))
		}
		fmt.Fprintf(w, "%s: %s\n\n", msg.T(l, "score.file"), a.Source)

		t := newPlainTable(w, msg.T(l, "score.col.domain"), msg.T(l, "score.col.score"), msg.T(l, "score.col.max"),
			msg.T(l, "score.col.rated"), msg.T(l, "score.col.mean")).rightAlign(1, 2, 3, 4)
		for _, d := range r.Domains {
			t.add(d.Domain.Name.In(l), fmt.Sprint(d.Score), fmt.Sprint(d.Max), fmt.Sprintf("%d/%d", d.Rated, d.Count), meanText(l, d.Rated, d.Mean))
		}
		t.add(msg.T(l, "score.total"), fmt.Sprint(r.Total), fmt.Sprint(r.Max), fmt.Sprintf("%d/%d", r.Rated, r.Count), meanText(l, r.Rated, r.Mean))
		if err := t.render(); err != nil {
			return err
		}
		fmt.Fprintln(w)
		for _, line := range summaryLines(l, r) {
			fmt.Fprintln(w, wrap(line, ww, ""))
		}
		if cs := r.Conflicts(); len(cs) > 0 {
			fmt.Fprintf(w, "\n%s:\n", msg.T(l, "score.conflicts"))
			for _, c := range cs {
				fmt.Fprintf(w, "- %s\n", wrap(fmt.Sprintf("%d %s: %s", c.Number(), c.Criterion.Title.In(l), conflictExplained(l, c)), ww-2, "  "))
			}
		}
		if its := explained(r); len(its) > 0 {
			fmt.Fprintf(w, "\n%s:\n", msg.T(l, "rules.implied-heading"))
			for _, it := range its {
				fmt.Fprintf(w, "- %s\n", wrap(fmt.Sprintf("%d %s: %s", it.Number(), it.Criterion.Title.In(l), Explain(l, it.Steps)), ww-2, "  "))
			}
		}
		if ws := r.Weakest(opt.Weakest); len(ws) > 0 {
			fmt.Fprintf(w, "\n%s:\n", msg.T(l, "score.weakest"))
			for _, c := range ws {
				fmt.Fprintf(w, "- %d %s: %s\n", c.Number(), c.Criterion.Title.In(l), msg.T(l, "score.level", c.Level))
				fmt.Fprintf(w, "  %s\n", wrap(msg.T(l, "score.next", c.Level+1, c.Criterion.Anchor(c.Level+1).In(l)), ww-2, "  "))
			}
		}
		scoreReviewText(w, l, ww, results, i) // score_review.go
	}
	return nil
}

// summaryLines says the band, or why there is none, and what is missing.
func summaryLines(l string, r *scoring.Result) []string {
	var lines []string
	if e := r.Earlier; e != nil {
		lines = append(lines, msg.T(l, "score.earlier-version", e.Version, r.Set.Version, criterionList(l, r, e.Changed), e.Note.In(l)))
	}
	switch {
	case r.Complete && r.Band != nil:
		lines = append(lines, msg.T(l, "score.band", r.Band.Name.In(l), bandRange(r.Band)))
	case r.Complete:
		lines = append(lines, msg.T(l, "score.no-band", r.Total))
	default:
		lines = append(lines, msg.TN(l, "score.incomplete", r.Count, r.Rated, r.Count))
		if r.HasEstimate {
			lines = append(lines, msg.T(l, "score.estimate", Num(l, r.Estimate, 1), Num(l, r.Mean, 2), r.Count))
		} else if r.Rated > 0 {
			lines = append(lines, msg.T(l, "score.no-estimate", scoring.EstimateMinRated(r.Count), r.Count))
		}
		lines = append(lines, msg.T(l, "score.missing", criterionList(l, r, r.Missing())))
	}
	return lines
}

func meanText(l string, rated int, mean float64) string {
	if rated == 0 {
		return "–"
	}
	return Num(l, mean, 2)
}

// dateFor writes the ISO date iso the way the reader expects (the
// locale's date): 24.11.2026 in Finnish, ISO in English.
func dateFor(l, iso, _ string) string {
	d, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return iso
	}
	return msg.LocaleOf(l).FormatDate(d)
}
