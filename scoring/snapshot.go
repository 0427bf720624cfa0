package scoring

import (
	"strings"
	"time"

	"github.com/laatu-fi/laatu/criteria"
)

// Snapshot is what a comparison keeps of one scored assessment: whose it is,
// when, against which set, and the level of each criterion with the sums.
// It holds no notes, evidence or parsed file, so that comparing tens of
// thousands of assessments needs memory only for these few fields each.
type Snapshot struct {
	Set      *criteria.Set
	Provider string
	Unit     string
	// Date is the day of the assessment; zero when the file gives none.
	Date time.Time
	// Source is the file the assessment was read from.
	Source string
	// Levels holds the level used for each criterion in the set's order;
	// 0 is missing.
	Levels []int8
	// Domains are the domain sums in the set's order.
	Domains  []DomainScore
	Total    int
	Max      int
	Rated    int
	Count    int
	Complete bool
	Band     *criteria.Band
	// Conflicts counts the criteria whose given level contradicts their
	// figure or checklist.
	Conflicts int
	// Cycle is the assessment's review cycle (review.go); nil when the
	// file records none.
	Cycle *Cycle
	// Version is the set version the file was written for ("" when it
	// states none); Earlier is set when that is an earlier version scored
	// against the current one (Result.Earlier, versions.go).
	Version string
	Earlier *criteria.EarlierVersion
}

// Snapshot keeps the part of r a comparison needs.
func (r *Result) Snapshot() Snapshot {
	s := Snapshot{
		Set: r.Set, Total: r.Total, Max: r.Max, Rated: r.Rated, Count: r.Count,
		Complete: r.Complete, Band: r.Band, Earlier: r.Earlier,
		Levels:  make([]int8, len(r.Items)),
		Domains: append([]DomainScore(nil), r.Domains...),
	}
	if a := r.Assessment; a != nil {
		// Copies: a reader's strings may be parts of the whole file's
		// text, which a thousand snapshots would otherwise keep.
		s.Provider, s.Unit, s.Date, s.Source = strings.Clone(a.Provider), strings.Clone(a.Unit), a.Date, strings.Clone(a.Source)
		s.Cycle = cycleOf(r)
		s.Version = strings.Clone(a.CriteriaVersion)
	}
	for i, it := range r.Items {
		s.Levels[i] = int8(it.Level)
		if it.Conflict() {
			s.Conflicts++
		}
	}
	return s
}

// Key identifies the service, for grouping its assessments over time.
func (s *Snapshot) Key() string { return s.Provider + "\x00" + s.Unit }

// Level is the level of the i-th criterion of the set (0 when missing).
func (s *Snapshot) Level(i int) int { return int(s.Levels[i]) }

// Mean is the mean level over the rated criteria, 0 when none is rated.
func (s *Snapshot) Mean() float64 {
	if s.Rated == 0 {
		return 0
	}
	return float64(s.Total) / float64(s.Rated)
}

// Missing lists the numbers of the criteria without a level.
func (s *Snapshot) Missing() []int {
	ns := []int{}
	for i, l := range s.Levels {
		if l == 0 {
			ns = append(ns, s.Set.Criteria[i].Number)
		}
	}
	return ns
}

// DateISO is the date as 2026-11-24, or "" when unknown.
func (s *Snapshot) DateISO() string {
	if s.Date.IsZero() {
		return ""
	}
	return s.Date.Format(time.DateOnly)
}
