package form_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
)

// agreeWorkbooks are the workbooks the two XLSX readers are compared on:
// every workbook under testdata/, the templates laatu writes in each
// language, blank and filled with each sample assessment (by laatu, and
// by excelize as another program would), with inline strings, and as
// LibreOffice saves them when it is installed.
func agreeWorkbooks(t *testing.T) map[string][]byte {
	t.Helper()
	books := map[string][]byte{}
	err := filepath.WalkDir("../testdata", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".xlsx") {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			books[p] = b
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	samples, _ := filepath.Glob("../testdata/services/*.yaml")
	cycles, _ := filepath.Glob("../testdata/cycle/*.yaml")
	for _, lang := range []string{"fi", "en", "sv"} {
		for _, id := range []string{"tyokyky", "ips"} {
			books["template-"+id+"-"+lang] = templateBytes(t, builtinSet(t, id), lang)
		}
		for _, p := range append(samples, cycles...) {
			a := readYAMLFile(t, p)
			set := builtinSet(t, a.Criteria)
			var buf bytes.Buffer
			if err := form.WriteXLSX(&buf, set, a, lang); err != nil {
				t.Fatal(err)
			}
			name := filepath.Base(p) + "-" + lang
			books["written-"+name] = buf.Bytes()
			books["filled-"+name] = filledTemplate(t, set, a, lang)
			books["inline-"+name] = inlineStrings(t, books["filled-"+name], "", "")
		}
	}
	if _, err := exec.LookPath("soffice"); err == nil || os.Getenv("LAATU_REQUIRE_TOOLS") == "1" {
		prog, profile := soffice(t), recalcProfile(t)
		for _, name := range []string{"written-kateva-2026-11.yaml-fi", "written-polku-2026-11.yaml-en"} {
			books["libreoffice-"+name] = resave(t, prog, profile, books[name])
		}
	}
	return books
}

// TestReadersAgree reads every workbook of agreeWorkbooks with the
// one-pass reader and with the excelize reader it replaced: the same
// assessment, or the same messages, in English and Finnish.
func TestReadersAgree(t *testing.T) {
	for name, b := range agreeWorkbooks(t) {
		t.Run(filepath.Base(name), func(t *testing.T) {
			sameRead(t, b)
		})
	}
}

// sameRead fails unless both readers read b alike.
func sameRead(t *testing.T, b []byte) {
	t.Helper()
	lim := form.DefaultLimits
	a1, err1 := form.ReadXLSXExcelize(bytes.NewReader(b), "arvio.xlsx", lim)
	a2, err2 := form.ReadXLSX(bytes.NewReader(b), "arvio.xlsx", lim)
	if d := cmp.Diff(a1, a2, cmp.Comparer(func(a, b *criteria.Set) bool { return a == b })); d != "" {
		t.Errorf("the assessments differ (-excelize +one pass):\n%s", d)
	}
	for _, lang := range []string{"en", "fi"} {
		if m1, m2 := problemText(err1, lang), problemText(err2, lang); m1 != m2 {
			t.Errorf("the messages differ in %s:\nexcelize: %s\none pass: %s", lang, m1, m2)
		}
	}
}

// problemText is the text of a reader's error in lang, "" for none.
func problemText(err error, lang string) string {
	var ps msg.Problems
	if errors.As(err, &ps) {
		return ps.In(lang)
	}
	if err != nil {
		return err.Error()
	}
	return ""
}
