package form

import (
	"slices"
	"strings"
	"testing"

	"github.com/laatu-fi/laatu/msg"
)

// A column or field is named as the file shows it; one the file lacks is
// named in the file's language, found from the names it has; with no
// names, or names that two languages share, in the reader's language.
func TestFileNamesLabel(t *testing.T) {
	for _, tt := range []struct {
		name string
		seen [][2]string // message key, text in the file
		key  string
		lang string
		want string
	}{
		{"shown as in the file", [][2]string{{"sheet.csv.col.level", "taso"}}, "sheet.csv.col.level", "en", "taso"},
		{"missing, in the file's language", [][2]string{{"sheet.field.criteria", "Kriteeristö"}, {"sheet.field.provider", "Palveluntuottaja"}}, "sheet.csv.col.level", "en", "Taso"},
		{"Swedish file read in Finnish", [][2]string{{"sheet.field.criteria", "Kriterieuppsättning"}}, "sheet.field.unit", "fi", "Enhet eller tjänst"},
		{"most names decide", [][2]string{{"sheet.csv.col.number", "Nr"}, {"sheet.csv.col.level", "Nivå"}, {"sheet.csv.col.note", "Note"}}, "sheet.csv.col.figure", "fi", "Tal"},
		{"a tie is no language", [][2]string{{"sheet.csv.col.level", "Nivå"}, {"sheet.csv.col.note", "Note"}}, "sheet.csv.col.figure", "fi", "Luku"},
		{"YAML keys are no language", [][2]string{{"sheet.field.criteria", "criteria"}}, "sheet.field.unit", "sv", "Enhet eller tjänst"},
		{"no names", nil, "sheet.csv.col.checked", "en", "Checklist"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			n := &FileNames{}
			for _, s := range tt.seen {
				n.saw(s[0], s[1])
			}
			if got := n.label(tt.key, "x").In(tt.lang); got != tt.want {
				t.Errorf("label(%s).In(%s) = %q, want %q", tt.key, tt.lang, got, tt.want)
			}
		})
	}
	var none *FileNames
	if got := none.label("sheet.col.level", "level").In("sv"); got != "Nivå 1–5" {
		t.Errorf("nil names: %q, want the reader's language", got)
	}
	if got := none.label("rules.no-such-text", "level").In("sv"); got != "level" {
		t.Errorf("a key with no text: %q, want its fallback", got)
	}
}

// Reading a file notes its names: a Swedish CSV file's missing heading is
// named in Swedish when the message is in Finnish, and its check names its
// columns as it does.
func TestCSVNamesInFileLanguage(t *testing.T) {
	in := "Kriterieuppsättning;tyokyky\r\nTjänsteproducent;Kompassen\r\n1;4\r\n"
	_, err := ReadCSV(strings.NewReader(in), "bedomning.csv", DefaultLimits)
	if err == nil {
		t.Fatal("a file with no heading line read without error")
	}
	got := err.(interface{ In(string) string }).In("fi")
	if want := "ensimmäinen solu on Nr, ja siinä on myös sarake Nivå"; !strings.Contains(got, want) {
		t.Errorf("got %s\nwant it to hold %q", got, want)
	}
}

// templateNames keeps what folding the catalogue's texts gives, asked
// once or many times, and nothing for a key the catalogue lacks.
func TestTemplateNames(t *testing.T) {
	for _, key := range []string{"sheet.csv.col.level", "sheet.field.provider", "sheet.csv.col.item", "no.such.key"} {
		var want []templateName
		if msg.Builtin().Texts(key) != nil {
			for _, lang := range msg.Locales() {
				want = append(want, templateName{lang, normName(msg.T(lang, key))})
			}
		}
		for range 2 {
			if got := templateNames(key); !slices.Equal(got, want) {
				t.Errorf("templateNames(%q) = %q, want %q", key, got, want)
			}
		}
	}
	if len(templateNames("sheet.csv.col.level")) == 0 {
		t.Error("templateNames(sheet.csv.col.level) is empty")
	}
}
