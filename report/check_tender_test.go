package report

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// tenderEvaluation compares the four sample tender bids in
// testdata/bids/kilpailutus against the built-in profile, as check does.
func tenderEvaluation(t *testing.T) *scoring.Evaluation {
	t.Helper()
	set, _ := criteria.Builtin(criteria.DefaultID)
	p, _ := criteria.BuiltinProfile(criteria.DefaultProfileID)
	paths, err := filepath.Glob("../testdata/bids/kilpailutus/*.yaml")
	if err != nil || len(paths) != 4 {
		t.Fatalf("sample tender bids: %v %v", paths, err)
	}
	var results []scoring.Result
	var answers []*form.BidAnswers
	setFor := func(*form.Assessment) (*criteria.Set, msg.Problems) { return set, nil }
	for _, path := range paths {
		a, ans, _, err := form.ReadBidChecked(path, form.DefaultLimits, setFor)
		if err != nil {
			t.Fatal(msg.Localize(err, "en"))
		}
		if ps := form.CheckBidAnswers(p, ans); len(ps) > 0 {
			t.Fatal(ps.Err())
		}
		a.Source = "testdata/bids/kilpailutus/" + filepath.Base(path)
		results = append(results, scoring.Score(set, a))
		answers = append(answers, ans)
	}
	e := scoring.EvaluateTender(p, set, results, answers)
	return &e
}

func TestCheckTenderGolden(t *testing.T) {
	renderers := map[string]func(w *bytes.Buffer, e *scoring.Evaluation, opt CheckOptions) error{
		"txt":  func(w *bytes.Buffer, e *scoring.Evaluation, o CheckOptions) error { return CheckText(w, e, o) },
		"md":   func(w *bytes.Buffer, e *scoring.Evaluation, o CheckOptions) error { return CheckMarkdown(w, e, o) },
		"json": func(w *bytes.Buffer, e *scoring.Evaluation, o CheckOptions) error { return CheckJSONOut(w, e, o) },
		"csv":  func(w *bytes.Buffer, e *scoring.Evaluation, o CheckOptions) error { return CheckCSV(w, e, o) },
		"html": func(w *bytes.Buffer, e *scoring.Evaluation, o CheckOptions) error { return CheckHTML(w, e, o) },
		"xlsx.txt": func(w *bytes.Buffer, e *scoring.Evaluation, o CheckOptions) error {
			var x bytes.Buffer
			if err := CheckXLSX(&x, e, o); err != nil {
				return err
			}
			return dumpXLSX(w, x.Bytes())
		},
		"summary.csv": func(w *bytes.Buffer, e *scoring.Evaluation, o CheckOptions) error {
			o.Table = CheckTableSummary
			return CheckCSV(w, e, o)
		},
	}
	for ext, render := range renderers {
		for _, lang := range []string{"fi", "en"} {
			name := "tender-" + lang + "." + ext
			t.Run(name, func(t *testing.T) {
				var buf bytes.Buffer
				if err := render(&buf, tenderEvaluation(t), CheckOptions{Lang: lang}); err != nil {
					t.Fatal(err)
				}
				golden(t, filepath.Join("check", name), buf.Bytes())
			})
		}
	}
}

// TestCheckTenderFiles writes the tender HTML and workbook to
// $LAATU_TENDER_OUT for a look (screenshots, LibreOffice to PDF).
func TestCheckTenderFiles(t *testing.T) {
	dir := os.Getenv("LAATU_TENDER_OUT")
	if dir == "" {
		t.Skip("LAATU_TENDER_OUT not set")
	}
	e := tenderEvaluation(t)
	for _, lang := range []string{"fi", "en"} {
		var h, x bytes.Buffer
		if err := CheckHTML(&h, e, CheckOptions{Lang: lang}); err != nil {
			t.Fatal(err)
		}
		if err := CheckXLSX(&x, e, CheckOptions{Lang: lang}); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, "muistio-"+lang+".html"), h.Bytes(), 0o644)
		os.WriteFile(filepath.Join(dir, "muistio-"+lang+".xlsx"), x.Bytes(), 0o644)
	}
}
