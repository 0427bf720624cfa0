package report

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestWideTableCompact checks the terminal's compact form of a wide
// table: stacked columns skip an empty text (a service without a unit
// shows its provider first), First keeps one of them, Wrap carries words
// to the next line, Below adds a row's note, and a column of numbers is
// right-aligned; Markdown writes the whole table.
func TestWideTableCompact(t *testing.T) {
	wt := &WideTable{
		Table: DocTable{Header: []string{"Rank", "Unit", "Provider", "Band"}, Rows: [][]Value{
			{VInt(1), VText("Polku"), VText("Esimerkkilä"), VText("not supported employment")},
			{Value{}, VText(""), VText("Vantaa"), VText("incomplete")},
		}},
		Compact: [][]CompactColumn{
			{{Header: "#", Cols: []int{0}}, {Header: "Service", Cols: []int{1, 2}}, {Header: "Band", Cols: []int{3}, Width: 14, Wrap: true, Below: []string{"", "21/25 rated"}}},
			{{Header: "Service", Cols: []int{1, 2}, First: true}},
		},
	}
	var text bytes.Buffer
	if err := wt.writeText(&text, "en", 100); err != nil {
		t.Fatal(err)
	}
	want := "" +
		" #  Service      Band\n" +
		"-------------------------------\n" +
		" 1  Polku        not supported\n" +
		"    Esimerkkilä  employment\n" +
		" –  Vantaa       incomplete\n" +
		"                 21/25 rated\n" +
		"\n" +
		" Service\n" +
		"---------\n" +
		" Polku\n" +
		" Vantaa\n"
	if diff := cmp.Diff(want, text.String()); diff != "" {
		t.Errorf("compact text (-want +got):\n%s", diff)
	}
	var md bytes.Buffer
	wt.writeMarkdown(&md, "en")
	wantMD := "| Rank | Unit | Provider | Band |\n|---:|---|---|---|\n" +
		"| 1 | Polku | Esimerkkilä | not supported employment |\n" +
		"| – |  | Vantaa | incomplete |\n"
	if diff := cmp.Diff(wantMD, md.String()); diff != "" {
		t.Errorf("Markdown (-want +got):\n%s", diff)
	}
}
