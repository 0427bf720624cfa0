// Package testtool finds the real programs some tests open laatu's output
// with (Chromium, LibreOffice). A test that needs one fails when
// LAATU_REQUIRE_TOOLS=1 (as in CI) and the program is missing, and skips
// otherwise, so a developer without them can still run go test ./....
package testtool

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"
)

// Require returns the path of the first of names found on PATH.
func Require(t testing.TB, names ...string) string {
	t.Helper()
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	if os.Getenv("LAATU_REQUIRE_TOOLS") == "1" {
		t.Fatalf("none of %v is installed, and LAATU_REQUIRE_TOOLS=1 requires it", names)
	}
	t.Skipf("none of %v is installed (set LAATU_REQUIRE_TOOLS=1 to make this a failure)", names)
	return ""
}

// Run runs a program with a time limit and returns its standard output;
// on failure the test fails with the program's error output.
func Run(t testing.TB, timeout time.Duration, dir, prog string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, prog, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	var stderr bytesBuffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", prog, args, err, stderr.String())
	}
	return out
}

// bytesBuffer keeps the last 64 KiB of a program's error output.
type bytesBuffer struct{ b []byte }

func (w *bytesBuffer) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	if len(w.b) > 64<<10 {
		w.b = w.b[len(w.b)-64<<10:]
	}
	return len(p), nil
}

func (w *bytesBuffer) String() string { return string(w.b) }
