//go:build !windows

package main

// startedFromExplorer is true only on Windows (console_windows.go).
func startedFromExplorer() bool { return false }
