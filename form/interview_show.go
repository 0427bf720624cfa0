package form

import (
	"fmt"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
)

// show writes a criterion as the rater needs it to answer: the domain when
// it changes, number and title, the ideal and the five anchors, highest
// first as on the printed scale. Plain lines only: a screen reader reads
// them in order, and nothing depends on colour or position.
func (s *session) show(c *criteria.Criterion) {
	out := s.iv.Out
	set := s.iv.Set
	if c.Domain != s.domain {
		s.domain = c.Domain
		if d := set.Domain(c.Domain); d != nil {
			cs := set.InDomain(d.ID)
			fmt.Fprintf(out, "\n%s\n", s.t("assess.domain", d.Name.In(s.lang), cs[0].Number, cs[len(cs)-1].Number))
		}
	}
	fmt.Fprintf(out, "\n%s\n", s.t("assess.criterion", c.Number, len(set.Criteria), c.Title.In(s.lang)))
	fmt.Fprintln(out, wrap(s.t("assess.ideal", c.Ideal.In(s.lang)), s.width(), "  "))
	fmt.Fprintln(out, s.t("assess.anchors"))
	for level := criteria.MaxLevel; level >= criteria.MinLevel; level-- {
		fmt.Fprintf(out, "  %d  %s\n", level, wrap(c.Anchor(level).In(s.lang), s.width()-5, "     "))
	}
}

// showCurrent says what the criterion already has, when going back or
// resuming, so the rater knows what Enter keeps.
func (s *session) showCurrent(c *criteria.Criterion, it *Item) {
	if !it.Answered() {
		return
	}
	var parts []string
	if it.Level != 0 {
		parts = append(parts, s.t("assess.current-level", it.Level))
	}
	if it.Figure != nil && c.Measure != nil {
		parts = append(parts, s.t("assess.current-figure", s.number(*it.Figure), c.Measure.Unit.In(s.lang)))
	}
	if len(it.Figures) > 0 && c.Measure != nil {
		parts = append(parts, s.t("assess.current-figure", s.figuresText(it.Figures), c.Measure.Unit.In(s.lang)))
	}
	if m := c.Measure; it.Counts != nil && m != nil && m.Ratio != nil {
		num, den := it.Counts[m.Ratio.Numerator.ID], it.Counts[m.Ratio.Denominator.ID]
		parts = append(parts, s.t("assess.rules.current-counts", s.number(num), criteria.UnitFor(sameUnit(s.lang, m.Ratio.Numerator.Unit, m.Unit), s.lang, num),
			s.number(den), criteria.UnitFor(m.Ratio.Denominator.Unit, s.lang, den)))
	}
	if n := answeredInputs(c, it); n > 0 {
		parts = append(parts, s.t("assess.rules.current-inputs", n, len(c.Inputs)))
	}
	if it.Checked != nil && c.Checklist != nil {
		parts = append(parts, s.t("assess.current-checklist", len(it.Checked), len(c.Checklist.Elements)))
	}
	if it.Note != "" {
		parts = append(parts, s.t("assess.current-note", short(it.Note)))
	}
	if it.Evidence != "" {
		parts = append(parts, s.t("assess.current-evidence", short(it.Evidence)))
	}
	fmt.Fprintln(s.iv.Out, wrap(s.t("assess.current", strings.Join(parts, "; ")), s.width(), "  "))
}

// criterionHelp is the answer to ?: the criterion's own rating guidance.
func (s *session) criterionHelp(c *criteria.Criterion) {
	h := c.Help.In(s.lang)
	if h == "" {
		s.printf("assess.no-help")
		return
	}
	fmt.Fprintln(s.iv.Out, wrap(s.t("assess.help", h), s.width(), "  "))
}

// answeredInputs counts the criterion's further questions the item answers.
func answeredInputs(c *criteria.Criterion, it *Item) int {
	n := 0
	for _, in := range c.Inputs {
		if _, ok := it.Inputs[in.ID]; ok {
			n++
		}
	}
	return n
}
