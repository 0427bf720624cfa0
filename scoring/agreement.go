package scoring

import (
	"maps"
	"slices"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
)

// Inter-rater agreement for fidelity reviews, where two or more raters score
// the same service on their own before agreeing a consensus level.
//
// The figures rest only on the criteria every rater gave a level: a
// criterion one rater left open says nothing about how well they agree.

// KappaMethod names the chance-corrected agreement statistic used.
type KappaMethod string

const (
	// KappaCohenQuadratic is Cohen's weighted kappa with quadratic weights
	// (Cohen 1968), for exactly two raters. The levels are ordinal, so a
	// difference of two levels counts four times a difference of one.
	KappaCohenQuadratic KappaMethod = "cohen-quadratic"
	// KappaFleiss is Fleiss' kappa (Fleiss 1971), for three or more raters.
	// It is unweighted: any two different levels count as disagreement.
	KappaFleiss KappaMethod = "fleiss"
)

// KappaUndefined says why a kappa could not be computed.
type KappaUndefined string

const (
	// UndefinedTooFewRaters: agreement needs at least two raters.
	UndefinedTooFewRaters KappaUndefined = "too-few-raters"
	// UndefinedNoCriteria: no criterion was rated by every rater.
	UndefinedNoCriteria KappaUndefined = "no-criteria"
	// UndefinedConstant: every rating is the same level, so the agreement
	// expected by chance is already complete and kappa is 0/0. Exact
	// agreement is then 100 %, but kappa cannot say whether it is better
	// than chance.
	UndefinedConstant KappaUndefined = "constant"
)

// Kappa is a chance-corrected agreement figure. When Defined is false,
// Value is meaningless and Undefined says why; it is never reported as 0.
type Kappa struct {
	Method  KappaMethod
	Defined bool
	Value   float64
	// Observed and Expected are the agreement observed and the agreement
	// expected by chance, each 0–1; Value = (Observed − Expected) /
	// (1 − Expected). For Cohen's weighted kappa they are weighted
	// agreements, for Fleiss' kappa P̄ and P̄e.
	Observed  float64
	Expected  float64
	Undefined KappaUndefined
}

// Agreement is how closely raters agree over the criteria they all rated.
type Agreement struct {
	Raters int
	// Criteria counts the criteria looked at; N of them were rated by every
	// rater, and every figure below rests on those N.
	Criteria int
	N        int
	// ExactCount criteria got the same level from every rater, and
	// WithinOneCount differ by at most one level (highest − lowest ≤ 1).
	ExactCount     int
	WithinOneCount int
	Kappa          Kappa
}

// Exact is the share (0–1) of the N criteria with the same level from every
// rater; ok is false when N is 0.
func (a Agreement) Exact() (share float64, ok bool) { return a.share(a.ExactCount) }

// WithinOne is the share (0–1) of the N criteria where the levels differ by
// at most one; ok is false when N is 0.
func (a Agreement) WithinOne() (share float64, ok bool) { return a.share(a.WithinOneCount) }

func (a Agreement) share(count int) (float64, bool) {
	if a.N == 0 {
		return 0, false
	}
	return float64(count) / float64(a.N), true
}

// Agree computes the agreement of raters over criteria. ratings holds one
// row per criterion and one column per rater; 0 means the rater gave the
// criterion no level. Rows shorter than the longest row lack the missing
// raters' levels. With two raters the kappa is Cohen's quadratic-weighted
// kappa, with three or more Fleiss' kappa.
func Agree(ratings [][]int) Agreement {
	raters := 0
	for _, row := range ratings {
		raters = max(raters, len(row))
	}
	a := Agreement{Raters: raters, Criteria: len(ratings)}
	var complete [][]int
	for _, row := range ratings {
		if len(row) < raters || raters == 0 || hasZero(row) {
			continue
		}
		complete = append(complete, row)
		lo, hi := spread(row)
		if lo == hi {
			a.ExactCount++
		}
		if hi-lo <= 1 {
			a.WithinOneCount++
		}
	}
	a.N = len(complete)
	switch {
	case raters < 2:
		a.Kappa = Kappa{Undefined: UndefinedTooFewRaters}
	case raters == 2:
		a.Kappa = cohenQuadratic(complete)
	default:
		a.Kappa = fleiss(complete, raters)
	}
	return a
}

func hasZero(row []int) bool {
	for _, l := range row {
		if l == 0 {
			return true
		}
	}
	return false
}

// spread returns the lowest and highest level in row.
func spread(row []int) (lo, hi int) {
	lo, hi = row[0], row[0]
	for _, l := range row[1:] {
		lo, hi = min(lo, l), max(hi, l)
	}
	return lo, hi
}

// cohenQuadratic computes Cohen's weighted kappa with quadratic
// disagreement weights (i − j)² for two raters:
//
//	κw = 1 − N · Σ(a − b)² / Σᵢⱼ cAᵢ · cBⱼ · (i − j)²
//
// where cAᵢ counts how often rater A gave level i. The sums are integers,
// so "expected disagreement is zero" (both raters gave one and the same
// level throughout) is detected exactly. The weights are scaled by
// (k − 1)² = 16 only to report Observed and Expected as agreements; the
// scale cancels in κ.
func cohenQuadratic(rows [][]int) Kappa {
	k := Kappa{Method: KappaCohenQuadratic}
	n := len(rows)
	if n == 0 {
		k.Undefined = UndefinedNoCriteria
		return k
	}
	countA, countB := map[int]int{}, map[int]int{}
	observed := 0
	for _, r := range rows {
		d := r[0] - r[1]
		observed += d * d
		countA[r[0]]++
		countB[r[1]]++
	}
	expected := 0
	for i, ci := range countA {
		for j, cj := range countB {
			expected += ci * cj * (i - j) * (i - j)
		}
	}
	if expected == 0 {
		k.Undefined = UndefinedConstant
		return k
	}
	scale := float64(levelSpan * levelSpan)
	do := float64(observed) / float64(n)
	de := float64(expected) / float64(n*n)
	k.Defined = true
	k.Value = 1 - do/de
	k.Observed = 1 - do/scale
	k.Expected = 1 - de/scale
	return k
}

// levelSpan is k − 1 for the scale's k levels.
const levelSpan = criteria.MaxLevel - criteria.MinLevel

// fleiss computes Fleiss' kappa for m raters over rows:
//
//	Pᵢ = Σⱼ nᵢⱼ(nᵢⱼ − 1) / (m(m − 1))   agreement on criterion i
//	P̄ = mean of Pᵢ;  pⱼ = Σᵢ nᵢⱼ / (N·m);  P̄e = Σⱼ pⱼ²
//	κ = (P̄ − P̄e) / (1 − P̄e)
//
// where nᵢⱼ counts the raters who gave criterion i level j. P̄e = 1 exactly
// when every rating is the same level; that is decided on the counts, not
// on the floating-point sum.
func fleiss(rows [][]int, m int) Kappa {
	k := Kappa{Method: KappaFleiss}
	n := len(rows)
	if n == 0 {
		k.Undefined = UndefinedNoCriteria
		return k
	}
	totals := map[int]int{}
	pairs := 0
	for _, r := range rows {
		counts := map[int]int{}
		for _, l := range r {
			counts[l]++
			totals[l]++
		}
		for _, c := range counts {
			pairs += c * (c - 1)
		}
	}
	if len(totals) == 1 {
		k.Undefined = UndefinedConstant
		return k
	}
	// Sum in level order so that the result does not depend on map order.
	levels := slices.Sorted(maps.Keys(totals))
	all := float64(n * m)
	pe := 0.0
	for _, l := range levels {
		p := float64(totals[l]) / all
		pe += p * p
	}
	po := float64(pairs) / float64(n*m*(m-1))
	k.Defined = true
	k.Observed, k.Expected = po, pe
	k.Value = (po - pe) / (1 - pe)
	return k
}

// The answers of the rating rules (criteria/rules.go) between raters: the
// consensus draft keeps an answer the raters gave alike and none they gave
// differently, which the report lists with every rater's answer.

// Kinds of rule answer.
const (
	AnswerFigures = "figures" // the per-specialist figures
	AnswerCounts  = "counts"  // the two counts of a ratio
	AnswerInput   = "input"   // one further question, by ID
)

// AnswerDiff is one rule answer the raters gave differently (or some gave
// and some did not). Answers are the raters' answers to the criterion, in
// the raters' order, nil where a rater left the criterion out.
type AnswerDiff struct {
	Kind    string
	ID      string
	Answers []*form.Item
}

// RuleAnswers compares the raters' answers to the rating rules of one
// criterion: agreed holds what every rater answered alike (Figures, Counts,
// and Inputs by id), diffs what they answered differently. An answer no
// rater gave is in neither.
func RuleAnswers(answers []*form.Item) (agreed form.Item, diffs []AnswerDiff) {
	get := func(f func(*form.Item) bool) (any bool, all bool) {
		all = len(answers) > 0
		for _, a := range answers {
			if a != nil && f(a) {
				any = true
			} else {
				all = false
			}
		}
		return any, all
	}
	if some, all := get(func(a *form.Item) bool { return len(a.Figures) > 0 }); some {
		if all && sameAll(answers, func(a, b *form.Item) bool { return slices.Equal(a.Figures, b.Figures) }) {
			agreed.Figures = slices.Clone(answers[0].Figures)
		} else {
			diffs = append(diffs, AnswerDiff{Kind: AnswerFigures, Answers: answers})
		}
	}
	if some, all := get(func(a *form.Item) bool { return len(a.Counts) > 0 }); some {
		if all && sameAll(answers, func(a, b *form.Item) bool { return maps.Equal(a.Counts, b.Counts) }) {
			agreed.Counts = maps.Clone(answers[0].Counts)
		} else {
			diffs = append(diffs, AnswerDiff{Kind: AnswerCounts, Answers: answers})
		}
	}
	ids := map[string]bool{}
	for _, a := range answers {
		if a != nil {
			for id := range a.Inputs {
				ids[id] = true
			}
		}
	}
	for _, id := range slices.Sorted(maps.Keys(ids)) {
		_, all := get(func(a *form.Item) bool { _, ok := a.Inputs[id]; return ok })
		if all && sameAll(answers, func(a, b *form.Item) bool { return a.Inputs[id] == b.Inputs[id] }) {
			if agreed.Inputs == nil {
				agreed.Inputs = map[string]string{}
			}
			agreed.Inputs[id] = answers[0].Inputs[id]
		} else {
			diffs = append(diffs, AnswerDiff{Kind: AnswerInput, ID: id, Answers: answers})
		}
	}
	return agreed, diffs
}

func sameAll(answers []*form.Item, eq func(a, b *form.Item) bool) bool {
	for _, a := range answers[1:] {
		if !eq(answers[0], a) {
			return false
		}
	}
	return true
}

// Name says which answer of criterion c differs: "valmentajien luvut",
// "lukumäärät", or the further question.
func (d AnswerDiff) Name(lang string, c *criteria.Criterion) string {
	switch d.Kind {
	case AnswerFigures:
		return msg.T(lang, "consensus.rules.figures")
	case AnswerCounts:
		return msg.T(lang, "consensus.rules.counts")
	}
	if in := c.Input(d.ID); in != nil && in.Question.In(lang) != "" {
		return in.Question.In(lang)
	}
	return d.ID
}

// Text is rater i's answer as its readers write it: "5; 6; 3,5",
// "83 asiakasta / 3,5 htv", a choice's statement, kyllä, a count with its
// unit; "–" when the rater gave none.
func (d AnswerDiff) Text(lang string, c *criteria.Criterion, i int) string {
	a := d.Answers[i]
	none := msg.T(lang, "consensus.rules.none")
	if a == nil {
		return none
	}
	switch d.Kind {
	case AnswerFigures:
		if len(a.Figures) == 0 {
			return none
		}
		xs := make([]string, len(a.Figures))
		for k, x := range a.Figures {
			xs[k] = figureText(lang, x)
		}
		return strings.Join(xs, "; ")
	case AnswerCounts:
		m := c.Measure
		if len(a.Counts) == 0 || m == nil || m.Ratio == nil {
			return none
		}
		num, den := a.Counts[m.Ratio.Numerator.ID], a.Counts[m.Ratio.Denominator.ID]
		return figureText(lang, num) + " " + m.Ratio.Numerator.Unit.In(lang) + " / " + figureText(lang, den) + " " + m.Ratio.Denominator.Unit.In(lang)
	}
	v, ok := a.Inputs[d.ID]
	if !ok {
		return none
	}
	if in := c.Input(d.ID); in != nil {
		switch in.Kind {
		case criteria.InputChoice:
			if ch := in.Choice(v); ch != nil {
				return ch.Text.In(lang)
			}
		case criteria.InputYesNo:
			if yn, ok := form.YesNo(v); ok {
				return msg.T(lang, "consensus.rules."+yn)
			}
		case criteria.InputCount:
			return v + " " + in.Unit.In(lang)
		}
	}
	return v
}

// ruleExtras is what rater i's part of a draft note adds about the rule
// answers the raters gave differently: "tracking: seurantalomake käydään
// läpi kuukausittain".
func ruleExtras(lang string, c *criteria.Criterion, diffs []AnswerDiff, i int) []string {
	var extras []string
	for _, d := range diffs {
		if t := d.Text(lang, c, i); t != msg.T(lang, "consensus.rules.none") {
			extras = append(extras, d.Name(lang, c)+" "+t)
		}
	}
	return extras
}

// agreedAsDiffs turns agreed rule answers into entries for the note of a
// criterion left open, where no answer is kept as a field: written as
// fields they could imply a level and settle the criterion unseen.
func agreedAsDiffs(agreed form.Item, answers []*form.Item) []AnswerDiff {
	var ds []AnswerDiff
	if len(agreed.Figures) > 0 {
		ds = append(ds, AnswerDiff{Kind: AnswerFigures, Answers: answers})
	}
	if len(agreed.Counts) > 0 {
		ds = append(ds, AnswerDiff{Kind: AnswerCounts, Answers: answers})
	}
	for _, id := range slices.Sorted(maps.Keys(agreed.Inputs)) {
		ds = append(ds, AnswerDiff{Kind: AnswerInput, ID: id, Answers: answers})
	}
	return ds
}
