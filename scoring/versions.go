package scoring

import (
	"slices"
)

// VersionMix says that a service's history mixes assessments written for
// different versions of its criteria set: the ones written for an earlier
// version were scored against the current one (criteria/versions.go), and
// the criteria that changed between the versions may read differently, so
// their trend compares levels that need not mean the same.
type VersionMix struct {
	// Earlier are the assessments written for an earlier version, in date
	// order; Current those written for the current version (or stating
	// none).
	Earlier []*Snapshot
	Current []*Snapshot
	// Changed are the criteria that changed since any of those versions,
	// in number order: the set lists changes since each earlier version,
	// and a criterion changed since one of them may read differently.
	Changed []int
}

// Versions reports whether the service's history mixes set versions; nil
// when every assessment was written for the same version.
func (s *Service) Versions() *VersionMix {
	var m VersionMix
	versions := map[string]bool{}
	for i := range s.History {
		sn := &s.History[i]
		if sn.Earlier == nil {
			m.Current = append(m.Current, sn)
			versions[""] = true
			continue
		}
		m.Earlier = append(m.Earlier, sn)
		versions[sn.Earlier.Version] = true
		for _, n := range sn.Earlier.Changed {
			if !slices.Contains(m.Changed, n) {
				m.Changed = append(m.Changed, n)
			}
		}
	}
	if len(versions) < 2 {
		return nil
	}
	slices.Sort(m.Changed)
	return &m
}

// EarlierVersion is the version the snapshot's file was written for when
// that is an earlier one, else "".
func (s *Snapshot) EarlierVersion() string {
	if s.Earlier == nil {
		return ""
	}
	return s.Earlier.Version
}
