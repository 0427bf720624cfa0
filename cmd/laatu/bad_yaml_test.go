package main

// badInputsYAML: assessment, criteria-set and profile files in YAML: numbers, documents, value errors. See badInputs in bad_test.go.
var badInputsYAML = []badInput{
	// Assessment files.
	{file: "two-documents.yaml", want: []string{"two-documents.yaml:7: the file holds more than one YAML document (line 7); laatu reads one"}},
	{file: "level-mapping.yaml", want: []string{
		"level-mapping.yaml:5: criterion 1: level: key–value pairs are not accepted here: give a whole number 1–5",
		"level-mapping.yaml:7: criterion 2: figure: a list is not accepted here: give a number such as 23.7",
		"level-mapping.yaml:8: criterion: key–value pairs are not accepted here: give the criterion's number, such as 7",
	}},
	// A value error and a criterion the set lacks: both in one pass
	// (form.ReadChecked through intake), not the second only once the
	// first is fixed.
	{file: "value-hides-criterion.yaml", want: []string{
		`value-hides-criterion.yaml:5: criterion 3: level "7" is not 1–5`,
		"value-hides-criterion.yaml:6: criterion 26 is not in criteria set tyokyky 2",
	}},

	// Criteria sets.
	{file: "criteria/decimal-anchor.yaml", want: []string{"criteria/decimal-anchor.yaml:21: the key 4.5 under anchors is not a whole number: give a whole number such as 4"}},
	{file: "criteria/decimal-band.yaml", want: []string{"criteria/decimal-band.yaml:8: min 3.5 is not a whole number"}},
	{file: "criteria/huge-band.yaml", want: []string{`criteria/huge-band.yaml:8: band "good": max 9223372036854775807 is outside the possible totals 1–5`}},
	{file: "criteria/band-beyond-totals.yaml", want: []string{`criteria/band-beyond-totals.yaml:8: band "good": max 125 is outside the possible totals 1–5`}},
	{file: "criteria/nan-range.yaml", want: []string{"criteria/nan-range.yaml:26: above .nan is not accepted: NaN and infinity are not figures; give a number such as 20, or leave the bound out"}},
	{file: "criteria/inf-range.yaml", want: []string{
		"criteria/inf-range.yaml:20: min -.inf is not accepted: NaN and infinity are not figures",
		"criteria/inf-range.yaml:27: below .inf is not accepted",
	}},
	{file: "criteria/huge-numbers.yaml", want: []string{
		"criteria/huge-numbers.yaml:11: number 1e400 is far too large a number for this field",
		"criteria/huge-numbers.yaml:20: min -1e400 is too small a number to read",
	}},
	{file: "criteria/quoted-number.yaml", want: []string{`criteria/quoted-number.yaml:11: number "1" is text in quotation marks, not a whole number: write the number without them`}},
	{file: "criteria/two-documents.yaml", want: []string{"criteria/two-documents.yaml:17: the file holds more than one YAML document (line 17); laatu reads one"}},

	// Procurement profiles.
	{file: "profiles/decimal-level.yaml", want: []string{"profiles/decimal-level.yaml:8: min_level 4.5 is not a whole number"}},
	{file: "profiles/quoted-level.yaml", want: []string{`profiles/quoted-level.yaml:8: min_level "4" is text in quotation marks, not a whole number`}},
	{file: "profiles/huge-numbers.yaml", want: []string{
		"profiles/huge-numbers.yaml:7: criterion 9223372036854775808 is far too large a number for this field",
		"profiles/huge-numbers.yaml:11: figure_max 1e400 is too large a number to read",
	}},
	{file: "profiles/nan-figure.yaml", want: []string{
		"profiles/nan-figure.yaml:8: figure_max .nan is not accepted: NaN and infinity are not figures",
		"profiles/nan-figure.yaml:11: figure_min -.inf is not accepted",
	}},
	{file: "profiles/two-documents.yaml", want: []string{"profiles/two-documents.yaml:10: the file holds more than one YAML document (line 10); laatu reads one"}},
}
