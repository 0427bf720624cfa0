package form

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
	"go.yaml.in/yaml/v3"
)

// A bid in a tender is an assessment file with two more top-level keys: the
// answers to the profile's own requirements and the price.
//
//	requirements:
//	  transition-meetings: yes
//	  assessments: yes
//	price: {amount: 1234.50, unit: client-month}
//
// The assessment reader does not know these keys (score and compare refuse
// them as unknown); check takes them out first, keeping every other line
// where it was, so that problems with the assessment keep their lines.

// BidAnswers are a bid's answers beyond the criteria set.
type BidAnswers struct {
	// Source is the bid's file.
	Source string
	// Answers are the answers to the profile's own requirements by id;
	// Order the ids as the file gives them.
	Answers map[string]*BidAnswer
	Order   []string
	// Price is the bid's price, nil when the bid gives none.
	Price *BidPrice
	// Place is where the bid file gives its requirements (the file when it
	// gives none), for problems about an answer it lacks.
	Place msg.Place
}

// BidAnswer is one answer as written and, once CheckBidAnswers has read it
// against the profile, as understood: yes or no, a choice's id, a figure
// or a text.
type BidAnswer struct {
	Raw    string
	Value  string
	Figure *float64
	Place  msg.Place
}

// BidPrice is a bid's price and its unit (one of criteria.PriceUnits).
type BidPrice struct {
	Amount float64
	Unit   string
	Place  msg.Place
}

// Answer returns the answer to id, or nil when the bid gives none.
func (b *BidAnswers) Answer(id string) *BidAnswer {
	if b == nil {
		return nil
	}
	a := b.Answers[id]
	if a == nil || strings.TrimSpace(a.Raw) == "" {
		return nil
	}
	return a
}

// SplitBidYAML takes the top-level keys requirements and price out of an
// assessment file held in b. It returns b with their lines left empty,
// the answers they give and the problems with them. A file that is not a
// block mapping of keys is returned as it is, for the assessment reader to
// report.
func SplitBidYAML(b []byte, file string) ([]byte, *BidAnswers, msg.Problems) {
	ans := &BidAnswers{Source: file, Answers: map[string]*BidAnswer{}, Place: msg.Place{File: file}}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil || len(doc.Content) != 1 {
		return b, ans, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode || root.Style&yaml.FlowStyle != 0 {
		return b, ans, nil
	}
	var ps msg.Problems
	lines := bytes.SplitAfter(b, []byte("\n"))
	blank := func(from, to int) {
		for l := from; l <= to && l <= len(lines); l++ {
			if bytes.HasSuffix(lines[l-1], []byte("\r\n")) {
				lines[l-1] = []byte("\r\n")
			} else if bytes.HasSuffix(lines[l-1], []byte("\n")) {
				lines[l-1] = []byte("\n")
			} else {
				lines[l-1] = nil
			}
		}
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Value != "requirements" && k.Value != "price" {
			continue
		}
		end := len(lines)
		if i+2 < len(root.Content) {
			end = root.Content[i+2].Line - 1
		}
		blank(k.Line, end)
		at := msg.Place{File: file, Line: k.Line}
		if k.Value == "requirements" {
			ans.Place = at
			readAnswers(v, ans, file, &ps)
		} else {
			ans.Price = readPrice(v, at, file, &ps)
		}
	}
	return bytes.Join(lines, nil), ans, ps
}

func readAnswers(v *yaml.Node, ans *BidAnswers, file string, ps *msg.Problems) {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return
	}
	if v.Kind != yaml.MappingNode {
		ps.Add(msg.Place{File: file, Line: v.Line}, 0, "tender.bid.answers-not-map")
		return
	}
	for j := 0; j+1 < len(v.Content); j += 2 {
		k, a := v.Content[j], v.Content[j+1]
		at := msg.Place{File: file, Line: k.Line}
		if _, dup := ans.Answers[k.Value]; dup {
			ps.Add(at, 0, "tender.bid.duplicate-answer", k.Value, ans.Answers[k.Value].Place.Line)
			continue
		}
		if a.Kind != yaml.ScalarNode {
			ps.Add(at, 0, "tender.bid.answer-not-one", k.Value)
			continue
		}
		raw := a.Value
		if a.Tag == "!!null" {
			raw = ""
		}
		ans.Answers[k.Value] = &BidAnswer{Raw: raw, Place: at}
		ans.Order = append(ans.Order, k.Value)
	}
}

func readPrice(v *yaml.Node, at msg.Place, file string, ps *msg.Problems) *BidPrice {
	if v.Kind != yaml.MappingNode {
		ps.Add(at, 0, "tender.price.not-map")
		return nil
	}
	p := &BidPrice{Place: at}
	amount, unit := false, false
	for j := 0; j+1 < len(v.Content); j += 2 {
		k, x := v.Content[j], v.Content[j+1]
		kat := msg.Place{File: file, Line: k.Line}
		if x.Kind != yaml.ScalarNode {
			ps.Add(kat, 0, "tender.bid.answer-not-one", "price."+k.Value)
			return nil
		}
		switch k.Value {
		case "amount":
			a, ok := ParseNumber(x.Value)
			if !ok || a <= 0 || math.IsInf(a, 0) {
				ps.Add(kat, 0, "tender.price.bad-amount", x.Value)
				return nil
			}
			p.Amount, amount = a, true
		case "unit":
			u := strings.TrimSpace(x.Value)
			if !slices.Contains(criteria.PriceUnits, u) {
				ps.Add(kat, 0, "tender.price.bad-unit", x.Value, strings.Join(criteria.PriceUnits, ", "))
				return nil
			}
			p.Unit, unit = u, true
		default:
			ps.Add(kat, 0, "tender.price.unknown-key", k.Value)
			return nil
		}
	}
	if !amount || !unit {
		ps.Add(at, 0, "tender.price.not-map")
		return nil
	}
	return p
}

// IsYAMLFile reports whether path names a YAML file by its extension.
func IsYAMLFile(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		return true
	}
	return false
}

// ReadBidChecked reads a bid in path as ReadChecked does; a YAML file's
// requirements and price are taken apart first (SplitBidYAML). Problems
// with the answers come with those of the assessment, all at once. A bid
// in a workbook or CSV file has no answers yet.
func ReadBidChecked(path string, lim Limits, setFor SetFor) (*Assessment, *BidAnswers, *criteria.Set, error) {
	if !IsYAMLFile(path) {
		a, set, err := ReadChecked(path, lim, setFor)
		if err != nil {
			return nil, nil, nil, err
		}
		return a, &BidAnswers{Source: path, Answers: map[string]*BidAnswer{}, Place: msg.Place{File: path}}, set, nil
	}
	size, tooLarge := lim.yamlSize(), "harden.file-too-large"
	if size == MaxYAMLSize {
		tooLarge = "harden.yaml-too-large"
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, nil, fileError(path, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() > size {
		return nil, nil, nil, fileProblem(path, tooLarge, FormatSize(size))
	}
	b, err := readYAMLBytes(f, path, size)
	if err != nil {
		return nil, nil, nil, err
	}
	return ReadBidYAMLBytes(b, path, setFor)
}

// ReadBidYAMLBytes reads a YAML bid held in b (standard input, say) as
// ReadBidChecked reads a file: file names it in messages.
func ReadBidYAMLBytes(b []byte, path string, setFor SetFor) (*Assessment, *BidAnswers, *criteria.Set, error) {
	rest, ans, ps := SplitBidYAML(b, path)
	a, aps := parseYAML(rest, path)
	ps = append(aps, ps...)
	if a == nil {
		return nil, nil, nil, ps.Err()
	}
	set, sps := setFor(a)
	ps = append(ps, sps...)
	if set != nil {
		ps = append(ps, Check(a, set)...)
	}
	if len(ps) > 0 {
		return nil, nil, nil, ps.Err()
	}
	return a, ans, set, nil
}

// CheckBidAnswers reads a bid's answers against the profile's own
// requirements and returns every problem: an id the profile does not ask,
// a yes-no answer that is neither yes nor no, a choice the requirement does
// not offer, a figure that is not a number. A missing answer is not a
// problem of the file: the check says what it means for the bid.
func CheckBidAnswers(p *criteria.Profile, b *BidAnswers) msg.Problems {
	var ps msg.Problems
	for _, id := range b.Order {
		a := b.Answers[id]
		o := p.OwnRequirement(id)
		if o == nil {
			accepted := strings.Join(p.OwnIDs(), ", ")
			if accepted == "" {
				ps.Add(a.Place, 0, "tender.bid.no-own-requirements", id, p.Label())
			} else {
				ps.Add(a.Place, 0, "tender.bid.unknown-requirement", id, p.Label(), accepted)
			}
			continue
		}
		raw := strings.TrimSpace(a.Raw)
		if raw == "" {
			continue
		}
		switch o.Answer {
		case criteria.AnswerYesNo:
			switch strings.ToLower(raw) {
			case "yes", "kyllä", "true", "k", "y":
				a.Value = "yes"
			case "no", "ei", "false", "e", "n":
				a.Value = "no"
			default:
				ps.Add(a.Place, 0, "tender.bid.bad-yes-no", id, raw)
			}
		case criteria.AnswerChoice:
			if o.Choice(raw) == nil {
				ps.Add(a.Place, 0, "tender.bid.bad-choice", id, raw, strings.Join(o.ChoiceIDs(), ", "))
				continue
			}
			a.Value = raw
		case criteria.AnswerFigure:
			x, ok := ParseNumber(raw)
			if !ok {
				ps.Add(a.Place, 0, "tender.bid.bad-figure", id, raw)
				continue
			}
			a.Value, a.Figure = raw, &x
		default:
			a.Value = raw
		}
	}
	return ps
}

// CheckPriceUnits checks that every bid that gives a price gives it in the
// same unit, and in the profile's unit when it names one.
func CheckPriceUnits(p *criteria.Profile, bids []*BidAnswers) msg.Problems {
	var ps msg.Problems
	want := ""
	var first *BidAnswers
	if p.Comparison != nil {
		want = p.Comparison.PriceUnit
	}
	for _, b := range bids {
		if b == nil || b.Price == nil {
			continue
		}
		switch {
		case want != "" && first == nil && b.Price.Unit != want:
			ps.Add(b.Price.Place, 0, "tender.price.profile-unit", b.Price.Unit, want)
		case want == "" && first == nil:
			want, first = b.Price.Unit, b
		case b.Price.Unit != want && first != nil:
			ps.Add(b.Price.Place, 0, "tender.price.mixed-units", b.Price.Unit, want, first.Source)
		case b.Price.Unit != want:
			ps.Add(b.Price.Place, 0, "tender.price.profile-unit", b.Price.Unit, want)
		}
	}
	return ps
}
