package scoring

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
)

// TestDraftCycle: the outcomes, review, sources and plan the raters give
// alike are kept in the draft; the rest is listed in its notes; a field
// only one rater gives is kept.
func TestDraftCycle(t *testing.T) {
	rs := twoRaters(t)
	anna, pekka := *rs[0].Assessment, *rs[1].Assessment
	due := time.Date(2027, 1, 31, 0, 0, 0, 0, time.UTC)
	start, end := time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC)
	anna.Outcomes = &form.Outcomes{Start: start, End: end, Caseload: ip(40), CompetitiveWork: ip(18), JobStarts: ip(6)}
	pekka.Outcomes = &form.Outcomes{Start: start, End: end, Caseload: ip(40), CompetitiveWork: ip(17)}
	anna.Review = &form.Review{Kind: form.ReviewExternal, Organisation: "THL"}
	pekka.Review = &form.Review{Kind: form.ReviewExternal, Organisation: "THL"}
	agreedAction := form.Action{Criterion: 17, Action: "Kuusi työnantajaa kuussa", Owner: "Tiina", Due: due, Status: form.StatusOpen}
	anna.Plan = []form.Action{agreedAction, {Criterion: 12, Action: "Etuusneuvonta"}}
	pekka.Plan = []form.Action{agreedAction}
	anna.Items = append([]form.Item(nil), anna.Items...)
	anna.Items[0].Sources = []string{"records"}
	pekka.Items = append([]form.Item(nil), pekka.Items...)
	pekka.Items[0].Sources = []string{"records"}
	c := NewConsensus([]Result{Score(rs[0].Set, &anna), Score(rs[1].Set, &pekka)}, 1)
	d := c.Draft("en")

	want := &form.Outcomes{Start: start, End: end, Caseload: ip(40), JobStarts: ip(6)}
	if diff := cmp.Diff(want, d.Outcomes, cmpopts.IgnoreTypes(msg.Place{})); diff != "" {
		t.Errorf("outcomes (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(&form.Review{Kind: form.ReviewExternal, Organisation: "THL"}, d.Review, cmpopts.IgnoreTypes(msg.Place{})); diff != "" {
		t.Errorf("review (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]form.Action{agreedAction}, d.Plan, cmpopts.IgnoreTypes(msg.Place{})); diff != "" {
		t.Errorf("plan (-want +got):\n%s", diff)
	}
	if got := d.Item(1).Sources; !cmp.Equal(got, []string{"records"}) {
		t.Errorf("sources of 1 = %q", got)
	}
	for _, s := range []string{
		"The review-cycle data differ; agree on them together: Of them, in competitive work: Anna Arvioija 18, Pekka Parivirta 17; actions not alike in every plan: Anna Arvioija: 12 – Etuusneuvonta.",
	} {
		if !strings.Contains(d.Notes, s) {
			t.Errorf("notes %q lack %q", d.Notes, s)
		}
	}

	// Without any cycle data the draft is as before.
	pc := NewConsensus(twoRaters(t), 1)
	plain := pc.Draft("en")
	if plain.HasCycle() || strings.Contains(plain.Notes, "review-cycle") {
		t.Errorf("a draft of files without the cycle has one: %+v", plain)
	}
}
