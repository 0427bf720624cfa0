// Command gen writes synthetic assessment files for load tests of laatu
// compare:
//
//	go run ./internal/gen -n 10000 -format yaml -o /tmp/alue
//
// The files go into subfolders of 1,000 (erä-000, erä-001, …). The same
// -seed gives the same files. -format xlsx or csv writes filled Finnish
// templates, as service managers send them in.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/internal/synth"
)

func main() {
	n := flag.Int("n", 1000, "number of assessments")
	per := flag.Int("per-service", 4, "assessments per service (rounds six months apart)")
	incomplete := flag.Float64("incomplete", 0.05, "share of incomplete assessments")
	format := flag.String("format", "yaml", "file format: yaml, xlsx or csv")
	out := flag.String("o", "", "output folder (created; must be empty or new)")
	set := flag.String("criteria", criteria.DefaultID, "built-in criteria set")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if *out == "" {
		fail("give the output folder with -o")
	}
	if _, ok := synth.Formats[*format]; !ok {
		fail("-format %s: give yaml, xlsx or csv", *format)
	}
	s, ok := criteria.Builtin(*set)
	if !ok {
		fail("no built-in criteria set %q", *set)
	}
	if entries, err := os.ReadDir(*out); err == nil && len(entries) > 0 {
		fail("%s is not empty; give a new folder", *out)
	}
	paths, err := synth.WriteDir(*out, s, synth.Options{N: *n, PerService: *per, Incomplete: *incomplete, Seed: *seed}, *format)
	if err != nil {
		fail("%v", err)
	}
	fmt.Printf("wrote %d assessments to %s\n", len(paths), *out)
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "gen: "+format+"\n", args...)
	os.Exit(2)
}
