package form_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/internal/testtool"
	"github.com/laatu-fi/laatu/scoring"
	"github.com/xuri/excelize/v2"
)

// soffice returns the LibreOffice program. Without it the test fails when
// LAATU_REQUIRE_TOOLS=1 (as in CI) and is skipped otherwise.
func soffice(t *testing.T) string {
	t.Helper()
	return testtool.Require(t, "soffice", "libreoffice")
}

// recalcProfile makes a fresh LibreOffice user profile that recalculates
// every formula when it loads an .xlsx file, as a user's LibreOffice does
// when asked, so that the cached sums it saves are its own.
func recalcProfile(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	user := filepath.Join(dir, "user")
	if err := os.MkdirAll(user, 0o755); err != nil {
		t.Fatal(err)
	}
	xcu := `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`
	if err := os.WriteFile(filepath.Join(user, "registrymodifications.xcu"), []byte(xcu), 0o644); err != nil {
		t.Fatal(err)
	}
	return "file://" + dir
}

// resave opens b in LibreOffice and saves it as .xlsx again, returning
// what LibreOffice wrote.
func resave(t *testing.T, prog, profile string, b []byte) []byte {
	t.Helper()
	in, out := t.TempDir(), t.TempDir()
	src := filepath.Join(in, "arvio.xlsx")
	if err := os.WriteFile(src, b, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, prog, "-env:UserInstallation="+profile,
		"--headless", "--norestore", "--convert-to", "xlsx", "--outdir", out, src)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir())
	outText, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, outText)
	}
	got, err := os.ReadFile(filepath.Join(out, "arvio.xlsx"))
	if err != nil {
		t.Fatalf("soffice wrote nothing: %v\n%s", err, outText)
	}
	if bytes.Equal(got, b) {
		t.Fatal("LibreOffice returned the file unchanged")
	}
	return got
}

// TestLibreOffice converts the template with real LibreOffice, fills the
// converted file and reads it back; then fills the template, lets
// LibreOffice recalculate and save it, and checks both the answers and the
// live sums LibreOffice computed against laatu's scores.
func TestLibreOffice(t *testing.T) {
	prog := soffice(t)
	profile := recalcProfile(t)
	set := builtinSet(t, "tyokyky")
	want := readYAMLFile(t, "../testdata/services/kateva-2026-11.yaml")

	t.Run("fill the converted template", func(t *testing.T) {
		converted := resave(t, prog, profile, templateBytes(t, set, "en"))
		f, err := excelize.OpenReader(bytes.NewReader(converted))
		if err != nil {
			t.Fatal(err)
		}
		fill(t, f, set, want)
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		got, err := form.ReadXLSX(bytes.NewReader(buf.Bytes()), "arvio.xlsx", form.DefaultLimits)
		if err != nil {
			t.Fatalf("ReadXLSX: %v", err)
		}
		sameAnswers(t, want, got)
		sameScores(t, set, want, got)
	})

	// The second assessment leaves the levels of criteria with a figure or
	// checklist empty, so the sheet's points come from its figure and
	// checklist formulas.
	implied := *want
	implied.Items = nil
	for _, it := range want.Items {
		if it.Figure != nil || it.Checked != nil {
			it.Level = 0
		}
		implied.Items = append(implied.Items, it)
	}
	for name, a := range map[string]*form.Assessment{"given levels": want, "implied levels": &implied} {
		t.Run("LibreOffice saves a filled template/"+name, func(t *testing.T) {
			lo(t, prog, profile, set, a, "fi")
		})
	}
}

// lo fills the template made in lang with a, lets LibreOffice recalculate
// and save it, and reads it back; it returns what was read.
func lo(t *testing.T, prog, profile string, set *criteria.Set, a *form.Assessment, lang string) *form.Assessment {
	saved := resave(t, prog, profile, filledTemplate(t, set, a, lang))
	got, err := form.ReadXLSX(bytes.NewReader(saved), "arvio.xlsx", form.DefaultLimits)
	if err != nil {
		t.Fatalf("ReadXLSX: %v", err)
	}
	sameAnswers(t, a, got)
	sameScores(t, set, a, got)

	// The sums LibreOffice cached are laatu's scores.
	score := scoring.Score(set, a)
	f, err := excelize.OpenReader(bytes.NewReader(saved))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, sheet := sheetsOf(t, f)
	cached := func(cell string) string {
		v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for i, d := range score.Domains {
		if got := cached(form.DomainPointsCell(set, i)); got != strconv.Itoa(d.Score) {
			t.Errorf("domain %s: LibreOffice sums %q, laatu %d", d.Domain.ID, got, d.Score)
		}
	}
	if got := cached(form.TotalPointsCell()); got != strconv.Itoa(score.Total) {
		t.Errorf("total: LibreOffice sums %q, laatu %d", got, score.Total)
	}
	for _, it := range score.Items {
		want := strconv.Itoa(it.Level)
		if it.Missing() {
			want = ""
		}
		if got := cached(form.Cell(set, it.Number(), "points")); got != want {
			t.Errorf("criterion %d: LibreOffice points %q, laatu level %q", it.Number(), got, want)
		}
	}
	return got
}
