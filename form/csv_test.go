package form_test

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// csvStyle is how a program saves the CSV form.
type csvStyle struct {
	comma         rune
	decimalComma  bool
	bom           bool
	encoding      string // "utf-8", "windows-1252", "utf-16"
	lang          string // the template's language
	checkedByNums bool   // checklist as element numbers (1, 3) instead of ids
}

// fillCSV fills the CSV template for set with a's answers and saves it in
// style, as a user does in Excel or a text editor.
func fillCSV(t *testing.T, set *criteria.Set, a *form.Assessment, st csvStyle) []byte {
	t.Helper()
	var tmpl bytes.Buffer
	if err := form.WriteCSVTemplate(&tmpl, set, st.lang); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(tmpl.Bytes(), []byte("\xef\xbb\xbf")) {
		t.Fatal("the CSV template has no byte order mark")
	}
	r := csv.NewReader(bytes.NewReader(tmpl.Bytes()[3:]))
	r.Comma, r.FieldsPerRecord = ';', -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	number := func(x float64) string {
		s := strconv.FormatFloat(x, 'f', -1, 64)
		if st.decimalComma {
			s = strings.Replace(s, ".", ",", 1)
		}
		return s
	}
	details := map[int]string{ // by line of the template
		5: a.Provider, 6: a.Unit, 7: a.DateFI(), 8: strings.Join(a.Raters, ", "), 9: a.Notes,
	}
	if !st.decimalComma {
		details[7] = a.DateISO()
	}
	for i, v := range details {
		recs[i-1][1] = v
	}
	for _, rec := range recs[11:] {
		n, _ := strconv.Atoi(rec[0])
		it := a.Item(n)
		if it == nil {
			continue
		}
		if it.Level != 0 {
			rec[2] = strconv.Itoa(it.Level)
			if n%4 == 1 && st.decimalComma {
				rec[2] += ",0" // Excel shows a level formatted with a decimal
			}
		}
		if it.Figure != nil {
			rec[3] = number(*it.Figure)
		}
		if it.Checked != nil {
			c := set.Criterion(n)
			var marks []string
			for i, e := range c.Checklist.Elements {
				for _, id := range it.Checked {
					if id == e.ID {
						if st.checkedByNums {
							marks = append(marks, strconv.Itoa(i+1))
						} else {
							marks = append(marks, id)
						}
					}
				}
			}
			rec[4] = strings.Join(marks, ", ")
			if len(marks) == 0 {
				rec[4] = "ei"
			}
		}
		rec[5], rec[6] = it.Note, it.Evidence
	}
	var out bytes.Buffer
	w := csv.NewWriter(&out)
	w.Comma, w.UseCRLF = st.comma, true
	w.WriteAll(recs)
	b := out.Bytes()
	switch st.encoding {
	case "windows-1252":
		b, err = charmap.Windows1252.NewEncoder().Bytes(b)
	case "utf-16":
		b, err = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(b)
	}
	if err != nil {
		t.Fatal(err)
	}
	if st.bom {
		b = append([]byte("\xef\xbb\xbf"), b...)
	}
	return b
}

// TestCSVRoundTrip: the CSV template filled and saved the ways Excel and
// other programs save it reads back with the scores of the YAML form.
func TestCSVRoundTrip(t *testing.T) {
	styles := map[string]csvStyle{
		"Finnish Excel CSV, Windows-1252":  {comma: ';', decimalComma: true, encoding: "windows-1252", lang: "fi", checkedByNums: true},
		"Finnish Excel CSV UTF-8 with BOM": {comma: ';', decimalComma: true, bom: true, encoding: "utf-8", lang: "fi", checkedByNums: true},
		"plain UTF-8 with commas":          {comma: ',', encoding: "utf-8", lang: "en"},
		"UTF-8 semicolons, English":        {comma: ';', encoding: "utf-8", lang: "en", checkedByNums: true},
		"Unicode text (UTF-16, tabs)":      {comma: '\t', decimalComma: true, encoding: "utf-16", lang: "fi"},
	}
	for name, st := range styles {
		for _, tc := range []struct{ file, set string }{
			{"kateva-2026-11.yaml", "tyokyky"},
			{"lempaala-2026-09.yaml", "tyokyky"},
			{"siunsote-ips-2026-06.yaml", "ips"},
		} {
			t.Run(name+"/"+tc.file, func(t *testing.T) {
				set := builtinSet(t, tc.set)
				want := readYAMLFile(t, "../testdata/services/"+tc.file)
				b := fillCSV(t, set, want, st)
				got, err := form.ReadCSV(bytes.NewReader(b), "arvio.csv", form.DefaultLimits)
				if err != nil {
					t.Fatalf("ReadCSV: %v", err)
				}
				sameScores(t, set, want, got) // Check turns element numbers into ids
				sameAnswers(t, want, got)
			})
		}
	}
}

func TestCSVProblems(t *testing.T) {
	in := "\ufeffKriteeristö;tyokyky\r\n" +
		"Palveluntuottaja;Kätevä\r\n" +
		"Arviointipäivä;31.11.2026\r\n" +
		"Väri;sininen\r\n" +
		"\r\n" +
		"Nro;Kriteeri;Taso;Luku;Tarkistuslista;Perustelu;Näyttö\r\n" +
		"1;Asiakasmäärä;7;paljon;;;\r\n" +
		"2;Fokus;4,5;;;;\r\n" +
		"kolme;;3;;;;\r\n" +
		";;;;;hyvä perustelu;\r\n" +
		"5;;;;1, 9;;\r\n"
	a, err := form.ReadCSV(strings.NewReader(in), "arvio.csv", form.DefaultLimits)
	got := problemLines(t, err)
	want := []string{
		`arvio.csv:3: Arviointipäivä: the date "31.11.2026" is not accepted: write 2026-11-24 or 24.11.2026`,
		`arvio.csv:4: Väri: unknown field "Väri"; accepted: Kriteeristö, Kriteeristön versio, Kriteeristön nimi, Palveluntuottaja, Yksikkö tai palvelu, Arviointipäivä, Arvioijat, Huomioita arvioinnista (a comment line starts with #)`,
		`arvio.csv:7: Luku: criterion 1: the figure "paljon" is not a number: give a number such as 23.7`,
		`arvio.csv:7: Taso: criterion 1: level "7" is not 1–5: give a whole number 1–5, or leave it empty when the criterion is not rated`,
		`arvio.csv:8: Taso: criterion 2: level "4,5" is not 1–5: give a whole number 1–5, or leave it empty when the criterion is not rated`,
		`arvio.csv:9: Nro: the criterion number "kolme" is not accepted: give a whole number such as 7`,
		`arvio.csv:10: the line has answers but no criterion number`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if a != nil {
		t.Errorf("got an assessment with the problems")
	}

	// Element 9 does not exist: Check names the line and the accepted ids.
	ok := strings.Replace(strings.Replace(strings.Replace(in, "Väri;sininen\r\n", "", 1), "31.11", "30.11", 1), "7;paljon", "4;23,7", 1)
	ok = strings.Replace(strings.Replace(ok, "4,5", "4", 1), "kolme;;3;;;;\r\n;;;;;hyvä perustelu;\r\n", "", 1)
	a, err = form.ReadCSV(strings.NewReader(ok), "arvio.csv", form.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	got = problemLines(t, form.Check(a, builtinSet(t, "tyokyky")))
	if len(got) != 1 || !strings.HasPrefix(got[0], `arvio.csv:8: criterion 5: there is no checklist element "9": give the numbers 1–5 of the elements present`) {
		t.Errorf("got %q", got)
	}
}

func TestCSVBad(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		lim      form.Limits
		want     string
	}{
		{"empty", "\ufeff\r\n", form.DefaultLimits, "arvio.csv: the file is empty"},
		{"no heading", "Kriteeristö;tyokyky\r\nYksikkö;Kätevä\r\n", form.DefaultLimits, "arvio.csv: the heading row of the criteria is missing; its first cell is Nro and it also has a Taso column"},
		{"too long", strings.Repeat("# kommentti\n", 100), form.Limits{Rows: 50}, "arvio.csv: the sheet has more than 50 rows"},
		{"too large", strings.Repeat("x", 200), form.Limits{FileSize: 100}, "arvio.csv: the file is larger than 100 B, the most laatu reads"},
		{"a workbook's sheet saved as CSV", "laatu:assessment;number;criterion;level\r\nheader;Nro;Kriteeri;Taso\r\n", form.DefaultLimits, "arvio.csv: the file is one sheet of a laatu workbook saved as CSV"},
		{"bad BOM", "\xef\xbb\xbfKriteeristö;ty\xf6kyky\n", form.DefaultLimits, "arvio.csv: the file's character encoding is not recognised"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := form.ReadCSV(strings.NewReader(tc.in), "arvio.csv", tc.lim)
			got := strings.Join(problemLines(t, err), "\n")
			if !strings.HasPrefix(got, tc.want) {
				t.Errorf("got  %s\nwant %s…", got, tc.want)
			}
		})
	}
}

// TestCSVTemplateSafe: text from a criteria set that a spreadsheet would
// run as a formula is written as text.
func TestCSVTemplateSafe(t *testing.T) {
	set := *builtinSet(t, "tyokyky")
	set.Criteria = append([]criteria.Criterion(nil), set.Criteria...)
	set.Criteria[0].Title = criteria.Text{"fi": `=HYPERLINK("http://example.com")`}
	var buf bytes.Buffer
	if err := form.WriteCSVTemplate(&buf, &set, "fi"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "\r\n1;\"'=HYPERLINK(\"\"http://example.com\"\")") {
		t.Errorf("the formula was not neutralised:\n%s", buf.String()[:600])
	}
}
