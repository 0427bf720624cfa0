package scoring

import (
	"math"
	"sort"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
)

// A tender comparison, for a profile with a comparison section, runs as
// Finnish tenders do:
//
//   - a minimum requirement (vähimmäisvaatimus) that a bid fails or leaves
//     unanswered excludes the bid, whatever its points; an excluded bid is
//     shown with why, never ranked and never given points;
//   - a comparison criterion (vertailuperuste) gives quality points: a key
//     criterion level / 5 × its weight, an own requirement the points of its
//     answer; one left unanswered gives none, and only loses the points;
//   - quality points = bid's quality / best quality × quality maximum, price
//     points = lowest price / bid's price × price maximum, both among the
//     bids not excluded, and the total is their sum.

// Scored is the status of a comparison criterion the bid answers: it gives
// points and excludes nothing.
const Scored KeyStatus = "scored"

// ReasonNoPrice: the profile compares prices and the bid gives none.
const ReasonNoPrice ReasonCode = "no-price"

// OwnCheck is one of the profile's own requirements in one bid.
type OwnCheck struct {
	Requirement *criteria.OwnRequirement
	// Answer is the bid's answer, nil when it gives none.
	Answer *form.BidAnswer
	Status KeyStatus
	// Points are a comparison requirement's points (0 when unanswered);
	// Max the most it can give.
	Points, Max float64
}

// TenderPoints are a bid's points in a tender comparison.
type TenderPoints struct {
	// Quality is the bid's quality score, the sum of its comparison points,
	// out of QualityMax; Best is the best score among the bids compared.
	Quality, QualityMax, Best float64
	// QualityPoints = Quality / Best × the profile's quality points.
	QualityPoints float64
	// Price is the bid's price, Lowest the lowest among the bids compared;
	// PricePoints = Lowest / Price × the profile's price points. Price is 0
	// when the profile gives price no points and the bid no price.
	Price, Lowest float64
	PricePoints   float64
	Total         float64
}

// checkOwn checks one own requirement against the bid's answer.
func checkOwn(o *criteria.OwnRequirement, a *form.BidAnswer) OwnCheck {
	c := OwnCheck{Requirement: o, Answer: a}
	if o.IsComparison() {
		c.Max = o.MaxPoints()
	}
	if a == nil || a.Value == "" {
		c.Status = Unanswered
		c.Answer = nil
		return c
	}
	if o.IsComparison() {
		c.Status = Scored
		switch o.Answer {
		case criteria.AnswerYesNo:
			c.Points = o.Points[a.Value]
		case criteria.AnswerChoice:
			if ch := o.Choice(a.Value); ch != nil {
				c.Points = ch.Points
			}
		}
		return c
	}
	ok := true
	switch o.Answer {
	case criteria.AnswerYesNo:
		ok = a.Value == "yes"
	case criteria.AnswerChoice:
		ok = false
		for _, id := range o.Accept {
			ok = ok || id == a.Value
		}
	case criteria.AnswerFigure:
		ok = a.Figure != nil && o.FigureAllowed(*a.Figure)
	}
	c.Status = Fail
	if ok {
		c.Status = Pass
	}
	return c
}

// comparisonPoints are a key comparison criterion's points: the level used
// / 5 × the weight, 0 when unanswered.
func comparisonPoints(req *criteria.Requirement, level int) float64 {
	return float64(level) / float64(criteria.MaxLevel) * req.Weight
}

// checkTenderBid checks one bid in a tender: every key criterion and own
// requirement, whether it is excluded, and its quality score.
func checkTenderBid(p *criteria.Profile, r Result, ans *form.BidAnswers) Bid {
	b := CheckBid(p, r)
	b.Answers = ans
	b.Meets = true
	t := &TenderPoints{}
	for i := range b.Checks {
		k := &b.Checks[i]
		if !k.Requirement.IsComparison() {
			if k.Status != Pass {
				b.Meets = false
			}
			continue
		}
		t.QualityMax += k.Requirement.Weight
		if k.Status != Unanswered {
			k.Status = Scored
			k.Points = comparisonPoints(k.Requirement, k.Item.Level)
			t.Quality += k.Points
		}
	}
	for i := range p.Own {
		c := checkOwn(&p.Own[i], ans.Answer(p.Own[i].ID))
		b.Own = append(b.Own, c)
		if c.Requirement.IsComparison() {
			t.Quality += c.Points
			t.QualityMax += c.Max
		} else if c.Status != Pass {
			b.Meets = false
		}
	}
	if ans != nil && ans.Price != nil {
		t.Price = ans.Price.Amount
	} else if p.Comparison.Price > 0 {
		b.NoPrice = true
		b.Meets = false
	}
	b.Tender = t
	return b
}

// EvaluateTender checks bids against a profile with a comparison section:
// answers[i] are the answers and price of results[i] (nil: none). Bids are
// ranked by total points; the excluded ones follow, unranked (Rank 0), in
// their given order.
func EvaluateTender(p *criteria.Profile, set *criteria.Set, results []Result, answers []*form.BidAnswers) Evaluation {
	e := Evaluation{Profile: p, Set: set, Tender: p.Comparison}
	for i, r := range results {
		var a *form.BidAnswers
		if i < len(answers) {
			a = answers[i]
		}
		e.Bids = append(e.Bids, checkTenderBid(p, r, a))
	}
	AwardTenderPoints(e.Bids, *p.Comparison)
	for _, b := range e.Bids {
		if b.Meets {
			e.BestQuality, e.LowestPrice = b.Tender.Best, b.Tender.Lowest
			break
		}
	}
	RankTender(e.Bids, p.Comparison.Ties)
	return e
}

// AwardTenderPoints gives price and quality points to the bids that are not
// excluded, relative to the best quality and the lowest price among them.
// Excluded bids keep their quality score but get no points. When no bid
// compared scores any quality, every bid's quality points are 0.
func AwardTenderPoints(bids []Bid, c criteria.Comparison) {
	best, lowest := 0.0, math.Inf(1)
	for _, b := range bids {
		if !b.Meets {
			continue
		}
		best = max(best, b.Tender.Quality)
		if b.Tender.Price > 0 {
			lowest = min(lowest, b.Tender.Price)
		}
	}
	for i := range bids {
		t := bids[i].Tender
		t.QualityPoints, t.PricePoints, t.Total, t.Best, t.Lowest = 0, 0, 0, 0, 0
		if !bids[i].Meets {
			continue
		}
		t.Best = best
		if best > 0 {
			t.QualityPoints = t.Quality / best * c.Quality
		}
		if t.Price > 0 && !math.IsInf(lowest, 1) {
			t.Lowest = lowest
			t.PricePoints = lowest / t.Price * c.Price
		}
		t.Total = t.QualityPoints + t.PricePoints
	}
}

// same reports whether two point figures are equal, within rounding.
func same(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// RankTender orders bids by total points, highest first; equal totals are
// ordered as ties says and, when still equal, share a rank (1, 2, 2, 4)
// and keep their given order. Excluded bids come last with Rank 0.
func RankTender(bids []Bid, ties criteria.Ties) {
	ahead := func(a, b *Bid) bool {
		if a.Meets != b.Meets {
			return a.Meets
		}
		if !a.Meets {
			return false
		}
		x, y := a.Tender, b.Tender
		if !same(x.Total, y.Total) {
			return x.Total > y.Total
		}
		switch ties {
		case criteria.TiesPrice:
			if !same(x.Price, y.Price) {
				return x.Price < y.Price
			}
		case criteria.TiesQuality:
			if !same(x.QualityPoints, y.QualityPoints) {
				return x.QualityPoints > y.QualityPoints
			}
		}
		return false
	}
	sort.SliceStable(bids, func(i, j int) bool { return ahead(&bids[i], &bids[j]) })
	for i := range bids {
		switch {
		case !bids[i].Meets:
			bids[i].Rank = 0
		case i > 0 && !ahead(&bids[i-1], &bids[i]):
			bids[i].Rank = bids[i-1].Rank
		default:
			bids[i].Rank = i + 1
		}
	}
}

// Excluded reports whether the bid is excluded from a tender comparison.
func (b *Bid) Excluded() bool { return b.Tender != nil && !b.Meets }
