package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// CheckMarkdown writes a bid check as Markdown, for a procurement memo: the
// ranking with the points and their formulas, then a table per bid with the
// requirement, what the bid states, the result and the reason for every key
// criterion.
func CheckMarkdown(w io.Writer, e *scoring.Evaluation, opt CheckOptions) (err error) {
	o := newOut(w)
	w = o
	defer o.finish(&err)
	l := opt.Lang
	v := newCheckView(e, l)
	if v.Tender != nil {
		checkTenderMarkdown(w, v)
		return nil
	}
	fmt.Fprintf(w, "# %s\n\n", mdEscape(v.Title))
	fmt.Fprintf(w, "- %s: %s\n", msg.T(l, "check.profile"), mdEscape(v.Profile))
	fmt.Fprintf(w, "- %s: %s\n", msg.T(l, "score.set"), mdEscape(v.SetLine))
	fmt.Fprintf(w, "- %s: %s\n\n", msg.T(l, "check.key-criteria"), v.Keys)

	fmt.Fprintf(w, "## %s\n\n", msg.T(l, "check.ranking"))
	header := []string{msg.T(l, "check.col.rank"), msg.T(l, "check.col.bid"), msg.T(l, "check.col.meets"),
		msg.T(l, "check.col.key"), msg.T(l, "check.col.total"), msg.T(l, "check.col.band")}
	align := []string{"---:", "---", "---", "---:", "---:", "---"}
	points := e.PointsMax > 0
	if points {
		header = append(header, msg.T(l, "check.col.points-rel"), msg.T(l, "check.col.formula-rel"),
			msg.T(l, "check.col.points-sum"), msg.T(l, "check.col.formula-sum"))
		align = append(align, "---:", "---", "---:", "---")
	}
	mdRow(w, header)
	fmt.Fprintf(w, "|%s|\n", strings.Join(align, "|"))
	for _, bv := range v.Bids {
		row := []string{fmt.Sprint(bv.Rank), mdEscape(bv.Short), bv.Meets, bv.Key, bv.Total, mdEscape(bv.Band)}
		if points {
			row = append(row, orDash(bv.Relative), orDash(bv.RelFormula), orDash(bv.Sum), orDash(bv.SumFormula))
		}
		mdRow(w, row)
	}
	fmt.Fprintf(w, "\n%s\n\n", mdEscape(v.Summary))
	if v.PointsRule != "" {
		fmt.Fprintf(w, "%s\n\n", mdEscape(v.PointsRule))
	}

	fmt.Fprintf(w, "## %s\n", msg.T(l, "check.bids"))
	for _, bv := range v.Bids {
		fmt.Fprintf(w, "\n### %d. %s\n\n", bv.Rank, mdEscape(bv.Name))
		fmt.Fprintf(w, "- %s: `%s`\n", msg.T(l, "score.file"), strings.ReplaceAll(bv.File, "`", "'"))
		fmt.Fprintf(w, "- **%s**\n", mdEscape(bv.Verdict))
		fmt.Fprintf(w, "- %s\n- %s\n", mdEscape(bv.KeyLine), mdEscape(bv.TotalLine))
		if bv.PointsLine != "" {
			fmt.Fprintf(w, "- %s\n", mdEscape(bv.PointsLine))
		}
		fmt.Fprintln(w)
		mdRow(w, []string{"#", msg.T(l, "check.col.criterion"), msg.T(l, "check.col.requirement"), msg.T(l, "check.col.source"),
			msg.T(l, "check.col.states"), msg.T(l, "check.col.status"), msg.T(l, "check.col.reason"), msg.T(l, "check.col.note")})
		fmt.Fprintln(w, "|---:|---|---|---|---|---|---|---|")
		for _, row := range bv.Rows {
			status := row.Status
			if row.k.Status != scoring.Pass {
				status = "**" + status + "**"
			}
			reason := row.Reason
			if how := checkHow(l, row.k); how != "" {
				reason += " " + msg.T(l, "check.rules.how-md", how)
			}
			mdRow(w, []string{fmt.Sprint(row.Number), mdEscape(row.Title), mdEscape(row.Requirement), mdEscape(row.Source),
				mdEscape(row.States), status, mdEscape(reason), mdEscape(row.Note)})
		}
	}
	fmt.Fprintf(w, "\n%s\n", mdEscape(v.Sources))
	return nil
}
