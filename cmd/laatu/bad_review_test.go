package main

// badInputsReview: the review cycle in assessment files (issue 16):
// outcomes, the review, data sources and the action plan. See badInputs in
// bad_test.go.
var badInputsReview = []badInput{
	{file: "review-outcomes.yaml", want: []string{
		"review-outcomes.yaml:5: the period ends (2026-07-01) before it starts (2026-09-30): its end must be on or after its start",
		"review-outcomes.yaml:7: competitive_work 48 is more than the caseload 40",
		`review-outcomes.yaml:8: job_starts: "6.5" is not accepted: give a whole number 0 or more, such as 40`,
	}},
	{file: "review-kind.yaml", want: []string{
		`review-kind.yaml:3: the review kind "vertaisarvio" is not accepted: write self (self-assessment) or external (external review)`,
		`review-kind.yaml:3: days_on_site "kaksi" is not accepted: give the number of days, 0 or more, such as 2`,
	}},
	{file: "review-sources.yaml", want: []string{
		`review-sources.yaml:6: criterion 1: the data source "kuulopuhe" is not accepted: write one of records, documents, interviews, observation`,
		"review-sources.yaml:9: criterion 2: the data source interviews is given twice",
	}},
	// A value error and an action for a criterion the set lacks: both in
	// one pass.
	{file: "review-plan.yaml", want: []string{
		`review-plan.yaml:7: criterion 17: due: the date "31.13.2026" is not accepted: write 2026-11-24 or 24.11.2026`,
		`review-plan.yaml:7: criterion 17: the action's status "kesken" is not accepted: write open, in-progress or done`,
		"review-plan.yaml:8: the plan's action is for criterion 26, which is not in criteria set tyokyky 2 (criteria 1–25)",
		`review-plan.yaml:9: criterion 12: an action of the plan is missing the field "action"`,
	}},
}
