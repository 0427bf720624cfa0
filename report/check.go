package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// CheckOptions tune the bid-check report.
type CheckOptions struct {
	Lang string
	// Width is the terminal's width in columns, for the text report;
	// 0 for DefaultWidth.
	Width int
	// Table picks the CSV table: "long" (default) or "summary".
	Table string
	// CSV is the CSV dialect.
	CSV CSVOptions
}

// checkView is a checked set of bids put into words once, so that every
// format says the same thing.
type checkView struct {
	e       *scoring.Evaluation
	lang    string
	Title   string
	Profile string
	SetLine string
	Keys    string
	// Summary says how many bids meet the profile and how bids are ordered;
	// PointsRule explains the two point formulas, or why there are none.
	Summary    string
	PointsRule string
	Sources    string
	Bids       []bidView
	// Tender is set for a tender comparison (check_tender.go).
	Tender *tenderView
}

type bidView struct {
	b    *scoring.Bid
	Rank int
	Name string
	// Short names the bid in the ranking: the bidder.
	Short   string
	File    string
	Meets   string
	Verdict string
	Key     string
	// KeyLine is the key-criteria score and what it is; TotalLine the
	// total with band, or why there is no band.
	KeyLine, TotalLine string
	Total              string
	Band               string
	// Relative and Sum are the quality points ("" without --points), each
	// with its formula filled in, PointsLine the two formulas.
	Relative, RelFormula string
	Sum, SumFormula      string
	PointsLine           string
	Rows                 []rowView
	// Tender is set for a tender comparison (check_tender.go).
	Tender *bidTenderView
}

type rowView struct {
	k           *scoring.KeyCheck
	Number      int
	Title       string
	Requirement string
	Source      string
	States      string
	Status      string
	Reason      string
	Note        string
	// Kind is minimum requirement or comparison criterion, Points a
	// comparison criterion's "8,00 / 10", in a tender comparison.
	Kind   string
	Points string
}

func newCheckView(e *scoring.Evaluation, lang string) *checkView {
	v := &checkView{e: e, lang: lang}
	p := e.Profile
	v.Title = msg.T(lang, "check.title", p.Name.In(lang))
	v.Profile = fmt.Sprintf("%s (%s)", p.Name.In(lang), p.Label())
	v.SetLine = fmt.Sprintf("%s (%s)", e.Set.Name.In(lang), e.Set.Label())
	keys := make([]string, len(p.Requirements))
	for i, r := range p.Requirements {
		keys[i] = strconv.Itoa(r.Criterion)
	}
	v.Keys = strings.Join(keys, ", ")
	meeting := 0
	for _, b := range e.Bids {
		if b.Meets {
			meeting++
		}
	}
	if meeting == len(e.Bids) {
		v.Summary = msg.T(lang, "check.summary.all", len(e.Bids)) + " " + msg.T(lang, "check.summary.order")
	} else {
		v.Summary = msg.T(lang, "check.summary.some", meeting, len(e.Bids))
	}
	if e.PointsMax > 0 {
		if meeting == 0 {
			v.PointsRule = msg.T(lang, "check.points.none")
		} else {
			keyMax := criteria.MaxLevel * len(p.Requirements)
			per := e.PointsMax / float64(len(p.Requirements))
			m := pointsNum(lang, e.PointsMax)
			v.PointsRule = msg.T(lang, "check.points.rule", m, e.Best, m, keyMax, m, Num(lang, per, 2))
		}
	}
	v.Sources = msg.T(lang, "check.sources")
	if e.Tender != nil {
		newTenderView(v)
	}
	providers := map[string]int{}
	for _, b := range e.Bids {
		providers[b.Result.Assessment.Provider]++
	}
	for i := range e.Bids {
		bv := newBidView(&e.Bids[i], e.Set, lang)
		if e.Tender != nil {
			newBidTenderView(&bv, e, lang)
		}
		// In a tender the bidder names the bid; the unit is added only when
		// one bidder has several bids, or no bidder is named.
		if a := e.Bids[i].Result.Assessment; a.Provider != "" && providers[a.Provider] == 1 {
			bv.Short = msg.Clip(a.Provider)
		} else {
			bv.Short = bv.Name
		}
		v.Bids = append(v.Bids, bv)
	}
	return v
}

func newBidView(b *scoring.Bid, set *criteria.Set, lang string) bidView {
	r := &b.Result
	a := r.Assessment
	bv := bidView{b: b, Rank: b.Rank, Name: ServiceName(a.Provider, a.Unit), File: a.Source,
		Key: fmt.Sprintf("%d/%d", b.KeyScore, b.KeyMax), Total: fmt.Sprintf("%d/%d", r.Total, r.Max)}
	if b.Meets {
		bv.Meets = msg.T(lang, "check.yes")
		bv.Verdict = msg.TN(lang, "check.verdict.meets", len(b.Checks), len(b.Checks))
	} else {
		bv.Meets = msg.T(lang, "check.no")
		bv.Verdict = msg.T(lang, "check.verdict.not", b.Count(scoring.Pass), len(b.Checks), b.Count(scoring.Fail), b.Count(scoring.Unanswered))
	}
	bv.KeyLine = msg.T(lang, "check.doc.key", b.KeyScore, b.KeyMax)
	switch {
	case r.Band != nil:
		bv.Band = r.Band.Name.In(lang)
		bv.TotalLine = msg.T(lang, "check.doc.total", r.Total, r.Max, bv.Band)
	case r.Complete:
		bv.Band = "–"
		bv.TotalLine = msg.T(lang, "check.doc.total", r.Total, r.Max, "–")
	default:
		bv.Band = msg.T(lang, "check.no-band")
		bv.TotalLine = msg.TN(lang, "check.doc.total-incomplete", r.Count, r.Total, r.Max, r.Rated, r.Count)
	}
	if p := b.Points; p != nil {
		bv.Relative, bv.Sum = Num(lang, p.Relative, 2), Num(lang, p.Sum, 2)
		bv.RelFormula = fmt.Sprintf("%d / %d × %s = %s", b.KeyScore, p.Best, pointsNum(lang, p.Max), bv.Relative)
		bv.SumFormula = fmt.Sprintf("%d / %d × %s = %s", b.KeyScore, b.KeyMax, pointsNum(lang, p.Max), bv.Sum)
		bv.PointsLine = msg.T(lang, "check.doc.points-value", bv.RelFormula, bv.SumFormula)
	}
	for i := range b.Checks {
		bv.Rows = append(bv.Rows, newRowView(&b.Checks[i], lang))
	}
	return bv
}

func newRowView(k *scoring.KeyCheck, lang string) rowView {
	c := k.Item.Criterion
	row := rowView{k: k, Number: c.Number, Title: c.Title.In(lang),
		Requirement: RequirementText(lang, c, k.Requirement),
		Source:      SourceText(lang, k.Requirement.Source),
		States:      statesText(lang, k.Item),
		Status:      StatusText(lang, k.Status),
		Note:        oneLine(k.Item.Note),
	}
	var reasons []string
	for _, r := range k.Reasons {
		reasons = append(reasons, ReasonText(lang, c, k.Requirement, r))
	}
	row.Reason = strings.Join(reasons, " ")
	return row
}

// pointsNum writes the --points maximum as given: 40, or 37,5.
func pointsNum(lang string, x float64) string { return Figure(lang, x) }

// StatusText is pass, fail or unanswered in words.
func StatusText(lang string, s scoring.KeyStatus) string {
	return msg.T(lang, "check.status."+string(s))
}

// RequirementText says what a requirement asks: "at most 20 clients and at
// least level 4".
func RequirementText(lang string, c *criteria.Criterion, r *criteria.Requirement) string {
	var parts []string
	if r.FigureMax != nil || r.FigureMin != nil {
		unit := ""
		if c.Measure != nil {
			unit = c.Measure.Unit.In(lang)
		}
		if r.FigureMin != nil {
			parts = append(parts, msg.T(lang, "check.req.figure-min", Figure(lang, *r.FigureMin), unit))
		}
		if r.FigureMax != nil {
			parts = append(parts, msg.T(lang, "check.req.figure-max", Figure(lang, *r.FigureMax), unit))
		}
	}
	if r.MinLevel > 0 {
		parts = append(parts, msg.T(lang, "check.req.min-level", r.MinLevel))
	}
	return strings.Join(parts, msg.T(lang, "check.req.and"))
}

// statesText says what the bid states: "18 clients; level 5".
func statesText(lang string, it scoring.ItemResult) string {
	var parts []string
	if it.Figure != nil {
		parts = append(parts, figureWithUnit(lang, it.Criterion, *it.Figure))
	}
	if it.Checked >= 0 && it.Criterion.Checklist != nil {
		parts = append(parts, msg.T(lang, "check.states.checked", it.Checked, len(it.Criterion.Checklist.Elements)))
	}
	switch {
	case it.Given != 0:
		parts = append(parts, msg.T(lang, "check.states.level", it.Given))
	case it.Implied != 0:
		parts = append(parts, msg.T(lang, "check.states.level-implied", it.Implied))
	}
	if len(parts) == 0 {
		return msg.T(lang, "check.states.none")
	}
	return strings.Join(parts, "; ")
}

func figureWithUnit(lang string, c *criteria.Criterion, x float64) string {
	if c.Measure == nil {
		return Figure(lang, x)
	}
	return Figure(lang, x) + " " + c.Measure.Unit.In(lang)
}

// ReasonText puts one finding into a sentence.
func ReasonText(lang string, c *criteria.Criterion, req *criteria.Requirement, r scoring.Reason) string {
	unit := ""
	if c.Measure != nil {
		unit = c.Measure.Unit.In(lang)
	}
	limit := func() string {
		rq := *req
		rq.MinLevel = 0
		return RequirementText(lang, c, &rq)
	}
	span := func() string {
		if c.Measure == nil {
			return "?"
		}
		if s := c.Measure.Span(r.Level); s != nil {
			return RangeText(lang, *s)
		}
		return "?"
	}
	switch r.Code {
	case scoring.ReasonUnanswered:
		return msg.T(lang, "check.reason.unanswered")
	case scoring.ReasonLevelMet:
		return msg.T(lang, "check.reason.level-met", r.Level, req.MinLevel)
	case scoring.ReasonLevelLow:
		return msg.T(lang, "check.reason.level-low", r.Level, req.MinLevel)
	case scoring.ReasonImpliedLow:
		if r.Basis == scoring.BasisFigure {
			return msg.T(lang, "check.reason.implied-low-figure", r.Level, Figure(lang, r.Figure), unit, r.Implied, req.MinLevel)
		}
		return msg.T(lang, "check.reason.implied-low-checklist", r.Level, r.Implied, req.MinLevel)
	case scoring.ReasonFigureMet:
		return msg.T(lang, "check.reason.figure-met", Figure(lang, r.Figure), unit, limit())
	case scoring.ReasonFigureOut:
		return msg.T(lang, "check.reason.figure-out", Figure(lang, r.Figure), unit, limit())
	case scoring.ReasonRangeMet:
		return msg.T(lang, "check.reason.range-met", r.Level, span(), unit, limit())
	case scoring.ReasonRangeOut:
		return msg.T(lang, "check.reason.range-out", r.Level, span(), unit, limit())
	case scoring.ReasonRangeAcross:
		return msg.T(lang, "check.reason.range-across", r.Level, span(), unit, limit())
	}
	return string(r.Code)
}

// checkHow is how the level of a key criterion is implied by its figure or
// further answers, in the words of laatu score; "" when none implies one,
// or when it says no more than what the bid states ("18 asiakasta → taso
// 5"): a scale point, a mean of per-specialist figures, a ratio or a
// further answer is explained.
func checkHow(lang string, k *scoring.KeyCheck) string {
	it := k.Item
	if it.Implied == 0 || len(it.Steps) == 0 || it.Basis != scoring.BasisFigure && it.Basis != scoring.BasisInputs {
		return ""
	}
	if len(it.Steps) <= 2 && it.Steps[0].Kind == scoring.StepFigure {
		return ""
	}
	return Explain(lang, it.Steps)
}
