package form_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
)

// TestCSVRuleLines reads the number column's rule lines ("17:figures",
// "1:count:clients", "17:input:tracking") as people vary them, and
// refuses the ones that name no rule answer.
func TestCSVRuleLines(t *testing.T) {
	head := "Kriteeristö;tyokyky\nPalveluntuottaja;P\nNro;Kriteeri;Taso;Luku\n1;a;3;\n"
	for _, tc := range []struct {
		line string
		// counts and inputs of criterion 1 read, or the message of the
		// fault and the line's key in it
		counts map[string]float64
		inputs map[string]string
		fault  string
	}{
		{line: "1:count:clients;;;83", counts: map[string]float64{"clients": 83}},
		{line: " 1 : Count : clients ;;;83", counts: map[string]float64{"clients": 83}},
		{line: "1:input:tracking;;;monthly-form", inputs: map[string]string{"tracking": "monthly-form"}},
		{line: "1:INPUT: tracking;;;x", inputs: map[string]string{"tracking": "x"}},
		{line: "1:count;;;83", fault: "sheetin.csv.bad-sub"},
		{line: "1:count:;;;83", fault: "sheetin.csv.bad-sub"},
		{line: "1:count:a:b;;;83", fault: "sheetin.csv.bad-sub"},
		{line: "1:figures:x;;;5", fault: "sheetin.csv.bad-sub"},
		{line: "1:luku;;;5", fault: "sheetin.csv.bad-sub"},
		{line: "0:figures;;;5", fault: "form.bad-criterion"},
		{line: "x:figures;;;5", fault: "form.bad-criterion"},
		{line: "1:count:clients;;;-1", fault: "sheetin.bad-count"},
	} {
		a, err := form.ReadCSV(strings.NewReader(head+tc.line+"\n"), "arvio.csv", form.DefaultLimits)
		if tc.fault != "" {
			var ps msg.Problems
			if !errors.As(err, &ps) || len(ps) != 1 || ps[0].Message.Key != tc.fault || ps[0].Place.Line != 5 {
				t.Errorf("%q: got %v, want one %s on line 5", tc.line, err, tc.fault)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tc.line, err)
			continue
		}
		it := a.Item(1)
		if diff := cmp.Diff(tc.counts, it.Counts); diff != "" {
			t.Errorf("%q: counts (-want +got):\n%s", tc.line, diff)
		}
		if diff := cmp.Diff(tc.inputs, it.Inputs); diff != "" {
			t.Errorf("%q: inputs (-want +got):\n%s", tc.line, diff)
		}
	}
}
