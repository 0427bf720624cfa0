package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// ScoreSchema names the version of the score JSON. A change that removes or
// renames a field gets a new version; new fields may be added within one.
const ScoreSchema = "laatu.score/v1"

// ScoreOptions tune the score report.
type ScoreOptions struct {
	Lang string
	// Width is the terminal's width in columns, for the text report;
	// 0 for DefaultWidth.
	Width int
	// Weakest is how many of the weakest criteria to list.
	Weakest int
	// History holds earlier assessments for the one-service report's
	// trend (ScoreDocument); HistoryGiven says one was asked for, so that
	// the report says when none of them is of the same service.
	History      []scoring.Result
	HistoryGiven bool
	// CSV is the dialect of ScoreCSV.
	CSV CSVOptions
}

// ScoreJSON is the documented JSON form of `laatu score`.
type ScoreJSON struct {
	Schema      string           `json:"schema"`
	Assessments []AssessmentJSON `json:"assessments"`
}

// AssessmentJSON is one scored assessment. Ids (band, domain) are stable;
// names are in the language asked for.
type AssessmentJSON struct {
	File            string   `json:"file"`
	Provider        string   `json:"provider"`
	Unit            string   `json:"unit"`
	Date            *string  `json:"date"`
	Raters          []string `json:"raters"`
	Criteria        string   `json:"criteria"`
	CriteriaVersion string   `json:"criteria_version"`
	// AssessedVersion is the earlier set version the file was written
	// for, and ChangedSince the criteria whose meaning changed since; both
	// absent for a file of the current version.
	AssessedVersion *string        `json:"assessed_version,omitempty"`
	ChangedSince    []int          `json:"changed_since,omitempty"`
	Total           int            `json:"total"`
	Max             int            `json:"max"`
	Rated           int            `json:"rated"`
	Count           int            `json:"count"`
	Mean            *float64       `json:"mean"`
	Complete        bool           `json:"complete"`
	Band            *string        `json:"band"`
	BandName        *string        `json:"band_name"`
	Estimate        *float64       `json:"estimate"`
	Domains         []DomainJSON   `json:"domains"`
	Levels          map[string]int `json:"levels"`
	Missing         []int          `json:"missing"`
	Conflicts       []ConflictJSON `json:"conflicts"`
	Weakest         []WeakJSON     `json:"weakest"`
	// Strengths are the criteria at the top level (or, when none is, the
	// highest levels given) and those risen since the earlier assessment
	// of the same service among the files scored; NextReview (ISO) and
	// NextReviewMonths say when the next review is due, absent for an
	// assessment without a date. Every assessment has them, whether or
	// not its file records the cycle.
	Strengths        []StrengthJSON `json:"strengths"`
	NextReview       *string        `json:"next_review,omitempty"`
	NextReviewMonths int            `json:"next_review_months,omitempty"`
	// Cycle is the review cycle (score_review.go); absent for a file that
	// records none.
	Cycle *CycleJSON `json:"cycle,omitempty"`
}

// DomainJSON is one domain's score.
type DomainJSON struct {
	ID    string   `json:"id"`
	Name  string   `json:"name"`
	Score int      `json:"score"`
	Max   int      `json:"max"`
	Rated int      `json:"rated"`
	Count int      `json:"count"`
	Mean  *float64 `json:"mean"`
}

// ConflictJSON is a level that contradicts the criterion's figure or
// checklist.
type ConflictJSON struct {
	Criterion int      `json:"criterion"`
	Given     int      `json:"given"`
	Implied   int      `json:"implied"`
	Basis     string   `json:"basis"`
	Figure    *float64 `json:"figure,omitempty"`
	Checked   *int     `json:"checked,omitempty"`
	// Explanation says how the implied level was reached (explain.go).
	Explanation string `json:"explanation,omitempty"`
}

// WeakJSON is one of the weakest criteria with what the next level asks.
type WeakJSON struct {
	Criterion int    `json:"criterion"`
	Title     string `json:"title"`
	Level     int    `json:"level"`
	NextLevel int    `json:"next_level"`
	Next      string `json:"next"`
}

func round2(x float64) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 2, 64), 64)
	return f
}

func ptr[T any](v T) *T { return &v }

// AssessmentJSONOf converts one result.
func AssessmentJSONOf(r *scoring.Result, opt ScoreOptions) AssessmentJSON {
	a := r.Assessment
	j := AssessmentJSON{
		File: a.Source, Provider: a.Provider, Unit: a.Unit, Raters: a.Raters,
		Criteria: r.Set.ID, CriteriaVersion: r.Set.Version,
		Total: r.Total, Max: r.Max, Rated: r.Rated, Count: r.Count, Complete: r.Complete,
		Levels: map[string]int{}, Missing: r.Missing(), Conflicts: []ConflictJSON{}, Weakest: []WeakJSON{},
	}
	if j.Raters == nil {
		j.Raters = []string{}
	}
	if e := r.Earlier; e != nil {
		j.AssessedVersion = ptr(e.Version)
		j.ChangedSince = append([]int{}, e.Changed...)
	}
	if d := a.DateISO(); d != "" {
		j.Date = &d
	}
	// Strengths against an earlier assessment need the other files:
	// ScoreJSONOut puts those in.
	j.Strengths = strengthsJSON(opt.Lang, scoring.Strengths(r, nil))
	if !a.Date.IsZero() {
		j.NextReview = isoOrNil(scoring.NextReview(a.Date, r.Total, r.Complete, criteria.BuiltinCycle().Review))
		j.NextReviewMonths = nextReviewMonths(r)
	}
	if r.Rated > 0 {
		j.Mean = ptr(round2(r.Mean))
	}
	if r.Band != nil {
		j.Band = ptr(r.Band.ID)
		j.BandName = ptr(r.Band.Name.In(opt.Lang))
	}
	if r.HasEstimate {
		j.Estimate = ptr(round2(r.Estimate))
	}
	for _, d := range r.Domains {
		dj := DomainJSON{ID: d.Domain.ID, Name: d.Domain.Name.In(opt.Lang), Score: d.Score, Max: d.Max, Rated: d.Rated, Count: d.Count}
		if d.Rated > 0 {
			dj.Mean = ptr(round2(d.Mean))
		}
		j.Domains = append(j.Domains, dj)
	}
	for n, l := range r.Levels() {
		j.Levels[strconv.Itoa(n)] = l
	}
	for _, c := range r.Conflicts() {
		cj := ConflictJSON{Criterion: c.Number(), Given: c.Given, Implied: c.Implied, Basis: string(c.Basis), Explanation: Explain(opt.Lang, c.Steps)}
		if c.Basis == scoring.BasisFigure {
			cj.Figure = c.Figure
		} else {
			cj.Checked = ptr(c.Checked)
		}
		j.Conflicts = append(j.Conflicts, cj)
	}
	for _, w := range r.Weakest(opt.Weakest) {
		j.Weakest = append(j.Weakest, WeakJSON{
			Criterion: w.Number(), Title: w.Criterion.Title.In(opt.Lang), Level: w.Level,
			NextLevel: w.Level + 1, Next: w.Criterion.Anchor(w.Level + 1).In(opt.Lang),
		})
	}
	return j
}

// ScoreJSONOut writes results as JSON.
func ScoreJSONOut(w io.Writer, results []scoring.Result, opt ScoreOptions) error {
	out := ScoreJSON{Schema: ScoreSchema, Assessments: []AssessmentJSON{}}
	for i := range results {
		out.Assessments = append(out.Assessments, AssessmentJSONOf(&results[i], opt))
		ss, _ := strengthsOf(results, i) // score_review.go
		out.Assessments[i].Strengths = strengthsJSON(opt.Lang, ss)
		if next, months := nextReviewOf(results, i); !next.IsZero() {
			out.Assessments[i].NextReview = isoOrNil(next)
			out.Assessments[i].NextReviewMonths = months
		}
		out.Assessments[i].Cycle = cycleJSON(results, i, opt.Lang)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// ServiceName is "unit (provider)", or whichever of the two is known, cut
// to about msg.MaxValue characters (msg.ClipTo, half for each of the two):
// it names the service in headings and prose, where a name of megabytes
// would bury the report. Tables give the provider and the unit in full.
func ServiceName(provider, unit string) string {
	switch {
	case unit != "" && provider != "":
		return msg.ClipTo(unit, msg.MaxValue/2) + " (" + msg.ClipTo(provider, msg.MaxValue/2) + ")"
	case unit != "":
		return msg.Clip(unit)
	}
	return msg.Clip(provider)
}

// bandRange is "74–99".
func bandRange(b *criteria.Band) string { return fmt.Sprintf("%d–%d", b.Min, b.Max) }

// conflictText explains a conflict in words.
func conflictText(lang string, c scoring.ItemResult) string {
	if c.Basis == scoring.BasisFigure && c.Figure != nil {
		unit := ""
		if c.Criterion.Measure != nil {
			unit = c.Criterion.Measure.Unit.In(lang)
		}
		return msg.T(lang, "score.conflict-figure", c.Given, Figure(lang, *c.Figure), unit, c.Implied)
	}
	total := 0
	if c.Criterion.Checklist != nil {
		total = len(c.Criterion.Checklist.Elements)
	}
	return msg.T(lang, "score.conflict-checklist", c.Given, c.Checked, total, c.Implied)
}

// criterionList is "12 Etuusneuvonta, 17 Tiivis yhteys työnantajiin".
func criterionList(lang string, r *scoring.Result, numbers []int) string {
	parts := make([]string, 0, len(numbers))
	for _, n := range numbers {
		c := r.Set.Criterion(n)
		parts = append(parts, fmt.Sprintf("%d %s", n, c.Title.In(lang)))
	}
	return strings.Join(parts, ", ")
}
