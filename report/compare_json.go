package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/scoring"
)

// CompareJSON is the documented JSON form of `laatu compare`.
type CompareJSON struct {
	Schema          string `json:"schema"`
	Criteria        string `json:"criteria"`
	CriteriaVersion string `json:"criteria_version"`
	CriteriaName    string `json:"criteria_name"`
	Order           string `json:"order"`
	Assessments     int    `json:"assessments"`
	RecommendBelow  int    `json:"recommend_below"`
	// Items are the regional statistics per criterion, in the set's order.
	Items []ItemStatsJSON `json:"items"`
	// Weakest are criterion numbers, weakest first.
	Weakest []int         `json:"weakest"`
	LeftOut []LeftOutJSON `json:"left_out"`
	// ReviewsDue are the services due for review or overdue on the day
	// the comparison was read on (`--today`); absent when the review cycle
	// is not shown.
	ReviewsDue []ReviewDueJSON `json:"reviews_due,omitempty"`
	// Today is the day the review states were read on; absent without one.
	Today string `json:"today,omitempty"`
	// Services are in the report's order. They are the last field, so
	// that CompareJSONOut can write them one at a time.
	Services []ServiceJSON `json:"services"`
}

// ServiceJSON is one service with its assessments in date order.
type ServiceJSON struct {
	Provider string `json:"provider"`
	Unit     string `json:"unit"`
	// Rank is null when the latest assessment is incomplete.
	Rank            *int                 `json:"rank"`
	Assessments     []SnapshotJSON       `json:"assessments"`
	Change          *ChangeJSON          `json:"change"`
	Recommendations []RecommendationJSON `json:"recommendations"`
	// Missing lists the criteria the latest assessment does not rate.
	Missing []int `json:"missing"`
	// Cycle is the service's review cycle; absent when none of its
	// assessments records it.
	Cycle *ServiceCycleJSON `json:"cycle,omitempty"`
	// NextReview is when the service's next review is due, for every
	// service (compare_strengths_doc.go); null when no assessment is
	// dated.
	NextReview *NextReviewJSON `json:"next_review"`
	// Strengths are the latest assessment's strengths, as `laatu score`
	// gives them.
	Strengths []StrengthJSON `json:"strengths"`
}

// NextReviewJSON is a service's next review and the assessment it is
// counted from (scoring.ReviewBasis): the latest dated one that is not a
// self-assessment, or the latest self-assessment when every one is.
type NextReviewJSON struct {
	Due string `json:"due"`
	// State is "not_due", "due_soon" or "overdue" on the day read on;
	// null without one.
	State    *string `json:"state"`
	FromFile string  `json:"from_file"`
	FromDate string  `json:"from_date"`
	// FromKind is "self" or "external", null when the file does not say.
	FromKind     *string `json:"from_kind"`
	FromTotal    int     `json:"from_total"`
	FromComplete bool    `json:"from_complete"`
}

// ServiceCycleJSON is a service's review cycle (compare_review.go): the
// latest employment rate and the one before it, the benchmark reached,
// whether the trend mixes self-assessments and external reviews, the next
// review, the latest plan's open and overdue actions, and the criteria of
// the previous plan with their levels then and now.
type ServiceCycleJSON struct {
	MixedKinds bool `json:"mixed_kinds"`
	// EmploymentRate is in per cent; null when no assessment gives one.
	EmploymentRate         *float64 `json:"employment_rate"`
	PreviousEmploymentRate *float64 `json:"previous_employment_rate"`
	// RateChange is in percentage points.
	RateChange *float64 `json:"rate_change"`
	// Benchmark is the id of the highest benchmark reached, null for none.
	Benchmark     *string `json:"benchmark"`
	BenchmarkName *string `json:"benchmark_name"`
	NextReview    *string `json:"next_review"`
	// ReviewState is "not_due", "due_soon" or "overdue" on the day read
	// on; null without one.
	ReviewState *string `json:"review_state"`
	// OpenActions and OverdueActions are null when the latest assessment
	// has no plan; OverdueActions also without a day read on.
	OpenActions    *int           `json:"open_actions"`
	OverdueActions []ActionJSON   `json:"overdue_actions"`
	PlanMoves      []PlanMoveJSON `json:"plan_moves"`
}

// PlanMoveJSON is a criterion of the previous plan with its level then
// and now; null for not rated.
type PlanMoveJSON struct {
	Criterion int  `json:"criterion"`
	From      *int `json:"from"`
	To        *int `json:"to"`
}

// ReviewDueJSON is a service due for review or overdue.
type ReviewDueJSON struct {
	Provider string `json:"provider"`
	Unit     string `json:"unit"`
	Due      string `json:"due"`
	// State is "due_soon" or "overdue".
	State string `json:"state"`
}

// SnapshotJSON is one assessment's scores.
type SnapshotJSON struct {
	File      string         `json:"file"`
	Date      *string        `json:"date"`
	Total     int            `json:"total"`
	Max       int            `json:"max"`
	Rated     int            `json:"rated"`
	Count     int            `json:"count"`
	Mean      *float64       `json:"mean"`
	Complete  bool           `json:"complete"`
	Band      *string        `json:"band"`
	BandName  *string        `json:"band_name"`
	Conflicts int            `json:"conflicts"`
	Domains   []DomainJSON   `json:"domains"`
	Levels    map[string]int `json:"levels"`
	// Kind is "self" or "external" when the assessment says;
	// EmploymentRate is its rate in per cent when it gives its outcomes.
	Kind           string   `json:"kind,omitempty"`
	EmploymentRate *float64 `json:"employment_rate,omitempty"`
}

// ChangeJSON is the latest assessment against the previous one; a null
// value is not comparable (either side incomplete or not rated).
type ChangeJSON struct {
	From     *string         `json:"from"`
	To       *string         `json:"to"`
	Total    *int            `json:"total"`
	Domains  map[string]*int `json:"domains"`
	Criteria map[string]*int `json:"criteria"`
}

// RecommendationJSON is a criterion below the threshold with what the next
// level asks for.
type RecommendationJSON struct {
	Criterion int    `json:"criterion"`
	Title     string `json:"title"`
	Level     int    `json:"level"`
	NextLevel int    `json:"next_level"`
	Next      string `json:"next"`
}

// ItemStatsJSON is one criterion over the services' latest assessments.
type ItemStatsJSON struct {
	Criterion int      `json:"criterion"`
	Title     string   `json:"title"`
	Domain    string   `json:"domain"`
	Rated     int      `json:"rated"`
	Mean      *float64 `json:"mean"`
	Median    *float64 `json:"median"`
	Below     int      `json:"below"`
}

// LeftOutJSON is an assessment made with another criteria set.
type LeftOutJSON struct {
	File            string `json:"file"`
	Provider        string `json:"provider"`
	Unit            string `json:"unit"`
	Criteria        string `json:"criteria"`
	CriteriaVersion string `json:"criteria_version"`
}

func deltaPtr(d scoring.Delta) *int {
	if !d.OK {
		return nil
	}
	return ptr(d.Value)
}

func datePtr(iso string) *string {
	if iso == "" {
		return nil
	}
	return &iso
}

func snapshotJSON(s *scoring.Snapshot, lang string) SnapshotJSON {
	j := SnapshotJSON{
		File: s.Source, Date: datePtr(s.DateISO()), Total: s.Total, Max: s.Max, Rated: s.Rated, Count: s.Count,
		Complete: s.Complete, Conflicts: s.Conflicts, Levels: map[string]int{}, Domains: []DomainJSON{},
	}
	if s.Rated > 0 {
		j.Mean = ptr(roundHalfUp(s.Mean()))
	}
	if s.Band != nil {
		j.Band = ptr(s.Band.ID)
		j.BandName = ptr(s.Band.Name.In(lang))
	}
	for _, d := range s.Domains {
		dj := DomainJSON{ID: d.Domain.ID, Name: d.Domain.Name.In(lang), Score: d.Score, Max: d.Max, Rated: d.Rated, Count: d.Count}
		if d.Rated > 0 {
			dj.Mean = ptr(roundHalfUp(d.Mean))
		}
		j.Domains = append(j.Domains, dj)
	}
	for i, l := range s.Levels {
		if l != 0 {
			j.Levels[strconv.Itoa(s.Set.Criteria[i].Number)] = int(l)
		}
	}
	if s.Cycle != nil {
		j.Kind = s.Cycle.Kind
		if s.Cycle.HasRate {
			j.EmploymentRate = ptr(round2(s.Cycle.Rate))
		}
	}
	return j
}

// CompareJSONOf converts a comparison to its JSON form.
func CompareJSONOf(c *scoring.Comparison, opt CompareOptions) CompareJSON {
	l := opt.Lang
	set := c.Set
	j := CompareJSON{
		Schema: CompareSchema, Criteria: set.ID, CriteriaVersion: set.Version, CriteriaName: set.Name.In(l),
		Order: string(opt.Order), Assessments: c.Assessments, RecommendBelow: c.Below,
		Services: []ServiceJSON{}, Items: []ItemStatsJSON{}, Weakest: []int{}, LeftOut: []LeftOutJSON{},
	}
	if j.Order == "" {
		j.Order = string(scoring.ByTotal)
	}
	for i := range c.Services {
		sv := &c.Services[i]
		sj := ServiceJSON{Provider: sv.Provider, Unit: sv.Unit, Recommendations: []RecommendationJSON{}, Missing: sv.Latest().Missing()}
		if sv.Rank > 0 {
			sj.Rank = ptr(sv.Rank)
		}
		for k := range sv.History {
			sj.Assessments = append(sj.Assessments, snapshotJSON(&sv.History[k], l))
		}
		if ch := sv.Change; ch != nil {
			cj := &ChangeJSON{
				From: datePtr(sv.Previous().DateISO()), To: datePtr(sv.Latest().DateISO()),
				Total: deltaPtr(ch.Total), Domains: map[string]*int{}, Criteria: map[string]*int{},
			}
			for k, d := range ch.Domains {
				cj.Domains[set.Domains[k].ID] = deltaPtr(d)
			}
			for k, d := range ch.Criteria {
				cj.Criteria[strconv.Itoa(set.Criteria[k].Number)] = deltaPtr(d)
			}
			sj.Change = cj
		}
		for _, r := range sv.Recommendations {
			sj.Recommendations = append(sj.Recommendations, RecommendationJSON{
				Criterion: r.Criterion.Number, Title: r.Criterion.Title.In(l), Level: r.Level,
				NextLevel: r.Next(), Next: r.Criterion.Anchor(r.Next()).In(l),
			})
		}
		sj.Cycle = serviceCycleJSON(sv, opt)
		sj.NextReview, sj.Strengths = nextReviewJSON(sv, opt), strengthsJSON(l, scoring.SnapshotStrengths(sv.Latest(), scoring.EarlierOf(sv)))
		j.Services = append(j.Services, sj)
	}
	for _, st := range c.Criteria {
		ij := ItemStatsJSON{Criterion: st.Criterion.Number, Title: st.Criterion.Title.In(l), Domain: st.Criterion.Domain, Rated: st.Rated, Below: st.Below}
		if st.Rated > 0 {
			ij.Mean, ij.Median = ptr(roundHalfUp(st.Mean)), ptr(st.Median)
		}
		j.Items = append(j.Items, ij)
	}
	for _, w := range c.Weakest {
		j.Weakest = append(j.Weakest, w.Criterion.Number)
	}
	for _, s := range c.LeftOut {
		j.LeftOut = append(j.LeftOut, LeftOutJSON{File: s.Source, Provider: s.Provider, Unit: s.Unit, Criteria: s.Set.ID, CriteriaVersion: s.Set.Version})
	}
	j.ReviewsDue = reviewsDueJSON(c, opt)
	if !opt.Today.IsZero() {
		j.Today = opt.Today.Format(time.DateOnly)
	}
	return j
}

// nextReviewJSON is sv's next review; nil when no assessment is dated.
func nextReviewJSON(sv *scoring.Service, opt CompareOptions) *NextReviewJSON {
	r := scoring.ReviewOf(sv, opt.Today, criteria.BuiltinCycle().Review)
	b := r.Basis
	if b == nil {
		return nil
	}
	j := &NextReviewJSON{Due: r.Next.Format(time.DateOnly), FromFile: b.Source, FromDate: b.DateISO(), FromTotal: b.Total, FromComplete: b.Complete}
	if !opt.Today.IsZero() {
		j.State = ptr(reviewStateID(r.State))
	}
	if b.Cycle != nil && b.Cycle.Kind != "" {
		j.FromKind = ptr(b.Cycle.Kind)
	}
	return j
}

// CompareJSONOut writes the comparison as JSON. The services are encoded
// one at a time, so that the output of tens of thousands of assessments is
// never held in memory whole; the result is the same document that
// encoding CompareJSONOf would give.
func CompareJSONOut(w io.Writer, c *scoring.Comparison, opt CompareOptions) error {
	doc := CompareJSONOf(&scoring.Comparison{Set: c.Set, Criteria: c.Criteria, Weakest: c.Weakest,
		Assessments: c.Assessments, LeftOut: c.LeftOut, Below: c.Below}, opt)
	doc.ReviewsDue = reviewsDueJSON(c, opt)
	head, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	// The services come last in CompareJSON: cut the empty list off the
	// end of the document and write the services in its place.
	const tail = "\"services\": []\n}"
	if !bytes.HasSuffix(head, []byte(tail)) {
		return fmt.Errorf("compare JSON: services are not the last field")
	}
	bw := bufio.NewWriter(w)
	bw.Write(head[:len(head)-len(tail)])
	bw.WriteString("\"services\": [")
	one := &scoring.Comparison{Set: c.Set, Below: c.Below}
	ji := newJSONIndenter()
	for i := range c.Services {
		one.Services = c.Services[i : i+1]
		sj := CompareJSONOf(one, opt).Services[0]
		b, err := ji.marshalIndent(&sj, "    ", "  ")
		if err != nil {
			return err
		}
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n    ")
		bw.Write(b)
	}
	if len(c.Services) > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("]\n}\n")
	return bw.Flush()
}

func reviewStateID(st scoring.ReviewState) string {
	switch st {
	case scoring.ReviewOverdue:
		return "overdue"
	case scoring.ReviewDueSoon:
		return "due_soon"
	}
	return "not_due"
}

// reviewsDueJSON lists the services due or overdue when a day is given;
// nil otherwise (the field is left out).
func reviewsDueJSON(c *scoring.Comparison, opt CompareOptions) []ReviewDueJSON {
	if opt.Today.IsZero() {
		return nil
	}
	out := []ReviewDueJSON{}
	for _, d := range ReviewsDue(c, opt.Today) {
		out = append(out, ReviewDueJSON{Provider: d.Service.Provider, Unit: d.Service.Unit, Due: d.Next.Format(time.DateOnly), State: reviewStateID(d.State)})
	}
	return out
}

// serviceCycleJSON is sv's review cycle, nil when none of its
// assessments records one.
func serviceCycleJSON(sv *scoring.Service, opt CompareOptions) *ServiceCycleJSON {
	sc := CycleOf(sv, opt.Today)
	if !sc.HasCycle() {
		return nil
	}
	j := &ServiceCycleJSON{MixedKinds: sc.Mixed, PlanMoves: []PlanMoveJSON{}}
	if sc.HasRate {
		j.EmploymentRate = ptr(round2(sc.Rate))
		if sc.Bench != nil {
			j.Benchmark, j.BenchmarkName = ptr(sc.Bench.ID), ptr(sc.Bench.Name.In(opt.Lang))
		}
	}
	if sc.HasPrevRate {
		j.PreviousEmploymentRate = ptr(round2(sc.PrevRate))
	}
	if sc.HasRate && sc.HasPrevRate {
		j.RateChange = ptr(round2(round2(sc.Rate) - round2(sc.PrevRate)))
	}
	if !sc.Next.IsZero() {
		j.NextReview = ptr(sc.Next.Format(time.DateOnly))
		if !opt.Today.IsZero() {
			j.ReviewState = ptr(reviewStateID(sc.State))
		}
	}
	if sc.HasPlan {
		j.OpenActions = ptr(len(sc.Open))
		if !opt.Today.IsZero() {
			j.OverdueActions = []ActionJSON{}
			for _, a := range sc.Overdue {
				aj := ActionJSON{Criterion: a.Criterion, Action: a.Action, Owner: a.Owner, Due: isoOrNil(a.Due), Status: a.Status}
				if aj.Status == "" {
					aj.Status = form.StatusOpen
				}
				if cr := sv.Latest().Set.Criterion(a.Criterion); cr != nil {
					aj.Title = cr.Title.In(opt.Lang)
				}
				j.OverdueActions = append(j.OverdueActions, aj)
			}
		}
	}
	level := func(n int) *int {
		if n == 0 {
			return nil
		}
		return ptr(n)
	}
	for _, m := range sc.Moves {
		j.PlanMoves = append(j.PlanMoves, PlanMoveJSON{Criterion: m.Criterion.Number, From: level(m.From), To: level(m.To)})
	}
	return j
}
