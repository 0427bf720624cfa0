package report

import (
	"encoding/json"
	"io"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/scoring"
)

// CheckSchema names the version of the check JSON. A change that removes or
// renames a field gets a new version; new fields may be added within one.
const CheckSchema = "laatu.check/v1"

// CheckJSON is the documented JSON form of `laatu check`. Ids (status,
// source, band, reason codes) are stable; texts are in the language asked
// for.
type CheckJSON struct {
	Schema   string           `json:"schema"`
	Lang     string           `json:"lang"`
	Profile  ProfileJSON      `json:"profile"`
	MeetsAll bool             `json:"meets_all"`
	Meeting  int              `json:"bids_meeting"`
	Count    int              `json:"bids_count"`
	Points   *PointsRuleJSON  `json:"points"`
	Bids     []CheckedBidJSON `json:"bids"`
	// Comparison is the tender comparison (price and quality points), or
	// null for a profile without one.
	Comparison *ComparisonJSON `json:"comparison"`
}

// ComparisonJSON is a tender comparison's rule: the points of quality and
// price, the formulas, the tie rule, and the best quality and lowest price
// among the bids compared (null when none is compared).
type ComparisonJSON struct {
	Quality        float64  `json:"quality"`
	Price          float64  `json:"price"`
	QualityFormula string   `json:"quality_formula"`
	PriceFormula   string   `json:"price_formula"`
	PriceUnit      *string  `json:"price_unit"`
	Ties           string   `json:"ties"`
	BestQuality    *float64 `json:"best_quality"`
	LowestPrice    *float64 `json:"lowest_price"`
	Excluded       int      `json:"bids_excluded"`
	Rule           string   `json:"rule"`
}

// OwnRequirementJSON is one of the profile's own requirements.
type OwnRequirementJSON struct {
	ID       string   `json:"id"`
	Kind     string   `json:"kind"`
	Answer   string   `json:"answer"`
	Question string   `json:"question"`
	Evidence string   `json:"evidence"`
	Accepts  string   `json:"accepts"`
	Choices  []string `json:"choices"`
	Source   string   `json:"source"`
	Note     string   `json:"note"`
}

// OwnResultJSON is a bid's answer to one own requirement: the answer as
// understood (yes, no, a choice's id, a figure or a text; null when none),
// the status (pass, fail, unanswered, scored) and, for a compared
// requirement, the points.
type OwnResultJSON struct {
	ID      string   `json:"id"`
	Kind    string   `json:"kind"`
	Answer  *string  `json:"answer"`
	Status  string   `json:"status"`
	Points  *float64 `json:"points"`
	Max     *float64 `json:"max"`
	Said    string   `json:"said"`
	Verdict string   `json:"verdict"`
	Reason  string   `json:"reason"`
}

// BidTenderJSON are a bid's points in a tender comparison, each with its
// formula; the points are null for an excluded bid.
type BidTenderJSON struct {
	Quality        float64  `json:"quality"`
	QualityMax     float64  `json:"quality_max"`
	QualityPoints  *float64 `json:"quality_points"`
	QualityFormula string   `json:"quality_formula"`
	Price          *float64 `json:"price"`
	PriceUnit      *string  `json:"price_unit"`
	PricePoints    *float64 `json:"price_points"`
	PriceFormula   string   `json:"price_formula"`
	Total          *float64 `json:"total"`
	TotalFormula   string   `json:"total_formula"`
	// Exclusions say why an excluded bid is excluded.
	Exclusions []string `json:"exclusions"`
}

// ProfileJSON describes the profile the bids were checked against.
type ProfileJSON struct {
	ID              string            `json:"id"`
	Version         string            `json:"version"`
	Name            string            `json:"name"`
	File            *string           `json:"file"`
	Criteria        string            `json:"criteria"`
	CriteriaVersion string            `json:"criteria_version"`
	Requirements    []RequirementJSON `json:"requirements"`
	// OwnRequirements are the profile's requirements of its own.
	OwnRequirements []OwnRequirementJSON `json:"own_requirements"`
}

// RequirementJSON is one key criterion's requirement.
type RequirementJSON struct {
	Criterion int      `json:"criterion"`
	Title     string   `json:"title"`
	MinLevel  *int     `json:"min_level"`
	FigureMax *float64 `json:"figure_max"`
	FigureMin *float64 `json:"figure_min"`
	Unit      *string  `json:"unit"`
	Source    string   `json:"source"`
	Text      string   `json:"text"`
	Note      string   `json:"note"`
	// Kind is minimum or comparison; Weight a comparison criterion's.
	Kind   string   `json:"kind"`
	Weight *float64 `json:"weight"`
}

// PointsRuleJSON is the --points rule, with both formulas in words.
type PointsRuleJSON struct {
	Max          float64 `json:"max"`
	BestKeyScore *int    `json:"best_key_score"`
	Rule         string  `json:"rule"`
}

// CheckedBidJSON is one bid, in rank order.
type CheckedBidJSON struct {
	Rank       int             `json:"rank"`
	File       string          `json:"file"`
	Provider   string          `json:"provider"`
	Unit       string          `json:"unit"`
	Date       *string         `json:"date"`
	Meets      bool            `json:"meets"`
	Verdict    string          `json:"verdict"`
	Pass       int             `json:"pass"`
	Fail       int             `json:"fail"`
	Unanswered int             `json:"unanswered"`
	KeyScore   int             `json:"key_score"`
	KeyMax     int             `json:"key_max"`
	Total      int             `json:"total"`
	Max        int             `json:"max"`
	Rated      int             `json:"rated"`
	Count      int             `json:"count"`
	Complete   bool            `json:"complete"`
	Band       *string         `json:"band"`
	BandName   *string         `json:"band_name"`
	Points     *BidPointsJSON  `json:"points"`
	Criteria   []KeyResultJSON `json:"criteria"`
	// In a tender comparison: whether the bid is excluded (rank 0), its
	// points, and its answers to the own requirements; null otherwise.
	Excluded     bool            `json:"excluded"`
	Tender       *BidTenderJSON  `json:"tender"`
	Requirements []OwnResultJSON `json:"requirements"`
}

// BidPointsJSON are a qualifying bid's quality points with the formulas
// filled in.
type BidPointsJSON struct {
	Relative        float64 `json:"relative"`
	RelativeFormula string  `json:"relative_formula"`
	Sum             float64 `json:"sum"`
	SumFormula      string  `json:"sum_formula"`
}

// KeyResultJSON is one key criterion of one bid.
type KeyResultJSON struct {
	Criterion   int          `json:"criterion"`
	Title       string       `json:"title"`
	Requirement string       `json:"requirement"`
	Source      string       `json:"source"`
	Status      string       `json:"status"`
	Level       *int         `json:"level"`
	Given       *int         `json:"given"`
	Implied     *int         `json:"implied"`
	Basis       *string      `json:"basis"`
	Figure      *float64     `json:"figure"`
	Checked     *int         `json:"checked"`
	States      string       `json:"states"`
	Reason      string       `json:"reason"`
	Reasons     []ReasonJSON `json:"reasons"`
	Note        string       `json:"note"`
	// Kind is minimum or comparison; Points a comparison criterion's
	// points in a tender (null otherwise).
	Kind   string   `json:"kind"`
	Points *float64 `json:"points"`
}

// ReasonJSON is one finding: a stable code and its sentence.
type ReasonJSON struct {
	Code string `json:"code"`
	Text string `json:"text"`
}

func nonZero(n int) *int {
	if n == 0 {
		return nil
	}
	return &n
}

// CheckJSONOf builds the JSON form of an evaluation.
func CheckJSONOf(e *scoring.Evaluation, opt CheckOptions) CheckJSON {
	l := opt.Lang
	v := newCheckView(e, l)
	p := e.Profile
	out := CheckJSON{Schema: CheckSchema, Lang: l, MeetsAll: e.MeetsAll(), Count: len(e.Bids), Bids: []CheckedBidJSON{},
		Profile: ProfileJSON{ID: p.ID, Version: p.Version, Name: p.Name.In(l), Criteria: p.Criteria,
			CriteriaVersion: p.CriteriaVersion, Requirements: []RequirementJSON{}}}
	if p.Origin != "" {
		out.Profile.File = ptr(p.Origin)
	}
	for i := range p.Requirements {
		r := &p.Requirements[i]
		rj := RequirementJSON{Criterion: r.Criterion, MinLevel: nonZero(r.MinLevel), FigureMax: r.FigureMax, FigureMin: r.FigureMin,
			Source: string(r.Source), Note: r.Note.In(l)}
		if c := e.Set.Criterion(r.Criterion); c != nil {
			rj.Title = c.Title.In(l)
			rj.Text = RequirementText(l, c, r)
			if c.Measure != nil && r.HasFigureLimit() {
				rj.Unit = ptr(c.Measure.Unit.In(l))
			}
		}
		rj.Kind = string(criteria.KindMinimum)
		if r.IsComparison() {
			rj.Kind, rj.Weight = string(criteria.KindComparison), ptr(r.Weight)
		}
		out.Profile.Requirements = append(out.Profile.Requirements, rj)
	}
	out.Profile.OwnRequirements = []OwnRequirementJSON{}
	if v.Tender != nil {
		for _, o := range v.Tender.Own {
			kind := string(criteria.KindMinimum)
			if o.o.IsComparison() {
				kind = string(criteria.KindComparison)
			}
			out.Profile.OwnRequirements = append(out.Profile.OwnRequirements, OwnRequirementJSON{ID: o.ID, Kind: kind,
				Answer: string(o.o.Answer), Question: o.Question, Evidence: o.Evidence, Accepts: o.Accepts,
				Choices: o.o.ChoiceIDs(), Source: string(o.o.Source), Note: o.Note})
		}
		c := e.Tender
		cj := &ComparisonJSON{Quality: c.Quality, Price: c.Price, QualityFormula: criteria.QualityRelative,
			PriceFormula: criteria.PriceLowest, Ties: string(criteria.TiesShare), Rule: v.Tender.Rule}
		if c.Ties != "" {
			cj.Ties = string(c.Ties)
		}
		if c.PriceUnit != "" {
			cj.PriceUnit = ptr(c.PriceUnit)
		}
		for _, b := range e.Bids {
			if !b.Meets {
				cj.Excluded++
			}
		}
		if cj.Excluded < len(e.Bids) {
			cj.BestQuality = ptr(round2(e.BestQuality))
			if e.LowestPrice > 0 {
				cj.LowestPrice = ptr(e.LowestPrice)
			}
		}
		out.Comparison = cj
	}
	if e.PointsMax > 0 {
		out.Points = &PointsRuleJSON{Max: e.PointsMax, BestKeyScore: nonZero(e.Best), Rule: v.PointsRule}
	}
	for _, bv := range v.Bids {
		b := bv.b
		r := &b.Result
		a := r.Assessment
		if b.Meets {
			out.Meeting++
		}
		bj := CheckedBidJSON{Rank: b.Rank, File: a.Source, Provider: a.Provider, Unit: a.Unit, Meets: b.Meets, Verdict: bv.Verdict,
			Pass: b.Count(scoring.Pass), Fail: b.Count(scoring.Fail), Unanswered: b.Count(scoring.Unanswered),
			KeyScore: b.KeyScore, KeyMax: b.KeyMax, Total: r.Total, Max: r.Max, Rated: r.Rated, Count: r.Count,
			Complete: r.Complete, Criteria: []KeyResultJSON{}}
		if d := a.DateISO(); d != "" {
			bj.Date = &d
		}
		if r.Band != nil {
			bj.Band = ptr(r.Band.ID)
			bj.BandName = ptr(r.Band.Name.In(l))
		}
		if pt := b.Points; pt != nil {
			bj.Points = &BidPointsJSON{Relative: round2(pt.Relative), RelativeFormula: bv.RelFormula, Sum: round2(pt.Sum), SumFormula: bv.SumFormula}
		}
		for _, row := range bv.Rows {
			it := row.k.Item
			kj := KeyResultJSON{Criterion: row.Number, Title: row.Title, Requirement: row.Requirement,
				Source: string(row.k.Requirement.Source), Status: string(row.k.Status),
				Level: nonZero(it.Level), Given: nonZero(it.Given), Implied: nonZero(it.Implied), Figure: it.Figure,
				States: row.States, Reason: row.Reason, Note: row.Note}
			if it.Basis != scoring.BasisNone {
				kj.Basis = ptr(string(it.Basis))
			}
			if it.Checked >= 0 {
				kj.Checked = ptr(it.Checked)
			}
			for _, rs := range row.k.Reasons {
				kj.Reasons = append(kj.Reasons, ReasonJSON{Code: string(rs.Code), Text: ReasonText(l, it.Criterion, row.k.Requirement, rs)})
			}
			kj.Kind = string(criteria.KindMinimum)
			if row.k.Requirement.IsComparison() {
				kj.Kind = string(criteria.KindComparison)
				if row.k.Status == scoring.Scored || row.k.Status == scoring.Unanswered {
					kj.Points = ptr(round2(row.k.Points))
				}
			}
			bj.Criteria = append(bj.Criteria, kj)
		}
		if tv := bv.Tender; tv != nil {
			bj.Excluded = !b.Meets
			bj.Tender = bidTenderJSON(b, tv)
			bj.Requirements = []OwnResultJSON{}
			for i, oc := range b.Own {
				row := tv.Own[i]
				oj := OwnResultJSON{ID: oc.Requirement.ID, Kind: string(criteria.KindMinimum), Status: string(oc.Status),
					Said: row.Said, Verdict: row.Verdict, Reason: row.Reason}
				if oc.Answer != nil {
					oj.Answer = ptr(oc.Answer.Value)
				}
				if oc.Requirement.IsComparison() {
					oj.Kind, oj.Points, oj.Max = string(criteria.KindComparison), ptr(round2(oc.Points)), ptr(oc.Max)
				}
				bj.Requirements = append(bj.Requirements, oj)
			}
		}
		out.Bids = append(out.Bids, bj)
	}
	return out
}

func bidTenderJSON(b *scoring.Bid, tv *bidTenderView) *BidTenderJSON {
	t := b.Tender
	j := &BidTenderJSON{Quality: round2(t.Quality), QualityMax: t.QualityMax, QualityFormula: tv.QualityFormula,
		PriceFormula: tv.PriceFormula, TotalFormula: tv.TotalFormula, Exclusions: append([]string{}, tv.Why...)}
	if b.Answers != nil && b.Answers.Price != nil {
		j.Price, j.PriceUnit = ptr(b.Answers.Price.Amount), ptr(b.Answers.Price.Unit)
	}
	if b.Meets {
		j.QualityPoints, j.PricePoints, j.Total = ptr(round2(t.QualityPoints)), ptr(round2(t.PricePoints)), ptr(round2(t.Total))
	}
	return j
}

// CheckJSONOut writes an evaluation as JSON.
func CheckJSONOut(w io.Writer, e *scoring.Evaluation, opt CheckOptions) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(CheckJSONOf(e, opt))
}
