package form

import (
	"time"

	"github.com/laatu-fi/laatu/msg"
)

// The review cycle (issue 16): beside the levels, an assessment may record
// the employment outcomes of a period, how the review was made and by whom,
// and the action plan (kehittämissuunnitelma) agreed after it. All of it is
// optional; a file without it reads and scores exactly as before.

// Outcomes are a service's employment outcomes over a period, usually a
// quarter. Each count is nil when the file does not give it.
type Outcomes struct {
	// Start and End are the period's first and last day; zero when the
	// file gives no period.
	Start, End time.Time
	// Caseload is the clients on the caseload during the period, and
	// CompetitiveWork those of them who worked in a competitive job at any
	// time during it; never more than Caseload.
	Caseload        *int
	CompetitiveWork *int
	// JobStarts and JobsEnded count the competitive jobs begun and ended
	// during the period.
	JobStarts *int
	JobsEnded *int
	Place     msg.Place
}

// Review kinds: a service's own assessment, or a review by outside
// reviewers (THL's practice: a pair of reviewers on site).
const (
	ReviewSelf     = "self"
	ReviewExternal = "external"
)

// Review says how the assessment was made.
type Review struct {
	// Kind is ReviewSelf, ReviewExternal, or "" when the file does not say.
	Kind         string
	Reviewers    []string
	Organisation string
	// DaysOnSite is the days the reviewers spent at the service; nil when
	// not given.
	DaysOnSite *float64
	Place      msg.Place
}

// Action statuses. An action without a status is open.
const (
	StatusOpen       = "open"
	StatusInProgress = "in-progress"
	StatusDone       = "done"
)

// Action is one entry of the action plan: what is done about a criterion,
// who owns it, by when, and how far it is.
type Action struct {
	Criterion int
	Action    string
	Owner     string
	// Due is the day the action is due; zero when not given.
	Due    time.Time
	Status string
	Place  msg.Place
}

// Done reports whether the action is finished.
func (a *Action) Done() bool { return a.Status == StatusDone }

// HasCycle reports whether the assessment records anything of the review
// cycle: outcomes, how it was reviewed, a plan, or data sources of an item.
// Reports show the cycle's sections only then, so that the reports of
// older files stay as they were.
func (a *Assessment) HasCycle() bool {
	if a.Outcomes != nil || a.Review != nil || len(a.Plan) > 0 {
		return true
	}
	for i := range a.Items {
		if len(a.Items[i].Sources) > 0 {
			return true
		}
	}
	return false
}

// Rate is the employment rate in per cent (CompetitiveWork / Caseload ×
// 100), and whether there is one: both counts given and a caseload above 0.
func (o *Outcomes) Rate() (float64, bool) {
	if o == nil || o.Caseload == nil || o.CompetitiveWork == nil || *o.Caseload == 0 {
		return 0, false
	}
	return float64(*o.CompetitiveWork) / float64(*o.Caseload) * 100, true
}
