package report

import (
	"encoding/json"
	"io"

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
		out.Profile.Requirements = append(out.Profile.Requirements, rj)
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
			bj.Criteria = append(bj.Criteria, kj)
		}
		out.Bids = append(out.Bids, bj)
	}
	return out
}

// CheckJSONOut writes an evaluation as JSON.
func CheckJSONOut(w io.Writer, e *scoring.Evaluation, opt CheckOptions) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(CheckJSONOf(e, opt))
}
