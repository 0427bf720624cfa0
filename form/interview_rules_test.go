package form

import (
	"strings"
	"testing"

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
