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
	// The bound the README's "Limits and errors" promises for any
	// malformed file at the default limits.
	if most > malformedPeak {
		t.Errorf("%s took %d MiB; the README promises at most %d MiB", mostFile, most>>20, malformedPeak>>20)
	}

	// The worst the default limits let through.
	dir := t.TempDir()
	sample, err := os.ReadFile("../../testdata/sheets/kateva-2026-11.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	justUnder := 8<<20 - 64<<10 // the largest XML part allowed, less room for the rest
	worst := map[string][]byte{
		// The largest shared-string table laatu reads: just under the
		// count it accepts (the cell limit and a quarter); excelize holds
		// it whole.
		"jaetut.xlsx": rewritePart(t, sample, "xl/sharedStrings.xml", func(s string) string {
			n := 249000 - strings.Count(s, "<si>")
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
		// CSV lines just under the longest laatu reads (2 MiB), to the
		// file limit of 16 MiB.
		"rivi.csv": []byte("Kriteeristö;tyokyky\r\nNro;Taso;Muistiinpanot\r\n" +
			strings.Repeat("# "+strings.Repeat("4", 2<<20-64)+"\r\n", 7)),
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
		if rss > acceptedPeak {
			t.Errorf("%s took %d MiB; the README promises at most %d MiB", name, rss>>20, acceptedPeak>>20)
		}
	}
}

// The peaks the README documents at the default limits: any malformed
// file is refused within malformedPeak, and the largest files the limits
// let through are read within acceptedPeak.
const (
	malformedPeak = 64 << 20
	acceptedPeak  = 320 << 20
)

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
