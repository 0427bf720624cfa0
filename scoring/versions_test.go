package scoring

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/form"
)

// A service's history mixes set versions when one assessment was written
// for an earlier version (scored against the current one) and another for
// the current version; the changed criteria are the set's list.
func TestServiceVersions(t *testing.T) {
	set := tyokyky(t)
	mk := func(version string, year int) Result {
		a := &form.Assessment{Criteria: "tyokyky", CriteriaVersion: version, Provider: "P", Unit: "U",
			Date: time.Date(year, 11, 20, 0, 0, 0, 0, time.UTC), Source: version + ".yaml", Items: []form.Item{{Criterion: 1, Level: 3}}}
		return Score(set, a)
	}
	for _, c := range []struct {
		name     string
		versions []string
		earlier  []string
		changed  []int
	}{
		{"same", []string{"2", "2"}, nil, nil},
		{"none stated", []string{"", "2"}, nil, nil},
		{"all earlier", []string{"1", "1"}, nil, nil},
		{"mixed", []string{"1", "2"}, []string{"1.yaml"}, []int{4, 7, 8, 9, 10, 11, 14, 17, 21, 22, 23}},
		{"mixed unstated", []string{"1", ""}, []string{"1.yaml"}, []int{4, 7, 8, 9, 10, 11, 14, 17, 21, 22, 23}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var snaps []Snapshot
			for i, v := range c.versions {
				r := mk(v, 2024+i)
				snaps = append(snaps, r.Snapshot())
			}
			cmpn := Compare(snaps, set, CompareOptions{})
			if len(cmpn.Services) != 1 {
				t.Fatalf("%d services", len(cmpn.Services))
			}
			m := cmpn.Services[0].Versions()
			if c.earlier == nil {
				if m != nil {
					t.Errorf("mix reported: %+v", m)
				}
				return
			}
			if m == nil {
				t.Fatal("no mix reported")
			}
			var files []string
			for _, s := range m.Earlier {
				files = append(files, s.Source)
			}
			if d := cmp.Diff(c.earlier, files); d != "" {
				t.Errorf("earlier (-want +got):\n%s", d)
			}
			if d := cmp.Diff(c.changed, m.Changed); d != "" {
				t.Errorf("changed (-want +got):\n%s", d)
			}
		})
	}
}
