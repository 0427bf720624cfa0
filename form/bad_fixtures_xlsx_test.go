package form_test

import (
	"regexp"
	"strings"
	"testing"
)

// badFilesXLSX makes the generated malformed inputs of one kind (see
// badFiles), by their names under badDir: workbooks whose XML, shared
// strings or parts are damaged, each of which excelize alone reads as a
// shorter sheet or an empty cell.
func badFilesXLSX(t *testing.T) map[string][]byte {
	// inSheet rewrites the assessment sheet's XML.
	inSheet := func(edit func(s string) string) []byte {
		return sheetXML(t, func(parts map[string][]byte, sheet string) {
			parts[sheet] = []byte(edit(string(parts[sheet])))
		})
	}
	// inPart rewrites another part of the filled template.
	inPart := func(part string, edit func(s string) string) []byte {
		return sheetXML(t, func(parts map[string][]byte, sheet string) {
			if _, ok := parts[part]; !ok {
				t.Fatalf("no part %s in the template", part)
			}
			parts[part] = []byte(edit(string(parts[part])))
		})
	}
	return map[string][]byte{
		// The level cell of row 20 (criterion 8) loses its </c>: excelize
		// stops reading the sheet there.
		"unclosed-cell.xlsx": inSheet(func(s string) string {
			return replaceOnce(t, s, `(<c r="D20"[^>]*>.*?)</c>`, `$1`)
		}),
		// An entity XML does not define, in criterion 1's note.
		"undefined-entity.xlsx": inSheet(func(s string) string {
			return setCell(t, s, "H7", ` t="inlineStr"><is><t>83 asiakasta &foo; 3,5 valmentajaa</t></is></c>`)
		}),
		// A document type declaration defining an entity used as a level.
		"dtd-entity.xlsx": inSheet(func(s string) string {
			s = replaceOnce(t, s, `\?>`, `?><!DOCTYPE worksheet [<!ENTITY taso "4">]>`)
			return setCell(t, s, "D7", ` t="inlineStr"><is><t>&taso;</t></is></c>`)
		}),
		// Shared strings that are not in the table: criterion 1's level
		// and criterion 3's note.
		"shared-string-index.xlsx": inSheet(func(s string) string {
			s = setCell(t, s, "D7", ` s="13" t="s"><v>99999</v></c>`)
			return setCell(t, s, "H9", ` s="12" t="s"><v>neljä</v></c>`)
		}),
		// A style number that is no number: excelize drops the cell's
		// value (criterion 2's level).
		"cell-style.xlsx": inSheet(func(s string) string {
			return replaceOnce(t, s, `<c r="D8" s="`, `<c r="D8" s="x`)
		}),
		// The sheet's part is itself a zip file.
		"zip-in-sheet.xlsx": sheetXML(t, func(parts map[string][]byte, sheet string) {
			parts[sheet] = zipOf(t, [][2]string{{"sheet2.xml", string(parts[sheet])}})
		}),
		// 1.39 million empty shared strings: 7 MB of XML in a 35 KB file,
		// which excelize would hold as some 390 MB.
		"many-empty-shared-strings.xlsx": inPart("xl/sharedStrings.xml", func(s string) string {
			return strings.Replace(s, "</sst>", strings.Repeat("<si/>", 1390000)+"</sst>", 1)
		}),
		// XML errors in the other parts laatu reads.
		"shared-strings-xml.xlsx": inPart("xl/sharedStrings.xml", func(s string) string {
			return replaceOnce(t, s, `<si>`, `<si><t>&foo;</t></si><si>`)
		}),
		"workbook-xml.xlsx": inPart("xl/workbook.xml", func(s string) string {
			return replaceOnce(t, s, `<sheets>`, `<sheets><sheet name="x"`)
		}),
		"workbook-rels-xml.xlsx": inPart("xl/_rels/workbook.xml.rels", func(s string) string {
			return s[:len(s)/2]
		}),
		"styles-xml.xlsx": inPart("xl/styles.xml", func(s string) string {
			return replaceOnce(t, s, `<cellXfs`, `<!DOCTYPE x><cellXfs`)
		}),
	}
}

// setCell replaces the cell ref of the sheet XML s with one whose
// attributes after r and content are rest.
func setCell(t *testing.T, s, ref, rest string) string {
	t.Helper()
	return replaceOnce(t, s, `<c r="`+ref+`"[^>]*?(/>|>.*?</c>)`, `<c r="`+ref+`"`+strings.ReplaceAll(rest, "$", "$$"))
}

// replaceOnce replaces the first match of the regular expression re in s.
func replaceOnce(t *testing.T, s, re, with string) string {
	t.Helper()
	loc := regexp.MustCompile(re).FindStringSubmatchIndex(s)
	if loc == nil {
		t.Fatalf("%s not found", re)
	}
	var out []byte
	out = regexp.MustCompile(re).ExpandString(out, with, s, loc)
	return s[:loc[0]] + string(out) + s[loc[1]:]
}
