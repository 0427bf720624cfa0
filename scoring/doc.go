// Package scoring turns an assessment's levels into scores: the level used
// for each criterion (the rater's, or the one its figure or checklist
// implies), domain and total sums, means, the band, what is missing, and
// where a rater's level contradicts the criterion's own figures. profile.go
// checks bids against a procurement profile's key criteria (pass, fail,
// unanswered, each with its findings), ranks them and awards quality
// points. Later files add rater agreement.
//
// Everything here is a pure function of its arguments: no I/O.
package scoring
