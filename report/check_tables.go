package report

import (
	"io"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// The bid check as tables, shared by the CSV, XLSX and HTML writers; the
// cells go through the package's writers, so text is neutralised against
// formulas and numbers stay numbers.

// checkRankingTable is one row per bid in rank order: the verdict, the
// counts of each status, the scores and, with --points, the points with
// their formulas.
func checkRankingTable(v *checkView) Table {
	l := v.lang
	t := Table{Name: msg.T(l, "check.ranking"), RowHeader: 1, Header: []string{
		msg.T(l, "check.col.rank"), msg.T(l, "check.col.provider"), msg.T(l, "check.col.unit"), msg.T(l, "check.col.meets"),
		msg.T(l, "check.col.pass"), msg.T(l, "check.col.fail"), msg.T(l, "check.col.unanswered"),
		msg.T(l, "check.col.key"), msg.T(l, "check.col.key-max"), msg.T(l, "check.col.total"), msg.T(l, "check.col.max"),
		msg.T(l, "check.col.rated"), msg.T(l, "check.col.band"),
	}}
	points := v.e.PointsMax > 0
	if points {
		t.Header = append(t.Header, msg.T(l, "check.col.points-rel"), msg.T(l, "check.col.formula-rel"),
			msg.T(l, "check.col.points-sum"), msg.T(l, "check.col.formula-sum"))
	}
	t.Header = append(t.Header, msg.T(l, "check.col.date"), msg.T(l, "check.col.file"))
	for _, bv := range v.Bids {
		b := bv.b
		r := &b.Result
		a := r.Assessment
		row := []Cell{Int(b.Rank), Text(bidder(a.Provider, a.Unit)), Text(a.Unit), Text(bv.Meets),
			Int(b.Count(scoring.Pass)), Int(b.Count(scoring.Fail)), Int(b.Count(scoring.Unanswered)),
			Int(b.KeyScore), Int(b.KeyMax), Int(r.Total), Int(r.Max), Int(r.Rated), Text(bv.Band)}
		if points {
			if p := b.Points; p != nil {
				row = append(row, Float(p.Relative, 2), Text(bv.RelFormula), Float(p.Sum, 2), Text(bv.SumFormula))
			} else {
				none := Text(msg.T(l, "check.no-points"))
				row = append(row, Blank(), none, Blank(), none)
			}
		}
		row = append(row, Date(a.Date), Text(a.Source))
		t.Rows = append(t.Rows, row)
	}
	return t
}

// checkShortRanking is the ranking as the terminal shows it, for a page:
// scores as "53/60", points beside their formulas.
func checkShortRanking(v *checkView) Table {
	l := v.lang
	t := Table{Name: msg.T(l, "check.ranking"), RowHeader: 1, Header: []string{
		msg.T(l, "check.col.rank"), msg.T(l, "check.col.bid"), msg.T(l, "check.col.meets"),
		msg.T(l, "check.col.key"), msg.T(l, "check.col.total"), msg.T(l, "check.col.band")}}
	points := v.e.PointsMax > 0
	if points {
		t.Header = append(t.Header, msg.T(l, "check.col.points-rel"), msg.T(l, "check.col.formula-rel"),
			msg.T(l, "check.col.points-sum"), msg.T(l, "check.col.formula-sum"))
	}
	for _, bv := range v.Bids {
		b := bv.b
		row := []Cell{Int(b.Rank), Text(bv.Short), Text(bv.Meets), Text(bv.Key), Text(bv.Total), Text(bv.Band)}
		if points {
			if p := b.Points; p != nil {
				row = append(row, Float(p.Relative, 2), Text(bv.RelFormula), Float(p.Sum, 2), Text(bv.SumFormula))
			} else {
				none := Text(msg.T(l, "check.no-points"))
				row = append(row, Blank(), none, Blank(), none)
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// bidder names the bidder: the provider, or the unit when no provider is
// given.
func bidder(provider, unit string) string {
	if provider != "" {
		return provider
	}
	return unit
}

// checkLongHeader is the header of the tidy table: a row per bid and key
// criterion.
func checkLongHeader(l string) []string {
	return []string{
		msg.T(l, "check.col.rank"), msg.T(l, "check.col.provider"), msg.T(l, "check.col.unit"), msg.T(l, "check.col.meets"),
		msg.T(l, "check.col.key"), msg.T(l, "check.col.total"),
		msg.T(l, "check.col.number"), msg.T(l, "check.col.criterion"), msg.T(l, "check.col.requirement"), msg.T(l, "check.col.source"),
		msg.T(l, "check.col.states"), msg.T(l, "check.col.level"), msg.T(l, "check.col.figure"),
		msg.T(l, "check.col.status"), msg.T(l, "check.col.reason"), msg.T(l, "check.col.note"), msg.T(l, "check.col.file"),
	}
}

// eachCheckRow yields the tidy table one row at a time.
func eachCheckRow(v *checkView, yield func([]Cell) error) error {
	for _, bv := range v.Bids {
		b := bv.b
		a := b.Result.Assessment
		for _, row := range bv.Rows {
			it := row.k.Item
			figure := Blank()
			if it.Figure != nil {
				figure = Float(*it.Figure, figureDecimals(*it.Figure))
			}
			cells := []Cell{Int(b.Rank), Text(bidder(a.Provider, a.Unit)), Text(a.Unit), Text(bv.Meets), Int(b.KeyScore), Int(b.Result.Total),
				Int(row.Number), Text(row.Title), Text(row.Requirement), Text(row.Source),
				Text(row.States), Level(it.Level), figure,
				Text(row.Status), Text(row.Reason), Text(row.Note), Text(a.Source)}
			if err := yield(cells); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkLongTable is the tidy table whole, for XLSX and HTML.
func checkLongTable(v *checkView) Table {
	t := Table{Name: msg.T(v.lang, "check.bids"), RowHeader: -1, Header: checkLongHeader(v.lang)}
	eachCheckRow(v, func(cells []Cell) error {
		t.Rows = append(t.Rows, append([]Cell(nil), cells...))
		return nil
	})
	addHowCells(&t, v)
	return t
}

// addHowCells ends each row of the tidy table with how the level was
// implied (checkHow; empty when the bid's figure says it all), in the
// same order as eachCheckRow.
func addHowCells(t *Table, v *checkView) {
	t.Header = append(t.Header, msg.T(v.lang, "check.rules.how"))
	i := 0
	for _, bv := range v.Bids {
		for _, row := range bv.Rows {
			t.Rows[i] = append(t.Rows[i], Text(checkHow(v.lang, row.k)))
			i++
		}
	}
}

// figureDecimals is how many decimals a figure was given with (23.7 → 1),
// at most 3, so a spreadsheet shows it as typed.
func figureDecimals(x float64) int {
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return min(len(s)-i-1, 3)
	}
	return 0
}

// checkMatrixTable is key criteria × bids: for each bid the result and
// what it states, so the bids can be read side by side.
func checkMatrixTable(v *checkView) Table {
	l := v.lang
	t := Table{Name: msg.T(l, "check.matrix"), RowHeader: 1, Header: []string{
		msg.T(l, "check.col.number"), msg.T(l, "check.col.criterion"), msg.T(l, "check.col.requirement")}}
	for _, bv := range v.Bids {
		t.Header = append(t.Header, strconv.Itoa(bv.Rank)+". "+bv.Short)
	}
	for i, r := range v.e.Profile.Requirements {
		c := v.e.Set.Criterion(r.Criterion)
		if c == nil {
			continue
		}
		row := []Cell{Int(c.Number), Text(c.Title.In(l)), Text(RequirementText(l, c, &v.e.Profile.Requirements[i]))}
		for _, bv := range v.Bids {
			cell := Blank()
			for _, rv := range bv.Rows {
				if rv.Number == r.Criterion {
					status := rv.Status
					if rv.k.Status != scoring.Pass {
						// Upper case marks what is not met in words, so it
						// shows without colour, in print and when read aloud.
						status = strings.ToUpper(status)
					}
					cell = Text(status + ": " + rv.States)
				}
			}
			row = append(row, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// checkProfileTable lists the profile's requirements with where each comes
// from.
func checkProfileTable(v *checkView) Table {
	l := v.lang
	t := Table{Name: msg.T(l, "check.requirements"), RowHeader: 1, Header: []string{
		msg.T(l, "check.col.number"), msg.T(l, "check.col.criterion"), msg.T(l, "check.col.requirement"),
		msg.T(l, "check.col.source"), msg.T(l, "check.col.why")}}
	for i, r := range v.e.Profile.Requirements {
		c := v.e.Set.Criterion(r.Criterion)
		if c == nil {
			continue
		}
		t.Rows = append(t.Rows, []Cell{Int(c.Number), Text(c.Title.In(l)), Text(RequirementText(l, c, &v.e.Profile.Requirements[i])),
			Text(SourceText(l, r.Source)), Text(r.Note.In(l))})
	}
	return t
}

// CSV tables of a bid check.
const (
	CheckTableLong    = "long"
	CheckTableSummary = "summary"
)

// CheckCSV writes the check as CSV: by default the tidy table, a row per
// bid and key criterion (for pivot tables), or with Table "summary" the
// ranking, a row per bid.
func CheckCSV(w io.Writer, e *scoring.Evaluation, opt CheckOptions) error {
	v := newCheckView(e, opt.Lang)
	if v.Tender != nil {
		// A tender: the result, or the memo a row per bid and requirement.
		if opt.Table == CheckTableSummary {
			return WriteCSV(w, checkTenderTable(v), opt.CSV)
		}
		return WriteCSV(w, checkMemoTable(v), opt.CSV)
	}
	if opt.Table == CheckTableSummary {
		return WriteCSV(w, checkRankingTable(v), opt.CSV)
	}
	cw, err := NewCSVWriter(w, opt.CSV)
	if err != nil {
		return err
	}
	if err := cw.Header(checkLongHeader(opt.Lang)); err != nil {
		return err
	}
	if err := eachCheckRow(v, cw.Row); err != nil {
		return err
	}
	return cw.Flush()
}

// checkTenderTable is the result of a tender comparison, a row per bid:
// ranked bids first, then the excluded ones without a rank, each figure
// beside its formula, and why a bid is excluded. HTML and XLSX can render
// it as they render the ranking.
func checkTenderTable(v *checkView) Table {
	l := v.lang
	t := Table{Name: msg.T(l, "tender.ranking"), RowHeader: 1, Header: []string{
		msg.T(l, "check.col.rank"), msg.T(l, "check.col.provider"), msg.T(l, "check.col.unit"), msg.T(l, "check.col.meets"),
		msg.T(l, "tender.col.price"), msg.T(l, "tender.col.price-unit"), msg.T(l, "tender.col.quality"), msg.T(l, "tender.col.quality-max"),
		msg.T(l, "tender.col.quality-points"), msg.T(l, "tender.col.formula"),
		msg.T(l, "tender.col.price-points"), msg.T(l, "tender.col.formula"),
		msg.T(l, "tender.col.total"), msg.T(l, "tender.col.formula"),
		msg.T(l, "tender.col.exclusions"), msg.T(l, "check.col.file")}}
	for _, bv := range v.Bids {
		b, tv := bv.b, bv.Tender
		a := b.Result.Assessment
		rank, price, unit := Int(b.Rank), Blank(), Blank()
		if !b.Meets {
			rank = Text("–")
		}
		if b.Answers != nil && b.Answers.Price != nil {
			price, unit = Float(b.Answers.Price.Amount, 2), Text(b.Answers.Price.Unit)
		}
		row := []Cell{rank, Text(bidder(a.Provider, a.Unit)), Text(a.Unit), Text(bv.Meets), price, unit,
			Float(b.Tender.Quality, 2), Float(b.Tender.QualityMax, 2)}
		if b.Meets {
			row = append(row, Float(b.Tender.QualityPoints, 2), Text(tv.QualityFormula), Float(b.Tender.PricePoints, 2), Text(tv.PriceFormula),
				Float(b.Tender.Total, 2), Text(tv.TotalFormula), Blank())
		} else {
			row = append(row, Blank(), Blank(), Blank(), Blank(), Blank(), Blank(), Text(strings.Join(tv.Why, "; ")))
		}
		row = append(row, Text(a.Source))
		t.Rows = append(t.Rows, row)
	}
	return t
}

// checkMemoTable is the comparison memo (vertailumuistio) as one table: a
// row per bid and requirement — the key criteria, the profile's own
// requirements and the price — with what was asked, what the bid said, the
// verdict or the points, and the reason.
func checkMemoTable(v *checkView) Table {
	l := v.lang
	t := Table{Name: msg.T(l, "tender.memo"), RowHeader: -1, Header: []string{
		msg.T(l, "check.col.rank"), msg.T(l, "check.col.provider"), msg.T(l, "check.col.meets"),
		msg.T(l, "tender.col.id"), msg.T(l, "check.col.criterion"), msg.T(l, "tender.col.kind"), msg.T(l, "tender.col.asked"),
		msg.T(l, "check.col.source"), msg.T(l, "tender.col.said"), msg.T(l, "tender.col.verdict"), msg.T(l, "check.col.reason"),
		msg.T(l, "check.col.note"), msg.T(l, "check.col.file")}}
	for _, bv := range v.Bids {
		b := bv.b
		a := b.Result.Assessment
		rank := Int(b.Rank)
		if !b.Meets {
			rank = Text("–")
		}
		lead := []Cell{rank, Text(bidder(a.Provider, a.Unit)), Text(bv.Meets)}
		for _, row := range bv.Rows {
			cells := append(append([]Cell(nil), lead...), Int(row.Number), Text(row.Title), Text(row.Kind), Text(row.Requirement),
				Text(row.Source), Text(statesHow(l, row)), Text(row.Status), Text(row.Reason), Text(row.Note), Text(a.Source))
			t.Rows = append(t.Rows, cells)
		}
		for _, row := range append(append([]memoRow(nil), bv.Tender.Own...), bv.Tender.PriceRow) {
			cells := append(append([]Cell(nil), lead...), Text(row.ID), Blank(), Text(row.Kind), Text(row.Asked),
				Text(row.Source), Text(row.Said), Text(row.Verdict), Text(row.Reason), Text(row.Note), Text(a.Source))
			t.Rows = append(t.Rows, cells)
		}
	}
	return t
}
