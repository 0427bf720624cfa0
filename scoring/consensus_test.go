package scoring

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
)

// twoRaters is a small review: criteria 1–6 and 12 answered as below,
// everything else left open by both.
func twoRaters(t *testing.T) []Result {
	set := tyokyky(t)
	anna := &form.Assessment{
		Criteria: "tyokyky", Provider: "Jyväskylän kaupunki", Unit: "Työvalmennuspalvelu Kätevä",
		Date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC), Raters: []string{"Anna Arvioija"},
		Source: "raters/anna.yaml",
		Items: []form.Item{
			// Agreed level, same figure, different reasons.
			{Criterion: 1, Level: 4, Figure: f64(23.7), Note: "83 asiakasta", Evidence: "rekisteri 10/2026"},
			// Disputed: 4 against 3.
			{Criterion: 2, Level: 4, Figure: f64(92), Note: "92 % työajasta"},
			// Agreed, one reason only.
			{Criterion: 3, Level: 5, Note: "kaikki viisi vaihetta"},
			// Anna's level 2 is within a tolerance of 2 of Pekka's 3.
			{Criterion: 4, Level: 2, Note: "alle puolet tiimin kautta"},
			// The same checklist, no level: both imply 3.
			{Criterion: 5, Checked: []string{"weekly-team-meeting", "shared-decisions", "shared-record"}},
			// Only Anna rated it.
			{Criterion: 12, Level: 4, Note: "Kelan neuvonta"},
			// Nobody rated it, but Anna left a note.
			{Criterion: 7, Note: "ei tietoa"},
		},
	}
	pekka := &form.Assessment{
		Criteria: "tyokyky", Provider: "Jyväskylän kaupunki", Unit: "Työvalmennuspalvelu Kätevä",
		Date: time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC), Raters: []string{"Pekka Parivirta"},
		Source: "raters/pekka.yaml",
		Items: []form.Item{
			{Criterion: 1, Level: 4, Figure: f64(23.7), Note: "3,5 valmentajaa", Evidence: "rekisteri 10/2026"},
			{Criterion: 2, Level: 3, Figure: f64(92), Note: "osa ajasta\n työtoimintaa"},
			{Criterion: 3, Level: 5},
			{Criterion: 4, Level: 3},
			{Criterion: 5, Checked: []string{"shared-record", "weekly-team-meeting", "shared-decisions"}},
			{Criterion: 12, Note: "en osaa sanoa"},
		},
	}
	return []Result{Score(set, anna), Score(set, pekka)}
}

func TestNewConsensus(t *testing.T) {
	type row struct {
		N      int
		Status AgreementStatus
		Spread int
		Level  int
	}
	for _, tc := range []struct {
		tolerance int
		want      []row
		discuss   []int
	}{
		{1, []row{
			{1, StatusAgreed, 0, 4}, {2, StatusDiscuss, 1, 0}, {3, StatusAgreed, 0, 5},
			{4, StatusDiscuss, 1, 0}, {5, StatusAgreed, 0, 3}, {7, StatusUnrated, 0, 0}, {12, StatusPartial, 0, 0},
		}, []int{2, 4, 12}},
		{2, []row{
			{1, StatusAgreed, 0, 4}, {2, StatusWithinTolerance, 1, 3}, {3, StatusAgreed, 0, 5},
			{4, StatusWithinTolerance, 1, 2}, {5, StatusAgreed, 0, 3}, {7, StatusUnrated, 0, 0}, {12, StatusPartial, 0, 0},
		}, []int{12}},
	} {
		c := NewConsensus(twoRaters(t), tc.tolerance)
		var got []row
		for _, it := range c.Items {
			if it.Number() <= 7 || it.Number() == 12 {
				if it.Number() == 6 {
					continue
				}
				got = append(got, row{it.Number(), it.Status, it.Spread, it.Level})
			}
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("tolerance %d: items (-want +got):\n%s", tc.tolerance, diff)
		}
		var discuss []int
		for _, it := range c.Discuss() {
			discuss = append(discuss, it.Number())
		}
		if diff := cmp.Diff(tc.discuss, discuss); diff != "" {
			t.Errorf("tolerance %d: to discuss (-want +got):\n%s", tc.tolerance, diff)
		}
		// Criteria 1–5 are rated by both: 1, 3, 5 agree, 2 and 4 differ by one.
		wantAgreement := Agreement{Raters: 2, Criteria: 25, N: 5, ExactCount: 3, WithinOneCount: 5}
		gotAgreement := c.Agreement
		gotAgreement.Kappa = Kappa{}
		if diff := cmp.Diff(wantAgreement, gotAgreement); diff != "" {
			t.Errorf("agreement (-want +got):\n%s", diff)
		}
		if !c.DatesDiffer() {
			t.Error("DatesDiffer() = false for 20.11. and 24.11.")
		}
		if got := []string{c.Raters[0].Label, c.Raters[1].Label}; !cmp.Equal(got, []string{"Anna Arvioija", "Pekka Parivirta"}) {
			t.Errorf("labels = %q", got)
		}
	}
}

func TestDraft(t *testing.T) {
	c := NewConsensus(twoRaters(t), 1)
	got := c.Draft("fi")
	want := &form.Assessment{
		Criteria: "tyokyky", CriteriaVersion: "2",
		Provider: "Jyväskylän kaupunki", Unit: "Työvalmennuspalvelu Kätevä",
		Date:   time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC),
		Raters: []string{"Anna Arvioija", "Pekka Parivirta"},
		Notes: "Konsensus 2 arvioijan erillisistä arvioinneista: Anna Arvioija (anna.yaml, 20.11.2026); " +
			"Pekka Parivirta (pekka.yaml, 24.11.2026). Arviointipäivät eroavat; päiväksi on kirjattu myöhäisin.",
		Items: []form.Item{
			{Criterion: 1, Level: 4, Figure: f64(23.7),
				Note: "Anna Arvioija: 83 asiakasta; Pekka Parivirta: 3,5 valmentajaa", Evidence: "rekisteri 10/2026"},
			// Disputed: no level, no figure (it would imply a level).
			{Criterion: 2, Note: "Anna Arvioija: 4 (luku 92) – 92 % työajasta; Pekka Parivirta: 3 (luku 92) – osa ajasta työtoimintaa"},
			{Criterion: 3, Level: 5, Note: "kaikki viisi vaihetta"},
			{Criterion: 4, Note: "Anna Arvioija: 2 – alle puolet tiimin kautta; Pekka Parivirta: 3"},
			{Criterion: 5, Level: 3, Checked: []string{"weekly-team-meeting", "shared-decisions", "shared-record"}},
			{Criterion: 7, Note: "Anna Arvioija: ei tasoa – ei tietoa; Pekka Parivirta: ei tasoa"},
			{Criterion: 12, Note: "Anna Arvioija: 4 – Kelan neuvonta; Pekka Parivirta: ei tasoa – en osaa sanoa"},
		},
	}
	if diff := cmp.Diff(want, got, cmpopts.IgnoreTypes(msg.Place{})); diff != "" {
		t.Errorf("Draft (-want +got):\n%s", diff)
	}

	// Scoring the draft must not settle the disputed criteria by itself.
	r := Score(c.Set, got)
	for _, n := range []int{2, 4, 12} {
		if l := r.Items[n-1].Level; l != 0 {
			t.Errorf("criterion %d to discuss scores as level %d in the draft", n, l)
		}
	}
}

func TestDraftWithinTolerance(t *testing.T) {
	c := NewConsensus(twoRaters(t), 2)
	d := c.Draft("en")
	it := d.Item(4)
	want := form.Item{Criterion: 4, Level: 2,
		Note: "Anna Arvioija: 2 – alle puolet tiimin kautta; Pekka Parivirta: 3; the lower level 2 is recorded as the difference is within the tolerance"}
	if diff := cmp.Diff(want, *it, cmpopts.IgnoreTypes(msg.Place{})); diff != "" {
		t.Errorf("criterion 4 (-want +got):\n%s", diff)
	}
	// Within the tolerance the agreed figure is carried over, and the level
	// recorded (3) is given, so the figure does not override it.
	it2 := d.Item(2)
	if it2.Level != 3 || it2.Figure == nil || *it2.Figure != 92 {
		t.Errorf("criterion 2 = level %d, figure %v; want 3 and 92", it2.Level, it2.Figure)
	}
}

func TestCheckSameService(t *testing.T) {
	rs := twoRaters(t)
	if ps := CheckSameService(rs); len(ps) != 0 {
		t.Fatalf("same service reported: %v", ps)
	}
	other := *rs[1].Assessment
	other.Unit = "Stadin työvalmennus"
	ips, _ := criteria.Builtin("ips")
	bad := []Result{rs[0], Score(rs[1].Set, &other), {Set: ips, Assessment: rs[1].Assessment}}
	var got []string
	for _, p := range CheckSameService(bad) {
		got = append(got, p.Place.File+": "+p.Key)
	}
	want := []string{"raters/pekka.yaml: consensus.other-service", "raters/pekka.yaml: consensus.other-set"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func TestRaterLabels(t *testing.T) {
	mk := func(src string, raters ...string) Result {
		return Result{Assessment: &form.Assessment{Source: src, Raters: raters}}
	}
	got := raterLabels([]Result{mk("a/anna.yaml", "Anna"), mk("b/anna2.yaml", "Anna"), mk("c/nimeton.yaml"), mk("d/x.yaml", "Pekka", "Sari")})
	want := []string{"Anna (anna.yaml)", "Anna (anna2.yaml)", "nimeton.yaml", "Pekka, Sari"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("labels (-want +got):\n%s", diff)
	}
}
