package criteria

import (
	"bytes"
	"embed"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/laatu-fi/laatu/internal/yamlfile"
	"github.com/laatu-fi/laatu/msg"
)

// DefaultProfileID is the profile `laatu check` uses when none is named:
// the only built-in one, the Siun sote key criteria for TE-service job
// coaching.
const DefaultProfileID = "te-tyohonvalmennus"

// MaxProfileSize bounds a profile file; a profile of 25 requirements with
// notes in two languages is a few kilobytes.
const MaxProfileSize = 1 << 20

//go:embed profiles/*.yaml
var builtinProfileFiles embed.FS

var (
	profilesOnce    sync.Once
	builtinProfiles map[string]*Profile
	profilesErr     error
)

func loadBuiltinProfiles() {
	builtinProfiles = map[string]*Profile{}
	entries, err := builtinProfileFiles.ReadDir("profiles")
	if err != nil {
		profilesErr = err
		return
	}
	for _, e := range entries {
		name := path.Join("profiles", e.Name())
		b, err := builtinProfileFiles.ReadFile(name)
		if err != nil {
			profilesErr = err
			return
		}
		p, err := ParseProfile(b, name)
		if err != nil {
			profilesErr = fmt.Errorf("built-in profile %s: %w", e.Name(), err)
			return
		}
		p.Origin = ""
		builtinProfiles[p.ID] = p
	}
}

// BuiltinProfileIDs lists the ids of the built-in profiles, sorted.
func BuiltinProfileIDs() []string {
	profilesOnce.Do(loadBuiltinProfiles)
	ids := make([]string, 0, len(builtinProfiles))
	for id := range builtinProfiles {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// BuiltinProfile returns the built-in profile with id. Profiles are shared
// and must not be changed by callers.
func BuiltinProfile(id string) (*Profile, bool) {
	profilesOnce.Do(loadBuiltinProfiles)
	if profilesErr != nil {
		// The built-in profiles are tested; a broken one is a build defect.
		panic(profilesErr)
	}
	p, ok := builtinProfiles[id]
	return p, ok
}

// UnknownProfileError says that name is neither a built-in profile nor a
// file.
func UnknownProfileError(name string) error {
	return msg.Errorf("check.profile.unknown", name, strings.Join(BuiltinProfileIDs(), ", "))
}

// LoadProfile reads and validates a profile from r; file names it in
// problems. The error, when not nil, is msg.Problems listing every fault.
// Whether the profile fits its criteria set is checked apart, by
// Profile.Check, once the set is known.
func LoadProfile(r io.Reader, file string) (*Profile, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxProfileSize+1))
	if err != nil {
		return nil, msg.Problems{{Place: msg.Place{File: file}, Message: msg.M("file.read", err)}}
	}
	if len(b) > MaxProfileSize {
		return nil, msg.Problems{{Place: msg.Place{File: file}, Message: msg.M("harden.yaml-too-large", formatMiB(MaxProfileSize))}}
	}
	return ParseProfile(b, file)
}

// ParseProfile decodes and validates a profile held in b.
func ParseProfile(b []byte, file string) (*Profile, error) {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	var p Profile
	doc, ps := yamlfile.Decode(file, b, &p)
	// Unknown fields leave the rest of the profile intact, so it is still
	// validated and every problem reported at once; a syntax error or a
	// value of the wrong kind leaves nothing trustworthy to validate.
	for _, pr := range ps {
		if pr.Key != "yaml.unknown-field" {
			return nil, ps.Err()
		}
	}
	p.Origin = file
	for i := range p.Requirements {
		p.Requirements[i].Line = doc.Line("requirements", i)
	}
	v := profileValidator{doc: doc, p: &p, ps: ps}
	v.validate()
	if err := v.ps.Err(); err != nil {
		return nil, err
	}
	return &p, nil
}

type profileValidator struct {
	doc *yamlfile.Doc
	p   *Profile
	ps  msg.Problems
}

func (v *profileValidator) add(place msg.Place, criterion int, key string, args ...any) {
	v.ps.Add(place, criterion, key, args...)
}

func (v *profileValidator) validate() {
	p := v.p
	if p.ID == "" {
		v.add(v.doc.Place(), 0, "criteria.missing", "id")
	} else if !slugRe.MatchString(p.ID) {
		v.add(v.doc.Place("id"), 0, "criteria.bad-id", p.ID)
	}
	if p.Version == "" {
		v.add(v.doc.Place(), 0, "criteria.missing", "version")
	}
	if len(p.Languages) == 0 {
		v.add(v.doc.Place(), 0, "criteria.missing", "languages")
	}
	v.text(v.doc.KeyPlace("name"), 0, "name", p.Name, true)
	v.text(v.doc.KeyPlace("description"), 0, "description", p.Description, false)
	v.text(v.doc.KeyPlace("source"), 0, "source", p.Source, false)
	if p.Criteria == "" {
		v.add(v.doc.Place(), 0, "criteria.missing", "criteria")
	}
	if len(p.Requirements) == 0 {
		v.add(v.doc.Place(), 0, "criteria.missing", "requirements")
	}
	seen := map[int]int{}
	for i := range p.Requirements {
		v.requirement(i, &p.Requirements[i], seen)
	}
}

func (v *profileValidator) text(place msg.Place, criterion int, field string, t Text, required bool) {
	if len(t) == 0 {
		if required {
			v.add(place, criterion, "criteria.missing", field)
		}
		return
	}
	for _, l := range v.p.Languages {
		if t[l] == "" {
			v.add(place, criterion, "criteria.missing-lang", field, l)
		}
	}
}

func (v *profileValidator) requirement(i int, r *Requirement, seen map[int]int) {
	at := func(p ...any) msg.Place {
		return v.doc.Place(append([]any{"requirements", i}, p...)...)
	}
	n := r.Criterion
	switch {
	case n <= 0:
		v.add(at("criterion"), 0, "criteria.bad-number", n)
		n = 0
	case seen[n] > 0:
		v.add(at("criterion"), n, "criteria.duplicate-number", n, seen[n])
	default:
		seen[n] = r.Line
	}
	if r.MinLevel == 0 && !r.HasFigureLimit() {
		v.add(at(), n, "check.profile.no-requirement")
	}
	if r.MinLevel != 0 && (r.MinLevel < MinLevel || r.MinLevel > MaxLevel) {
		v.add(at("min_level"), n, "criteria.range-level", r.MinLevel, MinLevel, MaxLevel)
	}
	if r.FigureMax != nil && r.FigureMin != nil && *r.FigureMin > *r.FigureMax {
		v.add(at("figure_min"), n, "check.profile.figure-window", num(*r.FigureMin), num(*r.FigureMax))
	}
	switch r.Source {
	case SourceDocument, SourceDefault:
	case "":
		v.add(at(), n, "criteria.missing", "source")
	default:
		v.add(at("source"), n, "check.profile.bad-source", string(r.Source), SourceDocument, SourceDefault)
	}
	v.text(v.doc.KeyPlace("requirements", i, "note"), n, "note", r.Note, false)
}

// Check compares the profile with the criteria set it is used with and
// returns every mismatch, each with the line of the requirement: another
// set or version, a key criterion the set lacks, a figure limit on a
// criterion without a figure or outside the figure's range.
func (p *Profile) Check(set *Set) msg.Problems {
	var ps msg.Problems
	file := msg.Place{File: p.Origin}
	if p.Origin == "" {
		file.File = "profile " + p.ID
	}
	if p.Criteria != set.ID {
		ps.Add(file, 0, "check.profile.set-mismatch", p.Criteria, set.ID)
		return ps
	}
	if p.CriteriaVersion != "" && p.CriteriaVersion != set.Version {
		ps.Add(file, 0, "check.profile.version-mismatch", p.CriteriaVersion, set.ID, set.Version)
		return ps
	}
	for _, r := range p.Requirements {
		place := msg.Place{File: file.File, Line: r.Line}
		c := set.Criterion(r.Criterion)
		if c == nil {
			ps.Add(place, 0, "check.profile.unknown-criterion", r.Criterion, set.Label())
			continue
		}
		if !r.HasFigureLimit() {
			continue
		}
		if c.Measure == nil {
			ps.Add(place, r.Criterion, "check.profile.no-measure")
			continue
		}
		for _, lim := range []*float64{r.FigureMin, r.FigureMax} {
			if lim != nil && !c.Measure.InBounds(*lim) {
				ps.Add(place, r.Criterion, "check.profile.limit-bounds", num(*lim))
			}
		}
	}
	return ps
}
