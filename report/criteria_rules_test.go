package report

import (
	"bytes"
	"testing"

	"github.com/laatu-fi/laatu/criteria"
)

// criteria show for the criteria with rating rules, both sets and both
// languages: scale points with the closest-point rule and ties, figures
// per specialist, a ratio's counts, and each further question with the
// effect of each answer, wrapped to 80 columns.
func TestCriteriaRulesGolden(t *testing.T) {
	var b bytes.Buffer
	for _, id := range []string{"tyokyky", "ips"} {
		set, _ := criteria.Builtin(id)
		var cs []*criteria.Criterion
		for _, n := range []int{1, 2, 17, 21} {
			cs = append(cs, set.Criterion(n))
		}
		for _, lang := range []string{"fi", "en"} {
			if err := CriteriaWidth(&b, set, cs, lang, 80); err != nil {
				t.Fatal(err)
			}
			b.WriteString("\n")
		}
	}
	for i, line := range bytes.Split(b.Bytes(), []byte("\n")) {
		if n := len([]rune(string(line))); n > 80 && !bytes.Contains(line, []byte("(")) {
			t.Errorf("line %d has %d characters: %s", i+1, n, line)
		}
	}
	golden(t, "golden/criteria-rules.txt", b.Bytes())
}
