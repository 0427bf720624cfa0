package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the test binary act as the laatu command inside scripts.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"laatu": func() { os.Exit(Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: each is a
// txtar archive of commands and files, as a user would type them. The
// repository's sample data is available under $SAMPLES.
func TestScripts(t *testing.T) {
	samples, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("SAMPLES", samples)
			env.Setenv("LANG", "C.UTF-8")
			return nil
		},
		UpdateScripts: os.Getenv("LAATU_UPDATE_SCRIPTS") == "1",
	})
}
