// Command gensets compiles the built-in criteria sets (criteria/sets/*.yaml,
// the files people edit) into criteria/compiled/*.json, which laatu is
// built with: a set is decoded from JSON in a millisecond or two, where
// reading and checking its YAML took most of `laatu score`'s start. Run it
// after changing a set:
//
//	go generate ./criteria
//
// criteria's tests fail while a compiled file is behind its set.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
)

func main() {
	files, err := filepath.Glob("sets/*.yaml")
	if err != nil || len(files) == 0 {
		fail(fmt.Errorf("no sets/*.yaml here (run it in criteria/): %v", err))
	}
	if err := os.MkdirAll("compiled", 0o755); err != nil {
		fail(err)
	}
	old, _ := filepath.Glob("compiled/*.json")
	for _, f := range old {
		if err := os.Remove(f); err != nil {
			fail(err)
		}
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			fail(err)
		}
		out, err := criteria.Compile(b, f)
		if err != nil {
			fail(err)
		}
		id := strings.TrimSuffix(filepath.Base(f), ".yaml")
		if err := os.WriteFile(filepath.Join("compiled", id+".json"), out, 0o644); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gensets:", err)
	os.Exit(1)
}
