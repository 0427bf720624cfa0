package criteria

import "math"

// Profile is a procurement profile: the key criteria a bid must meet and
// what each requires, for one criteria set. Profiles are YAML data, like
// the sets; the built-in ones are embedded from profiles/.
type Profile struct {
	Header `yaml:",inline"`
	// Criteria is the id of the set the profile applies to, and
	// CriteriaVersion its version when the profile pins one.
	Criteria        string        `yaml:"criteria"`
	CriteriaVersion string        `yaml:"criteria_version"`
	Requirements    []Requirement `yaml:"requirements"`

	// Origin is the file the profile came from, or "" for a built-in one.
	Origin string `yaml:"-"`
}

// Requirement is what a profile asks of one key criterion: a minimum level,
// a limit on the criterion's figure, or both. Figure limits include their
// value: FigureMax 20 accepts 20 and refuses 21.
type Requirement struct {
	Criterion int      `yaml:"criterion"`
	MinLevel  int      `yaml:"min_level"`
	FigureMax *float64 `yaml:"figure_max"`
	FigureMin *float64 `yaml:"figure_min"`
	// Source says whether the requirement is taken from the source
	// document or is a default for the buyer to adjust; Note says why, in
	// words, for the report and for anyone editing the profile.
	Source RequirementSource `yaml:"source"`
	Note   Text              `yaml:"note"`

	// Line is where the requirement stands in its file, for problems.
	Line int `yaml:"-"`
}

// RequirementSource says where a requirement comes from.
type RequirementSource string

const (
	// SourceDocument is a requirement stated by the profile's source
	// document (for the built-in profile: Siun sote's 2022 summary).
	SourceDocument RequirementSource = "document"
	// SourceDefault is a threshold the profile's author chose where the
	// source names the criterion but no level: a default to adjust.
	SourceDefault RequirementSource = "default"
)

// HasFigureLimit reports whether the requirement limits the figure.
func (r *Requirement) HasFigureLimit() bool { return r.FigureMax != nil || r.FigureMin != nil }

// FigureAllowed reports whether the figure x meets the requirement's limits.
func (r *Requirement) FigureAllowed(x float64) bool {
	return (r.FigureMax == nil || x <= *r.FigureMax) && (r.FigureMin == nil || x >= *r.FigureMin)
}

// Requirement returns the requirement on criterion n, or nil when n is not
// a key criterion of the profile.
func (p *Profile) Requirement(n int) *Requirement {
	for i := range p.Requirements {
		if p.Requirements[i].Criterion == n {
			return &p.Requirements[i]
		}
	}
	return nil
}

// Numbers lists the key criteria in the profile's order.
func (p *Profile) Numbers() []int {
	ns := make([]int, len(p.Requirements))
	for i, r := range p.Requirements {
		ns[i] = r.Criterion
	}
	return ns
}

// Label is "te-tyohonvalmennus 1", the id with its version.
func (p *Profile) Label() string {
	if p.Version == "" {
		return p.ID
	}
	return p.ID + " " + p.Version
}

// Fit says how a level's whole range of figures stands against a
// requirement's figure limits.
type Fit int

const (
	// FitUnknown: the level has no range in the measure.
	FitUnknown Fit = iota
	// FitInside: every figure the level stands for meets the limits.
	FitInside
	// FitOutside: no figure the level stands for meets them.
	FitOutside
	// FitAcross: some do and some do not; only the figure can tell.
	FitAcross
)

// LevelFit tells whether a bid that gives level but no figure meets the
// figure limits of r on a criterion measured by m: a level stands for its
// range of figures (level 5 on caseload is "at most 20 clients").
func (r *Requirement) LevelFit(m *Measure, level int) Fit {
	if m == nil || !r.HasFigureLimit() {
		return FitUnknown
	}
	span := m.Span(level)
	if span == nil {
		return FitUnknown
	}
	lo, hi := bounds(m, span)
	limLo, limHi := bound{math.Inf(-1), false}, bound{math.Inf(1), false}
	if r.FigureMin != nil {
		limLo = bound{*r.FigureMin, true}
	}
	if r.FigureMax != nil {
		limHi = bound{*r.FigureMax, true}
	}
	if hi.x <= limHi.x && lo.x >= limLo.x {
		return FitInside
	}
	// The overlap of the level's range and the allowed window.
	from, to := lo, hi
	switch {
	case limLo.x > lo.x:
		from = limLo
	case limLo.x == lo.x:
		from.in = lo.in && limLo.in
	}
	switch {
	case limHi.x < hi.x:
		to = limHi
	case limHi.x == hi.x:
		to.in = hi.in && limHi.in
	}
	if from.x < to.x || (from.x == to.x && from.in && to.in) {
		return FitAcross
	}
	return FitOutside
}

// bound is one end of a range on the real line.
type bound struct {
	x  float64
	in bool // the end value itself belongs to the range
}

// bounds returns the ends of span, closed by the measure's own bounds where
// the span is open-ended.
func bounds(m *Measure, span *Range) (lo, hi bound) {
	lo, hi = bound{math.Inf(-1), false}, bound{math.Inf(1), false}
	if m.Min != nil {
		lo = bound{*m.Min, true}
	}
	if m.Max != nil {
		hi = bound{*m.Max, true}
	}
	switch {
	case span.Min != nil:
		lo = bound{*span.Min, true}
	case span.Above != nil:
		lo = bound{*span.Above, false}
	}
	switch {
	case span.Max != nil:
		hi = bound{*span.Max, true}
	case span.Below != nil:
		hi = bound{*span.Below, false}
	}
	return lo, hi
}
