//go:build windows

package main

import (
	"unsafe"

	"golang.org/x/sys/windows"
)

var getConsoleProcessList = windows.NewLazySystemDLL("kernel32.dll").NewProc("GetConsoleProcessList")

// startedFromExplorer reports whether laatu.exe was opened by a
// double-click rather than typed in a console: then Windows made a console
// for laatu alone, so laatu is the only process attached to it.
func startedFromExplorer() bool {
	if getConsoleProcessList.Find() != nil {
		return false
	}
	var pids [2]uint32
	n, _, _ := getConsoleProcessList.Call(uintptr(unsafe.Pointer(&pids[0])), uintptr(len(pids)))
	return n == 1
}
