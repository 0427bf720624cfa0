package criteria

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestBuiltinCycle(t *testing.T) {
	c := BuiltinCycle()
	if diff := cmp.Diff(ReviewRule{GoodFidelity: 100, BelowMonths: 6, AtOrAboveMonths: 12, DueSoonDays: 30}, c.Review); diff != "" {
		t.Errorf("review rule (-want +got):\n%s", diff)
	}
	var got []string
	for _, l := range c.EmploymentRate.Levels {
		got = append(got, l.ID)
	}
	if diff := cmp.Diff([]string{"exemplary", "good", "minimal"}, got); diff != "" {
		t.Errorf("benchmarks (-want +got):\n%s", diff)
	}
	if !strings.Contains(c.EmploymentRate.URL, "ipsworks.org") {
		t.Errorf("the benchmarks cite %q, not the IPS Employment Center", c.EmploymentRate.URL)
	}
}

func TestRateReached(t *testing.T) {
	b := &BuiltinCycle().EmploymentRate
	for _, tc := range []struct {
		pct  float64
		want string
	}{{0, ""}, {30.9, ""}, {31, "minimal"}, {40.99, "minimal"}, {41, "good"}, {49.9, "good"}, {50, "exemplary"}, {100, "exemplary"}} {
		got := ""
		if l := b.Reached(tc.pct); l != nil {
			got = l.ID
		}
		if got != tc.want {
			t.Errorf("Reached(%v) = %q, want %q", tc.pct, got, tc.want)
		}
	}
}

func TestParseCycleErrors(t *testing.T) {
	for _, tc := range []struct{ name, yaml, want string }{
		{"zero months", "review: {good_fidelity: 100, below_months: 0, at_or_above_months: 12}\nemployment_rate: {publisher: X, source: {fi: a, en: b}, levels: [{id: good, min: 41, name: {fi: hyvä, en: good}}]}\n",
			"x.yaml:1: below_months must be whole months above 0"},
		{"unknown key", "review: {good_fidelity: 100, below_months: 6, at_or_above_months: 12, weeks: 2}\n", "weeks"},
		{"order", "review: {good_fidelity: 100, below_months: 6, at_or_above_months: 12}\nemployment_rate:\n  publisher: X\n  source: {fi: a, en: b}\n  levels:\n    - {id: good, min: 41, name: {fi: hyvä, en: good}}\n    - {id: top, min: 50, name: {fi: x, en: y}}\n",
			"x.yaml:7: benchmarks go from the highest minimum to the lowest"},
		{"share", "review: {good_fidelity: 100, below_months: 6, at_or_above_months: 12}\nemployment_rate:\n  publisher: X\n  source: {fi: a, en: b}\n  levels:\n    - {id: good, min: 141, name: {fi: hyvä, en: good}}\n",
			"x.yaml:6: min 141 is not a share 0–100"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseCycle([]byte(tc.yaml), "x.yaml")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one with %q", err, tc.want)
			}
		})
	}
}

func TestDataSources(t *testing.T) {
	for _, id := range []string{"records", "documents", "interviews", "observation"} {
		if DataSourceByID(id) == nil {
			t.Errorf("data source %s missing", id)
		}
	}
	if DataSourceByID("gossip") != nil {
		t.Error("unknown data source found")
	}
}
