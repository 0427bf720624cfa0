package form

import (
	"bytes"
	"io"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/internal/yamlfile"
	"github.com/laatu-fi/laatu/msg"
	"go.yaml.in/yaml/v3"
)

// fileYAML is the assessment file as written. Keys are part of laatu's
// documented format: other tools write these files, so they do not change.
type fileYAML struct {
	Criteria        string   `yaml:"criteria"`
	CriteriaVersion scalar   `yaml:"criteria_version,omitempty"`
	Provider        string   `yaml:"provider"`
	Unit            string   `yaml:"unit,omitempty"`
	Date            scalar   `yaml:"date,omitempty"`
	Raters          []string `yaml:"raters,omitempty,flow"`
	Notes           string   `yaml:"notes,omitempty"`
	// The review cycle (yaml_review.go).
	Outcomes *outcomesYAML `yaml:"outcomes,omitempty"`
	Review   *reviewYAML   `yaml:"review,omitempty"`
	Items    []itemYAML    `yaml:"items"`
	Plan     []actionYAML  `yaml:"plan,omitempty"`
	// A tender bid's answers and price (bid_yaml.go): check reads them;
	// score and compare accept them and leave them out of the score.
	Requirements ignoredYAML `yaml:"requirements,omitempty"`
	Price        ignoredYAML `yaml:"price,omitempty"`
}

// ignoredYAML is a value read and left aside: a tender bid's requirements
// and price, which only check reads (SplitBidYAML).
type ignoredYAML struct{}

func (*ignoredYAML) UnmarshalYAML(*yaml.Node) error { return nil }
func (ignoredYAML) IsZero() bool                    { return true }

type itemYAML struct {
	Criterion scalar            `yaml:"criterion"`
	Level     scalar            `yaml:"level,omitempty"`
	Figure    scalar            `yaml:"figure,omitempty"`
	Figures   *[]scalar         `yaml:"figures,omitempty,flow"`
	Counts    map[string]scalar `yaml:"counts,omitempty,flow"`
	Inputs    map[string]scalar `yaml:"inputs,omitempty,flow"`
	Checked   *[]string         `yaml:"checked,omitempty,flow"`
	Note      string            `yaml:"note,omitempty"`
	Evidence  string            `yaml:"evidence,omitempty"`
	Sources   *[]scalar         `yaml:"sources,omitempty,flow"`
}

// scalar keeps a scalar's text and line so the reader can accept "4", 4 and
// 4.0 alike and say where a bad value stands.
type scalar struct {
	Value string
	Line  int
	Set   bool
	// Tag is the YAML type to write: "!!str" for a version, which must
	// stay text; "!!timestamp" for a date, written plainly as 2026-11-24;
	// empty for numbers.
	Tag string
	// Kind is the YAML node's kind: a list or key–value pairs where one
	// value belongs is reported by the reader, with the key's own hint.
	Kind yaml.Kind
}

func (s *scalar) UnmarshalYAML(n *yaml.Node) error {
	s.Line, s.Set = n.Line, true
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	s.Kind = n.Kind
	if n.Kind != yaml.ScalarNode {
		s.Value = "…"
		return nil
	}
	if n.Tag == "!!null" {
		s.Set = false
		return nil
	}
	s.Value = n.Value
	return nil
}

func (s scalar) MarshalYAML() (any, error) {
	if s.Tag != "" {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: s.Tag, Value: s.Value}, nil
	}
	if _, err := strconv.ParseFloat(s.Value, 64); err == nil && !strings.ContainsAny(s.Value, "_xXoObB") {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!" + numberTag(s.Value), Value: s.Value}, nil
	}
	return s.Value, nil
}

func (s scalar) IsZero() bool { return !s.Set || s.Value == "" }

// notOne reports a list or key–value pairs given for s, a value that must
// be one value, under key with the key's hint; it reports whether it did.
func (s scalar) notOne(ps *msg.Problems, file string, criterion int, key, hint string) bool {
	var found string
	switch s.Kind {
	case yaml.MappingNode:
		found = "yamlstrict.found.map"
	case yaml.SequenceNode:
		found = "yamlstrict.found.list"
	default:
		return false
	}
	ps.Add(msg.Place{File: file, Line: s.Line}, criterion, "yamlstrict.want-scalar", key, msg.M(found), msg.M(hint))
	return true
}

func numberTag(text string) string {
	if strings.ContainsAny(text, ".eE") {
		return "float"
	}
	return "int"
}

// MaxYAMLSize bounds an assessment file: a complete assessment with long
// notes is a few tens of kilobytes, and parsing YAML takes up to two
// hundred times a file's size in memory.
const MaxYAMLSize = 1 << 20

// ReadYAML reads an assessment file. The error, when not nil, lists every
// problem found, each with its line.
func ReadYAML(r io.Reader, file string) (*Assessment, error) {
	return readYAML(r, file, MaxYAMLSize)
}

func readYAML(r io.Reader, file string, max int64) (*Assessment, error) {
	b, err := readYAMLBytes(r, file, max)
	if err != nil {
		return nil, err
	}
	return ParseYAML(b, file)
}

func readYAMLBytes(r io.Reader, file string, max int64) ([]byte, error) {
	b, err := readAtMost(r, max)
	if err != nil {
		return nil, fileProblem(file, "file.read", err)
	}
	if int64(len(b)) > max {
		key := "harden.file-too-large"
		if max == MaxYAMLSize {
			key = "harden.yaml-too-large"
		}
		return nil, fileProblem(file, key, FormatSize(max))
	}
	return b, nil
}

// ParseYAML decodes an assessment held in b. The error, when not nil,
// lists every problem found, each with its line.
func ParseYAML(b []byte, file string) (*Assessment, error) {
	a, ps := parseYAML(b, file)
	if len(ps) > 0 {
		return nil, ps.Err()
	}
	return a, nil
}

// parseYAML decodes an assessment held in b and returns it with every
// problem found. When the document itself decoded, the assessment is
// returned even with problems: it holds every item whose criterion number
// could be read, without the values that could not (a level 7 is left
// out, its item kept), so that ReadChecked can check the rest against the
// set in the same pass. Otherwise the assessment is nil.
func parseYAML(b []byte, file string) (*Assessment, msg.Problems) {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	var f fileYAML
	doc, ps := yamlfile.Decode(file, b, &f)
	if !doc.Trusted() {
		return nil, ps
	}
	f.CriteriaVersion.notOne(&ps, file, 0, "criteria_version", "yamlstrict.hint.version")
	a := &Assessment{
		Criteria:        strings.TrimSpace(f.Criteria),
		CriteriaVersion: strings.TrimSpace(f.CriteriaVersion.Value),
		Provider:        strings.TrimSpace(f.Provider),
		Unit:            strings.TrimSpace(f.Unit),
		Raters:          f.Raters,
		Notes:           f.Notes,
		Source:          file,
	}
	if f.CriteriaVersion.Kind != yaml.ScalarNode {
		a.CriteriaVersion = ""
	}
	if a.Criteria == "" {
		ps.Add(doc.Place(), 0, "form.missing-key", "criteria")
	} else {
		a.CriteriaPlace = doc.KeyPlace("criteria")
	}
	if a.Provider == "" && a.Unit == "" {
		ps.Add(doc.Place(), 0, "form.missing-service")
	}
	if f.Date.Set && !f.Date.notOne(&ps, file, 0, "date", "yamlstrict.hint.date") {
		d, ok := ParseDate(f.Date.Value)
		if !ok {
			ps.Add(msg.Place{File: file, Line: f.Date.Line}, 0, "form.bad-date", f.Date.Value)
		}
		a.Date = d
	}
	for i, fi := range f.Items {
		place := doc.Place("items", i)
		it := Item{Note: fi.Note, Evidence: fi.Evidence, Place: place}
		if !fi.Criterion.Set {
			ps.Add(place, 0, "form.missing-key", "criterion")
			continue
		}
		if fi.Criterion.notOne(&ps, file, 0, "criterion", "yamlstrict.hint.criterion") {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(fi.Criterion.Value))
		if err != nil || n <= 0 {
			ps.Add(msg.Place{File: file, Line: fi.Criterion.Line}, 0, "form.bad-criterion", fi.Criterion.Value)
			continue
		}
		it.Criterion = n
		if fi.Level.Set && !fi.Level.notOne(&ps, file, n, "level", "yamlstrict.hint.level") {
			level, ok := ParseLevel(fi.Level.Value)
			if !ok {
				ps.Add(msg.Place{File: file, Line: fi.Level.Line}, n, "form.bad-level", fi.Level.Value)
			}
			it.Level = level
		}
		if fi.Figure.Set && !fi.Figure.notOne(&ps, file, n, "figure", "yamlstrict.hint.figure") && strings.TrimSpace(fi.Figure.Value) != "" {
			x, ok := ParseNumber(fi.Figure.Value)
			if !ok {
				ps.Add(msg.Place{File: file, Line: fi.Figure.Line}, n, "form.bad-figure", fi.Figure.Value)
			} else {
				it.Figure = &x
			}
		}
		if fi.Checked != nil {
			it.Checked = append([]string{}, (*fi.Checked)...)
		}
		readRuleAnswers(&fi, &it, file, &ps)
		readSources(&fi, &it, file, &ps) // yaml_review.go
		a.Items = append(a.Items, it)
	}
	readReviewCycle(&f, a, doc, &ps) // yaml_review.go
	return a, ps
}

// WriteYAML writes a in the assessment file format, items in criterion
// order, so that laatu and people read it back alike.
func WriteYAML(w io.Writer, a *Assessment) error {
	f := fileYAML{
		Criteria:        a.Criteria,
		CriteriaVersion: scalar{Value: a.CriteriaVersion, Set: a.CriteriaVersion != "", Tag: "!!str"},
		Provider:        a.Provider,
		Unit:            a.Unit,
		Date:            scalar{Value: a.DateISO(), Set: !a.Date.IsZero(), Tag: "!!timestamp"},
		Raters:          a.Raters,
		Notes:           a.Notes,
		Items:           []itemYAML{},
	}
	for _, it := range a.Items {
		fi := itemYAML{
			Criterion: scalar{Value: strconv.Itoa(it.Criterion), Set: true},
			Note:      it.Note,
			Evidence:  it.Evidence,
		}
		if it.Level != 0 {
			fi.Level = scalar{Value: strconv.Itoa(it.Level), Set: true}
		}
		if it.Figure != nil {
			fi.Figure = scalar{Value: strconv.FormatFloat(*it.Figure, 'f', -1, 64), Set: true}
		}
		if it.Checked != nil {
			c := append([]string{}, it.Checked...)
			fi.Checked = &c
		}
		writeRuleAnswers(&it, &fi)
		writeSources(&it, &fi)
		f.Items = append(f.Items, fi)
	}
	writeReviewCycle(a, &f)
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(&f); err != nil {
		return err
	}
	return enc.Close()
}
