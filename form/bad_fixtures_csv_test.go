package form_test

import (
	"strings"
	"testing"

	"github.com/laatu-fi/laatu/form"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// badFilesCSV makes the generated malformed inputs of one kind (see
// badFiles), by their names under badDir: CSV files whose bytes a text
// editor does not show (other encodings, control characters, CR line
// ends, very long lines), and the same faults of cell text in workbooks.
func badFilesCSV(t *testing.T) map[string][]byte {
	set := builtinSet(t, "tyokyky")
	cell := func(n int, key string) string { return form.Cell(set, n, key) }
	return map[string][]byte{
		// A UTF-8 file with one line pasted from a Windows-1252 file.
		"mixed-encoding.csv": append(append([]byte(badCSV("1;Asiakasmäärä;4;23,7;;")),
			encode(t, charmap.Windows1252, "Kätevän rekisteri\r\n")...),
			"2;Fokus;4;;;;\r\n"...),
		// Lines that end in CR alone, as old Mac programs write them; the
		// level 7 is on line 6.
		"cr-only.csv": []byte(strings.ReplaceAll(badCSV("1;Asiakasmäärä;7;;;;\r\n2;Fokus;4;;;;\r\n"), "\r\n", "\r")),
		// ESC and BEL: text that would clear the terminal and ring it.
		"control-char.csv": []byte(badCSV("1;Asiakasmäärä;4;;;hyvä\x1b[2J\x1b]0;pwned\x07;\r\n2;Fokus;\x1b[31m4;;;;\r\n")),
		// One line of 4 MiB of separators: two million fields.
		"separators.csv": []byte(badCSV(strings.Repeat("x;", 2<<20) + "\r\n")),
		// A criterion's line with text in 70 columns.
		"many-fields.csv": []byte(badCSV("1;Asiakasmäärä;4" + strings.Repeat(";x", 67) + "\r\n")),
		"control-char.xlsx": editTemplate(t, func(f *excelize.File, details, sheet string) {
			f.SetCellStr(sheet, cell(1, "note"), "hyvä_x001B_[2J") // Excel's escape of ESC in XML
			f.SetCellStr(sheet, cell(2, "level"), "4_x0007_")
		}),
		"level-range.xlsx": editTemplate(t, func(f *excelize.File, details, sheet string) {
			f.SetCellStr(sheet, cell(1, "level"), "1–5")
			f.SetCellStr(sheet, cell(2, "level"), "4-5")
			f.SetCellStr(sheet, cell(3, "level"), "3) hyvä")
			f.SetCellStr(sheet, cell(4, "level"), "0x1.8p1")
			f.SetCellStr(sheet, cell(1, "figure"), "0x10")
		}),
	}
}
