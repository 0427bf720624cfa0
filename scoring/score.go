package scoring

import (
	"sort"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
)

// Basis says where an implied level comes from.
type Basis string

const (
	BasisNone      Basis = ""
	BasisFigure    Basis = "figure"
	BasisChecklist Basis = "checklist"
	// BasisInputs is in rules.go.
)

// ItemResult is one criterion's outcome.
type ItemResult struct {
	Criterion *criteria.Criterion
	// Given is the rater's level, 0 when not rated.
	Given int
	// Implied is the level the figure or checklist implies, 0 when neither
	// was answered; Basis says which.
	Implied int
	Basis   Basis
	// Level is the level used in the scores: Given when there is one,
	// otherwise Implied, otherwise 0 (missing).
	Level int
	// Figure and Checked repeat the answer the implied level rests on;
	// Checked is -1 when the checklist was not answered.
	Figure   *float64
	Checked  int
	Note     string
	Evidence string
	// Steps explain how the implied level was reached (rules.go); nil
	// when there is no implied level.
	Steps []Step
}

// Number is the criterion's number.
func (r ItemResult) Number() int { return r.Criterion.Number }

// Missing reports whether the criterion has no level at all.
func (r ItemResult) Missing() bool { return r.Level == 0 }

// Conflict reports whether the rater's level contradicts the level the
// criterion's own figure or checklist implies. The rater's level is kept;
// the contradiction is reported so that a reviewer looks at it.
func (r ItemResult) Conflict() bool {
	return r.Given != 0 && r.Implied != 0 && r.Given != r.Implied
}

// DomainScore sums one domain.
type DomainScore struct {
	Domain *criteria.Domain
	// Score sums the levels of the rated criteria; Max is the domain's
	// highest possible score (every criterion at level 5).
	Score int
	Max   int
	// Rated of Count criteria have a level.
	Rated int
	Count int
	// Mean is Score / Rated, or 0 when nothing is rated.
	Mean float64
}

// Complete reports whether every criterion of the domain is rated.
func (d DomainScore) Complete() bool { return d.Rated == d.Count }

// Result is an assessment scored against its criteria set.
type Result struct {
	Set        *criteria.Set
	Assessment *form.Assessment
	// Items holds one result per criterion of the set, in the set's order.
	Items   []ItemResult
	Domains []DomainScore
	// Total sums the levels of the rated criteria; Max is the set's highest
	// total. A missing criterion is never counted as 0.
	Total int
	Max   int
	Rated int
	Count int
	Mean  float64
	// Complete is true when every criterion has a level. Only a complete
	// total has a Band; an incomplete one is not comparable with it.
	Complete bool
	Band     *criteria.Band
	// Estimate is Mean × Count: what the total would be if the missing
	// criteria scored like the rated ones. It is made only for an incomplete
	// assessment with at least EstimateMinRated criteria rated (HasEstimate),
	// shown clearly labelled, and never used for bands or ranking.
	Estimate    float64
	HasEstimate bool
	// Earlier is set when the assessment was written for an earlier version
	// of the set that still reads: its report names the criteria that
	// changed since, for the reader to check.
	Earlier *criteria.EarlierVersion
}

// EstimateMinRated is the fewest rated criteria, of count, from which an
// incomplete assessment gets an estimated total: four in five (20 of 25).
// The published scale has no estimate at all, so laatu keeps it to where it
// cannot mislead much: with at most five criteria missing, the true total
// lies within 20 points of the rated ones' sum plus five times the lowest or
// highest level, and the estimate rests on most of the scale; from 2 of 25
// it would be a guess about 23 criteria. The bands are 15 and 26 points
// wide, so below this no estimate could even suggest a band.
func EstimateMinRated(count int) int { return (count*4 + 4) / 5 }

// Score scores a against set. The assessment must have passed form.Check
// against the same set; answers to criteria the set lacks are ignored.
func Score(set *criteria.Set, a *form.Assessment) Result {
	r := Result{Set: set, Assessment: a, Max: set.MaxTotal(), Count: len(set.Criteria)}
	if a.CriteriaVersion != set.Version {
		r.Earlier = set.Earlier(a.CriteriaVersion)
	}
	r.Items = make([]ItemResult, len(set.Criteria))
	for i := range set.Criteria {
		r.Items[i] = scoreItem(&set.Criteria[i], a.Item(set.Criteria[i].Number))
	}
	for i := range set.Domains {
		d := DomainScore{Domain: &set.Domains[i]}
		for _, it := range r.Items {
			if it.Criterion.Domain != d.Domain.ID {
				continue
			}
			d.Count++
			d.Max += criteria.MaxLevel
			if !it.Missing() {
				d.Rated++
				d.Score += it.Level
			}
		}
		if d.Rated > 0 {
			d.Mean = float64(d.Score) / float64(d.Rated)
		}
		r.Domains = append(r.Domains, d)
	}
	for _, it := range r.Items {
		if !it.Missing() {
			r.Rated++
			r.Total += it.Level
		}
	}
	if r.Rated > 0 {
		r.Mean = float64(r.Total) / float64(r.Rated)
	}
	r.Complete = r.Rated == r.Count && r.Count > 0
	if r.Complete {
		r.Band = set.Band(r.Total)
	} else if r.Rated > 0 && r.Rated >= EstimateMinRated(r.Count) {
		r.Estimate = r.Mean * float64(r.Count)
		r.HasEstimate = true
	}
	return r
}

func scoreItem(c *criteria.Criterion, it *form.Item) ItemResult {
	r := ItemResult{Criterion: c, Checked: -1}
	if it == nil {
		return r
	}
	r.Given, r.Note, r.Evidence = it.Level, it.Note, it.Evidence
	rated := Rate(c, it)
	r.Implied, r.Basis, r.Steps = rated.Level, rated.Basis, rated.Steps
	switch {
	case rated.Figure != nil:
		// The per-specialist mean or the ratio, when the figure was
		// given that way.
		r.Figure = rated.Figure
	case it.Figure != nil:
		f := *it.Figure
		r.Figure = &f
	}
	if it.Checked != nil {
		r.Checked = countPresent(c, it.Checked)
	}
	r.Level = r.Given
	if r.Level == 0 {
		r.Level = r.Implied
	}
	return r
}

// Implied returns the level an item's answers imply for c, and what it
// rests on; 0 when nothing implies one. Rate says how.
func Implied(c *criteria.Criterion, it *form.Item) (int, Basis) {
	r := Rate(c, it)
	return r.Level, r.Basis
}

// countPresent counts the distinct checklist elements of c named in ids.
func countPresent(c *criteria.Criterion, ids []string) int {
	if c.Checklist == nil {
		return 0
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if c.Checklist.Has(id) {
			seen[id] = true
		}
	}
	return len(seen)
}

// Missing lists the numbers of the criteria without a level.
func (r *Result) Missing() []int {
	ns := []int{}
	for _, it := range r.Items {
		if it.Missing() {
			ns = append(ns, it.Number())
		}
	}
	return ns
}

// Conflicts lists the criteria whose given level contradicts their figure
// or checklist.
func (r *Result) Conflicts() []ItemResult {
	var cs []ItemResult
	for _, it := range r.Items {
		if it.Conflict() {
			cs = append(cs, it)
		}
	}
	return cs
}

// Levels maps criterion number to the level used, for rated criteria.
func (r *Result) Levels() map[int]int {
	m := make(map[int]int, r.Rated)
	for _, it := range r.Items {
		if !it.Missing() {
			m[it.Number()] = it.Level
		}
	}
	return m
}

// Weakest returns up to n rated criteria below level 5, lowest level first
// and in the set's order within a level: the places to improve first.
func (r *Result) Weakest(n int) []ItemResult {
	var ws []ItemResult
	for _, it := range r.Items {
		if !it.Missing() && it.Level < criteria.MaxLevel {
			ws = append(ws, it)
		}
	}
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].Level < ws[j].Level })
	if len(ws) > n {
		ws = ws[:n]
	}
	return ws
}
