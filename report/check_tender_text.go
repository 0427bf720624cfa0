package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/laatu-fi/laatu/msg"
)

// checkTenderText writes a tender comparison for a terminal: the result
// table (ranked bids, then the excluded ones with "–"), the rule, and the
// comparison memo per bid.
func checkTenderText(w io.Writer, v *checkView, ww int) error {
	l := v.lang
	title := msg.T(l, "tender.title", v.e.Profile.Name.In(l))
	fmt.Fprintln(w, title)
	fmt.Fprintln(w, strings.Repeat("=", len([]rune(title))))
	fmt.Fprintf(w, "%s: %s\n", msg.T(l, "check.profile"), v.Profile)
	fmt.Fprintf(w, "%s: %s\n", msg.T(l, "score.set"), v.SetLine)
	fmt.Fprintf(w, "%s: %s\n\n", msg.T(l, "check.key-criteria"), v.Keys)

	fmt.Fprintf(w, "%s\n\n", msg.T(l, "tender.ranking"))
	t := newPlainTable(w, msg.T(l, "check.col.rank"), msg.T(l, "check.col.bid"), msg.T(l, "tender.col.price"),
		msg.T(l, "tender.col.quality"), msg.T(l, "tender.col.quality-points"), msg.T(l, "tender.col.price-points"),
		msg.T(l, "tender.col.total")).rightAlign(0, 3, 4, 5, 6)
	for _, bv := range v.Bids {
		tv := bv.Tender
		if bv.b.Meets {
			t.add(tv.RankText, bv.Short, orDash(tv.Price), tv.Quality, tv.QualityPoints, tv.PricePoints, tv.Total)
		} else {
			t.add("–", bv.Short, orDash(tv.Price), tv.Quality, "–", "–", msg.T(l, "tender.excluded"))
		}
	}
	if err := t.render(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, wrapNB(v.Summary, ww, ""))
	if v.Tender.Excluded != "" {
		fmt.Fprintln(w, wrapNB(v.Tender.Excluded, ww, ""))
	}
	fmt.Fprintln(w, wrapNB(v.Tender.Rule, ww, ""))

	fmt.Fprintf(w, "\n%s\n", msg.T(l, "tender.memo"))
	for _, bv := range v.Bids {
		tv := bv.Tender
		fmt.Fprintln(w)
		head := fmt.Sprintf("%s. %s", tv.RankText, bv.Name)
		if !bv.b.Meets {
			head = msg.T(l, "tender.excluded-head", bv.Name)
		}
		fmt.Fprintln(w, head)
		fmt.Fprintln(w, strings.Repeat("-", len([]rune(head))))
		fmt.Fprintf(w, "%s: %s\n", msg.T(l, "score.file"), bv.File)
		fmt.Fprintln(w, wrapNB(bv.Verdict, ww, ""))
		if bv.b.Meets {
			fmt.Fprintln(w, wrapNB(msg.T(l, "tender.line.quality", tv.Quality, tv.QualityFormula), ww, "  "))
			fmt.Fprintln(w, wrapNB(msg.T(l, "tender.line.price", orDash(tv.Price), tv.PriceFormula), ww, "  "))
			fmt.Fprintln(w, msg.T(l, "tender.line.total", tv.TotalFormula))
		}
		field := func(key, text string) {
			label := "    " + msg.T(l, key) + ": "
			fmt.Fprintln(w, label+wrapNB(text, ww-len([]rune(label)), strings.Repeat(" ", len([]rune(label)))))
		}
		for _, row := range bv.Rows {
			status := row.Status
			if !row.k.Requirement.IsComparison() {
				status = strings.ToUpper(status)
			}
			fmt.Fprintf(w, "\n%3d %s: %s\n", row.Number, row.Title, status)
			field("tender.col.kind", row.Kind+", "+row.Source)
			field("tender.col.asked", row.Requirement)
			field("check.col.states", row.States)
			if how := checkHow(l, row.k); how != "" {
				field("check.rules.how", how)
			}
			field("check.col.reason", row.Reason)
			if row.Note != "" {
				field("check.col.note", row.Note)
			}
		}
		for _, row := range append(append([]memoRow(nil), tv.Own...), tv.PriceRow) {
			verdict := row.Verdict
			if row.Fails {
				verdict = strings.ToUpper(verdict)
			}
			fmt.Fprintf(w, "\n    %s: %s\n", row.ID, orDash(verdict))
			kind := row.Kind
			if row.Source != "" {
				kind += ", " + row.Source
			}
			field("tender.col.kind", kind)
			field("tender.col.asked", row.Asked)
			field("tender.col.said", row.Said)
			if row.Reason != "" {
				field("check.col.reason", row.Reason)
			}
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, wrapNB(v.Sources, ww, ""))
	return nil
}

// checkTenderMarkdown writes a tender comparison as Markdown: the result
// with every figure's formula, then the comparison memo, a table per bid.
func checkTenderMarkdown(w io.Writer, v *checkView) {
	l := v.lang
	fmt.Fprintf(w, "# %s\n\n", mdEscape(msg.T(l, "tender.title", v.e.Profile.Name.In(l))))
	fmt.Fprintf(w, "- %s: %s\n", msg.T(l, "check.profile"), mdEscape(v.Profile))
	fmt.Fprintf(w, "- %s: %s\n", msg.T(l, "score.set"), mdEscape(v.SetLine))
	fmt.Fprintf(w, "- %s: %s\n\n", msg.T(l, "check.key-criteria"), v.Keys)

	fmt.Fprintf(w, "## %s\n\n", msg.T(l, "tender.ranking"))
	mdRow(w, []string{msg.T(l, "check.col.rank"), msg.T(l, "check.col.bid"), msg.T(l, "tender.col.price"),
		msg.T(l, "tender.col.quality"), msg.T(l, "tender.col.quality-points"), msg.T(l, "tender.col.formula"),
		msg.T(l, "tender.col.price-points"), msg.T(l, "tender.col.formula"), msg.T(l, "tender.col.total"), msg.T(l, "tender.col.formula")})
	fmt.Fprintln(w, "|---:|---|---:|---:|---:|---|---:|---|---:|---|")
	for _, bv := range v.Bids {
		tv := bv.Tender
		if bv.b.Meets {
			mdRow(w, []string{tv.RankText, mdEscape(bv.Short), mdEscape(orDash(tv.Price)), tv.Quality, tv.QualityPoints, mdEscape(tv.QualityFormula),
				tv.PricePoints, mdEscape(tv.PriceFormula), "**" + tv.Total + "**", tv.TotalFormula})
		} else {
			mdRow(w, []string{"–", mdEscape(bv.Short), mdEscape(orDash(tv.Price)), tv.Quality, "–", "–", "–", "–",
				"**" + msg.T(l, "tender.excluded") + "**", "–"})
		}
	}
	fmt.Fprintf(w, "\n%s\n\n", mdEscape(v.Summary))
	if v.Tender.Excluded != "" {
		fmt.Fprintf(w, "%s\n\n", mdEscape(v.Tender.Excluded))
	}
	fmt.Fprintf(w, "%s\n\n", mdEscape(v.Tender.Rule))

	fmt.Fprintf(w, "## %s\n", msg.T(l, "tender.memo"))
	for _, bv := range v.Bids {
		tv := bv.Tender
		if bv.b.Meets {
			fmt.Fprintf(w, "\n### %s. %s\n\n", tv.RankText, mdEscape(bv.Name))
		} else {
			fmt.Fprintf(w, "\n### %s\n\n", mdEscape(msg.T(l, "tender.excluded-head", bv.Name)))
		}
		fmt.Fprintf(w, "- %s: `%s`\n", msg.T(l, "score.file"), strings.ReplaceAll(bv.File, "`", "'"))
		fmt.Fprintf(w, "- **%s**\n", mdEscape(bv.Verdict))
		if bv.b.Meets {
			fmt.Fprintf(w, "- %s\n", mdEscape(msg.T(l, "tender.line.quality", tv.Quality, tv.QualityFormula)))
			fmt.Fprintf(w, "- %s\n", mdEscape(msg.T(l, "tender.line.price", orDash(tv.Price), tv.PriceFormula)))
			fmt.Fprintf(w, "- %s\n", mdEscape(msg.T(l, "tender.line.total", tv.TotalFormula)))
		}
		fmt.Fprintln(w)
		mdRow(w, []string{"#", msg.T(l, "check.col.criterion"), msg.T(l, "tender.col.kind"), msg.T(l, "tender.col.asked"),
			msg.T(l, "check.col.source"), msg.T(l, "tender.col.said"), msg.T(l, "tender.col.verdict"), msg.T(l, "check.col.reason"),
			msg.T(l, "check.col.note")})
		fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|")
		for _, row := range bv.Rows {
			status := row.Status
			if !row.k.Requirement.IsComparison() && row.k.Status != "pass" {
				status = "**" + status + "**"
			}
			mdRow(w, []string{fmt.Sprint(row.Number), mdEscape(row.Title), row.Kind, mdEscape(row.Requirement), mdEscape(row.Source),
				mdEscape(statesHow(l, row)), status, mdEscape(row.Reason), mdEscape(row.Note)})
		}
		for _, row := range append(append([]memoRow(nil), tv.Own...), tv.PriceRow) {
			verdict := orDash(row.Verdict)
			if row.Fails {
				verdict = "**" + verdict + "**"
			}
			mdRow(w, []string{row.ID, "", row.Kind, mdEscape(row.Asked), mdEscape(row.Source), mdEscape(row.Said), verdict,
				mdEscape(row.Reason), mdEscape(row.Note)})
		}
	}
	fmt.Fprintf(w, "\n%s\n", mdEscape(v.Sources))
}
