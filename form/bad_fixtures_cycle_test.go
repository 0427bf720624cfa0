package form_test

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// badFilesCycle makes the malformed review-cycle inputs (see badFiles):
// the polku sample's workbook with one cell of its outcomes or plan sheet
// typed wrong, and CSV files with wrong cycle lines.
func badFilesCycle(t *testing.T) map[string][]byte {
	a := readYAMLFile(t, "../testdata/cycle/polku-2026-11.yaml")
	edited := func(sheet, cell, value string) []byte {
		f, err := excelize.OpenReader(bytes.NewReader(writeXLSX(t, a, "fi")))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := f.SetCellStr(sheet, cell, value); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	return map[string][]byte{
		"cycle-work-over-caseload.xlsx": edited("Tulokset", "C8", "41"),
		"cycle-negative-count.xlsx":     edited("Tulokset", "C9", "-6"),
		"cycle-period-not-date.xlsx":    edited("Tulokset", "C5", "heinäkuu"),
		"cycle-unknown-status.xlsx":     edited("Kehittämissuunnitelma", "F5", "ehkä"),
		"cycle-plan-status.csv":         []byte(badCSV("\r\nKehittämissuunnitelma;Toimenpide;Vastuuhenkilö;Määräaika;Tila\r\n3;Kuusi käyntiä;;31.1.2027;kesken\r\n")),
		"cycle-bad-kind.csv": []byte("Kriteeristö;tyokyky\r\nPalveluntuottaja;Järvenpään kaupunki\r\nArvioinnin laji;vertaisarvio\r\n;\r\n" +
			"Nro;Kriteeri;Taso;Luku;Tarkistuslista;Perustelu;Näyttö\r\n3;Kokonaisvaltaisuus;5;;;;\r\n"),
	}
}
