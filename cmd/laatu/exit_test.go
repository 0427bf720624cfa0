package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// runLaatu runs the command line in-process with buffers and a fixed
// environment, and returns the exit status and both streams.
func runLaatu(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	io := &IO{
		In: strings.NewReader(stdin), Out: &out, Err: &errb,
		Getenv: func(k string) string {
			if k == "LANG" {
				return "C.UTF-8"
			}
			return ""
		},
		Now: func() time.Time { return time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC) },
	}
	code := run(io, args)
	return code, out.String(), errb.String()
}

// The documented exit statuses: 0 success, 1 bad input, 2 usage.
func TestExitStatus(t *testing.T) {
	sample := "../../testdata/services/kateva-2026-11.yaml"
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"score ok", []string{"score", sample}, 0, ""},
		{"help", []string{"--help"}, 0, ""},
		{"unknown command", []string{"bogus"}, 2, `komentoa "bogus" ei ole`},
		{"unknown subcommand", []string{"criteria", "bogus"}, 2, `komentoa "bogus" ei ole`},
		{"unknown flag", []string{"score", "--bogus", sample}, 2, "valintaa --bogus ei ole"},
		{"unknown language", []string{"--lang", "de", "score", sample}, 2, `kieltä "de" ei ole; käytettävissä: en, fi, sv`},
		{"bad format", []string{"score", "-f", "pdf", sample}, 2, `muotoa "pdf" ei tunneta; sallitut: text, md, json, csv, xlsx, html`},
		{"no files", []string{"score"}, 2, "laatu: anna vähintään yksi arviointitiedosto"},
		{"missing file", []string{"score", "puuttuu.yaml"}, 1, "puuttuu.yaml: tiedostoa ei voi lukea: sitä ei löydy; tarkista nimi ja kansio"},
		{"unknown file type", []string{"score", "arvio.pdf"}, 1, `arvio.pdf: tiedostotyyppiä ".pdf" ei tunneta`},
		{"unknown set", []string{"score", "--criteria", "uk", sample}, 1, `kriteeristöä "uk" ei ole`},
		{"bad criterion number", []string{"criteria", "show", "x"}, 2, `"x" ei ole kriteerin numero`},
		{"too many arguments", []string{"criteria", "show", "1", "2"}, 2, "ottaa vain yhden arvon; ylimääräiset: 2"},
		{"version takes no arguments", []string{"version", "x"}, 2, "ei ota tiedostoja eikä muita arvoja; ylimääräiset: x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runLaatu(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, stderr)
			}
		})
	}
}

// Flags reach the options: --lang en after the command, -f json, --weakest.
func TestScoreFlags(t *testing.T) {
	sample := "../../testdata/services/kateva-2026-11.yaml"
	code, out, _ := runLaatu(t, "", "score", sample, "--lang", "en", "--weakest", "1", "-f", "md")
	if code != 0 {
		t.Fatalf("status %d", code)
	}
	if !strings.Contains(out, "### Criteria to improve") || strings.Count(out, "To reach level") != 1 {
		t.Errorf("options not applied:\n%s", out)
	}
}
