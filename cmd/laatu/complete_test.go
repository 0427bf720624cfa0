package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// Every value tab completion offers for a flag is one the command accepts:
// the completion lists cannot drift from the checks.
func TestCompletedValuesAreAccepted(t *testing.T) {
	sample := "../../testdata/services/kateva-2026-11.yaml"
	bid := "../../testdata/bids/tarjous-a-tyopolku.yaml"
	base := map[string][]string{
		"score":     {"score", sample},
		"compare":   {"compare", sample},
		"check":     {"check", bid},
		"consensus": {"consensus", "../../testdata/raters/kateva-anna.yaml", "../../testdata/raters/kateva-pekka.yaml"},
		"show":      {"criteria", "show", "1"},
	}
	for cmd, flags := range flagValues() {
		for flag, values := range flags {
			for _, v := range values() {
				args, ok := base[cmd]
				switch {
				case cmd == "template":
					args = []string{"template", "-o", filepath.Join(t.TempDir(), "pohja."+v)}
					if flag == "criteria" {
						args[2] = filepath.Join(t.TempDir(), "pohja.xlsx")
					}
				case cmd == "assess":
					continue // interactive; its --criteria is the same set list
				case !ok:
					t.Fatalf("no sample invocation for %s", cmd)
				}
				args = append(append([]string{}, args...), "--"+flag, v)
				if flag == "table" {
					args = append(args, "--format", "csv") // --table is for CSV only
				}
				if cmd == "consensus" && flag == "criteria" && v != "tyokyky" {
					continue // the raters' files are for tyokyky
				}
				code, _, stderr := runLaatu(t, "", args...)
				if code == exitUsage {
					t.Errorf("laatu %s: completion offers %q but the command refuses it:\n%s", strings.Join(args, " "), v, stderr)
				}
			}
		}
	}
}

// Completion answers through cobra's hidden __complete command, as the
// shell scripts ask it.
func TestCompletion(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"__complete", "compare", "--sort", ""}, []string{"total", "name", ":4"}},
		{[]string{"__complete", "check", "--profile", ""}, []string{"te-tyohonvalmennus", ":0"}},
		{[]string{"__complete", "score", "--criteria", ""}, []string{"tyokyky", "ips", ":0"}},
		{[]string{"__complete", "score", ""}, []string{"yaml", "xlsx", "csv", ":8"}},
		{[]string{"__complete", "criteria", "validate", ""}, []string{"yaml", ":8"}},
		{[]string{"__complete", "--lang", ""}, []string{"fi", "en", ":4"}},
		{[]string{"__complete", "score", "--input-format", ""}, []string{"yaml", "csv", "xlsx", ":4"}},
		{[]string{"__complete", "check", "--input-format", ""}, []string{"yaml", "csv", "xlsx", ":4"}},
		{[]string{"__complete", "consensus", "--input-format", ""}, []string{"yaml", "csv", "xlsx", ":4"}},
		{[]string{"__complete", "compare", "--input-format", ""}, []string{"yaml", "csv", "xlsx", ":4"}},
	}
	for _, tt := range tests {
		_, stdout, _ := runLaatu(t, "", tt.args...)
		lines := strings.Split(strings.TrimSpace(stdout), "\n")
		for _, w := range tt.want {
			found := false
			for _, l := range lines {
				if l == w {
					found = true
				}
			}
			if !found {
				t.Errorf("laatu %s: %q not offered; got\n%s", strings.Join(tt.args, " "), w, stdout)
			}
		}
	}
}
