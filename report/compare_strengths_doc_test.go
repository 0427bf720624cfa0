package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/scoring"
)

func TestStrengthsShort(t *testing.T) {
	set, _ := criteria.Builtin("tyokyky")
	c := func(n int) *criteria.Criterion { return set.Criterion(n) }
	for _, tc := range []struct {
		name string
		ss   []scoring.Strength
		want string
	}{
		{"none", nil, ""},
		{"top", []scoring.Strength{{Criterion: c(3), Level: 5}}, "3"},
		{"rose to the top", []scoring.Strength{{Criterion: c(3), Level: 5, From: 4}}, "3↑"},
		{"rose below the top", []scoring.Strength{{Criterion: c(12), Level: 4, From: 2}}, "12↑"},
		{"the highest given", []scoring.Strength{{Criterion: c(17), Level: 4, Highest: true}, {Criterion: c(20), Level: 4, Highest: true}}, "17\u00a0(4), 20\u00a0(4)"},
	} {
		if got := strengthsShort(tc.ss); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// A service without a dated assessment has no next review, is not listed
// as due whatever the day, and the section says so; the others are in the
// table in the summary's order.
func TestNextReviewUndated(t *testing.T) {
	snaps := sampleSnapshots(t)
	for i := range snaps {
		if snaps[i].Unit == "Työkykyisempi Stadi" {
			snaps[i].Date = time.Time{}
		}
	}
	c := scoring.Compare(snaps, scoring.MainSet(snaps), scoring.CompareOptions{Order: scoring.ByTotal})
	today := day("2030-01-01")
	var due []string
	for _, d := range ReviewsDue(c, today) {
		due = append(due, d.Service.Unit)
	}
	want := []string{"Lempäälän vammaispalvelujen työhönvalmennus", "Vammaispalvelujen työhönvalmennus", "Työvalmennuspalvelu Kätevä"}
	if diff := cmp.Diff(want, due); diff != "" {
		t.Errorf("due on %s (-want +got):\n%s", today.Format(time.DateOnly), diff)
	}
	var buf bytes.Buffer
	if err := CompareMarkdown(&buf, c, CompareOptions{Lang: "en", Today: today}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, s := range []string{
		"| Työkykyisempi Stadi | Helsingin kaupunki | undated | – | – | not counted | – | 1, 2, 3, 7, 9, 13, 15, 16, 20 |",
		"Without a dated assessment (no next review is counted, and the service is not shown as overdue): Työkykyisempi Stadi (Helsingin kaupunki).",
	} {
		if !strings.Contains(out, s) {
			t.Errorf("the comparison lacks %q:\n%s", s, out[strings.Index(out, "## Next review"):])
		}
	}
	if strings.Contains(out, "- Työkykyisempi Stadi (Helsingin kaupunki): ") {
		t.Error("the undated service is listed as due")
	}
}
