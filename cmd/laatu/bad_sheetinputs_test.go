package main

// badInputsSheetInputs: workbooks and CSV files whose cells for the rating
// rules (figures per specialist, counts, further questions) hold what
// laatu cannot take. See badInputs in bad_test.go; the workbooks are made
// by form's TestFixturesSheetInputs.
var badInputsSheetInputs = []badInput{
	{file: "sheetinputs-bad-values.xlsx", want: []string{
		`sheetinputs-bad-values.xlsx: Arviointi!E20: criterion 1: the count fte "-1" is not accepted: give a number of 0 or more, such as 83 or 3.5`,
		`sheetinputs-bad-values.xlsx: Arviointi!E76: criterion 17: specialist 2's figure "neljä" is not a number: give a number such as 23.7`,
		`sheetinputs-bad-values.xlsx: Arviointi!E86: criterion 17: the answer "joskus" to question tracking is not in the list; the options are: kontakteja ei seurata; kontaktien seuranta käydään läpi kuukausittain; seurantalomake käydään läpi kuukausittain; seurantalomake käydään läpi viikoittain`,
		`sheetinputs-bad-values.xlsx: Arviointi!E92: criterion 21: the answer "3.5" to question current_jobs is not accepted: give a whole number of 0 or more, such as 12`,
	}},
	{file: "sheetinputs-options-deleted.xlsx", want: []string{
		"sheetinputs-options-deleted.xlsx: Arviointi!E86: criterion 17: the options of question tracking are missing from the workbook; make a new template with laatu template",
	}},
	{file: "sheetinputs-counts-missing.xlsx", want: []string{
		"sheetinputs-counts-missing.xlsx: Arviointi!D7: criterion 1: counts lacks fte; give clients and fte",
	}},
	{file: "sheetinputs-figure-and-figures.xlsx", want: []string{
		"sheetinputs-figure-and-figures.xlsx: Arviointi!D22: criterion 2: specialist figure 1 (120) is outside the accepted range: it must be between 0 and 100",
		"sheetinputs-figure-and-figures.xlsx: Arviointi!D74: criterion 17: give the figure one way only: figure, figures",
	}},
	{file: "sheetinputs-bad.csv", want: []string{
		`sheetinputs-bad.csv:7: Luku: criterion 1: the count fte "-3,5" is not accepted: give a number of 0 or more, such as 83 or 3.5`,
		`sheetinputs-bad.csv:8: Luku: criterion 17: specialist 3's figure "paljon" is not a number: give a number such as 23.7`,
		`sheetinputs-bad.csv:9: Nro: criterion 17: the row id "17:inputs:tracking" is not accepted: criterion 17's further rows are 17:figures, 17:count:…, 17:input:…`,
		`sheetinputs-bad.csv:11: Nro: criterion 21: the row 21:input:current_jobs is already given at ` + badDir + `/sheetinputs-bad.csv:10`,
	}},
	{file: "sheetinputs-bad-answers.csv", want: []string{
		`sheetinputs-bad-answers.csv:5: criterion 17: the answer to tracking, "joskus", is not accepted; options: none, monthly-process, monthly-form, weekly-form`,
		`sheetinputs-bad-answers.csv:7: criterion 21: the answer to current_jobs, "kolme", is not a count (a whole number of 0 or more)`,
	}},
}
