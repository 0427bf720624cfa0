package report

import (
	"bytes"
	"html/template"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

var checkBody = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("check").Parse(`<header>
<h1>{{.Title}}</h1>
<p class="meta">{{.ProfileLabel}}: {{.Profile}} · {{.SetLabel}}: {{.SetLine}} · {{.KeysLabel}}: {{.Keys}}</p>
</header>
<section aria-labelledby="ranking">
<h2 id="ranking">{{.RankingHeading}}</h2>
{{.Ranking}}
<p>{{.Summary}}</p>
{{with .PointsRule}}<p>{{.}}</p>{{end}}
{{.Chart}}
<p>{{.ChartNote}}</p>
</section>
<section aria-labelledby="matrix">
<h2 id="matrix">{{.MatrixHeading}}</h2>
{{.Matrix}}
</section>
<section aria-labelledby="bids">
<h2 id="bids">{{.BidsHeading}}</h2>
{{range .Bids}}<h3>{{.Head}}</h3>
<ul class="facts">
<li>{{.FileLabel}}: {{.File}}</li>
<li><strong>{{.Verdict}}</strong></li>
<li>{{.KeyLine}}</li>
<li>{{.TotalLine}}</li>
{{with .PointsLine}}<li>{{.}}</li>{{end}}
</ul>
{{.Table}}
{{end}}</section>
<section aria-labelledby="profile">
<h2 id="profile">{{.ProfileHeading}}</h2>
{{with .ProfileSource}}<p>{{.}}</p>{{end}}
{{.Requirements}}
<p>{{.Sources}}</p>
</section>`))
})

type htmlBid struct {
	Head, FileLabel, File, Verdict, KeyLine, TotalLine, PointsLine string
	Table                                                          template.HTML
}

// CheckHTML writes the check as one self-contained, accessible HTML page:
// the ranking with points and formulas and a chart of the key-criteria
// scores, the key criteria side by side, a table per bid with every
// requirement, answer, result and reason, and the profile. Results are
// words in the cells, never colour alone.
func CheckHTML(w io.Writer, e *scoring.Evaluation, opt CheckOptions) error {
	l := opt.Lang
	v := newCheckView(e, l)
	if v.Tender != nil {
		return checkTenderHTML(w, v)
	}
	data := struct {
		Title, ProfileLabel, Profile, SetLabel, SetLine, KeysLabel, Keys string
		RankingHeading, Summary, PointsRule, ChartNote                   string
		Ranking, Chart, Matrix, Requirements                             template.HTML
		MatrixHeading, BidsHeading, ProfileHeading, ProfileSource        string
		Sources                                                          string
		Bids                                                             []htmlBid
	}{
		Title: v.Title, ProfileLabel: msg.T(l, "check.profile"), Profile: v.Profile,
		SetLabel: msg.T(l, "score.set"), SetLine: v.SetLine, KeysLabel: msg.T(l, "check.key-criteria"), Keys: v.Keys,
		RankingHeading: msg.T(l, "check.ranking"), Summary: v.Summary, PointsRule: v.PointsRule,
		ChartNote:     msg.T(l, "html.check.chart-note"),
		MatrixHeading: msg.T(l, "check.matrix"), BidsHeading: msg.T(l, "check.bids"),
		ProfileHeading: msg.T(l, "check.requirements"), ProfileSource: e.Profile.Source.In(l), Sources: v.Sources,
	}
	table := func(t Table, class string) (template.HTML, error) {
		h, err := HTMLTable(t, l, tableClass(class, t))
		return scrollRegion(t.Name, h), err
	}
	var err error
	if data.Ranking, err = table(checkShortRanking(v), "summary"); err != nil {
		return err
	}
	if data.Chart, err = checkChart(v, l); err != nil {
		return err
	}
	if data.Matrix, err = table(checkMatrixTable(v), ""); err != nil {
		return err
	}
	for _, bv := range v.Bids {
		hb := htmlBid{Head: strconv.Itoa(bv.Rank) + ". " + bv.Name, FileLabel: msg.T(l, "score.file"), File: bv.File,
			Verdict: bv.Verdict, KeyLine: bv.KeyLine, TotalLine: bv.TotalLine, PointsLine: bv.PointsLine}
		if hb.Table, err = table(bidTable(bv, l), ""); err != nil {
			return err
		}
		data.Bids = append(data.Bids, hb)
	}
	if data.Requirements, err = table(checkProfileTable(v), ""); err != nil {
		return err
	}
	var body bytes.Buffer
	if err := checkBody().Execute(&body, data); err != nil {
		return err
	}
	return WriteHTMLPage(w, HTMLPage{Lang: l, Title: v.Title, Body: template.HTML(body.String())})
}

// checkChart draws every bid in rank order with its key-criteria score,
// whether it meets the profile and, with --points, its quality points
// (relative to the best), so that a long bar of a bid that fails the
// profile is seen to fail: it is hatched, and says so in words.
func checkChart(v *checkView, l string) (template.HTML, error) {
	chart := BarChart{ID: "key-scores", Title: msg.T(l, "check.chart-title")}
	var parts []string
	for _, bv := range v.Bids {
		b := bv.b
		// Upper case marks a bid that fails in words, not colour.
		text := strings.ToUpper(msg.T(l, "check.bar.not", b.KeyScore, b.KeyMax))
		if b.Meets {
			text = msg.T(l, "check.bar.meets", b.KeyScore, b.KeyMax)
		}
		if v.e.PointsMax > 0 {
			if b.Points != nil {
				text = msg.T(l, "html.check.bar.points", text, bv.Relative)
			} else {
				text = msg.T(l, "html.check.bar.no-points", text)
			}
		}
		label := strconv.Itoa(bv.Rank) + ". " + bv.Short
		chart.Bars = append(chart.Bars, Bar{Label: label, Value: float64(b.KeyScore), Max: float64(b.KeyMax), Text: text, Open: !b.Meets})
		parts = append(parts, strconv.Itoa(bv.Rank)+". "+bv.Short+" "+text)
	}
	chart.Desc = msg.T(l, "check.chart-desc") + " " + msg.T(l, "html.check.chart-desc", strings.Join(parts, "; "))
	svg, err := chart.SVG()
	if err != nil {
		return "", err
	}
	return htmlFigure(chart.Title, svg), nil
}

// bidTable is one bid's key criteria: requirement, answer, result, reason.
func bidTable(bv bidView, l string) Table {
	t := Table{Name: bv.Name, RowHeader: 1, Header: []string{
		msg.T(l, "check.col.number"), msg.T(l, "check.col.criterion"), msg.T(l, "check.col.requirement"),
		msg.T(l, "check.col.source"), msg.T(l, "check.col.states"), msg.T(l, "check.col.status"),
		msg.T(l, "check.col.reason"), msg.T(l, "check.col.note")}}
	for _, row := range bv.Rows {
		status := Text(row.Status)
		if row.k.Status != scoring.Pass {
			// Upper case marks a requirement not met in words, not colour.
			status = Text(strings.ToUpper(row.Status))
		}
		t.Rows = append(t.Rows, []Cell{Int(row.Number), Text(row.Title), Text(row.Requirement), Text(row.Source),
			Text(row.States), status, Text(row.Reason), Text(row.Note)})
	}
	addHowColumn(&t, bv, l)
	return t
}

// addHowColumn adds to a bid's table, after what the bid states, how each
// implied level was reached (checkHow), as the text report says it: only
// when some criterion's level needs it.
func addHowColumn(t *Table, bv bidView, l string) {
	hows := make([]string, len(bv.Rows))
	any := false
	for i, row := range bv.Rows {
		hows[i] = checkHow(l, row.k)
		any = any || hows[i] != ""
	}
	if !any {
		return
	}
	const after = 5 // number, criterion, requirement, source, states
	t.Header = append(t.Header[:after:after], append([]string{msg.T(l, "check.rules.how")}, t.Header[after:]...)...)
	for i, r := range t.Rows {
		t.Rows[i] = append(r[:after:after], append([]Cell{Text(hows[i])}, r[after:]...)...)
	}
}
