package form

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/laatu-fi/laatu/criteria"
)

// The end of the interview (issue 16): after the criteria, laatu offers to
// record the outcomes of a period, how the review was made (its kind, the
// reviewers, their organisation, the days on site and each criterion's
// data sources), to change or remove the actions the plan already has, and
// to write an action for each weak criterion (below level 4). Every answer
// is saved at once, Enter keeps an earlier answer, - clears one, b goes
// back a question, q saves and quits. Input that ends at the offer ends
// the interview as finished: nothing was asked yet.

// cycleAsk is one question of the end's sequence; applies says whether it
// is put (the outcomes' questions only after a yes, say).
type cycleAsk struct {
	applies func() bool
	ask     func(back bool) error
}

func always() bool { return true }

// cycle runs the end's sequence.
func (s *session) cycle() error {
	record := s.a.HasCycle()
	err := s.askYesNo(s.t("cycleform.assess.offer"), &record, false, "cycleform.assess.offer-help")
	switch {
	case errors.Is(err, errEnd):
		fmt.Fprintln(s.iv.Out)
		return nil
	case errors.Is(err, errSkip):
		return nil
	case err != nil:
		return err
	}
	if !record {
		return nil
	}
	wantOut := s.a.Outcomes != nil
	o := s.a.Outcomes
	if o == nil {
		o = &Outcomes{}
	}
	rv := s.a.Review
	if rv == nil {
		rv = &Review{}
	}
	plan := s.draftPlan()
	keep := func() error {
		// A period is saved once both its days are given: a file with
		// half a period does not read.
		saved := *o
		if saved.Start.IsZero() || saved.End.IsZero() || saved.End.Before(saved.Start) {
			saved.Start, saved.End = time.Time{}, time.Time{}
		}
		if wantOut && (!saved.Start.IsZero() || saved.Caseload != nil || saved.CompetitiveWork != nil || saved.JobStarts != nil || saved.JobsEnded != nil) {
			s.a.Outcomes = &saved
		} else {
			s.a.Outcomes = nil
		}
		if rv.Kind != "" || len(rv.Reviewers) > 0 || rv.Organisation != "" || rv.DaysOnSite != nil {
			s.a.Review = rv
		} else {
			s.a.Review = nil
		}
		s.a.Plan = plan.actions()
		return s.store()
	}
	outs := func() bool { return wantOut }
	asks := []cycleAsk{
		{always, func(back bool) error {
			return s.askYesNo(s.t("cycleform.assess.outcomes"), &wantOut, back, "cycleform.assess.outcomes-help")
		}},
		{outs, func(back bool) error { return s.askDay(s.t("cycleform.field.period_start"), &o.Start, back) }},
		{outs, func(back bool) error {
			for {
				if err := s.askDay(s.t("cycleform.field.period_end"), &o.End, back); err != nil {
					return err
				}
				if o.Start.IsZero() || o.End.IsZero() || !o.End.Before(o.Start) {
					return nil
				}
				s.printf("cycleform.assess.end-before-start", s.date(o.Start))
				o.End = time.Time{}
			}
		}},
		{outs, func(back bool) error {
			if err := s.askCount(s.t("cycleform.field.caseload"), &o.Caseload, nil, back); err != nil {
				return err
			}
			// A smaller caseload than the clients in work already given would
			// save a file that does not read: ask that count again next.
			if o.Caseload != nil && o.CompetitiveWork != nil && *o.CompetitiveWork > *o.Caseload {
				s.printf("cycleform.assess.work-cleared", *o.CompetitiveWork, *o.Caseload)
				o.CompetitiveWork = nil
			}
			return nil
		}},
		{outs, func(back bool) error {
			return s.askCount(s.t("cycleform.field.competitive_work"), &o.CompetitiveWork, o.Caseload, back)
		}},
		{outs, func(back bool) error { return s.askCount(s.t("cycleform.field.job_starts"), &o.JobStarts, nil, back) }},
		{outs, func(back bool) error { return s.askCount(s.t("cycleform.field.jobs_ended"), &o.JobsEnded, nil, back) }},
		{always, func(back bool) error { return s.askKind(&rv.Kind, back) }},
		{always, func(back bool) error {
			v := strings.Join(rv.Reviewers, ", ")
			if err := s.askText(s.t("cycleform.field.reviewers"), &v, back, "cycleform.assess.reviewers-help"); err != nil {
				return err
			}
			rv.Reviewers = splitList(v, false)
			return nil
		}},
		{always, func(back bool) error {
			return s.askText(s.t("cycleform.field.organisation"), &rv.Organisation, back, "cycleform.assess.organisation-help")
		}},
		{always, func(back bool) error { return s.askDaysOnSite(&rv.DaysOnSite, back) }},
	}
	asks = append(asks, s.sourceAsks()...)   // interview_cycle_sources.go
	asks = append(asks, plan.editAsks(s)...) // interview_cycle_plan.go
	asks = append(asks, plan.addAsks(s)...)
	dir := 1
	for i := 0; i < len(asks); {
		if i < 0 {
			i, dir = 0, 1
			continue
		}
		if !asks[i].applies() {
			i += dir
			continue
		}
		err := asks[i].ask(i > 0)
		switch {
		case err == nil, errors.Is(err, errSkip):
			if err := keep(); err != nil {
				return err
			}
			i, dir = i+1, 1
		case errors.Is(err, errBack):
			i, dir = i-1, -1
		default:
			if kerr := keep(); kerr != nil {
				return kerr
			}
			return err
		}
	}
	return nil
}

// weak are the criteria rated below level 4 that the plan has no action
// for yet, in the set's order.
func (s *session) weak() []*criteria.Criterion {
	planned := map[int]bool{}
	for _, act := range s.a.Plan {
		planned[act.Criterion] = true
	}
	var out []*criteria.Criterion
	for i := range s.iv.Set.Criteria {
		c := &s.iv.Set.Criteria[i]
		if l := s.levelOf(c.Number); l > 0 && l < weakLevel && !planned[c.Number] {
			out = append(out, c)
		}
	}
	return out
}

func (s *session) levelOf(n int) int {
	if it := s.a.Item(n); it != nil {
		return it.Level
	}
	return 0
}

func (s *session) nextAnchor(c *criteria.Criterion) string {
	l := s.levelOf(c.Number) + 1
	return strconv.Itoa(l) + " – " + c.Anchor(l).In(s.lang)
}

// newAction is a new open action for criterion n, due three months after
// the assessment (or today).
func (s *session) newAction(n int) *Action {
	from := s.a.Date
	if from.IsZero() {
		y, m, d := s.iv.Now().Date()
		from = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	return &Action{Criterion: n, Status: StatusOpen, Due: addMonths(from, 3)}
}

// addMonths is t plus n months; a day past the month's end becomes its
// last day (30.11. + 3 months = 28.2.).
func addMonths(t time.Time, n int) time.Time {
	first := time.Date(t.Year(), t.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(t.Day(), last), 0, 0, 0, 0, time.UTC)
}

// askYesNo asks a yes-or-no question; Enter keeps *v.
func (s *session) askYesNo(text string, v *bool, back bool, helpKey string) error {
	def := s.t("cycleform.assess.no")
	if *v {
		def = s.t("cycleform.assess.yes")
	}
	return s.ask(question{text: text, back: back, answers: s.t("cycleform.assess.yes-no"), enter: def,
		help: func() { s.printf(helpKey) },
		accept: func(answer string) bool {
			if answer == "" {
				return true
			}
			yes, ok := yesNo(answer)
			if ok {
				*v = yes
			}
			return ok
		},
	})
}

// askDay asks for a date; Enter keeps *d, - clears it.
func (s *session) askDay(text string, d *time.Time, back bool) error {
	q := question{text: text, back: back, answers: s.t("assess.date-answers"), enter: s.t("assess.enter-empty"),
		help: func() { s.printf("cycleform.assess.date-help") },
		accept: keepOrClear(func() { *d = time.Time{} }, func(answer string) bool {
			v, ok := ParseDate(answer)
			if ok {
				*d = v
			}
			return ok
		}),
	}
	if !d.IsZero() {
		q.enter = s.date(*d)
	}
	return s.ask(q)
}

// askCount asks for a whole number 0 or more, at most *most when most is
// given; Enter keeps *n, - clears it.
func (s *session) askCount(text string, n **int, most *int, back bool) error {
	answers := s.t("cycleform.assess.count-answers")
	if most != nil {
		answers = s.t("cycleform.assess.count-most", *most)
	}
	q := question{text: text, back: back, answers: answers, enter: s.t("assess.enter-empty"),
		help: func() { s.printf("cycleform.assess.count-help") },
		accept: keepOrClear(func() { *n = nil }, func(answer string) bool {
			v, err := strconv.Atoi(answer)
			if err != nil || v < 0 || most != nil && v > *most {
				return false
			}
			*n = &v
			return true
		}),
	}
	if *n != nil {
		q.enter = strconv.Itoa(**n)
	}
	return s.ask(q)
}

// askRequired asks for a text that may not stay empty; Enter keeps *v.
func (s *session) askRequired(text string, v *string, back bool) error {
	q := question{text: text, back: back, answers: s.t("assess.text-answers"),
		help: func() { s.printf("cycleform.assess.action-help") },
		accept: func(answer string) bool {
			if answer == "" {
				return *v != ""
			}
			*v = answer
			return true
		},
	}
	if *v != "" {
		q.enter = s.t("assess.enter-keep", short(*v))
	}
	return s.ask(q)
}
