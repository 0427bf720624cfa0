package form_test

import (
	"testing"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
)

// customRulesSet has the rule shapes the built-in sets lack: a ratio
// without per-specialist figures, a choice of five options with floors and
// caps, count rules where the first that holds applies, and a yes-no
// question on a checklist criterion.
const customRulesSet = `id: oma
version: "1"
name: {fi: Oma, en: Own}
languages: [fi, en]
domains:
  - {id: a, name: {fi: A, en: A}}
bands:
  - {id: good, min: 8, max: 10, name: {fi: hyvä, en: good}}
  - {id: weak, min: 2, max: 7, name: {fi: heikko, en: weak}}
criteria:
  - number: 1
    id: one
    domain: a
    title: {fi: Yksi, en: One}
    ideal: {fi: paras, en: best}
    anchors:
      1: {fi: a, en: a}
      2: {fi: b, en: b}
      3: {fi: c, en: c}
      4: {fi: d, en: d}
      5: {fi: e, en: e}
    measure:
      name: {fi: osuus, en: share}
      unit: {fi: "%", en: "%"}
      min: 0
      max: 100
      ratio:
        numerator: {id: done, name: {fi: tehdyt, en: done}, unit: {fi: kpl, en: pcs}}
        denominator: {id: all, name: {fi: kaikki, en: all}, unit: {fi: kpl, en: pcs}}
      levels:
        - {level: 1, below: 60}
        - {level: 2, min: 60, below: 75}
        - {level: 3, min: 75, below: 90}
        - {level: 4, min: 90, below: 96}
        - {level: 5, min: 96}
    inputs:
      - id: how
        kind: choice
        question: {fi: "Miten?", en: "How?"}
        choices:
          - {id: never, text: {fi: "ei koskaan, ei, ei", en: "never, no"}, level: 1}
          - {id: rarely, text: {fi: harvoin, en: rarely}, max_level: 2}
          - {id: sometimes, text: {fi: joskus, en: sometimes}, min_level: 3, max_level: 4}
          - {id: often, text: {fi: usein, en: often}, min_level: 4}
          - {id: always, text: {fi: aina, en: always}}
      - id: size
        kind: count
        question: {fi: "Montako?", en: "How many?"}
        unit: {fi: kpl, en: pcs}
        counts:
          - {below: 5, level: 1}
          - {below: 10, max_level: 3}
          - {min: 100, min_level: 5}
  - number: 2
    id: two
    domain: a
    title: {fi: Kaksi, en: Two}
    ideal: {fi: paras, en: best}
    anchors:
      1: {fi: a, en: a}
      2: {fi: b, en: b}
      3: {fi: c, en: c}
      4: {fi: d, en: d}
      5: {fi: e, en: e}
    checklist:
      elements:
        - {id: x, text: {fi: x, en: x}}
        - {id: y, text: {fi: y, en: y}}
      levels_by_count: [1, 3, 5]
    inputs:
      - id: extra
        kind: yes-no
        question: {fi: "Lisäksi?", en: "Also?"}
        choices:
          - {id: "no", text: {fi: ei, en: no}, max_level: 2}
          - {id: "yes", text: {fi: kyllä, en: yes}, min_level: 4}
`

// TestLibreOfficeCustomRules runs the rule shapes of customRulesSet
// through real LibreOffice: its points must be laatu's levels.
func TestLibreOfficeCustomRules(t *testing.T) {
	prog := soffice(t)
	profile := recalcProfile(t)
	set, err := criteria.Parse([]byte(customRulesSet), "oma.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cases := []loRuleCase{
		{name: "cap, count cap", lang: "fi", items: []form.Item{
			{Criterion: 1, Counts: map[string]float64{"done": 90, "all": 100}, Inputs: map[string]string{"how": "sometimes", "size": "7"}},
			{Criterion: 2, Checked: []string{"x"}, Inputs: map[string]string{"extra": "yes"}},
		}, want: map[int]int{1: 3, 2: 4}},
		{name: "set level, floors", lang: "en", items: []form.Item{
			{Criterion: 1, Counts: map[string]float64{"done": 99, "all": 100}, Inputs: map[string]string{"how": "never", "size": "200"}},
			{Criterion: 2, Checked: []string{"x", "y"}, Inputs: map[string]string{"extra": "no"}},
		}, want: map[int]int{1: 1, 2: 2}},
		{name: "floor without a figure", lang: "en", items: []form.Item{
			{Criterion: 1, Inputs: map[string]string{"how": "often", "size": "150"}},
			{Criterion: 2, Inputs: map[string]string{"extra": "yes"}},
		}, want: map[int]int{1: 5, 2: 4}},
		{name: "first rule holds", lang: "fi", items: []form.Item{
			{Criterion: 1, Counts: map[string]float64{"done": 50, "all": 100}, Inputs: map[string]string{"how": "always", "size": "3"}},
			{Criterion: 2, Checked: []string{}, Inputs: map[string]string{"extra": "no"}},
		}, want: map[int]int{1: 1, 2: 1}},
	}
	runLORuleCases(t, prog, profile, func(string) *criteria.Set { return set }, cases)
}
