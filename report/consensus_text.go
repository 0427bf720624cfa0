package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// titleWidth bounds criterion titles in the terminal table so that two or
// three rater columns fit in 100 columns; the full titles are in the
// Markdown and JSON reports and in `laatu criteria show`.
const titleWidth = 40

// ConsensusText writes the consensus for a terminal: the raters, each
// criterion's levels and status, the agreement figures, the criteria to
// discuss with every rater's reasoning, and where the draft is.
func ConsensusText(w io.Writer, c *scoring.Consensus, opt ConsensusOptions) (err error) {
	o := newOut(w)
	w = o
	defer o.finish(&err)
	l := opt.Lang
	ww := textWidth(opt.Width)
	first := c.Raters[0].Result.Assessment
	title := msg.T(l, "consensus.title", ServiceName(first.Provider, first.Unit))
	fmt.Fprintf(w, "%s\n%s\n", title, strings.Repeat("=", len([]rune(title))))
	fmt.Fprintf(w, "%s: %s (%s)\n", msg.T(l, "score.set"), c.Set.Name.In(l), c.Set.Label())
	if !c.DatesDiffer() && !first.Date.IsZero() {
		fmt.Fprintf(w, "%s: %s\n", msg.T(l, "consensus.date"), dateFor(l, first.DateISO(), first.DateFI()))
	}
	fmt.Fprintf(w, "%s:\n", msg.T(l, "consensus.raters"))
	for i, r := range c.Raters {
		fmt.Fprintf(w, "  %s  %s – %s\n", raterMark(i), msg.Clip(r.Label), r.Result.Assessment.Source)
	}
	if c.DatesDiffer() {
		fmt.Fprintln(w, wrap(msg.T(l, "consensus.dates-differ", datesText(l, c)), ww, ""))
	}
	fmt.Fprintln(w)

	header := []string{"#", msg.T(l, "consensus.col.criterion")}
	for i := range c.Raters {
		header = append(header, raterMark(i))
	}
	header = append(header, msg.T(l, "consensus.col.spread"), msg.T(l, "consensus.col.status"), msg.T(l, "consensus.col.draft"))
	t := newPlainTable(w, header...).rightAlign(0)
	for i := range c.Raters {
		t.rightAlign(2 + i)
	}
	t.rightAlign(2+len(c.Raters), 4+len(c.Raters))
	for _, it := range c.Items {
		row := []string{strconv.Itoa(it.Number()), shorten(it.Criterion.Title.In(l), titleWidth)}
		for _, ir := range it.Ratings {
			row = append(row, levelCell(ir))
		}
		row = append(row, spreadCell(it), statusText(l, it.Status), draftCell(it))
		t.add(row...)
	}
	if err := t.render(); err != nil {
		return err
	}
	if anyImplied(c) {
		fmt.Fprintln(w, msg.T(l, "consensus.implied-mark"))
	}

	heading := msg.T(l, "consensus.agreement")
	fmt.Fprintf(w, "\n%s\n%s\n", heading, strings.Repeat("-", len([]rune(heading))))
	a := c.Agreement
	fmt.Fprintln(w, wrap(msg.T(l, "consensus.basis", a.N, a.Criteria), ww, ""))
	if ex := excluded(c); len(ex) > 0 {
		fmt.Fprintln(w, wrap(msg.TN(l, "consensus.excluded", len(ex), numberList(ex)), ww, ""))
	}
	fmt.Fprintln(w)
	at := newPlainTable(w, msg.T(l, "consensus.col.figure"), msg.T(l, "consensus.col.value"), msg.T(l, "consensus.col.basis")).rightAlign(1, 2)
	for _, row := range agreementRows(l, a) {
		at.add(row...)
	}
	if err := at.render(); err != nil {
		return err
	}
	fmt.Fprintln(w, wrap(kappaNote(l, a.Kappa), ww, ""))

	ds := c.Discuss()
	fmt.Fprintln(w)
	if len(ds) == 0 {
		fmt.Fprintln(w, msg.T(l, "consensus.discuss-none"))
	} else {
		fmt.Fprintf(w, "%s\n", msg.T(l, "consensus.discuss", c.Tolerance, len(ds)))
		for _, it := range ds {
			fmt.Fprintf(w, "- %d %s: %s\n", it.Number(), it.Criterion.Title.In(l), discussReason(l, it))
			for i, r := range c.Raters {
				line := fmt.Sprintf("%s %s: %s", raterMark(i), msg.Clip(r.Label), ratingText(l, it.Ratings[i]))
				fmt.Fprintf(w, "    %s\n", wrap(line, ww-4, "      "))
			}
		}
	}
	if ds := ruleDiffs(c); len(ds) > 0 {
		fmt.Fprintf(w, "\n%s\n", wrap(msg.T(l, "consensus.rules.differ"), ww, ""))
		for _, d := range ds {
			head := fmt.Sprintf("- %d %s: %s", d.item.Number(), d.item.Criterion.Title.In(l), d.diff.Name(l, d.item.Criterion))
			fmt.Fprintln(w, wrap(head, ww, "  "))
			for i, r := range c.Raters {
				line := fmt.Sprintf("%s %s: %s", raterMark(i), msg.Clip(r.Label), d.diff.Text(l, d.item.Criterion, i))
				fmt.Fprintf(w, "    %s\n", wrap(line, ww-4, "      "))
			}
		}
	}
	if wt := withinText(l, c); wt != "" {
		fmt.Fprintf(w, "\n%s\n", wrap(msg.T(l, "consensus.within", wt), ww, "  "))
	}
	fmt.Fprintf(w, "\n%s\n", wrap(draftLine(l, c, opt.Draft), ww, ""))
	return nil
}

// ConsensusMarkdown writes the same content as Markdown, with full titles.
func ConsensusMarkdown(w io.Writer, c *scoring.Consensus, opt ConsensusOptions) (err error) {
	o := newOut(w)
	w = o
	defer o.finish(&err)
	l := opt.Lang
	first := c.Raters[0].Result.Assessment
	fmt.Fprintf(w, "## %s\n\n", mdEscape(msg.T(l, "consensus.title", ServiceName(first.Provider, first.Unit))))
	fmt.Fprintf(w, "- %s: %s (%s)\n", msg.T(l, "score.set"), mdEscape(c.Set.Name.In(l)), c.Set.Label())
	if !c.DatesDiffer() && !first.Date.IsZero() {
		fmt.Fprintf(w, "- %s: %s\n", msg.T(l, "consensus.date"), dateFor(l, first.DateISO(), first.DateFI()))
	}
	raters := make([]string, len(c.Raters))
	for i, r := range c.Raters {
		raters[i] = fmt.Sprintf("%s = %s (`%s`)", raterMark(i), mdEscape(msg.Clip(r.Label)), r.Result.Assessment.Source)
	}
	fmt.Fprintf(w, "- %s: %s\n", msg.T(l, "consensus.raters"), strings.Join(raters, ", "))
	if c.DatesDiffer() {
		fmt.Fprintf(w, "\n%s\n", mdEscape(msg.T(l, "consensus.dates-differ", datesText(l, c))))
	}
	fmt.Fprintf(w, "\n| # | %s |", msg.T(l, "consensus.col.criterion"))
	align := "|---:|---|"
	for i := range c.Raters {
		fmt.Fprintf(w, " %s |", raterMark(i))
		align += "---:|"
	}
	fmt.Fprintf(w, " %s | %s | %s |\n%s---:|---|---:|\n", msg.T(l, "consensus.col.spread"), msg.T(l, "consensus.col.status"), msg.T(l, "consensus.col.draft"), align)
	for _, it := range c.Items {
		fmt.Fprintf(w, "| %d | %s |", it.Number(), mdEscape(it.Criterion.Title.In(l)))
		for _, ir := range it.Ratings {
			fmt.Fprintf(w, " %s |", mdEscape(levelCell(ir)))
		}
		fmt.Fprintf(w, " %s | %s | %s |\n", spreadCell(it), statusText(l, it.Status), draftCell(it))
	}
	if anyImplied(c) {
		fmt.Fprintf(w, "\n%s\n", mdEscape(msg.T(l, "consensus.implied-mark")))
	}

	a := c.Agreement
	fmt.Fprintf(w, "\n### %s\n\n%s", msg.T(l, "consensus.agreement"), msg.T(l, "consensus.basis", a.N, a.Criteria))
	if ex := excluded(c); len(ex) > 0 {
		fmt.Fprintf(w, " %s", msg.TN(l, "consensus.excluded", len(ex), numberList(ex)))
	}
	fmt.Fprintf(w, "\n\n| %s | %s | %s |\n|---|---:|---:|\n", msg.T(l, "consensus.col.figure"), msg.T(l, "consensus.col.value"), msg.T(l, "consensus.col.basis"))
	for _, row := range agreementRows(l, a) {
		fmt.Fprintf(w, "| %s | %s | %s |\n", mdEscape(row[0]), row[1], row[2])
	}
	fmt.Fprintf(w, "\n%s\n", mdEscape(kappaNote(l, a.Kappa)))

	ds := c.Discuss()
	if len(ds) == 0 {
		fmt.Fprintf(w, "\n%s\n", msg.T(l, "consensus.discuss-none"))
	} else {
		fmt.Fprintf(w, "\n### %s\n\n", msg.T(l, "consensus.discuss", c.Tolerance, len(ds)))
		for _, it := range ds {
			fmt.Fprintf(w, "- **%d %s**: %s\n", it.Number(), mdEscape(it.Criterion.Title.In(l)), discussReason(l, it))
			for i, r := range c.Raters {
				fmt.Fprintf(w, "  - %s %s: %s\n", raterMark(i), mdEscape(msg.Clip(r.Label)), mdEscape(ratingText(l, it.Ratings[i])))
			}
		}
	}
	if ds := ruleDiffs(c); len(ds) > 0 {
		fmt.Fprintf(w, "\n%s\n\n", mdEscape(msg.T(l, "consensus.rules.differ")))
		for _, d := range ds {
			fmt.Fprintf(w, "- **%d %s**: %s\n", d.item.Number(), mdEscape(d.item.Criterion.Title.In(l)), mdEscape(d.diff.Name(l, d.item.Criterion)))
			for i, r := range c.Raters {
				fmt.Fprintf(w, "  - %s %s: %s\n", raterMark(i), mdEscape(msg.Clip(r.Label)), mdEscape(d.diff.Text(l, d.item.Criterion, i)))
			}
		}
	}
	if wt := withinText(l, c); wt != "" {
		fmt.Fprintf(w, "\n%s\n", mdEscape(msg.T(l, "consensus.within", wt)))
	}
	fmt.Fprintf(w, "\n%s\n", mdEscape(draftLine(l, c, opt.Draft)))
	return nil
}

// discussReason is "spread 2", or the status when some raters gave none.
func discussReason(lang string, it scoring.ConsensusItem) string {
	if it.Status == scoring.StatusPartial {
		return statusText(lang, it.Status)
	}
	return msg.T(lang, "consensus.spread", it.Spread)
}

func spreadCell(it scoring.ConsensusItem) string {
	if it.Status == scoring.StatusUnrated || it.Status == scoring.StatusPartial {
		return "–"
	}
	return strconv.Itoa(it.Spread)
}

func draftCell(it scoring.ConsensusItem) string {
	if it.Level == 0 {
		return "–"
	}
	return strconv.Itoa(it.Level)
}

// shorten cuts s to at most n runes, marking the cut with an ellipsis.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// itemDiff is one rule answer of one criterion that the raters gave
// differently.
type itemDiff struct {
	item scoring.ConsensusItem
	diff scoring.AnswerDiff
}

// ruleDiffs lists, criterion by criterion, the rating rules' answers the
// raters gave differently (per-specialist figures, counts, further
// questions): the draft keeps none of them.
func ruleDiffs(c *scoring.Consensus) []itemDiff {
	var ds []itemDiff
	for _, it := range c.Items {
		_, diffs := scoring.RuleAnswers(it.Answers)
		for _, d := range diffs {
			ds = append(ds, itemDiff{it, d})
		}
	}
	return ds
}
