package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// An assess session holds a lock on its -o file from the first question to
// the last save, so that a second laatu assess on the same file is refused
// at once instead of the two saving over each other's answers. The lock is
// an operating-system lock (flock on Unix, LockFileEx on Windows) on a
// small file next to the output, .NAME.lock, which also records who holds
// it for the message that refuses the second one. The operating system
// releases the lock when the process ends in any way, a kill included, so a
// lock file left behind by a killed process locks nothing: the next run
// takes it over.

// lockPath is the lock file of the assessment file path.
func lockPath(path string) string {
	dir, name := filepath.Split(path)
	return filepath.Join(dir, "."+name+".lock")
}

// outputLock is a held lock; release gives it up.
type outputLock struct {
	f    *os.File
	path string
}

// lockHolder is what a lock file says about the process holding it; the
// fields are zero when it does not say (it was being written, say).
type lockHolder struct {
	PID     int
	Host    string
	Started time.Time
}

// errLocked: another process holds the lock.
var errLocked = errors.New("locked by another process")

// errNoLock: this system has no lock laatu can use; the session goes on
// without one.
var errNoLock = errors.New("file locks are not supported here")

// lockOutput takes the lock of the assessment file path without waiting.
// When another process holds it, the error is errLocked and the holder is
// what its lock file says.
func lockOutput(path string, now time.Time) (*outputLock, *lockHolder, error) {
	lp := lockPath(path)
	// A process releasing the lock removes the file first; one that opened
	// the file before the removal holds a lock on a file no longer there,
	// and tries again.
	for range 100 {
		f, err := os.OpenFile(lp, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, nil, err
		}
		got, err := tryLock(f)
		if err != nil {
			f.Close()
			return nil, nil, err
		}
		if !got {
			h := readHolder(f)
			f.Close()
			return nil, h, errLocked
		}
		if st, err := f.Stat(); err != nil {
			f.Close()
			return nil, nil, err
		} else if cur, err := os.Stat(lp); err != nil || !os.SameFile(st, cur) {
			f.Close()
			continue
		}
		host, _ := os.Hostname()
		text := fmt.Sprintf("laatu assess\npid: %d\nhost: %s\nstarted: %s\n", os.Getpid(), host, now.Format(time.RFC3339))
		// The record is for people and for the refusal message; the lock
		// holds without it.
		if err := f.Truncate(0); err == nil {
			f.WriteAt([]byte(text), 0)
		}
		return &outputLock{f: f, path: lp}, nil, nil
	}
	return nil, nil, errLocked
}

// readHolder reads what a lock file says about its holder.
func readHolder(f *os.File) *lockHolder {
	b, _ := io.ReadAll(io.LimitReader(io.NewSectionReader(f, 0, 4096), 4096))
	h := &lockHolder{}
	for _, line := range strings.Split(string(b), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch k {
		case "pid":
			h.PID, _ = strconv.Atoi(v)
		case "host":
			h.Host = v
		case "started":
			h.Started, _ = time.Parse(time.RFC3339, v)
		}
	}
	return h
}

// release gives the lock up and removes the lock file. The file is removed
// while the lock is still held, so no other process can be holding it.
func (l *outputLock) release() {
	if l == nil {
		return
	}
	releaseLock(l)
}
