package scoring

import (
	"sort"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
)

// KeyStatus is the outcome of one key criterion in one bid.
type KeyStatus string

const (
	Pass KeyStatus = "pass"
	Fail KeyStatus = "fail"
	// Unanswered is a key criterion the bid gives neither a level nor a
	// figure for. It fails the bid like any unmet requirement, but is named
	// apart because the fix is to ask the bidder, not to reject outright.
	Unanswered KeyStatus = "unanswered"
)

// ReasonCode names one finding behind a status; the report puts it in words.
type ReasonCode string

const (
	// ReasonUnanswered: no level, no figure.
	ReasonUnanswered ReasonCode = "unanswered"
	// ReasonLevelMet / ReasonLevelLow: the level used against the minimum.
	ReasonLevelMet ReasonCode = "level-met"
	ReasonLevelLow ReasonCode = "level-low"
	// ReasonImpliedLow: the given level meets the minimum, but the bid's own
	// figure or checklist implies a level below it. A bid that contradicts
	// itself does not get the benefit of the doubt.
	ReasonImpliedLow ReasonCode = "implied-low"
	// ReasonFigureMet / ReasonFigureOut: the figure against the limits.
	ReasonFigureMet ReasonCode = "figure-met"
	ReasonFigureOut ReasonCode = "figure-out"
	// ReasonRangeMet / ReasonRangeOut / ReasonRangeAcross: no figure, so the
	// level is read as the range of figures it stands for; a range that
	// crosses a limit cannot show the limit is met.
	ReasonRangeMet    ReasonCode = "range-met"
	ReasonRangeOut    ReasonCode = "range-out"
	ReasonRangeAcross ReasonCode = "range-across"
)

// Reason is one finding: what was compared with what.
type Reason struct {
	Code ReasonCode
	// Level is the bid's level the finding is about (the level used, or for
	// ReasonImpliedLow the given one); Implied the level its figure or
	// checklist implies, with Basis; Figure the figure compared.
	Level   int
	Implied int
	Basis   Basis
	Figure  float64
}

// OK reports whether the finding meets its part of the requirement.
func (r Reason) OK() bool {
	switch r.Code {
	case ReasonLevelMet, ReasonFigureMet, ReasonRangeMet:
		return true
	}
	return false
}

// KeyCheck is one key criterion of one bid: the requirement, what the bid
// states (Item, as scored), the status, and the findings behind it.
type KeyCheck struct {
	Requirement *criteria.Requirement
	Item        ItemResult
	Status      KeyStatus
	Reasons     []Reason
	// Points are a comparison criterion's points in a tender (tender.go).
	Points float64
}

// CheckRequirement checks one answer against one requirement. A minimum
// level is met when the level used (the bid's, else the one its figure or
// checklist implies) reaches it and no level the bid's own answer implies
// falls below it. A figure limit is checked on the figure when the bid gives
// one; otherwise the level stands for its range of figures, which must lie
// wholly within the limit (level 5 on caseload means at most 20 clients).
func CheckRequirement(req *criteria.Requirement, it ItemResult) KeyCheck {
	k := KeyCheck{Requirement: req, Item: it}
	if it.Level == 0 && it.Figure == nil {
		k.Status = Unanswered
		k.Reasons = []Reason{{Code: ReasonUnanswered}}
		return k
	}
	if req.MinLevel > 0 {
		switch {
		case it.Level < req.MinLevel:
			k.Reasons = append(k.Reasons, Reason{Code: ReasonLevelLow, Level: it.Level, Implied: it.Implied, Basis: it.Basis})
		case it.Given != 0 && it.Implied != 0 && it.Implied < req.MinLevel:
			k.Reasons = append(k.Reasons, Reason{Code: ReasonImpliedLow, Level: it.Given, Implied: it.Implied, Basis: it.Basis, Figure: figureOf(it)})
		default:
			k.Reasons = append(k.Reasons, Reason{Code: ReasonLevelMet, Level: it.Level, Implied: it.Implied, Basis: it.Basis})
		}
	}
	if req.HasFigureLimit() {
		switch {
		case it.Figure != nil && req.FigureAllowed(*it.Figure):
			k.Reasons = append(k.Reasons, Reason{Code: ReasonFigureMet, Figure: *it.Figure, Level: it.Level})
		case it.Figure != nil:
			k.Reasons = append(k.Reasons, Reason{Code: ReasonFigureOut, Figure: *it.Figure, Level: it.Level})
		default:
			var m *criteria.Measure
			if it.Criterion != nil {
				m = it.Criterion.Measure
			}
			code := ReasonRangeAcross
			switch req.LevelFit(m, it.Level) {
			case criteria.FitInside:
				code = ReasonRangeMet
			case criteria.FitOutside:
				code = ReasonRangeOut
			}
			k.Reasons = append(k.Reasons, Reason{Code: code, Level: it.Level})
		}
	}
	k.Status = Pass
	for _, r := range k.Reasons {
		if !r.OK() {
			k.Status = Fail
		}
	}
	return k
}

func figureOf(it ItemResult) float64 {
	if it.Figure == nil {
		return 0
	}
	return *it.Figure
}

// Bid is one bid checked against a profile.
type Bid struct {
	Result Result
	// Checks holds one check per key criterion, in the profile's order.
	Checks []KeyCheck
	// Meets is true when every key criterion passes.
	Meets bool
	// KeyScore sums the levels used over the key criteria (an unanswered
	// one adds nothing); KeyMax is the most it can be, level 5 on each.
	KeyScore int
	KeyMax   int
	// Rank is the bid's place, 1 first; tied bids share a rank.
	Rank int
	// Points are set by AwardPoints for bids that meet the profile.
	Points *Points

	// In a tender comparison (tender.go): the own requirements checked,
	// the bid's answers, whether it lacks a price the profile compares, and
	// its points. Tender is nil in a check without a comparison.
	Own     []OwnCheck
	Answers *form.BidAnswers
	NoPrice bool
	Tender  *TenderPoints
}

// Count returns how many key criteria have status s.
func (b *Bid) Count(s KeyStatus) int {
	n := 0
	for _, k := range b.Checks {
		if k.Status == s {
			n++
		}
	}
	return n
}

// CheckBid checks a scored bid against the profile. The profile must have
// passed Profile.Check against the bid's set.
func CheckBid(p *criteria.Profile, r Result) Bid {
	b := Bid{Result: r, Meets: true}
	for i := range p.Requirements {
		req := &p.Requirements[i]
		it, ok := r.item(req.Criterion)
		if !ok {
			continue
		}
		k := CheckRequirement(req, it)
		b.Checks = append(b.Checks, k)
		b.KeyScore += it.Level
		b.KeyMax += criteria.MaxLevel
		if k.Status != Pass {
			b.Meets = false
		}
	}
	return b
}

func (r *Result) item(n int) (ItemResult, bool) {
	for _, it := range r.Items {
		if it.Number() == n {
			return it, true
		}
	}
	return ItemResult{}, false
}

// Rank orders bids for the tender: bids that meet the profile first, then
// by key-criteria score, then by total, highest first. Bids equal on all
// three share a rank (1, 2, 2, 4) and keep their given order.
func Rank(bids []Bid) {
	sort.SliceStable(bids, func(i, j int) bool { return better(&bids[i], &bids[j]) })
	for i := range bids {
		if i > 0 && !better(&bids[i-1], &bids[i]) {
			bids[i].Rank = bids[i-1].Rank
		} else {
			bids[i].Rank = i + 1
		}
	}
}

func better(a, b *Bid) bool {
	if a.Meets != b.Meets {
		return a.Meets
	}
	if a.KeyScore != b.KeyScore {
		return a.KeyScore > b.KeyScore
	}
	return a.Result.Total > b.Result.Total
}

// Points are a bid's quality points for comparing tenders, out of Max.
type Points struct {
	Max float64
	// Relative is KeyScore / Best × Max: points in proportion to the best
	// qualifying bid ("suhteessa parhaaseen").
	Relative float64
	Best     int
	// Sum is KeyScore / KeyMax × Max: the plain sum of the key criteria's
	// levels, each level 5 worth Max / (number of key criteria).
	Sum float64
}

// AwardPoints gives quality points out of max to every bid that meets the
// profile and returns the best key-criteria score among them. A bid that
// misses a key criterion gets none: in a tender it would be rejected, and
// counting it would also move every other bid's relative points.
func AwardPoints(bids []Bid, max float64) (best int) {
	for _, b := range bids {
		if b.Meets && b.KeyScore > best {
			best = b.KeyScore
		}
	}
	for i := range bids {
		b := &bids[i]
		b.Points = nil
		if !b.Meets || best == 0 || max <= 0 {
			continue
		}
		p := &Points{Max: max, Best: best, Relative: float64(b.KeyScore) / float64(best) * max}
		if b.KeyMax > 0 {
			p.Sum = float64(b.KeyScore) / float64(b.KeyMax) * max
		}
		b.Points = p
	}
	return best
}

// Evaluation is a set of bids checked against one profile.
type Evaluation struct {
	Profile *criteria.Profile
	Set     *criteria.Set
	// Bids are in rank order.
	Bids []Bid
	// PointsMax is the --points maximum, 0 when no points were asked for;
	// Best the best key-criteria score among qualifying bids.
	PointsMax float64
	Best      int

	// Tender is the profile's comparison when the bids were compared as a
	// tender (EvaluateTender), else nil; BestQuality and LowestPrice are
	// the best quality score and the lowest price among the bids compared.
	Tender      *criteria.Comparison
	BestQuality float64
	LowestPrice float64
}

// Evaluate checks, ranks and (when pointsMax > 0) awards points to the
// scored bids.
func Evaluate(p *criteria.Profile, set *criteria.Set, results []Result, pointsMax float64) Evaluation {
	e := Evaluation{Profile: p, Set: set, PointsMax: pointsMax}
	for _, r := range results {
		e.Bids = append(e.Bids, CheckBid(p, r))
	}
	Rank(e.Bids)
	if pointsMax > 0 {
		e.Best = AwardPoints(e.Bids, pointsMax)
	} else {
		for _, b := range e.Bids {
			if b.Meets && b.KeyScore > e.Best {
				e.Best = b.KeyScore
			}
		}
	}
	return e
}

// MeetsAll reports whether every bid meets the profile.
func (e *Evaluation) MeetsAll() bool {
	for _, b := range e.Bids {
		if !b.Meets {
			return false
		}
	}
	return true
}
