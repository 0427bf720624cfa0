package criteria

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/msg"
)

func TestBuiltinProfile(t *testing.T) {
	p, ok := BuiltinProfile(DefaultProfileID)
	if !ok {
		t.Fatalf("built-in profile %s missing; have %v", DefaultProfileID, BuiltinProfileIDs())
	}
	set, ok := Builtin(p.Criteria)
	if !ok {
		t.Fatalf("profile names set %q, which is not built in", p.Criteria)
	}
	if ps := p.Check(set); len(ps) > 0 {
		t.Fatalf("built-in profile does not fit its set:\n%s", ps.In("en"))
	}
	// The key criteria of Siun sote's summary, in its order.
	if diff := cmp.Diff([]int{1, 2, 3, 4, 5, 6, 14, 15, 16, 17, 18, 22}, p.Numbers()); diff != "" {
		t.Errorf("key criteria (-want +got):\n%s", diff)
	}
	type req struct {
		Kind                 Kind
		Weight               float64
		MinLevel             int
		FigureMax, FigureMin float64
		Source               RequirementSource
	}
	got := map[int]req{}
	for _, r := range p.Requirements {
		g := req{Kind: r.Kind, Weight: r.Weight, MinLevel: r.MinLevel, Source: r.Source}
		if r.FigureMax != nil {
			g.FigureMax = *r.FigureMax
		}
		if r.FigureMin != nil {
			g.FigureMin = *r.FigureMin
		}
		got[r.Criterion] = g
		for _, l := range p.Languages {
			if r.Note[l] == "" {
				t.Errorf("criterion %d: no note in %s", r.Criterion, l)
			}
		}
	}
	// Issue 15: the source calls 20 clients the absolute maximum (a
	// minimum requirement) and 90 % of working time something that "would
	// be good" (a comparison criterion); the levels it names without a
	// threshold are compared with laatu's weights.
	want := map[int]req{
		1: {Kind: KindMinimum, FigureMax: 20, Source: SourceDocument},
		2: {Kind: KindComparison, Weight: 10, FigureMin: 90, Source: SourceDocument},
		3: {Kind: KindMinimum, MinLevel: 5, Source: SourceDocument},
	}
	for _, n := range []int{4, 5, 6, 14, 15, 16, 17, 18, 22} {
		want[n] = req{Kind: KindComparison, Weight: 10, Source: SourceLaatuDefault}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("requirements (-want +got):\n%s", diff)
	}

	// The source's own asks, every one a minimum yes-no from the document,
	// with the evidence asked for.
	type own struct {
		Kind   Kind
		Answer AnswerType
		Source RequirementSource
	}
	gotOwn := map[string]own{}
	for _, o := range p.Own {
		gotOwn[o.ID] = own{o.Kind, o.Answer, o.Source}
		for _, l := range p.Languages {
			if o.Question[l] == "" || o.Evidence[l] == "" || o.Note[l] == "" {
				t.Errorf("%s: question, evidence or note missing in %s", o.ID, l)
			}
		}
	}
	doc := own{KindMinimum, AnswerYesNo, SourceDocument}
	wantOwn := map[string]own{"transition-meetings": doc, "support-into-work": doc, "assessments": doc,
		"network-work": doc, "employer-contacts": doc}
	if diff := cmp.Diff(wantOwn, gotOwn); diff != "" {
		t.Errorf("own requirements (-want +got):\n%s", diff)
	}
	wantCmp := &Comparison{Quality: 60, Price: 40, QualityFormula: QualityRelative, PriceFormula: PriceLowest, Ties: TiesShare}
	if diff := cmp.Diff(wantCmp, p.Comparison); diff != "" {
		t.Errorf("comparison (-want +got):\n%s", diff)
	}
}

const goodProfile = `id: pieni
version: "1"
languages: [fi, en]
name: {fi: Pieni, en: Small}
criteria: tyokyky
requirements:
  - criterion: 1
    figure_max: 22
    source: default
  - criterion: 3
    min_level: 4
    source: document
    note: {fi: syy, en: why}
`

func TestParseProfileGood(t *testing.T) {
	p, err := ParseProfile([]byte(goodProfile), "pieni.yaml")
	if err != nil {
		t.Fatal(msg.Localize(err, "en"))
	}
	if p.Origin != "pieni.yaml" || p.Label() != "pieni 1" {
		t.Errorf("origin %q label %q", p.Origin, p.Label())
	}
	if r := p.Requirement(3); r == nil || r.Line != 10 || r.MinLevel != 4 {
		t.Errorf("requirement 3 = %+v, want line 10, min level 4", r)
	}
	if r := p.Requirement(2); r != nil {
		t.Errorf("criterion 2 is not a key criterion, got %+v", r)
	}
}

// problemLines renders problems as "line: text" in English.
func problemLines(t *testing.T, err error) []string {
	t.Helper()
	var ps msg.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("error is %T (%v), want msg.Problems", err, err)
	}
	var out []string
	for _, p := range ps {
		s := p.In("en")
		out = append(out, strings.TrimPrefix(s, p.File+":"))
	}
	return out
}

func TestParseProfileProblems(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string
	}{
		{"empty", "", []string{" the file is empty"}},
		{"unknown field and wrong kind", `id: x
version: "1"
languages: [fi]
name: {fi: X}
criteria: tyokyky
requirements:
  - criterion: 1
    max_figure: 20
    source: default
  - criterion: kolme
    min_level: 4
    source: default
`, []string{
			`8: unknown field "max_figure"; accepted: criterion, figure_max, figure_min, kind, min_level, note, source, weight`,
			`10: the value "kolme" is not accepted: expected a whole number`,
		}},
		{"an unknown field does not hide the other problems", `id: x
version: "1"
languages: [fi]
name: {fi: X}
criteria: tyokyky
requirements:
  - criterion: 1
    maksimi: 20
`, []string{
			`7: criterion 1: no requirement given: give a minimum level (min_level), a figure limit (figure_max) or both`,
			`7: criterion 1: source is missing`,
			`8: unknown field "maksimi"; accepted: criterion, figure_max, figure_min, kind, min_level, note, source, weight`,
		}},
		{"every requirement fault, each with its line", `id: Iso Profiili
version: "1"
languages: [fi, en]
name: {fi: Iso}
criteria: tyokyky
requirements:
  - criterion: 1
    source: document
  - criterion: 2
    min_level: 6
    source: from the paper
  - criterion: 2
    figure_min: 90
    figure_max: 80
  - criterion: 0
    min_level: 4
    source: default
    note: {fi: vain suomeksi}
`, []string{
			`1: the id "Iso Profiili" is not accepted: use lower-case letters a–z, digits and hyphens`,
			`4: name has no text in language en`,
			`7: criterion 1: no requirement given: give a minimum level (min_level), a figure limit (figure_max) or both`,
			`10: criterion 2: level 6 is not accepted: levels are 1–5`,
			`11: criterion 2: source "from the paper" is not accepted: write document (the requirement is from the source document) or laatu-default (laatu's default for the buyer to adjust)`,
			`12: criterion 2: number 2 is already used on line 9`,
			`12: criterion 2: source is missing`,
			`13: criterion 2: the figure's lower limit 90 is above its upper limit 80, so no figure could meet the requirement`,
			`15: criterion number 0 is not accepted: numbers start at 1`,
			`18: note has no text in language en`,
		}},
		{"comparison criteria without weights", `id: x
version: "1"
languages: [en]
name: {en: X}
criteria: tyokyky
requirements:
  - criterion: 1
    kind: comparison
    source: document
  - criterion: 2
    kind: minimum
    weight: 5
    figure_min: 90
    source: laatu-default
  - criterion: 3
    kind: hard
    min_level: 5
    source: document
`, []string{
			`1: the profile has comparison criteria (kind: comparison) but no comparison weights; add, for example, comparison: {quality: 60, price: 40}`,
			`7: criterion 1: the comparison criterion has no weight: give weight, for example weight: 10`,
			`12: criterion 2: a minimum requirement takes no weight; to give points for the criterion, write kind: comparison`,
			`16: criterion 3: kind "hard" is not accepted: write minimum (a minimum requirement; a bid that fails it is excluded) or comparison (a comparison criterion that gives points)`,
		}},
		{"own requirements and comparison faults", `id: x
version: "1"
languages: [en]
name: {en: X}
criteria: tyokyky
comparison: {quality: 60, price: -40, price_formula: cheapest, price_unit: hour, ties: coin}
requirements:
  - criterion: 2
    kind: comparison
    weight: 10
    source: document
own_requirements:
  - id: Meetings
    answer: yes-no
    question: {en: "Meetings?"}
    source: document
  - id: level
    kind: comparison
    answer: choice
    choices: [{id: a, label: {en: A}}]
    question: {en: "Which?"}
    source: document
  - id: staff
    kind: comparison
    answer: figure
    question: {en: "How many?"}
    source: document
  - id: level
    answer: essay
    source: document
`, []string{
			`6: the comparison weights quality 60 and price -40 are not accepted: weights are 0 or more, and at least one must be above 0`,
			`6: there is no formula "cheapest"; the only one is lowest-to-bid`,
			`6: the price unit "hour" is not accepted; options: client-month, client, total`,
			`6: the tie rule "coin" is not accepted; options: share, price, quality`,
			`13: requirement id "Meetings" is not accepted: use lower-case letters a–z, digits and hyphens`,
			`17: the compared requirement level gives no points to its answers (points)`,
			`20: the choice requirement level needs at least two choices (choices)`,
			`23: the figure requirement staff has no limit: give figure_min, figure_max or both`,
			`24: a figure can only be a minimum requirement (staff); points can be given for a yes-no answer or a choice`,
			`28: requirement id "level" is already used on line 17`,
			`28: question is missing`,
			`29: answer type "essay" is not accepted; options: yes-no, choice, figure, text`,
		}},
		{"nothing required at the top", `requirements: []
`, []string{
			`1: id is missing`,
			`1: version is missing`,
			`1: languages is missing`,
			`1: name is missing`,
			`1: criteria is missing`,
			`1: requirements is missing`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseProfile([]byte(tt.yaml), "p.yaml")
			if err == nil {
				t.Fatal("no error")
			}
			if diff := cmp.Diff(tt.want, problemLines(t, err)); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func TestProfileCheckAgainstSet(t *testing.T) {
	set, _ := Builtin(DefaultID)
	ips, _ := Builtin("ips")
	src := `id: x
version: "1"
languages: [fi]
name: {fi: X}
criteria: tyokyky
requirements:
  - criterion: 26
    min_level: 4
    source: default
  - criterion: 3
    figure_max: 4
    source: default
  - criterion: 2
    figure_min: 120
    source: default
  - criterion: 1
    figure_max: 20
    source: document
`
	p, err := ParseProfile([]byte(src), "x.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, pr := range p.Check(set) {
		got = append(got, pr.In("en"))
	}
	want := []string{
		"x.yaml:7: criterion 26 is not in criteria set tyokyky 2",
		"x.yaml:10: criterion 3: the criterion has no figure, so it cannot take a figure limit (figure_max, figure_min); use a minimum level (min_level)",
		"x.yaml:13: criterion 2: the limit 120 is outside the values the figure can take",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	ps := p.Check(ips)
	if len(ps) != 1 || !strings.Contains(ps[0].In("en"), `the profile is for criteria set "tyokyky", but "ips" is in use`) {
		t.Errorf("set mismatch: got %v", ps)
	}
}

func TestLevelFit(t *testing.T) {
	set, _ := Builtin(DefaultID)
	caseload := set.Criterion(1).Measure // 5: ≤20, 4: >20–25, 3: >25–30 …
	focus := set.Criterion(2).Measure    // 4: 90–<96, 3: 75–<90 …
	f := func(x float64) *float64 { return &x }
	tests := []struct {
		name  string
		req   Requirement
		m     *Measure
		level int
		want  Fit
	}{
		{"caseload ≤20, level 5 (≤20)", Requirement{FigureMax: f(20)}, caseload, 5, FitInside},
		{"caseload ≤20, level 4 (20–25)", Requirement{FigureMax: f(20)}, caseload, 4, FitOutside},
		{"caseload ≤25, level 4 reaches the limit", Requirement{FigureMax: f(25)}, caseload, 4, FitInside},
		{"caseload ≤22, level 4 crosses", Requirement{FigureMax: f(22)}, caseload, 4, FitAcross},
		{"caseload ≤30, level 1 (>40)", Requirement{FigureMax: f(30)}, caseload, 1, FitOutside},
		{"focus ≥90, level 4 (90–96)", Requirement{FigureMin: f(90)}, focus, 4, FitInside},
		{"focus ≥90, level 5 (96–100)", Requirement{FigureMin: f(90)}, focus, 5, FitInside},
		{"focus ≥90, level 3 (75–<90)", Requirement{FigureMin: f(90)}, focus, 3, FitOutside},
		{"focus ≥96, level 4 ends just below", Requirement{FigureMin: f(96)}, focus, 4, FitOutside},
		{"focus ≥92, level 4 crosses", Requirement{FigureMin: f(92)}, focus, 4, FitAcross},
		{"focus 80–92 window, level 4 crosses", Requirement{FigureMin: f(80), FigureMax: f(92)}, focus, 4, FitAcross},
		{"no measure", Requirement{FigureMax: f(20)}, nil, 5, FitUnknown},
		{"no such level", Requirement{FigureMax: f(20)}, caseload, 0, FitUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.req.LevelFit(tt.m, tt.level); got != tt.want {
				t.Errorf("LevelFit = %d, want %d", got, tt.want)
			}
		})
	}
}

// FuzzLoadProfile feeds the profile parser arbitrary bytes: it must never
// panic, and a profile it accepts must be safe to check against a set and
// have only problems with lines.
func FuzzLoadProfile(f *testing.F) {
	b, _ := builtinProfileFiles.ReadFile("profiles/te-tyohonvalmennus.yaml")
	f.Add(b)
	f.Add([]byte(goodProfile))
	f.Add([]byte("id: x\nrequirements:\n  - criterion: 1\n    figure_max: .inf\n"))
	f.Add([]byte("a: &a [*a, *a]\nrequirements: *a\n"))
	f.Add([]byte("\xef\xbb\xbfid: x\nversion: 1\nrequirements: [{criterion: 1, figure_min: 3, figure_max: 2}]"))
	seedFiles(f, "../testdata/bad/profiles/*.yaml")
	set, _ := Builtin(DefaultID)
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := LoadProfile(strings.NewReader(string(data)), "f.yaml")
		if err != nil {
			var ps msg.Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("error %T is not msg.Problems: %v", err, err)
			}
			for _, pr := range ps {
				if pr.File != "f.yaml" {
					t.Fatalf("problem without the file: %v", pr)
				}
				_ = pr.In("fi")
			}
			return
		}
		if p.ID == "" || len(p.Requirements) == 0 {
			t.Fatalf("accepted a profile without id or requirements: %+v", p)
		}
		for _, pr := range p.Check(set) {
			_ = pr.In("en")
		}
		for _, r := range p.Requirements {
			if c := set.Criterion(r.Criterion); c != nil && c.Measure != nil {
				for level := MinLevel; level <= MaxLevel; level++ {
					r.LevelFit(c.Measure, level)
				}
			}
		}
	})
}
