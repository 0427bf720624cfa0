//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd || windows)

package main

import "os"

// tryLock: this system has no file lock laatu uses (a lock file without one
// would outlive a killed process and lock the file for good), so the
// session goes on unlocked.
func tryLock(f *os.File) (bool, error) { return false, errNoLock }

func releaseLock(l *outputLock) {
	l.f.Close()
	os.Remove(l.path)
}
