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
	// Own are the profile's requirements of its own, beyond the criteria
	// set: questions the bid answers in its `requirements:` section.
	Own []OwnRequirement `yaml:"own_requirements"`
	// Comparison, when given, makes the check a tender comparison: price
	// and quality points with these weights. Without it (profiles made
	// before comparisons) the check ranks on key-criteria levels as before.
	Comparison *Comparison `yaml:"comparison"`

	// Origin is the file the profile came from, or "" for a built-in one.
	Origin string `yaml:"-"`
}

// Requirement is what a profile asks of one key criterion: a minimum level,
// a limit on the criterion's figure, or both. Figure limits include their
// value: FigureMax 20 accepts 20 and refuses 21.
type Requirement struct {
	Criterion int `yaml:"criterion"`
	// Kind is a minimum requirement (the default, and the meaning of every
	// requirement in a profile made before kinds) or a comparison
	// criterion, scored with Weight: level / 5 × Weight quality points.
	// On a comparison criterion the limits are a target shown in the memo,
	// never a reason to exclude.
	Kind      Kind     `yaml:"kind"`
	Weight    float64  `yaml:"weight"`
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
	// SourceLaatuDefault is SourceDefault named plainly: laatu's own
	// choice, not the document's.
	SourceLaatuDefault RequirementSource = "laatu-default"
)

// IsDefault reports whether the source is a default rather than the
// document.
func (s RequirementSource) IsDefault() bool { return s == SourceDefault || s == SourceLaatuDefault }

// Kind says what failing a requirement does in a tender.
type Kind string

const (
	// KindMinimum is a minimum requirement (vähimmäisvaatimus): a bid that
	// fails it is excluded, whatever its points.
	KindMinimum Kind = "minimum"
	// KindComparison is a comparison criterion (vertailuperuste): it gives
	// points, and missing it only loses them.
	KindComparison Kind = "comparison"
)

// IsComparison reports whether the requirement is a comparison criterion;
// a requirement without a kind is a minimum one.
func (r *Requirement) IsComparison() bool { return r.Kind == KindComparison }

// AnswerType is the kind of answer an own requirement asks for.
type AnswerType string

const (
	AnswerYesNo  AnswerType = "yes-no"
	AnswerChoice AnswerType = "choice"
	AnswerFigure AnswerType = "figure"
	AnswerText   AnswerType = "text"
)

// OwnRequirement is a requirement of the profile's own, beyond the
// criteria set: a yes/no, a choice, a figure or a short text, with the
// evidence asked for. A minimum one is met by the answer it accepts (yes;
// one of Accept; a figure within the limits; any text); a comparison one
// gives the points of the answer (Points for yes and no, a choice's
// Points).
type OwnRequirement struct {
	ID       string     `yaml:"id"`
	Kind     Kind       `yaml:"kind"`
	Answer   AnswerType `yaml:"answer"`
	Question Text       `yaml:"question"`
	Evidence Text       `yaml:"evidence"`
	// Choices are the answers a choice accepts.
	Choices []OwnChoice `yaml:"choices"`
	// Accept lists the choices that meet a minimum choice requirement.
	Accept []string `yaml:"accept"`
	// FigureMin, FigureMax and Unit are a figure's limits (inclusive) and
	// unit.
	FigureMin *float64 `yaml:"figure_min"`
	FigureMax *float64 `yaml:"figure_max"`
	Unit      Text     `yaml:"unit"`
	// Points are the points of a comparison yes-no's answers, by yes and
	// no.
	Points map[string]float64 `yaml:"points"`
	Source RequirementSource  `yaml:"source"`
	Note   Text               `yaml:"note"`

	Line int `yaml:"-"`
}

// OwnChoice is one answer of a choice requirement.
type OwnChoice struct {
	ID     string  `yaml:"id"`
	Label  Text    `yaml:"label"`
	Points float64 `yaml:"points"`
}

// IsComparison reports whether the requirement gives points rather than
// excluding; one without a kind is a minimum requirement.
func (o *OwnRequirement) IsComparison() bool { return o.Kind == KindComparison }

// Choice returns the choice with id, or nil.
func (o *OwnRequirement) Choice(id string) *OwnChoice {
	for i := range o.Choices {
		if o.Choices[i].ID == id {
			return &o.Choices[i]
		}
	}
	return nil
}

// MaxPoints is the most points a comparison requirement can give.
func (o *OwnRequirement) MaxPoints() float64 {
	best := 0.0
	for _, x := range o.Points {
		best = max(best, x)
	}
	for _, c := range o.Choices {
		best = max(best, c.Points)
	}
	return best
}

// ChoiceIDs lists the ids of the choices, in order.
func (o *OwnRequirement) ChoiceIDs() []string {
	ids := make([]string, len(o.Choices))
	for i, c := range o.Choices {
		ids[i] = c.ID
	}
	return ids
}

// FigureAllowed reports whether x meets the requirement's figure limits.
func (o *OwnRequirement) FigureAllowed(x float64) bool {
	return (o.FigureMax == nil || x <= *o.FigureMax) && (o.FigureMin == nil || x >= *o.FigureMin)
}

// OwnRequirement returns the profile's own requirement with id, or nil.
func (p *Profile) OwnRequirement(id string) *OwnRequirement {
	for i := range p.Own {
		if p.Own[i].ID == id {
			return &p.Own[i]
		}
	}
	return nil
}

// OwnIDs lists the ids of the profile's own requirements, in order.
func (p *Profile) OwnIDs() []string {
	ids := make([]string, len(p.Own))
	for i, o := range p.Own {
		ids[i] = o.ID
	}
	return ids
}

// Comparison is how a tender's bids are compared: the points of quality
// and of price (together usually 100), the formulas, the price unit when
// the profile fixes one, and what decides between equal totals.
type Comparison struct {
	Quality float64 `yaml:"quality"`
	Price   float64 `yaml:"price"`
	// QualityFormula and PriceFormula name the formulas; the only ones are
	// the usual Finnish e-tendering ones, and they are the defaults.
	QualityFormula string `yaml:"quality_formula"`
	PriceFormula   string `yaml:"price_formula"`
	PriceUnit      string `yaml:"price_unit"`
	Ties           Ties   `yaml:"ties"`
}

// The formulas a comparison accepts.
const (
	// QualityRelative: bid's quality / best quality × quality points.
	QualityRelative = "relative-to-best"
	// PriceLowest: lowest price / bid's price × price points.
	PriceLowest = "lowest-to-bid"
)

// PriceUnits are the units a price may be given in.
var PriceUnits = []string{"client-month", "client", "total"}

// Ties says how bids with equal total points are ordered.
type Ties string

const (
	// TiesShare: equal totals share a rank (1, 2, 2, 4). The default.
	TiesShare Ties = "share"
	// TiesPrice: the lower price goes first; equal prices share a rank.
	TiesPrice Ties = "price"
	// TiesQuality: the higher quality points go first; equal ones share.
	TiesQuality Ties = "quality"
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
