package criteria

// Provenance records where a criterion's anchors come from: the published
// IPS-25 text, THL's Finnish text, the Finnish seed documents, or laatu's
// own adaptation, with a short note of where and why the criterion departs
// from the published scale. It is documentation for users and reviewers;
// scoring never reads it.
type Provenance struct {
	Basis string `yaml:"basis"`
	Note  Text   `yaml:"note"`
}

// The allowed values of Provenance.Basis.
const (
	// BasisIPS25: the published IPS-25 Supported Employment Fidelity Scale
	// (IPS Employment Center 2008; Fidelity Review Manual, 4th ed. 2019).
	BasisIPS25 = "ips25"
	// BasisTHL: THL's Finnish text (the IPS-työhönvalmennuksen laatukriteerit
	// or the Työkykyohjelma's laatukriteereihin perustuva työhönvalmennus).
	BasisTHL = "thl"
	// BasisSeed: the Finnish regional documents the project was built from,
	// e.g. Siun sote's 2022 summary.
	BasisSeed = "seed"
	// BasisLaatu: laatu's own adaptation where no source gives the text.
	BasisLaatu = "laatu"
)

// Bases lists the allowed values of Provenance.Basis.
func Bases() []string { return []string{BasisIPS25, BasisTHL, BasisSeed, BasisLaatu} }

// Valid reports whether the basis is one of Bases.
func (p *Provenance) Valid() bool {
	if p == nil {
		return false
	}
	for _, b := range Bases() {
		if p.Basis == b {
			return true
		}
	}
	return false
}
