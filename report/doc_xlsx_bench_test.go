package report

import (
	"fmt"
	"io"
	"testing"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/internal/synth"
	"github.com/laatu-fi/laatu/scoring"
)

// BenchmarkCheckXLSXBids writes the bid check's workbook for 200 and
// 2,000 synthetic bids against the built-in profile: its memo sheet has
// a few merged headings and paragraphs per bid, so this shows whether
// writing stays linear in the bids.
func BenchmarkCheckXLSXBids(b *testing.B) {
	p, ok := criteria.BuiltinProfile(criteria.DefaultProfileID)
	if !ok {
		b.Fatalf("no built-in profile %s", criteria.DefaultProfileID)
	}
	set, ok := criteria.Builtin(p.Criteria)
	if !ok {
		b.Fatalf("no built-in set %s", p.Criteria)
	}
	for _, n := range []int{200, 2000} {
		o := synth.Options{N: n, Seed: 2, PerService: 1}
		results := make([]scoring.Result, n)
		for i := range n {
			results[i] = scoring.Score(set, synth.Assessment(set, i, o))
		}
		e := scoring.Evaluate(p, set, results, 0)
		if p.Comparison != nil {
			e = scoring.EvaluateTender(p, set, results, nil)
		}
		b.Run(fmt.Sprintf("bids=%d", n), func(b *testing.B) {
			for b.Loop() {
				if err := CheckXLSX(io.Discard, &e, CheckOptions{Lang: "fi"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
