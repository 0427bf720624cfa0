//go:build unix

package atomicfile

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A descriptor link (/proc/self/fd/N, as /dev/stdout is) writes to the
// open file: to a pipe, and after what a file behind it already holds.
func TestWriteDescriptor(t *testing.T) {
	if _, err := os.Stat("/proc/self/fd"); err != nil {
		t.Skip("no /proc/self/fd")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan string)
	go func() { b, _ := io.ReadAll(r); got <- string(b) }()
	if err := Write(fmt.Sprintf("/proc/self/fd/%d", w.Fd()), writeString("putkeen")); err != nil {
		t.Fatal(err)
	}
	w.Close()
	if s := <-got; s != "putkeen" {
		t.Errorf("pipe got %q", s)
	}

	path := filepath.Join(t.TempDir(), "loki.txt")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.WriteString("alku\n")
	before, _ := os.Stat(path)
	if err := Write(fmt.Sprintf("/proc/self/fd/%d", f.Fd()), writeString("loppu\n")); err != nil {
		t.Fatal(err)
	}
	after, _ := os.Stat(path)
	if !os.SameFile(before, after) {
		t.Error("the file behind the descriptor was replaced")
	}
	if b, _ := os.ReadFile(path); string(b) != "alku\nloppu\n" {
		t.Errorf("file holds %q", b)
	}
}

// A FIFO gets the output and stays a FIFO.
func TestWriteFIFO(t *testing.T) {
	path := filepath.Join(t.TempDir(), "putki")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Fatal(err)
	}
	got := make(chan string)
	go func() {
		b, _ := os.ReadFile(path)
		got <- string(b)
	}()
	if err := Write(path, writeString("raportti")); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "raportti" {
		t.Errorf("reader got %q", s)
	}
	if info, err := os.Lstat(path); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("FIFO replaced: %v %v", info, err)
	}
}
