package main

// badInputsXLSX: workbooks whose XML, shared strings or parts are damaged. See badInputs in bad_test.go.
var badInputsXLSX = []badInput{
	{file: "unclosed-cell.xlsx", want: []string{"unclosed-cell.xlsx: Arviointi: the sheet's XML is damaged near row 20 (line 2 of the XML: element <c> closed by </row>); save the workbook again in Excel or LibreOffice"}},
	{file: "undefined-entity.xlsx", want: []string{"undefined-entity.xlsx: Arviointi: the sheet's XML is damaged near row 7 (line 2 of the XML: invalid character entity &foo;)"}},
	{file: "dtd-entity.xlsx", want: []string{"dtd-entity.xlsx: Arviointi: the sheet's XML is damaged (it has a document type declaration, <!DOCTYPE …>, which Excel and LibreOffice never write)"}},
	{file: "zip-in-sheet.xlsx", want: []string{"zip-in-sheet.xlsx: Arviointi: the sheet's XML is damaged (the part is itself a zip file, not XML)"}},
	{file: "shared-string-index.xlsx", want: []string{
		`shared-string-index.xlsx: Arviointi!D7: criterion 1: the cell refers to entry "99999" of the workbook's shared-string table, which has 245 entries (numbered from 0), so its value is lost`,
		`shared-string-index.xlsx: Arviointi!H9: criterion 3: the cell refers to entry "neljä" of the workbook's shared-string table`,
	}},
	{file: "cell-style.xlsx", want: []string{`cell-style.xlsx: Arviointi!D8: criterion 2: the cell's style number (s="x13") is not a number, so its value is lost`}},
	{file: "many-empty-shared-strings.xlsx", want: []string{"many-empty-shared-strings.xlsx: the workbook's shared-string table (xl/sharedStrings.xml) has more than 250000 entries, though laatu reads at most 200000 cells"}},
	{file: "shared-strings-xml.xlsx", want: []string{"shared-strings-xml.xlsx: the workbook's part xl/sharedStrings.xml is damaged (line 2 of the XML: invalid character entity &foo;); save the workbook again in Excel or LibreOffice"}},
	{file: "workbook-xml.xlsx", want: []string{"workbook-xml.xlsx: the workbook's part xl/workbook.xml is damaged (line 2 of the XML: expected attribute name in element)"}},
	{file: "workbook-rels-xml.xlsx", want: []string{"workbook-rels-xml.xlsx: the workbook's part xl/_rels/workbook.xml.rels is damaged (line 2 of the XML: unexpected EOF)"}},
	{file: "styles-xml.xlsx", want: []string{"styles-xml.xlsx: the workbook's part xl/styles.xml is damaged (it has a document type declaration, <!DOCTYPE …>"}},
}
