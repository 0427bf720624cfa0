package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/laatu-fi/laatu/msg"
)

// English words that have no place in laatu's Finnish output, Finnish
// ones that have none in its English output, and neither in its Swedish
// output: a Swedish text missing from a message table falls back to
// Finnish, then English (msg/locales/sv.yaml), and this test finds it.
// Cobra and pflag write some of theirs in English unless laatu replaces
// them; this test finds any that slip through, in every command's help and
// in common mistakes.
var (
	englishWords = regexp.MustCompile(`(?i)\b(flags?|string|int|default|usage|generate|unknown|invalid|argument|arguments|needs|available|the|for|with|file|files|command|commands|shell|script|help|stringarray|stringslice|float64|bool)\b`)
	// typedWords are the same in every language's output: names of
	// formats, values to type, example file names and command names, flag
	// names, commands quoted in a sentence and PowerShell's cmdlets: what
	// the user types. The language tests take them out before looking.
	typedWords   = regexp.MustCompile(`[\w./-]*\.(?:yaml|csv|xlsx)\b|-{1,2}[a-z][a-z-]*|\blaatu( [\w\[\]./-]+)*|Out-String|Invoke-Expression`)
	finnishWords = regexp.MustCompile(`(?i)\b(valinnat|valinta|valintaa|oletus|tiedosto|tiedostoa|komento|komennot|komentoa|anna|ohje|käyttö|kieli|muoto|yleiset|paluuarvot|esimerkkejä)\b`)
)

// foreignWords are the word lists that may not appear in lang's output,
// each with the language it catches: a language other than Finnish and
// English (Swedish, and any declared later) may show neither.
func foreignWords(lang string) []struct {
	words    *regexp.Regexp
	language string
} {
	type list = struct {
		words    *regexp.Regexp
		language string
	}
	switch lang {
	case "fi":
		return []list{{englishWords, "English"}}
	case "en":
		return []list{{finnishWords, "Finnish"}}
	}
	return []list{{finnishWords, "Finnish"}, {englishWords, "English"}}
}

// languageRuns are the invocations the language test reads: every
// command's help, the usual mistakes and faulty files of every kind (see
// fileRuns).
func languageRuns(t *testing.T) [][]string {
	runs := [][]string{
		{"--help"}, {"help"}, {"completion", "--help"}, {"completion", "bash", "--help"},
		{"completion", "powershell", "--help"},
		{"score", "--bogus"}, {"score", "--weakest", "x", "a.yaml"}, {"score", "-z"}, {"score", "-o"},
		{"score"}, {"compare"}, {"check"}, {"consensus", "a.yaml"}, {"criteria", "validate"},
		{"scor"}, {"criteria", "bogus"}, {"criteria", "show", "x"}, {"--max-file-size", "lots", "score", "a.yaml"},
		{"score", "-f", "pdf", "a.yaml"}, {"version", "x"},
		{"man"}, {"man", "a", "b"}, {"criteria", "show", "1", "2"}, {"score", "--input-format", "pdf", "-"},
		{"check", "--points", "40", "../../testdata/bids/tarjous-a-tyopolku.yaml", "../../testdata/bids/tarjous-b-valmennusaalto.yaml"},
	}
	for _, f := range fileRuns(t) {
		runs = append(runs, f.args)
	}
	for _, c := range newRootCmd(&IO{}, "fi").Commands() {
		runs = append(runs, []string{c.Name(), "--help"})
		for _, sub := range c.Commands() {
			runs = append(runs, []string{c.Name(), sub.Name(), "--help"})
		}
	}
	return runs
}

func TestLanguage(t *testing.T) {
	for _, lang := range msg.Offered() {
		for _, args := range languageRuns(t) {
			full := append([]string{"--lang", lang}, args...)
			_, stdout, stderr := runLaatu(t, "", full...)
			for _, line := range strings.Split(stdout+stderr, "\n") {
				// Command lines quoted in examples and the command list's
				// names are not prose.
				trimmed := strings.TrimSpace(line)
				if strings.HasPrefix(trimmed, "laatu ") || strings.HasPrefix(trimmed, "help ") ||
					strings.HasPrefix(trimmed, "completion ") || strings.HasPrefix(trimmed, "source ") {
					continue
				}
				for _, wrong := range foreignWords(lang) {
					if w := wrong.words.FindString(typedWords.ReplaceAllString(line, "")); w != "" {
						t.Errorf("laatu %s: %s word %q in\n  %s", strings.Join(full, " "), wrong.language, w, line)
					}
				}
			}
		}
	}
}

// fileRun is a faulty file read by score, with what its message must say
// in each language and what it must not: the words the user sees in the
// file they wrote (the CSV template's headings, a checklist element's
// number and text, a YAML key in a YAML file), never the YAML keys and
// ids meant for programs in a CSV file or a workbook. A column or field is
// named in the file's own words, also when the message is in another
// language (form/column_names.go).
type fileRun struct {
	args                []string
	fi, en, sv          []string // each must be in the message
	notFi, notEn, notSv []string // none may be
}

// expected returns what lang's message must and must not hold.
func (f fileRun) expected(lang string) (want, not []string) {
	switch lang {
	case "fi":
		return f.fi, f.notFi
	case "en":
		return f.en, f.notEn
	case "sv":
		return f.sv, f.notSv
	}
	return nil, nil
}

// fileRuns writes the faulty files the language test reads and says what
// their messages hold.
func fileRuns(t *testing.T) []fileRun {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// A CSV template with criterion 5's checklist given as 1, 1, 9 and a
	// checklist for criterion 1, which has none.
	csvPath := filepath.Join(dir, "pohja.csv")
	if code, _, stderr := runLaatu(t, "", "template", "--format", "csv", "-o", csvPath); code != 0 {
		t.Fatalf("template: %s", stderr)
	}
	b, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\r\n")
	for i, l := range lines {
		switch {
		case strings.HasPrefix(l, "Palveluntuottaja;"):
			lines[i] = "Palveluntuottaja;Kätevä"
		case strings.HasPrefix(l, "1;"):
			lines[i] = "1;x;;;2;;"
		case strings.HasPrefix(l, "5;"):
			lines[i] = "5;x;;;1, 1, 9;;"
		}
	}
	csvPath = write("tarkistuslista.csv", strings.Join(lines, "\r\n"))
	// The workbook template as it comes: no provider or unit.
	xlsxPath := filepath.Join(dir, "pohja.xlsx")
	if code, _, stderr := runLaatu(t, "", "template", "-o", xlsxPath); code != 0 {
		t.Fatalf("template: %s", stderr)
	}
	// The same template made in Swedish, and a Swedish CSV file with a
	// field the template has not: their columns and fields are named as
	// the files name them, whatever language the rest of the message is in.
	mallPath := filepath.Join(dir, "mall.xlsx")
	if code, _, stderr := runLaatu(t, "", "--lang", "sv", "template", "-o", mallPath); code != 0 {
		t.Fatalf("template --lang sv: %s", stderr)
	}
	svCSV := write("okant-falt.csv", "Kriterieuppsättning;tyokyky\r\nTjänsteproducent;Kompassen\r\nPostnummer;65100\r\nNr;Kriterium;Nivå\r\n1;Klienter;4\r\n")
	return []fileRun{
		{args: []string{"score", mallPath},
			fi:    []string{"Uppgifter!C8: kentät ”Tjänsteproducent” ja ”Enhet eller tjänst” ovat molemmat tyhjiä; täytä ainakin toinen"},
			en:    []string{"Uppgifter!C8: the fields “Tjänsteproducent” and “Enhet eller tjänst” are both empty; fill in at least one"},
			sv:    []string{"Uppgifter!C8: fälten ”Tjänsteproducent” och ”Enhet eller tjänst” är båda tomma; fyll i minst det ena"},
			notFi: []string{"Palveluntuottaja"}, notEn: []string{"Provider"}},
		{args: []string{"score", svCSV},
			fi:    []string{`tietoa "Postnummer" ei tunneta; sallitut: Kriterieuppsättning, Kriterieuppsättningens version, Kriterieuppsättningens namn, Tjänsteproducent`},
			en:    []string{`unknown field "Postnummer"; accepted: Kriterieuppsättning, Kriterieuppsättningens version, Kriterieuppsättningens namn, Tjänsteproducent`},
			sv:    []string{`okänt fält "Postnummer"; godtas: Kriterieuppsättning, Kriterieuppsättningens version, Kriterieuppsättningens namn, Tjänsteproducent`},
			notFi: []string{"Kriteeristö"}, notEn: []string{"Criteria set"}},
		{args: []string{"score", csvPath},
			fi: []string{"tarkistuslistassa ei ole kohtaa \"9\": anna toteutuvien kohtien numerot 1–5",
				"tarkistuslistan kohta 1 ”Valmentaja osallistuu",
				"kriteerillä ei ole tarkistuslistaa: jätä sarake ”Tarkistuslista” tyhjäksi"},
			en: []string{"there is no checklist element \"9\": give the numbers 1–5",
				"checklist element 1 “The coach attends",
				"the criterion has no checklist: leave the “Tarkistuslista” column empty"},
			sv: []string{"checklistan har ingen punkt \"9\": ange numren 1–5 på de punkter som uppfylls",
				"checklistans punkt 1 ”Jobbcoachen deltar",
				"kriteriet har ingen checklista: lämna kolumnen ”Tarkistuslista” tom"},
			notFi: []string{"weekly-team-meeting", "provider", "(checked)"},
			notEn: []string{"weekly-team-meeting", "(checked)"},
			notSv: []string{"weekly-team-meeting", "provider", "(checked)"}},
		{args: []string{"score", xlsxPath},
			fi:    []string{"Tiedot!C8: kentät ”Palveluntuottaja” ja ”Yksikkö tai palvelu” ovat molemmat tyhjiä; täytä ainakin toinen"},
			en:    []string{"Tiedot!C8: the fields “Palveluntuottaja” and “Yksikkö tai palvelu” are both empty; fill in at least one"},
			sv:    []string{"Tiedot!C8: fälten ”Palveluntuottaja” och ”Yksikkö tai palvelu” är båda tomma; fyll i minst det ena"},
			notFi: []string{"provider", "unit"},
			notSv: []string{"provider", "unit"}},
		{args: []string{"score", "../../testdata/bad/unknown-field.csv"},
			fi:    []string{`tietoa "Postinumero" ei tunneta; sallitut: Kriteeristö, Kriteeristön versio, Kriteeristön nimi, Palveluntuottaja`},
			en:    []string{`unknown field "Postinumero"; accepted: Kriteeristö, Kriteeristön versio, Kriteeristön nimi, Palveluntuottaja`},
			sv:    []string{`okänt fält "Postinumero"; godtas: Kriteeristö, Kriteeristön versio, Kriteeristön nimi, Palveluntuottaja`},
			notFi: []string{"criteria_version", "provider"},
			notSv: []string{"criteria_version", "provider"}},
		{args: []string{"score", "../../testdata/bad/unknown-criterion.yaml"},
			fi: []string{"luku 250 ei kelpaa: luvun on oltava välillä 0–100",
				`tarkistuslistan kohtaa "coffee-together" ei ole; sallitut: weekly-team-meeting`},
			en: []string{"the figure 250 is outside the accepted range: it must be between 0 and 100"},
			sv: []string{"talet 250 ligger utanför det godtagna intervallet: det ska vara mellan 0 och 100",
				`checklistan har ingen punkt "coffee-together"; godtas: weekly-team-meeting`},
			notFi: []string{"väliltä", "≥"},
			notSv: []string{"≥"}},
		{args: []string{"score", write("kohta.yaml", "criteria: tyokyky\nprovider: Kätevä\nitems:\n  - criterion: 5\n    level: 3\n    checked: [shared-record, shared-record]\n  - criterion: 1\n    level: 4\n    figure: -3\n")},
			fi: []string{"tarkistuslistan kohta 3 ”", "on mainittu kahdesti (checked: shared-record)",
				"luku -3 ei kelpaa: luvun on oltava vähintään 0"},
			en: []string{"checklist element 3 “", "is listed twice (checked: shared-record)",
				"the figure -3 is outside the accepted range: it must be at least 0"},
			sv: []string{"checklistans punkt 3 ”", "finns två gånger (checked: shared-record)",
				"talet -3 ligger utanför det godtagna intervallet: det ska vara minst 0"}},
		{args: []string{"score", "../../testdata/bad/syntax.yaml"},
			fi: []string{"syntax.yaml:3: YAML-muoto on virheellinen: hakasulkeella [ alkavaa luetteloa ei ole suljettu merkillä ]"},
			en: []string{"syntax.yaml:3: the YAML is not valid: a [ … ] list is not closed with ]"},
			sv: []string{"syntax.yaml:3: YAML-koden är ogiltig: en lista [ … ] är inte stängd med ]"}},
		{args: []string{"score", write("kaksoispiste.yaml", "criteria: tyokyky\nprovider: Huom: Kätevä\n")},
			fi: []string{"kaksoispiste.yaml:2: YAML-muoto on virheellinen: arvossa on kaksoispiste ja välilyönti"},
			en: []string{"kaksoispiste.yaml:2: the YAML is not valid: a value holds a colon and a space"},
			sv: []string{"kaksoispiste.yaml:2: YAML-koden är ogiltig: ett värde innehåller ett kolon och ett mellanslag"}},
		{args: []string{"score", write("sarkain.yaml", "criteria: tyokyky\nitems:\n\t- criterion: 1\n")},
			fi: []string{"sarkain.yaml:3: YAML-muoto on virheellinen: rivi on sisennetty sarkaimella"},
			en: []string{"sarkain.yaml:3: the YAML is not valid: the line is indented with a tab"},
			sv: []string{"sarkain.yaml:3: YAML-koden är ogiltig: raden är indragen med tabb"}},
		{args: []string{"criteria", "validate", "../../testdata/bad/criteria/syntax.yaml"},
			fi: []string{"YAML-muoto on virheellinen: aaltosulkeella { alkavaa kohtaa ei ole suljettu"},
			en: []string{"the YAML is not valid: a { … } mapping is not closed with }"},
			sv: []string{"YAML-koden är ogiltig: en mappning { … } är inte stängd med }"}},
		{args: []string{"check", "--profile", "../../testdata/bad/profiles/syntax.yaml", "../../testdata/bids/tarjous-a-tyopolku.yaml"},
			fi: []string{"YAML-muoto on virheellinen: arvossa on kaksoispiste ja välilyönti"},
			en: []string{"the YAML is not valid: a value holds a colon and a space"},
			sv: []string{"YAML-koden är ogiltig: ett värde innehåller ett kolon och ett mellanslag"}},
	}
}

// TestLanguageOfFileMessages: a faulty file's message names what is wrong
// in the words of the file the user wrote, in every language, and holds
// no word of another language (foreignWords).
func TestLanguageOfFileMessages(t *testing.T) {
	for _, f := range fileRuns(t) {
		for _, lang := range []string{"fi", "en", "sv"} {
			want, not := f.expected(lang)
			if len(want) == 0 {
				t.Fatalf("laatu %s: no %s message is expected", strings.Join(f.args, " "), lang)
			}
			full := append([]string{"--lang", lang}, f.args...)
			code, stdout, stderr := runLaatu(t, "", full...)
			if code != exitBadInput || stdout != "" {
				t.Errorf("laatu %s: exit %d, stdout %q; want exit 1 and nothing on stdout", strings.Join(full, " "), code, stdout)
			}
			for _, w := range want {
				if !strings.Contains(stderr, w) {
					t.Errorf("laatu %s: the message lacks\n  %s\ngot:\n%s", strings.Join(full, " "), w, stderr)
				}
			}
			for _, w := range not {
				if strings.Contains(stderr, w) {
					t.Errorf("laatu %s: the message holds %q:\n%s", strings.Join(full, " "), w, stderr)
				}
			}
			for _, line := range strings.Split(stderr, "\n") {
				for _, wrong := range foreignWords(lang) {
					if w := wrong.words.FindString(typedWords.ReplaceAllString(line, "")); w != "" {
						t.Errorf("laatu %s: %s word %q in\n  %s", strings.Join(full, " "), wrong.language, w, line)
					}
				}
			}
		}
	}
}

// TestLanguageOfManPages: the manual pages are in the chosen language
// too, as --help is: the section headings, the usage lines, the texts.
func TestLanguageOfManPages(t *testing.T) {
	roff := regexp.MustCompile(`\\f[BIRP]|\\-|\\\(\w\w|\\&`)
	for _, lang := range msg.Offered() {
		pages, err := manPages(&IO{}, lang)
		if err != nil {
			t.Fatal(err)
		}
		for name, page := range pages {
			for _, line := range strings.Split(string(page), "\n") {
				if strings.HasPrefix(line, ".") && !strings.HasPrefix(line, ".SH ") {
					continue // a roff request, not text
				}
				text := roff.ReplaceAllString(line, "")
				trimmed := strings.TrimSpace(text)
				if strings.HasPrefix(trimmed, "laatu ") || strings.HasPrefix(trimmed, "source ") {
					continue // an example command line
				}
				for _, wrong := range foreignWords(lang) {
					if w := wrong.words.FindString(typedWords.ReplaceAllString(text, "")); w != "" {
						t.Errorf("%s page %s: %s word %q in\n  %s", lang, name, wrong.language, w, line)
					}
				}
			}
		}
	}
}
