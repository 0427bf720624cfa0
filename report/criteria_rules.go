package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
)

// The rating rules of a criterion (criteria/rules.go) as `laatu criteria
// show` writes them: scale points with the closest-point rule and ties,
// per-specialist figures, ratios, and the further questions with the
// effect of each answer.

// measurePoints writes a measure's scale points, highest level first, and
// how a figure between them is rated.
func measurePoints(w io.Writer, m *criteria.Measure, lang string, width int) {
	for j := len(m.Points) - 1; j >= 0; j-- {
		p := m.Points[j]
		fmt.Fprintf(w, "  %d  %s\n", p.Level, pointText(lang, p))
	}
	var mids []string
	for j := 0; j+1 < len(m.Points); j++ {
		// A boundary where a point meets an end range (< 2, 2) is no tie.
		if hi, lo := pointEdge(m.Points[j], true), pointEdge(m.Points[j+1], false); hi != lo {
			mids = append(mids, Figure(lang, (hi+lo)/2))
		}
	}
	key := "criteria.rules.ties-lower"
	if m.Ties == criteria.TiesHigher {
		key = "criteria.rules.ties-higher"
	}
	rule := msg.T(lang, "criteria.rules.closest")
	if len(mids) > 0 {
		rule += " " + msg.T(lang, key, strings.Join(mids, ", "))
	}
	fmt.Fprintf(w, "  %s\n", wrap(rule, width-2, "  "))
}

// pointEdge is an entry's high (or low) edge: its point, or its range's
// bound.
func pointEdge(p criteria.Point, high bool) float64 {
	if p.At != nil {
		return *p.At
	}
	for _, b := range map[bool][]*float64{true: {p.Max, p.Below}, false: {p.Min, p.Above}}[high] {
		if b != nil {
			return *b
		}
	}
	return 0
}

// pointText is one entry of a scale: "4" for a point, "≥ 6" or "< 2" for
// a range at either end.
func pointText(lang string, p criteria.Point) string {
	if p.At != nil {
		return Figure(lang, *p.At)
	}
	return RangeText(lang, criteria.Range{Min: p.Min, Above: p.Above, Max: p.Max, Below: p.Below})
}

// measureInputs says how else the figure may be given: one per specialist,
// computed from two counts, and that a share is a percentage.
func measureInputs(w io.Writer, m *criteria.Measure, lang string, width int) {
	var lines []string
	if m.PerSpecialist != "" {
		lines = append(lines, msg.T(lang, "criteria.rules.per-specialist"))
	}
	if r := m.Ratio; r != nil {
		lines = append(lines, msg.T(lang, "criteria.rules.ratio",
			r.Numerator.Name.In(lang), r.Numerator.Unit.In(lang), r.Denominator.Name.In(lang), r.Denominator.Unit.In(lang),
			r.Numerator.ID, r.Denominator.ID))
	}
	if m.Percent {
		lines = append(lines, msg.T(lang, "criteria.rules.percent"))
	}
	for _, l := range lines {
		fmt.Fprintf(w, "  %s\n", wrap(l, width-2, "  "))
	}
}

// criterionInputs writes the further questions, each answer with its
// effect on the level, and the order the effects apply in.
func criterionInputs(w io.Writer, c *criteria.Criterion, lang string, width int) {
	if len(c.Inputs) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s:\n", msg.T(lang, "criteria.rules.inputs"))
	for _, in := range c.Inputs {
		fmt.Fprintf(w, "  - %s\n    [%s]\n", wrap(in.Question.In(lang), width-4, "    "), in.ID)
		switch in.Kind {
		case criteria.InputCount:
			for _, r := range in.Counts {
				line := fmt.Sprintf("%s %s → %s", RangeText(lang, r.Range()), in.Unit.In(lang), effectText(lang, r.Effect))
				fmt.Fprintf(w, "      %s\n", wrap(line, width-6, "        "))
			}
			fmt.Fprintf(w, "      %s\n", wrap(msg.T(lang, "criteria.rules.count-other"), width-6, "        "))
		default:
			for k, ch := range in.Choices {
				mark := fmt.Sprintf("%d)", k+1)
				if in.Kind == criteria.InputYesNo {
					mark = msg.T(lang, "consensus.rules."+ch.ID) + ":"
				}
				line := fmt.Sprintf("%s %s → %s [%s]", mark, ch.Text.In(lang), effectText(lang, ch.Effect), ch.ID)
				fmt.Fprintf(w, "      %s\n", wrap(line, width-6, "        "))
			}
		}
	}
	fmt.Fprintf(w, "  %s\n", wrap(msg.T(lang, "criteria.rules.order"), width-2, "  "))
}

// effectText is an answer's effect: "enintään taso 2", "vähintään taso 5",
// "taso 1", or "ei vaikuta tasoon".
func effectText(lang string, e criteria.Effect) string {
	switch {
	case e.Level != nil:
		return msg.T(lang, "criteria.rules.effect-level", *e.Level)
	case e.MinLevel != nil && e.MaxLevel != nil:
		return msg.T(lang, "rules.explain.floor", *e.MinLevel) + ", " + msg.T(lang, "rules.explain.cap", *e.MaxLevel)
	case e.MinLevel != nil:
		return msg.T(lang, "rules.explain.floor", *e.MinLevel)
	case e.MaxLevel != nil:
		return msg.T(lang, "rules.explain.cap", *e.MaxLevel)
	}
	return msg.T(lang, "criteria.rules.effect-none")
}
