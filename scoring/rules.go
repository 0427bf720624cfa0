package scoring

import (
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
)

// BasisInputs: the level comes from a further answer alone (fewer than 10
// current jobs), with no figure or checklist.
const BasisInputs Basis = "inputs"

// StepKind names one step of how an implied level was reached.
type StepKind string

const (
	// StepFigure: the figure as given (Figure, Unit).
	StepFigure StepKind = "figure"
	// StepMean: per-specialist Figures and their mean (Figure, Unit).
	StepMean StepKind = "mean"
	// StepRatio: Num NumUnit / Den DenUnit = Figure Unit.
	StepRatio StepKind = "ratio"
	// StepPoint: the scale point the figure is rated at; Closest when the
	// figure lies between points rather than on one.
	StepPoint StepKind = "point"
	// StepChecklist: Count of Total elements present.
	StepChecklist StepKind = "checklist"
	// StepLevel: the level reached so far (Level).
	StepLevel StepKind = "level"
	// StepInput: a further answer, as a statement (Text), or a count
	// (Figure Unit, with Count 1).
	StepInput StepKind = "input"
	// StepCap, StepFloor, StepSet: the answer's effect changed the level
	// to at most, at least, or exactly Level.
	StepCap   StepKind = "cap"
	StepFloor StepKind = "floor"
	StepSet   StepKind = "set"
)

// Step is one step of an explanation. Reports render the steps in the
// reader's language, joined with "→", each input opening a clause after
// "; " ("3,9 kontaktia viikossa → lähin asteikon kohta 4 → taso 3;
// seurantalomake käydään läpi kuukausittain").
type Step struct {
	Kind    StepKind
	Figure  float64
	Figures []float64
	Unit    criteria.Text
	// Ratio's counts.
	Num, Den         float64
	NumUnit, DenUnit criteria.Text
	Point            float64
	Closest          bool
	// Tie: the figure lies exactly halfway between Point and Other; Ties
	// says which level the set gives it ("lower" or "higher").
	Tie          bool
	Other        float64
	Ties         string
	Count, Total int
	Level        int
	Text         criteria.Text
}

// Rated is an item's implied level with how it was reached.
type Rated struct {
	Level int
	Basis Basis
	// Figure is the figure the level rests on: as given, the mean of the
	// per-specialist figures, or the ratio of the counts; nil when none.
	Figure *float64
	Steps  []Step
}

// Rate applies criterion c's rules (criteria/rules.go) to the answer it:
// the figure (given, per specialist or from counts) or the checklist gives
// a level, then the further inputs raise it (min_level, level) and, last,
// cap it (max_level, level), so that a cap always holds. An unanswered
// input changes nothing. The item must have passed form.Check.
func Rate(c *criteria.Criterion, it *form.Item) Rated {
	var r Rated
	if it == nil {
		return r
	}
	if m := c.Measure; m != nil {
		if x, step, ok := ruleFigure(m, it); ok {
			if level, point, ok := m.Rate(x); ok {
				r.Level, r.Basis, r.Figure = level, BasisFigure, &x
				r.Steps = append(r.Steps, step)
				if point != nil {
					st := Step{Kind: StepPoint, Point: *point, Closest: x != *point, Ties: m.Ties}
					if st.Ties == "" {
						st.Ties = criteria.TiesLower
					}
					st.Other, st.Tie = m.Halfway(x)
					r.Steps = append(r.Steps, st)
				}
				r.Steps = append(r.Steps, Step{Kind: StepLevel, Level: level})
			}
		}
	}
	if r.Level == 0 && c.Checklist != nil && it.Checked != nil {
		n := countPresent(c, it.Checked)
		r.Level, r.Basis = c.Checklist.Level(n), BasisChecklist
		r.Steps = append(r.Steps,
			Step{Kind: StepChecklist, Count: n, Total: len(c.Checklist.Elements)},
			Step{Kind: StepLevel, Level: r.Level})
	}
	applyInputs(c, it, &r)
	if r.Level == 0 {
		r.Basis, r.Steps = BasisNone, nil
	}
	return r
}

// ruleFigure returns the item's figure for measure m and the step that says
// where it comes from.
func ruleFigure(m *criteria.Measure, it *form.Item) (float64, Step, bool) {
	switch {
	case len(it.Figures) > 0 && m.PerSpecialist == criteria.CombineMean:
		sum := 0.0
		for _, x := range it.Figures {
			sum += x
		}
		x := sum / float64(len(it.Figures))
		return x, Step{Kind: StepMean, Figures: append([]float64(nil), it.Figures...), Figure: x, Unit: m.Unit}, true
	case it.Counts != nil && m.Ratio != nil:
		num, okN := it.Counts[m.Ratio.Numerator.ID]
		den, okD := it.Counts[m.Ratio.Denominator.ID]
		if !okN || !okD || den == 0 {
			return 0, Step{}, false
		}
		x := num / den
		return x, Step{Kind: StepRatio, Num: num, Den: den, NumUnit: m.Ratio.Numerator.Unit, DenUnit: m.Ratio.Denominator.Unit, Figure: x, Unit: m.Unit}, true
	case it.Figure != nil:
		return *it.Figure, Step{Kind: StepFigure, Figure: *it.Figure, Unit: m.Unit}, true
	}
	return 0, Step{}, false
}

// answered is one input's answer with its effect.
type answered struct {
	step   Step
	effect criteria.Effect
	shown  bool
}

func applyInputs(c *criteria.Criterion, it *form.Item, r *Rated) {
	var as []*answered
	for i := range c.Inputs {
		in := &c.Inputs[i]
		v, ok := it.Inputs[in.ID]
		if !ok {
			continue
		}
		switch in.Kind {
		case criteria.InputChoice, criteria.InputYesNo:
			if yn, ok := form.YesNo(v); ok && in.Kind == criteria.InputYesNo {
				v = yn
			}
			if ch := in.Choice(v); ch != nil {
				as = append(as, &answered{step: Step{Kind: StepInput, Text: ch.Text}, effect: ch.Effect})
			}
		case criteria.InputCount:
			n, ok := form.ParseNumber(v)
			if !ok {
				continue
			}
			a := &answered{step: Step{Kind: StepInput, Figure: n, Unit: in.Unit, Count: 1}}
			if rule := in.CountRule(n); rule != nil {
				a.effect = rule.Effect
			}
			as = append(as, a)
		}
	}
	change := func(a *answered, kind StepKind, level int) {
		if !a.shown {
			r.Steps = append(r.Steps, a.step)
			a.shown = true
		}
		r.Level = level
		r.Steps = append(r.Steps, Step{Kind: kind, Level: level})
		if kind != StepSet {
			r.Steps = append(r.Steps, Step{Kind: StepLevel, Level: level})
		}
		if r.Basis == BasisNone {
			r.Basis = BasisInputs
		}
	}
	kindOf := func(e criteria.Effect, k StepKind) StepKind {
		if e.Level != nil {
			return StepSet
		}
		return k
	}
	// Raise first…
	for _, a := range as {
		if f := a.effect.Floor(); f > 0 && r.Level < f {
			change(a, kindOf(a.effect, StepFloor), f)
		}
	}
	// …then cap, so that a cap always holds.
	for _, a := range as {
		if cp := a.effect.Cap(); cp > 0 && r.Level > cp {
			change(a, kindOf(a.effect, StepCap), cp)
		}
	}
	// Answers that changed nothing are still said, when there is a level
	// for them to qualify.
	if r.Level == 0 {
		return
	}
	for _, a := range as {
		if !a.shown {
			r.Steps = append(r.Steps, a.step)
			a.shown = true
		}
	}
}
