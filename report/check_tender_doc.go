package report

import (
	"fmt"
	"strings"

	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// tenderDocument is a tender comparison as one Document: the result with
// the excluded bids (never ranked) last, the rule and a chart of the total
// points; the comparison memo (vertailumuistio), a part per bid with every
// figure's formula and a row per requirement — the key criteria, the
// profile's own requirements and the price — with what was asked, what
// the bid said, the verdict or the points and the reason; then the
// profile's requirements with their sources.
func tenderDocument(v *checkView, table string) *Document {
	l, e := v.lang, v.e
	title := msg.T(l, "tender.title", e.Profile.Name.In(l))
	d := &Document{Lang: l, Title: title, Kind: msg.T(l, "check.doc.kind"), Class: "check-report"}
	d.Sections = append(d.Sections, Section{Heading: title, Level: 1, Sheet: msg.T(l, "tender2.sheet.result"),
		Blocks: []Block{checkKeyFigures(v)}})

	result := Section{Heading: msg.T(l, "tender.ranking"), Blocks: []Block{tenderResult(v), &Para{Text: v.Summary}}}
	if v.Tender.Excluded != "" {
		result.Blocks = append(result.Blocks, &Para{Text: v.Tender.Excluded})
	}
	result.Blocks = append(result.Blocks, &Para{Text: v.Tender.Rule}, tenderChart(v), &Para{Text: msg.T(l, "tender2.chart-note")})
	d.Sections = append(d.Sections, result, Section{Heading: msg.T(l, "tender.memo"), Sheet: msg.T(l, "tender2.sheet.memo"),
		Blocks: []Block{&Para{Text: msg.T(l, "tender2.memo-lead")}}})

	for _, bv := range v.Bids {
		tv := bv.Tender
		head := tv.RankText + ". " + bv.Name
		if !bv.b.Meets {
			head = msg.T(l, "tender.excluded-head", bv.Name)
		}
		facts := &KeyFigures{}
		add := func(key string, val string) { facts.Items = append(facts.Items, KeyFigure{msg.T(l, key), VText(val)}) }
		add("check.col.file", bv.File)
		add("tender.col.quality", tv.Quality)
		if bv.b.Meets {
			add("tender.col.quality-points", tv.QualityFormula)
		}
		add("tender.col.price", orDash(tv.Price))
		if bv.b.Meets {
			add("tender.col.price-points", tv.PriceFormula)
			add("tender.col.total", tv.TotalFormula)
		}
		d.Sections = append(d.Sections, Section{Heading: head, Level: 3,
			Blocks: []Block{&Para{Text: bv.Verdict, Note: true}, facts, tenderMemoEntries(bv, l)}})
	}

	d.Sections = append(d.Sections, checkProfileSection(v))
	if own := tenderOwnEntries(v); len(own.Table.Rows) > 0 {
		d.Sections = append(d.Sections, Section{Heading: msg.T(l, "tender.own"), Sheet: msg.T(l, "tender2.sheet.own"), Blocks: []Block{own}})
	}
	if table == CheckTableSummary {
		d.Data = tenderResultData(v)
	} else {
		d.Data = tenderMemoData(v)
	}
	return d
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// tenderResult is the result, a row per bid, ranked bids first; an
// excluded bid has no rank and no points, and says so in words (upper
// case, not colour alone).
func tenderResult(v *checkView) *DocTable {
	l := v.lang
	t := &DocTable{Caption: msg.T(l, "tender.ranking"), RowHeader: 1, Header: []string{
		msg.T(l, "check.col.rank"), msg.T(l, "check.col.bid"), msg.T(l, "tender.col.price"), msg.T(l, "tender.col.quality"),
		msg.T(l, "tender.col.quality-points"), msg.T(l, "tender.col.price-points"), msg.T(l, "tender.col.total")},
		Widths: []float64{6, 26, 30, 14, 13, 13, 16}}
	for _, bv := range v.Bids {
		b, tv := bv.b, bv.Tender
		if b.Meets {
			t.Rows = append(t.Rows, []Value{VInt(b.Rank), VText(bv.Short), VText(orDash(tv.Price)), VText(tv.Quality),
				VNum(b.Tender.QualityPoints, 2), VNum(b.Tender.PricePoints, 2), VNum(b.Tender.Total, 2)})
			continue
		}
		t.Rows = append(t.Rows, []Value{VText("–"), VText(bv.Short), VText(orDash(tv.Price)), VText(tv.Quality),
			Value{}, Value{}, VText(strings.ToUpper(msg.T(l, "tender.excluded")))})
	}
	return t
}

// tenderChart draws every bid's total comparison points out of the
// maximum, in rank order. An excluded bid has no points: its bar is empty
// and its text says EXCLUDED in words.
func tenderChart(v *checkView) *DocBarChart {
	l := v.lang
	c := v.e.Tender
	top := c.Quality + c.Price
	chart := &DocBarChart{Title: msg.T(l, "tender2.chart-title", pointsNum(l, top)), Desc: msg.T(l, "check.doc.tender-chart-desc"), Max: top,
		LabelHeader: msg.T(l, "check.col.bid"), ValueHeader: msg.T(l, "tender.col.total"), TextHeader: msg.T(l, "tender.col.verdict"), Decimals: 2}
	for _, bv := range v.Bids {
		tv := bv.Tender
		bar := ChartBar{Label: tv.RankText + ". " + bv.Short}
		if bv.b.Meets {
			bar.Value = bv.b.Tender.Total
			bar.Text = msg.T(l, "tender2.bar.total", tv.Total, pointsNum(l, top))
		} else {
			bar.Label = "– " + bv.Short
			bar.Open = true
			bar.Text = strings.ToUpper(msg.T(l, "tender.excluded"))
		}
		chart.Bars = append(chart.Bars, bar)
	}
	return chart
}

// tenderMemoEntries is one bid's part of the comparison memo: a row per
// requirement with what was asked, what the bid said (and how an implied
// level was reached), the verdict or points, the reason and where the
// requirement comes from. A minimum requirement not met is in upper case.
func tenderMemoEntries(bv bidView, l string) *DocEntries {
	t := &DocTable{Caption: msg.T(l, "tender2.memo-of", bv.Short), RowHeader: 1, Header: []string{
		"#", msg.T(l, "tender2.col.requirement"), msg.T(l, "tender.col.asked"), msg.T(l, "tender.col.said"),
		msg.T(l, "tender.col.verdict"), msg.T(l, "check.col.reason"), msg.T(l, "tender2.col.kind-source"), msg.T(l, "check.col.note")},
		Widths: []float64{5, 20, 24, 20, 12, 30, 18, 22}, Wrap: []int{1, 2, 3, 4, 5, 6, 7}}
	const verdict = 4
	e := &DocEntries{Table: t, InTitle: []int{0, 1, verdict}}
	for _, row := range bv.Rows {
		cells := []Value{VInt(row.Number), VText(row.Title), VText(row.Requirement), VText(statesHow(l, row.k, row.States)),
			VText(markStatus(row, true)), VText(row.Reason), VText(row.Kind + ", " + row.Source), VText(row.Note)}
		t.Rows = append(t.Rows, cells)
		e.Titles = append(e.Titles, fmt.Sprintf("%d %s: %s", row.Number, row.Title, markStatus(row, true)))
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
		t.Rows = append(t.Rows, []Value{{}, VText(name), VText(row.Asked), VText(row.Said), VText(verdict), VText(row.Reason), VText(kind), VText(row.Note)})
		e.Titles = append(e.Titles, name+": "+verdict)
	}
	return e
}

// tenderOwnEntries lists the profile's own requirements as asked.
func tenderOwnEntries(v *checkView) *DocEntries {
	l := v.lang
	t := &DocTable{Caption: msg.T(l, "tender.own"), RowHeader: 0, Header: []string{
		msg.T(l, "tender.col.id"), msg.T(l, "tender.col.kind"), msg.T(l, "tender2.col.question"),
		msg.T(l, "tender2.col.evidence"), msg.T(l, "tender2.col.accepts"), msg.T(l, "check.col.source"), msg.T(l, "check.col.why")},
		Widths: []float64{12, 14, 30, 24, 24, 14, 28}, Wrap: []int{2, 3, 4, 5, 6}}
	e := &DocEntries{Table: t, InTitle: []int{0}}
	for _, o := range v.Tender.Own {
		t.Rows = append(t.Rows, []Value{VText(o.ID), VText(o.Kind), VText(o.Question), VText(o.Evidence), VText(o.Accepts),
			VText(o.Source), VText(o.Note)})
		e.Titles = append(e.Titles, o.ID)
	}
	return e
}

// statesHow is what the bid states, followed by how its implied level was
// reached when that says more than the figure (checkHow), for the memo's
// tables where the explanation has no column of its own.
func statesHow(lang string, k *scoring.KeyCheck, states string) string {
	if how := checkHow(lang, k); how != "" {
		return states + " " + msg.T(lang, "check.rules.how-md", how)
	}
	return states
}
