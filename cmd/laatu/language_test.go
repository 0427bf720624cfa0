package main

import (
	"regexp"
	"strings"
	"testing"
)

// English words that have no place in laatu's Finnish output, and Finnish
// ones that have none in its English output. Cobra and pflag write some of
// theirs in English unless laatu replaces them; this test finds any that
// slip through, in every command's help and in common mistakes.
var (
	englishWords = regexp.MustCompile(`(?i)\b(flags?|string|int|default|usage|generate|unknown|invalid|argument|arguments|needs|available|the|for|with|file|files|command|commands|shell|script|help)\b`)
	finnishWords = regexp.MustCompile(`(?i)\b(valinnat|valinta|valintaa|oletus|tiedosto|tiedostoa|komento|komennot|komentoa|anna|ohje|käyttö|kieli|muoto|yleiset|paluuarvot|esimerkkejä)\b`)
)

// languageRuns are the invocations the language test reads: every
// command's help and the usual mistakes.
func languageRuns() [][]string {
	runs := [][]string{
		{"--help"}, {"help"}, {"completion", "--help"}, {"completion", "bash", "--help"},
		{"completion", "powershell", "--help"},
		{"score", "--bogus"}, {"score", "--weakest", "x", "a.yaml"}, {"score", "-z"}, {"score", "-o"},
		{"score"}, {"compare"}, {"check"}, {"consensus", "a.yaml"}, {"criteria", "validate"},
		{"scor"}, {"criteria", "bogus"}, {"criteria", "show", "x"}, {"--max-file-size", "lots", "score", "a.yaml"},
		{"score", "-f", "pdf", "a.yaml"}, {"version", "x"},
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
	// Words that are the same in both languages' output: names of formats,
	// values to type, example file names and command names.
	// Flag names, commands quoted in a sentence and PowerShell's cmdlets
	// are what the user types, the same in every language.
	typed := regexp.MustCompile(`-{1,2}[a-z][a-z-]*|\blaatu( [\w\[\]./-]+)*|Out-String|Invoke-Expression`)
	for _, lang := range []string{"fi", "en"} {
		wrong, language := englishWords, "English"
		if lang == "en" {
			wrong, language = finnishWords, "Finnish"
		}
		for _, args := range languageRuns() {
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
				if w := wrong.FindString(typed.ReplaceAllString(line, "")); w != "" {
					t.Errorf("laatu %s: %s word %q in\n  %s", strings.Join(full, " "), language, w, line)
				}
			}
		}
	}
}
