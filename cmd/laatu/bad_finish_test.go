package main

// CSV files whose counts for a ratio are incomplete: the problem stands at
// the line of the count and names it by its label, not by the YAML key
// (counts). Added to badInputsSheetInputs so that bad_test.go runs them.
func init() {
	badInputsSheetInputs = append(badInputsSheetInputs,
		badInput{file: "finish-counts-missing.csv", want: []string{
			"finish-counts-missing.csv:7: Luku: criterion 1: the figure is computed from the counts, but “Employment specialists in full-time equivalents” is missing; give it",
		}},
		badInput{file: "finish-zero-fte.csv", want: []string{
			"finish-zero-fte.csv:7: Luku: criterion 1: “Employment specialists in full-time equivalents” is zero, and it cannot be divided by: give a number greater than 0",
		}},
	)
}
