package main

import (
	"runtime/debug"
	"testing"
)

// gcSettings reads the collector's settings without changing them.
func gcSettings() (percent int, limit int64) {
	percent = debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1)
}

func TestCompareGC(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	before, beforeLimit := gcSettings()
	restore := compareGC()
	if p, l := gcSettings(); p != compareGCPercent || l != compareMemoryLimit {
		t.Errorf("during compare: GOGC %d, limit %d; want %d, %d", p, l, compareGCPercent, compareMemoryLimit)
	}
	restore()
	if p, l := gcSettings(); p != before || l != beforeLimit {
		t.Errorf("after compare: GOGC %d, limit %d; want %d, %d as before", p, l, before, beforeLimit)
	}
}

// TestCompareGCKeepsUsersSettings: GOGC and GOMEMLIMIT in the environment
// are the user's choice (the runtime has read them).
func TestCompareGCKeepsUsersSettings(t *testing.T) {
	t.Setenv("GOGC", "50")
	t.Setenv("GOMEMLIMIT", "100MiB")
	prevPercent := debug.SetGCPercent(50)
	prevLimit := debug.SetMemoryLimit(100 << 20)
	defer debug.SetGCPercent(prevPercent)
	defer debug.SetMemoryLimit(prevLimit)
	restore := compareGC()
	if p, l := gcSettings(); p != 50 || l != 100<<20 {
		t.Errorf("GOGC %d, limit %d; want the user's 50 and 100 MiB", p, l)
	}
	restore()
	if p, l := gcSettings(); p != 50 || l != 100<<20 {
		t.Errorf("after: GOGC %d, limit %d; want the user's 50 and 100 MiB", p, l)
	}
}
