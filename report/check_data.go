package report

import (
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// The tables a program reads from a bid check (the Data of its Document,
// written as CSV): numbers stay numbers, each formula beside its figure.

// checkSummaryData is one row per bid in rank order: the verdict, the
// counts of each status, the scores and, with --points, the points with
// their formulas.
func checkSummaryData(v *checkView) *DocTable {
	l := v.lang
	t := &DocTable{Caption: msg.T(l, "check.ranking"), RowHeader: 1, Header: []string{
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
		row := []Value{VInt(b.Rank), VText(bidder(a.Provider, a.Unit)), VText(a.Unit), VText(bv.Meets),
			VInt(b.Count(scoring.Pass)), VInt(b.Count(scoring.Fail)), VInt(b.Count(scoring.Unanswered)),
			VInt(b.KeyScore), VInt(b.KeyMax), VInt(r.Total), VInt(r.Max), VInt(r.Rated), VText(bv.Band)}
		if points {
			if p := b.Points; p != nil {
				row = append(row, VNum(p.Relative, 2), VText(bv.RelFormula), VNum(p.Sum, 2), VText(bv.SumFormula))
			} else {
				none := VText(msg.T(l, "check.no-points"))
				row = append(row, Value{}, none, Value{}, none)
			}
		}
		row = append(row, dateValue(a.DateISO()), VText(a.Source))
		t.Rows = append(t.Rows, row)
	}
	return t
}

// dateValue is an ISO date, blank when there is none.
func dateValue(iso string) Value {
	if iso == "" {
		return Value{}
	}
	return VText(iso)
}

// bidder names the bidder: the provider, or the unit when no provider is
// given.
func bidder(provider, unit string) string {
	if provider != "" {
		return provider
	}
	return unit
}

// checkLongData is the tidy table: a row per bid and key criterion, for
// pivot tables.
func checkLongData(v *checkView) *DocTable {
	l := v.lang
	t := &DocTable{Caption: msg.T(l, "check.bids"), RowHeader: -1, Header: []string{
		msg.T(l, "check.col.rank"), msg.T(l, "check.col.provider"), msg.T(l, "check.col.unit"), msg.T(l, "check.col.meets"),
		msg.T(l, "check.col.key"), msg.T(l, "check.col.total"),
		msg.T(l, "check.col.number"), msg.T(l, "check.col.criterion"), msg.T(l, "check.col.requirement"), msg.T(l, "check.col.source"),
		msg.T(l, "check.col.states"), msg.T(l, "check.col.level"), msg.T(l, "check.col.figure"),
		msg.T(l, "check.col.status"), msg.T(l, "check.col.reason"), msg.T(l, "check.col.note"), msg.T(l, "check.col.file"),
	}}
	for _, bv := range v.Bids {
		b := bv.b
		a := b.Result.Assessment
		for _, row := range bv.Rows {
			it := row.k.Item
			figure := Value{}
			if it.Figure != nil {
				figure = VNum(*it.Figure, figureDecimals(*it.Figure))
			}
			t.Rows = append(t.Rows, []Value{VInt(b.Rank), VText(bidder(a.Provider, a.Unit)), VText(a.Unit), VText(bv.Meets),
				VInt(b.KeyScore), VInt(b.Result.Total),
				VInt(row.Number), VText(row.Title), VText(row.Requirement), VText(row.Source),
				VText(row.States), VLevel(it.Level), figure,
				VText(row.Status), VText(row.Reason), VText(row.Note), VText(a.Source)})
		}
	}
	return t
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

// tenderResultData is the result of a tender comparison, a row per bid:
// ranked bids first, then the excluded ones without a rank, each figure
// beside its formula, and why a bid is excluded.
func tenderResultData(v *checkView) *DocTable {
	l := v.lang
	t := &DocTable{Caption: msg.T(l, "tender.ranking"), RowHeader: 1, Header: []string{
		msg.T(l, "check.col.rank"), msg.T(l, "check.col.provider"), msg.T(l, "check.col.unit"), msg.T(l, "check.col.meets"),
		msg.T(l, "tender.col.price"), msg.T(l, "tender.col.price-unit"), msg.T(l, "tender.col.quality"), msg.T(l, "tender.col.quality-max"),
		msg.T(l, "tender.col.quality-points"), msg.T(l, "tender.col.formula"),
		msg.T(l, "tender.col.price-points"), msg.T(l, "tender.col.formula"),
		msg.T(l, "tender.col.total"), msg.T(l, "tender.col.formula"),
		msg.T(l, "tender.col.exclusions"), msg.T(l, "check.col.file")}}
	for _, bv := range v.Bids {
		b, tv := bv.b, bv.Tender
		a := b.Result.Assessment
		rank, price, unit := VInt(b.Rank), Value{}, Value{}
		if !b.Meets {
			rank = VText("–")
		}
		if b.Answers != nil && b.Answers.Price != nil {
			price, unit = VNum(b.Answers.Price.Amount, 2), VText(b.Answers.Price.Unit)
		}
		row := []Value{rank, VText(bidder(a.Provider, a.Unit)), VText(a.Unit), VText(bv.Meets), price, unit,
			VNum(b.Tender.Quality, 2), VNum(b.Tender.QualityMax, 2)}
		if b.Meets {
			row = append(row, VNum(b.Tender.QualityPoints, 2), VText(tv.QualityFormula), VNum(b.Tender.PricePoints, 2), VText(tv.PriceFormula),
				VNum(b.Tender.Total, 2), VText(tv.TotalFormula), Value{})
		} else {
			row = append(row, Value{}, Value{}, Value{}, Value{}, Value{}, Value{}, VText(strings.Join(tv.Why, "; ")))
		}
		row = append(row, VText(a.Source))
		t.Rows = append(t.Rows, row)
	}
	return t
}

// tenderMemoData is the comparison memo (vertailumuistio) as one table: a
// row per bid and requirement — the key criteria, the profile's own
// requirements and the price — with what was asked, what the bid said, the
// verdict or the points, and the reason.
func tenderMemoData(v *checkView) *DocTable {
	l := v.lang
	t := &DocTable{Caption: msg.T(l, "tender.memo"), RowHeader: -1, Header: []string{
		msg.T(l, "check.col.rank"), msg.T(l, "check.col.provider"), msg.T(l, "check.col.meets"),
		msg.T(l, "tender.col.id"), msg.T(l, "check.col.criterion"), msg.T(l, "tender.col.kind"), msg.T(l, "tender.col.asked"),
		msg.T(l, "check.col.source"), msg.T(l, "tender.col.said"), msg.T(l, "tender.col.verdict"), msg.T(l, "check.col.reason"),
		msg.T(l, "check.col.note"), msg.T(l, "check.col.file")}}
	for _, bv := range v.Bids {
		b := bv.b
		a := b.Result.Assessment
		rank := VInt(b.Rank)
		if !b.Meets {
			rank = VText("–")
		}
		lead := []Value{rank, VText(bidder(a.Provider, a.Unit)), VText(bv.Meets)}
		for _, row := range bv.Rows {
			said := statesHow(l, row.k, row.States)
			t.Rows = append(t.Rows, append(append([]Value(nil), lead...), VInt(row.Number), VText(row.Title), VText(row.Kind), VText(row.Requirement),
				VText(row.Source), VText(said), VText(row.Status), VText(row.Reason), VText(row.Note), VText(a.Source)))
		}
		for _, row := range append(append([]memoRow(nil), bv.Tender.Own...), bv.Tender.PriceRow) {
			t.Rows = append(t.Rows, append(append([]Value(nil), lead...), VText(row.ID), Value{}, VText(row.Kind), VText(row.Asked),
				VText(row.Source), VText(row.Said), VText(row.Verdict), VText(row.Reason), VText(row.Note), VText(a.Source)))
		}
	}
	return t
}
