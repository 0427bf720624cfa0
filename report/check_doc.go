package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// The bid check as one Document (checkDocument; a tender comparison is
// tenderDocument, check_tender_doc.go), in the reader's language, that
// every format writes in the same order: the profile, the ranking with
// its chart, the key criteria side by side, each bid's key criteria with
// the reason, and the profile's requirements.

// CheckDocument builds the check of e in opt's language: a tender memo
// when e compares a tender, else the check against the key criteria.
// opt.Table picks the table CSV writes: the tidy one (a row per bid and
// requirement) or "summary" (a row per bid).
func CheckDocument(e *scoring.Evaluation, opt CheckOptions) *Document {
	v := newCheckView(e, opt.Lang)
	if v.Tender != nil {
		return tenderDocument(v, opt.Table)
	}
	return checkDocument(v, opt.Table)
}

// CheckText writes a bid check for a terminal. Results are words, never
// colour or symbols alone, so the text reads the same in a screen reader.
func CheckText(w io.Writer, e *scoring.Evaluation, opt CheckOptions) error {
	return WriteDocText(w, CheckDocument(e, opt), opt.Width)
}

// CheckMarkdown writes a bid check as Markdown, for a procurement memo.
func CheckMarkdown(w io.Writer, e *scoring.Evaluation, opt CheckOptions) error {
	return WriteDocMarkdown(w, CheckDocument(e, opt))
}

// CheckCSV writes the check as CSV: by default the tidy table, a row per
// bid and key criterion (for pivot tables), or with Table "summary" the
// ranking, a row per bid.
func CheckCSV(w io.Writer, e *scoring.Evaluation, opt CheckOptions) error {
	return WriteDocCSV(w, CheckDocument(e, opt), opt.CSV)
}

// CheckXLSX writes the check as a workbook to attach to a procurement
// decision, a sheet per part of the document.
func CheckXLSX(w io.Writer, e *scoring.Evaluation, opt CheckOptions) error {
	return WriteDocXLSX(w, CheckDocument(e, opt))
}

// CheckHTML writes the check as one self-contained, accessible HTML page.
func CheckHTML(w io.Writer, e *scoring.Evaluation, opt CheckOptions) error {
	return WriteDocHTML(w, CheckDocument(e, opt))
}

// CSV tables of a bid check.
const (
	CheckTableLong    = "long"
	CheckTableSummary = "summary"
)

func checkDocument(v *checkView, table string) *Document {
	l := v.lang
	d := &Document{Lang: l, Title: v.Title, Kind: msg.T(l, "check.doc.kind"), Class: "check-report"}
	d.Sections = append(d.Sections, Section{Heading: v.Title, Level: 1, Sheet: msg.T(l, "check.sheet.ranking"),
		Blocks: []Block{checkKeyFigures(v)}})

	ranking := Section{Heading: msg.T(l, "check.ranking"), Blocks: []Block{checkRanking(v), &Para{Text: v.Summary}}}
	if v.PointsRule != "" {
		ranking.Blocks = append(ranking.Blocks, &Para{Text: v.PointsRule})
	}
	ranking.Blocks = append(ranking.Blocks, checkChart(v), &Para{Text: msg.T(l, "check.doc.chart-note")})
	d.Sections = append(d.Sections, ranking,
		Section{Heading: msg.T(l, "check.matrix"), Sheet: msg.T(l, "check.sheet.matrix"), Blocks: []Block{checkMatrix(v)}},
		Section{Heading: msg.T(l, "check.bids"), Sheet: msg.T(l, "check.sheet.details")})
	how := anyHow(v)
	for _, bv := range v.Bids {
		facts := &KeyFigures{}
		add := func(key string, val string) { facts.Items = append(facts.Items, KeyFigure{msg.T(l, key), VText(val)}) }
		add("check.col.file", bv.File)
		add("check.col.key", bv.KeyLine)
		add("check.col.total", bv.TotalLine)
		if bv.PointsLine != "" {
			add("check.doc.points", bv.PointsLine)
		}
		d.Sections = append(d.Sections, Section{Heading: fmt.Sprintf("%d. %s", bv.Rank, bv.Name), Level: 3,
			Blocks: []Block{&Para{Text: bv.Verdict, Note: true}, facts, checkBidEntries(v, bv, how)}})
	}
	d.Sections = append(d.Sections, checkProfileSection(v))
	if table == CheckTableSummary {
		d.Data = checkSummaryData(v)
	} else {
		d.Data = checkLongData(v)
	}
	return d
}

// checkKeyFigures are the profile, the set and the key criteria.
func checkKeyFigures(v *checkView) *KeyFigures {
	l := v.lang
	return &KeyFigures{Items: []KeyFigure{
		{msg.T(l, "check.profile"), VText(v.Profile)},
		{msg.T(l, "score.set"), VText(v.SetLine)},
		{msg.T(l, "check.key-criteria"), VText(v.Keys)},
	}}
}

// checkRanking is one row per bid in rank order, the scores as "53/60"
// and, with --points, the quality points (the formulas are in each bid's
// part).
func checkRanking(v *checkView) *DocTable {
	l := v.lang
	t := &DocTable{Caption: msg.T(l, "check.ranking"), RowHeader: 1, Header: []string{
		msg.T(l, "check.col.rank"), msg.T(l, "check.col.bid"), msg.T(l, "check.col.meets"),
		msg.T(l, "check.col.key"), msg.T(l, "check.col.total"), msg.T(l, "check.col.band")},
		Widths: []float64{6, 28, 12, 15, 17, 20}}
	points := v.e.PointsMax > 0
	if points {
		t.Header = append(t.Header, msg.T(l, "check.col.rel-short"), msg.T(l, "check.col.sum-short"))
		t.Widths = append(t.Widths, 14, 10)
	}
	for _, bv := range v.Bids {
		row := []Value{VInt(bv.Rank), VText(bv.Short), VText(bv.Meets), VText(bv.Key), VText(bv.Total), VText(bv.Band)}
		if points {
			if p := bv.b.Points; p != nil {
				row = append(row, VNum(p.Relative, 2), VNum(p.Sum, 2))
			} else {
				row = append(row, Value{}, Value{})
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// checkChart draws every bid in rank order with its key-criteria score,
// whether it meets the profile and, with --points, its quality points, so
// that a long bar of a bid that fails the profile is seen to fail: it is
// an outline, and says so in words (upper case, not colour alone).
func checkChart(v *checkView) *DocBarChart {
	l := v.lang
	c := &DocBarChart{Title: msg.T(l, "check.chart-title"), Desc: msg.T(l, "check.chart-desc"),
		LabelHeader: msg.T(l, "check.col.bid"), ValueHeader: msg.T(l, "check.col.key"), TextHeader: msg.T(l, "check.col.meets")}
	for _, bv := range v.Bids {
		b := bv.b
		c.Max = max(c.Max, float64(b.KeyMax))
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
		c.Bars = append(c.Bars, ChartBar{Label: strconv.Itoa(bv.Rank) + ". " + bv.Short, Value: float64(b.KeyScore), Text: text, Open: !b.Meets})
	}
	return c
}

// checkMatrix is key criteria × bids: for each bid the result and what it
// states, so the bids can be read side by side.
func checkMatrix(v *checkView) *DocEntries {
	l := v.lang
	t := &DocTable{Caption: msg.T(l, "check.matrix"), RowHeader: 1, Header: []string{
		msg.T(l, "check.col.number"), msg.T(l, "check.col.criterion"), msg.T(l, "check.col.requirement")},
		Widths: []float64{5, 32, 22}, Wrap: []int{1, 2}}
	for i, bv := range v.Bids {
		t.Header = append(t.Header, strconv.Itoa(bv.Rank)+". "+bv.Short)
		t.Widths = append(t.Widths, 28)
		t.Wrap = append(t.Wrap, 3+i)
	}
	e := &DocEntries{Table: t, InTitle: []int{0, 1}}
	for i, r := range v.e.Profile.Requirements {
		c := v.e.Set.Criterion(r.Criterion)
		if c == nil {
			continue
		}
		row := []Value{VInt(c.Number), VText(c.Title.In(l)), VText(RequirementText(l, c, &v.e.Profile.Requirements[i]))}
		for _, bv := range v.Bids {
			cell := Value{}
			for _, rv := range bv.Rows {
				if rv.Number == r.Criterion {
					cell = VText(markStatus(rv, false) + ": " + rv.States)
				}
			}
			row = append(row, cell)
		}
		t.Rows = append(t.Rows, row)
		e.Titles = append(e.Titles, fmt.Sprintf("%d %s", c.Number, c.Title.In(l)))
	}
	return e
}

// markStatus is a key criterion's result, in upper case when it is not
// met, so that it shows without colour, in print and when read aloud; in
// a tender only a minimum requirement is met or not (a comparison
// criterion gets points).
func markStatus(row rowView, tender bool) string {
	if row.k.Status != scoring.Pass && !(tender && row.k.Requirement.IsComparison()) {
		return strings.ToUpper(row.Status)
	}
	return row.Status
}

// anyHow reports whether some key criterion of some bid has its implied
// level explained (checkHow): only then do the bids' tables have the
// column.
func anyHow(v *checkView) bool {
	for _, bv := range v.Bids {
		for _, row := range bv.Rows {
			if checkHow(v.lang, row.k) != "" {
				return true
			}
		}
	}
	return false
}

// checkBidEntries is one bid's key criteria: the requirement and where it
// comes from, what the bid states, how an implied level was reached, the
// result, the reason and the bidder's own note.
func checkBidEntries(v *checkView, bv bidView, how bool) *DocEntries {
	l := v.lang
	t := &DocTable{Caption: msg.T(l, "check.doc.bid-table", bv.Short), RowHeader: 1, Header: []string{
		msg.T(l, "check.col.number"), msg.T(l, "check.col.criterion"), msg.T(l, "check.col.requirement"),
		msg.T(l, "check.col.source"), msg.T(l, "check.col.states")},
		Widths: []float64{5, 22, 17, 13, 20}}
	if how {
		t.Header = append(t.Header, msg.T(l, "check.rules.how"))
		t.Widths = append(t.Widths, 17)
	}
	status := len(t.Header)
	t.Header = append(t.Header, msg.T(l, "check.col.status"), msg.T(l, "check.col.reason"), msg.T(l, "check.col.note"))
	t.Widths = append(t.Widths, 12, 30, 20)
	for c := 1; c < len(t.Header); c++ {
		if c != status {
			t.Wrap = append(t.Wrap, c)
		}
	}
	e := &DocEntries{Table: t, InTitle: []int{0, 1, status}}
	for _, row := range bv.Rows {
		cells := []Value{VInt(row.Number), VText(row.Title), VText(row.Requirement), VText(row.Source), VText(row.States)}
		if how {
			cells = append(cells, VText(checkHow(l, row.k)))
		}
		cells = append(cells, VText(markStatus(row, false)), VText(row.Reason), VText(row.Note))
		t.Rows = append(t.Rows, cells)
		e.Titles = append(e.Titles, fmt.Sprintf("%d %s: %s", row.Number, row.Title, markStatus(row, false)))
	}
	return e
}

// checkProfileSection lists the profile's requirements with where each
// comes from and why, and says what the sources mean.
func checkProfileSection(v *checkView) Section {
	l := v.lang
	s := Section{Heading: msg.T(l, "check.requirements"), Sheet: msg.T(l, "check.sheet.profile")}
	if src := v.e.Profile.Source.In(l); src != "" {
		s.Blocks = append(s.Blocks, &Para{Text: src})
	}
	t := &DocTable{Caption: msg.T(l, "check.requirements"), RowHeader: 1, Header: []string{
		msg.T(l, "check.col.number"), msg.T(l, "check.col.criterion"), msg.T(l, "check.col.requirement"),
		msg.T(l, "check.col.source"), msg.T(l, "check.col.why")},
		Widths: []float64{5, 30, 24, 18, 60}, Wrap: []int{1, 2, 3, 4}}
	e := &DocEntries{Table: t, InTitle: []int{0, 1}}
	for i, r := range v.e.Profile.Requirements {
		c := v.e.Set.Criterion(r.Criterion)
		if c == nil {
			continue
		}
		t.Rows = append(t.Rows, []Value{VInt(c.Number), VText(c.Title.In(l)), VText(RequirementText(l, c, &v.e.Profile.Requirements[i])),
			VText(SourceText(l, r.Source)), VText(r.Note.In(l))})
		e.Titles = append(e.Titles, fmt.Sprintf("%d %s", c.Number, c.Title.In(l)))
	}
	s.Blocks = append(s.Blocks, e, &Para{Text: v.Sources})
	return s
}
