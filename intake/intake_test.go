package intake_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/intake"
	"github.com/laatu-fi/laatu/internal/synth"
	"github.com/laatu-fi/laatu/msg"
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.yaml":             "",
		"sub/b.YML":          "",
		"sub/notes.txt":      "",
		".hidden.yaml":       "",
		"~$lukittu.yaml":     "",
		".git/c.yaml":        "",
		"sub/.tmp/d.yaml":    "",
		"sub/deeper/e.yaml":  "",
		"tyhja/lueminut.txt": "",
		"yksittainen.txt":    "",
	})
	rel := func(ps []string) []string {
		var out []string
		for _, p := range ps {
			r, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(r))
		}
		return out
	}
	in, err := intake.Expand([]string{dir, filepath.Join(dir, "a.yaml"), filepath.Join(dir, "yksittainen.txt")}, nil)
	files, folders := in.Files, in.Folders
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a.yaml", "sub/b.YML", "sub/deeper/e.yaml", "yksittainen.txt"}
	if diff := cmp.Diff(want, rel(files)); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	if len(folders) != 1 {
		t.Errorf("folders = %v", folders)
	}
	_, err = intake.Expand([]string{filepath.Join(dir, "tyhja"), filepath.Join(dir, "puuttuu")}, nil)
	text := msg.Localize(err, "en")
	for _, want := range []string{"no assessment files (.yaml, .yml, .xlsx, .csv) in the folder", "puuttuu: cannot read the file: there is no such file"} {
		if !strings.Contains(text, want) {
			t.Errorf("problems %q lack %q", text, want)
		}
	}
}

// TestReadSnapshots reads a folder of synthetic assessments with broken
// files among them: every broken file is reported, in file order, and
// nothing is compared.
func TestReadSnapshots(t *testing.T) {
	dir := t.TempDir()
	set, _ := criteria.Builtin(criteria.DefaultID)
	paths, err := synth.WriteYAMLDir(dir, set, synth.Options{N: 60, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	snaps, err := intake.Snapshots(intake.Inputs{Files: paths}, intake.Options{Limits: form.DefaultLimits})
	if err != nil {
		t.Fatal(err)
	}
	if len(snaps) != len(paths) {
		t.Fatalf("%d snapshots of %d files", len(snaps), len(paths))
	}
	for i, s := range snaps {
		if s.Source != paths[i] {
			t.Fatalf("snapshot %d is of %s, want %s: the order of files is lost", i, s.Source, paths[i])
		}
	}
	writeFiles(t, dir, map[string]string{
		"x1.yaml": "criteria: tyokyky\nprovider: P\nitems:\n  - criterion: 1\n    level: 9\n",
		"x2.yaml": "criteria: tuntematon\nprovider: P\nitems: []\n",
	})
	paths = append(paths, filepath.Join(dir, "x2.yaml"), filepath.Join(dir, "x1.yaml"))
	_, err = intake.Snapshots(intake.Inputs{Files: paths}, intake.Options{Limits: form.DefaultLimits})
	text := msg.Localize(err, "en")
	if !strings.Contains(text, "x1.yaml:5: criterion 1:") || !strings.Contains(text, `x2.yaml:1: the assessment is for criteria set "tuntematon"`) {
		t.Errorf("problems do not name both files:\n%s", text)
	}
	if strings.Index(text, "x1.yaml") > strings.Index(text, "x2.yaml") {
		t.Errorf("problems are not sorted by file:\n%s", text)
	}
}
