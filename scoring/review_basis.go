package scoring

import (
	"time"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
)

// ReviewBasis is the assessment of history (a service's assessments in
// date order, Service.History) that its next review is counted from: the
// latest dated one that is not a self-assessment, or, when every dated one
// is, the latest self-assessment; nil when none is dated. The repeat review
// every six months (THL) is a review by others: a self-assessment between
// two reviews is the service's own check and does not put off the next
// review. An assessment that does not say its kind (a file without the
// review cycle's keys) may be either, and counts as a review, so that
// comparisons of such files count from their latest assessment.
func ReviewBasis(history []Snapshot) *Snapshot {
	var latestSelf *Snapshot
	for k := len(history) - 1; k >= 0; k-- {
		s := &history[k]
		if s.Date.IsZero() {
			continue
		}
		if !s.SelfAssessment() {
			return s
		}
		if latestSelf == nil {
			latestSelf = s
		}
	}
	return latestSelf
}

// SelfAssessment reports whether the assessment says it is a
// self-assessment.
func (s *Snapshot) SelfAssessment() bool {
	return s.Cycle != nil && s.Cycle.Kind == form.ReviewSelf
}

// ServiceReview is when a service's next review is due and where it
// stands on a day: Basis is the assessment it is counted from
// (ReviewBasis; nil when no assessment is dated, and then Next is zero and
// State ReviewNotDue).
type ServiceReview struct {
	Basis *Snapshot
	Next  time.Time
	State ReviewState
}

// ReviewOf is sv's next review under rule, and its state on today (zero
// today: ReviewNotDue).
func ReviewOf(sv *Service, today time.Time, rule criteria.ReviewRule) ServiceReview {
	b := ReviewBasis(sv.History)
	if b == nil {
		return ServiceReview{}
	}
	r := ServiceReview{Basis: b, Next: NextReview(b.Date, b.Total, b.Complete, rule)}
	if !today.IsZero() {
		r.State = ReviewStateOn(r.Next, today, rule)
	}
	return r
}

// EarlierOf is sv's latest assessment on a day before its latest one's,
// for the rises among the latest's strengths (as `laatu score` finds the
// earlier assessment); nil when there is none or the latest is undated: a
// rise needs an order in time.
func EarlierOf(sv *Service) *Snapshot {
	last := sv.Latest()
	if last.Date.IsZero() {
		return nil
	}
	for k := len(sv.History) - 2; k >= 0; k-- {
		if s := &sv.History[k]; !s.Date.IsZero() && s.Date.Before(last.Date) {
			return s
		}
	}
	return nil
}
