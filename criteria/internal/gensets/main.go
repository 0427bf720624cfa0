// Command gensets compiles the built-in criteria sets (criteria/sets/*.yaml,
// the files people edit) into criteria/sets_gen.go, Go source laatu is
// built with: a set is built by one function call, where decoding it took
// a few milliseconds of `laatu score`'s start and reading and checking its
// YAML most of it. Run it after changing a set:
//
//	go generate ./criteria
//
// criteria's tests fail while sets_gen.go is behind the sets.
package main

import (
	"fmt"
	"os"

	"github.com/laatu-fi/laatu/criteria"
)

func main() {
	src, err := criteria.Compile(os.DirFS("."))
	if err != nil {
		fail(fmt.Errorf("%w (run it in criteria/)", err))
	}
	if err := os.WriteFile("sets_gen.go", src, 0o644); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gensets:", err)
	os.Exit(1)
}
