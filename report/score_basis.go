package report

import (
	"sort"

	"github.com/laatu-fi/laatu/scoring"
)

// reviewBasisOf is the result among results that results[i]'s next review
// is counted from, by the rule `laatu compare` follows
// (scoring.ReviewBasis): results[i] itself, unless it is a self-assessment
// and the same service has an earlier dated review by others among
// results. Nil when results[i] has no date: it gets no next review.
func reviewBasisOf(results []scoring.Result, i int) *scoring.Result {
	a := results[i].Assessment
	if a == nil || a.Date.IsZero() {
		return nil
	}
	var idx []int
	for j := range results {
		b := results[j].Assessment
		if j != i && (b == nil || b.Key() != a.Key() || results[j].Set.ID != results[i].Set.ID || b.Date.IsZero() || !b.Date.Before(a.Date)) {
			continue
		}
		idx = append(idx, j)
	}
	// Oldest first; results[i] is the latest, alone on its day.
	sort.SliceStable(idx, func(x, y int) bool {
		return results[idx[x]].Assessment.Date.Before(results[idx[y]].Assessment.Date)
	})
	history := make([]scoring.Snapshot, len(idx))
	for k, j := range idx {
		history[k] = results[j].Snapshot()
	}
	b := scoring.ReviewBasis(history)
	for k := range history {
		if &history[k] == b {
			return &results[idx[k]]
		}
	}
	return &results[i]
}
