package report

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

var compareBody = template.Must(template.New("compare").Parse(`<header>
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
<div class="scroll">{{.Summary}}</div>
<p>{{.DomainLegend}}</p>
<p>{{.RankLegend}}</p>
</section>
<section aria-labelledby="charts">
<h2 id="charts">{{.ChartsHeading}}</h2>
<div class="charts">{{range .Charts}}
<figure>{{.}}</figure>{{end}}
</div>
</section>
<section aria-labelledby="matrix">
<h2 id="matrix">{{.MatrixHeading}}</h2>
<p class="legend">{{.HeatLegend}} <span class="l1">1</span><span class="l2">2</span><span class="l3">3</span><span class="l4">4</span><span class="l5">5</span></p>
<div class="scroll">{{.Matrix}}</div>
<p>{{.MatrixLegend}}</p>
{{with .Weakest}}<h3>{{$.WeakestHeading}}</h3>
<ol>{{range .}}<li>{{.}}</li>{{end}}</ol>{{end}}
</section>
<section aria-labelledby="trends">
<h2 id="trends">{{.TrendsHeading}}</h2>
{{range .Trends}}<h3>{{.Name}}</h3>
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
{{end}}</section>`))

type htmlLeftOut struct {
	Intro, Hint string
	Items       []string
}

type htmlTrend struct {
	Name             string
	Domains, Changed template.HTML
	Unchanged        string
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
		Summary, Matrix                                         template.HTML
		ChartsHeading                                           string
		Charts                                                  []template.HTML
		MatrixHeading, HeatLegend, MatrixLegend, WeakestHeading string
		Weakest                                                 []string
		TrendsHeading, NoTrends, TrendStar                      string
		Trends                                                  []htmlTrend
		RecHeading, RecIntro                                    string
		Recs                                                    []htmlRec
	}{
		Title:          msg.T(l, "compare.title"),
		SetLine:        fmt.Sprintf("%s: %s (%s)", msg.T(l, "score.set"), set.Name.In(l), set.Label()),
		Counts:         msg.T(l, "compare.counts", len(c.Services), c.Assessments),
		SummaryHeading: msg.T(l, "compare.summary"),
		DomainLegend:   domainLegend(set, l),
		RankLegend:     msg.T(l, "compare.legend-rank"),
		ChartsHeading:  msg.T(l, "compare.charts"),
		MatrixHeading:  msg.T(l, "compare.matrix"),
		HeatLegend:     msg.T(l, "compare.heat-legend"),
		MatrixLegend:   msg.T(l, "compare.matrix-legend"),
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
	var err error
	if data.Summary, err = HTMLTable(htmlSummaryTable(c, l), l, "summary"); err != nil {
		return err
	}
	if data.Matrix, err = HTMLTable(htmlMatrixTable(c, l), l, "heat"); err != nil {
		return err
	}
	for i := range c.Services {
		svg, err := serviceChart(c, &c.Services[i], i, l)
		if err != nil {
			return err
		}
		data.Charts = append(data.Charts, svg)
	}
	for _, st := range c.Weakest {
		data.Weakest = append(data.Weakest, weakestLine(c, st, l))
	}
	for _, sv := range trendServices(c) {
		tr, err := htmlTrendOf(c, sv, l)
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
	var body bytes.Buffer
	if err := compareBody.Execute(&body, data); err != nil {
		return err
	}
	return WriteHTMLPage(w, HTMLPage{Lang: l, Title: data.Title + " – " + set.Name.In(l), Body: template.HTML(body.String())})
}

// htmlSummaryTable is the summary as people read it on a page: the
// service with its provider, domain scores out of their maximum, how much
// of an incomplete assessment is rated, and no file names.
func htmlSummaryTable(c *scoring.Comparison, l string) Table {
	t := Table{Name: msg.T(l, "compare.summary"), RowHeader: 1, Header: []string{
		msg.T(l, "compare.col.rank"), msg.T(l, "compare.col.service"), msg.T(l, "compare.col.date"),
	}}
	for _, d := range c.Set.Domains {
		t.Header = append(t.Header, d.Name.In(l))
	}
	t.Header = append(t.Header, msg.T(l, "compare.col.total"), msg.T(l, "compare.col.band"), msg.T(l, "compare.col.change"))
	for i := range c.Services {
		sv := &c.Services[i]
		s := sv.Latest()
		row := []Cell{Text(rankText(sv)), Text(ServiceName(sv.Provider, sv.Unit)), Date(s.Date)}
		for _, d := range s.Domains {
			row = append(row, Text(fmt.Sprintf("%d / %d", d.Score, d.Max)))
		}
		band := bandText(s, l)
		if !s.Complete {
			band += ", " + msg.T(l, "compare.rated-of", s.Rated, s.Count)
		}
		t.Rows = append(t.Rows, append(row, Int(s.Total), Text(band), Text(changeText(sv))))
	}
	return t
}

// htmlMatrixTable is the matrix for a page, narrower than in a
// spreadsheet: without the domain column (the criteria stay in the set's
// order) and with the unit's name alone heading its column; the provider
// is in the summary.
func htmlMatrixTable(c *scoring.Comparison, l string) Table {
	t := MatrixTable(c, l)
	for i := range c.Services {
		sv := &c.Services[i]
		if sv.Unit != "" {
			t.Header[3+i] = strings.Replace(t.Header[3+i], ServiceName(sv.Provider, sv.Unit), sv.Unit, 1)
		}
	}
	t.Header = append(t.Header[:2:2], t.Header[3:]...)
	for r, row := range t.Rows {
		t.Rows[r] = append(row[:2:2], row[3:]...)
	}
	return t
}

// serviceChart is a service's latest domain scores as a bar chart, each
// bar the share of the domain's maximum with the score printed beside it.
func serviceChart(c *scoring.Comparison, sv *scoring.Service, i int, l string) (template.HTML, error) {
	s := sv.Latest()
	name := ServiceName(sv.Provider, sv.Unit)
	if !s.Complete {
		name += " (" + msg.T(l, "compare.incomplete") + ")"
	}
	chart := BarChart{ID: "chart-" + strconv.Itoa(i+1), Title: msg.T(l, "compare.chart-title", name)}
	var parts []string
	for _, d := range s.Domains {
		text := msg.T(l, "compare.chart-value", d.Score, d.Max)
		if !d.Complete() {
			text = msg.T(l, "compare.chart-value-partial", d.Score, d.Max, d.Rated, d.Count)
		}
		chart.Bars = append(chart.Bars, Bar{Label: d.Domain.Name.In(l), Value: float64(d.Score), Max: float64(d.Max), Text: text})
		parts = append(parts, d.Domain.Name.In(l)+" "+text)
	}
	parts = append(parts, msg.T(l, "score.total")+" "+msg.T(l, "compare.chart-value", s.Total, s.Max))
	chart.Desc = msg.T(l, "compare.chart-desc", strings.Join(parts, ", "))
	svg, err := chart.SVG()
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	if err := figureTemplate.Execute(&b, struct {
		Caption string
		SVG     template.HTML
	}{name, svg}); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

var figureTemplate = template.Must(template.New("figure").Parse(`<figcaption>{{.Caption}}</figcaption>{{.SVG}}`))

func htmlTrendOf(c *scoring.Comparison, sv *scoring.Service, l string) (htmlTrend, error) {
	tr := htmlTrend{Name: ServiceName(sv.Provider, sv.Unit)}
	t := Table{Name: msg.T(l, "score.col.domain"), RowHeader: 0, Header: []string{msg.T(l, "score.col.domain")}}
	t.Name = tr.Name + ": " + msg.T(l, "compare.trends")
	for k := range sv.History {
		t.Header = append(t.Header, dateText(&sv.History[k], l))
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
	if tr.Domains, err = HTMLTable(t, l, ""); err != nil {
		return tr, err
	}
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
	if tr.Changed, err = HTMLTable(ct, l, "heat"); err != nil {
		return tr, err
	}
	tr.Unchanged = msg.T(l, "compare.unchanged", len(last.Levels)-len(changed))
	return tr, nil
}
