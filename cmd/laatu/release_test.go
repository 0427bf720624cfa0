package main

import (
	"archive/zip"
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// TestReleaseZip runs scripts/release.sh for this machine's platform (or
// checks the zips CI already built, when LAATU_RELEASE_DIR names their
// folder) and looks inside each zip: the program, the three READMEs and the
// sample data under one top folder, and SHA256SUMS matching the zips. The
// stamped program must name its version and commit.
func TestReleaseZip(t *testing.T) {
	if testing.Short() {
		t.Skip("builds laatu")
	}
	dir := os.Getenv("LAATU_RELEASE_DIR")
	if dir == "" {
		for _, tool := range []string{"bash", "git", "zip", "sha256sum"} {
			if _, err := exec.LookPath(tool); err != nil {
				if os.Getenv("LAATU_REQUIRE_TOOLS") == "1" {
					t.Fatalf("%s is needed to build a release", tool)
				}
				t.Skipf("%s is missing", tool)
			}
		}
		dir = t.TempDir()
		cmd := exec.Command("bash", "../../scripts/release.sh", dir)
		cmd.Env = append(os.Environ(), "TARGETS="+runtime.GOOS+"/"+runtime.GOARCH)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("release.sh: %v\n%s", err, out)
		}
	}
	zips, _ := filepath.Glob(filepath.Join(dir, "laatu-*.zip"))
	if len(zips) == 0 {
		t.Fatalf("no zip in %s", dir)
	}
	sums := readSums(t, filepath.Join(dir, "SHA256SUMS"))
	samples, _ := filepath.Glob("../../testdata/services/*.yaml")
	for _, z := range zips {
		name := strings.TrimSuffix(filepath.Base(z), ".zip")
		exe := "laatu"
		if strings.Contains(name, "-windows-") {
			exe = "laatu.exe"
		}
		want := []string{name + "/" + exe, name + "/README.md", name + "/LUEMINUT.md", name + "/README.sv.md"}
		for _, s := range samples {
			want = append(want, name+"/esimerkit/"+filepath.Base(s))
		}
		for _, page := range manNames(t) {
			want = append(want, name+"/man/fi/"+page, name+"/man/en/"+page, name+"/man/sv/"+page)
		}
		r, err := zip.OpenReader(z)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range r.File {
			if !f.FileInfo().IsDir() {
				got = append(got, f.Name)
			}
		}
		r.Close()
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s holds\n  %s\nwant\n  %s", filepath.Base(z), strings.Join(got, "\n  "), strings.Join(want, "\n  "))
		}
		if sum := fileSum(t, z); sums[filepath.Base(z)] != sum {
			t.Errorf("SHA256SUMS gives %q for %s, the file's is %s", sums[filepath.Base(z)], filepath.Base(z), sum)
		}
		if strings.HasSuffix(name, "-"+runtime.GOOS+"-"+runtime.GOARCH) {
			checkStamp(t, z, name+"/"+exe)
		}
		checkManPage(t, z, name+"/man/fi/laatu-score.1", ".SH KÄYTTÖ", `\fBlaatu score TIEDOSTO... [valinnat]\fP`)
		checkManPage(t, z, name+"/man/en/laatu-score.1", ".SH SYNOPSIS", `\fBlaatu score FILE... [flags]\fP`)
	}
}

func readSums(t *testing.T, path string) map[string]string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sums := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		sum, file, ok := strings.Cut(sc.Text(), "  ")
		if ok {
			sums[file] = sum
		}
	}
	return sums
}

func fileSum(t *testing.T, path string) string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	h := sha256.New()
	io.Copy(h, f)
	return hex.EncodeToString(h.Sum(nil))
}

// checkStamp unpacks the program and runs `laatu --version`: it names a
// version and a commit, not "(devel)" and "unknown".
func checkStamp(t *testing.T, z, member string) {
	r, err := zip.OpenReader(z)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	bin := filepath.Join(t.TempDir(), filepath.Base(member))
	for _, f := range r.File {
		if f.Name != member {
			continue
		}
		src, _ := f.Open()
		dst, _ := os.OpenFile(bin, os.O_CREATE|os.O_WRONLY, 0o755)
		io.Copy(dst, src)
		dst.Close()
		src.Close()
	}
	out, err := exec.Command(bin, "--version", "--lang", "en").CombinedOutput()
	if err != nil {
		t.Fatalf("%s --version: %v\n%s", member, err, out)
	}
	if s := string(out); strings.Contains(s, "(devel)") || strings.Contains(s, "unknown") || !strings.Contains(s, "tyokyky") {
		t.Errorf("%s --version is not stamped:\n%s", member, s)
	}
}

// checkManPage reads a page from the zip: it has the sections in its
// language and the usage line as --help writes it.
func checkManPage(t *testing.T, z, member string, want ...string) {
	r, err := zip.OpenReader(z)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	f, err := r.Open(member)
	if err != nil {
		t.Errorf("%s: %v", filepath.Base(z), err)
		return
	}
	defer f.Close()
	b, _ := io.ReadAll(f)
	for _, w := range want {
		if !strings.Contains(string(b), w) {
			t.Errorf("%s in %s lacks %q:\n%s", member, filepath.Base(z), w, b)
		}
	}
}

// manNames are the manual pages laatu man writes: one per command that is
// not hidden.
func manNames(t *testing.T) []string {
	pages, err := manPages(&IO{}, "fi")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for n := range pages {
		names = append(names, n)
	}
	return names
}
