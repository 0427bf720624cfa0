package criteria

import (
	"math"

	"github.com/laatu-fi/laatu/msg"
)

// Measure is a figure that implies a level: clients per coach, a share of
// working time, days to the first employer contact.
type Measure struct {
	Name Text `yaml:"name"`
	Unit Text `yaml:"unit"`
	// UnitOne is the unit's singular, used for a figure of exactly 1
	// ("1 kontakti viikossa", "1 contact a week"); optional, and needed
	// only where the singular differs.
	UnitOne Text `yaml:"unit_one"`
	// Min and Max bound the values that make sense (0, 100 for a share).
	Min    *float64 `yaml:"min"`
	Max    *float64 `yaml:"max"`
	Levels []Range  `yaml:"levels"`

	// Points, instead of Levels, gives the scale as the published form
	// does: scale points rated at the closest point, with a range at
	// either end ("below 2", "6 or more"). Loading turns them into the
	// equivalent Levels, split halfway between neighbours; Ties says which
	// side takes a figure exactly halfway ("lower", the default, or
	// "higher" level). See rules.go.
	Points []Point `yaml:"points"`
	Ties   string  `yaml:"ties"`
	// Percent marks a share given as 0–100: a figure strictly between 0
	// and 1 is taken for a fraction typed by mistake and refused.
	Percent bool `yaml:"percent"`
	// PerSpecialist says how one figure per employment specialist is
	// combined into the criterion's figure: "mean", or "" when the
	// criterion takes only one figure.
	PerSpecialist string `yaml:"per_specialist"`
	// Ratio lets the figure be computed from two counts a manager knows,
	// e.g. clients / full-time equivalents.
	Ratio *Ratio `yaml:"ratio"`
}

// oneKey is the key under which a loaded unit (a measure's, a ratio
// count's, a count input's) carries the singular of lang, so that
// everything handed the unit (the steps of an explanation, the interview)
// has its singular too. Text.In never returns it: no language is called
// "fi/1". The set file states the singular as unit_one beside unit.
func oneKey(lang string) string { return lang + "/1" }

// joinUnitOne copies the measure's singular forms into Unit (see oneKey).
// Loading calls it; doing it again changes nothing.
func (m *Measure) joinUnitOne() { joinOne(&m.Unit, m.UnitOne) }

// joinOne copies the singular forms one into *unit (see oneKey).
func joinOne(unit *Text, one Text) {
	if len(one) == 0 {
		return
	}
	if *unit == nil {
		*unit = Text{}
	}
	for l, t := range one {
		if t != "" {
			(*unit)[oneKey(l)] = t
		}
	}
}

// UnitFor returns unit in lang for the figure x: its singular when x is
// exactly 1 and the unit has one ("1 kontakti viikossa"), else the usual
// form ("2 kontaktia viikossa").
func UnitFor(unit Text, lang string, x float64) string {
	if x == 1 {
		for _, l := range msg.Chain(lang) {
			if _, ok := unit[l]; !ok {
				continue
			}
			if one := unit[oneKey(l)]; one != "" {
				return one
			}
			break
		}
	}
	return unit.In(lang)
}

// Range is the span of figures that implies one level. Each bound is
// optional; Min and Max include their value, Above and Below exclude it, so
// "over 20 and at most 25" is {Above: 20, Max: 25}.
type Range struct {
	Level int      `yaml:"level"`
	Min   *float64 `yaml:"min"`
	Above *float64 `yaml:"above"`
	Max   *float64 `yaml:"max"`
	Below *float64 `yaml:"below"`
}

// Contains reports whether x lies in the range.
func (r Range) Contains(x float64) bool {
	return (r.Min == nil || x >= *r.Min) &&
		(r.Above == nil || x > *r.Above) &&
		(r.Max == nil || x <= *r.Max) &&
		(r.Below == nil || x < *r.Below)
}

// InBounds reports whether x is a value the measure can take.
func (m *Measure) InBounds(x float64) bool {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return false
	}
	return (m.Min == nil || x >= *m.Min) && (m.Max == nil || x <= *m.Max)
}

// Level returns the level the figure x implies, and false when x is outside
// the measure's bounds.
func (m *Measure) Level(x float64) (int, bool) {
	if !m.InBounds(x) {
		return 0, false
	}
	for _, r := range m.Levels {
		if r.Contains(x) {
			return r.Level, true
		}
	}
	return 0, false
}

// Span returns the range of figures that implies level, or nil.
func (m *Measure) Span(level int) *Range {
	for i := range m.Levels {
		if m.Levels[i].Level == level {
			return &m.Levels[i]
		}
	}
	return nil
}

// Checklist is a list of elements; how many are present implies the level.
type Checklist struct {
	Elements []Element `yaml:"elements"`
	// LevelsByCount[n] is the level when n elements are present.
	LevelsByCount []int `yaml:"levels_by_count"`
}

// Element is one item of a checklist.
type Element struct {
	ID   string `yaml:"id"`
	Text Text   `yaml:"text"`
}

// Level returns the level implied by count elements present.
func (c *Checklist) Level(count int) int {
	if count < 0 || count >= len(c.LevelsByCount) {
		return 0
	}
	return c.LevelsByCount[count]
}

// Has reports whether the checklist has an element with id.
func (c *Checklist) Has(id string) bool {
	for _, e := range c.Elements {
		if e.ID == id {
			return true
		}
	}
	return false
}

// MinCount returns the fewest elements that imply level, or -1.
func (c *Checklist) MinCount(level int) int {
	for n, l := range c.LevelsByCount {
		if l >= level {
			return n
		}
	}
	return -1
}
