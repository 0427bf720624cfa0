package scoring

import (
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
)

// Outcome is a service's employment outcomes read against the published
// benchmarks: the rate (per cent of the caseload who worked in a
// competitive job during the period) and the highest benchmark it reaches.
type Outcome struct {
	Outcomes *form.Outcomes
	// Rate is CompetitiveWork / Caseload × 100; HasRate is false when a
	// count is missing or the caseload is 0.
	Rate    float64
	HasRate bool
	// Reached is the highest benchmark the rate reaches, nil when it
	// reaches none (or there is no rate); Benchmarks are all of them.
	Reached    *criteria.RateLevel
	Benchmarks *criteria.RateBenchmarks
}

// OutcomeOf reads o against b; nil when the assessment gives no outcomes.
func OutcomeOf(o *form.Outcomes, b *criteria.RateBenchmarks) *Outcome {
	if o == nil {
		return nil
	}
	out := &Outcome{Outcomes: o, Benchmarks: b}
	out.Rate, out.HasRate = o.Rate()
	if out.HasRate {
		out.Reached = b.Reached(out.Rate)
	}
	return out
}
