// Package scoring turns an assessment's levels into scores: the level used
// for each criterion (the rater's, or the one its figure or checklist
// implies), domain and total sums, means, the band, what is missing, and
// where a rater's level contradicts the criterion's own figures. Compare
// sets many services side by side from their Snapshots: ranks, trends,
// regional statistics and recommendations. Later files add key-criteria
// profiles and rater agreement.
//
// Everything here is a pure function of its arguments: no I/O.
package scoring
