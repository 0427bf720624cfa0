package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/form"
)

// TestConsensusExit checks the exit statuses the help promises: 0 done,
// 1 bad input, 2 wrong command line.
func TestConsensusExit(t *testing.T) {
	const (
		anna  = "../../testdata/raters/kateva-anna.yaml"
		pekka = "../../testdata/raters/kateva-pekka.yaml"
		stadi = "../../testdata/services/stadi-2026-10.yaml"
	)
	dir := t.TempDir()
	draft := filepath.Join(dir, "konsensus.yaml")
	tests := []struct {
		name   string
		args   []string
		status int
		stderr string
	}{
		{"two raters", []string{anna, pekka}, exitOK, ""},
		{"draft written", []string{anna, pekka, "-o", draft}, exitOK, ""},
		{"one file", []string{anna}, exitUsage, "the assessment files of at least two raters"},
		{"same file twice", []string{anna, "../../testdata/raters/../raters/kateva-anna.yaml"}, exitUsage, "given twice"},
		{"output is an input", []string{anna, pekka, "-o", pekka}, exitUsage, "also an input"},
		{"report to a file", []string{anna, pekka, "-o", filepath.Join(dir, "x.html")}, exitOK, "x.html"},
		{"draft and report", []string{anna, pekka, "-o", draft, "-o", filepath.Join(dir, "x.xlsx")}, exitOK, "konsensus.yaml"},
		{"two drafts", []string{anna, pekka, "-o", draft, "-o", filepath.Join(dir, "y.yml")}, exitUsage, "-o names two consensus drafts"},
		{"two reports", []string{anna, pekka, "-o", filepath.Join(dir, "x.md"), "-o", filepath.Join(dir, "x.csv")}, exitUsage, "-o names two reports"},
		{"report extension unknown", []string{anna, pekka, "-o", filepath.Join(dir, "x.pdf")}, exitUsage, "cannot tell the format from the extension"},
		{"excel without CSV", []string{anna, pekka, "--excel"}, exitUsage, "--excel"},
		{"tolerance 0", []string{anna, pekka, "--tolerance", "0"}, exitUsage, "--tolerance 0"},
		{"tolerance 5", []string{anna, pekka, "--tolerance", "5"}, exitUsage, "--tolerance 5"},
		{"unknown format", []string{anna, pekka, "--format", "pdf"}, exitUsage, "unknown format"},
		{"format does not match the report file", []string{anna, pekka, "--format", "xlsx", "-o", filepath.Join(dir, "x.html")}, exitUsage, "does not match the extension"},
		{"another service", []string{anna, stadi}, exitBadInput, "a consensus needs assessments of one service"},
		{"missing file", []string{anna, filepath.Join(dir, "nobody.yaml")}, exitBadInput, "cannot read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			args := append([]string{"consensus", "--lang", "en"}, tt.args...)
			got := Main(args, strings.NewReader(""), &out, &errOut)
			if got != tt.status {
				t.Errorf("laatu %s: status %d, want %d; stderr:\n%s", strings.Join(args, " "), got, tt.status, errOut.String())
			}
			if tt.stderr != "" && !strings.Contains(errOut.String(), tt.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, errOut.String())
			}
			if tt.stderr == "" && errOut.Len() > 0 {
				t.Errorf("unexpected stderr:\n%s", errOut.String())
			}
		})
	}
	if _, err := os.Stat(draft); err != nil {
		t.Errorf("no draft written: %v", err)
	}
	for _, in := range []string{anna, pekka} {
		b, _ := os.ReadFile(in)
		if !bytes.HasPrefix(b, []byte("# Työvalmennuspalvelu Kätevä")) {
			t.Errorf("%s was changed", in)
		}
	}
}

// The draft read back is a valid assessment of the same service, and
// leaves exactly the criteria to discuss without a level.
func TestConsensusDraftReadsBack(t *testing.T) {
	draft := filepath.Join(t.TempDir(), "d.yaml")
	var out, errOut bytes.Buffer
	args := []string{"consensus", "../../testdata/raters/kateva-anna.yaml", "../../testdata/raters/kateva-pekka.yaml", "-o", draft}
	if st := Main(args, strings.NewReader(""), &out, &errOut); st != exitOK {
		t.Fatalf("status %d: %s", st, errOut.String())
	}
	items, err := readAssessments([]string{draft}, "", form.DefaultLimits)
	if err != nil {
		t.Fatalf("draft does not read back: %v", err)
	}
	a := items[0].a
	var open []int
	for _, n := range items[0].set.Numbers() {
		if it := a.Item(n); it == nil || it.Level == 0 {
			open = append(open, n)
		}
	}
	if diff := cmp.Diff([]int{4, 7, 9, 12, 18, 22}, open); diff != "" {
		t.Errorf("criteria without a level (-want +got):\n%s", diff)
	}
	if a.Unit != "Työvalmennuspalvelu Kätevä" || a.DateISO() != "2026-11-24" {
		t.Errorf("service %q dated %s", a.Unit, a.DateISO())
	}
	if diff := cmp.Diff([]string{"Anna Arvioija", "Pekka Parivirta"}, a.Raters); diff != "" {
		t.Errorf("raters (-want +got):\n%s", diff)
	}
}
