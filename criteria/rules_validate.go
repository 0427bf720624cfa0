package criteria

import (
	"math"
	"strings"

	"github.com/laatu-fi/laatu/msg"
)

// rules checks the rating rules of criterion i (rules.go) and turns scale
// points into the equivalent Levels, so that the range checks of measure
// then see them like any other measure's ranges. It runs before measure.
func (v *validator) rules(i int, c *Criterion) {
	n := c.Number
	if m := c.Measure; m != nil {
		at := func(path ...any) msg.Place {
			return v.doc.Place(append([]any{"criteria", i, "measure"}, path...)...)
		}
		switch m.Ties {
		case "", TiesLower, TiesHigher:
		default:
			v.add(at("ties"), n, "rules.bad-ties", m.Ties)
		}
		if len(m.Points) > 0 {
			if len(m.Levels) > 0 {
				v.add(at(), n, "rules.points-and-levels")
			} else if v.points(at, n, m.Points) {
				m.Levels = pointRanges(m.Points, m.Ties)
			} else {
				// The points' faults are reported; one range over all
				// figures keeps measure from adding "levels is missing".
				m.Levels = []Range{{Level: MinLevel}}
			}
		}
		if m.Percent && (m.Min == nil || *m.Min != 0 || m.Max == nil || *m.Max != 100) {
			v.add(at("percent"), n, "rules.percent-bounds")
		}
		switch m.PerSpecialist {
		case "", CombineMean:
		default:
			v.add(at("per_specialist"), n, "rules.bad-combine", m.PerSpecialist, CombineMean)
		}
		if r := m.Ratio; r != nil {
			for k, cp := range []*Count{&r.Numerator, &r.Denominator} {
				cn := *cp
				field := [2]string{"numerator", "denominator"}[k]
				place := at("ratio", field)
				if cn.ID == "" {
					v.add(place, n, "criteria.missing", "ratio "+field+" id")
				} else if !idRe(cn.ID) {
					v.add(place, n, "criteria.bad-id", cn.ID)
				}
				v.text(place, n, "ratio "+field+" name", cn.Name, true)
				v.text(place, n, "ratio "+field+" unit", cn.Unit, true)
				v.text(place, n, "ratio "+field+" unit_one", cn.UnitOne, false)
				joinOne(&cp.Unit, cp.UnitOne)
			}
			if r.Numerator.ID != "" && r.Numerator.ID == r.Denominator.ID {
				v.add(at("ratio"), n, "rules.duplicate-input", r.Numerator.ID)
			}
		}
	}
	seen := map[string]bool{}
	if m := c.Measure; m != nil && m.Ratio != nil {
		seen[m.Ratio.Numerator.ID], seen[m.Ratio.Denominator.ID] = true, true
	}
	for j := range c.Inputs {
		v.input(i, j, c, seen)
	}
}

// idRe accepts input and count ids: lower-case words joined by _ or -.
func idRe(id string) bool {
	if id == "" || id[0] < 'a' || id[0] > 'z' {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

// points checks scale points: levels 1–5, each entry a point (at) or a
// range open at the scale's end, in rising order of figure without overlap.
// It reports whether they can be turned into ranges.
func (v *validator) points(at func(...any) msg.Place, n int, ps []Point) bool {
	ok := true
	prevHi, prevHiIn := math.Inf(-1), false
	for j, p := range ps {
		place := at("points", j)
		if p.Level < MinLevel || p.Level > MaxLevel {
			v.add(place, n, "criteria.range-level", p.Level, MinLevel, MaxLevel)
			ok = false
		}
		bounds := 0
		for _, b := range []*float64{p.Min, p.Above, p.Max, p.Below} {
			if b != nil {
				bounds++
			}
		}
		switch {
		case p.At != nil && bounds > 0:
			v.add(place, n, "rules.point-and-range")
			ok = false
			continue
		case p.At == nil && bounds == 0:
			v.add(place, n, "rules.point-empty")
			ok = false
			continue
		case p.Min != nil && p.Above != nil, p.Max != nil && p.Below != nil:
			v.add(place, n, "rules.point-two-bounds")
			ok = false
			continue
		case p.At == nil && bounds == 2:
			v.add(place, n, "rules.point-closed-range")
			ok = false
			continue
		}
		lo, loIn, hi, hiIn := p.edges()
		// A range open upwards may only be the last entry, one open
		// downwards only the first.
		if (math.IsInf(hi, 1) && j != len(ps)-1) || (math.IsInf(lo, -1) && j != 0) {
			v.add(place, n, "rules.point-open-inside")
			ok = false
			continue
		}
		if j > 0 && (lo < prevHi || lo == prevHi && loIn && prevHiIn) {
			v.add(place, n, "rules.point-order")
			ok = false
		}
		prevHi, prevHiIn = hi, hiIn
	}
	return ok
}

// input checks the criterion's input j.
func (v *validator) input(i, j int, c *Criterion, seen map[string]bool) {
	in := &c.Inputs[j]
	n := c.Number
	at := func(path ...any) msg.Place {
		return v.doc.Place(append([]any{"criteria", i, "inputs", j}, path...)...)
	}
	switch {
	case in.ID == "":
		v.add(at(), n, "criteria.missing", "id")
	case !idRe(in.ID):
		v.add(at("id"), n, "criteria.bad-id", in.ID)
	case seen[in.ID]:
		v.add(at("id"), n, "rules.duplicate-input", in.ID)
	}
	seen[in.ID] = true
	v.text(at(), n, "question", in.Question, true)
	effect := func(place msg.Place, e Effect) {
		if e.Level != nil && (e.MinLevel != nil || e.MaxLevel != nil) {
			v.add(place, n, "rules.effect-level-and-bound")
		}
		for _, l := range []*int{e.Level, e.MinLevel, e.MaxLevel} {
			if l != nil && (*l < MinLevel || *l > MaxLevel) {
				v.add(place, n, "criteria.range-level", *l, MinLevel, MaxLevel)
			}
		}
		if e.MinLevel != nil && e.MaxLevel != nil && *e.MinLevel > *e.MaxLevel {
			v.add(place, n, "rules.effect-empty", *e.MinLevel, *e.MaxLevel)
		}
	}
	switch in.Kind {
	case InputChoice, InputYesNo:
		if len(in.Counts) > 0 || len(in.Unit) > 0 || len(in.UnitOne) > 0 {
			v.add(at(), n, "rules.counts-not-count", in.Kind)
		}
		if len(in.Choices) == 0 {
			v.add(at(), n, "criteria.missing", "choices")
		}
		ids := map[string]bool{}
		for k, ch := range in.Choices {
			place := at("choices", k)
			switch {
			case ch.ID == "":
				v.add(place, n, "criteria.missing", "id")
			case !idRe(ch.ID):
				v.add(place, n, "criteria.bad-id", ch.ID)
			case ids[ch.ID]:
				v.add(place, n, "rules.duplicate-choice", ch.ID)
			}
			ids[ch.ID] = true
			v.text(place, n, "text", ch.Text, true)
			effect(place, ch.Effect)
		}
		if in.Kind == InputYesNo && (len(in.Choices) != 2 || !ids["yes"] || !ids["no"]) {
			v.add(at("choices"), n, "rules.yes-no-choices")
		}
	case InputCount:
		if len(in.Choices) > 0 {
			v.add(at("choices"), n, "rules.choices-not-choice")
		}
		v.text(at(), n, "unit", in.Unit, true)
		v.text(at(), n, "unit_one", in.UnitOne, false)
		joinOne(&in.Unit, in.UnitOne)
		if len(in.Counts) == 0 {
			v.add(at(), n, "criteria.missing", "counts")
		}
		for k, r := range in.Counts {
			place := at("counts", k)
			if r.Min != nil && r.Above != nil || r.Max != nil && r.Below != nil {
				v.add(place, n, "rules.point-two-bounds")
			}
			if r.Min == nil && r.Above == nil && r.Max == nil && r.Below == nil {
				v.add(place, n, "rules.point-empty")
			}
			if r.Floor() == 0 && r.Cap() == 0 {
				v.add(place, n, "rules.no-effect")
			}
			effect(place, r.Effect)
		}
	case "":
		v.add(at(), n, "criteria.missing", "kind")
	default:
		v.add(at("kind"), n, "rules.bad-kind", in.Kind, strings.Join([]string{InputChoice, InputYesNo, InputCount}, ", "))
	}
}
