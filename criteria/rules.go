package criteria

import "math"

// This file holds the rating rules a set file can state beyond plain
// ranges, so that the published IPS-25 rules are data, not code:
//
//   - scale points rated at the closest point (Measure.Points);
//   - one figure per employment specialist, combined (Measure.PerSpecialist);
//   - a figure computed from two counts (Measure.Ratio);
//   - shares that must be percentages, not fractions (Measure.Percent);
//   - further answers that raise, cap or set the level (Criterion.Inputs).

// Point is one entry of a measure's scale points: either a point At a
// figure, or a range open at the scale's end (Below 2; Min 6), with the
// level it gives. A figure between two entries takes the level of the
// closer one; a range counts from its near edge.
type Point struct {
	Level int      `yaml:"level"`
	At    *float64 `yaml:"at"`
	Min   *float64 `yaml:"min"`
	Above *float64 `yaml:"above"`
	Max   *float64 `yaml:"max"`
	Below *float64 `yaml:"below"`
}

// Ties.
const (
	TiesLower  = "lower"
	TiesHigher = "higher"
)

// Ways of combining per-specialist figures.
const CombineMean = "mean"

// edges returns the lowest and highest figure of the entry and whether each
// is included; ±Inf when open.
func (p Point) edges() (lo float64, loIn bool, hi float64, hiIn bool) {
	if p.At != nil {
		return *p.At, true, *p.At, true
	}
	lo, hi = math.Inf(-1), math.Inf(1)
	switch {
	case p.Min != nil:
		lo, loIn = *p.Min, true
	case p.Above != nil:
		lo = *p.Above
	}
	switch {
	case p.Max != nil:
		hi, hiIn = *p.Max, true
	case p.Below != nil:
		hi = *p.Below
	}
	return lo, loIn, hi, hiIn
}

// pointRanges turns scale points, in rising order of figure, into the
// equivalent ranges: Levels[j] is the span rated at Points[j]. Between two
// entries the boundary is halfway; a figure exactly halfway goes to the
// lower level when ties is "lower" (or ""), else to the higher one. The
// points must already be valid (see validatePoints).
func pointRanges(ps []Point, ties string) []Range {
	rs := make([]Range, len(ps))
	for j, p := range ps {
		rs[j].Level = p.Level
		if j == 0 {
			lo, loIn, _, _ := p.edges()
			if !math.IsInf(lo, -1) {
				if loIn {
					rs[j].Min = ptr(lo)
				} else {
					rs[j].Above = ptr(lo)
				}
			}
		}
		if j == len(ps)-1 {
			_, _, hi, hiIn := p.edges()
			if !math.IsInf(hi, 1) {
				if hiIn {
					rs[j].Max = ptr(hi)
				} else {
					rs[j].Below = ptr(hi)
				}
			}
			continue
		}
		q := ps[j+1]
		_, _, h, hIn := p.edges()
		l, lIn, _, _ := q.edges()
		mid := (h + l) / 2
		// Which side takes the boundary itself.
		var left bool
		switch {
		case h == l && hIn != lIn:
			left = hIn
		case ties == TiesHigher:
			left = p.Level > q.Level
		default:
			left = p.Level < q.Level
		}
		if left {
			rs[j].Max, rs[j+1].Above = ptr(mid), ptr(mid)
		} else {
			rs[j].Below, rs[j+1].Min = ptr(mid), ptr(mid)
		}
	}
	return rs
}

func ptr(x float64) *float64 { return &x }

// Rate returns the level figure x implies and, when the measure has scale
// points and x was rated at a point, that point; ok is false when x is out
// of bounds.
func (m *Measure) Rate(x float64) (level int, point *float64, ok bool) {
	if !m.InBounds(x) {
		return 0, nil, false
	}
	for j, r := range m.Levels {
		if r.Contains(x) {
			if j < len(m.Points) && m.Points[j].At != nil {
				return r.Level, m.Points[j].At, true
			}
			return r.Level, nil, true
		}
	}
	return 0, nil, false
}

// Halfway reports whether x lies exactly halfway between the scale point
// it is rated at and a neighbouring entry, and that entry's near edge.
func (m *Measure) Halfway(x float64) (float64, bool) {
	for j, r := range m.Levels {
		if !r.Contains(x) || j >= len(m.Points) || m.Points[j].At == nil {
			continue
		}
		p := *m.Points[j].At
		if j > 0 {
			if _, _, hi, _ := m.Points[j-1].edges(); x < p && x-hi == p-x {
				return hi, true
			}
		}
		if j+1 < len(m.Points) {
			if lo, _, _, _ := m.Points[j+1].edges(); x > p && lo-x == x-p {
				return lo, true
			}
		}
	}
	return 0, false
}

// Ratio computes a measure's figure from two counts: Numerator divided by
// Denominator (clients / full-time equivalents).
type Ratio struct {
	Numerator   Count `yaml:"numerator"`
	Denominator Count `yaml:"denominator"`
}

// Count is one count an answer gives, named by ID in the assessment file.
type Count struct {
	ID   string `yaml:"id"`
	Name Text   `yaml:"name"`
	Unit Text   `yaml:"unit"`
	// UnitOne is the unit's singular, for a count of exactly 1 ("1
	// asiakas"), as Measure.UnitOne; optional.
	UnitOne Text `yaml:"unit_one"`
}

// Input kinds.
const (
	InputChoice = "choice"
	InputYesNo  = "yes-no"
	InputCount  = "count"
)

// Input is a further answer that raises, caps or sets the criterion's level:
// a choice among named options, yes or no, or a count (current jobs).
// An input left unanswered changes nothing.
type Input struct {
	ID       string `yaml:"id"`
	Kind     string `yaml:"kind"`
	Question Text   `yaml:"question"`
	// Choices are the options of a choice, or the two answers yes and no
	// of a yes-no input (ids "yes" and "no").
	Choices []Choice `yaml:"choices"`
	// Unit and Counts belong to a count: each rule's range of counts with
	// its effect; a count outside every rule changes nothing.
	Unit Text `yaml:"unit"`
	// UnitOne is a count's singular unit, for exactly 1 ("1 nykyinen
	// työsuhde"), as Measure.UnitOne; optional.
	UnitOne Text        `yaml:"unit_one"`
	Counts  []CountRule `yaml:"counts"`
}

// Effect is what an answer does to the level. MinLevel raises a lower
// level (or gives one when no figure does), MaxLevel caps it, and Level
// sets it: the same as both. Raising comes first, capping last, so a cap
// always holds: the conservative reading when rules disagree.
type Effect struct {
	Level    *int `yaml:"level"`
	MinLevel *int `yaml:"min_level"`
	MaxLevel *int `yaml:"max_level"`
}

// Floor and Cap are the effect's bounds, 0 when none.
func (e Effect) Floor() int {
	switch {
	case e.Level != nil:
		return *e.Level
	case e.MinLevel != nil:
		return *e.MinLevel
	}
	return 0
}

func (e Effect) Cap() int {
	switch {
	case e.Level != nil:
		return *e.Level
	case e.MaxLevel != nil:
		return *e.MaxLevel
	}
	return 0
}

// Choice is one option of a choice or yes-no input. Text says the answer
// as a statement ("the tracking form is reviewed monthly"), for forms and
// for the explanation of a level.
type Choice struct {
	ID     string `yaml:"id"`
	Text   Text   `yaml:"text"`
	Effect `yaml:",inline"`
}

// CountRule is a range of counts and its effect.
type CountRule struct {
	Min    *float64 `yaml:"min"`
	Above  *float64 `yaml:"above"`
	Max    *float64 `yaml:"max"`
	Below  *float64 `yaml:"below"`
	Effect `yaml:",inline"`
}

// Range is the rule's span of counts.
func (r CountRule) Range() Range {
	return Range{Min: r.Min, Above: r.Above, Max: r.Max, Below: r.Below}
}

// Input returns the criterion's input with id, or nil.
func (c *Criterion) Input(id string) *Input {
	for i := range c.Inputs {
		if c.Inputs[i].ID == id {
			return &c.Inputs[i]
		}
	}
	return nil
}

// Choice returns the option with id, or nil.
func (in *Input) Choice(id string) *Choice {
	for i := range in.Choices {
		if in.Choices[i].ID == id {
			return &in.Choices[i]
		}
	}
	return nil
}

// CountRule returns the first rule whose range holds n, or nil.
func (in *Input) CountRule(n float64) *CountRule {
	for i := range in.Counts {
		if in.Counts[i].Range().Contains(n) {
			return &in.Counts[i]
		}
	}
	return nil
}

// ChoiceIDs lists the ids of the input's options.
func (in *Input) ChoiceIDs() []string {
	ids := make([]string, len(in.Choices))
	for i, ch := range in.Choices {
		ids[i] = ch.ID
	}
	return ids
}
