package criteria

import "strconv"

// EarlierVersion is a past version of a set that assessments may still be
// written for. A set's version changes when an anchor or rule changes what
// a level means; the criteria it lists under Changed are the ones whose
// levels may read differently now, and every other criterion kept its
// meaning, so an old assessment is scored with the current set and its
// report names the changed criteria for the reader to check. A version not
// listed is refused: its levels are not comparable.
type EarlierVersion struct {
	Version string `yaml:"version"`
	// Changed lists the criteria whose anchors or rules changed since.
	Changed []int `yaml:"changed"`
	// Note says in words what changed, for the report.
	Note Text `yaml:"note"`
}

// Earlier returns the earlier version v of the set, or nil when v is the
// current version or one the set does not list.
func (s *Set) Earlier(v string) *EarlierVersion {
	for i := range s.EarlierVersions {
		if s.EarlierVersions[i].Version == v {
			return &s.EarlierVersions[i]
		}
	}
	return nil
}

// earlierVersions checks the set's list of earlier versions: each names a
// version other than the current one, once, with criteria the set has.
func (v *validator) earlierVersions() {
	seen := map[string]bool{}
	for i, e := range v.set.EarlierVersions {
		place := v.doc.Place("earlier_versions", i)
		switch {
		case e.Version == "":
			v.add(place, 0, "criteria.missing", "version")
		case e.Version == v.set.Version:
			v.add(place, 0, "criteria.earlier-is-current", e.Version)
		case seen[e.Version]:
			v.add(place, 0, "criteria.earlier-twice", e.Version)
		}
		seen[e.Version] = true
		for j, n := range e.Changed {
			if !v.hasCriterion(n) {
				v.add(v.doc.Place("earlier_versions", i, "changed", j), 0, "criteria.earlier-unknown", strconv.Itoa(n))
			}
		}
		v.text(v.doc.KeyPlace("earlier_versions", i, "note"), 0, "note", e.Note, false)
	}
}

func (v *validator) hasCriterion(n int) bool {
	for _, c := range v.set.Criteria {
		if c.Number == n {
			return true
		}
	}
	return false
}
