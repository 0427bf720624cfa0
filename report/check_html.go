package report

import (
	"bytes"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

var checkBody = template.Must(template.New("check").Parse(`<header>
<h1>{{.Title}}</h1>
<p class="meta">{{.ProfileLabel}}: {{.Profile}} · {{.SetLabel}}: {{.SetLine}} · {{.KeysLabel}}: {{.Keys}}</p>
</header>
<section aria-labelledby="ranking">
<h2 id="ranking">{{.RankingHeading}}</h2>
<div class="scroll">{{.Ranking}}</div>
<p>{{.Summary}}</p>
{{with .PointsRule}}<p>{{.}}</p>{{end}}
<figure>{{.Chart}}</figure>
</section>
<section aria-labelledby="matrix">
<h2 id="matrix">{{.MatrixHeading}}</h2>
<div class="scroll">{{.Matrix}}</div>
</section>
<section aria-labelledby="bids">
<h2 id="bids">{{.BidsHeading}}</h2>
{{range .Bids}}<h3>{{.Head}}</h3>
<ul>
<li>{{.FileLabel}}: {{.File}}</li>
<li><strong>{{.Verdict}}</strong></li>
<li>{{.KeyLine}}</li>
<li>{{.TotalLine}}</li>
{{with .PointsLine}}<li>{{.}}</li>{{end}}
</ul>
<div class="scroll">{{.Table}}</div>
{{end}}</section>
<section aria-labelledby="profile">
<h2 id="profile">{{.ProfileHeading}}</h2>
{{with .ProfileSource}}<p>{{.}}</p>{{end}}
<div class="scroll">{{.Requirements}}</div>
<p>{{.Sources}}</p>
</section>`))

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
	data := struct {
		Title, ProfileLabel, Profile, SetLabel, SetLine, KeysLabel, Keys string
		RankingHeading, Summary, PointsRule                              string
		Ranking, Chart, Matrix, Requirements                             template.HTML
		MatrixHeading, BidsHeading, ProfileHeading, ProfileSource        string
		Sources                                                          string
		Bids                                                             []htmlBid
	}{
		Title: v.Title, ProfileLabel: msg.T(l, "check.profile"), Profile: v.Profile,
		SetLabel: msg.T(l, "score.set"), SetLine: v.SetLine, KeysLabel: msg.T(l, "check.key-criteria"), Keys: v.Keys,
		RankingHeading: msg.T(l, "check.ranking"), Summary: v.Summary, PointsRule: v.PointsRule,
		MatrixHeading: msg.T(l, "check.matrix"), BidsHeading: msg.T(l, "check.bids"),
		ProfileHeading: msg.T(l, "check.requirements"), ProfileSource: e.Profile.Source.In(l), Sources: v.Sources,
	}
	var err error
	if data.Ranking, err = HTMLTable(checkShortRanking(v), l, "summary"); err != nil {
		return err
	}
	chart := BarChart{ID: "key-scores", Title: msg.T(l, "check.chart-title"), Desc: msg.T(l, "check.chart-desc")}
	for _, bv := range v.Bids {
		key := "check.bar.not"
		if bv.b.Meets {
			key = "check.bar.meets"
		}
		chart.Bars = append(chart.Bars, Bar{Label: strconv.Itoa(bv.Rank) + ". " + truncate(bv.Short, 26),
			Value: float64(bv.b.KeyScore), Max: float64(bv.b.KeyMax), Text: msg.T(l, key, bv.b.KeyScore, bv.b.KeyMax)})
	}
	if data.Chart, err = chart.SVG(); err != nil {
		return err
	}
	if data.Matrix, err = HTMLTable(checkMatrixTable(v), l, ""); err != nil {
		return err
	}
	for _, bv := range v.Bids {
		hb := htmlBid{Head: strconv.Itoa(bv.Rank) + ". " + bv.Name, FileLabel: msg.T(l, "score.file"), File: bv.File,
			Verdict: bv.Verdict, KeyLine: bv.KeyLine, TotalLine: bv.TotalLine, PointsLine: bv.PointsLine}
		if hb.Table, err = HTMLTable(bidTable(bv, l), l, ""); err != nil {
			return err
		}
		data.Bids = append(data.Bids, hb)
	}
	if data.Requirements, err = HTMLTable(checkProfileTable(v), l, ""); err != nil {
		return err
	}
	var body bytes.Buffer
	if err := checkBody.Execute(&body, data); err != nil {
		return err
	}
	return WriteHTMLPage(w, HTMLPage{Lang: l, Title: v.Title, Body: template.HTML(body.String())})
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
	return t
}
