// Package scoring turns an assessment's levels into scores: the level used
// for each criterion (the rater's, or the one its figure or checklist
// implies), domain and total sums, means, the band, what is missing, and
// where a rater's level contradicts the criterion's own figures.
//
// On top of single results it compares many services side by side from
// their Snapshots (ranks, trends, regional statistics, recommendations),
// checks bids against a procurement profile's key criteria (pass, fail,
// unanswered, with reasons; ranking and quality points) or, for a profile
// with a comparison, compares them as a tender (tender.go: minimum
// requirements exclude, comparison criteria and the price give points, by
// the Finnish e-tendering formulas), and measures how far independent
// raters agree (exact and within-one agreement, weighted and Fleiss kappa)
// before drafting their consensus.
//
// For the review cycle (outcomes.go, review.go) it reads the employment
// rate against the published benchmarks, works out the next review date
// (six or twelve months on, by criteria.BuiltinCycle), whether a review or
// an action is overdue on a given day, and the strengths: criteria at the
// top level and those risen since an earlier assessment.
//
// Everything here is a pure function of its arguments: no I/O.
package scoring
