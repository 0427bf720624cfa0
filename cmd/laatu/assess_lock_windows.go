//go:build windows

package main

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// lockOffset is where the locked byte lies: far past the end of the file,
// because a Windows lock also stops others reading the bytes it covers, and
// the refused process reads the record at the start of the file.
const lockOffset = 1 << 62

func lockRange() *windows.Overlapped {
	return &windows.Overlapped{Offset: uint32(lockOffset & 0xffffffff), OffsetHigh: uint32(lockOffset >> 32)}
}

// tryLock takes an exclusive lock on f without waiting; false when another
// handle holds it.
func tryLock(f *os.File) (bool, error) {
	err := windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, lockRange())
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, windows.ERROR_LOCK_VIOLATION), errors.Is(err, windows.ERROR_IO_PENDING):
		return false, nil
	}
	return false, err
}

// releaseLock unlocks and closes the file, then removes it. Windows does
// not remove a file another process has open, so a waiting second
// session's file stays; it is simply taken over next time.
func releaseLock(l *outputLock) {
	windows.UnlockFileEx(windows.Handle(l.f.Fd()), 0, 1, 0, lockRange())
	l.f.Close()
	os.Remove(l.path)
}
