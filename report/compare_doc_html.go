package report

import (
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// The comparison as a page: CompareDocument, with the pictures only a
// page has (the other formats give the same values in their tables), drawn
// by html.go's SVG charts: the region at a glance (every service's total
// against the bands, fidelity against the employment rate, how many
// services sit at each level per criterion), a small multiple per domain
// on one scale in the summary's order, and each service's total over time.

// CompareHTML writes the comparison as one self-contained, accessible HTML
// page through WriteDocHTML.
func CompareHTML(w io.Writer, c *scoring.Comparison, opt CompareOptions) error {
	return WriteDocHTML(w, compareHTMLDocument(c, opt))
}

// DocFigure is a chart of html.go under its caption: a picture only the
// page shows.
type DocFigure struct {
	Caption string
	Chart   interface{ SVG() (template.HTML, error) }
}

// DocFigures are small multiples: figures side by side, two a row in
// print, each on the same scale.
type DocFigures struct {
	Figures []DocFigure
}

func (*DocFigure) isBlock()  {}
func (*DocFigures) isBlock() {}

// compareHTMLDocument is CompareDocument with the page's pictures: the
// region and the domains after the summary, a trend chart above each
// service's trend table, and the review cycle's figures under its lists.
func compareHTMLDocument(c *scoring.Comparison, opt CompareOptions) *Document {
	l := opt.Lang
	d := CompareDocument(c, opt)
	totals, open := totalsChart(c, l)
	legend := msg.T(l, "html.band-legend", bandLegend(c.Set, l))
	if open {
		legend += " " + msg.T(l, "html.open-incomplete")
	}
	region := Section{Heading: msg.T(l, "html.region"), Level: 1, Blocks: []Block{totals, &Para{Text: legend}}}
	if hasCycle(c) {
		if scatter := rateScatter(c, l); scatter != nil {
			region.Blocks = append(region.Blocks, scatter, &Para{Text: msg.T(l, "cmpcycle.scatter.legend", criteria.BuiltinCycle().EmploymentRate.Source.In(l))})
		} else {
			region.Blocks = append(region.Blocks, &Para{Text: msg.T(l, "cmpcycle.scatter.none")})
		}
	}
	region.Blocks = append(region.Blocks, levelsChart(c, l), &Para{Text: msg.T(l, "html.levels-legend")})
	panels := &DocFigures{}
	for k := range c.Set.Domains {
		panels.Figures = append(panels.Figures, domainPanel(c, k, l))
	}
	domains := Section{Heading: msg.T(l, "compare.charts"), Level: 1, Blocks: []Block{&Para{Text: msg.T(l, "html.charts-order")}, panels}}
	var out []Section
	trends := trendServices(c)
	inTrends, next := false, 0
	for _, s := range d.Sections {
		switch {
		case s.Level == 1:
			inTrends = s.Heading == msg.T(l, "compare.trends")
		case inTrends && next < len(trends):
			// The trend sections are trendServices' in order.
			s.Blocks = append([]Block{trendChart(c, trends[next], next+1, l)}, s.Blocks...)
			next++
		}
		out = append(out, s)
		if s.Heading == msg.T(l, "compare.summary") && s.Level == 1 {
			out = append(out, region, domains)
		}
	}
	if _, ok := reviewSectionOf(c, opt); ok {
		addCycleTable(&out[len(out)-1], CycleTable(c, opt))
	}
	d.Sections = out
	return d
}

// addCycleTable puts the review-cycle table, without its last two
// columns, under the review cycle's section s.
func addCycleTable(s *Section, t Table) {
	if len(t.Rows) > 0 {
		// The lists above name the overdue actions and the previous
		// plan's criteria; the table keeps the figures, narrow enough to
		// read.
		t.Header = t.Header[:len(t.Header)-2]
		for k := range t.Rows {
			t.Rows[k] = t.Rows[k][:len(t.Rows[k])-2]
		}
		s.Blocks = append(s.Blocks, docTableOf(t))
	}
}

// sortedBands are the set's bands from the lowest up.
func sortedBands(set *criteria.Set) []criteria.Band {
	bands := slices.Clone(set.Bands)
	slices.SortFunc(bands, func(a, b criteria.Band) int { return a.Min - b.Min })
	return bands
}

// bandLines are the lower limits of the set's bands above the lowest, as
// reference lines: 74, 100 and 115 in the built-in sets.
func bandLines(set *criteria.Set) []RefLine {
	var lines []RefLine
	for i, b := range sortedBands(set) {
		if i > 0 {
			lines = append(lines, RefLine{Value: float64(b.Min), Label: strconv.Itoa(b.Min)})
		}
	}
	return lines
}

// bandNameLines are bandLines labelled with the bands' names too, for a
// chart with room for them: "100 hyvä".
func bandNameLines(set *criteria.Set, l string) []RefLine {
	var lines []RefLine
	for i, b := range sortedBands(set) {
		if i > 0 {
			lines = append(lines, RefLine{Value: float64(b.Min), Label: strconv.Itoa(b.Min) + " " + truncate(b.Name.In(l), 14)})
		}
	}
	return lines
}

// bandLegend names the lines: "74 kohtalainen, 100 hyvä, 115 erinomainen".
func bandLegend(set *criteria.Set, l string) string {
	var parts []string
	for i, b := range sortedBands(set) {
		if i > 0 {
			parts = append(parts, strconv.Itoa(b.Min)+" "+b.Name.In(l))
		}
	}
	return strings.Join(parts, ", ")
}

// chartName names service i in a chart: its key and the unit (or the
// provider).
func chartName(sv *scoring.Service, i int) string {
	name := sv.Unit
	if name == "" {
		name = sv.Provider
	}
	return serviceKey(i) + " " + name
}

// totalsChart is the region at a glance: every service's latest total on
// one axis, in the summary's order, against the band lines. An incomplete
// assessment's bar is hatched (and says so), since its total is not
// comparable; open reports whether there is one.
func totalsChart(c *scoring.Comparison, l string) (*DocFigure, bool) {
	set := c.Set
	chart := BarChart{ID: "totals", Title: msg.T(l, "html.totals-title", set.MaxTotal()),
		Scale: float64(set.MaxTotal()), Lines: bandLines(set), TextW: 250}
	var parts []string
	open := false
	for i := range c.Services {
		sv := &c.Services[i]
		s := sv.Latest()
		text := strconv.Itoa(s.Total) + ", " + bandText(s, l)
		if !s.Complete {
			text = strconv.Itoa(s.Total) + ", " + msg.T(l, "compare.incomplete") + " " + msg.TN(l, "compare.rated-of", s.Count, s.Rated, s.Count)
			open = true
		}
		chart.Bars = append(chart.Bars, Bar{Label: chartName(sv, i), Value: float64(s.Total), Text: text, Open: !s.Complete})
		parts = append(parts, ServiceName(sv.Provider, sv.Unit)+" "+text)
	}
	chart.Desc = msg.T(l, "html.totals-desc", strings.Join(parts, "; "), bandLegend(set, l))
	return &DocFigure{Caption: chart.Title, Chart: chart}, open
}

// levelsChart shows, per criterion, how many services' latest assessments
// sit at each level, levels 1 to 5 from the left, then those not rated.
func levelsChart(c *scoring.Comparison, l string) *DocFigure {
	chart := StackChart{ID: "levels", Title: msg.T(l, "html.levels-title"), Of: len(c.Services)}
	var parts []string
	for k, st := range c.Criteria {
		var counts [criteria.MaxLevel + 1]int
		for i := range c.Services {
			counts[c.Services[i].Latest().Level(k)]++
		}
		row := StackRow{Label: strconv.Itoa(st.Criterion.Number) + " " + st.Criterion.Title.In(l)}
		var said []string
		for lv := 1; lv <= criteria.MaxLevel; lv++ {
			row.Segments = append(row.Segments, Segment{Level: lv, Count: counts[lv]})
			if counts[lv] > 0 {
				said = append(said, msg.T(l, "html.level-count", lv, counts[lv]))
			}
		}
		row.Segments = append(row.Segments, Segment{Count: counts[0]})
		if counts[0] > 0 {
			said = append(said, msg.T(l, "html.not-rated-count", counts[0]))
		}
		chart.Rows = append(chart.Rows, row)
		parts = append(parts, strconv.Itoa(st.Criterion.Number)+" "+st.Criterion.Title.In(l)+": "+strings.Join(said, ", "))
	}
	chart.Desc = msg.T(l, "html.levels-desc", strings.Join(parts, "; "))
	return &DocFigure{Caption: chart.Title, Chart: chart}
}

// domainPanel is one small multiple: domain d's score of every service, in
// the summary's order, each bar the share of the domain's maximum, so
// every panel has the same scale.
func domainPanel(c *scoring.Comparison, d int, l string) DocFigure {
	dom := &c.Set.Domains[d]
	max := len(c.Set.InDomain(dom.ID)) * criteria.MaxLevel
	chart := BarChart{ID: "domain-" + strconv.Itoa(d+1), Title: msg.T(l, "html.domain-title", dom.Name.In(l), max), TextW: 80}
	for i := range c.Services {
		if !c.Services[i].Latest().Domains[d].Complete() {
			chart.TextW = 160 // room for "33 / 70 (10/14 rated)"
		}
	}
	var parts []string
	for i := range c.Services {
		sv := &c.Services[i]
		ds := sv.Latest().Domains[d]
		text := msg.T(l, "compare.chart-value", ds.Score, ds.Max)
		if !ds.Complete() {
			text = msg.TN(l, "compare.chart-value-partial", ds.Count, ds.Score, ds.Max, ds.Rated, ds.Count)
		}
		chart.Bars = append(chart.Bars, Bar{Label: chartName(sv, i), Value: float64(ds.Score), Max: float64(ds.Max), Text: text, Open: !ds.Complete()})
		parts = append(parts, ServiceName(sv.Provider, sv.Unit)+" "+text)
	}
	chart.Desc = msg.T(l, "html.domain-desc", strings.Join(parts, "; "))
	return DocFigure{Caption: chart.Title, Chart: chart}
}

// trendChart is a service's total at each assessment on one axis from 0 to
// the set's maximum, with the band lines; an incomplete assessment is a
// hollow point marked *.
func trendChart(c *scoring.Comparison, sv *scoring.Service, id int, l string) *DocFigure {
	name := ServiceName(sv.Provider, sv.Unit)
	chart := LineChart{ID: "trend-" + strconv.Itoa(id), Title: msg.T(l, "html.trend-title", name),
		Max: float64(c.Set.MaxTotal()), Lines: bandNameLines(c.Set, l)}
	var parts []string
	for k := range sv.History {
		s := &sv.History[k]
		text := strconv.Itoa(s.Total)
		if !s.Complete {
			text += "*"
		}
		chart.Points = append(chart.Points, Point{Label: dateText(s, l), Value: float64(s.Total), Text: text, Open: !s.Complete})
		parts = append(parts, dateText(s, l)+" "+text)
	}
	chart.Desc = msg.T(l, "html.trend-desc", strings.Join(parts, ", "), bandLegend(c.Set, l))
	return &DocFigure{Caption: chart.Title, Chart: chart}
}
