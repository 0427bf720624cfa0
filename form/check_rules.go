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
// yes-no answers to "yes" and "no". kind is the kind of file (inputKind):
// a workbook's or CSV file's problems name the cell of the answer and the
// template's words rather than the YAML keys, and names its columns as
// the file does (names).
func checkRules(it *Item, c *criteria.Criterion, kind string, names *FileNames, ps *msg.Problems) {
	n := it.Criterion
	yaml := kind == "yaml"
	key := func(k string) string {
		if yaml {
			return k
		}
		return k + ".sheet"
	}
	m := c.Measure
	if m != nil && m.Percent && it.Figure != nil {
		fraction(it.Place, n, *it.Figure, ps)
	}
	if it.Figures != nil {
		switch {
		case m == nil:
			ps.Add(it.Place, n, "form.no-measure")
		case m.PerSpecialist == "":
			ps.Add(it.rulePlace(figuresKey(1)), n, key("rules.no-figures"))
		case len(it.Figures) == 0:
			ps.Add(it.Place, n, "rules.figures-empty")
		default:
			for k, x := range it.Figures {
				if !m.InBounds(x) {
					ps.Add(it.rulePlace(figuresKey(k+1)), n, "rules.figures-item-bounds", k+1, FormatNumber(x), bounds(m))
				} else if m.Percent {
					fraction(it.rulePlace(figuresKey(k+1)), n, x, ps)
				}
			}
		}
	}
	if it.Counts != nil {
		checkCounts(it, m, yaml, ps)
	}
	var ways []string
	var named labelList
	if it.Figure != nil {
		ways = append(ways, "figure")
		if kind == "csv" {
			named = append(named, names.label("sheet.csv.col.figure", csvFigure))
		} else {
			named = append(named, names.label("sheet.col.figure", colFigure))
		}
	}
	if it.Figures != nil {
		ways = append(ways, "figures")
		named = append(named, msg.M("rules.way.figures"))
	}
	if it.Counts != nil {
		ways = append(ways, "counts")
		named = append(named, msg.M("rules.way.counts"))
	}
	if len(ways) > 1 {
		if yaml {
			ps.Add(it.Place, n, "rules.figure-and-more", strings.Join(ways, ", "))
		} else {
			// At the cell of the second way given: the first figure per
			// specialist or the first count.
			place := it.rulePlace(figuresKey(1))
			if it.Figure == nil || it.Figures == nil {
				place = it.rulePlace(countKey(firstKey(it.Counts)))
			}
			ps.Add(place, n, "rules.figure-and-more", named)
		}
	}
	if it.Inputs != nil {
		checkInputs(it, c, yaml, ps)
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

// checkCounts checks the counts of a ratio; in a workbook or CSV file
// (yaml false) a count is named by its label and each problem stands at
// the count's cell.
func checkCounts(it *Item, m *criteria.Measure, yaml bool, ps *msg.Problems) {
	n := it.Criterion
	if m == nil || m.Ratio == nil {
		if yaml {
			ps.Add(it.Place, n, "rules.no-counts")
		} else {
			ps.Add(it.rulePlace(countKey(firstKey(it.Counts))), n, "rules.no-counts.sheet")
		}
		return
	}
	r := m.Ratio
	num, den := r.Numerator.ID, r.Denominator.ID
	for _, id := range sortedKeys(it.Counts) {
		if id != num && id != den {
			ps.Add(it.rulePlace(countKey(id)), n, "rules.unknown-count", id, num, den)
		}
	}
	for _, cn := range []criteria.Count{r.Numerator, r.Denominator} {
		if _, ok := it.Counts[cn.ID]; !ok {
			if yaml {
				ps.Add(it.Place, n, "rules.counts-missing", cn.ID, num, den)
			} else {
				ps.Add(it.rulePlace(countKey(cn.ID)), n, "rules.counts-missing.sheet", cn.Name)
			}
			return
		}
	}
	if it.Counts[den] == 0 {
		if yaml {
			ps.Add(it.Place, n, "rules.zero-denominator", den)
		} else {
			ps.Add(it.rulePlace(countKey(den)), n, "rules.zero-denominator.sheet", r.Denominator.Name)
		}
		return
	}
	if x := it.Counts[num] / it.Counts[den]; !m.InBounds(x) {
		ps.Add(it.rulePlace(countKey(num)), n, "rules.ratio-bounds", FormatNumber(x), bounds(m))
	}
}

// firstKey is the first of the map's keys in order, or "".
func firstKey[V any](m map[string]V) string {
	if ks := sortedKeys(m); len(ks) > 0 {
		return ks[0]
	}
	return ""
}

// labelList names the ways a figure was given, in the reader's words.
type labelList []interface{ In(lang string) string }

func (ls labelList) In(lang string) string {
	s := make([]string, len(ls))
	for i, l := range ls {
		s[i] = msg.T(lang, "rules.way.quoted", l.In(lang))
	}
	return strings.Join(s, ", ")
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

// checkInputs checks the answers to the further questions; in a
// workbook or CSV file (yaml false) a question is named by its text and
// each problem stands at the answer's cell.
func checkInputs(it *Item, c *criteria.Criterion, yaml bool, ps *msg.Problems) {
	n := it.Criterion
	if len(c.Inputs) == 0 {
		if yaml {
			ps.Add(it.Place, n, "rules.no-inputs")
		} else {
			ps.Add(it.rulePlace(inputKey(firstKey(it.Inputs))), n, "rules.no-inputs.sheet")
		}
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
			ps.Add(it.rulePlace(inputKey(id)), n, "rules.unknown-input", id, strings.Join(ids, ", "))
			continue
		}
		place := it.rulePlace(inputKey(id))
		var name any = id
		badChoice, badCount := "rules.bad-choice", "rules.bad-input-count"
		if !yaml {
			name = in.Question
			badChoice, badCount = "rules.bad-choice.sheet", "rules.bad-input-count.sheet"
		}
		switch in.Kind {
		case criteria.InputYesNo:
			if yn, ok := YesNo(v); ok {
				it.Inputs[id] = yn
				continue
			}
			ps.Add(place, n, badChoice, name, v, "yes, no")
		case criteria.InputChoice:
			if in.Choice(v) == nil {
				ps.Add(place, n, badChoice, name, v, strings.Join(in.ChoiceIDs(), ", "))
			}
		case criteria.InputCount:
			if k, err := strconv.Atoi(v); err != nil || k < 0 {
				ps.Add(place, n, badCount, name, v)
			}
		}
	}
}
