package form

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
)

// details asks for the service: provider, unit, raters and date. The date
// comes last because a saved date is how a resumed interview knows the
// details are done.
func (s *session) details() error {
	s.printf("assess.details")
	asks := []func(back bool) error{
		func(back bool) error {
			if err := s.askText(s.t("assess.provider"), &s.a.Provider, back, "assess.provider-help"); err != nil {
				return err
			}
			return s.store()
		},
		func(back bool) error {
			if err := s.askText(s.t("assess.unit"), &s.a.Unit, back, "assess.unit-help"); err != nil {
				return err
			}
			return s.store()
		},
		s.askRaters,
		s.askDate,
	}
	for i := 0; i < len(asks); {
		err := asks[i](i > 0)
		switch {
		case err == nil, errors.Is(err, errSkip):
			if i == 1 && s.a.Provider == "" && s.a.Unit == "" {
				s.printf("assess.need-service")
				i = 0
				continue
			}
			i++
		case errors.Is(err, errBack):
			i--
		default:
			return err
		}
	}
	return nil
}

// keepOrClear is the accept of a question whose answer may be left as it
// is: Enter keeps the current answer, - clears it (clear), and any other
// answer is read by read, which says whether it is accepted.
func keepOrClear(clear func(), read func(answer string) bool) func(string) bool {
	return func(answer string) bool {
		switch answer {
		case "":
			return true
		case "-":
			clear()
			return true
		}
		return read(answer)
	}
}

// askText asks for a free text: Enter keeps the current value, - clears it.
// The caller saves the answer.
func (s *session) askText(text string, value *string, back bool, helpKey string) error {
	q := question{text: text, back: back, answers: s.t("assess.text-answers"), enter: s.t("assess.enter-empty"),
		help: func() { s.printf(helpKey) },
		accept: func(answer string) bool {
			switch answer {
			case "":
			case "-":
				*value = ""
			default:
				*value = answer
			}
			return true
		},
	}
	if *value != "" {
		q.enter = s.t("assess.enter-keep", short(*value))
	}
	return s.ask(q)
}

func (s *session) askRaters(back bool) error {
	q := question{text: s.t("assess.raters"), back: back, answers: s.t("assess.raters-answers"), enter: s.t("assess.enter-empty"),
		help: func() { s.printf("assess.raters-help") },
		accept: func(answer string) bool {
			switch answer {
			case "":
			case "-":
				s.a.Raters = nil
			default:
				s.a.Raters = nil
				for _, r := range strings.Split(answer, ",") {
					if r = strings.TrimSpace(r); r != "" {
						s.a.Raters = append(s.a.Raters, r)
					}
				}
			}
			return true
		},
	}
	if len(s.a.Raters) > 0 {
		q.enter = s.t("assess.enter-keep", short(strings.Join(s.a.Raters, ", ")))
	}
	if err := s.ask(q); err != nil {
		return err
	}
	return s.store()
}

func (s *session) askDate(back bool) error {
	def := s.a.Date
	if def.IsZero() {
		y, m, d := s.iv.Now().Date()
		def, _ = ParseDate(fmt.Sprintf("%04d-%02d-%02d", y, m, d))
	}
	q := question{text: s.t("assess.date"), back: back, answers: s.t("assess.date-answers"), enter: s.date(def),
		help: func() { s.printf("assess.date-help") },
		accept: func(answer string) bool {
			d, ok := def, true
			if answer != "" {
				d, ok = ParseDate(answer)
			}
			if ok {
				s.a.Date = d
			}
			return ok
		},
	}
	err := s.ask(q)
	if errors.Is(err, errSkip) {
		// Skipping leaves the default standing, as Enter does.
		s.a.Date, err = def, nil
	}
	if err != nil {
		return err
	}
	return s.store()
}

// criterion asks one criterion: its figure or checklist when it has one,
// the level, a note and the evidence. Each answer is saved at once.
func (s *session) criterion(c *criteria.Criterion, back bool) error {
	s.show(c)
	it := Item{Criterion: c.Number}
	if old := s.a.Item(c.Number); old != nil {
		it = *old
		s.showCurrent(c, &it)
	}
	if c.Measure != nil {
		if err := s.askMeasure(c, &it, back); err != nil {
			return err
		}
	}
	if c.Checklist != nil {
		if err := s.askChecklist(c, &it, back); err != nil {
			return err
		}
	}
	if len(c.Inputs) > 0 {
		if err := s.askInputs(c, &it, back); err != nil {
			return err
		}
	}
	if err := s.askLevel(c, &it, back); err != nil {
		return err
	}
	if err := s.askText(s.t("assess.note"), &it.Note, back, "assess.note-help"); err != nil {
		return err
	}
	if err := s.save(it); err != nil {
		return err
	}
	if err := s.askText(s.t("assess.evidence"), &it.Evidence, back, "assess.evidence-help"); err != nil {
		return err
	}
	return s.save(it)
}

func (s *session) askFigure(c *criteria.Criterion, it *Item, back bool) error {
	m := c.Measure
	per := m.PerSpecialist != ""
	lead := s.t("assess.figure", m.Name.In(s.lang), m.Unit.In(s.lang))
	answers := s.t("assess.figure-answers", boundsIn(s.lang, m))
	if per {
		lead += " " + s.t("assess.rules.figures-hint")
		answers = s.t("assess.rules.figures-answers", boundsIn(s.lang, m))
	}
	q := question{
		lead:    wrap(lead, s.width(), "  "),
		text:    s.t("assess.figure-prompt"),
		back:    back,
		enter:   s.t("assess.enter-no-figure"),
		answers: answers,
		help:    func() { s.criterionHelp(c) },
		accept: func(answer string) bool {
			switch answer {
			case "":
				return true
			case "-":
				it.Figure, it.Figures = nil, nil
				return true
			}
			xs, ok := parseFigures(answer, per)
			if !ok {
				return false
			}
			for _, x := range xs {
				if _, ok := m.Level(x); !ok {
					return false
				}
			}
			for _, x := range xs {
				if m.Percent && x > 0 && x < 1 {
					// A share typed as a fraction (check_rules.go).
					s.printf("rules.fraction", FormatNumber(x), FormatNumber(math.Round(x*100*1e6)/1e6))
					return false
				}
			}
			it.Figure, it.Figures, it.Counts = nil, nil, nil
			if len(xs) == 1 {
				it.Figure = &xs[0]
			} else {
				it.Figures = xs
			}
			return true
		},
	}
	switch {
	case it.Figure != nil:
		q.enter = s.t("assess.enter-keep", s.number(*it.Figure))
	case len(it.Figures) > 0:
		q.enter = s.t("assess.enter-keep", short(s.figuresText(it.Figures)))
	}
	if err := s.ask(q); err != nil {
		return err
	}
	if it.Figure != nil && !hasRules(c) {
		level, _ := m.Level(*it.Figure)
		s.printf("assess.figure-implies", s.number(*it.Figure), m.Unit.In(s.lang), level)
	}
	return s.save(*it)
}

// askChecklist asks each element yes or no. The answers are kept only once
// the whole list is answered: the file cannot tell an element not yet asked
// from one answered no, and a half list would propose a level too low.
func (s *session) askChecklist(c *criteria.Criterion, it *Item, back bool) error {
	cl := c.Checklist
	had := map[string]bool{}
	for _, id := range it.Checked {
		had[id] = true
	}
	s.printf("assess.checklist", len(cl.Elements))
	var present []string
	for i, e := range cl.Elements {
		leave := false
		q := question{
			lead:    wrap(fmt.Sprintf("%d/%d %s", i+1, len(cl.Elements), e.Text.In(s.lang)), s.width(), "    "),
			text:    s.t("assess.element"),
			back:    back,
			answers: s.t("assess.element-answers"),
			help:    func() { s.criterionHelp(c) },
			accept: func(answer string) bool {
				if answer == "" && it.Checked != nil {
					if had[e.ID] {
						present = append(present, e.ID)
					}
					return true
				}
				if answer == "" && i == 0 {
					leave = true
					return true
				}
				yes, ok := yesNo(answer)
				if ok && yes {
					present = append(present, e.ID)
				}
				return ok
			},
		}
		switch {
		case it.Checked != nil && had[e.ID]:
			q.enter = s.t("assess.yes")
		case it.Checked != nil:
			q.enter = s.t("assess.no")
		case i == 0:
			q.enter = s.t("assess.enter-no-checklist")
		}
		if err := s.ask(q); err != nil {
			if i > 0 {
				s.checklistUnsaved(c, it, i, err)
			}
			return err
		}
		if leave {
			return nil
		}
	}
	it.Checked = append([]string{}, present...)
	s.printf("assess.checklist-implies", len(present), len(cl.Elements), cl.Level(len(present)))
	return s.save(*it)
}

// askLevel asks the level. Enter keeps a level given before (going back,
// resuming), even one that differs from what the figure or checklist
// implies: the rater chose it, and only the rater changes it. When they
// differ, the question is preceded by both. Without an earlier level, Enter
// takes the implied one; so does it on --review's first visit to a
// conflicting criterion, which is there to be settled, and the earlier
// level is named.
// checklistUnsaved says that a checklist left part-way (after answered
// elements of it, by q, b, o or the end of input) was not saved: the file
// has no way to hold half a list (see askChecklist). A list saved before
// stays as it was.
func (s *session) checklistUnsaved(c *criteria.Criterion, it *Item, answered int, err error) {
	key := "assess.checklist-unsaved"
	args := []any{c.Number, answered, len(c.Checklist.Elements)}
	if it.Checked != nil {
		key = "assess.checklist-unsaved-kept"
		args = append(args, len(it.Checked), len(c.Checklist.Elements))
	}
	if errors.Is(err, errEnd) {
		// The cursor stands after the question; Run ends the line first.
		s.after = append(s.after, func() { s.printf(key, args...) })
		return
	}
	s.printf(key, args...)
}

func (s *session) askLevel(c *criteria.Criterion, it *Item, back bool) error {
	imp := implied(c, it)
	s.showImplied(c, it, imp)
	def := it.Level
	kept := false // Enter kept a level that differs from the implied one
	switch {
	case def == 0:
		def = imp
	case imp == 0 || imp == def:
	case s.iv.Only != nil && !s.levelled[c.Number]:
		// --review walks the conflicts to settle them: on the first visit
		// the implied level is proposed, the earlier one named.
		s.printf("assess.level-review", def, imp)
		def = imp
	default:
		s.printf("assess.level-kept", def, imp)
	}
	q := question{
		text:    s.t("assess.level"),
		back:    back,
		answers: "1–5",
		need:    s.t("assess.level-answers"),
		help:    func() { s.criterionHelp(c) },
		accept: func(answer string) bool {
			if answer == "" {
				it.Level = def
				kept = def != 0 && def != imp
				return def != 0
			}
			kept = false
			level, ok := ParseLevel(answer)
			if ok && level != 0 {
				it.Level = level
				return true
			}
			return false
		},
	}
	if def != 0 {
		q.enter = fmt.Sprint(def)
	}
	if err := s.ask(q); err != nil {
		return err
	}
	s.levelled[c.Number] = true
	if imp != 0 && imp != it.Level && !kept {
		s.printf("assess.level-conflict", it.Level, imp)
	}
	return s.save(*it)
}

// implied is the level the item's answers imply, or 0: the figure (given,
// per specialist or from counts) or the checklist, then the further inputs.
// It follows scoring.Rate, which form cannot import.
func implied(c *criteria.Criterion, it *Item) int {
	level := 0
	if m := c.Measure; m != nil {
		if x, ok := itemFigure(m, it); ok {
			level, _ = m.Level(x)
		}
	}
	if level == 0 && c.Checklist != nil && it.Checked != nil {
		n := 0
		for _, e := range c.Checklist.Elements {
			for _, id := range it.Checked {
				if id == e.ID {
					n++
					break
				}
			}
		}
		level = c.Checklist.Level(n)
	}
	return applyInputs(c, it, level)
}

// short cuts a long default so that the question stays one line.
func short(s string) string {
	r := []rune(s)
	if len(r) <= 40 {
		return s
	}
	return string(r[:39]) + "…"
}
