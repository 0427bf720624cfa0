package report

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// kateva is the autumn assessment of Kätevä with every sample as history:
// the spring one of the same service gives the trend.
func kateva(t *testing.T) ([]scoring.Result, []scoring.Result) {
	t.Helper()
	return oneOf(t, sampleResults(t), "kateva-2026-11.yaml")
}

// oneOf is the result of the file named name among all, and all as its
// history.
func oneOf(t *testing.T, all []scoring.Result, name string) ([]scoring.Result, []scoring.Result) {
	t.Helper()
	for i := range all {
		if strings.HasSuffix(all[i].Assessment.Source, name) {
			return []scoring.Result{all[i]}, all
		}
	}
	t.Fatal("no " + name)
	return nil, nil
}

// docRenderers names every renderer of the document model.
func docRenderers() map[string]func(io.Writer, *Document) error {
	return map[string]func(io.Writer, *Document) error{
		"txt":       func(w io.Writer, d *Document) error { return WriteDocText(w, d, 0) },
		"md":        WriteDocMarkdown,
		"html":      WriteDocHTML,
		"csv":       func(w io.Writer, d *Document) error { return WriteDocCSV(w, d, CSVOptions{}) },
		"excel.csv": func(w io.Writer, d *Document) error { return WriteDocCSV(w, d, CSVOptions{Excel: true}) },
		"xlsx":      WriteDocXLSX,
	}
}

// The one-service report in every format, over the sample data, with the
// trend from the service's earlier assessment.
func TestScoreDocumentGolden(t *testing.T) {
	results, history := kateva(t)
	docGoldens(t, results, history, "golden/score-report", nil)
}

// docGoldens renders the one-service report of results in every format
// and language against the goldens prefix.LANG.EXT; every text of want
// (message keys) must be in each but the workbook.
func docGoldens(t *testing.T, results, history []scoring.Result, prefix string, want []string, literal ...string) {
	t.Helper()
	for ext, render := range docRenderers() {
		for _, lang := range []string{"fi", "en"} {
			t.Run(ext+"-"+lang, func(t *testing.T) {
				d := ScoreDocument(results, history, ScoreOptions{Lang: lang, Weakest: 3})
				var buf bytes.Buffer
				if err := render(&buf, d); err != nil {
					t.Fatal(err)
				}
				got, name := buf.Bytes(), ext
				if ext == "xlsx" {
					var dump bytes.Buffer
					if err := dumpXLSX(&dump, got); err != nil {
						t.Fatal(err)
					}
					got, name = dump.Bytes(), "xlsx.txt"
				}
				golden(t, prefix+"."+lang+"."+name, got)
				if ext == "xlsx" {
					return
				}
				for _, key := range want {
					if s := msg.T(lang, key); !strings.Contains(string(got), s) {
						t.Errorf("the report lacks %q", s)
					}
				}
				for _, s := range literal {
					if !strings.Contains(string(got), s) {
						t.Errorf("the report lacks %q", s)
					}
				}
			})
		}
	}
}

// Several services in one report: each is a part of its own, and history
// that holds none of a service's earlier assessments says so.
func TestScoreDocumentSeveral(t *testing.T) {
	all := sampleResults(t)
	d := ScoreDocument(all, all, ScoreOptions{Lang: "fi", Weakest: 3, HistoryGiven: true})
	if got := d.parts(); got != len(all) {
		t.Errorf("%d parts for %d services", got, len(all))
	}
	var buf bytes.Buffer
	if err := WriteDocMarkdown(&buf, d); err != nil {
		t.Fatal(err)
	}
	golden(t, "golden/score-report-all.fi.md", buf.Bytes())
	if !strings.Contains(buf.String(), msg.T("fi", "doc.history-none")) {
		t.Error("no note of the missing history")
	}
	var x bytes.Buffer
	if err := WriteDocXLSX(&x, d); err != nil {
		t.Fatal(err)
	}
}

// Every renderer returns the error of a writer that fails at its first, a
// middle and its last write.
func TestDocRenderersReturnWriteErrors(t *testing.T) {
	results, history := kateva(t)
	d := ScoreDocument(results, history, ScoreOptions{Lang: "fi", Weakest: 3})
	for name, render := range docRenderers() {
		t.Run(name, func(t *testing.T) {
			count := &failWriter{}
			if err := render(count, d); err != nil {
				t.Fatal(err)
			}
			n := count.writes
			if n == 0 {
				t.Fatal("wrote nothing")
			}
			for _, at := range []int{1, (n + 1) / 2, n} {
				if err := render(&failWriter{failAt: at}, d); !errors.Is(err, errDiskFull) {
					t.Errorf("failing at write %d of %d: err = %v, want %v", at, n, err, errDiskFull)
				}
			}
		})
	}
}

// Text from a file cannot become markup, a formula or a control
// character in any format.
func TestDocRenderersEscape(t *testing.T) {
	results, _ := kateva(t)
	r := results[0]
	a := *r.Assessment
	a.Unit = "<script>alert(1)</script>\x1b[2J"
	a.Provider = "=HYPERLINK(\"http://x\")"
	r.Assessment = &a
	d := ScoreDocument([]scoring.Result{r}, nil, ScoreOptions{Lang: "fi", Weakest: 3})
	for name, render := range docRenderers() {
		if name == "xlsx" {
			continue
		}
		var buf bytes.Buffer
		if err := render(&buf, d); err != nil {
			t.Fatal(err)
		}
		s := buf.String()
		if strings.Contains(s, "\x1b") {
			t.Errorf("%s: ESC passed through", name)
		}
		if (name == "html" || name == "md") && strings.Contains(s, "<script>") {
			t.Errorf("%s: markup passed through", name)
		}
		if strings.HasSuffix(name, "csv") && !strings.Contains(s, "'=HYPERLINK") {
			t.Errorf("%s: formula not neutralised", name)
		}
	}
}

func TestValueString(t *testing.T) {
	for _, c := range []struct {
		v      Value
		fi, en string
	}{
		{VNum(3.756, 2), "3,76", "3.76"},
		{VInt(94), "94", "94"},
		{VChange(8, 0), "+8", "+8"},
		{VChange(-3, 0), "−3", "−3"},
		{VChange(0.001, 1), "0,0", "0.0"},
		{VLevel(4), "4", "4"},
		{VLevel(0), "–", "–"},
		{VText("a"), "a", "a"},
	} {
		if got := c.v.String("fi"); got != c.fi {
			t.Errorf("%+v in fi = %q, want %q", c.v, got, c.fi)
		}
		if got := c.v.String("en"); got != c.en {
			t.Errorf("%+v in en = %q, want %q", c.v, got, c.en)
		}
	}
}

func TestChooseFormat(t *testing.T) {
	for _, c := range []struct {
		command, flag, output string
		want                  Format
		err                   string
	}{
		{CmdScore, "", "", FormatText, ""},
		{CmdScore, "", "-", FormatText, ""},
		{CmdScore, "", "r.json", FormatJSON, ""},
		{CmdScore, "", "R.HTML", FormatHTML, ""},
		{CmdScore, "", "r.htm", FormatHTML, ""},
		{CmdScore, "", "r.xlsx", FormatXLSX, ""},
		{CmdScore, "", "r.markdown", FormatMarkdown, ""},
		{CmdScore, "", "/dev/null", FormatText, ""},
		{CmdScore, "md", "r.log", FormatMarkdown, ""},
		{CmdScore, "json", "r.json", FormatJSON, ""},
		{CmdScore, "md", "r.json", 0, "--format md does not match the extension of r.json (json)"},
		{CmdScore, "pdf", "", 0, `unknown format "pdf"; accepted: text, md, json, csv, xlsx, html`},
		{CmdScore, "", "r.pdf", 0, "cannot tell the format from the extension of r.pdf"},
		{CmdConsensus, "html", "", FormatHTML, ""},
		{CmdConsensus, "", "k.xlsx", FormatXLSX, ""},
		{CmdConsensus, "", "k.yaml", 0, "cannot tell the format from the extension of k.yaml"},
		{CmdCompare, "", "v.csv", FormatCSV, ""},
	} {
		got, err := ChooseFormat(c.command, c.flag, c.output)
		if c.err != "" {
			var m msg.Message
			if !errors.As(err, &m) || !strings.Contains(m.In("en"), c.err) {
				t.Errorf("%s --format %q -o %q: err %v, want %q", c.command, c.flag, c.output, err, c.err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("%s --format %q -o %q = %v, %v; want %v", c.command, c.flag, c.output, got, err, c.want)
		}
	}
	if diff := cmp.Diff([]string{"text", "md", "json", "csv", "xlsx", "html"}, FormatNames(FormatsFor(CmdScore))); diff != "" {
		t.Error(diff)
	}
	if f, err := ParseFormat("xlsx"); err != nil || f != FormatXLSX || f.String() != "xlsx" || f.Extensions()[0] != ".xlsx" {
		t.Errorf("ParseFormat(xlsx) = %v, %v", f, err)
	}
}

// polkuCycle is the review-cycle sample's external review, with its
// self-assessment six months earlier as history.
func polkuCycle(t *testing.T) ([]scoring.Result, []scoring.Result) {
	t.Helper()
	return oneOf(t, cycleResults(t), "polku-2026-11.yaml")
}

// The one-service report of an assessment with the review cycle, in every
// format: the review and the next review, the outcomes against the
// benchmarks, the strengths, the action plan and the data sources.
func TestScoreDocumentCycleGolden(t *testing.T) {
	results, history := polkuCycle(t)
	docGoldens(t, results, history, "golden/score-report-cycle", []string{"doc2.plan.table", "doc2.outcomes.table"}, "Tiina")
}
