package main

// badInputsRules: answers to the rating rules of a criterion (per-specialist
// figures, counts, further inputs, shares typed as fractions) and faults in
// a set's rule fields. See badInputs in bad_test.go.
var badInputsRules = []badInput{
	{file: "rules-answers.yaml", want: []string{
		"rules-answers.yaml:4: criterion 1: count fte is zero; it cannot be divided by",
		"rules-answers.yaml:6: criterion 2: 0.92 looks like a fraction; give the share as a percentage, 92",
		"rules-answers.yaml:8: criterion 15: the criterion does not take one figure per specialist (figures): give one figure",
		`rules-answers.yaml:10: criterion 17: the answer to tracking, "sometimes", is not accepted; options: none, monthly-process, monthly-form, weekly-form`,
		`rules-answers.yaml:13: criterion 21: the answer to current_jobs, "many", is not a count (a whole number of 0 or more)`,
		"rules-answers.yaml:16: criterion 24: 0.5 looks like a fraction; give the share as a percentage, 50",
	}},
	{file: "criteria/bad-rules.yaml", want: []string{
		"criteria/bad-rules.yaml:21: criterion 1: percent: true needs the measure bounds min: 0 and max: 100",
		`criteria/bad-rules.yaml:22: criterion 1: per_specialist "sum" is not accepted: use mean`,
		"criteria/bad-rules.yaml:26: criterion 1: scale points must be given in rising order without overlap",
		"criteria/bad-rules.yaml:33: criterion 1: level 6 is not accepted: levels are 1–5",
		"criteria/bad-rules.yaml:38: criterion 1: a yes-no input must have exactly the options yes and no",
	}},
}
