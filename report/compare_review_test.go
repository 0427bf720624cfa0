package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/scoring"
)

// cycleComparison compares the review-cycle sample (testdata/cycle) with
// the sample services.
func cycleComparison(t *testing.T) *scoring.Comparison {
	t.Helper()
	var snaps []scoring.Snapshot
	for _, r := range cycleResults(t) {
		snaps = append(snaps, r.Snapshot())
	}
	snaps = append(snaps, sampleSnapshots(t)...)
	return scoring.Compare(snaps, scoring.MainSet(snaps), scoring.CompareOptions{Order: scoring.ByTotal})
}

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestCompareReviewGolden(t *testing.T) {
	c := cycleComparison(t)
	for _, lang := range []string{"fi", "en"} {
		var buf bytes.Buffer
		if err := CompareText(&buf, c, CompareOptions{Lang: lang, Today: day("2027-04-20")}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		golden(t, "compare/review-"+lang+".golden", []byte(out[strings.LastIndex(out, "\n"+msgHeading(lang)+"\n")+1:]))
	}
}

func msgHeading(lang string) string {
	if lang == "en" {
		return "Review cycle"
	}
	return "Arviointikierros"
}

// The comparison of files without the cycle has no cycle section, and so
// stays as it was.
func TestCompareReviewAbsent(t *testing.T) {
	var buf bytes.Buffer
	if err := CompareText(&buf, sampleComparison(t, scoring.ByTotal), CompareOptions{Lang: "en", Today: day("2026-12-02")}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "Review cycle") {
		t.Error("a comparison of old files has a review-cycle section")
	}
}

func TestReviewsDue(t *testing.T) {
	c := cycleComparison(t)
	names := func(today string) []string {
		var out []string
		for _, d := range ReviewsDue(c, day(today)) {
			st := "due"
			if d.State == scoring.ReviewOverdue {
				st = "overdue"
			}
			out = append(out, d.Service.Unit+" "+d.Next.Format(time.DateOnly)+" "+st)
		}
		return out
	}
	if diff := cmp.Diff([]string(nil), names("2026-10-01")); diff != "" {
		t.Errorf("on 2026-10-01 (-want +got):\n%s", diff)
	}
	// Polku's external review on 20.11.2026 reached 100 points: due a
	// year on; 30 days before it is due, the day after it overdue.
	polku := func(today string) string {
		for _, s := range names(today) {
			if strings.HasPrefix(s, "Työhönvalmennus Polku ") {
				return s
			}
		}
		return ""
	}
	for today, want := range map[string]string{
		"2027-10-20": "",
		"2027-10-21": "Työhönvalmennus Polku 2027-11-20 due",
		"2027-11-20": "Työhönvalmennus Polku 2027-11-20 due",
		"2027-11-21": "Työhönvalmennus Polku 2027-11-20 overdue",
	} {
		if got := polku(today); got != want {
			t.Errorf("on %s: %q, want %q", today, got, want)
		}
	}
}
