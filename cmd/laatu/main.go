// Command laatu scores supported-employment job-coaching services against
// the 25 quality criteria (laatukriteerit). See README.md for a tour.
package main

import (
	"bufio"
	"fmt"
	"os"

	"github.com/laatu-fi/laatu/msg"
)

func main() {
	if len(os.Args) == 1 && startedFromExplorer() {
		os.Exit(explorerHelp())
	}
	os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// explorerHelp is what a double-click on laatu.exe shows: laatu is typed
// in PowerShell, and how; the window stays open until Enter, where cobra's
// help would flash past in a window that closes at once.
func explorerHelp() int {
	lang, _ := msg.Lang("", os.Getenv)
	fmt.Println(msg.T(lang, "cli.explorer"))
	bufio.NewReader(os.Stdin).ReadString('\n')
	return exitUsage
}
