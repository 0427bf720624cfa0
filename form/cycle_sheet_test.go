package form_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
	"github.com/xuri/excelize/v2"
	"strconv"
)

var cycleOpts = cmp.Options{
	cmpopts.IgnoreFields(form.Assessment{}, "Source", "CriteriaPlace"),
	cmpopts.IgnoreFields(form.Item{}, "Place"),
	cmpopts.IgnoreFields(form.Outcomes{}, "Place"),
	cmpopts.IgnoreFields(form.Review{}, "Place"),
	cmpopts.IgnoreFields(form.Action{}, "Place"),
}

func writeXLSX(t *testing.T, a *form.Assessment, lang string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := form.WriteXLSX(&buf, builtinSet(t, a.Criteria), a, lang); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestCycleXLSXRoundTrip: the outcomes, the review, the data sources and
// the plan of a YAML file come back from the workbook as they were, in
// either language; the suggestions for weak criteria add no action.
func TestCycleXLSXRoundTrip(t *testing.T) {
	for _, file := range []string{"polku-2026-05.yaml", "polku-2026-11.yaml"} {
		for _, lang := range []string{"fi", "en"} {
			t.Run(file+"/"+lang, func(t *testing.T) {
				want := readYAMLFile(t, "../testdata/cycle/"+file)
				if !want.HasCycle() {
					t.Fatal("the sample records no cycle")
				}
				got, err := form.ReadXLSX(bytes.NewReader(writeXLSX(t, want, lang)), "arvio.xlsx", form.DefaultLimits)
				if err != nil {
					t.Fatalf("ReadXLSX: %v", err)
				}
				if diff := cmp.Diff(want, got, cycleOpts); diff != "" {
					t.Errorf("(-want +got):\n%s", diff)
				}
			})
		}
	}
}

// TestCyclePlanSuggestions: with --from, the plan sheet has the plan's
// actions and then the weak criteria without an action, each with its next
// level's anchor.
func TestCyclePlanSuggestions(t *testing.T) {
	a := readYAMLFile(t, "../testdata/cycle/polku-2026-05.yaml")
	set := builtinSet(t, a.Criteria)
	planned := map[int]bool{}
	var want []string
	for _, act := range a.Plan {
		planned[act.Criterion] = true
		want = append(want, strconv.Itoa(act.Criterion)+" – "+set.Criterion(act.Criterion).Title.In("fi")+" | "+act.Action)
	}
	for _, it := range a.Items {
		if it.Level > 0 && it.Level < 4 && !planned[it.Criterion] {
			c := set.Criterion(it.Criterion)
			want = append(want, strconv.Itoa(c.Number)+" – "+c.Title.In("fi")+" | Tavoitteeksi taso "+strconv.Itoa(it.Level+1)+" – "+c.Anchor(it.Level+1).In("fi"))
		}
	}
	if len(want) == len(a.Plan) {
		t.Fatal("the sample has no weak criterion without an action")
	}
	f, err := excelize.OpenReader(bytes.NewReader(writeXLSX(t, form.NextRound(a), "fi")))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Kehittämissuunnitelma")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows[4:] {
		r = append(r, make([]string, 8)...)
		switch {
		case r[1] == "":
		case r[2] != "":
			got = append(got, r[1]+" | "+r[2])
		default:
			got = append(got, r[1]+" | "+r[6])
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("plan rows (-want +got):\n%s", diff)
	}
}

// TestCycleSheetErrors: each fault in the cycle sheets is named by its
// sheet and cell and says what is accepted.
func TestCycleSheetErrors(t *testing.T) {
	base := readYAMLFile(t, "../testdata/cycle/polku-2026-11.yaml")
	for _, tc := range []struct {
		name, sheet, cell, value, want string
	}{
		{"date", "Outcomes", "C5", "last spring", `arvio.xlsx: Outcomes!C5: Period start: "last spring" is not a date: write, say, 30.9.2026 or 2026-09-30`},
		{"negative", "Outcomes", "C7", "-3", `arvio.xlsx: Outcomes!C7: Clients on the caseload: "-3" is not accepted: give a whole number 0 or more, such as 40`},
		{"over caseload", "Outcomes", "C8", "41", `arvio.xlsx: Outcomes!C8: the clients in competitive work (41) are more than the clients on the caseload (40)`},
		{"kind", "Outcomes", "C13", "peer", `arvio.xlsx: Outcomes!C13: the kind of review "peer" is not accepted: choose self-assessment or external review`},
		{"source", "Outcomes", "C18", "gossip", `arvio.xlsx: Outcomes!C18: criterion 1: the data source "gossip" is not accepted`},
		{"status", "Action plan", "F5", "maybe", `arvio.xlsx: Action plan!F5: criterion 17: the action's status "maybe" is not accepted: choose open, in progress or done`},
		{"criterion", "Action plan", "B5", "soon", `arvio.xlsx: Action plan!B5: "soon" is not a criterion`},
		{"no action", "Action plan", "C5", "", `arvio.xlsx: Action plan!C5: criterion 17: the action is missing`},
		{"due", "Action plan", "E5", "31.2.2027", `arvio.xlsx: Action plan!E5: criterion 17: Due date: "31.2.2027" is not a date`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := excelize.OpenReader(bytes.NewReader(writeXLSX(t, base, "en")))
			if err != nil {
				t.Fatal(err)
			}
			if err := f.SetCellStr(tc.sheet, tc.cell, tc.value); err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := f.Write(&buf); err != nil {
				t.Fatal(err)
			}
			f.Close()
			_, err = form.ReadXLSX(&buf, "arvio.xlsx", form.DefaultLimits)
			if err == nil {
				t.Fatal("read without error")
			}
			if got := msg.Localize(err, "en"); !strings.Contains(got, tc.want) {
				t.Errorf("got\n%s\nwant it to contain\n%s", got, tc.want)
			}
		})
	}
}

// TestCycleCSVRoundTrip: the same through the CSV form.
func TestCycleCSVRoundTrip(t *testing.T) {
	for _, file := range []string{"polku-2026-05.yaml", "polku-2026-11.yaml"} {
		for _, lang := range []string{"fi", "en"} {
			t.Run(file+"/"+lang, func(t *testing.T) {
				want := readYAMLFile(t, "../testdata/cycle/"+file)
				var buf bytes.Buffer
				if err := form.WriteCSV(&buf, builtinSet(t, want.Criteria), want, lang); err != nil {
					t.Fatal(err)
				}
				got, err := form.ReadCSV(bytes.NewReader(buf.Bytes()), "arvio.csv", form.DefaultLimits)
				if err != nil {
					t.Fatalf("ReadCSV: %v\n%s", err, buf.Bytes())
				}
				if diff := cmp.Diff(want, got, cycleOpts); diff != "" {
					t.Errorf("(-want +got):\n%s", diff)
				}
			})
		}
	}
}

// TestCycleCSVErrors: faults in the cycle lines of a CSV file are named
// by line and say what is accepted.
func TestCycleCSVErrors(t *testing.T) {
	in := "Kriteeristö;tyokyky\r\nPalveluntuottaja;Polku\r\nAsiakkaita jaksolla;-2\r\nJakson alku;eilen\r\nArvioinnin laji;vertais\r\n\r\n" +
		"Nro;Kriteeri;Taso\r\n1;;4\r\n\r\nKriteerien tietolähteet;\r\n1;juorut\r\n" +
		"Kehittämissuunnitelma;Toimenpide;Vastuuhenkilö;Määräaika;Tila\r\n17;Kuusi käyntiä;Tiina;huomenna;ehkä\r\n;Ilman kriteeriä\r\n"
	_, err := form.ReadCSV(strings.NewReader(in), "arvio.csv", form.DefaultLimits)
	if err == nil {
		t.Fatal("read without error")
	}
	want := []string{
		`arvio.csv:3: Asiakkaita jaksolla: "-2" is not accepted: give a whole number 0 or more, such as 40`,
		`arvio.csv:4: Jakson alku: "eilen" is not a date: write, say, 30.9.2026 or 2026-09-30`,
		`arvio.csv:5: Arvioinnin laji: the kind of review "vertais" is not accepted: choose self-assessment or external review`,
		`arvio.csv:11: B: criterion 1: the data source "juorut" is not accepted: write some of records; documents; interviews; observation`,
		`arvio.csv:13: D: criterion 17: Due date: "huomenna" is not a date: write, say, 30.9.2026 or 2026-09-30`,
		`arvio.csv:13: E: criterion 17: the action's status "ehkä" is not accepted: choose open, in progress or done`,
		`arvio.csv:14: A: the action has no criterion: choose the criterion from the list`,
	}
	if diff := cmp.Diff(want, strings.Split(msg.Localize(err, "en"), "\n")); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
