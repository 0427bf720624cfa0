package form_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// fuzzLimits keep each fuzzed read small, so the fuzzer spends its time on
// the readers rather than on unpacking.
var fuzzLimits = form.Limits{FileSize: 1 << 20, UnzipSize: 8 << 20, UnzipXMLSize: 4 << 20, Parts: 200, Rows: 500}

// seed adds every file matching the patterns to the corpus.
func seed(f *testing.F, patterns ...string) {
	n := 0
	for _, p := range patterns {
		paths, err := filepath.Glob(p)
		if err != nil {
			f.Fatal(err)
		}
		for _, path := range paths {
			b, err := os.ReadFile(path)
			if err != nil {
				f.Fatal(err)
			}
			if len(b) <= int(fuzzLimits.FileSize) {
				f.Add(b)
				n++
			}
		}
	}
	if n == 0 {
		f.Fatalf("no seed files in %v", patterns)
	}
}

// checkRead holds a reader to its contract on any input: an assessment or
// msg.Problems naming the file, never both, never a panic; and whatever it
// reads can be checked and scored.
func checkRead(t *testing.T, a *form.Assessment, err error, file string) {
	if (a == nil) == (err == nil) {
		t.Fatalf("got assessment %v and error %v", a, err)
	}
	if err != nil {
		var ps msg.Problems
		if !errors.As(err, &ps) || len(ps) == 0 {
			t.Fatalf("error %v (%T) is not msg.Problems", err, err)
		}
		for _, p := range ps {
			if p.File != file {
				t.Fatalf("problem %q does not name the file", p.In("en"))
			}
			_ = p.In("fi")
		}
		return
	}
	for _, id := range []string{"tyokyky", "ips"} {
		set := builtinSet(t, id)
		if ps := form.Check(a, set); len(ps) == 0 {
			scoring.Score(set, a)
		}
	}
}

func FuzzReadXLSX(f *testing.F) {
	seed(f, "../testdata/sheets/*.xlsx", "../testdata/bad/*.xlsx")
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := form.ReadXLSX(bytes.NewReader(b), "f.xlsx", fuzzLimits)
		checkRead(t, a, err, "f.xlsx")
	})
}

func FuzzReadCSV(f *testing.F) {
	seed(f, "../testdata/sheets/*.csv", "../testdata/bad/*.csv")
	f.Add([]byte("Kriteeristö;tyokyky\nYksikkö;x\nNro;Taso;Tarkistuslista\n5;;1 2 9\n"))
	f.Add([]byte("\xff\xfeK\x00;\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := form.ReadCSV(bytes.NewReader(b), "f.csv", fuzzLimits)
		checkRead(t, a, err, "f.csv")
	})
}
