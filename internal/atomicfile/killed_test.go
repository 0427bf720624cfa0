package atomicfile

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// helperEnv names the file the test binary, run as a helper process,
// writes with Write and never finishes.
const helperEnv = "ATOMICFILE_HELPER_PATH"

func TestMain(m *testing.M) {
	if path := os.Getenv(helperEnv); path != "" {
		// The helper: write half a file, say so, and wait to be killed.
		Write(path, func(w io.Writer) error {
			io.WriteString(w, "half of the new rep")
			w.(*os.File).Sync()
			os.Stdout.WriteString("writing\n")
			select {}
		})
		os.Exit(3)
	}
	os.Exit(m.Run())
}

// TestWriteKilled kills a process with SIGKILL in the middle of Write, once
// it has written half the new file: the previous file is intact, and the
// next Write succeeds and removes the leftover once it is stale.
func TestWriteKilled(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "raportti.html")
	previous := []byte("<p>last round's report</p>")
	if err := os.WriteFile(path, previous, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+path)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if line != "writing\n" {
		t.Fatalf("helper said %q, %v", line, err)
	}
	tmps := temporaries(t, dir)
	if len(tmps) != 1 {
		t.Fatalf("while writing the folder holds %v, want one temporary file", tmps)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, tmps[0])); string(b) != "half of the new rep" {
		t.Fatalf("the temporary file holds %q", b)
	}
	cmd.Process.Kill()
	cmd.Wait()

	if b, _ := os.ReadFile(path); string(b) != string(previous) {
		t.Fatalf("after the kill the file holds %q, want the previous %q", b, previous)
	}
	// No cleanup runs after SIGKILL: the hidden temporary file stays.
	if got := temporaries(t, dir); len(got) != 1 {
		t.Fatalf("after the kill the folder holds %v", got)
	}
	// A later write succeeds; a fresh leftover may still be another
	// process's write in progress, so it is kept …
	write := func(text string) {
		t.Helper()
		if err := Write(path, func(w io.Writer) error { _, err := io.WriteString(w, text); return err }); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(path); string(b) != text {
			t.Fatalf("file holds %q, want %q", b, text)
		}
	}
	write("<p>this round</p>")
	if got := temporaries(t, dir); len(got) != 1 || got[0] != tmps[0] {
		t.Fatalf("after a later write the folder holds %v, want only the leftover %s", got, tmps[0])
	}
	// … and one older than StaleAfter is removed.
	old := time.Now().Add(-StaleAfter - time.Minute)
	if err := os.Chtimes(filepath.Join(dir, tmps[0]), old, old); err != nil {
		t.Fatal(err)
	}
	write("<p>next round</p>")
	assertOnlyFile(t, dir, "raportti.html")
}

// temporaries lists the hidden temporary files in dir.
func temporaries(t *testing.T, dir string) []string {
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

// A writer that panics leaves the previous file and no temporary file.
func TestWritePanicKeepsPrevious(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	os.WriteFile(path, []byte("previous"), 0o600)
	func() {
		defer func() {
			if recover() == nil {
				t.Fatal("the panic did not come through")
			}
		}()
		Write(path, func(w io.Writer) error {
			io.WriteString(w, "half")
			panic("boom")
		})
	}()
	if b, _ := os.ReadFile(path); string(b) != "previous" {
		t.Errorf("previous file changed: %q", b)
	}
	assertOnlyFile(t, dir, "out.txt")
}

// Only laatu's own leftovers are removed: names that merely look alike
// are not, nor fresh leftovers.
func TestRemoveStaleOnlyLeftovers(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	old := now.Add(-2 * StaleAfter)
	files := map[string]bool{ // name → removed
		".out.csv.123456.tmp": true,
		".out.csv.12a.tmp":    false,
		".out.csv..tmp":       false,
		".out.csv.1.tmp.bak":  false,
		".other.csv.1.tmp":    false,
		"out.csv.1.tmp":       false,
		".out.csv.999.tmp~":   false,
	}
	for name := range files {
		p := filepath.Join(dir, name)
		os.WriteFile(p, nil, 0o644)
		os.Chtimes(p, old, old)
	}
	fresh := filepath.Join(dir, ".out.csv.42.tmp")
	os.WriteFile(fresh, nil, 0o644)
	removeStale(dir, "out.csv", now)
	for name, removed := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if gone := os.IsNotExist(err); gone != removed {
			t.Errorf("%s: removed %v, want %v", name, gone, removed)
		}
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("a fresh leftover was removed: %v", err)
	}
}
