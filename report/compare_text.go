package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// Terminal layout limits: the summary and matrix fit a 120-column terminal
// whatever the names, and most of it an 80-column one.
const (
	textNameWidth  = 26
	textTitleWidth = 34
	textBandWidth  = 18
	// matrixBlock is how many services one block of the terminal matrix
	// holds; more services continue in the next block.
	matrixBlock = 16
	// trendBlock is how many services one trends table holds, so that the
	// table writer never holds a whole region's rows.
	trendBlock = 100
)

// CompareText writes the comparison for a terminal: the summary, the levels
// by criterion (services as lettered columns, in blocks), the region's
// weakest criteria, trends and recommendations. Nothing is said by colour.
func CompareText(w io.Writer, c *scoring.Comparison, opt CompareOptions) (err error) {
	o := newOut(w)
	w = o
	defer o.finish(&err)
	l := opt.Lang
	ww := textWidth(opt.Width)
	heading := func(s string) {
		fmt.Fprintf(w, "\n%s\n%s\n", s, strings.Repeat("=", len([]rune(s))))
	}
	title := msg.T(l, "compare.title")
	fmt.Fprintf(w, "%s\n%s\n", title, strings.Repeat("=", len([]rune(title))))
	fmt.Fprintf(w, "%s: %s (%s)\n", msg.T(l, "score.set"), c.Set.Name.In(l), c.Set.Label())
	fmt.Fprintln(w, msg.T(l, "compare.counts", len(c.Services), c.Assessments))
	leftOutText(w, c, l, ww)

	heading(msg.T(l, "compare.summary"))
	if err := summaryText(w, c, l, ww); err != nil {
		return err
	}

	heading(msg.T(l, "compare.matrix"))
	if err := matrixText(w, c, l, ww); err != nil {
		return err
	}
	if len(c.Weakest) > 0 {
		fmt.Fprintf(w, "\n%s:\n", msg.T(l, "compare.weakest"))
		for _, st := range c.Weakest {
			fmt.Fprintf(w, "- %s\n", wrap(weakestLine(c, st, l), ww-2, "  "))
		}
	}

	heading(msg.T(l, "compare.trends"))
	if err := trendsText(w, c, l, ww); err != nil {
		return err
	}

	heading(msg.T(l, "compare.recommendations"))
	recommendationsText(w, c, l, ww)
	compareReviewText(w, c, opt, ww) // compare_review.go
	return nil
}

// leftOutText lists the assessments made with other sets.
func leftOutText(w io.Writer, c *scoring.Comparison, l string, ww int) {
	if len(c.LeftOut) == 0 {
		return
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, wrap(msg.T(l, "compare.left-out", len(c.LeftOut)), ww, ""))
	for _, s := range c.LeftOut {
		fmt.Fprintf(w, "- %s\n", wrap(msg.T(l, "compare.left-out-item", s.Source, ServiceName(s.Provider, s.Unit), s.Set.Label()), ww-2, "  "))
	}
	fmt.Fprintln(w, msg.T(l, "compare.left-out-hint", leftOutSets(c)))
}

func summaryText(w io.Writer, c *scoring.Comparison, l string, ww int) error {
	header := []string{msg.T(l, "compare.col.rank"), msg.T(l, "compare.col.service"), msg.T(l, "compare.col.date-short")}
	for i := range c.Set.Domains {
		header = append(header, domainLabel(c.Set, &c.Set.Domains[i], l))
	}
	header = append(header, msg.T(l, "compare.col.total-short"), msg.T(l, "compare.col.band"), msg.T(l, "compare.col.change"))
	t := newPlainTable(w, header...)
	nd := len(c.Set.Domains)
	t.rightAlign(0)
	for i := 0; i <= nd; i++ {
		t.rightAlign(3 + i)
	}
	t.rightAlign(5 + nd)
	for i := range c.Services {
		sv := &c.Services[i]
		s := sv.Latest()
		// Each service takes two lines: the unit and its scores, then the
		// provider and the rest of the band, or how much of an incomplete
		// assessment is rated. This keeps the table under 100 columns.
		band1, band2 := splitWords(bandText(s, l), textBandWidth)
		if !s.Complete {
			band2 = msg.T(l, "compare.rated-of", s.Rated, s.Count)
		}
		row := []string{rankText(sv), truncate(sv.Unit, textNameWidth), dateText(s, l)}
		if sv.Unit == "" {
			row[1] = truncate(sv.Provider, textNameWidth)
		}
		for _, d := range s.Domains {
			row = append(row, strconv.Itoa(d.Score))
		}
		t.add(append(row, strconv.Itoa(s.Total), band1, changeText(sv))...)
		cont := make([]string, len(header))
		if sv.Unit != "" {
			cont[1] = truncate(sv.Provider, textNameWidth)
		}
		cont[4+nd] = band2
		if cont[1] != "" || cont[4+nd] != "" {
			t.add(cont...)
		}
	}
	if err := t.render(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, wrap(domainLegend(c.Set, l), ww, ""))
	fmt.Fprintln(w, wrap(msg.T(l, "compare.legend-rank"), ww, ""))
	return cycleSummaryText(w, c, l, ww) // compare_review.go
}

// splitWords breaks s into a first line of at most width runes (whole
// words) and the rest.
func splitWords(s string, width int) (string, string) {
	if len([]rune(s)) <= width {
		return s, ""
	}
	words := strings.Fields(s)
	first := words[0]
	i := 1
	for ; i < len(words) && len([]rune(first))+1+len([]rune(words[i])) <= width; i++ {
		first += " " + words[i]
	}
	return first, strings.Join(words[i:], " ")
}

func matrixText(w io.Writer, c *scoring.Comparison, l string, ww int) error {
	fmt.Fprintln(w, msg.T(l, "compare.matrix-keys"))
	for i := range c.Services {
		sv := &c.Services[i]
		name := ServiceName(sv.Provider, sv.Unit)
		if !sv.Latest().Complete {
			name += " – " + msg.T(l, "compare.incomplete")
		}
		fmt.Fprintf(w, "%4s  %s\n", serviceKey(i), wrap(name, ww-6, "      "))
	}
	block := matrixBlockFor(ww)
	for start := 0; start < len(c.Services) || start == 0; start += block {
		end := min(start+block, len(c.Services))
		fmt.Fprintln(w)
		header := []string{"#", msg.T(l, "compare.col.criterion")}
		for i := start; i < end; i++ {
			header = append(header, serviceKey(i))
		}
		last := end == len(c.Services)
		if last {
			header = append(header, msg.T(l, "compare.col.mean-short"), msg.T(l, "compare.col.median-short"))
		}
		t := newPlainTable(w, header...)
		for i := range header {
			if i != 1 {
				t.rightAlign(i)
			}
		}
		for k, st := range c.Criteria {
			row := []string{strconv.Itoa(st.Criterion.Number), truncate(st.Criterion.Title.In(l), textTitleWidth)}
			for i := start; i < end; i++ {
				row = append(row, levelText(c.Services[i].Latest().Level(k)))
			}
			if last {
				row = append(row, regionMean(l, st), medianText(l, st))
			}
			t.add(row...)
		}
		if err := t.render(); err != nil {
			return err
		}
		if last {
			break
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, wrap(msg.T(l, "compare.matrix-legend"), ww, ""))
	return nil
}

// matrixBlockFor is how many services one block of the matrix holds in a
// terminal ww columns wide: matrixBlock at DefaultWidth and wider, one
// fewer for every four columns less (a service's column takes four), at
// least four.
func matrixBlockFor(ww int) int {
	return max(4, min(matrixBlock, matrixBlock-(DefaultWidth-ww)/4))
}

func weakestLine(c *scoring.Comparison, st scoring.CriterionStats, l string) string {
	return fmt.Sprintf("%d %s: %s", st.Criterion.Number, st.Criterion.Title.In(l),
		msg.T(l, "compare.weakest-item", regionMean(l, st), medianText(l, st), c.Below, st.Below, st.Rated))
}

// trendsText writes one table for every service with several
// assessments: the latest against the previous one by domain and in total,
// then the criteria whose level changed. One table, not one per service,
// keeps a region of thousands of services fast to print; the whole history
// is in the JSON, CSV and XLSX outputs.
func trendsText(w io.Writer, c *scoring.Comparison, l string, ww int) error {
	svs := trendServices(c)
	if len(svs) == 0 {
		fmt.Fprintln(w, msg.T(l, "compare.no-trends"))
		return nil
	}
	header := []string{msg.T(l, "compare.col.service"), msg.T(l, "compare.col.trend-item"), msg.T(l, "compare.col.previous-short"),
		msg.T(l, "compare.col.latest-short"), msg.T(l, "compare.col.change")}
	var t *plainTable
	for n, sv := range svs {
		switch {
		case n%trendBlock == 0:
			if t != nil {
				if err := t.render(); err != nil {
					return err
				}
				fmt.Fprintln(w)
			}
			t = newPlainTable(w, header...).rightAlign(2, 3, 4)
		default:
			t.add("", "", "", "", "")
		}
		prev, last := sv.Previous(), sv.Latest()
		// The service's column holds the unit, the provider and, for a
		// longer history, how many assessments there are.
		names := []string{sv.Unit, sv.Provider}
		if sv.Unit == "" {
			names = []string{sv.Provider}
		}
		if len(sv.History) > 2 {
			names = append(names, msg.T(l, "compare.assessments-of", len(sv.History), dateText(&sv.History[0], l)))
		}
		var rows [][]string
		rows = append(rows, []string{"", "", dateText(prev, l), dateText(last, l), ""})
		for d := range c.Set.Domains {
			rows = append(rows, []string{"", c.Set.Domains[d].Name.In(l), domainScoreText(prev.Domains[d]), domainScoreText(last.Domains[d]), signed(sv.Change.Domains[d])})
		}
		rows = append(rows, []string{"", msg.T(l, "score.total"), totalText(prev), totalText(last), signed(sv.Change.Total)})
		changed := changedCriteria(sv)
		for _, i := range changed {
			cr := &c.Set.Criteria[i]
			rows = append(rows, []string{"", truncate(fmt.Sprintf("%d %s", cr.Number, cr.Title.In(l)), textTitleWidth+4),
				levelText(prev.Level(i)), levelText(last.Level(i)), signed(sv.Change.Criteria[i])})
		}
		if len(changed) == 0 {
			rows = append(rows, []string{"", msg.T(l, "compare.no-change"), "", "", ""})
		} else {
			rows = append(rows, []string{"", msg.T(l, "compare.unchanged", len(last.Levels)-len(changed)), "", "", ""})
		}
		for k, name := range names {
			if k < len(rows) {
				rows[k][0] = truncate(name, textNameWidth)
			}
		}
		for _, r := range rows {
			t.add(r...)
		}
	}
	if err := t.render(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, wrap(msg.T(l, "compare.trend-star"), ww, ""))
	for _, sv := range svs {
		if note := versionsNote(c, sv, l); note != "" {
			fmt.Fprintf(w, "\n%s\n", wrap(note, ww, ""))
		}
	}
	return nil
}

// versionsNote says that a service's trend mixes assessments written for
// different versions of the set, naming them and the criteria that
// changed; "" when it does not.
func versionsNote(c *scoring.Comparison, sv *scoring.Service, l string) string {
	m := sv.Versions()
	if m == nil {
		return ""
	}
	files := make([]string, len(m.Earlier))
	for i, s := range m.Earlier {
		files[i] = msg.T(l, "compare.versions.file", s.Source, dateText(s, l), s.EarlierVersion())
	}
	name := ServiceName(sv.Provider, sv.Unit)
	if len(m.Changed) == 0 {
		return msg.TN(l, "compare.versions.mixed-none-changed", len(m.Earlier), name, strings.Join(files, ", "), c.Set.Label())
	}
	return msg.TN(l, "compare.versions.mixed", len(m.Earlier), name, strings.Join(files, ", "), c.Set.Label(), numberList(m.Changed))
}

// totalText marks a total that is not over every criterion.
func totalText(s *scoring.Snapshot) string {
	if !s.Complete {
		return strconv.Itoa(s.Total) + "*"
	}
	return strconv.Itoa(s.Total)
}

// domainScoreText marks a domain score that is not over every criterion.
func domainScoreText(d scoring.DomainScore) string {
	if !d.Complete() {
		return strconv.Itoa(d.Score) + "*"
	}
	return strconv.Itoa(d.Score)
}

func recommendationsText(w io.Writer, c *scoring.Comparison, l string, ww int) {
	fmt.Fprintln(w, wrap(msg.T(l, "compare.rec-intro", c.Below), ww, ""))
	for i := range c.Services {
		sv := &c.Services[i]
		s := sv.Latest()
		fmt.Fprintf(w, "\n%s\n", wrap(ServiceName(sv.Provider, sv.Unit)+", "+dateText(s, l), ww, ""))
		if missing := s.Missing(); len(missing) > 0 {
			fmt.Fprintln(w, wrap(msg.T(l, "compare.rec-missing", numberList(missing)), ww, ""))
		}
		if len(sv.Recommendations) == 0 {
			fmt.Fprintln(w, msg.T(l, "compare.rec-none", c.Below))
			continue
		}
		for _, r := range sv.Recommendations {
			fmt.Fprintf(w, "- %d %s: %s\n", r.Criterion.Number, r.Criterion.Title.In(l), msg.T(l, "score.level", r.Level))
			fmt.Fprintf(w, "  %s\n", wrap(msg.T(l, "score.next", r.Next(), r.Criterion.Anchor(r.Next()).In(l)), ww-2, "  "))
		}
	}
}
