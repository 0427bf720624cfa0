package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// CheckText writes a bid check for a terminal: the ranking table, the
// points rule, then each bid with every key criterion's requirement, what
// the bid states, the result and the reason. Results are words, never
// colour or symbols alone, so the text reads the same in a screen reader.
func CheckText(w io.Writer, e *scoring.Evaluation, opt CheckOptions) (err error) {
	o := newOut(w)
	w = o
	defer o.finish(&err)
	l := opt.Lang
	ww := textWidth(opt.Width)
	v := newCheckView(e, l)
	if v.Tender != nil {
		return checkTenderText(w, v, ww)
	}
	fmt.Fprintln(w, v.Title)
	fmt.Fprintln(w, strings.Repeat("=", len([]rune(v.Title))))
	fmt.Fprintf(w, "%s: %s\n", msg.T(l, "check.profile"), v.Profile)
	fmt.Fprintf(w, "%s: %s\n", msg.T(l, "score.set"), v.SetLine)
	fmt.Fprintf(w, "%s: %s\n\n", msg.T(l, "check.key-criteria"), v.Keys)

	fmt.Fprintf(w, "%s\n\n", msg.T(l, "check.ranking"))
	if err := rankingTable(w, v, l); err != nil {
		return err
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, wrap(v.Summary, ww, ""))
	if v.PointsRule != "" {
		fmt.Fprintln(w, wrap(v.PointsRule, ww, ""))
	}
	for _, bv := range v.Bids {
		fmt.Fprintln(w)
		head := fmt.Sprintf("%d. %s", bv.Rank, bv.Name)
		fmt.Fprintln(w, head)
		fmt.Fprintln(w, strings.Repeat("-", len([]rune(head))))
		fmt.Fprintf(w, "%s: %s\n", msg.T(l, "score.file"), bv.File)
		fmt.Fprintln(w, wrap(bv.Verdict, ww, ""))
		fmt.Fprintln(w, bv.KeyLine)
		fmt.Fprintln(w, bv.TotalLine)
		if bv.PointsLine != "" {
			fmt.Fprintln(w, bv.PointsLine)
		}
		for _, row := range bv.Rows {
			fmt.Fprintf(w, "\n%3d %s: %s\n", row.Number, row.Title, strings.ToUpper(row.Status))
			field := func(key, text string) {
				label := "    " + msg.T(l, key) + ": "
				fmt.Fprintln(w, label+wrap(text, ww-len([]rune(label)), strings.Repeat(" ", len([]rune(label)))))
			}
			field("check.col.requirement", row.Requirement+" ("+row.Source+")")
			field("check.col.states", row.States)
			field("check.col.reason", row.Reason)
			if how := checkHow(l, row.k); how != "" {
				field("check.rules.how", how)
			}
			if row.Note != "" {
				field("check.col.note", row.Note)
			}
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, wrap(v.Sources, ww, ""))
	return nil
}

// rankingTable writes one row per bid in rank order.
func rankingTable(w io.Writer, v *checkView, l string) error {
	header := []string{msg.T(l, "check.col.rank"), msg.T(l, "check.col.bid"), msg.T(l, "check.col.meets"),
		msg.T(l, "check.col.key"), msg.T(l, "check.col.total"), msg.T(l, "check.col.band")}
	points := v.e.PointsMax > 0
	if points {
		header = append(header, msg.T(l, "check.col.rel-short"), msg.T(l, "check.col.sum-short"))
	}
	t := newPlainTable(w, header...).rightAlign(0, 3, 4)
	if points {
		t.rightAlign(6, 7)
	}
	for _, bv := range v.Bids {
		row := []string{fmt.Sprint(bv.Rank), bv.Short, bv.Meets, bv.Key, bv.Total, bv.Band}
		if points {
			row = append(row, orDash(bv.Relative), orDash(bv.Sum))
		}
		t.add(row...)
	}
	return t.render()
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// checkHow is how the level of a key criterion is implied by its figure or
// further answers, in the words of laatu score; "" when none implies one,
// or when it says no more than what the bid states ("18 asiakasta → taso
// 5"): a scale point, a mean of per-specialist figures, a ratio or a
// further answer is explained.
func checkHow(lang string, k *scoring.KeyCheck) string {
	it := k.Item
	if it.Implied == 0 || len(it.Steps) == 0 || it.Basis != scoring.BasisFigure && it.Basis != scoring.BasisInputs {
		return ""
	}
	if len(it.Steps) <= 2 && it.Steps[0].Kind == scoring.StepFigure {
		return ""
	}
	return Explain(lang, it.Steps)
}

// statesHow is what the bid states, followed by how its implied level was
// reached when that says more than the figure (checkHow), for the memo's
// tables where the explanation has no column of its own.
func statesHow(lang string, row rowView) string {
	if how := checkHow(lang, row.k); how != "" {
		return row.States + " " + msg.T(lang, "check.rules.how-md", how)
	}
	return row.States
}
