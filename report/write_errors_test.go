package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

var errDiskFull = errors.New("no space left on device")

// failWriter fails from its failAt-th write on (1-based; 0 never), as a
// full disk does; it counts every write.
type failWriter struct {
	failAt, writes int
	buf            bytes.Buffer
}

func (f *failWriter) Write(p []byte) (int, error) {
	f.writes++
	if f.failAt > 0 && f.writes >= f.failAt {
		return 0, errDiskFull
	}
	return f.buf.Write(p)
}

// everyWriter names every rendering in report with the sample data.
func everyWriter(t *testing.T) map[string]func(io.Writer) error {
	results := sampleResults(t)
	comparison := sampleComparison(t, scoring.ByTotal)
	eval := sampleEvaluation(t, 40)
	consensus := sampleConsensus(t, 1)
	set, _ := criteria.Builtin(criteria.DefaultID)
	so := ScoreOptions{Lang: "fi", Weakest: 3}
	co := CompareOptions{Lang: "fi"}
	ko := CheckOptions{Lang: "fi"}
	no := ConsensusOptions{Lang: "fi", Draft: "konsensus.yaml"}
	return map[string]func(io.Writer) error{
		"ScoreText":       func(w io.Writer) error { return ScoreText(w, results, so) },
		"ScoreMarkdown":   func(w io.Writer) error { return ScoreMarkdown(w, results, so) },
		"ScoreJSONOut":    func(w io.Writer) error { return ScoreJSONOut(w, results, so) },
		"CompareText":     func(w io.Writer) error { return CompareText(w, comparison, co) },
		"CompareMarkdown": func(w io.Writer) error { return CompareMarkdown(w, comparison, co) },
		"CompareJSONOut":  func(w io.Writer) error { return CompareJSONOut(w, comparison, co) },
		"CompareCSV":      func(w io.Writer) error { return CompareCSV(w, comparison, co) },
		"CompareCSV/excel": func(w io.Writer) error {
			return CompareCSV(w, comparison, CompareOptions{Lang: "fi", CSV: CSVOptions{Excel: true}})
		},
		"CompareCSV/sum": func(w io.Writer) error {
			return CompareCSV(w, comparison, CompareOptions{Lang: "fi", Table: TableSummary})
		},
		// The workbook as `laatu compare -o x.xlsx` writes it: the
		// document through the one dispatch, with and without the cycle.
		"CompareXLSX": func(w io.Writer) error {
			return WriteDoc(w, CompareDocumentFor(comparison, co, FormatXLSX), FormatXLSX, 80, co.CSV)
		},
		"CompareXLSX/cycle": func(w io.Writer) error {
			cyc := CompareOptions{Lang: "fi", Today: day("2027-04-20")}
			return WriteDoc(w, CompareDocumentFor(cycleComparison(t), cyc, FormatXLSX), FormatXLSX, 80, cyc.CSV)
		},
		"CompareHTML":       func(w io.Writer) error { return CompareHTML(w, comparison, co) },
		"CheckText":         func(w io.Writer) error { return CheckText(w, eval, ko) },
		"CheckMarkdown":     func(w io.Writer) error { return CheckMarkdown(w, eval, ko) },
		"CheckJSONOut":      func(w io.Writer) error { return CheckJSONOut(w, eval, ko) },
		"CheckCSV":          func(w io.Writer) error { return CheckCSV(w, eval, ko) },
		"CheckXLSX":         func(w io.Writer) error { return CheckXLSX(w, eval, ko) },
		"CheckHTML":         func(w io.Writer) error { return CheckHTML(w, eval, ko) },
		"ConsensusText":     func(w io.Writer) error { return ConsensusText(w, consensus, no) },
		"ConsensusMarkdown": func(w io.Writer) error { return ConsensusMarkdown(w, consensus, no) },
		"ConsensusJSONOut":  func(w io.Writer) error { return ConsensusJSONOut(w, consensus, no) },
		"SetList": func(w io.Writer) error {
			var sets []*criteria.Set
			for _, id := range criteria.BuiltinIDs() {
				s, _ := criteria.Builtin(id)
				sets = append(sets, s)
			}
			return SetList(w, sets, "fi")
		},
		"Criteria": func(w io.Writer) error {
			cs := make([]*criteria.Criterion, len(set.Criteria))
			for i := range set.Criteria {
				cs[i] = &set.Criteria[i]
			}
			return Criteria(w, set, cs, "fi")
		},
	}
}

// Every writer returns the error of a writer that fails at its first, a
// middle and its last write: a full disk must fail the command, so that
// `-o` keeps the previous file instead of a cut one.
func TestWritersReturnWriteErrors(t *testing.T) {
	for name, write := range everyWriter(t) {
		t.Run(name, func(t *testing.T) {
			count := &failWriter{}
			if err := write(count); err != nil {
				t.Fatal(err)
			}
			n := count.writes
			if n == 0 {
				t.Fatal("wrote nothing")
			}
			for _, at := range []int{1, (n + 1) / 2, n} {
				fw := &failWriter{failAt: at}
				if err := write(fw); !errors.Is(err, errDiskFull) {
					t.Errorf("failing at write %d of %d: err = %v, want %v", at, n, err, errDiskFull)
				}
			}
		})
	}
}

// Nothing any writer prints holds a control character other than tab, line
// feed (and CR in CSV line ends), whatever the inputs held; names are cut
// in headings.
func TestWritersCleanControlCharacters(t *testing.T) {
	const evil = "\x1b]0;pwned\x07\x1b[2J\u009b31m"
	long := strings.Repeat("Kätevä ", 1<<20/7)
	rs := sampleResults(t)
	rs[0].Assessment.Provider = evil + "Oy"
	rs[0].Assessment.Unit = long
	rs[0].Assessment.Raters = []string{evil}
	rs[0].Items[0].Note = "huom" + evil
	snaps := sampleSnapshots(t)
	snaps[0].Provider, snaps[0].Unit = evil+"Oy", long
	comparison := scoring.Compare(snaps, scoring.MainSet(snaps), scoring.CompareOptions{})
	writers := map[string]func(io.Writer) error{
		"ScoreText":       func(w io.Writer) error { return ScoreText(w, rs, ScoreOptions{Lang: "fi", Weakest: 3}) },
		"ScoreMarkdown":   func(w io.Writer) error { return ScoreMarkdown(w, rs, ScoreOptions{Lang: "fi", Weakest: 3}) },
		"CompareText":     func(w io.Writer) error { return CompareText(w, comparison, CompareOptions{Lang: "fi"}) },
		"CompareMarkdown": func(w io.Writer) error { return CompareMarkdown(w, comparison, CompareOptions{Lang: "fi"}) },
		"CompareHTML":     func(w io.Writer) error { return CompareHTML(w, comparison, CompareOptions{Lang: "fi"}) },
		"CompareCSV":      func(w io.Writer) error { return CompareCSV(w, comparison, CompareOptions{Lang: "fi"}) },
		"CompareCSV/sum": func(w io.Writer) error {
			return CompareCSV(w, comparison, CompareOptions{Lang: "fi", Table: TableSummary, CSV: CSVOptions{Excel: true}})
		},
	}
	for name, write := range writers {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := write(&buf); err != nil {
				t.Fatal(err)
			}
			text := buf.String()
			for i, r := range text {
				if (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
					t.Fatalf("control character %U at byte %d: %q", r, i, text[max(0, i-40):min(len(text), i+40)])
				}
			}
			if !strings.Contains(name, "CSV") && strings.Contains(text, "\r") {
				t.Errorf("CR in %s", name)
			}
			if !strings.Contains(text, "pwned␇") {
				t.Errorf("the cleaned name is not shown")
			}
			if name == "ScoreText" || name == "ScoreMarkdown" {
				for _, line := range strings.Split(text, "\n") {
					if strings.HasPrefix(line, "=") || strings.HasPrefix(line, "## ") {
						if n := len([]rune(line)); n > 210 {
							t.Errorf("heading of %d characters: %.80q…", n, line)
						}
					}
				}
			}
		})
	}
}

// out passes text through unchanged when it is clean, whatever the cuts
// between writes, and cleans a CR LF split over two writes.
func TestOutSplitWrites(t *testing.T) {
	text := "Kätevä\r\n€ ok\x1b\r"
	for cut := 0; cut <= len(text); cut++ {
		var buf bytes.Buffer
		err := func() (err error) {
			o := newOut(&buf)
			defer o.finish(&err)
			fmt.Fprint(o, text[:cut])
			fmt.Fprint(o, text[cut:])
			return nil
		}()
		if err != nil {
			t.Fatal(err)
		}
		if got, want := buf.String(), "Kätevä\n€ ok␛\n"; got != want {
			t.Errorf("cut at %d: %q, want %q", cut, got, want)
		}
	}
}

// Whatever the text and wherever the writes are cut, out writes what
// msg.Clean makes of the whole.
func FuzzOut(f *testing.F) {
	for _, s := range []string{"Kätevä\r\n", "\x1b[2J", "a\rb", "€\u0085", "\xe4\xc2"} {
		f.Add(s, 1, 3)
	}
	f.Fuzz(func(t *testing.T, s string, a, b int) {
		if a < 0 || b < 0 {
			return
		}
		a, b = min(a, len(s)), min(b, len(s))
		if a > b {
			a, b = b, a
		}
		var buf bytes.Buffer
		err := func() (err error) {
			o := newOut(&buf)
			defer o.finish(&err)
			for _, part := range []string{s[:a], s[a:b], s[b:]} {
				if _, err := io.WriteString(o, part); err != nil {
					return err
				}
			}
			return nil
		}()
		if err != nil {
			t.Fatal(err)
		}
		if got, want := buf.String(), msg.Clean(s); got != want {
			t.Fatalf("out(%q cut at %d, %d) = %q, want %q", s, a, b, got, want)
		}
	})
}
