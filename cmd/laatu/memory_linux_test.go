//go:build linux

package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// TestPeakMemory runs the laatu command (the test binary, in $PATH through
// testscript.Main) on every malformed assessment in testdata/bad and on
// the worst files the default limits let through, and measures each run's
// peak resident memory. The run is also held to 2 GB of address space, so
// that a regression ends in a failed run rather than a machine out of
// memory. Memory, not time: the figures are what the README documents.
func TestPeakMemory(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector multiplies memory use")
	}
	if testing.Short() {
		t.Skip("writes files of several megabytes")
	}
	bin, err := exec.LookPath("laatu")
	if err != nil {
		t.Fatalf("the laatu command is not in $PATH: %v", err)
	}
	peak := func(path string, codes ...int) (int64, string) {
		t.Helper()
		if codes == nil {
			codes = []int{exitBadInput}
		}
		// The measuring is done by a helper process (this test binary
		// again): a child starts with its parent's peak memory as its
		// own, and this process may have grown in earlier tests.
		cmd := exec.Command(os.Args[0], "-test.run=^TestPeakMemoryHelper$")
		cmd.Env = append(os.Environ(), "LANG=C.UTF-8", peakEnv+"="+bin+"\n"+path)
		out, err := cmd.Output()
		m := peakRe.FindSubmatch(out)
		if err != nil || m == nil {
			t.Fatalf("%s: the helper failed: %v\n%.2000s", path, err, out)
		}
		rss, _ := strconv.ParseInt(string(m[1]), 10, 64)
		code, _ := strconv.Atoi(string(m[2]))
		text := out[:len(out)-len(m[0])]
		if !slices.Contains(codes, code) {
			t.Errorf("%s: exit status %d, want %v\n%.2000s", path, code, codes, text)
		}
		if bytes.Contains(text, []byte("fatal error")) || bytes.Contains(text, []byte("panic:")) {
			t.Errorf("%s: laatu crashed:\n%.2000s", path, text)
		}
		return rss, string(text)
	}

	// The malformed inputs: each is refused using a few tens of megabytes.
	paths, _ := filepath.Glob(filepath.Join(badDir, "*.*"))
	var most int64
	var mostFile string
	for _, p := range paths {
		if rss, _ := peak(p); rss > most {
			most, mostFile = rss, p
		}
	}
	t.Logf("malformed inputs (%d files): at most %d MB, %s", len(paths), most>>20, filepath.Base(mostFile))
	if most > 100<<20 {
		t.Errorf("%s took %d MB", mostFile, most>>20)
	}

	// The worst the default limits let through.
	dir := t.TempDir()
	sample, err := os.ReadFile("../../testdata/sheets/kateva-2026-11.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	justUnder := 8<<20 - 64<<10 // the largest XML part allowed, less room for the rest
	worst := map[string][]byte{
		// A shared-string table of half a million strings: excelize holds
		// it whole.
		"jaetut.xlsx": rewritePart(t, sample, "xl/sharedStrings.xml", func(s string) string {
			n := (justUnder - len(s)) / len("<si><t>a</t></si>")
			return strings.Replace(s, "</sst>", strings.Repeat("<si><t>a</t></si>", n)+"</sst>", 1)
		}),
		// One cell of eight megabytes in the level column.
		"solu.xlsx": rewritePart(t, sample, "xl/worksheets/sheet2.xml", func(s string) string {
			cell := regexp.MustCompile(`<c r="D7"[^>]*?(/>|>.*?</c>)`)
			if !cell.MatchString(s) {
				t.Fatal("no level cell D7 in the sample's assessment sheet")
			}
			return cell.ReplaceAllString(s, `<c r="D7" t="inlineStr"><is><t>`+strings.Repeat("4", justUnder-len(s))+`</t></is></c>`)
		}),
		// A CSV line of 16 MB.
		"rivi.csv": []byte("Kriteeristö;tyokyky\r\nNro;Taso\r\n1;" + strings.Repeat("4", 16<<20-40) + "\r\n"),
		// A YAML file of 1 MB that is all nodes: 200 000 empty items.
		"solmut.yaml": []byte("criteria: tyokyky\nprovider: x\nitems:\n" + strings.Repeat("- {}\n", (1<<20-40)/5)),
	}
	for name, b := range worst {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		rss, out := peak(p, exitOK, exitBadInput)
		first, _, _ := strings.Cut(out, "\n")
		t.Logf("%s (%d KB): %d MB; %.120s", name, len(b)>>10, rss>>20, first)
		if rss > 400<<20 {
			t.Errorf("%s took %d MB", name, rss>>20)
		}
	}
}

// rewritePart returns the workbook b with the part name changed by edit.
func rewritePart(t *testing.T, b []byte, name string, edit func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	found := false
	for _, f := range zr.File {
		if f.Name != name {
			if err := zw.Copy(f); err != nil {
				t.Fatal(err)
			}
			continue
		}
		found = true
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, edit(string(data)))
	}
	if !found {
		t.Fatalf("no part %s", name)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// peakEnv carries the laatu command and the file to a helper run of this
// test binary: TestPeakMemoryHelper runs laatu score on the file, held to
// 2 GB of address space, and ends its output with the peak memory (in
// bytes) and the exit status.
const peakEnv = "LAATU_PEAK_MEMORY"

var peakRe = regexp.MustCompile(`\npeak-rss (\d+) exit (\d+)\n`)

func TestPeakMemoryHelper(t *testing.T) {
	args := os.Getenv(peakEnv)
	if args == "" {
		t.Skip("the helper of TestPeakMemory")
	}
	bin, path, _ := strings.Cut(args, "\n")
	cmd := exec.Command("sh", "-c", `ulimit -v 2000000 && exec "$0" --lang en score "$1"`, bin, path)
	out, _ := cmd.CombinedOutput()
	os.Stdout.Write(out)
	fmt.Printf("\npeak-rss %d exit %d\n", cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss<<10, cmd.ProcessState.ExitCode())
	os.Exit(0)
}
