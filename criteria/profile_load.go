package criteria

import (
	"bytes"
	"embed"
	"fmt"
	"io"
	"path"
	"slices"
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
	b, err := yamlfile.Read(r, file, MaxProfileSize)
	if err != nil {
		return nil, err
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
	if !doc.Trusted() {
		return nil, ps.Err()
	}
	p.Origin = file
	for i := range p.Requirements {
		p.Requirements[i].Line = doc.Line("requirements", i)
	}
	for i := range p.Own {
		p.Own[i].Line = doc.Line("own_requirements", i)
	}
	v := profileValidator{checker: checker{doc: doc, langs: p.Languages, ps: ps}, p: &p}
	v.validate()
	if err := v.ps.Err(); err != nil {
		return nil, err
	}
	return &p, nil
}

// profileValidator checks a profile.
type profileValidator struct {
	checker
	p *Profile
}

func (v *profileValidator) validate() {
	p := v.p
	v.header(&p.Header)
	if p.Criteria == "" {
		v.add(v.doc.Place(), 0, "criteria.missing", "criteria")
	}
	if len(p.Requirements) == 0 {
		v.add(v.doc.Place(), 0, "criteria.missing", "requirements")
	}
	seen := map[int]int{}
	compared := false
	for i := range p.Requirements {
		v.requirement(i, &p.Requirements[i], seen)
		compared = compared || p.Requirements[i].IsComparison()
	}
	ids := map[string]int{}
	for i := range p.Own {
		v.own(i, &p.Own[i], ids)
		compared = compared || p.Own[i].IsComparison()
	}
	v.comparison(compared)
}

// kind checks a requirement's kind: minimum, comparison, or none (minimum).
func (v *profileValidator) kind(place msg.Place, n int, k Kind) {
	switch k {
	case "", KindMinimum, KindComparison:
	default:
		v.add(place, n, "tender.profile.bad-kind", string(k), KindMinimum, KindComparison)
	}
}

// source checks a source: document, laatu-default, or the older default.
func (v *profileValidator) source(at func(p ...any) msg.Place, n int, s RequirementSource) {
	switch s {
	case SourceDocument, SourceDefault, SourceLaatuDefault:
	case "":
		v.add(at(), n, "criteria.missing", "source")
	default:
		v.add(at("source"), n, "tender.profile.bad-source", string(s), SourceDocument, SourceLaatuDefault)
	}
}

// own checks one of the profile's own requirements.
func (v *profileValidator) own(i int, o *OwnRequirement, seen map[string]int) {
	at := func(p ...any) msg.Place {
		return v.doc.Place(append([]any{"own_requirements", i}, p...)...)
	}
	switch {
	case o.ID == "":
		v.add(at(), 0, "criteria.missing", "id")
	case !slugRe.MatchString(o.ID):
		v.add(at("id"), 0, "tender.profile.bad-own-id", o.ID)
	case seen[o.ID] > 0:
		v.add(at("id"), 0, "tender.profile.duplicate-own", o.ID, seen[o.ID])
	default:
		seen[o.ID] = o.Line
	}
	v.kind(at("kind"), 0, o.Kind)
	v.text(v.doc.KeyPlace("own_requirements", i, "question"), 0, "question", o.Question, true)
	v.text(v.doc.KeyPlace("own_requirements", i, "evidence"), 0, "evidence", o.Evidence, false)
	v.text(v.doc.KeyPlace("own_requirements", i, "note"), 0, "note", o.Note, false)
	v.source(at, 0, o.Source)
	cmp := o.IsComparison()
	switch o.Answer {
	case AnswerYesNo:
		for k, x := range o.Points {
			if k != "yes" && k != "no" {
				v.add(at("points"), 0, "tender.profile.yes-no-points", k)
			} else if x < 0 {
				v.add(at("points"), 0, "tender.profile.negative-points", num(x))
			}
		}
		if cmp && len(o.Points) == 0 {
			v.add(at(), 0, "tender.profile.no-points", o.ID)
		}
	case AnswerChoice:
		if len(o.Choices) < 2 {
			v.add(at("choices"), 0, "tender.profile.few-choices", o.ID)
		}
		ids := map[string]bool{}
		for j, c := range o.Choices {
			cp := v.doc.Place("own_requirements", i, "choices", j)
			if c.ID == "" || !slugRe.MatchString(c.ID) || ids[c.ID] {
				v.add(cp, 0, "tender.profile.bad-choice", c.ID)
			}
			ids[c.ID] = true
			v.text(cp, 0, "label", c.Label, true)
			if c.Points < 0 {
				v.add(cp, 0, "tender.profile.negative-points", num(c.Points))
			}
		}
		for _, a := range o.Accept {
			if !ids[a] {
				v.add(at("accept"), 0, "tender.profile.unknown-accept", a, strings.Join(o.ChoiceIDs(), ", "))
			}
		}
		if !cmp && len(o.Accept) == 0 {
			v.add(at(), 0, "tender.profile.no-accept", o.ID)
		}
		if cmp && o.MaxPoints() == 0 {
			v.add(at(), 0, "tender.profile.no-points", o.ID)
		}
	case AnswerFigure:
		if cmp {
			v.add(at("kind"), 0, "tender.profile.figure-compared", o.ID)
		}
		if o.FigureMin == nil && o.FigureMax == nil {
			v.add(at(), 0, "tender.profile.figure-no-limit", o.ID)
		}
		if o.FigureMax != nil && o.FigureMin != nil && *o.FigureMin > *o.FigureMax {
			v.add(at("figure_min"), 0, "check.profile.figure-window", num(*o.FigureMin), num(*o.FigureMax))
		}
		v.text(v.doc.KeyPlace("own_requirements", i, "unit"), 0, "unit", o.Unit, false)
	case AnswerText:
		if cmp {
			v.add(at("kind"), 0, "tender.profile.text-compared", o.ID)
		}
	case "":
		v.add(at(), 0, "criteria.missing", "answer")
	default:
		v.add(at("answer"), 0, "tender.profile.bad-answer", string(o.Answer), "yes-no, choice, figure, text")
	}
}

// comparison checks the comparison section against the kinds used: a
// comparison criterion needs weights to score with.
func (v *profileValidator) comparison(compared bool) {
	c := v.p.Comparison
	if c == nil {
		if compared {
			v.add(v.doc.Place(), 0, "tender.profile.no-comparison")
		}
		return
	}
	at := func(p ...any) msg.Place { return v.doc.Place(append([]any{"comparison"}, p...)...) }
	if c.Quality < 0 || c.Price < 0 || c.Quality+c.Price <= 0 {
		v.add(at(), 0, "tender.profile.bad-weights", num(c.Quality), num(c.Price))
	}
	if c.Quality > 0 && !compared {
		v.add(at("quality"), 0, "tender.profile.quality-nothing", num(c.Quality))
	}
	if c.QualityFormula != "" && c.QualityFormula != QualityRelative {
		v.add(at("quality_formula"), 0, "tender.profile.bad-formula", c.QualityFormula, QualityRelative)
	}
	if c.PriceFormula != "" && c.PriceFormula != PriceLowest {
		v.add(at("price_formula"), 0, "tender.profile.bad-formula", c.PriceFormula, PriceLowest)
	}
	if c.PriceUnit != "" && !slices.Contains(PriceUnits, c.PriceUnit) {
		v.add(at("price_unit"), 0, "tender.price.bad-unit", c.PriceUnit, strings.Join(PriceUnits, ", "))
	}
	switch c.Ties {
	case "", TiesShare, TiesPrice, TiesQuality:
	default:
		v.add(at("ties"), 0, "tender.profile.bad-ties", string(c.Ties), "share, price, quality")
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
	v.kind(at("kind"), n, r.Kind)
	switch {
	case r.IsComparison() && r.Weight <= 0:
		v.add(at(), n, "tender.profile.no-weight")
	case !r.IsComparison() && r.Weight != 0:
		v.add(at("weight"), n, "tender.profile.weight-on-minimum")
	case !r.IsComparison() && r.MinLevel == 0 && !r.HasFigureLimit():
		v.add(at(), n, "check.profile.no-requirement")
	}
	if r.MinLevel != 0 && (r.MinLevel < MinLevel || r.MinLevel > MaxLevel) {
		v.add(at("min_level"), n, "criteria.range-level", r.MinLevel, MinLevel, MaxLevel)
	}
	if r.FigureMax != nil && r.FigureMin != nil && *r.FigureMin > *r.FigureMax {
		v.add(at("figure_min"), n, "check.profile.figure-window", num(*r.FigureMin), num(*r.FigureMax))
	}
	v.source(at, n, r.Source)
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
