package form_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/form"
)

// TestCSVLines: how a CSV file's lines and values are split — quoted
// values with line breaks, line ends of every kind, wide lines — and what
// each criterion's answer is read as.
func TestCSVLines(t *testing.T) {
	head := "Kriteeristö;tyokyky\r\nPalveluntuottaja;Kätevä\r\nNro;Kriteeri;Taso;Luku;Tarkistuslista;Perustelu;Näyttö\r\n"
	type answer struct {
		Level int
		Note  string
		Line  int
	}
	for _, tc := range []struct {
		name, in string
		want     map[int]answer
	}{
		{"a note with line breaks of its own", head + "1;Asiakasmäärä;4;;;\"83 asiakasta,\r\n3,5 valmentajaa\";\r\n2;Fokus;3;;;;\r\n",
			map[int]answer{1: {4, "83 asiakasta,\n3,5 valmentajaa", 4}, 2: {3, "", 6}}},
		{"a note listing numbers on lines of its own", head + "5;Tiimi;4;;;\"Vaiheet:\r\n1; 2; 3 toteutuvat\r\n4; ei\";\r\n",
			map[int]answer{5: {4, "Vaiheet:\n1; 2; 3 toteutuvat\n4; ei", 4}}},
		{"a note listing numbers, with commas", strings.ReplaceAll(head, ";", ",") + "1,x,4,,,\"Vaiheet:\r\n1, 2, 3\",\r\n",
			map[int]answer{1: {4, "Vaiheet:\n1, 2, 3", 4}}},
		{"doubled quotation marks", head + "1;x;4;;;\"hän sanoi \"\"hyvä\"\"\";\r\n",
			map[int]answer{1: {4, `hän sanoi "hyvä"`, 4}}},
		{"a quotation mark inside a value", head + "1;x;4;;;5\" näyttö;\r\n",
			map[int]answer{1: {4, `5" näyttö`, 4}}},
		{"line ends LF", strings.ReplaceAll(head+"1;x;4;;;;\r\n\r\n2;y;5;;;;\r\n", "\r\n", "\n"),
			map[int]answer{1: {4, "", 4}, 2: {5, "", 6}}},
		{"line ends CR alone", strings.ReplaceAll(head+"1;x;4;;;\"a\r\nb\";\r\n2;y;5;;;;\r\n", "\r\n", "\r"),
			map[int]answer{1: {4, "a\nb", 4}, 2: {5, "", 6}}},
		{"empty fields beyond the 64th", head + "1;x;4;;;;" + strings.Repeat(";", 200) + "\r\n",
			map[int]answer{1: {4, "", 4}}},
		{"the template's anchor as the level", head + "1;x;4 – Kokoaikaista työhönvalmentajaa kohden on yli 20 mutta enintään 25 asiakasta.;;;;\r\n",
			map[int]answer{1: {4, "", 4}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := form.ReadCSV(strings.NewReader(tc.in), "arvio.csv", form.DefaultLimits)
			if err != nil {
				t.Fatal(err)
			}
			got := map[int]answer{}
			for _, it := range a.Items {
				got[it.Criterion] = answer{it.Level, it.Note, it.Place.Line}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("answers (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCSVRefused: files that would lose answers, or much memory, if read.
func TestCSVRefused(t *testing.T) {
	head := "Kriteeristö;tyokyky\r\nPalveluntuottaja;Kätevä\r\nNro;Kriteeri;Taso;Luku;Tarkistuslista;Perustelu;Näyttö\r\n"
	open := `a value opened with a quotation mark (") on this line does not end with the line, so the lines after it are read as part of this value; close the quotation mark or delete it`
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"an open quotation mark to the end", head + "1;x;4;\"83 asiakasta\r\n2;y;4;;;;\r\n3;z;5;;;;\r\n",
			[]string{"arvio.csv:4: " + open}},
		{"an open quotation mark closed later", head + "1;x;4;;;\"83 asiakasta\r\n2;y;4;;;;\r\n3;z;5;;;\"hyvä\";\r\n",
			[]string{"arvio.csv:4: " + open}},
		{"an open quotation mark on the last line", head + "1;x;4;;;\"83 asiakasta\r\n",
			[]string{"arvio.csv:4: " + open}},
		{"mixed encodings", head + "1;x;4;;;Kätevä;\r\n2;y;4;;;K\xe4tev\xe4;\r\n",
			[]string{"arvio.csv:5: the file mixes UTF-8 and another encoding (such as Windows-1252): this line has the first character that is not UTF-8, so names and texts would change when read; save the file again as CSV UTF-8"}},
		{"a C1 control", head + "1;x;4;;;a\u009bb;\r\n",
			[]string{"arvio.csv:4: Perustelu: the text holds the control character U+009B (CSI), which is not text (it can, for example, clear a terminal or change its title); delete it – tabs and line breaks are accepted"}},
		{"DEL in a detail", strings.Replace(head, "Kätevä", "Kät\x7fevä", 1),
			[]string{"arvio.csv:2: the text holds the control character U+007F (DEL), which is not text (it can, for example, clear a terminal or change its title); delete it – tabs and line breaks are accepted"}},
		{"a workbook's mark in the checklist column", head + "5;Tiimi;;;x;;\r\n6;Työnhaku;;;kyllä;;\r\n7;z;;;e;;\r\n",
			[]string{
				`arvio.csv:4: Tarkistuslista: criterion 5: "x" in the checklist column does not say which elements are present: list the numbers of the elements present (for example 1, 3, 4), or write no (or ei, e, n, 0, -) when none is`,
				`arvio.csv:5: Tarkistuslista: criterion 6: "kyllä" in the checklist column does not say which elements are present: list the numbers of the elements present (for example 1, 3, 4), or write no (or ei, e, n, 0, -) when none is`,
			}},
		{"text in column 65", head + "1;x;4" + strings.Repeat(";", 62) + "x\r\n",
			[]string{"arvio.csv:4: the line has text in more than 64 columns; laatu reads at most 64 columns (A–BL), and the template has seven: delete the values further right"}},
		{"a line of 2 MiB and a byte", head + "1;x;4;;;" + strings.Repeat("a", 2<<20-8) + "\r\n",
			[]string{"arvio.csv:4: the line is longer than 2 MiB, the most laatu reads of one line of a CSV file; the lines of the template are a few kilobytes long – is this the right file?"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := form.ReadCSV(strings.NewReader(tc.in), "arvio.csv", form.DefaultLimits)
			if diff := cmp.Diff(tc.want, problemLines(t, err)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}
