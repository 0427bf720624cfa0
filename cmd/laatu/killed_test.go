//go:build unix

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/internal/atomicfile"
	"github.com/laatu-fi/laatu/internal/synth"
)

// TestCompareKilledMidWrite runs the laatu command (the test binary, in
// $PATH through testscript.Main) over 2,000 generated assessments with
// -o, and kills it with SIGKILL while it writes the report: the previous
// report is intact to the byte. To know the kill lands mid-write, the test
// waits for the hidden temporary file to fill, stops the process
// (SIGSTOP), and kills it only if the temporary file is still there —
// that is, before the rename that would complete the write. A later run
// succeeds and, once the leftover is stale, removes it.
func TestCompareKilledMidWrite(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 2,000 assessments")
	}
	bin, err := exec.LookPath("laatu")
	if err != nil {
		t.Fatalf("the laatu command is not in $PATH: %v", err)
	}
	dir := t.TempDir()
	set, _ := criteria.Builtin(criteria.DefaultID)
	if _, err := synth.WriteYAMLDir(filepath.Join(dir, "alue"), set, synth.Options{N: 2000, Seed: 8}); err != nil {
		t.Fatal(err)
	}
	laatu := func(out string) *exec.Cmd {
		cmd := exec.Command(bin, "compare", "alue", "-o", out)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "LANG=C.UTF-8")
		return cmd
	}
	if out, err := laatu("uusi.csv").CombinedOutput(); err != nil {
		t.Fatalf("laatu compare: %v\n%s", err, out)
	}
	complete, err := os.ReadFile(filepath.Join(dir, "uusi.csv"))
	if err != nil || len(complete) < 1<<20 {
		t.Fatalf("the report is %d bytes (%v); the test needs a long write", len(complete), err)
	}
	path := filepath.Join(dir, "vertailu.csv")
	previous := []byte("Palveluntuottaja;Yksikkö\r\nedellinen;raportti\r\n")

	killedMidWrite := false
	for attempt := 0; attempt < 10 && !killedMidWrite; attempt++ {
		if err := os.WriteFile(path, previous, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := laatu("vertailu.csv")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan struct{})
		go func() { cmd.Wait(); close(exited) }()
		tmp := waitForTemporary(t, dir, "vertailu.csv", exited)
		if tmp != "" {
			cmd.Process.Signal(syscall.SIGSTOP)
			_, err := os.Stat(tmp)
			killedMidWrite = err == nil
		}
		cmd.Process.Kill()
		<-exited
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case killedMidWrite && !bytes.Equal(got, previous):
			t.Fatalf("killed mid-write, the report holds %d bytes, not the previous %d", len(got), len(previous))
		case !bytes.Equal(got, previous) && !bytes.Equal(got, complete):
			// Killed too late to be mid-write: the file must then be the
			// whole new report, never a part of it.
			t.Fatalf("the report is neither the previous nor the new one (%d bytes)", len(got))
		}
		t.Logf("attempt %d: killed mid-write: %v", attempt+1, killedMidWrite)
	}
	if !killedMidWrite {
		t.Fatal("no attempt stopped laatu while it wrote; the write is too quick to catch")
	}
	leftovers := hiddenTemporaries(t, dir)
	if len(leftovers) != 1 {
		t.Fatalf("after the kill the folder holds temporary files %v, want the one left behind", leftovers)
	}

	// A later run writes the whole report; the fresh leftover stays (it
	// could be another run's write in progress) …
	if out, err := laatu("vertailu.csv").CombinedOutput(); err != nil {
		t.Fatalf("laatu compare after the kill: %v\n%s", err, out)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, complete) {
		t.Fatalf("after the kill a new run wrote %d bytes, want the %d of the report", len(got), len(complete))
	}
	if got := hiddenTemporaries(t, dir); len(got) != 1 || got[0] != leftovers[0] {
		t.Fatalf("after a new run the folder holds temporary files %v, want only %v", got, leftovers)
	}
	// … and a run after it has gone stale removes it.
	old := time.Now().Add(-atomicfile.StaleAfter - time.Minute)
	os.Chtimes(filepath.Join(dir, leftovers[0]), old, old)
	if out, err := laatu("vertailu.csv").CombinedOutput(); err != nil {
		t.Fatalf("laatu compare: %v\n%s", err, out)
	}
	if got := hiddenTemporaries(t, dir); len(got) != 0 {
		t.Fatalf("a stale leftover was not removed: %v", got)
	}
}

// waitForTemporary polls dir until laatu's temporary file for name holds
// data, and returns its path; "" when the process exits first. The
// deadline only turns a hang into a failure.
func waitForTemporary(t *testing.T, dir, name string, exited <-chan struct{}) string {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		for _, tmp := range hiddenTemporaries(t, dir) {
			if strings.HasPrefix(tmp, "."+name+".") {
				p := filepath.Join(dir, tmp)
				if st, err := os.Stat(p); err == nil && st.Size() > 0 {
					return p
				}
			}
		}
		select {
		case <-exited:
			return ""
		default:
		}
		time.Sleep(200 * time.Microsecond)
	}
	t.Fatal("laatu compare never started writing")
	return ""
}

func hiddenTemporaries(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") && strings.HasSuffix(e.Name(), ".tmp") {
			out = append(out, e.Name())
		}
	}
	return out
}

// TestAssessKilledMidWrite pipes a whole interview to laatu assess, which
// saves the file after every answer, and kills it with SIGKILL while one of
// those saves is being written (caught as in TestCompareKilledMidWrite):
// the file holds the save before, whole, and a later run carries on.
func TestAssessKilledMidWrite(t *testing.T) {
	answers := finnishAnswers(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "oma-arvio.yaml")
	killedMidWrite := false
	for attempt := 0; attempt < 20 && !killedMidWrite; attempt++ {
		os.Remove(path)
		cmd, stdin, _ := startAssess(t, dir, "-o", "oma-arvio.yaml")
		exited := make(chan struct{})
		go func() { cmd.Wait(); close(exited) }()
		go func() { stdin.Write(answers); stdin.Close() }()
		// The first save has no file before it to keep: wait for one.
		for {
			if _, err := os.Stat(path); err == nil {
				break
			}
			select {
			case <-exited:
				t.Fatal("laatu assess ended before it saved")
			default:
			}
			time.Sleep(100 * time.Microsecond)
		}
		var before []byte
		if tmp := waitForTemporary(t, dir, "oma-arvio.yaml", exited); tmp != "" {
			cmd.Process.Signal(syscall.SIGSTOP)
			before, _ = os.ReadFile(path)
			_, err := os.Stat(tmp)
			killedMidWrite = err == nil && before != nil
		}
		cmd.Process.Kill()
		<-exited
		if !killedMidWrite {
			continue
		}
		after, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(after, before) {
			t.Fatalf("the file changed after the process was stopped (%v)", err)
		}
		if _, err := readAssessments([]string{path}, "", form.DefaultLimits); err != nil {
			t.Fatalf("the file saved before the kill does not read: %v\n%s", err, after)
		}
		t.Logf("attempt %d: killed mid-write", attempt+1)
	}
	if !killedMidWrite {
		t.Fatal("no attempt stopped laatu assess while it saved")
	}
	// Carrying on with the same file works and finishes the interview.
	var out, errb bytes.Buffer
	sys := &IO{In: bytes.NewReader(answers), Out: &out, Err: &errb, Getenv: func(string) string { return "" }, Now: time.Now}
	if code := run(sys, []string{"assess", "-o", path, "--review"}); code != 0 {
		t.Fatalf("assess --review after the kill: status %d\n%s", code, errb.String())
	}
}
