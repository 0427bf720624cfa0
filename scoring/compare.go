package scoring

import (
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/laatu-fi/laatu/criteria"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Order is how the services of a comparison are listed.
type Order string

const (
	// ByTotal lists complete assessments by total, highest first, then the
	// incomplete ones by name: an incomplete total is never ranked.
	ByTotal Order = "total"
	// ByName lists every service in Finnish alphabetical order (å, ä, ö
	// after z), unit first, then provider.
	ByName Order = "name"
)

// RecommendBelow is the level under which a criterion gets a
// recommendation: THL's good fidelity means mostly 4s and 5s.
const RecommendBelow = 4

// CompareOptions tune Compare.
type CompareOptions struct {
	Order Order
	// Below is the level under which a criterion is recommended for work;
	// 0 means RecommendBelow.
	Below int
	// Weakest is how many criteria the region-wide weakest list holds;
	// 0 means 5.
	Weakest int
}

// Comparison is a set of services compared on one criteria set.
type Comparison struct {
	Set      *criteria.Set
	Services []Service
	// Criteria holds the regional statistics of each criterion in the set's
	// order, over the latest assessment of each service.
	Criteria []CriterionStats
	// Weakest are the criteria with the lowest regional mean.
	Weakest []CriterionStats
	// Assessments counts the snapshots compared (every date of every
	// service).
	Assessments int
	// LeftOut are assessments made against another criteria set: their
	// levels do not mean the same and are not compared.
	LeftOut []Snapshot
	// Below is the recommendation threshold used.
	Below int
}

// Service is one provider's unit with its assessments in date order.
type Service struct {
	Provider string
	Unit     string
	// History is in date order; assessments without a date come first, and
	// the same date is ordered by file name.
	History []Snapshot
	// Rank is the place by total among complete latest assessments (equal
	// totals share a place); 0 when the latest assessment is incomplete.
	Rank int
	// Change compares the latest assessment with the previous one; nil when
	// there is only one.
	Change *Change
	// Recommendations are the latest assessment's rated criteria below the
	// threshold, lowest level first.
	Recommendations []Recommendation
}

// Latest is the most recent assessment.
func (s *Service) Latest() *Snapshot { return &s.History[len(s.History)-1] }

// Previous is the assessment before the latest, or nil.
func (s *Service) Previous() *Snapshot {
	if len(s.History) < 2 {
		return nil
	}
	return &s.History[len(s.History)-2]
}

// Delta is a change in a score; OK is false when the two are not
// comparable (either side incomplete or missing).
type Delta struct {
	Value int
	OK    bool
}

// Change is the latest assessment against the previous one.
type Change struct {
	Total    Delta
	Domains  []Delta // the set's domain order
	Criteria []Delta // the set's criterion order
}

// Recommendation is a criterion to work on with the level to reach.
type Recommendation struct {
	Criterion *criteria.Criterion
	Level     int
}

// Next is the level to reach next.
func (r Recommendation) Next() int { return r.Level + 1 }

// CriterionStats summarises one criterion over the services.
type CriterionStats struct {
	Criterion *criteria.Criterion
	// Index is the criterion's place in the set.
	Index int
	// Rated counts the services whose latest assessment rates it.
	Rated  int
	Mean   float64
	Median float64
	// Below counts the services rated under the recommendation threshold.
	Below int
}

// MainSet picks the criteria set to compare on when the user names none:
// the one most assessments use, the default set on a tie.
func MainSet(snaps []Snapshot) *criteria.Set {
	count := map[*criteria.Set]int{}
	var best *criteria.Set
	for i := range snaps {
		count[snaps[i].Set]++
	}
	for s, n := range count {
		switch {
		case best == nil, n > count[best]:
			best = s
		case n == count[best] && setBefore(s, best):
			best = s
		}
	}
	return best
}

func setBefore(a, b *criteria.Set) bool {
	if (a.ID == criteria.DefaultID) != (b.ID == criteria.DefaultID) {
		return a.ID == criteria.DefaultID
	}
	if a.ID != b.ID {
		return a.ID < b.ID
	}
	return a.Version < b.Version
}

// Compare groups snaps by service, orders each service's assessments by
// date, ranks the services and computes the regional statistics. Snapshots
// scored against another set than set go to LeftOut.
func Compare(snaps []Snapshot, set *criteria.Set, opt CompareOptions) *Comparison {
	if opt.Below == 0 {
		opt.Below = RecommendBelow
	}
	if opt.Weakest == 0 {
		opt.Weakest = 5
	}
	c := &Comparison{Set: set, Below: opt.Below}
	byKey := map[string]int{}
	for _, s := range snaps {
		if s.Set != set {
			c.LeftOut = append(c.LeftOut, s)
			continue
		}
		c.Assessments++
		i, ok := byKey[s.Key()]
		if !ok {
			i = len(c.Services)
			byKey[s.Key()] = i
			c.Services = append(c.Services, Service{Provider: s.Provider, Unit: s.Unit})
		}
		c.Services[i].History = append(c.Services[i].History, s)
	}
	sort.Slice(c.LeftOut, func(i, j int) bool { return c.LeftOut[i].Source < c.LeftOut[j].Source })
	for i := range c.Services {
		sv := &c.Services[i]
		sort.SliceStable(sv.History, func(a, b int) bool {
			x, y := &sv.History[a], &sv.History[b]
			if !x.Date.Equal(y.Date) {
				return x.Date.Before(y.Date)
			}
			return x.Source < y.Source
		})
		if prev := sv.Previous(); prev != nil {
			sv.Change = change(prev, sv.Latest())
		}
		sv.Recommendations = recommendations(sv.Latest(), opt.Below)
	}
	rank(c.Services)
	order(c.Services, opt.Order)
	c.Criteria = criterionStats(c.Services, set, opt.Below)
	c.Weakest = weakest(c.Criteria, opt.Weakest)
	return c
}

func change(from, to *Snapshot) *Change {
	ch := &Change{
		Total:    Delta{to.Total - from.Total, from.Complete && to.Complete},
		Domains:  make([]Delta, len(to.Domains)),
		Criteria: make([]Delta, len(to.Levels)),
	}
	for i := range to.Domains {
		a, b := from.Domains[i], to.Domains[i]
		ch.Domains[i] = Delta{b.Score - a.Score, a.Complete() && b.Complete()}
	}
	for i := range to.Levels {
		a, b := from.Level(i), to.Level(i)
		ch.Criteria[i] = Delta{b - a, a != 0 && b != 0}
	}
	return ch
}

func recommendations(s *Snapshot, below int) []Recommendation {
	var rs []Recommendation
	for i, l := range s.Levels {
		if l != 0 && int(l) < below {
			rs = append(rs, Recommendation{Criterion: &s.Set.Criteria[i], Level: int(l)})
		}
	}
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].Level < rs[j].Level })
	return rs
}

// rank places complete latest assessments by total; equal totals share a
// place and the next place skips (1, 2, 2, 4).
func rank(svs []Service) {
	var totals []int
	for i := range svs {
		if l := svs[i].Latest(); l.Complete {
			totals = append(totals, l.Total)
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(totals)))
	for i := range svs {
		l := svs[i].Latest()
		if !l.Complete {
			continue
		}
		svs[i].Rank = sort.Search(len(totals), func(k int) bool { return totals[k] <= l.Total }) + 1
	}
}

// nameOrder compares services by name: unit first, then provider, in
// Finnish alphabetical order (å, ä and ö after z), whatever the report's
// language, because the names are Finnish. A collator is not safe for
// concurrent use, so each call makes its own.
func nameOrder() func(a, b *Service) int {
	col := collate.New(language.Finnish, collate.IgnoreCase)
	return func(a, b *Service) int {
		if c := col.CompareString(a.Unit, b.Unit); c != 0 {
			return c
		}
		if c := col.CompareString(a.Provider, b.Provider); c != 0 {
			return c
		}
		return strings.Compare(a.Unit+a.Provider, b.Unit+b.Provider)
	}
}

func order(svs []Service, o Order) {
	byName := nameOrder()
	sort.SliceStable(svs, func(i, j int) bool {
		a, b := &svs[i], &svs[j]
		if o != ByName {
			if (a.Rank == 0) != (b.Rank == 0) {
				return a.Rank != 0
			}
			if a.Rank != b.Rank {
				return a.Rank < b.Rank
			}
		}
		return byName(a, b) < 0
	})
}

func criterionStats(svs []Service, set *criteria.Set, below int) []CriterionStats {
	stats := make([]CriterionStats, len(set.Criteria))
	levels := make([]int, 0, len(svs))
	for i := range set.Criteria {
		levels = levels[:0]
		for k := range svs {
			if l := svs[k].Latest().Level(i); l != 0 {
				levels = append(levels, l)
			}
		}
		st := CriterionStats{Criterion: &set.Criteria[i], Index: i, Rated: len(levels)}
		if len(levels) > 0 {
			sort.Ints(levels)
			sum := 0
			for _, l := range levels {
				sum += l
				if l < below {
					st.Below++
				}
			}
			st.Mean = float64(sum) / float64(len(levels))
			mid := len(levels) / 2
			st.Median = float64(levels[mid])
			if len(levels)%2 == 0 {
				st.Median = float64(levels[mid-1]+levels[mid]) / 2
			}
		}
		stats[i] = st
	}
	return stats
}

// weakest picks the n criteria with the lowest mean; more services below
// the threshold, then the set's order, break ties.
func weakest(stats []CriterionStats, n int) []CriterionStats {
	var ws []CriterionStats
	for _, s := range stats {
		if s.Rated > 0 {
			ws = append(ws, s)
		}
	}
	sort.SliceStable(ws, func(i, j int) bool {
		if ws[i].Mean != ws[j].Mean {
			return ws[i].Mean < ws[j].Mean
		}
		return ws[i].Below > ws[j].Below
	})
	if len(ws) > n {
		ws = ws[:n]
	}
	return ws
}

// Duplicate is one service's assessment of one date found in more than one
// file: the same assessment saved as YAML and as a workbook, say.
type Duplicate struct {
	// Kept is the file counted (the first by file name), Dropped the other.
	Kept, Dropped string
	Provider      string
	Unit          string
	Date          time.Time
	// Differ lists the numbers of the criteria whose levels differ in the
	// two; empty when the two agree on every level.
	Differ []int
	// CycleDiffers is set when the two agree on every level but both
	// record the review cycle (kind of review, employment rate, plan) and
	// their cycles differ: both are kept, for the caller to refuse.
	CycleDiffers bool
}

// Dedupe keeps one snapshot of each service, criteria set and date, so that
// one assessment saved twice is not counted twice, and says which it
// dropped. Of two with the same levels the one in the first file by name is
// kept; two that differ are both kept and returned with Differ set, for the
// caller to refuse: nothing tells which of them is right. Of two with the
// same levels of which only one records the review cycle (a YAML file with
// the plan and a workbook saved without it), the one with the cycle is
// kept, whatever the names, so that a plan or an employment rate is never
// dropped for a copy without it; two that both record the cycle and
// differ in it are both kept with CycleDiffers set, for the caller to
// refuse like differing levels. Snapshots without a date are all kept,
// since nothing says two of them are one assessment. The snapshots kept
// keep their order.
func Dedupe(snaps []Snapshot) (kept []Snapshot, dups []Duplicate) {
	type key struct {
		set     *criteria.Set
		service string
		date    time.Time
	}
	first := map[key]int{}
	drop := make([]bool, len(snaps))
	for i := range snaps {
		s := &snaps[i]
		if s.Date.IsZero() {
			continue
		}
		k := key{s.Set, s.Key(), s.Date}
		j, seen := first[k]
		if !seen {
			first[k] = i
			continue
		}
		// Keep the first by file name, whatever order the files came in.
		if s.Source < snaps[j].Source {
			first[k], i, j = i, j, i
			s = &snaps[i]
		}
		d := Duplicate{Kept: snaps[j].Source, Dropped: s.Source, Provider: s.Provider, Unit: s.Unit, Date: s.Date}
		for c := range s.Levels {
			if s.Levels[c] != snaps[j].Levels[c] {
				d.Differ = append(d.Differ, s.Set.Criteria[c].Number)
			}
		}
		if len(d.Differ) == 0 {
			switch a, b := snaps[j].Cycle, s.Cycle; {
			case a == nil && b != nil:
				// Only the dropped one records the cycle: keep it instead.
				first[k] = i
				drop[j] = true
				d.Kept, d.Dropped = s.Source, snaps[j].Source
			case a != nil && b != nil && !reflect.DeepEqual(a, b):
				d.CycleDiffers = true
			default:
				drop[i] = true
			}
		}
		dups = append(dups, d)
	}
	kept = make([]Snapshot, 0, len(snaps))
	for i := range snaps {
		if !drop[i] {
			kept = append(kept, snaps[i])
		}
	}
	sort.SliceStable(dups, func(a, b int) bool {
		if dups[a].Kept != dups[b].Kept {
			return dups[a].Kept < dups[b].Kept
		}
		return dups[a].Dropped < dups[b].Dropped
	})
	return kept, dups
}
