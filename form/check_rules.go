package form

import (
	"math"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
)

// checkRules checks an item's answers to the rating rules of criterion c
// (criteria/rules.go): a percentage given as a fraction, per-specialist
// figures, the counts of a ratio and the further inputs. It normalises
// yes-no answers to "yes" and "no".
func checkRules(it *Item, c *criteria.Criterion, ps *msg.Problems) {
	n := it.Criterion
	m := c.Measure
	if m != nil && m.Percent && it.Figure != nil {
		fraction(it.Place, n, *it.Figure, ps)
	}
	if it.Figures != nil {
		switch {
		case m == nil:
			ps.Add(it.Place, n, "form.no-measure")
		case m.PerSpecialist == "":
			ps.Add(it.Place, n, "rules.no-figures")
		case len(it.Figures) == 0:
			ps.Add(it.Place, n, "rules.figures-empty")
		default:
			for k, x := range it.Figures {
				if !m.InBounds(x) {
					ps.Add(it.Place, n, "rules.figures-item-bounds", k+1, FormatNumber(x), bounds(m))
				} else if m.Percent {
					fraction(it.Place, n, x, ps)
				}
			}
		}
	}
	if it.Counts != nil {
		checkCounts(it, m, ps)
	}
	var ways []string
	if it.Figure != nil {
		ways = append(ways, "figure")
	}
	if it.Figures != nil {
		ways = append(ways, "figures")
	}
	if it.Counts != nil {
		ways = append(ways, "counts")
	}
	if len(ways) > 1 {
		ps.Add(it.Place, n, "rules.figure-and-more", strings.Join(ways, ", "))
	}
	if it.Inputs != nil {
		checkInputs(it, c, ps)
	}
}

// fraction reports a share strictly between 0 and 1 on a percentage
// measure: almost surely a fraction, so say so and suggest the percentage.
func fraction(place msg.Place, n int, x float64, ps *msg.Problems) {
	if x > 0 && x < 1 {
		pct := math.Round(x*100*1e6) / 1e6
		ps.Add(place, n, "rules.fraction", msg.Number(x), msg.Number(pct))
	}
}

func checkCounts(it *Item, m *criteria.Measure, ps *msg.Problems) {
	n := it.Criterion
	if m == nil || m.Ratio == nil {
		ps.Add(it.Place, n, "rules.no-counts")
		return
	}
	num, den := m.Ratio.Numerator.ID, m.Ratio.Denominator.ID
	for _, id := range sortedKeys(it.Counts) {
		if id != num && id != den {
			ps.Add(it.Place, n, "rules.unknown-count", id, num, den)
		}
	}
	for _, id := range []string{num, den} {
		if _, ok := it.Counts[id]; !ok {
			ps.Add(it.Place, n, "rules.counts-missing", id, num, den)
			return
		}
	}
	if it.Counts[den] == 0 {
		ps.Add(it.Place, n, "rules.zero-denominator", den)
		return
	}
	if x := it.Counts[num] / it.Counts[den]; !m.InBounds(x) {
		ps.Add(it.Place, n, "rules.ratio-bounds", FormatNumber(x), bounds(m))
	}
}

// yes and no as people write them, in every language (the locales' words,
// msg.YesWords and NoWords).
var yesNoWords = func() map[string]string {
	m := map[string]string{
		"yes": "yes", "y": "yes", "true": "yes", "kyllä": "yes", "k": "yes", "on": "yes",
		"no": "no", "n": "no", "false": "no", "ei": "no", "off": "no",
	}
	for _, w := range msg.YesWords() {
		if _, ok := m[w]; !ok {
			m[w] = "yes"
		}
	}
	for _, w := range msg.NoWords() {
		if _, ok := m[w]; !ok {
			m[w] = "no"
		}
	}
	return m
}()

// YesNo reads a yes-no answer as "yes" or "no": yes/no, true/false,
// kyllä/ei, ja/nej and their first letters, in any case.
func YesNo(v string) (string, bool) {
	yn, ok := yesNoWords[strings.ToLower(strings.TrimSpace(v))]
	return yn, ok
}

func checkInputs(it *Item, c *criteria.Criterion, ps *msg.Problems) {
	n := it.Criterion
	if len(c.Inputs) == 0 {
		ps.Add(it.Place, n, "rules.no-inputs")
		return
	}
	ids := make([]string, len(c.Inputs))
	for i, in := range c.Inputs {
		ids[i] = in.ID
	}
	for _, id := range sortedKeys(it.Inputs) {
		v := it.Inputs[id]
		in := c.Input(id)
		if in == nil {
			ps.Add(it.Place, n, "rules.unknown-input", id, strings.Join(ids, ", "))
			continue
		}
		switch in.Kind {
		case criteria.InputYesNo:
			if yn, ok := YesNo(v); ok {
				it.Inputs[id] = yn
				continue
			}
			ps.Add(it.Place, n, "rules.bad-choice", id, v, "yes, no")
		case criteria.InputChoice:
			if in.Choice(v) == nil {
				ps.Add(it.Place, n, "rules.bad-choice", id, v, strings.Join(in.ChoiceIDs(), ", "))
			}
		case criteria.InputCount:
			if k, err := strconv.Atoi(v); err != nil || k < 0 {
				ps.Add(it.Place, n, "rules.bad-input-count", id, v)
			}
		}
	}
}
