package report

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

var compareBody = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("compare").Parse(`<header>
<h1>{{.Title}}</h1>
<p class="meta">{{.SetLine}} · {{.Counts}}</p>
{{with .LeftOut}}<div class="note" role="note">
<p>{{.Intro}}</p>
<ul>{{range .Items}}<li>{{.}}</li>{{end}}</ul>
<p>{{.Hint}}</p>
</div>{{end}}
</header>
<section aria-labelledby="summary">
<h2 id="summary">{{.SummaryHeading}}</h2>
{{.Summary}}
<p>{{.DomainLegend}}</p>
<p>{{.RankLegend}}</p>{{with .MixedStar}}
<p>{{.}}</p>{{end}}
</section>
<section aria-labelledby="region">
<h2 id="region">{{.RegionHeading}}</h2>
{{.Totals}}
<p>{{.BandLegend}}{{with .OpenLegend}} {{.}}{{end}}</p>{{with .Scatter}}
{{.}}
<p>{{$.ScatterLegend}}</p>{{end}}
{{.Levels}}
<p>{{.LevelsLegend}}</p>
</section>
<section aria-labelledby="charts">
<h2 id="charts">{{.ChartsHeading}}</h2>
<p class="lead">{{.ChartsOrder}}</p>
<div class="charts">{{range .Charts}}
{{.}}{{end}}
</div>
</section>
<section aria-labelledby="matrix">
<h2 id="matrix">{{.MatrixHeading}}</h2>
<p class="legend">{{.HeatLegend}} <span class="l1">1</span><span class="l2">2</span><span class="l3">3</span><span class="l4">4</span><span class="l5">5</span></p>
<h3 class="keys-head">{{.KeysHeading}}</h3>
<ul class="keys">{{range .Keys}}<li><span class="key">{{.Key}}</span> {{.Name}}</li>{{end}}</ul>
{{range .Matrix}}{{.}}
{{end}}<p>{{.MatrixLegend}}</p>
{{with .Weakest}}<h3>{{$.WeakestHeading}}</h3>
<ol>{{range .}}<li>{{.}}</li>{{end}}</ol>{{end}}
</section>
<section aria-labelledby="trends">
<h2 id="trends">{{.TrendsHeading}}</h2>
{{range .Trends}}<h3>{{.Name}}</h3>{{with .Mixed}}
<p class="note" role="note">{{.}}</p>{{end}}
{{.Chart}}
{{.Domains}}
{{if .Changed}}{{.Changed}}<p>{{.Unchanged}}</p>{{else}}<p>{{.Unchanged}}</p>{{end}}
{{else}}<p>{{.NoTrends}}</p>
{{end}}{{with .Trends}}<p>{{$.TrendStar}}</p>{{end}}
</section>
<section aria-labelledby="recommendations">
<h2 id="recommendations">{{.RecHeading}}</h2>
<p>{{.RecIntro}}</p>
{{range .Recs}}<h3>{{.Name}}</h3>
{{with .Missing}}<p class="incomplete">{{.}}</p>{{end}}
{{if .Items}}<ul>{{range .Items}}<li><strong>{{.Title}}</strong>: {{.Level}}. {{.Next}}</li>{{end}}</ul>{{else}}<p>{{.None}}</p>{{end}}
{{end}}</section>{{with .Review}}
<section aria-labelledby="review">
<h2 id="review">{{.Heading}}</h2>
{{if .DueHeading}}<h3>{{.DueHeading}}</h3>
{{if .Due}}<ul>{{range .Due}}<li>{{.}}</li>{{end}}</ul>{{else}}<p>{{.NoneDue}}</p>{{end}}
{{end}}{{range .Services}}<h3>{{.Name}}</h3>
<ul>{{range .Lines}}<li>{{if .Strong}}<strong>{{.Text}}</strong>{{else}}{{.Text}}{{end}}{{with .Sub}}<ul>{{range .}}<li>{{.}}</li>{{end}}</ul>{{end}}</li>{{end}}</ul>
{{end}}{{.Table}}
</section>{{end}}`))
})

type htmlKey struct{ Key, Name string }

// htmlReview is the review-cycle section (compare_review.go).
type htmlReview struct {
	Heading, DueHeading, NoneDue string
	Due                          []string
	Services                     []htmlReviewBlock
	Table                        template.HTML
}

type htmlReviewBlock struct {
	Name  string
	Lines []htmlReviewLine
}

type htmlReviewLine struct {
	Text   string
	Strong bool
	Sub    []string
}

type htmlLeftOut struct {
	Intro, Hint string
	Items       []string
}

type htmlTrend struct {
	Name, Mixed             string
	Chart, Domains, Changed template.HTML
	Unchanged               string
}

type htmlRecItem struct{ Title, Level, Next string }

type htmlRec struct {
	Name, Missing, None string
	Items               []htmlRecItem
}

// CompareHTML writes the comparison as one self-contained, accessible HTML
// page: the summary, a domain chart per service, the criteria heat-map
// (colour behind printed levels), trends and recommendations.
func CompareHTML(w io.Writer, c *scoring.Comparison, opt CompareOptions) error {
	l := opt.Lang
	set := c.Set
	data := struct {
		Title, SetLine, Counts                                  string
		LeftOut                                                 *htmlLeftOut
		SummaryHeading, DomainLegend, RankLegend                string
		Summary                                                 template.HTML
		RegionHeading, BandLegend, OpenLegend, LevelsLegend     string
		Totals, Levels                                          template.HTML
		ChartsHeading, ChartsOrder                              string
		Charts                                                  []template.HTML
		MatrixHeading, HeatLegend, MatrixLegend, WeakestHeading string
		KeysHeading                                             string
		Keys                                                    []htmlKey
		Matrix                                                  []template.HTML
		Weakest                                                 []string
		TrendsHeading, NoTrends, TrendStar                      string
		Trends                                                  []htmlTrend
		RecHeading, RecIntro                                    string
		Recs                                                    []htmlRec
		MixedStar, ScatterLegend                                string
		Scatter                                                 template.HTML
		Review                                                  *htmlReview
	}{
		Title:          msg.T(l, "compare.title"),
		SetLine:        fmt.Sprintf("%s: %s (%s)", msg.T(l, "score.set"), set.Name.In(l), set.Label()),
		Counts:         msg.T(l, "compare.counts", len(c.Services), c.Assessments),
		SummaryHeading: msg.T(l, "compare.summary"),
		DomainLegend:   domainLegend(set, l),
		RankLegend:     msg.T(l, "compare.legend-rank"),
		RegionHeading:  msg.T(l, "html.region"),
		BandLegend:     msg.T(l, "html.band-legend", bandLegend(set, l)),
		LevelsLegend:   msg.T(l, "html.levels-legend"),
		ChartsHeading:  msg.T(l, "compare.charts"),
		ChartsOrder:    msg.T(l, "html.charts-order"),
		MatrixHeading:  msg.T(l, "compare.matrix"),
		HeatLegend:     msg.T(l, "compare.heat-legend"),
		MatrixLegend:   msg.T(l, "compare.matrix-legend"),
		KeysHeading:    msg.T(l, "html.keys"),
		WeakestHeading: msg.T(l, "compare.weakest"),
		TrendsHeading:  msg.T(l, "compare.trends"),
		NoTrends:       msg.T(l, "compare.no-trends"),
		TrendStar:      msg.T(l, "compare.trend-star"),
		RecHeading:     msg.T(l, "compare.recommendations"),
		RecIntro:       msg.T(l, "compare.rec-intro", c.Below),
	}
	if len(c.LeftOut) > 0 {
		lo := &htmlLeftOut{Intro: msg.T(l, "compare.left-out", len(c.LeftOut)), Hint: msg.T(l, "compare.left-out-hint", leftOutSets(c))}
		for _, s := range c.LeftOut {
			lo.Items = append(lo.Items, msg.T(l, "compare.left-out-item", s.Source, ServiceName(s.Provider, s.Unit), s.Set.Label()))
		}
		data.LeftOut = lo
	}
	summary := htmlSummaryTable(c, l)
	t, err := HTMLTable(summary, l, tableClass("summary", summary))
	if err != nil {
		return err
	}
	data.Summary = scrollRegion(summary.Name, t)
	var open bool
	if data.Totals, open, err = totalsChart(c, l); err != nil {
		return err
	}
	if open {
		data.OpenLegend = msg.T(l, "html.open-incomplete")
	}
	if data.Levels, err = levelsChart(c, l); err != nil {
		return err
	}
	for d := range set.Domains {
		svg, err := domainPanel(c, d, l)
		if err != nil {
			return err
		}
		data.Charts = append(data.Charts, svg)
	}
	for i := range c.Services {
		data.Keys = append(data.Keys, htmlKey{serviceKey(i), serviceTitle(&c.Services[i], l)})
	}
	if data.Matrix, err = heatTables(c, l); err != nil {
		return err
	}
	for _, st := range c.Weakest {
		data.Weakest = append(data.Weakest, weakestLine(c, st, l))
	}
	for i, sv := range trendServices(c) {
		tr, err := htmlTrendOf(c, sv, i+1, l)
		if err != nil {
			return err
		}
		data.Trends = append(data.Trends, tr)
	}
	for i := range c.Services {
		sv := &c.Services[i]
		s := sv.Latest()
		rec := htmlRec{Name: ServiceName(sv.Provider, sv.Unit) + ", " + dateText(s, l), None: msg.T(l, "compare.rec-none", c.Below)}
		if missing := s.Missing(); len(missing) > 0 {
			rec.Missing = msg.T(l, "compare.rec-missing", numberList(missing))
		}
		for _, r := range sv.Recommendations {
			rec.Items = append(rec.Items, htmlRecItem{
				Title: fmt.Sprintf("%d %s", r.Criterion.Number, r.Criterion.Title.In(l)),
				Level: msg.T(l, "score.level", r.Level),
				Next:  msg.T(l, "score.next", r.Next(), r.Criterion.Anchor(r.Next()).In(l)),
			})
		}
		data.Recs = append(data.Recs, rec)
	}
	if hasCycle(c) {
		data.MixedStar = msg.T(l, "cmpcycle.mixed-star")
		if data.Scatter, err = rateScatter(c, l); err != nil {
			return err
		}
		data.ScatterLegend = msg.T(l, "cmpcycle.scatter.legend", criteria.BuiltinCycle().EmploymentRate.Source.In(l))
		if data.Scatter == "" {
			data.ScatterLegend = msg.T(l, "cmpcycle.scatter.none")
		}
	}
	if data.Review, err = htmlReviewOf(c, opt); err != nil {
		return err
	}
	return WriteHTMLPageFunc(w, l, data.Title+" – "+set.Name.In(l), func(w io.Writer) error {
		return compareBody().Execute(w, data)
	})
}

// htmlSummaryTable is the summary as people read it on a page: the
// service with its key (the column of the heat-map) and provider, domain
// scores out of their maximum, how much of an incomplete assessment is
// rated, and no file names.
func htmlSummaryTable(c *scoring.Comparison, l string) Table {
	t := Table{Name: msg.T(l, "compare.summary"), RowHeader: 2, Header: []string{
		msg.T(l, "compare.col.rank"), msg.T(l, "html.col.key"), msg.T(l, "compare.col.service"), msg.T(l, "compare.col.date"),
	}}
	for _, d := range c.Set.Domains {
		t.Header = append(t.Header, d.Name.In(l))
	}
	t.Header = append(t.Header, msg.T(l, "compare.col.total"), msg.T(l, "compare.col.band"), msg.T(l, "compare.col.change"))
	cycle := hasCycle(c)
	if cycle {
		t.Header = append(t.Header, msg.T(l, "cmpcycle.col.kind"), msg.T(l, "cmpcycle.col.rate"),
			msg.T(l, "cmpcycle.col.rate-change"), msg.T(l, "cmpcycle.col.bench"))
	}
	for i := range c.Services {
		sv := &c.Services[i]
		s := sv.Latest()
		row := []Cell{Text(rankText(sv)), Text(serviceKey(i)), Text(ServiceName(sv.Provider, sv.Unit)), Date(s.Date)}
		for _, d := range s.Domains {
			row = append(row, Text(fmt.Sprintf("%d / %d", d.Score, d.Max)))
		}
		band := bandText(s, l)
		if !s.Complete {
			band += ", " + msg.T(l, "compare.rated-of", s.Rated, s.Count)
		}
		row = append(row, Int(s.Total), Text(band), Text(changeText(sv)))
		if cycle {
			for _, x := range cycleTexts(l, sv) {
				row = append(row, Text(x))
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t
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
func totalsChart(c *scoring.Comparison, l string) (template.HTML, bool, error) {
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
			text = strconv.Itoa(s.Total) + ", " + msg.T(l, "compare.incomplete") + " " + msg.T(l, "compare.rated-of", s.Rated, s.Count)
			open = true
		}
		chart.Bars = append(chart.Bars, Bar{Label: chartName(sv, i), Value: float64(s.Total), Text: text, Open: !s.Complete})
		parts = append(parts, ServiceName(sv.Provider, sv.Unit)+" "+text)
	}
	chart.Desc = msg.T(l, "html.totals-desc", strings.Join(parts, "; "), bandLegend(set, l))
	svg, err := chart.SVG()
	if err != nil {
		return "", false, err
	}
	return htmlFigure(chart.Title, svg), open, nil
}

// levelsChart shows, per criterion, how many services' latest assessments
// sit at each level, levels 1 to 5 from the left, then those not rated.
func levelsChart(c *scoring.Comparison, l string) (template.HTML, error) {
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
	svg, err := chart.SVG()
	if err != nil {
		return "", err
	}
	return htmlFigure(chart.Title, svg), nil
}

// domainPanel is one small multiple: domain d's score of every service, in
// the summary's order, each bar the share of the domain's maximum, so
// every panel has the same scale.
func domainPanel(c *scoring.Comparison, d int, l string) (template.HTML, error) {
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
			text = msg.T(l, "compare.chart-value-partial", ds.Score, ds.Max, ds.Rated, ds.Count)
		}
		chart.Bars = append(chart.Bars, Bar{Label: chartName(sv, i), Value: float64(ds.Score), Max: float64(ds.Max), Text: text, Open: !ds.Complete()})
		parts = append(parts, ServiceName(sv.Provider, sv.Unit)+" "+text)
	}
	chart.Desc = msg.T(l, "html.domain-desc", strings.Join(parts, "; "))
	svg, err := chart.SVG()
	if err != nil {
		return "", err
	}
	return htmlFigure(chart.Title, svg), nil
}

// heatBlock is how many services one heat-map table holds. A wider region
// gets several tables, each with the criteria and the regional columns
// (mean, median, rated, below), so that a screen at 1280 px and an A4 page
// show every service and the mean and median.
const heatBlock = 10

var heatTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("heat").Parse(`<table class="{{.Class}}">
<caption>{{.Caption}}</caption>
<thead><tr><th scope="col">{{.Number}}</th><th scope="col">{{.Criterion}}</th>{{range .Services}}<th scope="col" class="svc" title="{{.Name}}"><span aria-hidden="true">{{.Key}}</span><span class="vh">{{.Name}}</span></th>{{end}}<th scope="col">{{.Mean}}</th><th scope="col">{{.Median}}</th><th scope="col">{{.RatedBy}}</th><th scope="col">{{.Below}}</th></tr></thead>
<tbody>
{{range .Rows}}<tr><td class="n">{{.Number}}</td><th scope="row">{{.Title}}</th>{{range .Levels}}<td class="n{{with .}} l{{.}}{{end}}">{{if .}}{{.}}{{else}}–{{end}}</td>{{end}}<td class="n">{{.Mean}}</td><td class="n">{{.Median}}</td><td class="n">{{.Rated}}</td><td class="n">{{.Below}}</td></tr>
{{end}}</tbody>
</table>`))
})

type heatRow struct {
	Number       int
	Title        string
	Levels       []int8
	Mean, Median string
	Rated, Below int
}

// heatTables is the criteria × services heat-map in blocks of heatBlock
// services: the columns are the services' keys (the full name is there for
// screen readers and as a tooltip), the numbers are printed as the text
// report prints them (a median of 3, not 3,0).
func heatTables(c *scoring.Comparison, l string) ([]template.HTML, error) {
	var out []template.HTML
	for start := 0; start < len(c.Services) || start == 0; start += heatBlock {
		end := min(start+heatBlock, len(c.Services))
		// One table's caption repeats the heading; the blocks' say which
		// services they hold.
		caption, class := msg.T(l, "compare.matrix"), "heat whole"
		if len(c.Services) > heatBlock {
			class = "heat"
			caption = msg.T(l, "html.matrix-part", caption, serviceKey(start), serviceKey(end-1))
		}
		data := struct {
			Class, Caption, Number, Criterion, Mean, Median, RatedBy, Below string
			Services                                                        []htmlKey
			Rows                                                            []heatRow
		}{Class: class, Caption: caption, Number: msg.T(l, "compare.col.number"), Criterion: msg.T(l, "compare.col.criterion"),
			Mean: msg.T(l, "compare.col.mean"), Median: msg.T(l, "compare.col.median"),
			RatedBy: msg.T(l, "compare.col.rated-by"), Below: msg.T(l, "compare.col.below", c.Below)}
		for i := start; i < end; i++ {
			data.Services = append(data.Services, htmlKey{serviceKey(i), serviceTitle(&c.Services[i], l)})
		}
		for k, st := range c.Criteria {
			row := heatRow{Number: st.Criterion.Number, Title: st.Criterion.Title.In(l),
				Mean: regionMean(l, st), Median: medianText(l, st), Rated: st.Rated, Below: st.Below}
			for i := start; i < end; i++ {
				row.Levels = append(row.Levels, int8(c.Services[i].Latest().Level(k)))
			}
			data.Rows = append(data.Rows, row)
		}
		var b bytes.Buffer
		if err := heatTemplate().Execute(&b, data); err != nil {
			return nil, err
		}
		out = append(out, scrollRegion(caption, template.HTML(b.String())))
		if end == len(c.Services) {
			break
		}
	}
	return out, nil
}

// trendChart is a service's total at each assessment on one axis from 0 to
// the set's maximum, with the band lines; an incomplete assessment is a
// hollow point marked *.
func trendChart(c *scoring.Comparison, sv *scoring.Service, id int, l string) (template.HTML, error) {
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
	svg, err := chart.SVG()
	if err != nil {
		return "", err
	}
	return htmlFigure(chart.Title, svg), nil
}

func htmlTrendOf(c *scoring.Comparison, sv *scoring.Service, id int, l string) (htmlTrend, error) {
	tr := htmlTrend{Name: ServiceName(sv.Provider, sv.Unit)}
	cycle := hasCycle(c)
	if cycle && CycleOf(sv, time.Time{}).Mixed {
		tr.Mixed = msg.T(l, "review.compare.mixed")
	}
	t := Table{Name: msg.T(l, "score.col.domain"), RowHeader: 0, Header: []string{msg.T(l, "score.col.domain")}}
	t.Name = tr.Name + ": " + msg.T(l, "compare.trends")
	for k := range sv.History {
		t.Header = append(t.Header, trendDate(&sv.History[k], l, cycle))
	}
	t.Header = append(t.Header, msg.T(l, "compare.col.change"))
	for d := range c.Set.Domains {
		row := []Cell{Text(c.Set.Domains[d].Name.In(l))}
		for k := range sv.History {
			row = append(row, Text(domainScoreText(sv.History[k].Domains[d])))
		}
		t.Rows = append(t.Rows, append(row, Text(signed(sv.Change.Domains[d]))))
	}
	row := []Cell{Text(msg.T(l, "score.total"))}
	for k := range sv.History {
		s := &sv.History[k]
		cell := strconv.Itoa(s.Total)
		if !s.Complete {
			cell += "*"
		}
		row = append(row, Text(cell))
	}
	t.Rows = append(t.Rows, append(row, Text(signed(sv.Change.Total))))
	var err error
	if tr.Chart, err = trendChart(c, sv, id, l); err != nil {
		return tr, err
	}
	if tr.Domains, err = HTMLTable(t, l, "small"); err != nil {
		return tr, err
	}
	tr.Domains = scrollRegion(t.Name, tr.Domains)
	changed := changedCriteria(sv)
	last := sv.Latest()
	if len(changed) == 0 {
		tr.Unchanged = msg.T(l, "compare.no-change")
		return tr, nil
	}
	prev := sv.Previous()
	ct := Table{Name: msg.T(l, "compare.changed"), RowHeader: 1, Header: []string{
		msg.T(l, "compare.col.number"), msg.T(l, "compare.col.criterion"), dateText(prev, l), dateText(last, l), msg.T(l, "compare.col.change"),
	}}
	for _, i := range changed {
		cr := &c.Set.Criteria[i]
		ct.Rows = append(ct.Rows, []Cell{Int(cr.Number), Text(cr.Title.In(l)), Level(prev.Level(i)), Level(last.Level(i)), Text(signed(sv.Change.Criteria[i]))})
	}
	if tr.Changed, err = HTMLTable(ct, l, "heat small"); err != nil {
		return tr, err
	}
	tr.Changed = scrollRegion(tr.Name+": "+ct.Name, tr.Changed)
	tr.Unchanged = msg.T(l, "compare.unchanged", len(last.Levels)-len(changed))
	return tr, nil
}

// htmlReviewOf is the review-cycle section of the page, nil when it is not
// shown: the same lines as the terminal's, and the review-cycle table.
func htmlReviewOf(c *scoring.Comparison, opt CompareOptions) (*htmlReview, error) {
	rs, ok := reviewSectionOf(c, opt)
	if !ok {
		return nil, nil
	}
	hr := &htmlReview{Heading: rs.Heading, DueHeading: rs.DueHeading, NoneDue: rs.NoneDue, Due: rs.Due}
	mixed := msg.T(opt.Lang, "review.compare.mixed")
	for _, b := range rs.Services {
		hb := htmlReviewBlock{Name: b.Name}
		for k, line := range b.Lines {
			hl := htmlReviewLine{Text: line, Strong: b.Mixed && line == mixed}
			if k == b.OverdueAt-1 {
				hl.Sub = b.Overdue
			}
			hb.Lines = append(hb.Lines, hl)
		}
		hr.Services = append(hr.Services, hb)
	}
	if t := CycleTable(c, opt); len(t.Rows) > 0 {
		// The lists above name the overdue actions and the previous plan's
		// criteria; the table keeps the figures, narrow enough to read.
		t.Header = t.Header[:len(t.Header)-2]
		for k := range t.Rows {
			t.Rows[k] = t.Rows[k][:len(t.Rows[k])-2]
		}
		h, err := HTMLTable(t, opt.Lang, tableClass("small", t))
		if err != nil {
			return nil, err
		}
		hr.Table = scrollRegion(t.Name, h)
	}
	return hr, nil
}
