package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// The README shows what laatu prints for a few commands; the program must
// still print that. Each example is found in the README by its lead (the
// sentence that names the command) and is the next ```text block. A line
// "…" leaves out lines, a line ending in " …" is shortened; every other
// line must be printed as shown, and the parts between "…" in order.
func TestReadmeExamples(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	for _, ex := range []struct {
		lead   string
		dir    string // relative to the repository root
		args   []string
		code   int
		stderr bool // the block shows standard error
	}{
		{lead: "Example (`laatu score testdata/services/kateva-2026-11.yaml`)",
			args: []string{"score", "testdata/services/kateva-2026-11.yaml"}},
		{lead: "Worked example (`laatu check testdata/bids/kilpailutus/*.yaml`",
			args: []string{"check", "testdata/bids/kilpailutus/*.yaml"}, code: 3},
		{lead: "Example (`laatu check --profile testdata/profiles/te-tyohonvalmennus-v1.yaml --points 40",
			args: []string{"check", "--profile", "testdata/profiles/te-tyohonvalmennus-v1.yaml", "--points", "40", "testdata/bids/*.yaml"}, code: 3},
		{lead: "laatu compare --today 2026-12-02 testdata/cycle\n",
			args: []string{"compare", "--today", "2026-12-02", "testdata/cycle"}},
		{lead: "$ laatu score --lang en formula-level.xlsx", dir: "testdata/bad",
			args: []string{"score", "--lang", "en", "formula-level.xlsx", "level-out-of-range.yaml", "merged-cells.xlsx", "windows-1252.csv"}, code: 1, stderr: true},
	} {
		t.Run(strings.Join(ex.args, " "), func(t *testing.T) {
			block := exampleBlock(t, readme, ex.lead)
			t.Chdir("../../" + ex.dir)
			t.Setenv("LANG", "C.UTF-8")
			t.Setenv("COLUMNS", "")
			var out, errOut bytes.Buffer
			code := Main(ex.args, strings.NewReader(""), &out, &errOut)
			if code != ex.code {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, ex.code, errOut.String())
			}
			got := out.String()
			if ex.stderr {
				got = errOut.String()
			}
			if msg := matchExample(block, got); msg != "" {
				t.Errorf("the README's example is not what laatu prints: %s\nprinted:\n%s", msg, got)
			}
		})
	}
}

// exampleBlock returns the lines of the first ```text block at or after
// lead, without a leading "$ command" line, and without the fence's
// indentation (a block inside a numbered list).
func exampleBlock(t *testing.T, doc, lead string) []string {
	t.Helper()
	i := strings.Index(doc, lead)
	if i < 0 {
		t.Fatalf("README has no %q", lead)
	}
	rest := doc[i:]
	if strings.HasPrefix(lead, "$ ") {
		// The lead is the block's first line.
		rest = "```text\n" + rest
	}
	j := strings.Index(rest, "```text\n")
	if j < 0 {
		t.Fatalf("no ```text block after %q", lead)
	}
	indent := rest[strings.LastIndex(rest[:j], "\n")+1 : j]
	rest = rest[j+len("```text\n"):]
	k := strings.Index(rest, "```")
	if k < 0 {
		t.Fatalf("unclosed block after %q", lead)
	}
	lines := strings.Split(strings.TrimSuffix(rest[:k], "\n"), "\n")
	for i := range lines {
		lines[i] = strings.TrimPrefix(lines[i], indent)
	}
	if len(lines) > 0 && strings.HasPrefix(lines[0], "$ ") {
		lines = lines[1:]
	}
	return lines
}

// matchExample reports how the example's lines fail to appear in out, or
// "" when they do.
func matchExample(example []string, out string) string {
	got := strings.Split(out, "\n")
	for i := range got {
		got[i] = strings.TrimRight(got[i], " ")
	}
	var parts [][]string
	part := []string{}
	for _, l := range example {
		if strings.TrimSpace(l) == "…" {
			parts = append(parts, part)
			part = []string{}
			continue
		}
		part = append(part, strings.TrimRight(l, " "))
	}
	parts = append(parts, part)
	at := 0
	for _, p := range parts {
		if len(p) == 0 {
			continue
		}
		found := -1
		for s := at; s+len(p) <= len(got) && found < 0; s++ {
			if linesMatch(p, got[s:s+len(p)]) {
				found = s
			}
		}
		if found < 0 {
			return "these lines are not printed (in this order, after the ones before):\n" + strings.Join(p, "\n")
		}
		at = found + len(p)
	}
	return ""
}

func linesMatch(want, got []string) bool {
	for i, w := range want {
		if short, ok := strings.CutSuffix(w, " …"); ok {
			if !strings.HasPrefix(got[i], short) {
				return false
			}
		} else if w != got[i] {
			return false
		}
	}
	return true
}
