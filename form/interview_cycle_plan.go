package form

import (
	"fmt"
	"strings"
)

// The action plan at the end of the interview: the actions the file
// already has, each kept, changed or removed, then a new action for each
// weak criterion that has none. The plan is saved after every answer as
// plan.actions() says, in that order.

// planDraft is the plan as the interview edits it.
type planDraft struct {
	entries []*planEntry
}

// planEntry is one action of the draft.
type planEntry struct {
	act Action
	// edit says the rater chose to change an action the plan had;
	// removed that they took it out of the plan.
	edit, removed bool
	// isNew marks an action for a weak criterion, written in this session
	// once the rater chose to add it and wrote what is done.
	isNew, add bool
}

// draftPlan starts the draft from the assessment's plan.
func (s *session) draftPlan() *planDraft {
	p := &planDraft{}
	for _, act := range s.a.Plan {
		p.entries = append(p.entries, &planEntry{act: act})
	}
	return p
}

// actions are the draft's actions as the file is to hold them.
func (p *planDraft) actions() []Action {
	var out []Action
	for _, e := range p.entries {
		switch {
		case e.removed:
		case e.isNew && (!e.add || e.act.Action == ""):
		default:
			out = append(out, e.act)
		}
	}
	return out
}

// editAsks are the questions about the actions the plan already has: one
// whether to change it, then its text (- removes it), owner, due date and
// status.
func (p *planDraft) editAsks(s *session) []cycleAsk {
	var asks []cycleAsk
	var old []*planEntry
	for _, e := range p.entries {
		if !e.isNew {
			old = append(old, e)
		}
	}
	for k, e := range old {
		changing := func() bool { return e.edit && !e.removed }
		asks = append(asks,
			cycleAsk{always, func(back bool) error {
				fmt.Fprintln(s.iv.Out, wrap(s.t("h16.assess.action", k+1, len(old), s.actionLine(&e.act, e.removed)), s.width(), "  "))
				return s.askYesNo(s.t("h16.assess.edit-action"), &e.edit, back, "h16.assess.edit-action-help")
			}},
			cycleAsk{func() bool { return e.edit }, func(back bool) error { return s.askOldAction(e, back) }},
			cycleAsk{changing, func(back bool) error {
				return s.askText(s.t("cycleform.plan.col.owner"), &e.act.Owner, back, "cycleform.assess.owner-help")
			}},
			cycleAsk{changing, func(back bool) error { return s.askDay(s.t("cycleform.plan.col.due"), &e.act.Due, back) }},
			cycleAsk{changing, func(back bool) error { return s.askStatus(&e.act.Status, back) }},
		)
	}
	return asks
}

// addAsks offer an action for each weak criterion the plan has none for:
// whether to add one, then its text, owner and due date (three months on
// unless said otherwise); its status starts open.
func (p *planDraft) addAsks(s *session) []cycleAsk {
	var asks []cycleAsk
	for _, c := range s.weak() {
		e := &planEntry{isNew: true}
		p.entries = append(p.entries, e)
		adding := func() bool { return e.add }
		asks = append(asks,
			cycleAsk{always, func(back bool) error {
				fmt.Fprintln(s.iv.Out, wrap(s.t("cycleform.assess.weak", c.Number, c.Title.In(s.lang), s.levelOf(c.Number), s.nextAnchor(c)), s.width(), "  "))
				return s.askYesNo(s.t("cycleform.assess.add-action"), &e.add, back, "cycleform.assess.plan-help")
			}},
			cycleAsk{adding, func(back bool) error {
				if e.act.Criterion == 0 {
					e.act = *s.newAction(c.Number)
				}
				return s.askRequired(s.t("cycleform.plan.col.action"), &e.act.Action, back)
			}},
			cycleAsk{adding, func(back bool) error {
				return s.askText(s.t("cycleform.plan.col.owner"), &e.act.Owner, back, "cycleform.assess.owner-help")
			}},
			cycleAsk{adding, func(back bool) error { return s.askDay(s.t("cycleform.plan.col.due"), &e.act.Due, back) }},
		)
	}
	return asks
}

// actionLine says an action as the report does: its criterion, what is
// done, the owner, the due date and the status, or that it is removed.
func (s *session) actionLine(act *Action, removed bool) string {
	title := ""
	if c := s.iv.Set.Criterion(act.Criterion); c != nil {
		title = " " + c.Title.In(s.lang)
	}
	parts := []string{short(act.Action)}
	if act.Owner != "" {
		parts = append(parts, s.t("review.owner", short(act.Owner)))
	}
	if !act.Due.IsZero() {
		parts = append(parts, s.t("review.due", s.date(act.Due)))
	}
	parts = append(parts, s.statusText(act.Status))
	if removed {
		parts = append(parts, s.t("h16.assess.removed"))
	}
	return fmt.Sprintf("%d%s: %s", act.Criterion, title, strings.Join(parts, "; "))
}

// askOldAction asks for an existing action's text: Enter keeps it, - takes
// the action out of the plan, and a text writes it (back into the plan).
func (s *session) askOldAction(e *planEntry, back bool) error {
	q := question{text: s.t("cycleform.plan.col.action"), back: back, answers: s.t("h16.assess.action-answers"),
		enter: s.t("assess.enter-keep", short(e.act.Action)),
		help:  func() { s.printf("h16.assess.old-action-help") },
		accept: func(answer string) bool {
			switch answer {
			case "":
			case "-":
				e.removed = true
			default:
				e.act.Action, e.removed = answer, false
			}
			return true
		},
	}
	if e.removed {
		q.enter = s.t("h16.assess.removed")
	}
	return s.ask(q)
}

// askStatus asks for an action's status by its name in any language or its
// id; Enter keeps it.
func (s *session) askStatus(status *string, back bool) error {
	q := question{text: s.t("cycleform.plan.col.status"), back: back, answers: s.alternatives(statusTexts(s.lang)),
		enter: s.statusText(*status),
		help:  func() { s.printf("h16.assess.status-help") },
		accept: func(answer string) bool {
			if answer == "" {
				return true
			}
			id, ok := actionStatus(answer)
			if ok {
				*status = id
			}
			return ok
		},
	}
	return s.ask(q)
}

// statusText is a status's name in the reader's language; an action
// without one is open.
func (s *session) statusText(status string) string {
	for i, id := range statusIDs {
		if id == status {
			return statusTexts(s.lang)[i]
		}
	}
	return s.t("review.status.open")
}
