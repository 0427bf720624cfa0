package scoring

import (
	"strings"
	"time"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
)

// TopLevel is the highest level of a criterion: a criterion there is one
// of the service's strengths.
const TopLevel = 5

// NextReview is the day the next review is due after an assessment on date
// with total points: rule.AtOrAboveMonths later when the assessment is
// complete and its total at least rule.GoodFidelity, rule.BelowMonths later
// otherwise (an incomplete assessment has not shown good fidelity). Zero
// when the date is unknown. A month later than the 31st is the last day of
// the shorter month (31.8. + 6 months is 28.2. or 29.2.).
func NextReview(date time.Time, total int, complete bool, rule criteria.ReviewRule) time.Time {
	if date.IsZero() {
		return time.Time{}
	}
	months := rule.BelowMonths
	if complete && total >= rule.GoodFidelity {
		months = rule.AtOrAboveMonths
	}
	return AddMonths(date, months)
}

// AddMonths adds n calendar months to t, keeping the day of the month, or
// the month's last day when it has fewer days.
func AddMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, t.Location())
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(d, last), 0, 0, 0, 0, t.Location())
}

// ReviewState is where a service stands against its next review date.
type ReviewState int

const (
	// ReviewNotDue is a review more than DueSoonDays away (or no date).
	ReviewNotDue ReviewState = iota
	// ReviewDueSoon is a review due within DueSoonDays, or today.
	ReviewDueSoon
	// ReviewOverdue is a review whose day has passed.
	ReviewOverdue
)

// ReviewStateOn says whether the review due on next is overdue or due soon
// on today.
func ReviewStateOn(next, today time.Time, rule criteria.ReviewRule) ReviewState {
	switch {
	case next.IsZero():
		return ReviewNotDue
	case dayOf(today).After(next):
		return ReviewOverdue
	case !dayOf(today).AddDate(0, 0, rule.DueSoonDays).Before(next):
		return ReviewDueSoon
	}
	return ReviewNotDue
}

// ActionOverdue reports whether an action is past its due day on today and
// not done. An action is overdue from the day after its due day; one
// without a due day never is.
func ActionOverdue(a *form.Action, today time.Time) bool {
	return !a.Done() && !a.Due.IsZero() && dayOf(today).After(a.Due)
}

// OverdueActions are the actions of plan overdue on today, in plan order.
func OverdueActions(plan []form.Action, today time.Time) []form.Action {
	var out []form.Action
	for i := range plan {
		if ActionOverdue(&plan[i], today) {
			out = append(out, plan[i])
		}
	}
	return out
}

// OpenActions are the actions of plan not done, in plan order.
func OpenActions(plan []form.Action) []form.Action {
	var out []form.Action
	for i := range plan {
		if !plan[i].Done() {
			out = append(out, plan[i])
		}
	}
	return out
}

func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Strength is a criterion that is one of the service's strengths: at the
// top level, risen since the earlier assessment, or, when no criterion is
// at the top level, at the highest level given.
type Strength struct {
	Criterion *criteria.Criterion
	Level     int
	// From is the level at the earlier assessment when the criterion rose
	// since; 0 when it did not rise (or there is no earlier assessment).
	From int
	// Highest marks a criterion at the highest level given (HighestLevel
	// or more) when none is at the top level.
	Highest bool
}

// Top reports whether the criterion is at the top level.
func (s Strength) Top() bool { return s.Level == TopLevel }

// HighestLevel is the lowest level that counts as a strength when no
// criterion is at the top level, and MaxHighest how many of those are
// named: a written report names the service's relative strengths too
// (THL's report has "strengths and recommendations"), but a list of 20
// criteria at level 4 says nothing.
const (
	HighestLevel = TopLevel - 1
	MaxHighest   = 5
)

// Strengths lists r's criteria at the top level (when none is, the first
// MaxHighest at the highest level given, if that is at least HighestLevel)
// and those whose level rose since earlier (an assessment of the same
// service against the same set; nil for none), in the set's order.
func Strengths(r *Result, earlier *Snapshot) []Strength {
	rated := make([]ratedCriterion, len(r.Items))
	for i, it := range r.Items {
		rated[i] = ratedCriterion{it.Criterion, it.Level}
	}
	return strengthsOf(r.Set, rated, earlier)
}

// SnapshotStrengths are Strengths of an assessment a comparison keeps,
// against earlier (nil for none): the same rule over the same levels.
func SnapshotStrengths(s *Snapshot, earlier *Snapshot) []Strength {
	rated := make([]ratedCriterion, len(s.Levels))
	for i := range s.Levels {
		rated[i] = ratedCriterion{&s.Set.Criteria[i], s.Level(i)}
	}
	return strengthsOf(s.Set, rated, earlier)
}

// ratedCriterion is a criterion with its level (0 not rated).
type ratedCriterion struct {
	Criterion *criteria.Criterion
	Level     int
}

func strengthsOf(set *criteria.Set, rated []ratedCriterion, earlier *Snapshot) []Strength {
	before := map[int]int{}
	if earlier != nil && earlier.Set != nil && earlier.Set.ID == set.ID {
		for i, l := range earlier.Levels {
			before[earlier.Set.Criteria[i].Number] = int(l)
		}
	}
	top := 0
	for _, it := range rated {
		top = max(top, it.Level)
	}
	highest := 0
	var out []Strength
	for _, it := range rated {
		s := Strength{Criterion: it.Criterion, Level: it.Level}
		if b := before[it.Criterion.Number]; b != 0 && it.Level > b {
			s.From = b
		}
		if top < TopLevel && top >= HighestLevel && it.Level == top && highest < MaxHighest {
			s.Highest = true
			highest++
		}
		if it.Level != 0 && (s.Top() || s.Highest || s.From != 0) {
			out = append(out, s)
		}
	}
	return out
}

// Cycle is what a comparison keeps of an assessment's review cycle: the
// kind of review, the employment rate, and the plan.
type Cycle struct {
	// Kind is form.ReviewSelf, form.ReviewExternal or "".
	Kind    string
	Rate    float64
	HasRate bool
	Plan    []form.Action
}

// cycleOf keeps r's review cycle for a Snapshot; nil when the assessment
// records none.
func cycleOf(r *Result) *Cycle {
	a := r.Assessment
	if a == nil || !a.HasCycle() {
		return nil
	}
	c := &Cycle{Plan: make([]form.Action, len(a.Plan))}
	for i, act := range a.Plan { // copies, as in Snapshot
		act.Action, act.Owner, act.Status = strings.Clone(act.Action), strings.Clone(act.Owner), strings.Clone(act.Status)
		act.Place.File, act.Place.Sheet, act.Place.Cell = strings.Clone(act.Place.File), strings.Clone(act.Place.Sheet), strings.Clone(act.Place.Cell)
		c.Plan[i] = act
	}
	if len(a.Plan) == 0 {
		c.Plan = nil // as the copy of none was
	}
	if a.Review != nil {
		c.Kind = strings.Clone(a.Review.Kind)
	}
	c.Rate, c.HasRate = a.Outcomes.Rate()
	return c
}
