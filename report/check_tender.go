package report

import (
	"fmt"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// A tender comparison put into words: the points with their formulas, why
// an excluded bid is excluded, and the comparison memo (vertailumuistio):
// per bid and requirement what was asked, what the bid said, the verdict or
// the points, and the reason. Every format renders these same texts.

// tenderView is what a tender comparison adds to checkView.
type tenderView struct {
	// Rule states the formulas, the weights and the tie rule; Excluded says
	// how many bids are excluded and that they are not ranked.
	Rule     string
	Excluded string
	// Own lists the profile's own requirements, for the profile table.
	Own []ownAskView
}

// ownAskView is one of the profile's own requirements as asked.
type ownAskView struct {
	o        *criteria.OwnRequirement
	ID       string
	Kind     string
	Question string
	Evidence string
	Accepts  string
	Source   string
	Note     string
}

// bidTenderView is what a tender comparison adds to a bid.
type bidTenderView struct {
	// RankText is the rank, or "–" for an excluded bid; Why lists the
	// reasons it is excluded ("" when it is not).
	RankText string
	Why      []string
	Price    string
	// Quality is the quality score "72/100"; the points are "" for an
	// excluded bid, else the figure with its formula beside it.
	Quality                       string
	QualityPoints, QualityFormula string
	PricePoints, PriceFormula     string
	Total, TotalFormula           string
	// Own are the memo rows of the own requirements, Price the price's.
	Own      []memoRow
	PriceRow memoRow
}

// memoRow is one requirement of one bid in the memo: what was asked, what
// the bid said, the verdict or points, the reason.
type memoRow struct {
	ID      string
	Kind    string
	Asked   string
	Source  string
	Said    string
	Verdict string
	Points  string
	Reason  string
	Note    string
	// Fails marks a minimum requirement not met, for emphasis in words.
	Fails bool
}

func kindText(lang string, comparison bool) string {
	if comparison {
		return msg.T(lang, "tender.kind.comparison")
	}
	return msg.T(lang, "tender.kind.minimum")
}

// SourceText says where a requirement comes from, in words.
func SourceText(lang string, s criteria.RequirementSource) string {
	switch {
	case s == criteria.SourceLaatuDefault:
		return msg.T(lang, "tender.source.laatu-default")
	default:
		return msg.T(lang, "check.source."+string(s))
	}
}

// PriceUnitText names a price unit: "per client-month".
func PriceUnitText(lang, unit string) string { return msg.T(lang, "tender.unit."+unit) }

// MoneyText is an amount in euros with cents and the thousands grouped:
// "1 200,00 €", "€1,200.00".
func MoneyText(lang string, x float64) string { return msg.Money(lang, x) }

func newTenderView(v *checkView) {
	e, l := v.e, v.lang
	c := e.Tender
	ties := c.Ties
	if ties == "" {
		ties = criteria.TiesShare
	}
	t := &tenderView{}
	t.Rule = msg.T(l, "tender.rule", pointsNum(l, c.Quality), pointsNum(l, c.Price), msg.T(l, "tender.ties."+string(ties)))
	excluded := 0
	for _, b := range e.Bids {
		if !b.Meets {
			excluded++
		}
	}
	if excluded > 0 {
		t.Excluded = msg.T(l, "tender.excluded-count", excluded, len(e.Bids))
	}
	for i := range e.Profile.Own {
		o := &e.Profile.Own[i]
		t.Own = append(t.Own, ownAskView{o: o, ID: o.ID, Kind: kindText(l, o.IsComparison()), Question: o.Question.In(l),
			Evidence: o.Evidence.In(l), Accepts: acceptsText(l, o), Source: SourceText(l, o.Source), Note: o.Note.In(l)})
	}
	v.Tender = t
	v.Summary = msg.T(l, "tender.summary", len(e.Bids)-excluded, len(e.Bids))
	v.Sources = msg.T(l, "tender.sources")
}

// acceptsText says what a requirement accepts or how it gives points.
func acceptsText(l string, o *criteria.OwnRequirement) string {
	if o.IsComparison() {
		var parts []string
		switch o.Answer {
		case criteria.AnswerYesNo:
			for _, a := range []string{"yes", "no"} {
				parts = append(parts, msg.T(l, "tender.accepts.points", answerWord(l, a), Figure(l, o.Points[a])))
			}
		case criteria.AnswerChoice:
			for _, ch := range o.Choices {
				parts = append(parts, msg.T(l, "tender.accepts.points", ch.Label.In(l), Figure(l, ch.Points)))
			}
		}
		return strings.Join(parts, "; ")
	}
	switch o.Answer {
	case criteria.AnswerYesNo:
		return msg.T(l, "tender.accepts.yes")
	case criteria.AnswerChoice:
		var labels []string
		for _, id := range o.Accept {
			if ch := o.Choice(id); ch != nil {
				labels = append(labels, ch.Label.In(l))
			}
		}
		return msg.T(l, "tender.accepts.choices", strings.Join(labels, ", "))
	case criteria.AnswerFigure:
		var parts []string
		unit := o.Unit.In(l)
		if o.FigureMin != nil {
			parts = append(parts, msg.T(l, "check.req.figure-min", Figure(l, *o.FigureMin), unit))
		}
		if o.FigureMax != nil {
			parts = append(parts, msg.T(l, "check.req.figure-max", Figure(l, *o.FigureMax), unit))
		}
		return strings.TrimSpace(strings.Join(parts, msg.T(l, "check.req.and")))
	}
	return msg.T(l, "tender.accepts.text")
}

func answerWord(l, a string) string {
	if a == "yes" {
		return msg.T(l, "check.yes")
	}
	return msg.T(l, "check.no")
}

// newBidTenderView puts one bid's tender results into words.
func newBidTenderView(bv *bidView, e *scoring.Evaluation, l string) {
	b := bv.b
	t := b.Tender
	tv := &bidTenderView{RankText: fmt.Sprint(b.Rank)}
	tv.Quality = Num(l, t.Quality, 2) + " / " + Figure(l, t.QualityMax)
	if b.Answers != nil && b.Answers.Price != nil {
		tv.Price = MoneyText(l, b.Answers.Price.Amount) + " " + PriceUnitText(l, b.Answers.Price.Unit)
	}
	c := e.Tender
	if b.Meets {
		bv.Meets = msg.T(l, "check.yes")
		n := minimumCount(e.Profile)
		bv.Verdict = msg.TN(l, "tender.verdict.meets", n, n)
		tv.QualityPoints = Num(l, t.QualityPoints, 2)
		if t.Best > 0 {
			tv.QualityFormula = fmt.Sprintf("%s / %s × %s = %s", Num(l, t.Quality, 2), Num(l, t.Best, 2), pointsNum(l, c.Quality), tv.QualityPoints)
		} else {
			tv.QualityFormula = msg.T(l, "tender.no-quality", tv.QualityPoints)
		}
		tv.PricePoints = Num(l, t.PricePoints, 2)
		if t.Lowest > 0 {
			tv.PriceFormula = fmt.Sprintf("%s / %s × %s = %s", MoneyText(l, t.Lowest), MoneyText(l, t.Price), pointsNum(l, c.Price), tv.PricePoints)
		} else {
			tv.PriceFormula = msg.T(l, "tender.no-price-points", tv.PricePoints)
		}
		tv.Total = Num(l, t.Total, 2)
		tv.TotalFormula = fmt.Sprintf("%s + %s = %s", tv.QualityPoints, tv.PricePoints, tv.Total)
	} else {
		tv.RankText = "–"
		bv.Meets = msg.T(l, "check.no")
	}
	for i := range bv.Rows {
		tenderRowPoints(&bv.Rows[i], l)
	}
	for _, k := range b.Checks {
		if !k.Requirement.IsComparison() && k.Status != scoring.Pass {
			c := k.Item.Criterion
			tv.Why = append(tv.Why, msg.T(l, "tender.why.criterion", c.Number, c.Title.In(l), StatusText(l, k.Status)))
		}
	}
	for i := range b.Own {
		oc := &b.Own[i]
		row := ownMemoRow(l, oc)
		tv.Own = append(tv.Own, row)
		if row.Fails {
			tv.Why = append(tv.Why, msg.T(l, "tender.why.own", oc.Requirement.ID, StatusText(l, oc.Status)))
		}
	}
	tv.PriceRow = priceMemoRow(l, b, c)
	if b.NoPrice {
		tv.Why = append(tv.Why, msg.T(l, "tender.why.price"))
	}
	if !b.Meets {
		bv.Verdict = msg.T(l, "tender.verdict.excluded", strings.Join(tv.Why, "; "))
	}
	bv.Tender = tv
}

func minimumCount(p *criteria.Profile) int {
	n := 0
	for _, r := range p.Requirements {
		if !r.IsComparison() {
			n++
		}
	}
	for _, o := range p.Own {
		if !o.IsComparison() {
			n++
		}
	}
	return n
}

// ownMemoRow is the memo row of one own requirement.
func ownMemoRow(l string, oc *scoring.OwnCheck) memoRow {
	o := oc.Requirement
	row := memoRow{ID: o.ID, Kind: kindText(l, o.IsComparison()), Source: SourceText(l, o.Source), Note: o.Note.In(l)}
	row.Asked = o.Question.In(l)
	if ev := o.Evidence.In(l); ev != "" {
		row.Asked += " " + msg.T(l, "tender.evidence", ev)
	}
	row.Asked += " (" + acceptsText(l, o) + ")"
	said := ""
	if oc.Answer != nil {
		switch o.Answer {
		case criteria.AnswerYesNo:
			said = answerWord(l, oc.Answer.Value)
		case criteria.AnswerChoice:
			said = o.Choice(oc.Answer.Value).Label.In(l)
		case criteria.AnswerFigure:
			said = strings.TrimSpace(Figure(l, *oc.Answer.Figure) + " " + o.Unit.In(l))
		default:
			said = oneLine(oc.Answer.Value)
		}
		row.Said = said
	} else {
		row.Said = msg.T(l, "check.states.none")
	}
	if o.IsComparison() {
		row.Points = Num(l, oc.Points, 2) + " / " + Figure(l, oc.Max)
		row.Verdict = msg.T(l, "tender.verdict.points", row.Points)
		if oc.Status == scoring.Unanswered {
			row.Reason = msg.T(l, "tender.reason.compared-unanswered", Figure(l, oc.Max))
		} else {
			row.Reason = msg.T(l, "tender.reason.compared", said, Num(l, oc.Points, 2), Figure(l, oc.Max))
		}
		return row
	}
	row.Verdict = StatusText(l, oc.Status)
	row.Fails = oc.Status != scoring.Pass
	switch {
	case oc.Status == scoring.Unanswered:
		row.Reason = msg.T(l, "tender.reason.unanswered", o.ID)
	case oc.Status == scoring.Pass && o.Answer == criteria.AnswerText:
		row.Reason = msg.T(l, "tender.reason.text")
	case oc.Status == scoring.Pass:
		row.Reason = msg.T(l, "tender.reason.met", said, acceptsText(l, o))
	default:
		row.Reason = msg.T(l, "tender.reason.not-met", said, acceptsText(l, o))
	}
	return row
}

// priceMemoRow is the memo row of the price.
func priceMemoRow(l string, b *scoring.Bid, c *criteria.Comparison) memoRow {
	row := memoRow{ID: "price", Kind: kindText(l, true), Asked: msg.T(l, "tender.price.asked", pointsNum(l, c.Price))}
	if c.Price == 0 {
		row.Kind = msg.T(l, "tender.kind.info")
	}
	if b.Answers == nil || b.Answers.Price == nil {
		row.Said = msg.T(l, "check.states.none")
		if b.NoPrice {
			row.Verdict = msg.T(l, "check.status.unanswered")
			row.Reason = msg.T(l, "tender.reason.no-price")
			row.Fails = true
		}
		return row
	}
	p := b.Answers.Price
	row.Said = MoneyText(l, p.Amount) + " " + PriceUnitText(l, p.Unit)
	if b.Meets && b.Tender.Lowest > 0 {
		row.Points = Num(l, b.Tender.PricePoints, 2) + " / " + pointsNum(l, c.Price)
		row.Verdict = msg.T(l, "tender.verdict.points", row.Points)
		row.Reason = msg.T(l, "tender.reason.price", MoneyText(l, b.Tender.Lowest), MoneyText(l, p.Amount), pointsNum(l, c.Price), Num(l, b.Tender.PricePoints, 2))
	} else if !b.Meets {
		row.Verdict = "–"
		row.Reason = msg.T(l, "tender.reason.price-excluded")
	}
	return row
}

// tenderRowPoints adds a key criterion's kind and, for a comparison
// criterion, its points and their formula to the row.
func tenderRowPoints(row *rowView, l string) {
	k := row.k
	row.Kind = kindText(l, k.Requirement.IsComparison())
	if !k.Requirement.IsComparison() {
		return
	}
	w := Figure(l, k.Requirement.Weight)
	row.Requirement = msg.T(l, "tender.req.compared", w)
	if lim := RequirementText(l, k.Item.Criterion, k.Requirement); lim != "" {
		row.Requirement += "; " + msg.T(l, "tender.req.target", lim)
	}
	row.Points = Num(l, k.Points, 2) + " / " + w
	row.Status = msg.T(l, "tender.verdict.points", row.Points)
	target := row.Reason
	if k.Status == scoring.Unanswered {
		row.Reason = msg.T(l, "tender.reason.criterion-unanswered", w)
		return
	}
	row.Reason = msg.T(l, "tender.reason.criterion", k.Item.Level, w, Num(l, k.Points, 2))
	if k.Requirement.MinLevel > 0 || k.Requirement.HasFigureLimit() {
		row.Reason += " " + msg.T(l, "tender.reason.target", target)
	}
}
