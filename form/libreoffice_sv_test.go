package form_test

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
	"github.com/xuri/excelize/v2"
)

// TestLibreOfficeSwedish is TestLibreOffice for a template made in
// Swedish: converted by real LibreOffice and filled, and filled, then
// recalculated and saved by LibreOffice, it reads back with the answers,
// the scores and the sums LibreOffice computed, and exactly as the same
// assessment reads back from the Finnish template.
func TestLibreOfficeSwedish(t *testing.T) {
	prog := soffice(t)
	profile := recalcProfile(t)
	set := builtinSet(t, "tyokyky")
	want := readYAMLFile(t, "../testdata/services/kateva-2026-11.yaml")

	t.Run("fill the converted template", func(t *testing.T) {
		converted := resave(t, prog, profile, templateBytes(t, set, "sv"))
		f, err := excelize.OpenReader(bytes.NewReader(converted))
		if err != nil {
			t.Fatal(err)
		}
		fill(t, f, set, want)
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		got, err := form.ReadXLSX(bytes.NewReader(buf.Bytes()), "bedomning.xlsx", form.DefaultLimits)
		if err != nil {
			t.Fatalf("ReadXLSX: %v", err)
		}
		sameAnswers(t, want, got)
		sameScores(t, set, want, got)
	})

	// Levels left empty where a figure or checklist implies one, so that
	// LibreOffice's own formulas give the points.
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
			sv := lo(t, prog, profile, set, a, "sv")
			fi := lo(t, prog, profile, set, a, "fi")
			// Where an answer was found differs by the sheets' names
			// (Arviointi, Bedömning), nothing else.
			if diff := cmp.Diff(fi, sv, cmpopts.IgnoreTypes(msg.Place{})); diff != "" {
				t.Errorf("the Swedish template reads back unlike the Finnish one (-fi +sv):\n%s", diff)
			}
			if s, f := scoring.Score(set, sv).Total, scoring.Score(set, fi).Total; s != f {
				t.Errorf("total %d from the Swedish template, %d from the Finnish one", s, f)
			}
		})
	}
}
