package criteria

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/msg"
)

// rated is what Measure.Rate returns, for go-cmp.
type rated struct {
	Level int
	Point float64 // 0 when not rated at a point
	OK    bool
}

func rate(m *Measure, x float64) rated {
	l, p, ok := m.Rate(x)
	r := rated{Level: l, OK: ok}
	if p != nil {
		r.Point = *p
	}
	return r
}

// Criterion 17's scale points in both built-in sets, at every edge: the
// points, the halfway ties (lower level), just either side of them, and the
// published example 3.9 → point 4 → level 3.
func TestPoints17(t *testing.T) {
	cases := []struct {
		x    float64
		want rated
	}{
		{0, rated{1, 0, true}},
		{1.99, rated{1, 0, true}},
		{2, rated{2, 2, true}},
		{2.99, rated{2, 2, true}},
		{3, rated{2, 2, true}}, // halfway between 2 and 4: the lower level
		{3.01, rated{3, 4, true}},
		{3.9, rated{3, 4, true}}, // the published example
		{4, rated{3, 4, true}},
		{4.5, rated{3, 4, true}}, // halfway between 4 and 5
		{4.51, rated{4, 5, true}},
		{5, rated{4, 5, true}},
		{5.5, rated{4, 5, true}}, // halfway between 5 and the edge 6
		{5.51, rated{5, 0, true}},
		{6, rated{5, 0, true}},
		{40, rated{5, 0, true}},
		{-1, rated{0, 0, false}},
	}
	for _, id := range []string{"tyokyky", "ips"} {
		set, ok := Builtin(id)
		if !ok {
			t.Fatal(id)
		}
		m := set.Criterion(17).Measure
		var got, want []rated
		for _, c := range cases {
			got = append(got, rate(m, c.x))
			want = append(want, c.want)
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s 17 (-want +got):\n%s", id, d)
		}
	}
}

func TestPointRangesTiesHigher(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	ps := []Point{{Level: 1, Below: f(2)}, {Level: 2, At: f(2)}, {Level: 3, At: f(4)}, {Level: 5, Min: f(6)}}
	m := &Measure{Min: f(0), Points: ps, Ties: TiesHigher}
	m.Levels = pointRanges(ps, TiesHigher)
	got := []rated{rate(m, 3), rate(m, 5), rate(m, 4.99)}
	want := []rated{{3, 4, true}, {5, 0, true}, {3, 4, true}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

// The rule fields of the built-in sets, as the issue asks for them.
func TestBuiltinRules(t *testing.T) {
	type rules struct {
		PerSpecialist map[int]string
		Percent       []int
		Ratio         map[int]string
		Inputs        map[int][]string
	}
	want := rules{
		PerSpecialist: map[int]string{1: "mean", 2: "mean", 17: "mean", 24: "mean"},
		Percent:       []int{2, 16, 19, 20, 21, 24},
		Ratio:         map[int]string{1: "clients/fte"},
		Inputs:        map[int][]string{17: {"tracking", "small_caseloads"}, 21: {"current_jobs"}},
	}
	for _, id := range []string{"tyokyky", "ips"} {
		set, ok := Builtin(id)
		if !ok {
			t.Fatal(id)
		}
		got := rules{PerSpecialist: map[int]string{}, Ratio: map[int]string{}, Inputs: map[int][]string{}}
		for _, c := range set.Criteria {
			if m := c.Measure; m != nil {
				if m.PerSpecialist != "" {
					got.PerSpecialist[c.Number] = m.PerSpecialist
				}
				if m.Percent {
					got.Percent = append(got.Percent, c.Number)
				}
				if m.Ratio != nil {
					got.Ratio[c.Number] = m.Ratio.Numerator.ID + "/" + m.Ratio.Denominator.ID
				}
			}
			for _, in := range c.Inputs {
				got.Inputs[c.Number] = append(got.Inputs[c.Number], in.ID)
			}
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%s (-want +got):\n%s", id, d)
		}
	}
}

// Faults in the rule fields, each with its line.
func TestRulesProblems(t *testing.T) {
	const points = `    measure:
      name: {fi: osuus, en: share}
      unit: {fi: "%", en: "%"}
      min: 0
      max: 100
      levels:
        - {level: 1, below: 60}
        - {level: 2, min: 60, below: 75}
        - {level: 3, min: 75, below: 90}
        - {level: 4, min: 90, below: 96}
        - {level: 5, min: 96}
`
	cases := []struct {
		name string
		old  string
		new  string
		want []string
	}{
		{
			name: "points and levels",
			old:  "      levels:\n        - {level: 1, below: 60}\n",
			new:  "      points:\n        - {level: 1, at: 1}\n      levels:\n        - {level: 1, below: 60}\n",
			want: []string{"small.yaml:23: criterion 1: the measure has both points and levels: give the scale one way only"},
		},
		{
			name: "points out of order and a closed range",
			old:  points,
			new: `    measure:
      name: {fi: osuus, en: share}
      unit: {fi: "%", en: "%"}
      min: 0
      ties: middle
      points:
        - {level: 1, below: 2}
        - {level: 2, at: 4}
        - {level: 3, at: 3}
        - {level: 4, min: 5, max: 6}
        - {level: 5, min: 6, at: 7}
`,
			want: []string{
				`small.yaml:26: criterion 1: ties "middle" is not accepted: use lower (a figure exactly halfway gets the lower level) or higher`,
				"small.yaml:30: criterion 1: scale points must be given in rising order without overlap",
				"small.yaml:31: criterion 1: between scale points only single points (at) are accepted; a range may only stand at the scale's end, open on one side",
				"small.yaml:32: criterion 1: the scale point has both at and a bound: give either a point (at) or a range open at the scale's end",
			},
		},
		{
			name: "percent, combine and ratio",
			old:  "      levels:\n        - {level: 1, below: 60}\n",
			new: `      percent: true
      per_specialist: median
      ratio:
        numerator: {id: clients, name: {fi: a, en: a}, unit: {fi: a, en: a}}
        denominator: {id: clients, name: {fi: b}, unit: {fi: b, en: b}}
      levels:
        - {level: 1, below: 60}
`,
			want: []string{
				`small.yaml:28: criterion 1: per_specialist "median" is not accepted: use mean`,
				`small.yaml:30: criterion 1: the id "clients" is used twice among the criterion's answers`,
				"small.yaml:31: criterion 1: ratio denominator name has no text in language en",
			},
		},
		{
			name: "inputs",
			old:  points,
			new: points + `    inputs:
      - id: tracking
        kind: choice
        question: {fi: k, en: q}
        choices:
          - {id: none, text: {fi: ei, en: none}, max_level: 7}
          - {id: none, text: {fi: ei, en: none}, level: 2, min_level: 1}
      - id: ok
        kind: yes-no
        question: {fi: k, en: q}
        choices:
          - {id: "yes", text: {fi: k, en: y}}
      - id: jobs
        kind: count
        question: {fi: k, en: q}
        unit: {fi: kpl, en: jobs}
        counts:
          - {below: 10}
      - id: jobs
        kind: many
        question: {fi: k, en: q}
`,
			want: []string{
				"small.yaml:38: criterion 1: level 7 is not accepted: levels are 1–5",
				`small.yaml:39: criterion 1: the option "none" is defined twice`,
				"small.yaml:39: criterion 1: give either level (sets the level) or min_level and max_level, not both",
				"small.yaml:44: criterion 1: a yes-no input must have exactly the options yes and no",
				"small.yaml:50: criterion 1: the rule has no effect: give level, min_level or max_level",
				`small.yaml:51: criterion 1: the id "jobs" is used twice among the criterion's answers`,
				`small.yaml:52: criterion 1: kind "many" is not accepted: use choice, yes-no, count`,
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !strings.Contains(smallSet, c.old) {
				t.Fatalf("smallSet lacks %q", c.old)
			}
			src := strings.Replace(smallSet, c.old, c.new, 1)
			_, err := Parse([]byte(src), "small.yaml")
			var got []string
			if err != nil {
				got = strings.Split(msg.Localize(err, "en"), "\n")
			}
			if d := cmp.Diff(c.want, got); d != "" {
				t.Errorf("problems (-want +got):\n%s", d)
			}
		})
	}
}
