package form

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
)

// This file asks the answers of the rating rules (criteria/rules.go): the
// two counts of a ratio, one figure per employment specialist, and the
// further questions (inputs) that raise, cap or set the level.

// hasRules reports whether criterion c rates by more than a plain figure or
// checklist, so that the interview shows how the implied level is reached.
func hasRules(c *criteria.Criterion) bool {
	if len(c.Inputs) > 0 {
		return true
	}
	m := c.Measure
	return m != nil && (m.PerSpecialist != "" || m.Ratio != nil || len(m.Points) > 0)
}

// askMeasure asks a measure's answer: for a ratio first its two counts,
// then, when no counts are given, the figure (or one per specialist).
func (s *session) askMeasure(c *criteria.Criterion, it *Item, back bool) error {
	if c.Measure.Ratio != nil {
		done, err := s.askCounts(c, it, back)
		if err != nil || done {
			return err
		}
	}
	return s.askFigure(c, it, back)
}

// askCounts asks the numerator and the denominator of the measure's ratio
// and shows the quotient. An empty first count (without earlier counts)
// moves on to the figure itself; done reports that counts were given.
func (s *session) askCounts(c *criteria.Criterion, it *Item, back bool) (done bool, err error) {
	m := c.Measure
	r := m.Ratio
	skip := false
	var num, den float64
	for k, cn := range []criteria.Count{r.Numerator, r.Denominator} {
		first := k == 0
		old, has := it.Counts[cn.ID]
		q := question{
			text:    s.t("assess.rules.count-prompt", cn.Name.In(s.lang), cn.Unit.In(s.lang)),
			back:    back,
			answers: s.t("assess.rules.count-answers"),
			help:    func() { s.criterionHelp(c) },
		}
		if first {
			q.lead = wrap(s.t("assess.rules.counts", m.Name.In(s.lang), m.Unit.In(s.lang)), s.width(), "  ")
			q.enter = s.t("assess.rules.enter-no-counts")
			if it.Figure != nil || len(it.Figures) > 0 {
				q.enter = s.t("assess.rules.enter-figure")
			}
		} else {
			q.answers = s.t("assess.rules.den-answers")
		}
		if has {
			q.enter = s.t("assess.enter-keep", s.number(old))
		}
		var got float64
		q.accept = func(answer string) bool {
			switch {
			case answer == "" && has:
				got = old
				return true
			case answer == "" && first:
				skip = true
				return true
			case answer == "-" && first:
				it.Counts = nil
				skip = true
				return true
			}
			x, ok := ParseNumber(answer)
			if !ok || x < 0 || math.IsInf(x, 0) || !first && x == 0 {
				return false
			}
			got = x
			return true
		}
		if err := s.ask(q); err != nil {
			return false, err
		}
		if skip {
			return false, s.save(*it)
		}
		if first {
			num = got
		} else {
			den = got
		}
	}
	x := num / den
	if !m.InBounds(x) {
		s.printf("assess.rules.ratio-bounds", s.computed(x), boundsIn(s.lang, m))
		return false, s.save(*it)
	}
	it.Counts = map[string]float64{r.Numerator.ID: num, r.Denominator.ID: den}
	it.Figure, it.Figures = nil, nil
	s.printf("assess.rules.ratio", s.number(num), criteria.UnitFor(sameUnit(s.lang, r.Numerator.Unit, m.Unit), s.lang, num),
		s.number(den), criteria.UnitFor(r.Denominator.Unit, s.lang, den),
		s.computed(x), criteria.UnitFor(m.Unit, s.lang, x))
	return true, s.save(*it)
}

// parseFigures reads one figure, or, for a per-specialist measure, several
// separated by semicolons or spaces ("5; 6; 3,5").
func parseFigures(answer string, perSpecialist bool) ([]float64, bool) {
	fields := []string{answer}
	if perSpecialist {
		fields = strings.FieldsFunc(answer, func(r rune) bool { return r == ';' || r == ' ' })
	}
	if len(fields) == 0 {
		return nil, false
	}
	xs := make([]float64, 0, len(fields))
	for _, f := range fields {
		x, ok := ParseNumber(strings.TrimSpace(f))
		if !ok {
			return nil, false
		}
		xs = append(xs, x)
	}
	return xs, true
}

// figuresText writes per-specialist figures as they are typed: 5; 6; 3,5.
func (s *session) figuresText(xs []float64) string {
	ts := make([]string, len(xs))
	for i, x := range xs {
		ts[i] = s.number(x)
	}
	return strings.Join(ts, "; ")
}

// askInputs asks each of the criterion's further questions, saving each
// answer at once.
func (s *session) askInputs(c *criteria.Criterion, it *Item, back bool) error {
	for i := range c.Inputs {
		if err := s.askInput(c, &c.Inputs[i], it, back); err != nil {
			return err
		}
		if err := s.save(*it); err != nil {
			return err
		}
	}
	return nil
}

// askInput asks one further question: a numbered choice, yes or no, or a
// count. Enter keeps an earlier answer or leaves the question unanswered,
// which changes nothing; - removes an earlier answer.
func (s *session) askInput(c *criteria.Criterion, in *criteria.Input, it *Item, back bool) error {
	old, has := it.Inputs[in.ID]
	lead := []string{wrap(in.Question.In(s.lang), s.width(), "  ")}
	q := question{
		text: s.t("assess.rules.answer"),
		back: back,
		help: func() { s.criterionHelp(c) },
	}
	var parse func(string) (string, bool)
	keep := old
	switch in.Kind {
	case criteria.InputChoice:
		for k, ch := range in.Choices {
			lead = append(lead, fmt.Sprintf("  %d  %s", k+1, wrap(ch.Text.In(s.lang), s.width()-5, "     ")))
		}
		q.answers = s.t("assess.rules.choice-answers", len(in.Choices))
		parse = func(a string) (string, bool) {
			if k, err := strconv.Atoi(a); err == nil && k >= 1 && k <= len(in.Choices) {
				return in.Choices[k-1].ID, true
			}
			if ch := in.Choice(a); ch != nil {
				return ch.ID, true
			}
			return "", false
		}
		for k, ch := range in.Choices {
			if ch.ID == old {
				keep = fmt.Sprintf("%d %s", k+1, ch.Text.In(s.lang))
			}
		}
	case criteria.InputYesNo:
		q.answers = s.t("assess.element-answers")
		parse = func(a string) (string, bool) {
			if yes, ok := yesNo(a); ok {
				if yes {
					return "yes", true
				}
				return "no", true
			}
			return YesNo(a)
		}
		if yn, ok := YesNo(old); ok {
			keep = s.t("assess." + yn)
		}
	default: // a count
		q.answers = s.t("assess.rules.whole-answers")
		parse = func(a string) (string, bool) {
			k, err := strconv.Atoi(a)
			if err != nil || k < 0 {
				return "", false
			}
			return strconv.Itoa(k), true
		}
		if k, err := strconv.Atoi(old); err == nil {
			keep = fmt.Sprintf("%d %s", k, in.Unit.In(s.lang))
		}
	}
	q.lead = strings.Join(lead, "\n")
	q.enter = s.t("assess.rules.enter-unanswered")
	if has {
		q.enter = s.t("assess.enter-keep", short(keep))
	}
	q.answers += s.t("assess.rules.remove-answer")
	q.accept = func(answer string) bool {
		switch answer {
		case "":
			return true
		case "-":
			delete(it.Inputs, in.ID)
			if len(it.Inputs) == 0 {
				it.Inputs = nil
			}
			return true
		}
		v, ok := parse(answer)
		if !ok {
			return false
		}
		if it.Inputs == nil {
			it.Inputs = map[string]string{}
		}
		it.Inputs[in.ID] = v
		return true
	}
	return s.ask(q)
}

// itemFigure is the figure the item's answer gives the measure, as
// scoring.Rate takes it: the mean of per-specialist figures, the ratio of
// the counts, or the figure itself.
func itemFigure(m *criteria.Measure, it *Item) (float64, bool) {
	switch {
	case len(it.Figures) > 0 && m.PerSpecialist == criteria.CombineMean:
		sum := 0.0
		for _, x := range it.Figures {
			sum += x
		}
		return sum / float64(len(it.Figures)), true
	case it.Counts != nil && m.Ratio != nil:
		num, okN := it.Counts[m.Ratio.Numerator.ID]
		den, okD := it.Counts[m.Ratio.Denominator.ID]
		if !okN || !okD || den == 0 {
			return 0, false
		}
		return num / den, true
	case it.Figure != nil:
		return *it.Figure, true
	}
	return 0, false
}

// applyInputs raises the level by the answers' floors, then caps it, as
// scoring.Rate does: a floor gives a level even without a figure, a cap
// alone gives none.
func applyInputs(c *criteria.Criterion, it *Item, level int) int {
	var es []criteria.Effect
	for i := range c.Inputs {
		in := &c.Inputs[i]
		v, ok := it.Inputs[in.ID]
		if !ok {
			continue
		}
		switch in.Kind {
		case criteria.InputChoice, criteria.InputYesNo:
			if yn, ok := YesNo(v); ok && in.Kind == criteria.InputYesNo {
				v = yn
			}
			if ch := in.Choice(v); ch != nil {
				es = append(es, ch.Effect)
			}
		case criteria.InputCount:
			if n, ok := ParseNumber(v); ok {
				if r := in.CountRule(n); r != nil {
					es = append(es, r.Effect)
				}
			}
		}
	}
	for _, e := range es {
		if f := e.Floor(); f > 0 && level < f {
			level = f
		}
	}
	for _, e := range es {
		if cp := e.Cap(); cp > 0 && level > cp {
			level = cp
		}
	}
	return level
}

// computed writes a computed figure to at most two decimals, as reports do.
func (s *session) computed(x float64) string {
	t := strconv.FormatFloat(x, 'f', 2, 64)
	t = strings.TrimRight(strings.TrimRight(t, "0"), ".")
	return msg.LocaleOf(s.lang).Number(t)
}

// showImplied says, before the level is asked, which level the answers
// imply and how it was reached, in the words of laatu score.
func (s *session) showImplied(c *criteria.Criterion, it *Item, level int) {
	if level == 0 || !hasRules(c) {
		return
	}
	how := ""
	if s.iv.Explain != nil {
		how = s.iv.Explain(c, it)
	}
	if how == "" {
		s.printf("assess.rules.implied", level)
		return
	}
	s.printf("assess.rules.implied-how", level, how)
}

// sameUnit is the measure's unit m, with its singular, when the count's
// unit u says the same (clients for clients per specialist), else u.
func sameUnit(lang string, u, m criteria.Text) criteria.Text {
	if u.In(lang) == m.In(lang) {
		return m
	}
	return u
}
