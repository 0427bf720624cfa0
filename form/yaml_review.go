package form

import (
	"strconv"
	"strings"
	"time"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/internal/yamlfile"
	"github.com/laatu-fi/laatu/msg"
)

// The review cycle in the assessment file (review.go):
//
//	outcomes:
//	  period: {start: 2026-07-01, end: 2026-09-30}
//	  caseload: 40
//	  competitive_work: 18
//	  job_starts: 6
//	  jobs_ended: 2
//	review: {kind: external, reviewers: [A, B], organisation: THL, days_on_site: 2}
//	items:
//	  - criterion: 17
//	    level: 3
//	    sources: [records, interviews]
//	plan:
//	  - {criterion: 17, action: "…", owner: "…", due: 2027-01-31, status: open}

type outcomesYAML struct {
	Period          *periodYAML `yaml:"period,omitempty"`
	Caseload        scalar      `yaml:"caseload,omitempty"`
	CompetitiveWork scalar      `yaml:"competitive_work,omitempty"`
	JobStarts       scalar      `yaml:"job_starts,omitempty"`
	JobsEnded       scalar      `yaml:"jobs_ended,omitempty"`
}

type periodYAML struct {
	Start scalar `yaml:"start,omitempty"`
	End   scalar `yaml:"end,omitempty"`
}

type reviewYAML struct {
	Kind         scalar   `yaml:"kind,omitempty"`
	Reviewers    []string `yaml:"reviewers,omitempty,flow"`
	Organisation string   `yaml:"organisation,omitempty"`
	DaysOnSite   scalar   `yaml:"days_on_site,omitempty"`
}

type actionYAML struct {
	Criterion scalar `yaml:"criterion"`
	Action    string `yaml:"action"`
	Owner     string `yaml:"owner,omitempty"`
	Due       scalar `yaml:"due,omitempty"`
	Status    scalar `yaml:"status,omitempty"`
}

// readSources reads an item's data source codes; each must be one of
// criteria.DataSources, once.
func readSources(fi *itemYAML, it *Item, file string, ps *msg.Problems) {
	if fi.Sources == nil {
		return
	}
	it.Sources = []string{}
	seen := map[string]bool{}
	for _, s := range *fi.Sources {
		if s.notOne(ps, file, it.Criterion, "sources", "review.hint.source") {
			continue
		}
		id := strings.TrimSpace(s.Value)
		switch {
		case criteria.DataSourceByID(id) == nil:
			ps.Add(msg.Place{File: file, Line: s.Line}, it.Criterion, "review.bad-source", s.Value, sourceList())
		case seen[id]:
			ps.Add(msg.Place{File: file, Line: s.Line}, it.Criterion, "review.duplicate-source", id)
		default:
			seen[id] = true
			it.Sources = append(it.Sources, id)
		}
	}
}

func sourceList() string {
	ids := make([]string, len(criteria.DataSources))
	for i, s := range criteria.DataSources {
		ids[i] = s.ID
	}
	return strings.Join(ids, ", ")
}

// readReviewCycle reads the outcomes, the review and the plan of f into a.
func readReviewCycle(f *fileYAML, a *Assessment, doc *yamlfile.Doc, ps *msg.Problems) {
	file := a.Source
	if o := f.Outcomes; o != nil {
		out := &Outcomes{Place: doc.Place("outcomes")}
		if p := o.Period; p != nil {
			out.Start = readDate(ps, file, p.Start, "start", true, doc.Place("outcomes", "period"), 0)
			out.End = readDate(ps, file, p.End, "end", true, doc.Place("outcomes", "period"), 0)
			if !out.Start.IsZero() && !out.End.IsZero() && out.End.Before(out.Start) {
				ps.Add(msg.Place{File: file, Line: p.End.Line}, 0, "review.period-order", out.Start.Format(time.DateOnly), out.End.Format(time.DateOnly))
			}
		}
		out.Caseload = readCount(ps, file, o.Caseload, "caseload")
		out.CompetitiveWork = readCount(ps, file, o.CompetitiveWork, "competitive_work")
		out.JobStarts = readCount(ps, file, o.JobStarts, "job_starts")
		out.JobsEnded = readCount(ps, file, o.JobsEnded, "jobs_ended")
		if out.Caseload != nil && out.CompetitiveWork != nil && *out.CompetitiveWork > *out.Caseload {
			ps.Add(msg.Place{File: file, Line: o.CompetitiveWork.Line}, 0, "review.work-over-caseload", *out.CompetitiveWork, *out.Caseload)
		}
		a.Outcomes = out
	}
	if r := f.Review; r != nil {
		rv := &Review{Reviewers: r.Reviewers, Organisation: strings.TrimSpace(r.Organisation), Place: doc.Place("review")}
		if r.Kind.Set && !r.Kind.notOne(ps, file, 0, "kind", "review.hint.kind") {
			switch k := strings.TrimSpace(r.Kind.Value); k {
			case ReviewSelf, ReviewExternal:
				rv.Kind = k
			default:
				ps.Add(msg.Place{File: file, Line: r.Kind.Line}, 0, "review.bad-kind", r.Kind.Value)
			}
		}
		if r.DaysOnSite.Set && !r.DaysOnSite.notOne(ps, file, 0, "days_on_site", "review.hint.days") {
			x, ok := ParseNumber(r.DaysOnSite.Value)
			if !ok || x < 0 || strings.HasSuffix(strings.TrimSpace(r.DaysOnSite.Value), "%") {
				ps.Add(msg.Place{File: file, Line: r.DaysOnSite.Line}, 0, "review.bad-days", r.DaysOnSite.Value)
			} else {
				rv.DaysOnSite = &x
			}
		}
		a.Review = rv
	}
	for i, fa := range f.Plan {
		place := doc.Place("plan", i)
		act := Action{Action: strings.TrimSpace(fa.Action), Owner: strings.TrimSpace(fa.Owner), Place: place}
		if !fa.Criterion.Set {
			ps.Add(place, 0, "review.plan-missing", "criterion")
			continue
		}
		if fa.Criterion.notOne(ps, file, 0, "criterion", "yamlstrict.hint.criterion") {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(fa.Criterion.Value))
		if err != nil || n <= 0 {
			ps.Add(msg.Place{File: file, Line: fa.Criterion.Line}, 0, "form.bad-criterion", fa.Criterion.Value)
			continue
		}
		act.Criterion = n
		if act.Action == "" {
			ps.Add(place, n, "review.plan-missing", "action")
		}
		act.Due = readDate(ps, file, fa.Due, "due", false, place, n)
		if fa.Status.Set && !fa.Status.notOne(ps, file, n, "status", "review.hint.status") {
			switch s := strings.TrimSpace(fa.Status.Value); s {
			case StatusOpen, StatusInProgress, StatusDone:
				act.Status = s
			default:
				ps.Add(msg.Place{File: file, Line: fa.Status.Line}, n, "review.bad-status", fa.Status.Value)
			}
		}
		a.Plan = append(a.Plan, act)
	}
}

// readCount reads a whole number 0 or more under key; nil when not given
// or not accepted (the problem is added).
func readCount(ps *msg.Problems, file string, s scalar, key string) *int {
	if !s.Set || s.notOne(ps, file, 0, key, "review.hint.count") {
		return nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(s.Value))
	if err != nil || n < 0 {
		ps.Add(msg.Place{File: file, Line: s.Line}, 0, "review.bad-count", key, s.Value)
		return nil
	}
	return &n
}

// readDate reads a date under key; zero when not given (a problem when
// required) or not accepted.
func readDate(ps *msg.Problems, file string, s scalar, key string, required bool, parent msg.Place, criterion int) time.Time {
	if !s.Set {
		if required {
			ps.Add(parent, 0, "review.missing-date", key)
		}
		return time.Time{}
	}
	if s.notOne(ps, file, criterion, key, "yamlstrict.hint.date") {
		return time.Time{}
	}
	d, ok := ParseDate(s.Value)
	if !ok {
		ps.Add(msg.Place{File: file, Line: s.Line}, criterion, "review.bad-date", key, s.Value)
	}
	return d
}

// checkPlan checks that every action of the plan is about a criterion of
// the set (form.Check).
func checkPlan(a *Assessment, set *criteria.Set, ps *msg.Problems) {
	for _, act := range a.Plan {
		if act.Criterion != 0 && set.Criterion(act.Criterion) == nil {
			ps.Add(act.Place, 0, "review.plan-unknown-criterion", act.Criterion, set.Label(), numberList(set))
		}
	}
}

// writeSources is the reverse of readSources.
func writeSources(it *Item, fi *itemYAML) {
	if it.Sources == nil {
		return
	}
	ss := make([]scalar, len(it.Sources))
	for i, s := range it.Sources {
		ss[i] = scalar{Value: s, Set: true, Tag: "!!str"}
	}
	fi.Sources = &ss
}

// writeReviewCycle is the reverse of readReviewCycle.
func writeReviewCycle(a *Assessment, f *fileYAML) {
	date := func(t time.Time) scalar {
		if t.IsZero() {
			return scalar{}
		}
		return scalar{Value: t.Format(time.DateOnly), Set: true, Tag: "!!timestamp"}
	}
	count := func(n *int) scalar {
		if n == nil {
			return scalar{}
		}
		return scalar{Value: strconv.Itoa(*n), Set: true}
	}
	if o := a.Outcomes; o != nil {
		fo := &outcomesYAML{Caseload: count(o.Caseload), CompetitiveWork: count(o.CompetitiveWork), JobStarts: count(o.JobStarts), JobsEnded: count(o.JobsEnded)}
		if !o.Start.IsZero() || !o.End.IsZero() {
			fo.Period = &periodYAML{Start: date(o.Start), End: date(o.End)}
		}
		f.Outcomes = fo
	}
	if r := a.Review; r != nil {
		fr := &reviewYAML{Reviewers: r.Reviewers, Organisation: r.Organisation}
		if r.Kind != "" {
			fr.Kind = scalar{Value: r.Kind, Set: true, Tag: "!!str"}
		}
		if r.DaysOnSite != nil {
			fr.DaysOnSite = scalar{Value: strconv.FormatFloat(*r.DaysOnSite, 'f', -1, 64), Set: true}
		}
		f.Review = fr
	}
	for _, act := range a.Plan {
		fa := actionYAML{Criterion: scalar{Value: strconv.Itoa(act.Criterion), Set: true}, Action: act.Action, Owner: act.Owner, Due: date(act.Due)}
		if act.Status != "" {
			fa.Status = scalar{Value: act.Status, Set: true, Tag: "!!str"}
		}
		f.Plan = append(f.Plan, fa)
	}
}
