package main

// badInputsCSV: CSV files: quotes, encodings, separators, control characters. See badInputs in bad_test.go.
var badInputsCSV = []badInput{
	// A quotation mark left open takes the criteria after it in as text.
	{file: "open-quote-row.csv", want: []string{
		`open-quote-row.csv:4: a value opened with a quotation mark (") on this line does not end with the line, so the lines after it are read as part of this value`,
	}},
	{file: "open-quote-closed.csv", want: []string{
		`open-quote-closed.csv:4: a value opened with a quotation mark (") on this line does not end with the line`,
	}},
	{file: "mixed-encoding.csv", want: []string{
		"mixed-encoding.csv:6: the file mixes UTF-8 and another encoding (such as Windows-1252): this line has the first character that is not UTF-8, so names and texts would change when read; save the file again as CSV UTF-8",
	}},
	// Ranges, remarks and numbers in other notations are no levels or figures.
	{file: "level-range.csv", want: []string{
		`level-range.csv:4: Taso: criterion 1: level "1–5" is not 1–5: give a whole number 1–5`,
		`level-range.csv:4: Luku: criterion 1: the figure "0x10" is not a number`,
		`level-range.csv:5: Taso: criterion 2: level "4-5" is not 1–5`,
		`level-range.csv:5: Luku: criterion 2: the figure "inf" is not a number`,
		`level-range.csv:6: Taso: criterion 3: level "3) hyvä" is not 1–5`,
		`level-range.csv:6: Luku: criterion 3: the figure "nan" is not a number`,
		`level-range.csv:7: Taso: criterion 4: level "0x1p2" is not 1–5`,
		`level-range.csv:7: Luku: criterion 4: the figure "1_000" is not a number`,
		`level-range.csv:8: Taso: criterion 6: level "4 – 5" is not 1–5`,
	}},
	{file: "level-range.xlsx", want: []string{
		`level-range.xlsx: Arviointi!D7: criterion 1: level "1–5" is not 1–5`,
		`level-range.xlsx: Arviointi!E7: criterion 1: the figure "0x10" is not a number`,
		`level-range.xlsx: Arviointi!D8: criterion 2: level "4-5" is not 1–5`,
		`level-range.xlsx: Arviointi!D9: criterion 3: level "3) hyvä" is not 1–5`,
		`level-range.xlsx: Arviointi!D11: criterion 4: level "0x1.8p1" is not 1–5`,
	}},
	// Line ends of old Macs are read as lines: the level is on line 6.
	{file: "cr-only.csv", want: []string{`cr-only.csv:6: Taso: criterion 1: level "7" is not 1–5`}},
	// Terminal escapes.
	{file: "control-char.csv", want: []string{
		"control-char.csv:6: Perustelu: the text holds the control character U+001B (ESC), which is not text (it can, for example, clear a terminal or change its title); delete it – tabs and line breaks are accepted",
		"control-char.csv:6: Näyttö: the text holds the control character U+0007 (BEL)",
		"control-char.csv:7: Taso: the text holds the control character U+001B (ESC)",
	}},
	{file: "control-char.xlsx", want: []string{
		"control-char.xlsx: Arviointi!H7: criterion 1: the text holds the control character U+001B (ESC), which is not text",
		"control-char.xlsx: Arviointi!D8: criterion 2: the text holds the control character U+0007 (BEL), which is not text",
	}},
	// A workbook's mark where the elements present are to be listed.
	{file: "checklist-mark.csv", want: []string{
		`checklist-mark.csv:4: Tarkistuslista: criterion 5: "x" in the checklist column does not say which elements are present: list the numbers of the elements present (for example 1, 3, 4), or write no (or ei, e, n, 0, -) when none is`,
	}},
	// Lines that would cost much memory to split.
	{file: "separators.csv", want: []string{
		"separators.csv:6: the line is longer than 2 MiB, the most laatu reads of one line of a CSV file",
	}},
	{file: "many-fields.csv", want: []string{
		"many-fields.csv:6: the line has text in more than 64 columns; laatu reads at most 64 columns (A–BL), and the template has seven: delete the values further right",
	}},
}
