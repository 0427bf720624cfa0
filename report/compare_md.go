package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// CompareMarkdown writes the comparison as Markdown for a wiki or a memo:
// the same sections as the terminal report, with the services' names as
// the matrix's column headers.
func CompareMarkdown(w io.Writer, c *scoring.Comparison, opt CompareOptions) (err error) {
	o := newOut(w)
	w = o
	defer o.finish(&err)
	l := opt.Lang
	set := c.Set
	fmt.Fprintf(w, "# %s\n\n", msg.T(l, "compare.title"))
	fmt.Fprintf(w, "- %s: %s (%s)\n", msg.T(l, "score.set"), mdEscape(set.Name.In(l)), set.Label())
	fmt.Fprintf(w, "- %s\n\n", msg.T(l, "compare.counts", len(c.Services), c.Assessments))
	if len(c.LeftOut) > 0 {
		fmt.Fprintf(w, "%s\n\n", mdEscape(msg.T(l, "compare.left-out", len(c.LeftOut))))
		for _, s := range c.LeftOut {
			fmt.Fprintf(w, "- %s\n", mdEscape(msg.T(l, "compare.left-out-item", s.Source, ServiceName(s.Provider, s.Unit), s.Set.Label())))
		}
		fmt.Fprintf(w, "\n%s\n\n", mdEscape(msg.T(l, "compare.left-out-hint", leftOutSets(c))))
	}

	// Summary.
	fmt.Fprintf(w, "## %s\n\n", msg.T(l, "compare.summary"))
	cols := []string{msg.T(l, "compare.col.rank"), msg.T(l, "compare.col.service"), msg.T(l, "compare.col.provider"), msg.T(l, "compare.col.date")}
	align := []string{"---:", "---", "---", "---"}
	for i := range set.Domains {
		cols = append(cols, mdEscape(set.Domains[i].Name.In(l)))
		align = append(align, "---:")
	}
	cols = append(cols, msg.T(l, "compare.col.total"), msg.T(l, "compare.col.band"), msg.T(l, "compare.col.rated"), msg.T(l, "compare.col.change"))
	align = append(align, "---:", "---", "---:", "---:")
	cycle := hasCycle(c)
	if cycle {
		cols = append(cols, msg.T(l, "cmpcycle.col.kind"), mdEscape(msg.T(l, "cmpcycle.col.rate")), mdEscape(msg.T(l, "cmpcycle.col.rate-change")), msg.T(l, "cmpcycle.col.bench"))
		align = append(align, "---", "---:", "---:", "---")
	}
	mdRow(w, cols)
	mdRow(w, align)
	for i := range c.Services {
		sv := &c.Services[i]
		s := sv.Latest()
		row := []string{rankText(sv), mdEscape(msg.Clip(sv.Unit)), mdEscape(msg.Clip(sv.Provider)), dateText(s, l)}
		for _, d := range s.Domains {
			row = append(row, fmt.Sprintf("%d/%d", d.Score, d.Max))
		}
		total := strconv.Itoa(s.Total)
		if s.Complete {
			total = "**" + total + "**"
		}
		band := bandText(s, l)
		if !s.Complete {
			band = "*" + band + "*"
		}
		row = append(row, total, band, fmt.Sprintf("%d/%d", s.Rated, s.Count), changeText(sv))
		if cycle {
			row = append(row, cycleTexts(l, sv)...)
		}
		mdRow(w, row)
	}
	fmt.Fprintf(w, "\n%s\n\n", mdEscape(msg.T(l, "compare.legend-rank")))
	if cycle {
		fmt.Fprintf(w, "%s\n\n", mdEscape(msg.T(l, "cmpcycle.mixed-star")))
	}

	// Levels by criterion.
	fmt.Fprintf(w, "## %s\n\n", msg.T(l, "compare.matrix"))
	cols = []string{"#", msg.T(l, "compare.col.criterion")}
	align = []string{"---:", "---"}
	for i := range c.Services {
		sv := &c.Services[i]
		name := mdEscape(msg.Clip(sv.Unit))
		if sv.Unit == "" {
			name = mdEscape(msg.Clip(sv.Provider))
		}
		if !sv.Latest().Complete {
			name += " (" + msg.T(l, "compare.incomplete") + ")"
		}
		cols = append(cols, name)
		align = append(align, ":---:")
	}
	cols = append(cols, msg.T(l, "compare.col.mean"), msg.T(l, "compare.col.median"))
	align = append(align, "---:", "---:")
	mdRow(w, cols)
	mdRow(w, align)
	for k, st := range c.Criteria {
		row := []string{strconv.Itoa(st.Criterion.Number), mdEscape(st.Criterion.Title.In(l))}
		for i := range c.Services {
			row = append(row, levelText(c.Services[i].Latest().Level(k)))
		}
		mdRow(w, append(row, regionMean(l, st), medianText(l, st)))
	}
	fmt.Fprintf(w, "\n%s\n\n", mdEscape(msg.T(l, "compare.matrix-legend")))
	if len(c.Weakest) > 0 {
		fmt.Fprintf(w, "### %s\n\n", msg.T(l, "compare.weakest"))
		for _, st := range c.Weakest {
			fmt.Fprintf(w, "- **%d %s**: %s\n", st.Criterion.Number, mdEscape(st.Criterion.Title.In(l)),
				msg.T(l, "compare.weakest-item", regionMean(l, st), medianText(l, st), c.Below, st.Below, st.Rated))
		}
		fmt.Fprintln(w)
	}

	// Trends.
	fmt.Fprintf(w, "## %s\n\n", msg.T(l, "compare.trends"))
	svs := trendServices(c)
	if len(svs) == 0 {
		fmt.Fprintf(w, "%s\n\n", msg.T(l, "compare.no-trends"))
	}
	for _, sv := range svs {
		fmt.Fprintf(w, "### %s\n\n", mdEscape(ServiceName(sv.Provider, sv.Unit)))
		cols = []string{msg.T(l, "score.col.domain")}
		align = []string{"---"}
		for k := range sv.History {
			cols = append(cols, mdEscape(trendDate(&sv.History[k], l, cycle)))
			align = append(align, "---:")
		}
		mdRow(w, append(cols, msg.T(l, "compare.col.change")))
		mdRow(w, append(align, "---:"))
		for d := range set.Domains {
			row := []string{mdEscape(set.Domains[d].Name.In(l))}
			for k := range sv.History {
				row = append(row, mdEscape(domainScoreText(sv.History[k].Domains[d])))
			}
			mdRow(w, append(row, signed(sv.Change.Domains[d])))
		}
		row := []string{"**" + msg.T(l, "score.total") + "**"}
		for k := range sv.History {
			s := &sv.History[k]
			cell := strconv.Itoa(s.Total)
			if !s.Complete {
				cell += `\*`
			}
			row = append(row, cell)
		}
		mdRow(w, append(row, signed(sv.Change.Total)))
		fmt.Fprintln(w)
		if note := versionsNote(c, sv, l); note != "" {
			fmt.Fprintf(w, "%s\n\n", mdEscape(note))
		}
		if cycle && CycleOf(sv, opt.Today).Mixed {
			fmt.Fprintf(w, "**%s**\n\n", mdEscape(msg.T(l, "review.compare.mixed")))
		}
		changed := changedCriteria(sv)
		if len(changed) == 0 {
			fmt.Fprintf(w, "%s\n\n", msg.T(l, "compare.no-change"))
			continue
		}
		prev, last := sv.Previous(), sv.Latest()
		fmt.Fprintf(w, "%s:\n\n", msg.T(l, "compare.changed"))
		mdRow(w, []string{"#", msg.T(l, "compare.col.criterion"), dateText(prev, l), dateText(last, l), msg.T(l, "compare.col.change")})
		mdRow(w, []string{"---:", "---", "---:", "---:", "---:"})
		for _, i := range changed {
			cr := &set.Criteria[i]
			mdRow(w, []string{strconv.Itoa(cr.Number), mdEscape(cr.Title.In(l)), levelText(prev.Level(i)), levelText(last.Level(i)), signed(sv.Change.Criteria[i])})
		}
		fmt.Fprintf(w, "\n%s\n\n", msg.T(l, "compare.unchanged", len(last.Levels)-len(changed)))
	}
	if len(svs) > 0 {
		fmt.Fprintf(w, "%s\n\n", mdEscape(msg.T(l, "compare.trend-star")))
	}

	// Recommendations.
	fmt.Fprintf(w, "## %s\n\n%s\n", msg.T(l, "compare.recommendations"), mdEscape(msg.T(l, "compare.rec-intro", c.Below)))
	for i := range c.Services {
		sv := &c.Services[i]
		s := sv.Latest()
		fmt.Fprintf(w, "\n### %s, %s\n\n", mdEscape(ServiceName(sv.Provider, sv.Unit)), dateText(s, l))
		if missing := s.Missing(); len(missing) > 0 {
			fmt.Fprintf(w, "%s\n\n", mdEscape(msg.T(l, "compare.rec-missing", numberList(missing))))
		}
		if len(sv.Recommendations) == 0 {
			fmt.Fprintf(w, "%s\n", msg.T(l, "compare.rec-none", c.Below))
			continue
		}
		for _, r := range sv.Recommendations {
			fmt.Fprintf(w, "- **%d %s**: %s. %s\n", r.Criterion.Number, mdEscape(r.Criterion.Title.In(l)), msg.T(l, "score.level", r.Level),
				mdEscape(msg.T(l, "score.next", r.Next(), r.Criterion.Anchor(r.Next()).In(l))))
		}
	}
	compareReviewMarkdown(w, c, opt)
	return nil
}

func mdRow(w io.Writer, cells []string) {
	fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
}

// leftOutSets names the sets of the left-out assessments: "ips" or
// "ips / uk".
func leftOutSets(c *scoring.Comparison) string {
	var ids []string
	seen := map[string]bool{}
	for _, s := range c.LeftOut {
		if !seen[s.Set.ID] {
			seen[s.Set.ID] = true
			ids = append(ids, s.Set.ID)
		}
	}
	return strings.Join(ids, " / ")
}
