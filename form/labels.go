package form

import (
	"path/filepath"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
)

// A message names a field or an answer by what the reader sees in the file
// they wrote: in a YAML file the key (provider:), in a CSV file or a
// workbook the label or heading of the template ("Palveluntuottaja"), and
// a checklist element by its text rather than by its id, which is meant
// for programs.

// inputKind tells which kind of file an assessment was read from: "csv",
// "xlsx" or "yaml". The place of the set id says it when the file names a
// set (a workbook's cell has a sheet, a CSV line has the field's label as
// its cell); otherwise the file's extension.
func inputKind(a *Assessment) string {
	p := a.CriteriaPlace
	switch {
	case p.Sheet != "":
		return "xlsx"
	case p.Cell != "":
		return "csv"
	}
	for _, it := range a.Items {
		if it.Place.Sheet != "" {
			return "xlsx"
		}
	}
	switch strings.ToLower(filepath.Ext(a.Source)) {
	case ".csv", ".txt", ".tsv":
		return "csv"
	case ".xlsx", ".xlsm":
		return "xlsx"
	}
	return "yaml"
}

// A details field is named as the workbook's details sheet and the CSV
// file label it ("Palveluntuottaja"): see FileNames (column_names.go).

// elementName is a checklist element as a person knows it: its number in
// the list and its text, 2 ”Yhteiset päätökset”.
type elementName struct {
	pos  int
	text criteria.Text
}

func (e elementName) In(lang string) string {
	return msg.T(lang, "form.element-name", e.pos, msg.ClipTo(e.text.In(lang), elementTextMax))
}

// elementTextMax is how much of an element's text a message quotes: enough
// to know the element by, with its number and the place to find it.
const elementTextMax = 60

// element returns the element with id and its number in cl, 1 for the
// first.
func element(cl *criteria.Checklist, id string) (elementName, bool) {
	for i, e := range cl.Elements {
		if e.ID == id {
			return elementName{i + 1, e.Text}, true
		}
	}
	return elementName{}, false
}
