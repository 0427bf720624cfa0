package scoring

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
)

// Draft builds the consensus draft: an assessment of the same service
// against the same set in which
//   - agreed criteria carry the agreed level, and the figure or checklist
//     when every rater gave the same one;
//   - criteria within the tolerance carry the lowest level given, and a
//     note with every rater's level;
//   - criteria to discuss carry no level, and the note keeps each rater's
//     level, figure or checklist and reasoning ("Anna Arvioija: 3 – …;
//     Pekka Parivirta: 4 – …"). Their figures and checklists are kept in
//     the note only: written as fields they would imply a level and so
//     settle the criterion without anyone deciding it.
//
// The raters are the union of the files' raters; the date is the latest of
// theirs. The review cycle's fields the raters give alike are kept, and
// the notes list those they give unlike (draft_cycle.go). The few words the draft adds are in lang.
func (c *Consensus) Draft(lang string) *form.Assessment {
	if len(c.Raters) == 0 {
		return &form.Assessment{}
	}
	first := c.Raters[0].Result.Assessment
	d := &form.Assessment{
		Criteria:        c.Set.ID,
		CriteriaVersion: c.Set.Version,
		Provider:        first.Provider,
		Unit:            first.Unit,
		Raters:          c.raterNames(),
		Notes:           c.draftNotes(lang),
	}
	for _, r := range c.Raters {
		if r.Result.Assessment.Date.After(d.Date) {
			d.Date = r.Result.Assessment.Date
		}
	}
	for _, it := range c.Items {
		if item, ok := c.draftItem(lang, it); ok {
			d.Items = append(d.Items, item)
		}
	}
	c.draftCycle(d)
	if diffs := c.CycleDifferences(lang); len(diffs) > 0 {
		d.Notes += " " + msg.T(lang, "cycleform.draft.differ", strings.Join(diffs, "; "))
	}
	return d
}

// raterNames is every rater of every file once, in order of appearance; a
// file that names no rater stands for one by its file name.
func (c *Consensus) raterNames() []string {
	var names []string
	for _, r := range c.Raters {
		own := r.Result.Assessment.Raters
		if len(own) == 0 {
			own = []string{filepath.Base(r.Result.Assessment.Source)}
		}
		for _, n := range own {
			if !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	return names
}

func (c *Consensus) draftNotes(lang string) string {
	sources := make([]string, len(c.Raters))
	for i, r := range c.Raters {
		a := r.Result.Assessment
		detail := filepath.Base(a.Source)
		if !a.Date.IsZero() {
			detail += ", " + dateText(lang, a)
		}
		sources[i] = fmt.Sprintf("%s (%s)", r.Label, detail)
	}
	parts := []string{msg.T(lang, "consensus.draft-notes", len(c.Raters), strings.Join(sources, "; "))}
	if c.DatesDiffer() {
		parts = append(parts, msg.T(lang, "consensus.draft-dates"))
	}
	for _, r := range c.Raters {
		if n := oneLine(r.Result.Assessment.Notes); n != "" {
			parts = append(parts, r.Label+": "+n)
		}
	}
	return strings.Join(parts, " ")
}

func dateText(lang string, a *form.Assessment) string {
	if a.Date.IsZero() {
		return ""
	}
	return msg.LocaleOf(lang).FormatDate(a.Date)
}

// draftItem writes one criterion of the draft; ok is false when no rater
// said anything about it.
func (c *Consensus) draftItem(lang string, it ConsensusItem) (form.Item, bool) {
	item := form.Item{Criterion: it.Number(), Level: it.Level}
	answered := false
	for _, a := range it.Answers {
		answered = answered || (a != nil && a.Answered())
	}
	if !answered {
		return item, false
	}
	settled := it.Status == StatusAgreed || it.Status == StatusWithinTolerance
	figureAgreed, checkedAgreed := false, false
	// The rating rules' answers (agreement.go): kept when alike on a
	// settled criterion, in the note when they differ or the criterion is
	// open.
	rules, diffs := RuleAnswers(it.Answers)
	if settled {
		item.Figures, item.Counts, item.Inputs = rules.Figures, rules.Counts, rules.Inputs
	} else {
		diffs = append(diffs, agreedAsDiffs(rules, it.Answers)...)
	}
	if settled {
		if f, ok := sameFigure(it.Answers); ok {
			item.Figure, figureAgreed = &f, true
		}
		if cl, ok := sameChecked(it.Answers); ok {
			item.Checked, checkedAgreed = cl, true
		}
	}
	parts := make([]string, 0, len(c.Raters))
	notes := map[string]bool{}
	extrasShown := false
	for i, r := range c.Raters {
		ir := it.Ratings[i]
		level := ""
		if !settled || it.Status == StatusWithinTolerance {
			level = msg.T(lang, "consensus.note-no-level")
			if !ir.Missing() {
				level = strconv.Itoa(ir.Level)
			}
		}
		var extras []string
		// The figure as the rater gave it: a mean or a ratio is said by
		// its figures or counts (ruleExtras).
		if a := it.Answers[i]; a != nil && a.Figure != nil && !figureAgreed {
			extras = append(extras, msg.T(lang, "consensus.note-figure", figureText(lang, *a.Figure)))
		}
		if ir.Checked >= 0 && !checkedAgreed && ir.Criterion.Checklist != nil {
			extras = append(extras, msg.T(lang, "consensus.note-checklist", ir.Checked, len(ir.Criterion.Checklist.Elements)))
		}
		extras = append(extras, ruleExtras(lang, it.Criterion, diffs, i)...)
		extrasShown = extrasShown || len(extras) > 0
		note := oneLine(ir.Note)
		if note != "" {
			notes[note] = true
		}
		if p := raterPart(r.Label, level, extras, note); p != "" {
			parts = append(parts, p)
		}
	}
	switch {
	case it.Status == StatusAgreed && !extrasShown && len(notes) <= 1:
		// One reason, or none: it stands as it was written.
		for _, a := range it.Answers {
			if a != nil && strings.TrimSpace(a.Note) != "" {
				item.Note = a.Note
				break
			}
		}
	default:
		item.Note = strings.Join(parts, "; ")
	}
	if it.Status == StatusWithinTolerance {
		item.Note += "; " + msg.T(lang, "consensus.note-lower", it.Level)
	}
	item.Evidence = c.evidence(it)
	return item, true
}

// raterPart is "Anna Arvioija: 3 (figure 23.7) – reason"; empty when the
// rater has nothing to add.
func raterPart(label, level string, extras []string, note string) string {
	var b strings.Builder
	if level != "" {
		b.WriteString(" " + level)
	}
	if len(extras) > 0 {
		if level != "" {
			b.WriteString(" (" + strings.Join(extras, ", ") + ")")
		} else {
			b.WriteString(" " + strings.Join(extras, ", "))
		}
	}
	if note != "" {
		if b.Len() > 0 {
			b.WriteString(" –")
		}
		b.WriteString(" " + note)
	}
	if b.Len() == 0 {
		return ""
	}
	return label + ":" + b.String()
}

// evidence keeps what the levels rest on: the one text when the raters
// cite the same, otherwise each rater's with their name.
func (c *Consensus) evidence(it ConsensusItem) string {
	var parts []string
	distinct := map[string]bool{}
	for i, r := range c.Raters {
		if ev := oneLine(it.Ratings[i].Evidence); ev != "" {
			distinct[ev] = true
			parts = append(parts, r.Label+": "+ev)
		}
	}
	if len(distinct) == 1 {
		for ev := range distinct {
			return ev
		}
	}
	return strings.Join(parts, "; ")
}

// sameFigure returns the figure when every rater gave the same one.
func sameFigure(answers []*form.Item) (float64, bool) {
	for _, a := range answers {
		if a == nil || a.Figure == nil || *a.Figure != *answers[0].Figure {
			return 0, false
		}
	}
	return *answers[0].Figure, true
}

// sameChecked returns the checklist when every rater marked the same
// elements present, in whatever order.
func sameChecked(answers []*form.Item) ([]string, bool) {
	var want []string
	for i, a := range answers {
		if a == nil || a.Checked == nil {
			return nil, false
		}
		got := slices.Sorted(slices.Values(a.Checked))
		got = slices.Compact(got)
		if i == 0 {
			want = got
		} else if !slices.Equal(want, got) {
			return nil, false
		}
	}
	return append([]string{}, answers[0].Checked...), true
}

// figureText writes a figure as its readers do: 23,7 in Finnish.
func figureText(lang string, x float64) string {
	return msg.LocaleOf(lang).Number(form.FormatNumber(x))
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
