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

// cycleResults scores the review-cycle sample (testdata/cycle): one
// service's self-assessment with a plan, and its external review six months
// later with outcomes.
func cycleResults(t *testing.T) []scoring.Result {
	t.Helper()
	files, err := filepath.Glob("../testdata/cycle/*.yaml")
	if err != nil || len(files) < 2 {
		t.Fatal("no review-cycle samples")
	}
	var rs []scoring.Result
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := form.ParseYAML(b, "testdata/cycle/"+filepath.Base(f))
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

func TestScoreReviewGolden(t *testing.T) {
	rs := cycleResults(t)
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
				golden(t, "golden/score-cycle."+lang+"."+ext, buf.Bytes())
			})
		}
	}
}

// The JSON of the cycle: the rate, the next review after 100 points, the
// strengths risen since the spring, and no cycle for a file without one.
func TestScoreReviewJSON(t *testing.T) {
	rs := cycleResults(t)
	var buf bytes.Buffer
	if err := ScoreJSONOut(&buf, rs, ScoreOptions{Lang: "en", Weakest: 3}); err != nil {
		t.Fatal(err)
	}
	var out ScoreJSON
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	spring, autumn := out.Assessments[0].Cycle, out.Assessments[1].Cycle
	type facts struct {
		Next   string
		Months int
		Rate   float64
		Bench  string
		Kind   string
		Rose12 bool
	}
	get := func(c *CycleJSON) facts {
		f := facts{Next: *c.NextReview, Months: c.NextReviewMonths, Rate: *c.Outcomes.EmploymentRate, Kind: *c.Review.Kind}
		if c.Outcomes.Benchmark != nil {
			f.Bench = *c.Outcomes.Benchmark
		}
		for _, s := range c.Strengths {
			if s.Criterion == 12 && s.From != nil && *s.From == 2 {
				f.Rose12 = true
			}
		}
		return f
	}
	want := []facts{
		{Next: "2026-11-20", Months: 6, Rate: 30.95, Bench: "", Kind: "self"},
		{Next: "2027-11-20", Months: 12, Rate: 45, Bench: "good", Kind: "external", Rose12: true},
	}
	if diff := cmp.Diff(want, []facts{get(spring), get(autumn)}); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// A file without the cycle has no "cycle" key at all.
	buf.Reset()
	if err := ScoreJSONOut(&buf, sampleResults(t)[:1], ScoreOptions{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), `"cycle"`) {
		t.Error("an old file's JSON has a cycle")
	}
}

func TestPct(t *testing.T) {
	for x, want := range map[float64]string{45: "45", 30.95: "30,9", 41.04: "41,0", 100: "100"} {
		if got := pct("fi", x); got != want {
			t.Errorf("pct(%v) = %q, want %q", x, got, want)
		}
	}
}
