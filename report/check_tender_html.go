package report

import (
	"bytes"
	"html/template"
	"io"
	"strings"
	"sync"

	"github.com/laatu-fi/laatu/msg"
)

// A tender comparison as one HTML page: the result with every figure beside
// its formula and the excluded bids (never ranked) with why, a chart of the
// total comparison points, the comparison memo (vertailumuistio) a table
// per bid, and the profile's requirements with their sources. The page is
// the memo `check -o muistio.html` writes.

var tenderBody = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("tender").Parse(`<header>
<h1>{{.Title}}</h1>
<p class="meta">{{.ProfileLabel}}: {{.Profile}} · {{.SetLabel}}: {{.SetLine}} · {{.KeysLabel}}: {{.Keys}}</p>
</header>
<section aria-labelledby="result">
<h2 id="result">{{.ResultHeading}}</h2>
{{.Result}}
<p>{{.Summary}}</p>
{{with .Excluded}}<p>{{.}}</p>{{end}}
<p>{{.Rule}}</p>
{{.Chart}}
<p>{{.ChartNote}}</p>
</section>
<section aria-labelledby="memo">
<h2 id="memo">{{.MemoHeading}}</h2>
<p>{{.MemoLead}}</p>
{{range .Bids}}<h3>{{.Head}}</h3>
<ul class="facts">
<li>{{.FileLabel}}: {{.File}}</li>
<li><strong>{{.Verdict}}</strong></li>
{{range .Lines}}<li>{{.}}</li>
{{end}}</ul>
{{.Table}}
{{end}}</section>
<section aria-labelledby="profile">
<h2 id="profile">{{.ProfileHeading}}</h2>
{{with .ProfileSource}}<p>{{.}}</p>{{end}}
{{.Requirements}}
{{with .Own}}<h3>{{$.OwnHeading}}</h3>
{{.}}{{end}}
<p>{{.Sources}}</p>
</section>`))
})

type tenderHTMLBid struct {
	Head, FileLabel, File, Verdict string
	Lines                          []string
	Table                          template.HTML
}

// checkTenderHTML writes a tender comparison page (CheckHTML calls it).
func checkTenderHTML(w io.Writer, v *checkView) error {
	l, e := v.lang, v.e
	title := msg.T(l, "tender.title", e.Profile.Name.In(l))
	data := struct {
		Title, ProfileLabel, Profile, SetLabel, SetLine, KeysLabel, Keys string
		ResultHeading, Summary, Excluded, Rule, ChartNote                string
		MemoHeading, MemoLead, ProfileHeading, ProfileSource             string
		OwnHeading, Sources                                              string
		Result, Chart, Requirements, Own                                 template.HTML
		Bids                                                             []tenderHTMLBid
	}{
		Title: title, ProfileLabel: msg.T(l, "check.profile"), Profile: v.Profile,
		SetLabel: msg.T(l, "score.set"), SetLine: v.SetLine, KeysLabel: msg.T(l, "check.key-criteria"), Keys: v.Keys,
		ResultHeading: msg.T(l, "tender.ranking"), Summary: v.Summary, Excluded: v.Tender.Excluded, Rule: v.Tender.Rule,
		ChartNote:   msg.T(l, "tender2.chart-note"),
		MemoHeading: msg.T(l, "tender.memo"), MemoLead: msg.T(l, "tender2.memo-lead"),
		ProfileHeading: msg.T(l, "check.requirements"), ProfileSource: e.Profile.Source.In(l),
		OwnHeading: msg.T(l, "tender.own"), Sources: v.Sources,
	}
	table := func(t Table, class string) (template.HTML, error) {
		h, err := HTMLTable(t, l, tableClass(class, t))
		return scrollRegion(t.Name, h), err
	}
	var err error
	if data.Result, err = table(tenderResultTable(v), "summary"); err != nil {
		return err
	}
	if data.Chart, err = tenderChart(v); err != nil {
		return err
	}
	for _, bv := range v.Bids {
		tv := bv.Tender
		hb := tenderHTMLBid{Head: tv.RankText + ". " + bv.Name, FileLabel: msg.T(l, "score.file"), File: bv.File, Verdict: bv.Verdict}
		if !bv.b.Meets {
			hb.Head = msg.T(l, "tender.excluded-head", bv.Name)
		} else {
			hb.Lines = []string{msg.T(l, "tender.line.quality", tv.Quality, tv.QualityFormula),
				msg.T(l, "tender.line.price", orDash(tv.Price), tv.PriceFormula), msg.T(l, "tender.line.total", tv.TotalFormula)}
		}
		if hb.Table, err = table(tenderMemoBidTable(bv, l), "memo"); err != nil {
			return err
		}
		data.Bids = append(data.Bids, hb)
	}
	if data.Requirements, err = table(checkProfileTable(v), ""); err != nil {
		return err
	}
	if own := tenderOwnTable(v); len(own.Rows) > 0 {
		if data.Own, err = table(own, ""); err != nil {
			return err
		}
	}
	var body bytes.Buffer
	if err := tenderBody().Execute(&body, data); err != nil {
		return err
	}
	return WriteHTMLPage(w, HTMLPage{Lang: l, Title: title, Body: template.HTML(body.String())})
}

// tenderResultTable is the result for a page: a row per bid, ranked bids
// first, every figure as the end of its formula; an excluded bid has no
// rank and no points, and says why in words (upper case, not colour alone).
func tenderResultTable(v *checkView) Table {
	l := v.lang
	t := Table{Name: msg.T(l, "tender.ranking"), RowHeader: 1, Header: []string{
		msg.T(l, "check.col.rank"), msg.T(l, "check.col.bid"), msg.T(l, "tender.col.price"), msg.T(l, "tender.col.quality"),
		msg.T(l, "tender.col.quality-points"), msg.T(l, "tender.col.price-points"), msg.T(l, "tender.col.total"),
		msg.T(l, "tender.col.exclusions")}}
	for _, bv := range v.Bids {
		tv := bv.Tender
		row := []Cell{Text(tv.RankText), Text(bv.Short), Text(orDash(tv.Price)), Text(tv.Quality)}
		if bv.b.Meets {
			row = append(row, Text(tv.QualityFormula), Text(tv.PriceFormula), Text(tv.TotalFormula), Text("–"))
		} else {
			row = append(row, Text("–"), Text("–"), Text(strings.ToUpper(msg.T(l, "tender.excluded"))),
				Text(strings.Join(tv.Why, "; ")))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// tenderMemoBidTable is one bid's part of the comparison memo: a row per
// requirement — the key criteria, the profile's own requirements and the
// price — with what was asked, what the bid said, the verdict or points,
// the reason and where the requirement comes from. A minimum requirement
// not met is in upper case.
func tenderMemoBidTable(bv bidView, l string) Table {
	t := Table{Name: msg.T(l, "tender2.memo-of", bv.Short), RowHeader: 1, Header: []string{
		"#", msg.T(l, "tender2.col.requirement"), msg.T(l, "tender.col.asked"), msg.T(l, "tender.col.said"),
		msg.T(l, "tender.col.verdict"), msg.T(l, "check.col.reason"), msg.T(l, "tender2.col.kind-source"), msg.T(l, "check.col.note")}}
	for _, row := range bv.Rows {
		status := row.Status
		if !row.k.Requirement.IsComparison() && row.k.Status != "pass" {
			status = strings.ToUpper(status)
		}
		t.Rows = append(t.Rows, []Cell{Int(row.Number), Text(row.Title), Text(row.Requirement),
			Text(statesHow(l, row)), Text(status), Text(row.Reason), Text(row.Kind + ", " + row.Source), Text(row.Note)})
	}
	for _, row := range append(append([]memoRow(nil), bv.Tender.Own...), bv.Tender.PriceRow) {
		verdict := orDash(row.Verdict)
		if row.Fails {
			verdict = strings.ToUpper(verdict)
		}
		name := row.ID
		if row.ID == "price" {
			name = msg.T(l, "tender.col.price")
		}
		kind := row.Kind
		if row.Source != "" {
			kind += ", " + row.Source
		}
		t.Rows = append(t.Rows, []Cell{Blank(), Text(name), Text(row.Asked),
			Text(row.Said), Text(verdict), Text(row.Reason), Text(kind), Text(row.Note)})
	}
	return t
}

// tenderOwnTable lists the profile's own requirements as asked.
func tenderOwnTable(v *checkView) Table {
	l := v.lang
	t := Table{Name: msg.T(l, "tender.own"), RowHeader: 0, Header: []string{
		msg.T(l, "tender.col.id"), msg.T(l, "tender.col.kind"), msg.T(l, "tender2.col.question"),
		msg.T(l, "tender2.col.evidence"), msg.T(l, "tender2.col.accepts"), msg.T(l, "check.col.source"), msg.T(l, "check.col.why")}}
	for _, o := range v.Tender.Own {
		t.Rows = append(t.Rows, []Cell{Text(o.ID), Text(o.Kind), Text(o.Question), Text(o.Evidence), Text(o.Accepts),
			Text(o.Source), Text(o.Note)})
	}
	return t
}

// tenderChart draws every bid's total comparison points out of the
// maximum, in rank order. An excluded bid has no points: its bar is an
// empty hatched outline and its text says EXCLUDED in words.
func tenderChart(v *checkView) (template.HTML, error) {
	l := v.lang
	c := v.e.Tender
	max := c.Quality + c.Price
	chart := BarChart{ID: "tender-totals", Title: msg.T(l, "tender2.chart-title", pointsNum(l, max))}
	var parts []string
	for _, bv := range v.Bids {
		tv := bv.Tender
		label := tv.RankText + ". " + bv.Short
		if !bv.b.Meets {
			label = "– " + bv.Short
		}
		bar := Bar{Label: label, Max: max}
		if bv.b.Meets {
			bar.Value = bv.b.Tender.Total
			bar.Text = msg.T(l, "tender2.bar.total", tv.Total, pointsNum(l, max))
		} else {
			bar.Open = true
			bar.Text = strings.ToUpper(msg.T(l, "tender.excluded"))
		}
		chart.Bars = append(chart.Bars, bar)
		parts = append(parts, label+" "+bar.Text)
	}
	chart.Desc = msg.T(l, "tender2.chart-desc", strings.Join(parts, "; "))
	svg, err := chart.SVG()
	if err != nil {
		return "", err
	}
	return htmlFigure(chart.Title, svg), nil
}
