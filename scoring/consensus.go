package scoring

import (
	"path/filepath"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
)

// Rater is one of the independent assessments a consensus starts from.
type Rater struct {
	// Label names the rater in tables and notes: the file's raters, or the
	// file's name when it names none.
	Label  string
	Result *Result
}

// AgreementStatus is where a criterion stands between the raters.
type AgreementStatus string

const (
	// StatusAgreed: every rater gave the same level.
	StatusAgreed AgreementStatus = "agreed"
	// StatusWithinTolerance: the levels differ by less than the tolerance;
	// the draft takes the lowest of them.
	StatusWithinTolerance AgreementStatus = "within-tolerance"
	// StatusDiscuss: the levels differ by the tolerance or more.
	StatusDiscuss AgreementStatus = "discuss"
	// StatusPartial: some raters gave a level and some did not.
	StatusPartial AgreementStatus = "partial"
	// StatusUnrated: no rater gave a level.
	StatusUnrated AgreementStatus = "unrated"
)

// ConsensusItem is one criterion as the raters scored it.
type ConsensusItem struct {
	Criterion *criteria.Criterion
	// Ratings holds one result per rater, in the raters' order; Answers the
	// raters' answers as written (nil where a rater left it out).
	Ratings []ItemResult
	Answers []*form.Item
	// Spread is the highest minus the lowest level among the raters who
	// gave one.
	Spread int
	Status AgreementStatus
	// Level is what the draft records: the agreed level, or the lowest
	// level when the spread is within the tolerance; 0 when it is open.
	Level int
}

// Number is the criterion's number.
func (it ConsensusItem) Number() int { return it.Criterion.Number }

// ToDiscuss reports whether the raters must settle the criterion together.
func (it ConsensusItem) ToDiscuss() bool {
	return it.Status == StatusDiscuss || it.Status == StatusPartial
}

// Consensus compares independent assessments of one service against one
// criteria set, criterion by criterion.
type Consensus struct {
	Set       *criteria.Set
	Raters    []Rater
	Items     []ConsensusItem
	Agreement Agreement
	// Tolerance is the spread from which raters must discuss a criterion.
	Tolerance int
}

// CheckSameService returns a problem for every assessment that is about
// another service (provider and unit) or was scored against another
// criteria set or version than the first one. Dates may differ.
func CheckSameService(results []Result) msg.Problems {
	var ps msg.Problems
	if len(results) == 0 {
		return ps
	}
	first := results[0].Assessment
	for _, r := range results[1:] {
		a := r.Assessment
		place := msg.Place{File: a.Source}
		if !strings.EqualFold(a.Provider, first.Provider) || !strings.EqualFold(a.Unit, first.Unit) {
			ps.Add(place, 0, "consensus.other-service", serviceName(a), first.Source, serviceName(first))
		}
		if r.Set.ID != results[0].Set.ID || r.Set.Version != results[0].Set.Version {
			ps.Add(place, 0, "consensus.other-set", r.Set.Label(), first.Source, results[0].Set.Label())
		}
	}
	return ps
}

func serviceName(a *form.Assessment) string {
	switch {
	case a.Unit != "" && a.Provider != "":
		return a.Unit + " (" + a.Provider + ")"
	case a.Unit != "":
		return a.Unit
	}
	return a.Provider
}

// NewConsensus lines up the results criterion by criterion. The results
// must be about one service and scored against one set (CheckSameService);
// tolerance below 1 counts as 1, so that any difference is discussed.
func NewConsensus(results []Result, tolerance int) Consensus {
	c := Consensus{Tolerance: max(tolerance, 1)}
	if len(results) == 0 {
		return c
	}
	c.Set = results[0].Set
	labels := raterLabels(results)
	for i := range results {
		c.Raters = append(c.Raters, Rater{Label: labels[i], Result: &results[i]})
	}
	rows := make([][]int, len(c.Set.Criteria))
	for ci := range c.Set.Criteria {
		it := ConsensusItem{Criterion: &c.Set.Criteria[ci]}
		rated, lo, hi := 0, 0, 0
		for _, r := range results {
			ir := r.Items[ci]
			it.Ratings = append(it.Ratings, ir)
			it.Answers = append(it.Answers, r.Assessment.Item(it.Number()))
			rows[ci] = append(rows[ci], ir.Level)
			if ir.Missing() {
				continue
			}
			if rated == 0 {
				lo, hi = ir.Level, ir.Level
			}
			lo, hi = min(lo, ir.Level), max(hi, ir.Level)
			rated++
		}
		it.Spread = hi - lo
		switch {
		case rated == 0:
			it.Status = StatusUnrated
		case rated < len(results):
			it.Status = StatusPartial
		case it.Spread == 0:
			it.Status, it.Level = StatusAgreed, lo
		case it.Spread < c.Tolerance:
			it.Status, it.Level = StatusWithinTolerance, lo
		default:
			it.Status = StatusDiscuss
		}
		c.Items = append(c.Items, it)
	}
	c.Agreement = Agree(rows)
	return c
}

// raterLabels names each result's rater: the raters the file lists, or
// the file's name. Two files with the same raters get their file names
// added so that the columns can be told apart.
func raterLabels(results []Result) []string {
	labels := make([]string, len(results))
	count := map[string]int{}
	for i, r := range results {
		labels[i] = strings.Join(r.Assessment.Raters, ", ")
		if labels[i] == "" {
			labels[i] = filepath.Base(r.Assessment.Source)
		}
		count[labels[i]]++
	}
	for i, r := range results {
		if count[labels[i]] > 1 && labels[i] != filepath.Base(r.Assessment.Source) {
			labels[i] += " (" + filepath.Base(r.Assessment.Source) + ")"
		}
	}
	return labels
}

// Discuss lists the criteria the raters must settle together.
func (c *Consensus) Discuss() []ConsensusItem {
	var ds []ConsensusItem
	for _, it := range c.Items {
		if it.ToDiscuss() {
			ds = append(ds, it)
		}
	}
	return ds
}

// Count returns how many criteria have status s.
func (c *Consensus) Count(s AgreementStatus) int {
	n := 0
	for _, it := range c.Items {
		if it.Status == s {
			n++
		}
	}
	return n
}

// Settled counts the criteria the draft records a level for.
func (c *Consensus) Settled() int {
	n := 0
	for _, it := range c.Items {
		if it.Level != 0 {
			n++
		}
	}
	return n
}

// Open counts the criteria the raters must still settle.
func (c *Consensus) Open() int { return len(c.Discuss()) }

// DatesDiffer reports whether the raters dated their assessments
// differently (a file without a date counts as a date of its own).
func (c *Consensus) DatesDiffer() bool {
	if len(c.Raters) == 0 {
		return false
	}
	for _, r := range c.Raters[1:] {
		if !r.Result.Assessment.Date.Equal(c.Raters[0].Result.Assessment.Date) {
			return true
		}
	}
	return false
}
