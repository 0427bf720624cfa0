package form

// Implied is the interview's implied level, for the external test that it
// follows scoring.Rate.
var Implied = implied
