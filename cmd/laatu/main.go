// Command laatu scores supported-employment job-coaching services against
// the 25 quality criteria (laatukriteerit). See README.md for a tour.
package main

import "os"

func main() {
	os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
