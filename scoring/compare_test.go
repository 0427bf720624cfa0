package scoring

import (
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
)

func builtin(t testing.TB, id string) *criteria.Set {
	t.Helper()
	s, ok := criteria.Builtin(id)
	if !ok {
		t.Fatalf("no built-in set %s", id)
	}
	return s
}

// snap scores an assessment whose every criterion has level, except those
// listed in missing, and whose criteria listed in over get that level.
func snap(set *criteria.Set, provider, unit, date string, level int, over map[int]int, missing ...int) Snapshot {
	a := &form.Assessment{Criteria: set.ID, Provider: provider, Unit: unit, Source: unit + "-" + date + ".yaml"}
	if date != "" {
		a.Date, _ = time.Parse(time.DateOnly, date)
	}
	skip := map[int]bool{}
	for _, n := range missing {
		skip[n] = true
	}
	for _, c := range set.Criteria {
		if skip[c.Number] {
			continue
		}
		l := level
		if v, ok := over[c.Number]; ok {
			l = v
		}
		a.Items = append(a.Items, form.Item{Criterion: c.Number, Level: l})
	}
	r := Score(set, a)
	return r.Snapshot()
}

func TestCompareOrderAndRank(t *testing.T) {
	set := builtin(t, "tyokyky")
	snaps := []Snapshot{
		snap(set, "P", "Zeta", "2026-01-01", 4, nil),               // 100
		snap(set, "P", "Åbo", "2026-01-01", 4, nil),                // 100
		snap(set, "P", "Ärrä", "2026-01-01", 5, nil, 1),            // incomplete
		snap(set, "P", "Alfa", "2026-01-01", 3, nil),               // 75
		snap(set, "P", "Öljy", "2026-01-01", 4, map[int]int{1: 5}), // 101
		snap(set, "P", "Beta", "", 2, nil, 3, 4),                   // incomplete, undated
		snap(set, "P", "Alfa", "2025-06-01", 2, map[int]int{2: 5}), // earlier Alfa
	}
	names := func(c *Comparison) (out []string) {
		for _, s := range c.Services {
			out = append(out, s.Unit)
		}
		return out
	}
	ranks := func(c *Comparison) (out []int) {
		for _, s := range c.Services {
			out = append(out, s.Rank)
		}
		return out
	}
	c := Compare(snaps, set, CompareOptions{Order: ByTotal})
	if diff := cmp.Diff([]string{"Öljy", "Zeta", "Åbo", "Alfa", "Beta", "Ärrä"}, names(c)); diff != "" {
		t.Errorf("by total (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int{1, 2, 2, 4, 0, 0}, ranks(c)); diff != "" {
		t.Errorf("ranks (-want +got):\n%s", diff)
	}
	c = Compare(snaps, set, CompareOptions{Order: ByName})
	if diff := cmp.Diff([]string{"Alfa", "Beta", "Zeta", "Åbo", "Ärrä", "Öljy"}, names(c)); diff != "" {
		t.Errorf("by name, å ä ö after z (-want +got):\n%s", diff)
	}
	if c.Assessments != 7 {
		t.Errorf("Assessments = %d, want 7", c.Assessments)
	}
	alfa := c.Services[0]
	if len(alfa.History) != 2 || alfa.History[0].DateISO() != "2025-06-01" {
		t.Fatalf("Alfa's history is not in date order: %+v", alfa.History)
	}
	// 2 → 3 on every criterion but 2, which went 5 → 3.
	if alfa.Change == nil || alfa.Change.Total != (Delta{75 - 53, true}) {
		t.Errorf("Alfa total change = %+v, want +22", alfa.Change)
	}
	if got := alfa.Change.Criteria[1]; got != (Delta{-2, true}) {
		t.Errorf("criterion 2 change = %+v, want -2", got)
	}
	if got := alfa.Change.Domains[0]; got != (Delta{3 + 3 + 3 - (2 + 5 + 2), true}) {
		t.Errorf("staffing change = %+v", got)
	}
}

func TestCompareChangeNotComparable(t *testing.T) {
	set := builtin(t, "tyokyky")
	c := Compare([]Snapshot{
		snap(set, "P", "U", "2026-01-01", 3, nil),
		snap(set, "P", "U", "2026-06-01", 4, nil, 2),
	}, set, CompareOptions{})
	ch := c.Services[0].Change
	if ch.Total.OK {
		t.Errorf("a change to an incomplete total must not be comparable: %+v", ch.Total)
	}
	if ch.Domains[0].OK || !ch.Domains[1].OK || ch.Domains[1].Value != 8 {
		t.Errorf("domain changes = %+v; want staffing not comparable, organisation +8", ch.Domains)
	}
	if ch.Criteria[1].OK || !ch.Criteria[0].OK {
		t.Errorf("criterion changes: missing 2 must not be comparable: %+v", ch.Criteria[:2])
	}
	if c.Services[0].Rank != 0 {
		t.Errorf("incomplete latest ranked %d", c.Services[0].Rank)
	}
}

func TestCompareStatsAndRecommendations(t *testing.T) {
	set := builtin(t, "tyokyky")
	c := Compare([]Snapshot{
		snap(set, "P", "A", "2026-01-01", 5, map[int]int{1: 1, 7: 3}),
		snap(set, "P", "B", "2026-01-01", 5, map[int]int{1: 2, 7: 2}),
		snap(set, "P", "C", "2026-01-01", 5, map[int]int{1: 4}, 7),
		snap(set, "P", "D", "2026-01-01", 5, map[int]int{1: 4}, 7),
		// An older assessment of A does not count in the statistics.
		snap(set, "P", "A", "2025-01-01", 1, nil),
	}, set, CompareOptions{Weakest: 2})
	st := c.Criteria[0]
	if st.Rated != 4 || st.Mean != 2.75 || st.Median != 3 || st.Below != 2 {
		t.Errorf("criterion 1 stats = %+v; want rated 4, mean 2.75, median 3, below 2", st)
	}
	st = c.Criteria[6]
	if st.Rated != 2 || st.Mean != 2.5 || st.Median != 2.5 {
		t.Errorf("criterion 7 stats = %+v; want rated 2, mean 2.5, median 2.5", st)
	}
	var weak []int
	for _, w := range c.Weakest {
		weak = append(weak, w.Criterion.Number)
	}
	if diff := cmp.Diff([]int{7, 1}, weak); diff != "" {
		t.Errorf("weakest (-want +got):\n%s", diff)
	}
	var a *Service
	for i := range c.Services {
		if c.Services[i].Unit == "A" {
			a = &c.Services[i]
		}
	}
	var recs [][2]int
	for _, r := range a.Recommendations {
		recs = append(recs, [2]int{r.Criterion.Number, r.Level})
	}
	if diff := cmp.Diff([][2]int{{1, 1}, {7, 3}}, recs); diff != "" {
		t.Errorf("A's recommendations (-want +got):\n%s", diff)
	}
}

func TestCompareLeftOutAndMainSet(t *testing.T) {
	ty, ips := builtin(t, "tyokyky"), builtin(t, "ips")
	snaps := []Snapshot{
		snap(ips, "P", "I1", "2026-01-01", 3, nil),
		snap(ty, "P", "T1", "2026-01-01", 3, nil),
	}
	if got := MainSet(snaps); got != ty {
		t.Errorf("MainSet on a tie = %s, want the default set", got.ID)
	}
	snaps = append(snaps, snap(ips, "P", "I2", "2026-01-01", 3, nil))
	if got := MainSet(snaps); got != ips {
		t.Errorf("MainSet = %s, want ips (2 of 3)", got.ID)
	}
	c := Compare(snaps, ty, CompareOptions{})
	if len(c.Services) != 1 || len(c.LeftOut) != 2 || c.LeftOut[0].Unit != "I1" {
		t.Errorf("services %d, left out %+v", len(c.Services), c.LeftOut)
	}
}

func TestSnapshotKeepsLevels(t *testing.T) {
	set := builtin(t, "tyokyky")
	s := snap(set, "P", "U", "2026-01-01", 4, map[int]int{2: 2}, 5)
	if s.Level(1) != 2 || s.Level(4) != 0 || s.Rated != 24 || s.Complete {
		t.Errorf("snapshot = %+v", s)
	}
	if diff := cmp.Diff([]int{5}, s.Missing()); diff != "" {
		t.Errorf("missing (-want +got):\n%s", diff)
	}
}

// TestSnapshotKeepsNoFileText: the texts a snapshot keeps are copies, not
// parts of the file's text that a reader's strings may share (a CSV
// reader's values are slices of the file), so that a thousand snapshots
// do not keep a thousand files.
func TestSnapshotKeepsNoFileText(t *testing.T) {
	set := builtin(t, "tyokyky")
	file := "Palveluntuottaja;Kaupunki\nYksikkö;Valmennus\nversio;2\nteko;kirjaa;Liisa;kesken"
	part := func(s string) string { i := strings.Index(file, s); return file[i : i+len(s)] }
	a := &form.Assessment{
		Criteria: set.ID, CriteriaVersion: part("2"), Provider: part("Kaupunki"), Unit: part("Valmennus"), Source: "arvio.csv",
		Review: &form.Review{Kind: form.ReviewSelf},
		Plan:   []form.Action{{Criterion: 3, Action: part("kirjaa"), Owner: part("Liisa"), Status: part("kesken"), Place: msg.Place{File: "arvio.csv", Cell: part("teko")}}},
	}
	r := Score(set, a)
	s := r.Snapshot()
	start, end := uintptr(unsafe.Pointer(unsafe.StringData(file))), uintptr(unsafe.Pointer(unsafe.StringData(file)))+uintptr(len(file))
	kept := map[string]string{"provider": s.Provider, "unit": s.Unit, "version": s.Version,
		"action": s.Cycle.Plan[0].Action, "owner": s.Cycle.Plan[0].Owner, "status": s.Cycle.Plan[0].Status, "cell": s.Cycle.Plan[0].Place.Cell}
	for name, v := range kept {
		if p := uintptr(unsafe.Pointer(unsafe.StringData(v))); p >= start && p < end {
			t.Errorf("the snapshot's %s %q is part of the file's text", name, v)
		}
	}
	if s.Provider != "Kaupunki" || s.Cycle.Plan[0].Owner != "Liisa" {
		t.Errorf("snapshot = %+v, plan %+v", s, s.Cycle.Plan)
	}
}
