package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/laatu-fi/laatu/form"
)

func TestParseSize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
	}{
		{"16MB", 16e6}, {"64MiB", 64 << 20}, {"64 MiB", 64 << 20}, {"64mib", 64 << 20},
		{"16M", 16 << 20}, {"500k", 500 << 10}, {"500kB", 500e3}, {"1G", 1 << 30}, {"2GB", 2e9},
		{"1,5GB", 1.5e9}, {"1.5GiB", 3 << 29}, {"1048576", 1 << 20}, {"1048576B", 1 << 20}, {" 8 MiB ", 8 << 20},
	} {
		if got, ok := parseSize(tc.in); !ok || got != tc.want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", tc.in, got, ok, tc.want)
		}
	}
	for _, bad := range []string{"", "MB", "abc", "16 XB", "-1MB", "0", "0.1B", "16MB16", "2TiB", "1e3MB", "∞"} {
		if got, ok := parseSize(bad); ok {
			t.Errorf("parseSize(%q) = %d, want refused", bad, got)
		}
	}
}

// The size flags reach every command that reads assessments, and a bad
// size is a usage error (status 2) that names the flag.
func TestLimitFlags(t *testing.T) {
	sheet := "../../testdata/sheets/kateva-2026-11.xlsx"
	yaml := "../../testdata/services/kateva-2026-11.yaml"
	for _, tc := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"score", "--max-file-size", "1k", sheet}, 1, "kateva-2026-11.xlsx: the file is larger than 1 KiB, the most laatu reads; if it really is an assessment, raise the limit with --max-file-size"},
		{[]string{"compare", "--max-file-size", "1k", sheet}, 1, "the file is larger than 1 KiB"},
		{[]string{"check", "--max-file-size", "1k", sheet}, 1, "the file is larger than 1 KiB"},
		{[]string{"consensus", "--max-file-size", "1k", sheet, yaml}, 1, "the file is larger than 1 KiB"},
		{[]string{"assess", "--max-file-size", "1k", "-o", yaml, "--review"}, 1, "kateva-2026-11.yaml: the file is larger than 1 KiB"},
		{[]string{"score", "--max-unzip-size", "100kB", sheet}, 1, "kateva-2026-11.xlsx: the workbook unpacks to 108 KiB but at most 100 kB is allowed"},
		{[]string{"score", "--max-unzip-size", "200KiB", sheet}, 1, "kateva-2026-11.xlsx: Arviointi: the sheet unpacks to 42 KiB, but laatu reads at most 25 KiB of one sheet"},
		{[]string{"score", "--max-file-size", "64MiB", "--max-unzip-size", "256MiB", sheet}, 0, ""},
		{[]string{"score", "--max-file-size", "lots", sheet}, 2, `--max-file-size: the size "lots" is not accepted; write for example 16MB, 64MiB or 1.5GB`},
		{[]string{"score", "--max-unzip-size", "0", sheet}, 2, `--max-unzip-size: the size "0" is not accepted`},
	} {
		code, _, stderr := runLaatu(t, "", append([]string{"--lang", "en"}, tc.args...)...)
		if code != tc.code || !strings.Contains(stderr, tc.stderr) {
			t.Errorf("laatu %s: status %d, want %d; stderr lacks %q:\n%s", strings.Join(tc.args, " "), code, tc.code, tc.stderr, stderr)
		}
	}
}

// TestHugeInputRefused: a 100 MB file of each kind is refused from its size
// before any of it is read, so refusing it allocates next to nothing; with
// the limit raised, the same CSV file is read and found not to be text.
func TestHugeInputRefused(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"valtava.xlsx", "valtava.csv", "valtava.yaml"} {
		path := filepath.Join(dir, name)
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		// A sparse file: 100 MB of zeros that take no room on the disk.
		if err := f.Truncate(100 << 20); err != nil {
			t.Fatal(err)
		}
		f.Close()
		var code int
		var stderr string
		alloc := allocated(func() { code, _, stderr = runLaatu(t, "", "--lang", "en", "score", path) })
		want := "the file is larger than 16 MiB, the most laatu reads"
		if strings.HasSuffix(name, ".yaml") {
			want = "the YAML file is larger than 1 MiB, the most laatu reads"
		}
		if code != exitBadInput || !strings.Contains(stderr, name+": "+want) {
			t.Errorf("%s: status %d\n%s", name, code, stderr)
		}
		t.Logf("%s (100 MB): refused after allocating %d KB", name, alloc>>10)
		if alloc > 4<<20 {
			t.Errorf("%s: refusing it allocated %d bytes", name, alloc)
		}
	}
	code, _, stderr := runLaatu(t, "", "--lang", "en", "--max-file-size", "200MB", "score", filepath.Join(dir, "valtava.csv"))
	if code != exitBadInput || !strings.Contains(stderr, "valtava.csv: the file is not text (it holds NUL bytes)") {
		t.Errorf("with the limit raised: status %d\n%s", code, stderr)
	}
}

// allocated returns the bytes f allocates on the heap.
func allocated(f func()) uint64 {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func TestDefaultLimitsInFlags(t *testing.T) {
	io := &IO{}
	newRootCmd(io, "en")
	if io.Limits != form.DefaultLimits {
		t.Errorf("the flags' defaults %+v are not form.DefaultLimits %+v", io.Limits, form.DefaultLimits)
	}
}
