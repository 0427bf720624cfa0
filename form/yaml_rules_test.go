package form

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// The rule answers read as written and survive WriteYAML and a second read.
func TestYAMLRuleAnswersRoundTrip(t *testing.T) {
	src := `criteria: tyokyky
provider: P
items:
  - criterion: 1
    counts: {clients: 83, fte: "3,5"}
  - criterion: 17
    figures: [5, 6, 3.5]
    inputs: {tracking: monthly-form, small_caseloads: yes}
  - criterion: 21
    figure: 100
    inputs: {current_jobs: 12}
`
	a, err := ParseYAML([]byte(src), "a.yaml")
	if err != nil {
		t.Fatal(err)
	}
	type answers struct {
		Figures []float64
		Counts  map[string]float64
		Inputs  map[string]string
	}
	got := func(a *Assessment) []answers {
		var as []answers
		for _, it := range a.Items {
			as = append(as, answers{it.Figures, it.Counts, it.Inputs})
		}
		return as
	}
	want := []answers{
		{Counts: map[string]float64{"clients": 83, "fte": 3.5}},
		{Figures: []float64{5, 6, 3.5}, Inputs: map[string]string{"tracking": "monthly-form", "small_caseloads": "yes"}},
		{Inputs: map[string]string{"current_jobs": "12"}},
	}
	if d := cmp.Diff(want, got(a), cmpopts.EquateEmpty()); d != "" {
		t.Fatalf("read (-want +got):\n%s", d)
	}
	var b bytes.Buffer
	if err := WriteYAML(&b, a); err != nil {
		t.Fatal(err)
	}
	back, err := ParseYAML(b.Bytes(), "b.yaml")
	if err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if d := cmp.Diff(want, got(back), cmpopts.EquateEmpty()); d != "" {
		t.Errorf("after WriteYAML (-want +got):\n%s\n%s", d, b.String())
	}
	for _, it := range a.Items {
		if !it.Answered() {
			t.Errorf("criterion %d: not answered", it.Criterion)
		}
	}
}
