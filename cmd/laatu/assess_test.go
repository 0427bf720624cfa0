package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/rogpeppe/go-internal/txtar"
)

// The first three criteria of the default set, answered; the level of 3 is
// the last answer given.
const assessStart = "Jyväskylän kaupunki\nKätevä\nAnna Arvioija\n24.11.2026\n" +
	"\n23,7\n\n83 asiakasta\nrekisteri\n" + // 1: no counts, the figure → level 4
	"92\n3\n\n\n" + // 2: level 3 against the figure's 4
	"5\n" // 3

func fig(x float64) *float64 { return &x }

// assessStartWant is what the file must hold once assessStart is answered.
var assessStartWant = []form.Item{
	{Criterion: 1, Level: 4, Figure: fig(23.7), Note: "83 asiakasta", Evidence: "rekisteri"},
	{Criterion: 2, Level: 3, Figure: fig(92)},
	{Criterion: 3, Level: 5},
}

// startAssess runs the laatu command (the test binary, set up in $PATH by
// testscript.Main) as a separate process with its input on a pipe.
func startAssess(t *testing.T, dir string, args ...string) (*exec.Cmd, io.WriteCloser, *bytes.Buffer) {
	t.Helper()
	bin, err := exec.LookPath("laatu")
	if err != nil {
		t.Fatalf("the laatu command is not in $PATH: %v", err)
	}
	cmd := exec.Command(bin, append([]string{"assess"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "LANG=C.UTF-8")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	return cmd, stdin, &out
}

// waitForLevel polls path until criterion n has level in it. The process
// saves each answer as it reads it; the deadline only turns a hang into a
// failure and is never what the test waits on.
func waitForLevel(t *testing.T, path string, n, level int) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		if a, err := form.ReadFile(path); err == nil {
			if it := a.Item(n); it != nil && it.Level == level {
				return
			}
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("%s never showed level %d for criterion %d", path, level, n)
}

// checkSaved reads the saved file as laatu score would and compares its
// answers with want.
func checkSaved(t *testing.T, path string, want []form.Item) {
	t.Helper()
	a, err := form.ReadFile(path)
	if err != nil {
		t.Fatalf("saved file does not read: %v", err)
	}
	set, _ := criteria.Builtin("tyokyky")
	if ps := form.Check(a, set); len(ps) > 0 {
		t.Fatalf("saved file does not fit its set: %v", ps)
	}
	if a.Provider != "Jyväskylän kaupunki" || a.Unit != "Kätevä" || a.DateISO() != "2026-11-24" {
		t.Errorf("details lost: %q %q %q", a.Provider, a.Unit, a.DateISO())
	}
	if diff := cmp.Diff(want, a.Items, cmpopts.IgnoreFields(form.Item{}, "Place")); diff != "" {
		t.Errorf("saved answers (-want +got):\n%s", diff)
	}
	tmps, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*.tmp"))
	if len(tmps) > 0 {
		t.Errorf("temporary files left behind: %v", tmps)
	}
}

// TestAssessKilled kills laatu with SIGKILL in the middle of an interview,
// once a known answer is on disk: every answer given before is in the file.
func TestAssessKilled(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "oma-arvio.yaml")
	cmd, stdin, out := startAssess(t, dir, "-o", "oma-arvio.yaml")
	if _, err := io.WriteString(stdin, assessStart); err != nil {
		t.Fatal(err)
	}
	waitForLevel(t, path, 3, 5)
	// Half an answer is not an answer: it must not reach the file.
	io.WriteString(stdin, "keskeneräinen perus")
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err == nil {
		t.Fatalf("laatu was not killed:\n%s", out)
	}
	checkSaved(t, path, assessStartWant)
}

// TestAssessInterrupted sends SIGINT (Ctrl-C) in the middle of an
// interview: laatu ends as at the end of input, with status 0, and the file
// holds every answer.
func TestAssessInterrupted(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "oma-arvio.yaml")
	cmd, stdin, out := startAssess(t, dir, "-o", "oma-arvio.yaml")
	io.WriteString(stdin, assessStart)
	waitForLevel(t, path, 3, 5)
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("laatu ended with %v:\n%s", err, out)
	}
	if !strings.Contains(out.String(), "Jatka myöhemmin samalla komennolla: laatu assess -o oma-arvio.yaml\n") {
		t.Errorf("no word on how to carry on:\n%s", out)
	}
	checkSaved(t, path, assessStartWant)
}

// TestAssessInputClosed closes laatu's input in the middle of an interview,
// as a closed terminal or the end of a pipe does: laatu ends with status 0,
// says how to carry on, and the file holds every answer.
func TestAssessInputClosed(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "oma-arvio.yaml")
	cmd, stdin, out := startAssess(t, dir, "-o", "oma-arvio.yaml")
	io.WriteString(stdin, assessStart+"perustelu\n")
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("laatu ended with %v:\n%s", err, out)
	}
	if !strings.Contains(out.String(), "Jatka myöhemmin samalla komennolla: laatu assess -o oma-arvio.yaml\n") {
		t.Errorf("no word on how to carry on:\n%s", out)
	}
	want := append([]form.Item{}, assessStartWant...)
	want[2].Note = "perustelu"
	checkSaved(t, path, want)
}

// TestAssessScoresLikeScore runs the Finnish interview of the scripts and
// checks that the result assess prints is, to the byte, what laatu score
// reports for the saved file.
func TestAssessScoresLikeScore(t *testing.T) {
	answers := finnishAnswers(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "oma-arvio.yaml")
	for _, lang := range []string{"fi", "en"} {
		os.Remove(path)
		var out, errb bytes.Buffer
		sys := &IO{In: bytes.NewReader(answers), Out: &out, Err: &errb, Getenv: func(string) string { return "" }, Now: time.Now}
		if code := run(sys, []string{"assess", "-o", path, "--lang", lang}); code != 0 {
			t.Fatalf("assess: status %d\n%s", code, errb.String())
		}
		// The result follows the line saying where the answers are saved.
		_, result, ok := strings.Cut(out.String(), "("+map[string]string{"fi": "23/25 kriteeriä arvioitu", "en": "23 of 25 criteria rated"}[lang]+").\n\n")
		if !ok {
			t.Fatalf("no result in the output:\n%s", out.String())
		}
		var score bytes.Buffer
		sys.Out, sys.In = &score, nil
		if code := run(sys, []string{"score", path, "--lang", lang}); code != 0 {
			t.Fatalf("score: status %d\n%s", code, errb.String())
		}
		if diff := cmp.Diff(score.String(), result); diff != "" {
			t.Errorf("%s: assess result differs from laatu score (-score +assess):\n%s", lang, diff)
		}
	}
}

// TestAssessDateDefault: Enter at the date takes today's date from IO.Now.
func TestAssessDateDefault(t *testing.T) {
	path := filepath.Join(t.TempDir(), "arvio.yaml")
	var out, errb bytes.Buffer
	now := time.Date(2027, 3, 5, 23, 30, 0, 0, time.UTC)
	sys := &IO{In: strings.NewReader("Kätevä\n\n\n\nq\n"), Out: &out, Err: &errb, Getenv: func(string) string { return "" },
		Now: func() time.Time { return now }}
	if code := run(sys, []string{"assess", "-o", path}); code != 0 {
		t.Fatalf("status %d\n%s", code, errb.String())
	}
	if !strings.Contains(out.String(), "Arviointipäivä (Enter = 5.3.2027): \n") {
		t.Errorf("the date question does not offer today:\n%s", out.String())
	}
	a, err := form.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if a.DateISO() != "2027-03-05" {
		t.Errorf("date %s, want 2027-03-05", a.DateISO())
	}
}

// finnishAnswers are the answers of the whole Finnish interview in
// testdata/script/assess_fi.txtar, for the tests that run it outside the
// script.
func finnishAnswers(t *testing.T) []byte {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/script/assess_fi.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		if f.Name == "answers.txt" {
			return f.Data
		}
	}
	t.Fatal("assess_fi.txtar has no answers.txt")
	return nil
}
