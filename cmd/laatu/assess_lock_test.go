package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
)

// TestAssessSecondRefused starts laatu assess on a file and, while it is
// still asking, a second one on the same file, first as a separate process
// and then through run in this process: the second is refused at once with
// status 1 and a message naming the first, asks nothing and writes nothing,
// and the first carries on with every answer intact.
func TestAssessSecondRefused(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "oma-arvio.yaml")
	first, stdin, out := startAssess(t, dir, "-o", "oma-arvio.yaml")
	if _, err := io.WriteString(stdin, assessStart); err != nil {
		t.Fatal(err)
	}
	waitForLevel(t, path, 3, 5)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}

	// A second process: its answers would name another service.
	bin, _ := exec.LookPath("laatu")
	second := exec.Command(bin, "assess", "-o", "oma-arvio.yaml")
	second.Dir = dir
	second.Env = append(os.Environ(), "LANG=C.UTF-8")
	second.Stdin = strings.NewReader("Toinen palvelu\nToinen\n\n24.11.2026\n1\n\n\n")
	var stdout2, stderr2 bytes.Buffer
	second.Stdout, second.Stderr = &stdout2, &stderr2
	err = second.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Errorf("second laatu assess ended with %v, want exit status 1\n%s%s", err, &stdout2, &stderr2)
	}
	wantFi := regexp.MustCompile(fmt.Sprintf(`^laatu: oma-arvio\.yaml on auki toisessa laatu assess -komennossa \(prosessi %d, aloitettu klo \d\d\.\d\d\); sulje se ensin\n$`, first.Process.Pid))
	if !wantFi.MatchString(stderr2.String()) {
		t.Errorf("second laatu assess said\n%q\nwant a match for %s", stderr2.String(), wantFi)
	}
	if stdout2.Len() != 0 {
		t.Errorf("second laatu assess wrote to stdout:\n%s", &stdout2)
	}

	// The same through run, in English: a lock of its own, refused alike.
	var out3, err3 bytes.Buffer
	sys := &IO{In: strings.NewReader("Toinen\n"), Out: &out3, Err: &err3, Getenv: func(string) string { return "" }, Now: time.Now}
	if code := run(sys, []string{"assess", "-o", path, "--lang", "en"}); code != exitBadInput {
		t.Errorf("run: status %d, want %d", code, exitBadInput)
	}
	wantEn := regexp.MustCompile(fmt.Sprintf(`^laatu: oma-arvio\.yaml is being filled in by another laatu assess \(process %d, started \d\d:\d\d\); close it first\n$`, first.Process.Pid))
	if !wantEn.MatchString(err3.String()) || out3.Len() != 0 {
		t.Errorf("run said\n%q on stderr and\n%q on stdout\nwant a match for %s", err3.String(), out3.String(), wantEn)
	}

	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Errorf("the refused runs changed the file:\n%s\nwant:\n%s", after, before)
	}
	// The first carries on to the end of its input; nothing is lost.
	io.WriteString(stdin, "perustelu\n")
	stdin.Close()
	if err := first.Wait(); err != nil {
		t.Fatalf("first laatu assess ended with %v:\n%s", err, out)
	}
	want := append([]form.Item{}, assessStartWant...)
	want[2].Note = "perustelu"
	checkSaved(t, path, want)
	if _, err := os.Stat(lockPath(path)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the lock file is left after the session: %v", err)
	}
}

// TestAssessLockAfterKill: a session killed with SIGKILL leaves its lock
// file, but not its lock: the next run carries on with the file.
func TestAssessLockAfterKill(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "oma-arvio.yaml")
	first, stdin, _ := startAssess(t, dir, "-o", "oma-arvio.yaml")
	io.WriteString(stdin, assessStart)
	waitForLevel(t, path, 3, 5)
	if err := first.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	first.Wait()
	if _, err := os.Stat(lockPath(path)); err != nil {
		t.Logf("no lock file left behind by the kill (%v); the test then shows less", err)
	}
	var out, errb bytes.Buffer
	sys := &IO{In: strings.NewReader(""), Out: &out, Err: &errb, Getenv: func(string) string { return "" }, Now: time.Now}
	if code := run(sys, []string{"assess", "-o", path, "--review"}); code != exitOK {
		t.Fatalf("after the kill: status %d\n%s%s", code, &out, &errb)
	}
	checkSaved(t, path, assessStartWant)
	if _, err := os.Stat(lockPath(path)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the lock file is left after the session: %v", err)
	}
}

// TestLockOutput: two locks of one file in one process exclude each other;
// the refused one learns the holder; a released lock is taken again; a
// lock file left by a process that is gone is taken over.
func TestLockOutput(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "arvio.yaml")
	start := time.Date(2026, 12, 1, 22, 14, 0, 0, time.Local)
	l1, _, err := lockOutput(path, start)
	if err != nil {
		t.Fatal(err)
	}
	_, h, err := lockOutput(path, start.Add(time.Hour))
	if !errors.Is(err, errLocked) {
		t.Fatalf("second lock: %v, want errLocked", err)
	}
	host, _ := os.Hostname()
	if h == nil || h.PID != os.Getpid() || h.Host != host || !h.Started.Equal(start) {
		t.Errorf("holder %+v, want pid %d, host %q, started %v", h, os.Getpid(), host, start)
	}
	if _, err := lockAssessment(path, "fi", start.Add(time.Hour)); err == nil ||
		!strings.Contains(msg.Localize(err, "fi"), "(prosessi "+fmt.Sprint(os.Getpid())+", aloitettu klo 22.14)") {
		t.Errorf("message: %v", err)
	}
	if _, err := lockAssessment(path, "fi", start.Add(48*time.Hour)); err == nil ||
		!strings.Contains(msg.Localize(err, "fi"), "aloitettu 1.12.2026 klo 22.14)") {
		t.Errorf("message on a later day: %v", err)
	}
	l1.release()
	if _, err := os.Stat(lockPath(path)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("released, the lock file is still there: %v", err)
	}
	// A lock file as a killed process leaves it: the lock is gone with it.
	os.WriteFile(lockPath(path), []byte("laatu assess\npid: 999999\nhost: muu\nstarted: 2026-12-01T22:14:00Z\n"), 0o644)
	l2, _, err := lockOutput(path, start)
	if err != nil {
		t.Fatalf("a stale lock file: %v", err)
	}
	l2.release()
}
