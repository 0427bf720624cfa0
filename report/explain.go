package report

import (
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// Explain renders how an implied level was reached, in lang: the steps
// joined with "→", each further answer opening a clause after "; ".
// "3,9 kontaktia viikossa → lähin asteikon kohta 4 → taso 3;
// seurantalomake käydään läpi kuukausittain".
func Explain(lang string, steps []scoring.Step) string {
	var b strings.Builder
	for i, s := range steps {
		if i > 0 {
			if s.Kind == scoring.StepInput {
				b.WriteString("; ")
			} else {
				b.WriteString(" → ")
			}
		}
		b.WriteString(stepText(lang, s))
	}
	return b.String()
}

func stepText(lang string, s scoring.Step) string {
	switch s.Kind {
	case scoring.StepFigure:
		return msg.T(lang, "rules.explain.figure", Figure(lang, s.Figure), criteria.UnitFor(s.Unit, lang, s.Figure))
	case scoring.StepMean:
		xs := make([]string, len(s.Figures))
		for i, x := range s.Figures {
			xs[i] = Figure(lang, x)
		}
		return msg.T(lang, "rules.explain.mean", msg.LocaleOf(lang).JoinFigures(xs), computed(lang, s.Figure), criteria.UnitFor(s.Unit, lang, s.Figure))
	case scoring.StepRatio:
		return msg.T(lang, "rules.explain.ratio", Figure(lang, s.Num), criteria.UnitFor(sameUnit(lang, s.NumUnit, s.Unit), lang, s.Num),
			Figure(lang, s.Den), criteria.UnitFor(s.DenUnit, lang, s.Den), computed(lang, s.Figure), criteria.UnitFor(s.Unit, lang, s.Figure))
	case scoring.StepPoint:
		if s.Tie {
			key := "rules.explain.tie"
			if s.Ties == "higher" {
				key = "rules.explain.tie-higher"
			}
			return msg.T(lang, key, Figure(lang, s.Point), Figure(lang, s.Other))
		}
		if s.Closest {
			return msg.T(lang, "rules.explain.closest-point", Figure(lang, s.Point))
		}
		return msg.T(lang, "rules.explain.point", Figure(lang, s.Point))
	case scoring.StepChecklist:
		return msg.T(lang, "rules.explain.checklist", s.Count, s.Total)
	case scoring.StepLevel:
		return msg.T(lang, "rules.explain.level", s.Level)
	case scoring.StepInput:
		if s.Count == 1 {
			return msg.T(lang, "rules.explain.figure", Figure(lang, s.Figure), criteria.UnitFor(s.Unit, lang, s.Figure))
		}
		return s.Text.In(lang)
	case scoring.StepCap:
		return msg.T(lang, "rules.explain.cap", s.Level)
	case scoring.StepFloor:
		return msg.T(lang, "rules.explain.floor", s.Level)
	case scoring.StepSet:
		return msg.T(lang, "rules.explain.set", s.Level)
	}
	return ""
}

// sameUnit is the measure's unit m, with its singular, when the count's
// unit u says the same: a count of clients for a figure of clients per
// specialist. Otherwise it is u.
func sameUnit(lang string, u, m criteria.Text) criteria.Text {
	if u.In(lang) == m.In(lang) {
		return m
	}
	return u
}

// computed formats a computed figure (a mean, a ratio) to at most two
// decimals: 23.71, 4.83. The level rests on the exact value.
func computed(lang string, x float64) string {
	s := strconv.FormatFloat(x, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return msg.LocaleOf(lang).Number(s)
}

// explained lists the items whose level used is implied, with an
// explanation.
func explained(r *scoring.Result) []scoring.ItemResult {
	var its []scoring.ItemResult
	for _, it := range r.Items {
		if it.Given == 0 && it.Implied != 0 && len(it.Steps) > 0 {
			its = append(its, it)
		}
	}
	return its
}

// conflictExplained is conflictText with the explanation of the implied
// level when that says more than "figure → level": a scale point, a mean
// of per-specialist figures, a ratio, a cap.
func conflictExplained(lang string, c scoring.ItemResult) string {
	t := conflictText(lang, c)
	if len(c.Steps) > 2 || len(c.Steps) > 0 && c.Steps[0].Kind != scoring.StepFigure {
		t += " (" + Explain(lang, c.Steps) + ")"
	}
	return t
}
