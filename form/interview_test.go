package form

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
)

func miniSet(t testing.TB) *criteria.Set {
	t.Helper()
	f, err := os.Open("testdata/interview-set.yaml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	set, err := criteria.Load(f, "interview-set.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return set
}

var today = time.Date(2026, 11, 24, 15, 4, 0, 0, time.UTC)

func fig(x float64) *float64 { return &x }

func date(s string) time.Time {
	d, ok := ParseDate(s)
	if !ok {
		panic(s)
	}
	return d
}

// run drives an interview with answers (one per line) and returns the
// assessment, the ending, the output and every file saved, in order.
func run(t testing.TB, set *criteria.Set, lang string, start *Assessment, only []int, answers string) (*Assessment, Ending, string, [][]byte) {
	t.Helper()
	var out bytes.Buffer
	var saves [][]byte
	iv := &Interview{
		Set: set, Lang: lang, In: strings.NewReader(answers), Out: &out, Echo: true, Only: only,
		Now: func() time.Time { return today },
		Save: func(a *Assessment) error {
			var b bytes.Buffer
			if err := WriteYAML(&b, a); err != nil {
				return err
			}
			// Every file saved must read back and fit the set.
			back, err := ParseYAML(b.Bytes(), "saved.yaml")
			if err != nil {
				t.Fatalf("saved file does not read back: %v\n%s", err, b.String())
			}
			if ps := Check(back, set); len(ps) > 0 {
				t.Fatalf("saved file does not fit the set: %v\n%s", ps, b.String())
			}
			saves = append(saves, b.Bytes())
			return nil
		},
	}
	a, end, err := iv.Run(start)
	if err != nil {
		t.Fatal(err)
	}
	return a, end, out.String(), saves
}

var ignorePlaces = cmpopts.IgnoreFields(Item{}, "Place")

func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

// details is the answers to the service questions of a new interview.
var details = lines("Jyväskylän kaupunki", "Kätevä", "Anna Arvioija, Pekka Parivirta", "")

func TestInterview(t *testing.T) {
	set := miniSet(t)
	newA := func(items ...Item) *Assessment {
		return &Assessment{Criteria: "mini", CriteriaVersion: "1", Provider: "Jyväskylän kaupunki", Unit: "Kätevä",
			Date: date("2026-11-24"), Raters: []string{"Anna Arvioija", "Pekka Parivirta"}, Items: items}
	}
	tests := []struct {
		name    string
		lang    string
		start   *Assessment
		only    []int
		answers string
		want    *Assessment
		end     Ending
		output  []string // lines the output must hold
	}{{
		name: "whole interview, levels from figure and checklist",
		answers: details + lines(
			"23,7", "", "83 asiakasta, 3,5 valmentajaa", "asiakasrekisteri", // 1: figure → 4, accepted
			"5", "", "", // 2: no figure or checklist
			"k", "e", "K", "", "", "", // 3: 2 of 3 → level 4, accepted
			"3", "tuki kuukausittain", ""), // 4
		want: newA(
			Item{Criterion: 1, Level: 4, Figure: fig(23.7), Note: "83 asiakasta, 3,5 valmentajaa", Evidence: "asiakasrekisteri"},
			Item{Criterion: 2, Level: 5},
			Item{Criterion: 3, Level: 4, Checked: []string{"weekly", "near"}},
			Item{Criterion: 4, Level: 3, Note: "tuki kuukausittain"}),
		output: []string{
			"Arviointipäivä (Enter = 24.11.2026): ",
			"Osa-alue: Ensimmäinen (kriteerit 1–2)",
			"Kriteeri 1/4: Asiakasmäärä",
			"  4  21–25",
			"Luku 23,7 asiakasta vastaa tasoa 4.",
			"Taso 1–5 (Enter = 4): ",
			"Osa-alue: Toinen (kriteerit 3–4)",
			"1/3 Viikoittain.",
			"Tarkistuslistasta toteutuu 2/3 kohtaa, mikä vastaa tasoa 4.",
		},
	}, {
		name: "English, y/n, a level other than the proposal",
		lang: "en",
		answers: details + lines(
			"19", "4", "", "",
			"2", "", "",
			"y", "n", "n", "5", "", "",
			"1", "", ""),
		want: newA(
			Item{Criterion: 1, Level: 4, Figure: fig(19)},
			Item{Criterion: 2, Level: 2},
			Item{Criterion: 3, Level: 5, Checked: []string{"weekly"}},
			Item{Criterion: 4, Level: 1}),
		output: []string{
			"Date of the assessment (Enter = 2026-11-24): ",
			"The figure 19 clients implies level 5.",
			"Note: level 4 differs from level 5, which the figure or checklist implies",
			"1 of 3 checklist elements are in place, which implies level 2.",
		},
	}, {
		name: "bad answers are asked again with what is accepted",
		answers: details + lines(
			"paljon", "-3", "23,7", "7", "kolme", "", "", "",
			"", "2", "", "",
			"ehkä", "e", "e", "e", "", "", "",
			"4", "", ""),
		want: newA(
			Item{Criterion: 1, Level: 4, Figure: fig(23.7)},
			Item{Criterion: 2, Level: 2},
			Item{Criterion: 3, Level: 1, Checked: []string{}},
			Item{Criterion: 4, Level: 4}),
		output: []string{
			`Vastaus "paljon" ei kelpaa. Kelpaavat vastaukset: luku, joka on vähintään 0, esimerkiksi 23,7`,
			`Vastaus "-3" ei kelpaa.`,
			`Vastaus "7" ei kelpaa. Kelpaavat vastaukset: 1–5, Enter = 4; komennot ? o s b q.`,
			// Enter with nothing to take says what to type, not `Vastaus ""`.
			"Tähän tarvitaan vastaus: taso numerona 1–5. Voit myös ohittaa kriteerin (o tai s), palata edelliseen\n  (b), tallentaa",
			`Vastaus "ehkä" ei kelpaa. Kelpaavat vastaukset: k tai e (myös y tai n), Enter = ohita`,
		},
	}, {
		name: "skip with o and s, back with b",
		answers: details + lines(
			"b",      // nothing before criterion 1
			"o",      // 1 skipped at the figure
			"3", "b", // 2: level saved, then back at the note
			"s",         // 1 again: skipped
			"", "", "b", // 2 again: keeps level 3; back at the evidence
			"30", "", "", "", // 1: figure 30 → 3
			"", "ok", "", // 2 again
			"s", // 3 skipped
			"2", "", ""),
		want: newA(
			Item{Criterion: 1, Level: 3, Figure: fig(30)},
			Item{Criterion: 2, Level: 3, Note: "ok"},
			Item{Criterion: 4, Level: 2}),
		output: []string{"Tätä edeltävää kysymystä ei ole.", "Nykyinen vastaus: taso 3"},
	}, {
		name: "going back keeps a level chosen by hand against the figure",
		answers: details + lines(
			"19", "3", "", "", // 1: figure 19 → 5, level 3 by hand
			"b",            // from 2 back to 1
			"", "", "", "", // 1: Enter keeps the figure and the level 3
			"b", "", "", "", "", // and once more
			"q"),
		want:   newA(Item{Criterion: 1, Level: 3, Figure: fig(19)}),
		end:    Quit,
		output: []string{"Nykyinen vastaus: taso 3; luku 19 asiakasta", "Taso 1–5 (Enter = 3): \n"},
	}, {
		name:  "going back keeps a level chosen by hand against the checklist",
		start: newA(Item{Criterion: 1, Level: 4}, Item{Criterion: 2, Level: 2}),
		answers: lines(
			"k", "k", "k", "2", "", "", // 3: 3/3 → 5, level 2 by hand
			"b", "", "", "", "", "", "", // 4 back to 3: every answer kept
			"q"),
		want: newA(Item{Criterion: 1, Level: 4}, Item{Criterion: 2, Level: 2},
			Item{Criterion: 3, Level: 2, Checked: []string{"weekly", "shared", "near"}}),
		end:    Quit,
		output: []string{"Taso 1–5 (Enter = 2): \n"},
	}, {
		name: "the workbook's yes and no words at the checklist",
		answers: details + lines("", "4", "", "", "", "2", "", "",
			"x", "joo", "-", "", "", "",
			"1", "", ""),
		want: newA(Item{Criterion: 1, Level: 4}, Item{Criterion: 2, Level: 2},
			Item{Criterion: 3, Level: 4, Checked: []string{"weekly", "shared"}}, Item{Criterion: 4, Level: 1}),
		output: []string{"Toteutuuko (k/e): joo\n"},
	}, {
		name:    "q in a checklist says its answers were not saved",
		answers: details + lines("", "4", "", "", "", "2", "", "", "k", "e", "q"),
		want:    newA(Item{Criterion: 1, Level: 4}, Item{Criterion: 2, Level: 2}),
		end:     Quit,
		output: []string{"Kriteerin 3 tarkistuslista jäi kesken (2/3 kohtaan vastattu), joten sen vastauksia ei tallennettu:\n" +
			"  tiedosto ei erota kysymättä jäänyttä kohtaa kohdasta, johon vastattiin ei."},
	}, {
		name:  "q in a checklist answered before keeps the earlier list and says so",
		lang:  "en",
		start: newA(Item{Criterion: 1, Level: 4}, Item{Criterion: 3, Checked: []string{"near"}, Note: "n"}),
		answers: lines("2", "", "", // 2
			"y", "q"),
		want: newA(Item{Criterion: 1, Level: 4}, Item{Criterion: 2, Level: 2}, Item{Criterion: 3, Checked: []string{"near"}, Note: "n"}),
		end:  Quit,
		output: []string{"The checklist of criterion 3 was not finished (1 of 3 elements answered), so the new answers were",
			"The file still holds the earlier checklist, with 1 of 3 elements in place."},
	}, {
		name:    "b in a checklist says its answers were not saved",
		answers: details + lines("", "4", "", "", "", "2", "", "", "k", "b", "q"),
		want:    newA(Item{Criterion: 1, Level: 4}, Item{Criterion: 2, Level: 2}),
		end:     Quit,
		output:  []string{"Kriteerin 3 tarkistuslista jäi kesken (1/3 kohtaan vastattu)", "Kriteeri 2/4: Vaiheet"},
	}, {
		name:    "q saves and quits",
		answers: details + lines("", "4", "", "", "5", "q", "ignored"),
		want:    newA(Item{Criterion: 1, Level: 4}, Item{Criterion: 2, Level: 5}),
		end:     Quit,
	}, {
		name:    "end of input in the middle of a checklist",
		answers: details + lines("", "4", "", "", "", "2", "", "", "k", "k"),
		want:    newA(Item{Criterion: 1, Level: 4}, Item{Criterion: 2, Level: 2}),
		end:     EndOfInput,
		output:  []string{"Toteutuuko (k/e): \nKriteerin 3 tarkistuslista jäi kesken (2/3 kohtaan vastattu)"},
	}, {
		name:    "last answer without a newline",
		answers: details + lines("", "4", "") + "muistiinpano",
		want:    newA(Item{Criterion: 1, Level: 4, Evidence: "muistiinpano"}),
		end:     EndOfInput,
	}, {
		name:  "resume at the first criterion without a level; back reaches the answered one",
		start: newA(Item{Criterion: 1, Level: 4, Figure: fig(23.7)}, Item{Criterion: 2, Level: 3, Note: "vanha"}),
		answers: lines(
			"b",         // from 3 back to 2
			"", "-", "", // 2 keeps its level, note cleared
			"", "", // 3: Enter at the first element leaves the checklist; no proposal: re-asked
			"2", "", "",
			"5", "", ""),
		want: newA(Item{Criterion: 1, Level: 4, Figure: fig(23.7)}, Item{Criterion: 2, Level: 3},
			Item{Criterion: 3, Level: 2}, Item{Criterion: 4, Level: 5}),
		output: []string{"Kriteeri 3/4: Tiimi", "Nykyinen vastaus: taso 3; perustelu \"vanha\""},
	}, {
		name:  "resume passes over criteria rated before",
		start: newA(Item{Criterion: 2, Level: 3}, Item{Criterion: 3, Level: 5, Checked: []string{"weekly", "shared", "near"}}),
		answers: lines(
			"", "1", "", "", // 1
			"4", "", ""), // 4
		want: newA(Item{Criterion: 1, Level: 1}, Item{Criterion: 2, Level: 3},
			Item{Criterion: 3, Level: 5, Checked: []string{"weekly", "shared", "near"}}, Item{Criterion: 4, Level: 4}),
	}, {
		name:    "a resumed file without a date asks the details again, keeping what is there",
		start:   &Assessment{Criteria: "mini", Provider: "Kätevä"},
		answers: lines("", "Yksikkö", "-", "1.12.2026", "q"),
		want:    &Assessment{Criteria: "mini", Provider: "Kätevä", Unit: "Yksikkö", Date: date("2026-12-01")},
		end:     Quit,
		output:  []string{"Palveluntuottaja eli organisaatio (Enter = Kätevä): "},
	}, {
		name:    "the service must be named; a bad date is asked again",
		answers: lines("", "", "Kätevä", "", "", "31.2.2026", "b", "", "2026-11-30", "q"),
		want:    &Assessment{Criteria: "mini", CriteriaVersion: "1", Provider: "Kätevä", Date: date("2026-11-30")},
		end:     Quit,
		output: []string{
			"Anna ainakin palveluntuottaja tai yksikkö, jotta arvioinnin voi tallentaa.",
			`Vastaus "31.2.2026" ei kelpaa. Kelpaavat vastaukset: päivämäärä muodossa 24.11.2026 tai 2026-11-24`,
		},
	}, {
		name:  "review walks only the criteria it is given; answers kept as defaults",
		start: newA(Item{Criterion: 1, Level: 5, Figure: fig(23.7), Note: "n"}, Item{Criterion: 2, Level: 2}),
		only:  []int{1, 3},
		answers: lines(
			"", "", "", "", // 1: figure kept, Enter takes the proposal 4 over the given 5
			"b", "", "", "", "", // back to 1, all kept
			"k", "k", "k", "", "", ""),
		want: newA(Item{Criterion: 1, Level: 4, Figure: fig(23.7), Note: "n"}, Item{Criterion: 2, Level: 2},
			Item{Criterion: 3, Level: 5, Checked: []string{"weekly", "shared", "near"}}),
		output: []string{"Luku (Enter = 23,7): ",
			"Aiemmin annettu taso on 5; luku tai tarkistuslista vastaa tasoa 4, joka on nyt ehdotuksena.",
			"Taso 1–5 (Enter = 4): \n"},
	}, {
		name:  "review: a level typed against the proposal is kept on going back",
		start: newA(Item{Criterion: 1, Level: 5, Figure: fig(23.7)}, Item{Criterion: 2, Level: 2}),
		only:  []int{1, 3},
		answers: lines(
			"", "5", "", "", // 1: the given 5 typed again over the proposal 4
			"b", "", "", "", "", // back to 1: Enter keeps 5
			"q"),
		want:   newA(Item{Criterion: 1, Level: 5, Figure: fig(23.7)}, Item{Criterion: 2, Level: 2}),
		end:    Quit,
		output: []string{"Taso 1–5 (Enter = 4): 5\n", "Taso 1–5 (Enter = 5): \n"},
	}, {
		name:    "help shows the criterion's guidance and the commands",
		answers: details + lines("?", "q"),
		want:    newA(),
		end:     Quit,
		output:  []string{"Arviointiohje: Laske asiakkaat per valmentaja.", "Komennot: ? ohje"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lang := tt.lang
			if lang == "" {
				lang = "fi"
			}
			a, end, out, saves := run(t, set, lang, tt.start, tt.only, tt.answers)
			if end != tt.end {
				t.Errorf("ending %v, want %v", end, tt.end)
			}
			if diff := cmp.Diff(tt.want, a, ignorePlaces, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("assessment (-want +got):\n%s\noutput:\n%s", diff, out)
			}
			// Whatever the ending, the last file saved holds every answer.
			var b bytes.Buffer
			if err := WriteYAML(&b, a); err != nil {
				t.Fatal(err)
			}
			if len(saves) == 0 || !bytes.Equal(saves[len(saves)-1], b.Bytes()) {
				t.Errorf("the last save is not the final assessment")
			}
			for _, l := range tt.output {
				if !strings.Contains(out, l) {
					t.Errorf("output lacks %q:\n%s", l, out)
				}
			}
		})
	}
}

// TestInterviewSavesEveryAnswer cuts the whole interview after every answer
// and checks that what was saved holds everything answered up to the cut:
// the saved file is the assessment the interview holds.
func TestInterviewSavesEveryAnswer(t *testing.T) {
	set := miniSet(t)
	all := strings.SplitAfter(details+lines("23,7", "", "note", "ev", "5", "", "", "k", "e", "k", "", "", "", "3", "n", "e"), "\n")
	all = all[:len(all)-1]
	prevSaves := 0
	for cut := 0; cut <= len(all); cut++ {
		a, _, _, saves := run(t, set, "fi", nil, nil, strings.Join(all[:cut], ""))
		if a.Provider == "" && a.Unit == "" {
			if len(saves) != 0 {
				t.Fatalf("cut %d: saved before the service was named", cut)
			}
			continue
		}
		var b bytes.Buffer
		WriteYAML(&b, a)
		if len(saves) == 0 || !bytes.Equal(saves[len(saves)-1], b.Bytes()) {
			t.Fatalf("cut %d: the answers so far are not all saved", cut)
		}
		if len(saves) < prevSaves {
			t.Fatalf("cut %d: fewer saves (%d) than with less input (%d)", cut, len(saves), prevSaves)
		}
		prevSaves = len(saves)
	}
}

// TestInterviewQuitAndResume checks that stopping anywhere and carrying on
// from the saved file ends in the same file as one uninterrupted run.
func TestInterviewQuitAndResume(t *testing.T) {
	set := miniSet(t)
	// Answers per question; each criterion's answers end with its evidence.
	whole := details + lines("23,7", "", "note", "ev", "5", "", "", "k", "e", "k", "", "", "", "3", "n", "e")
	_, end, _, saves := run(t, set, "fi", nil, nil, whole)
	if end != Finished {
		t.Fatalf("uninterrupted run ended with %v", end)
	}
	want := saves[len(saves)-1]
	// Stop after the details and after each criterion, then resume with the
	// rest: the resumed run starts at the first criterion without a level.
	stops := []int{4, 8, 11, 17}
	qs := strings.SplitAfter(whole, "\n")
	for _, stop := range stops {
		_, end, _, saves := run(t, set, "fi", nil, nil, strings.Join(qs[:stop], "")+"q\n")
		if end != Quit {
			t.Fatalf("stop %d: ended with %v", stop, end)
		}
		saved, err := ParseYAML(saves[len(saves)-1], "saved.yaml")
		if err != nil {
			t.Fatal(err)
		}
		_, end, out, saves2 := run(t, set, "fi", saved, nil, strings.Join(qs[stop:], ""))
		if end != Finished {
			t.Fatalf("stop %d: resumed run ended with %v:\n%s", stop, end, out)
		}
		if got := saves2[len(saves2)-1]; !bytes.Equal(got, want) {
			t.Errorf("stop %d: resumed file differs:\n%s\nwant:\n%s", stop, got, want)
		}
	}
}

func TestWalk(t *testing.T) {
	set := miniSet(t)
	a := &Assessment{Date: today, Items: []Item{{Criterion: 1, Level: 3}, {Criterion: 2, Note: "no level"}, {Criterion: 3, Level: 2}}}
	s := &session{iv: &Interview{Set: set}, a: a}
	w := s.walk()
	var got []int
	for i := w.first(); i < len(w.order); i = w.next(i) {
		got = append(got, w.order[i].Number)
	}
	if diff := cmp.Diff([]int{2, 4}, got); diff != "" {
		t.Errorf("forward walk (-want +got):\n%s", diff)
	}
	// Back from 4 to 3 (rated before) and to 2: forward again visits 3.
	w = s.walk()
	i := w.first() // 2
	i = w.next(i)  // 4
	i = i - 2      // back twice: 2
	i = w.next(i)  // 3, behind the furthest point reached
	if w.order[i].Number != 3 {
		t.Errorf("after going back, forward went to %d, want 3", w.order[i].Number)
	}
}

func TestAssessMessages(t *testing.T) {
	c := msg.Builtin()
	for _, key := range c.Keys() {
		if !strings.HasPrefix(key, "assess.") && !strings.Contains(key, "assess") {
			continue
		}
		texts := c.Texts(key)
		if texts["fi"] == "" || texts["en"] == "" {
			t.Errorf("%s: needs both fi and en", key)
		}
		if strings.Count(texts["fi"], "%") != strings.Count(texts["en"], "%") {
			t.Errorf("%s: fi and en take different arguments", key)
		}
	}
}

// TestYesNo: the checklist question takes every word a checklist cell of
// the workbook takes, with the same meaning, and a few more.
func TestYesNo(t *testing.T) {
	type answer struct{ yes, ok bool }
	want := map[string]answer{"joo": {true, true}, "kylla": {true, true}, "JOO": {true, true}, "X": {true, true},
		"": {false, false}, "ehkä": {false, false}, "2": {false, false}, "xx": {false, false}}
	for _, w := range marksYes {
		want[w] = answer{true, true}
	}
	for _, w := range marksNo {
		want[w] = answer{false, true}
	}
	got := map[string]answer{}
	for w := range want {
		yes, ok := yesNo(w)
		got[w] = answer{yes, ok}
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(answer{})); diff != "" {
		t.Errorf("yes/no words (-want +got):\n%s", diff)
	}
}
