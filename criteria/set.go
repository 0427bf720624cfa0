package criteria

import (
	"sort"

	"github.com/laatu-fi/laatu/msg"
)

// The scale's levels. Every criterion of every set is rated 1–5; the number
// of levels is part of the fidelity scale itself, not of a set.
const (
	MinLevel = 1
	MaxLevel = 5
)

// Text is one user-facing text in several languages, keyed by language code
// ("fi", "en", "sv"); a new language is added as data.
type Text map[string]string

// In returns the text in lang, falling back as lang's locale says (see
// msg.Chain: Swedish falls back to Finnish, the other domestic language
// its readers know and the language laatu's texts are written in first,
// then English), then to any language the text has.
func (t Text) In(lang string) string {
	for _, l := range msg.Chain(lang) {
		if s, ok := t[l]; ok && s != "" {
			return s
		}
	}
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if t[k] != "" {
			return t[k]
		}
	}
	return ""
}

// Header opens every criteria set and profile file: what it is, which
// version, in which languages, and where its content comes from.
type Header struct {
	ID      string `yaml:"id"`
	Version string `yaml:"version"`
	Name    Text   `yaml:"name"`
	// Description says what the file is for; Source where its content
	// comes from, in words.
	Description Text     `yaml:"description"`
	Source      Text     `yaml:"source"`
	Languages   []string `yaml:"languages"`
}

// Set is one criteria set: a version of the fidelity scale.
type Set struct {
	Header   `yaml:",inline"`
	Domains  []Domain    `yaml:"domains"`
	Bands    []Band      `yaml:"bands"`
	Criteria []Criterion `yaml:"criteria"`
	// EarlierVersions lists the past versions whose assessments still read,
	// with the criteria that changed since (see EarlierVersion).
	EarlierVersions []EarlierVersion `yaml:"earlier_versions"`

	// Origin is the file the set came from, or "" for a built-in set.
	Origin string `yaml:"-"`

	byNumber map[int]int
}

// Domain groups criteria: staffing, organisation, services.
type Domain struct {
	ID   string `yaml:"id"`
	Name Text   `yaml:"name"`
}

// Band names a range of total scores, e.g. 100–114 "good".
type Band struct {
	ID   string `yaml:"id"`
	Min  int    `yaml:"min"`
	Max  int    `yaml:"max"`
	Name Text   `yaml:"name"`
}

// Criterion is one item of the scale with its five anchors.
type Criterion struct {
	Number  int          `yaml:"number"`
	ID      string       `yaml:"id"`
	Domain  string       `yaml:"domain"`
	Title   Text         `yaml:"title"`
	Ideal   Text         `yaml:"ideal"`
	Help    Text         `yaml:"help"`
	Anchors map[int]Text `yaml:"anchors"`
	// Measure is set when a figure (clients per coach, a share of time…)
	// implies the level.
	Measure *Measure `yaml:"measure"`
	// Checklist is set when the number of elements present implies the level.
	Checklist *Checklist `yaml:"checklist"`
	// Source says where the anchors come from and how they adapt the
	// published scale; nil when the set does not say.
	Source *Provenance `yaml:"source"`
	// Inputs are further answers that raise, cap or set the level the
	// figure implies (how contact tracking is reviewed; the number of
	// current jobs). See rules.go.
	Inputs []Input `yaml:"inputs"`
}

// Anchor returns the written description of level.
func (c *Criterion) Anchor(level int) Text { return c.Anchors[level] }

// Criterion returns the criterion numbered n, or nil.
func (s *Set) Criterion(n int) *Criterion {
	if s.byNumber == nil {
		s.index()
	}
	i, ok := s.byNumber[n]
	if !ok {
		return nil
	}
	return &s.Criteria[i]
}

func (s *Set) index() {
	s.byNumber = make(map[int]int, len(s.Criteria))
	for i, c := range s.Criteria {
		if _, dup := s.byNumber[c.Number]; !dup {
			s.byNumber[c.Number] = i
		}
	}
}

// Numbers lists the criterion numbers in the set's order.
func (s *Set) Numbers() []int {
	ns := make([]int, len(s.Criteria))
	for i, c := range s.Criteria {
		ns[i] = c.Number
	}
	return ns
}

// Domain returns the domain with id, or nil.
func (s *Set) Domain(id string) *Domain {
	for i := range s.Domains {
		if s.Domains[i].ID == id {
			return &s.Domains[i]
		}
	}
	return nil
}

// InDomain lists the criteria of domain id in the set's order.
func (s *Set) InDomain(id string) []*Criterion {
	var cs []*Criterion
	for i := range s.Criteria {
		if s.Criteria[i].Domain == id {
			cs = append(cs, &s.Criteria[i])
		}
	}
	return cs
}

// MaxTotal is the highest possible total: every criterion at level 5.
func (s *Set) MaxTotal() int { return len(s.Criteria) * MaxLevel }

// Band returns the band a complete total falls in, or nil.
func (s *Set) Band(total int) *Band {
	for i := range s.Bands {
		if total >= s.Bands[i].Min && total <= s.Bands[i].Max {
			return &s.Bands[i]
		}
	}
	return nil
}

// Label is "tyokyky 1", the set id with its version, as reports cite it.
func (s *Set) Label() string {
	if s.Version == "" {
		return s.ID
	}
	return s.ID + " " + s.Version
}
