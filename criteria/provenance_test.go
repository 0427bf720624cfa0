package criteria

import "testing"

// Every criterion of every built-in set says where its anchors come from:
// a known basis and a note in Finnish and English.
func TestBuiltinProvenance(t *testing.T) {
	for _, id := range BuiltinIDs() {
		s, _ := Builtin(id)
		for _, c := range s.Criteria {
			switch {
			case c.Source == nil:
				t.Errorf("%s criterion %d: no source", id, c.Number)
			case !c.Source.Valid():
				t.Errorf("%s criterion %d: source basis %q is not one of %v", id, c.Number, c.Source.Basis, Bases())
			default:
				for _, l := range []string{"fi", "en"} {
					if c.Source.Note[l] == "" {
						t.Errorf("%s criterion %d: no %s source note", id, c.Number, l)
					}
				}
			}
		}
	}
}

func TestProvenanceValid(t *testing.T) {
	for _, tc := range []struct {
		p    *Provenance
		want bool
	}{
		{nil, false},
		{&Provenance{}, false},
		{&Provenance{Basis: "IPS25"}, false},
		{&Provenance{Basis: "other"}, false},
		{&Provenance{Basis: BasisIPS25}, true},
		{&Provenance{Basis: BasisTHL}, true},
		{&Provenance{Basis: BasisSeed}, true},
		{&Provenance{Basis: BasisLaatu}, true},
	} {
		if got := tc.p.Valid(); got != tc.want {
			t.Errorf("%+v.Valid() = %v, want %v", tc.p, got, tc.want)
		}
	}
}
