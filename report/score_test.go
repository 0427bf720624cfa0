package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/scoring"
)

// sampleResults scores every sample service in testdata/services.
func sampleResults(t *testing.T) []scoring.Result {
	t.Helper()
	files, err := filepath.Glob("../testdata/services/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatal("no sample services")
	}
	var rs []scoring.Result
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := form.ParseYAML(b, "testdata/services/"+filepath.Base(f))
		if err != nil {
			t.Fatal(err)
		}
		set, _ := criteria.Builtin(a.Criteria)
		if ps := form.Check(a, set); len(ps) > 0 {
			t.Fatal(ps.In("en"))
		}
		rs = append(rs, scoring.Score(set, a))
	}
	return rs
}

func TestScoreGolden(t *testing.T) {
	rs := sampleResults(t)
	renderers := map[string]func(*bytes.Buffer, []scoring.Result, ScoreOptions) error{
		"txt":  func(b *bytes.Buffer, r []scoring.Result, o ScoreOptions) error { return ScoreText(b, r, o) },
		"md":   func(b *bytes.Buffer, r []scoring.Result, o ScoreOptions) error { return ScoreMarkdown(b, r, o) },
		"json": func(b *bytes.Buffer, r []scoring.Result, o ScoreOptions) error { return ScoreJSONOut(b, r, o) },
	}
	for ext, render := range renderers {
		for _, lang := range []string{"fi", "en"} {
			t.Run(ext+"-"+lang, func(t *testing.T) {
				var buf bytes.Buffer
				if err := render(&buf, rs, ScoreOptions{Lang: lang, Weakest: 3}); err != nil {
					t.Fatal(err)
				}
				golden(t, "golden/score."+lang+"."+ext, buf.Bytes())
			})
		}
	}
}

// The JSON carries the documented fields with the documented meanings.
func TestScoreJSONFields(t *testing.T) {
	rs := sampleResults(t)
	var buf bytes.Buffer
	if err := ScoreJSONOut(&buf, rs, ScoreOptions{Lang: "en", Weakest: 3}); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Schema      string
		Assessments []map[string]any
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if out.Schema != ScoreSchema {
		t.Errorf("schema %q", out.Schema)
	}
	byUnit := map[string]map[string]any{}
	for _, a := range out.Assessments {
		for _, k := range []string{"provider", "unit", "date", "criteria", "total", "max", "complete", "band", "domains", "levels", "missing", "conflicts"} {
			if _, ok := a[k]; !ok {
				t.Errorf("%v: no %q", a["file"], k)
			}
		}
		byUnit[a["unit"].(string)+" "+a["date"].(string)] = a
	}
	lemp := byUnit["Lempäälän vammaispalvelujen työhönvalmennus 2026-09-30"]
	if lemp["complete"] != false || lemp["band"] != nil || lemp["total"] != 65.0 {
		t.Errorf("incomplete assessment: complete %v band %v total %v", lemp["complete"], lemp["band"], lemp["total"])
	}
	if diff := cmp.Diff([]any{12.0, 17.0, 21.0, 24.0}, lemp["missing"]); diff != "" {
		t.Errorf("missing: %s", diff)
	}
	kateva := byUnit["Työvalmennuspalvelu Kätevä 2026-11-24"]
	if kateva["band"] != "fair" || kateva["total"] != 94.0 || kateva["levels"].(map[string]any)["1"] != 4.0 {
		t.Errorf("Kätevä: band %v total %v", kateva["band"], kateva["total"])
	}
	vk := byUnit["Vammaispalvelujen työhönvalmennus 2026-11-02"]
	want := []any{map[string]any{"criterion": 1.0, "given": 5.0, "implied": 4.0, "basis": "figure", "figure": 24.0, "explanation": "24 clients → level 4"}}
	if diff := cmp.Diff(want, vk["conflicts"]); diff != "" {
		t.Errorf("conflicts: %s", diff)
	}
}

// Text from a file cannot turn into Markdown structure or HTML.
func TestMarkdownEscapesFileText(t *testing.T) {
	if got, want := mdEscape("<b>|x*"), `&lt;b&gt;\|x\*`; got != want {
		t.Errorf("mdEscape = %q, want %q", got, want)
	}
	if !strings.Contains(wrap(strings.Repeat("sana ", 40), 30, "  "), "\n  sana") {
		t.Error("wrap did not wrap")
	}
}
