package main

// badInputsTender: tender bids whose answers to a profile's own
// requirements or whose price are wrong (in YAML, and a filled bid form
// made by form's TestFixtures), and profiles whose comparison or
// own requirements are. score and compare leave a bid's requirements and
// price out (no want: only check runs), and say a bid form is for check;
// check reads them against the profile. See badInputs in bad_test.go.
var badInputsTender = []badInput{
	{file: "tender/unknown-requirement.yaml",
		check: []string{`tender/unknown-requirement.yaml:10: profile te-tyohonvalmennus 2 does not ask requirement "transition-meeting"; it asks: transition-meetings, support-into-work, assessments, network-work, employer-contacts`}},
	{file: "tender/yes-no-answer.yaml",
		check: []string{`tender/yes-no-answer.yaml:10: the answer "maybe" to requirement transition-meetings is not accepted: answer yes or no`}},
	{file: "tender/negative-price.yaml",
		check: []string{`tender/negative-price.yaml:11: the price "-1200" is not accepted: give an amount in euros above 0, for example 1234.50`}},
	{file: "tender/price-unit.yaml",
		check: []string{`tender/price-unit.yaml:10: the price unit "hour" is not accepted; options: client-month, client, total`}},
	{file: "tender/price-without-unit.yaml",
		check: []string{`tender/price-without-unit.yaml:10: the price is given as an amount and a unit, for example price: {amount: 1234.50, unit: client-month}`}},
	{file: "tender/bid-form-faults.xlsx",
		want: []string{"tender/bid-form-faults.xlsx: the file is a bid form, not an assessment: bid forms are read by laatu check --profile"},
		check: []string{
			`tender/bid-form-faults.xlsx: Tarjous!D8: criterion 1: level "7" is not 1–5`,
			`tender/bid-form-faults.xlsx: Tarjous!E8: criterion 1: the figure "parikymmentä" is not a number`,
			`tender/bid-form-faults.xlsx: Tarjous!D25: the price "paljon" is not accepted`,
		}},
	{file: "profiles/comparison-without-weights.yaml", want: []string{
		"profiles/comparison-without-weights.yaml:3: the profile has comparison criteria (kind: comparison) but no comparison weights; add, for example, comparison: {quality: 60, price: 40}",
		"profiles/comparison-without-weights.yaml:13: criterion 2: the comparison criterion has no weight: give weight, for example weight: 10",
	}},
	{file: "profiles/own-requirement-faults.yaml", want: []string{
		`profiles/own-requirement-faults.yaml:16: answer type "essay" is not accepted; options: yes-no, choice, figure, text`,
		"profiles/own-requirement-faults.yaml:20: a text answer can only be a minimum requirement (plan): points cannot be computed from a text",
		`profiles/own-requirement-faults.yaml:30: there is no choice "weekly" to accept; choices: monthly, yearly`,
	}},
}
