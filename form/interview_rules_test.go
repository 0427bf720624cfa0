package form

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/criteria"
)

// The interview refuses a share typed as a fraction, says why, and takes
// the percentage.
func TestInterviewRefusesFraction(t *testing.T) {
	set, ok := criteria.Builtin("tyokyky")
	if !ok {
		t.Fatal("no tyokyky")
	}
	start := &Assessment{Criteria: "tyokyky", Provider: "P", Date: today}
	a, _, out, _ := run(t, set, "en", start, []int{2}, "0,92\n92\n\n\n\n")
	if !strings.Contains(out, "0.92 looks like a fraction; give the share as a percentage, 92") {
		t.Errorf("no fraction message:\n%s", out)
	}
	it := a.Item(2)
	if it == nil || it.Figure == nil {
		t.Fatalf("no figure saved:\n%s", out)
	}
	if d := cmp.Diff(92.0, *it.Figure); d != "" {
		t.Errorf("figure (-want +got):\n%s", d)
	}
}

func rulesSet(t testing.TB) *criteria.Set {
	t.Helper()
	set, err := criteria.Parse(mustRead(t, "testdata/interview-rules-set.yaml"), "interview-rules-set.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// runWith is run with the interview's explanation and width set.
func runWith(t testing.TB, set *criteria.Set, lang string, start *Assessment, only []int, width int, answers string) (*Assessment, string) {
	t.Helper()
	var out bytes.Buffer
	iv := &Interview{
		Set: set, Lang: lang, In: strings.NewReader(answers), Out: &out, Echo: true, Only: only, Width: width,
		Now:  func() time.Time { return today },
		Save: func(a *Assessment) error { return WriteYAML(io.Discard, a) },
		Explain: func(c *criteria.Criterion, it *Item) string {
			return fmt.Sprintf("HOW %d", implied(c, it))
		},
	}
	a, _, err := iv.Run(start)
	if err != nil {
		t.Fatal(err)
	}
	return a, out.String()
}

// The interview asks the counts of a ratio, one figure per specialist and
// the further questions, saves them as the YAML file has them, and
// proposes the level they imply with its explanation.
func TestInterviewRules(t *testing.T) {
	set := rulesSet(t)
	start := &Assessment{Criteria: set.ID, Provider: "P", Date: today}
	for _, c := range []struct {
		name    string
		lang    string
		answers string
		want    Item
		says    []string
	}{
		{"ratio", "en", lines("83", "3,5", "", "", ""),
			Item{Criterion: 1, Level: 4, Counts: map[string]float64{"clients": 83, "fte": 3.5}},
			[]string{"83 clients / 3.5 FTE = 23.71 clients.", "The answers imply level 4: HOW 4.", "Level 1–5 (Enter = 4): "}},
		{"ratio fi", "fi", lines("83", "3,5", "", "", ""),
			Item{Criterion: 1, Level: 4, Counts: map[string]float64{"clients": 83, "fte": 3.5}},
			[]string{"83 asiakasta / 3,5 htv = 23,71 asiakasta.", "Vastauksista päätelty taso on 4: HOW 4."}},
		{"one fte", "en", lines("1", "1", "", "", ""),
			Item{Criterion: 1, Level: 5, Counts: map[string]float64{"clients": 1, "fte": 1}},
			[]string{"1 client / 1 FTE = 1 client."}},
		{"zero fte refused", "en", lines("20", "0", "2", "", "", ""),
			Item{Criterion: 1, Level: 5, Counts: map[string]float64{"clients": 20, "fte": 2}},
			[]string{`The answer "0" is not accepted. Accepted answers: a number greater than 0`}},
		{"figures instead", "en", lines("", "20; 30 22,5", "", "", ""),
			Item{Criterion: 1, Level: 4, Figures: []float64{20, 30, 22.5}},
			[]string{"Active clients (clients) (Enter = give the figure itself): ", "separated by semicolons"}},
		{"one figure", "en", lines("", "19", "", "", ""),
			Item{Criterion: 1, Level: 5, Figure: fig(19)},
			nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			st := *start
			a, out := runWith(t, set, c.lang, &st, []int{1}, 0, c.answers)
			it := a.Item(1)
			if it == nil {
				t.Fatalf("nothing saved:\n%s", out)
			}
			if d := cmp.Diff(c.want, *it, ignorePlaces); d != "" {
				t.Errorf("item (-want +got):\n%s\n%s", d, out)
			}
			for _, s := range c.says {
				if !strings.Contains(out, s) {
					t.Errorf("output lacks %q:\n%s", s, out)
				}
			}
		})
	}
}

// Further questions: a numbered choice, yes or no, a count; Enter leaves
// one unanswered, - removes an earlier answer, and the implied level
// follows the answers' caps and floors.
func TestInterviewInputs(t *testing.T) {
	set := rulesSet(t)
	start := &Assessment{Criteria: set.ID, Provider: "P", Date: today}
	for _, c := range []struct {
		name    string
		n       int
		start   *Item
		answers string
		want    Item
		says    []string
	}{
		{"cap", 2, nil, lines("6", "1", "", "", "", ""),
			Item{Criterion: 2, Level: 2, Figure: fig(6), Inputs: map[string]string{"tracking": "none"}},
			[]string{"  1  contacts are not tracked", "  3  the tracking form is reviewed weekly", "The answers imply level 2: HOW 2."}},
		{"choice by id", 2, nil, lines("3,9", "monthly-form", "n", "", "", ""),
			Item{Criterion: 2, Level: 3, Figure: fig(3.9), Inputs: map[string]string{"tracking": "monthly-form", "small": "no"}},
			[]string{"The answers imply level 3"}},
		{"bad choice", 2, nil, lines("5; 6; 3,5", "4", "3", "k", "", "", ""),
			Item{Criterion: 2, Level: 5, Figures: []float64{5, 6, 3.5}, Inputs: map[string]string{"tracking": "weekly-form", "small": "yes"}},
			[]string{`The answer "4" is not accepted. Accepted answers: the number of an option, 1–3; - removes`}},
		{"floor without figure", 3, nil, lines("", "3", "", "", ""),
			Item{Criterion: 3, Level: 1, Inputs: map[string]string{"current_jobs": "3"}},
			[]string{"The answers imply level 1"}},
		{"count refused", 3, nil, lines("100", "3,5", "-2", "12", "", "", ""),
			Item{Criterion: 3, Level: 5, Figure: fig(100), Inputs: map[string]string{"current_jobs": "12"}},
			[]string{`The answer "3,5" is not accepted`, `The answer "-2" is not accepted`}},
		{"fraction refused", 3, nil, lines("0,92", "92", "", "", "", ""),
			Item{Criterion: 3, Level: 4, Figure: fig(92)},
			[]string{"0.92 looks like a fraction"}},
		{"enter keeps", 2, &Item{Criterion: 2, Level: 4, Figures: []float64{5, 6}, Inputs: map[string]string{"tracking": "monthly-form", "small": "no"}},
			lines("", "", "", "", "", ""),
			Item{Criterion: 2, Level: 4, Figures: []float64{5, 6}, Inputs: map[string]string{"tracking": "monthly-form", "small": "no"}},
			[]string{"Figure (Enter = 5; 6): ", "Answer (Enter = 2 the tracking form is reviewed monthly): ", "Answer (Enter = no): ",
				"Current answer: level 4; figure 5; 6 contacts a week; 2 of 2 further questions answered"}},
		{"dash removes", 2, &Item{Criterion: 2, Level: 4, Figure: fig(5), Inputs: map[string]string{"tracking": "monthly-form", "small": "no"}},
			lines("", "-", "-", "", "", ""),
			Item{Criterion: 2, Level: 4, Figure: fig(5)},
			nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			st := *start
			st.Items = nil
			if c.start != nil {
				st.Items = []Item{*c.start}
			}
			a, out := runWith(t, set, "en", &st, []int{c.n}, 0, c.answers)
			it := a.Item(c.n)
			if it == nil {
				t.Fatalf("nothing saved:\n%s", out)
			}
			if d := cmp.Diff(c.want, *it, ignorePlaces); d != "" {
				t.Errorf("item (-want +got):\n%s\n%s", d, out)
			}
			for _, s := range c.says {
				if !strings.Contains(out, s) {
					t.Errorf("output lacks %q:\n%s", s, out)
				}
			}
		})
	}
}

// b at a further question goes back to the criterion before; every answer
// given is saved already.
func TestInterviewInputsBack(t *testing.T) {
	set := rulesSet(t)
	start := &Assessment{Criteria: set.ID, Provider: "P", Date: today}
	a, out := runWith(t, set, "en", start, []int{1, 2}, 0, lines("", "19", "", "", "", "6", "b", "", "", "", "", "", "", "2", "", "", "", ""))
	if n := strings.Count(out, "Criterion 1 of 3"); n != 2 {
		t.Errorf("criterion 1 shown %d times, want 2:\n%s", n, out)
	}
	want := []Item{
		{Criterion: 1, Level: 5, Figure: fig(19)},
		{Criterion: 2, Level: 4, Figure: fig(6), Inputs: map[string]string{"tracking": "monthly-form"}},
	}
	if d := cmp.Diff(want, a.Items, ignorePlaces); d != "" {
		t.Errorf("items (-want +got):\n%s\n%s", d, out)
	}
}

// The interview wraps to the width it is given (the terminal's), and to
// 100 columns without one.
func TestInterviewWidth(t *testing.T) {
	set := rulesSet(t)
	start := &Assessment{Criteria: set.ID, Provider: "P", Date: today}
	for _, w := range []int{0, 40, 72, 160} {
		st := *start
		_, out := runWith(t, set, "en", &st, []int{2}, w, lines("6", "1", "", "", "", ""))
		limit := w
		if w == 0 {
			limit = 100
		}
		longest := 0
		for _, l := range strings.Split(out, "\n") {
			// A prompt with its echoed answer is one line the writer does
			// not wrap.
			if strings.Contains(l, "(Enter =") || strings.Contains(l, "Accepted answers") {
				continue
			}
			longest = max(longest, len([]rune(l)))
		}
		if longest > limit {
			t.Errorf("width %d: a line of %d characters:\n%s", w, longest, out)
		}
		if w == 40 && longest < 30 {
			t.Errorf("width 40: longest line %d, not wrapped to the width", longest)
		}
	}
}
