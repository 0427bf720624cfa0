package intake_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/intake"
	"github.com/laatu-fi/laatu/msg"
)

func TestSniff(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"empty", "", "yaml"},
		{"yaml key", "criteria: tyokyky\nprovider: P\n", "yaml"},
		{"yaml after comments and BOM", "\xef\xbb\xbf# arvio\n\n  # toinen\nprovider: Kätevä\n", "yaml"},
		{"yaml document start", "---\ncriteria: ips\n", "yaml"},
		{"yaml key alone on its line", "items:\n  - criterion: 1\n", "yaml"},
		{"csv template", "\xef\xbb\xbf# laatu-arviointipohja (tyokyky 1). Täytä taso: 1–5\nKriteeristö;tyokyky\n", "csv"},
		{"csv with commas", "criterion,level\n1,4\n", "csv"},
		{"a colon inside a cell is not a key", "Palvelu:Kätevä;4\n", "csv"},
		{"a heading with a space before the colon", "Kriteeristö ja taso: 4\n", "csv"},
		{"zip", "PK\x03\x04rest", "xlsx"},
		{"old workbook", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "xlsx"},
	} {
		if got := intake.Sniff([]byte(tc.in)); got != tc.want {
			t.Errorf("%s: Sniff = %s, want %s", tc.name, got, tc.want)
		}
	}
}

func FuzzSniff(f *testing.F) {
	for _, s := range []string{"criteria: x\n", "a;b\n", "PK\x03\x04", "# c\n---\n", ":\n", "k:v"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		switch got := intake.Sniff(b); got {
		case "yaml", "csv", "xlsx":
		default:
			t.Fatalf("Sniff(%q) = %q", b, got)
		}
	})
}

func TestReason(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "x", Err: syscall.ENOENT}, "there is no such file; check the name and the folder"},
		{fs.ErrPermission, "permission denied"},
		{&fs.PathError{Op: "read", Path: "x", Err: syscall.EISDIR}, "it is a folder, not a file"},
		{syscall.ENOTDIR, "a part of the path is not a folder"},
		{&os.LinkError{Op: "rename", Old: "a", New: "b", Err: syscall.ENOSPC}, "the disk is full"},
		{errors.New("levy hajosi"), "system error (levy hajosi)"},
	} {
		if got := intake.Reason(tc.err).In("en"); got != tc.want {
			t.Errorf("Reason(%v) = %q, want %q", tc.err, got, tc.want)
		}
	}
	if fi := msg.Localize(msg.Problems{intake.ReadProblem("puuttuu.yaml", syscall.ENOENT)}.Err(), "fi"); !strings.Contains(fi, "puuttuu.yaml: tiedostoa ei voi lukea: sitä ei löydy") {
		t.Errorf("Finnish: %s", fi)
	}
}

// TestSetRule is the one rule that picks a file's set, for every command.
func TestSetRule(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tyokyky := write("tyokyky.yaml", "criteria: tyokyky\nprovider: P\nitems:\n  - criterion: 1\n    level: 4\n")
	ips := write("ips.yaml", "criteria: ips\nprovider: P\nitems:\n  - criterion: 1\n    level: 4\n")
	other := write("oma.yaml", "criteria: oma\nprovider: P\nitems: []\n")
	ipsSet, _ := criteria.Builtin("ips")
	for _, tc := range []struct {
		name  string
		file  string
		set   *criteria.Set
		mixed bool
		want  string // the set's id, or the start of the problem
	}{
		{"none given: the named set", ips, nil, false, "ips"},
		{"none given, not built in", other, nil, false, `oma.yaml:1: the assessment is for criteria set "oma", which is not built in`},
		{"given and named", ips, ipsSet, false, "ips"},
		{"given, another named: refused", tyokyky, ipsSet, false, `tyokyky.yaml:1: the file is for criteria set "tyokyky" but "ips" was chosen`},
		{"compare: another named is scored by its own set", tyokyky, ipsSet, true, "tyokyky"},
	} {
		items, err := intake.Read(intake.Inputs{Files: []string{tc.file}}, intake.Options{Set: tc.set, Mixed: tc.mixed, Limits: form.DefaultLimits})
		got := ""
		if err != nil {
			got = msg.Localize(err, "en")
		} else {
			got = items[0].Set.ID
		}
		if !strings.HasPrefix(got, tc.want) && !strings.HasPrefix(got, filepath.Join(dir, tc.want)) {
			t.Errorf("%s: got %q, want %q…", tc.name, got, tc.want)
		}
	}
}

func TestExpandPatterns(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"tarjoukset/a.yaml":       "",
		"tarjoukset/b.xlsx":       "",
		"tarjoukset/~$b.xlsx":     "",
		"tarjoukset/lueminut.txt": "",
		"tarjoukset/vanhat/c.csv": "",
	})
	var warned []string
	warn := func(m msg.Message) { warned = append(warned, m.In("en")) }
	rel := func(ps []string) []string {
		var out []string
		for _, p := range ps {
			r, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(r))
		}
		return out
	}
	in, err := intake.Expand([]string{filepath.Join(dir, "tarjoukset", "*"), filepath.Join(dir, "tarjoukset", "a.yaml")}, warn)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"tarjoukset/a.yaml", "tarjoukset/b.xlsx", "tarjoukset/vanhat/c.csv"}
	if diff := cmp.Diff(want, rel(in.Files)); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	if len(warned) != 0 {
		t.Errorf("warnings = %q", warned)
	}
	_, err = intake.Expand([]string{"-", filepath.Join(dir, "*.xlsx"), "-"}, nil)
	text := msg.Localize(err, "en")
	for _, w := range []string{"matches no assessment file", "standard input (-) can be given only once"} {
		if !strings.Contains(text, w) {
			t.Errorf("problems %q lack %q", text, w)
		}
	}
}
