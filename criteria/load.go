package criteria

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"regexp"
	"sort"
	"strconv"

	"github.com/laatu-fi/laatu/internal/yamlfile"
	"github.com/laatu-fi/laatu/msg"
)

// MaxFileSize bounds a criteria-set file. The built-in sets are about 100 KB;
// anything far larger is not a criteria set, and parsing YAML takes some
// two hundred times a file's size in memory.
const MaxFileSize = 1 << 20

// Load reads and validates a criteria set from r; file names it in problems.
// The error, when not nil, is msg.Problems listing every fault found.
func Load(r io.Reader, file string) (*Set, error) {
	b, err := yamlfile.Read(r, file, MaxFileSize)
	if err != nil {
		return nil, err
	}
	return Parse(b, file)
}

// Parse decodes and validates a criteria set held in b.
func Parse(b []byte, file string) (*Set, error) {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	var s Set
	doc, ps := yamlfile.Decode(file, b, &s)
	if !doc.Trusted() {
		return nil, ps.Err()
	}
	s.Origin = file
	v := validator{checker: checker{doc: doc, langs: s.Languages, ps: ps}, set: &s}
	v.validate()
	if err := v.ps.Err(); err != nil {
		return nil, err
	}
	s.index()
	return &s, nil
}

// validator checks a criteria set.
type validator struct {
	checker
	set *Set
}

var slugRe = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// checker collects the problems of one YAML file (a set or a profile),
// with what both kinds of file share: the header and texts per language.
type checker struct {
	doc   *yamlfile.Doc
	langs []string
	ps    msg.Problems
}

func (v *checker) add(place msg.Place, criterion int, key string, args ...any) {
	v.ps.Add(place, criterion, key, args...)
}

// header checks the id, version, languages, name, description and source.
func (v *checker) header(h *Header) {
	if h.ID == "" {
		v.add(v.doc.Place(), 0, "criteria.missing", "id")
	} else if !slugRe.MatchString(h.ID) {
		v.add(v.doc.Place("id"), 0, "criteria.bad-id", h.ID)
	}
	if h.Version == "" {
		v.add(v.doc.Place(), 0, "criteria.missing", "version")
	}
	if len(h.Languages) == 0 {
		v.add(v.doc.Place(), 0, "criteria.missing", "languages")
	}
	v.text(v.doc.KeyPlace("name"), 0, "name", h.Name, true)
	v.text(v.doc.KeyPlace("description"), 0, "description", h.Description, false)
	v.text(v.doc.KeyPlace("source"), 0, "source", h.Source, false)
}

func (v *validator) validate() {
	v.header(&v.set.Header)
	v.domains()
	v.criteria()
	v.bands()
	v.earlierVersions()
}

// text checks that t has a text in every language of the file.
func (v *checker) text(place msg.Place, criterion int, field string, t Text, required bool) {
	if len(t) == 0 {
		if required {
			v.add(place, criterion, "criteria.missing", field)
		}
		return
	}
	for _, l := range v.langs {
		if t[l] == "" {
			v.add(place, criterion, "criteria.missing-lang", field, l)
		}
	}
}

func (v *validator) domains() {
	if len(v.set.Domains) == 0 {
		v.add(v.doc.Place(), 0, "criteria.missing", "domains")
	}
	seen := map[string]bool{}
	for i, d := range v.set.Domains {
		place := v.doc.Place("domains", i)
		if d.ID == "" {
			v.add(place, 0, "criteria.missing", "id")
		} else if seen[d.ID] {
			v.add(place, 0, "criteria.duplicate-domain", d.ID)
		}
		seen[d.ID] = true
		v.text(place, 0, "name", d.Name, true)
		if d.ID != "" && len(v.set.InDomain(d.ID)) == 0 {
			v.add(place, 0, "criteria.empty-domain", d.ID)
		}
	}
}

func (v *validator) criteria() {
	if len(v.set.Criteria) == 0 {
		v.add(v.doc.Place(), 0, "criteria.missing", "criteria")
	}
	numbers := map[int]int{}
	ids := map[string]int{}
	for i := range v.set.Criteria {
		c := &v.set.Criteria[i]
		place := v.doc.Place("criteria", i)
		n := c.Number
		switch {
		case n <= 0:
			v.add(place, 0, "criteria.bad-number", n)
		case numbers[n] > 0:
			v.add(place, n, "criteria.duplicate-number", n, numbers[n])
		default:
			numbers[n] = place.Line
		}
		if c.ID == "" {
			v.add(place, n, "criteria.missing", "id")
		} else if !slugRe.MatchString(c.ID) {
			v.add(v.doc.Place("criteria", i, "id"), n, "criteria.bad-id", c.ID)
		} else if ids[c.ID] > 0 {
			v.add(v.doc.Place("criteria", i, "id"), n, "criteria.duplicate-id", c.ID, ids[c.ID])
		} else {
			ids[c.ID] = place.Line
		}
		if c.Domain == "" {
			v.add(place, n, "criteria.missing", "domain")
		} else if v.set.Domain(c.Domain) == nil {
			v.add(v.doc.Place("criteria", i, "domain"), n, "criteria.unknown-domain", c.Domain, v.domainIDs())
		}
		v.text(v.doc.KeyPlace("criteria", i, "title"), n, "title", c.Title, true)
		v.text(v.doc.KeyPlace("criteria", i, "ideal"), n, "ideal", c.Ideal, true)
		v.text(v.doc.KeyPlace("criteria", i, "help"), n, "help", c.Help, false)
		v.anchors(i, c)
		v.rules(i, c) // rules_validate.go; turns scale points into ranges first
		if c.Measure != nil && c.Checklist != nil {
			v.add(place, n, "criteria.measure-and-checklist")
		}
		if c.Measure != nil {
			v.measure(i, c)
		}
		if c.Checklist != nil {
			v.checklist(i, c)
		}
	}
}

func (v *validator) domainIDs() string {
	ids := ""
	for i, d := range v.set.Domains {
		if i > 0 {
			ids += ", "
		}
		ids += d.ID
	}
	return ids
}

func (v *validator) anchors(i int, c *Criterion) {
	anchorsPlace := v.doc.KeyPlace("criteria", i, "anchors")
	if len(c.Anchors) == 0 {
		v.add(v.doc.Place("criteria", i), c.Number, "criteria.missing", "anchors")
		return
	}
	for level := MinLevel; level <= MaxLevel; level++ {
		t, ok := c.Anchors[level]
		if !ok {
			v.add(anchorsPlace, c.Number, "criteria.anchor-missing", level)
			continue
		}
		v.text(v.doc.KeyPlace("criteria", i, "anchors", level), c.Number, fmt.Sprintf("anchors %d", level), t, true)
	}
	var extra []int
	for level := range c.Anchors {
		if level < MinLevel || level > MaxLevel {
			extra = append(extra, level)
		}
	}
	sort.Ints(extra)
	for _, level := range extra {
		v.add(v.doc.KeyPlace("criteria", i, "anchors", level), c.Number, "criteria.anchor-level", level, MinLevel, MaxLevel)
	}
}

// interval is a Range as numbers on the real line, for the tiling check.
type interval struct {
	lo, hi     float64
	loIn, hiIn bool
	level      int
	at         int
}

func (v *validator) measure(i int, c *Criterion) {
	m := c.Measure
	n := c.Number
	at := func(path ...any) msg.Place {
		return v.doc.Place(append([]any{"criteria", i, "measure"}, path...)...)
	}
	v.text(at(), n, "measure name", m.Name, true)
	v.text(at(), n, "measure unit", m.Unit, true)
	v.text(at(), n, "measure unit_one", m.UnitOne, false)
	m.joinUnitOne()
	lo, hi := math.Inf(-1), math.Inf(1)
	if m.Min != nil {
		lo = *m.Min
	}
	if m.Max != nil {
		hi = *m.Max
	}
	if lo >= hi {
		v.add(at(), n, "criteria.measure-bounds", num(lo), num(hi))
		return
	}
	if len(m.Levels) == 0 {
		v.add(at(), n, "criteria.missing", "measure levels")
		return
	}
	var ivs []interval
	invalid := false
	for j, r := range m.Levels {
		place := at("levels", j)
		if r.Level < MinLevel || r.Level > MaxLevel {
			v.add(place, n, "criteria.range-level", r.Level, MinLevel, MaxLevel)
		}
		if r.Min != nil && r.Above != nil {
			v.add(place, n, "criteria.range-both", "min", "above")
			invalid = true
			continue
		}
		if r.Max != nil && r.Below != nil {
			v.add(place, n, "criteria.range-both", "max", "below")
			invalid = true
			continue
		}
		iv := interval{lo: math.Inf(-1), hi: math.Inf(1), level: r.Level, at: place.Line}
		switch {
		case r.Min != nil:
			iv.lo, iv.loIn = *r.Min, true
		case r.Above != nil:
			iv.lo = *r.Above
		}
		switch {
		case r.Max != nil:
			iv.hi, iv.hiIn = *r.Max, true
		case r.Below != nil:
			iv.hi = *r.Below
		}
		if iv.lo > iv.hi || (iv.lo == iv.hi && !(iv.loIn && iv.hiIn)) {
			v.add(place, n, "criteria.range-empty", r.Level)
			invalid = true
			continue
		}
		ivs = append(ivs, iv)
	}
	// Gaps and overlaps are only meaningful once every range is well formed.
	if invalid || len(ivs) == 0 {
		return
	}
	sort.SliceStable(ivs, func(a, b int) bool {
		if ivs[a].lo != ivs[b].lo {
			return ivs[a].lo < ivs[b].lo
		}
		return ivs[a].loIn && !ivs[b].loIn
	})
	first, last := ivs[0], ivs[len(ivs)-1]
	if first.lo > lo || (first.lo == lo && !first.loIn && !math.IsInf(lo, -1)) {
		v.add(msg.Place{File: v.doc.File, Line: first.at}, n, "criteria.range-gap", num(lo), num(first.lo))
	}
	for j := 1; j < len(ivs); j++ {
		a, b := ivs[j-1], ivs[j]
		place := msg.Place{File: v.doc.File, Line: b.at}
		switch {
		case a.hi < b.lo || (a.hi == b.lo && !a.hiIn && !b.loIn):
			v.add(place, n, "criteria.range-gap", num(a.hi), num(b.lo))
		case a.hi > b.lo || (a.hi == b.lo && a.hiIn && b.loIn):
			v.add(place, n, "criteria.range-overlap", a.level, b.level, num(b.lo))
		}
	}
	if last.hi < hi || (last.hi == hi && !last.hiIn && !math.IsInf(hi, 1)) {
		v.add(msg.Place{File: v.doc.File, Line: last.at}, n, "criteria.range-gap", num(last.hi), num(hi))
	}
	// Along the figure the level must only rise or only fall; anything else
	// is a typing error in the set.
	rising, falling := true, true
	for j := 1; j < len(ivs); j++ {
		if ivs[j].level <= ivs[j-1].level {
			rising = false
		}
		if ivs[j].level >= ivs[j-1].level {
			falling = false
		}
	}
	if !rising && !falling && len(ivs) > 1 {
		v.add(at("levels"), n, "criteria.range-order")
	}
}

func (v *validator) checklist(i int, c *Criterion) {
	cl := c.Checklist
	n := c.Number
	at := func(path ...any) msg.Place {
		return v.doc.Place(append([]any{"criteria", i, "checklist"}, path...)...)
	}
	if len(cl.Elements) == 0 {
		v.add(at(), n, "criteria.missing", "checklist elements")
	}
	seen := map[string]bool{}
	for j, e := range cl.Elements {
		place := at("elements", j)
		if e.ID == "" {
			v.add(place, n, "criteria.missing", "id")
		} else if !slugRe.MatchString(e.ID) {
			v.add(place, n, "criteria.bad-id", e.ID)
		} else if seen[e.ID] {
			v.add(place, n, "criteria.duplicate-element", e.ID)
		}
		seen[e.ID] = true
		v.text(place, n, "text", e.Text, true)
	}
	if len(cl.LevelsByCount) != len(cl.Elements)+1 {
		v.add(at("levels_by_count"), n, "criteria.levels-by-count-length", len(cl.LevelsByCount), len(cl.Elements)+1, len(cl.Elements))
		return
	}
	for j, l := range cl.LevelsByCount {
		if l < MinLevel || l > MaxLevel {
			v.add(at("levels_by_count"), n, "criteria.range-level", l, MinLevel, MaxLevel)
		} else if j > 0 && l < cl.LevelsByCount[j-1] {
			v.add(at("levels_by_count"), n, "criteria.levels-by-count-order")
			break
		}
	}
}

func (v *validator) bands() {
	if len(v.set.Bands) == 0 {
		v.add(v.doc.Place(), 0, "criteria.missing", "bands")
		return
	}
	lo, hi := len(v.set.Criteria)*MinLevel, len(v.set.Criteria)*MaxLevel
	type span struct{ min, max, line int }
	var spans []span
	seen := map[string]bool{}
	for i, b := range v.set.Bands {
		place := v.doc.Place("bands", i)
		if b.ID == "" {
			v.add(place, 0, "criteria.missing", "id")
		} else if seen[b.ID] {
			v.add(place, 0, "criteria.duplicate-band", b.ID)
		}
		seen[b.ID] = true
		v.text(place, 0, "name", b.Name, true)
		// A bound no total can reach is a typing error, and one far past
		// the totals would overflow the gap search below: it is reported,
		// and the search goes on with the bound at the nearest total, so
		// that the one error is not echoed as a gap.
		outside := false
		for _, bound := range []struct {
			key string
			x   int
		}{{"min", b.Min}, {"max", b.Max}} {
			if bound.x < lo || bound.x > hi {
				v.add(v.doc.Place("bands", i, bound.key), 0, "yamlstrict.band-range", b.ID, bound.key, bound.x, lo, hi)
				outside = true
			}
		}
		if outside {
			if b.Min <= b.Max && b.Min <= hi && b.Max >= lo {
				spans = append(spans, span{max(b.Min, lo), min(b.Max, hi), place.Line})
			}
			continue
		}
		if b.Min > b.Max {
			v.add(place, 0, "criteria.band-empty", b.ID, b.Min, b.Max)
			continue
		}
		spans = append(spans, span{b.Min, b.Max, place.Line})
	}
	sort.Slice(spans, func(a, b int) bool { return spans[a].min < spans[b].min })
	next := lo
	for _, sp := range spans {
		place := msg.Place{File: v.doc.File, Line: sp.line}
		if sp.min > next {
			v.add(place, 0, "criteria.band-gap", next, sp.min-1)
		} else if sp.min < next && next > lo {
			v.add(place, 0, "criteria.band-overlap", sp.min, next-1)
		}
		if sp.max+1 > next {
			next = sp.max + 1
		}
	}
	if next <= hi {
		v.add(v.doc.Place("bands"), 0, "criteria.band-gap", next, hi)
	}
}

// num formats a bound for a message: 20, 62.5, or an infinity sign.
func num(x float64) string {
	switch {
	case math.IsInf(x, 1):
		return "∞"
	case math.IsInf(x, -1):
		return "−∞"
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}
