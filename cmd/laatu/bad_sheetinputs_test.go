package main

// badInputsSheetInputs: workbooks and CSV files whose cells for the rating
// rules (figures per specialist, counts, further questions) hold what
// laatu cannot take. See badInputs in bad_test.go; the workbooks are made
// by form's TestFixturesSheetInputs.
var badInputsSheetInputs = []badInput{
	{file: "sheetinputs-bad-values.xlsx", want: []string{
		`sheetinputs-bad-values.xlsx: Arviointi!E20: criterion 1: the count “Työhönvalmentajien työpanos kokoaikaisiksi muunnettuna (htv)” is not accepted ("-1"): give a number of 0 or more, such as 83 or 3.5`,
		`sheetinputs-bad-values.xlsx: Arviointi!E76: criterion 17: specialist 2's figure "neljä" is not a number: give a number such as 23.7`,
		`sheetinputs-bad-values.xlsx: Arviointi!E86: criterion 17: the answer "joskus" to the question “Miten työnantajakontaktien seurantaa käydään läpi?” is not in the list; the options are: kontakteja ei seurata; kontaktien seuranta käydään läpi kuukausittain; seurantalomake käydään läpi kuukausittain; seurantalomake käydään läpi viikoittain`,
		`sheetinputs-bad-values.xlsx: Arviointi!E92: criterion 21: the answer "3.5" to the question “Kuinka monta nykyistä työsuhdetta asiakkailla on?” is not accepted: give a whole number of 0 or more, such as 12`,
	}},
	{file: "sheetinputs-options-deleted.xlsx", want: []string{
		"sheetinputs-options-deleted.xlsx: Arviointi!E86: criterion 17: the options of the question “Miten työnantajakontaktien seurantaa käydään läpi?” are missing from the workbook; make a new template with laatu template",
	}},
	{file: "sheetinputs-counts-missing.xlsx", want: []string{
		// At the empty cell of the count, named by its label.
		"sheetinputs-counts-missing.xlsx: Arviointi!E20: criterion 1: the figure is computed from the counts, but “Employment specialists in full-time equivalents” is missing; give it",
	}},
	{file: "sheetinputs-figure-and-figures.xlsx", want: []string{
		"sheetinputs-figure-and-figures.xlsx: Arviointi!E23: criterion 2: specialist figure 1 (120) is outside the accepted range: it must be between 0 and 100",
		"sheetinputs-figure-and-figures.xlsx: Arviointi!E75: criterion 17: give the figure one way only: “Luku tai x”, “one figure per specialist”",
	}},
	{file: "sheetinputs-bad.csv", want: []string{
		`sheetinputs-bad.csv:7: Luku: criterion 1: the count fte "-3,5" is not accepted: give a number of 0 or more, such as 83 or 3.5`,
		`sheetinputs-bad.csv:8: Luku: criterion 17: specialist 3's figure "paljon" is not a number: give a number such as 23.7`,
		`sheetinputs-bad.csv:9: Nro: criterion 17: the row id "17:inputs:tracking" is not accepted: criterion 17's further rows are 17:figures, 17:count:…, 17:input:…`,
		`sheetinputs-bad.csv:11: Nro: criterion 21: the row 21:input:current_jobs is already given at ` + badDir + `/sheetinputs-bad.csv:10`,
	}},
	{file: "sheetinputs-bad-answers.csv", want: []string{
		`sheetinputs-bad-answers.csv:6: Luku: criterion 17: the answer to “How is the tracking of employer contacts reviewed?” is not accepted ("joskus"); options: none, monthly-process, monthly-form, weekly-form`,
		`sheetinputs-bad-answers.csv:7: Luku: criterion 21: the answer to “How many current jobs do the clients hold?” is not a count ("kolme"): give a whole number of 0 or more`,
	}},
}
