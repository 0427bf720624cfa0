package form

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
)

// Check compares an assessment with the criteria set it is scored against
// and returns every mismatch: another set or version, criteria the set does
// not have, a criterion answered twice, figures and checklist elements the
// criterion does not take.
//
// Check also turns checklist elements given by their position (2 for the
// second element, as the CSV template numbers them) into the elements' ids.
func Check(a *Assessment, set *criteria.Set) msg.Problems {
	var ps msg.Problems
	file := msg.Place{File: a.Source}
	if a.CriteriaPlace.File != "" {
		file = a.CriteriaPlace
	}
	if a.Criteria != "" && a.Criteria != set.ID {
		ps.Add(file, 0, "form.set-mismatch", a.Criteria, set.ID)
		return ps
	}
	if a.CriteriaVersion != "" && a.CriteriaVersion != set.Version && set.Earlier(a.CriteriaVersion) == nil {
		ps.Add(file, 0, "form.version-mismatch", a.CriteriaVersion, set.ID, set.Version)
		return ps
	}
	seen := map[int]msg.Place{}
	kind := inputKind(a)
	for i := range a.Items {
		it := &a.Items[i]
		n := it.Criterion
		c := set.Criterion(n)
		if c == nil {
			ps.Add(it.Place, 0, "form.unknown-criterion", n, set.Label(), numberList(set))
			continue
		}
		if prev, dup := seen[n]; dup {
			ps.Add(it.Place, n, "form.duplicate-criterion", prev.String())
			continue
		}
		seen[n] = it.Place
		if it.Figure != nil {
			switch {
			case c.Measure == nil:
				noMeasure(&ps, it.Place, n, kind, a.Names)
			case !c.Measure.InBounds(*it.Figure):
				ps.Add(it.Place, n, "form.figure-bounds", msg.Number(*it.Figure), bounds(c.Measure))
			}
		}
		checkRules(it, c, kind, a.Names, &ps) // check_rules.go
		if it.Checked != nil {
			if c.Checklist == nil {
				switch kind {
				case "csv":
					ps.Add(it.Place, n, "form.no-checklist.csv", a.Names.label("sheet.csv.col.checked", csvChecked))
				case "xlsx":
					// Only a changed hidden column A gives one.
					ps.Add(it.Place, n, "form.no-checklist.sheet")
				default:
					ps.Add(it.Place, n, "form.no-checklist")
				}
				continue
			}
			resolvePositions(c.Checklist, it.Checked)
			dup := map[string]bool{}
			for _, id := range it.Checked {
				switch {
				case !c.Checklist.Has(id) && kind == "csv":
					// The CSV template numbers the elements; their ids are
					// not in the file.
					ps.Add(it.Place, n, "form.unknown-element.csv", id, len(c.Checklist.Elements))
				case !c.Checklist.Has(id):
					ps.Add(it.Place, n, "form.unknown-element", id, elementList(c.Checklist))
				case dup[id]:
					e, _ := element(c.Checklist, id)
					if kind == "yaml" {
						ps.Add(it.Place, n, "form.duplicate-element.yaml", e, id)
					} else {
						ps.Add(it.Place, n, "form.duplicate-element", e)
					}
				}
				dup[id] = true
			}
		}
	}
	checkPlan(a, set, &ps) // yaml_review.go
	return ps
}

// noMeasure reports a figure given to a criterion that has none, naming
// where the information goes as the file names it: the note key in YAML,
// the note column in a CSV file or a workbook.
func noMeasure(ps *msg.Problems, place msg.Place, n int, kind string, names *FileNames) {
	switch kind {
	case "csv":
		ps.Add(place, n, "form.no-measure.sheet", names.label("sheet.csv.col.figure", csvFigure), names.label("sheet.csv.col.note", csvNote))
	case "xlsx":
		ps.Add(place, n, "form.no-measure.sheet", names.label("sheet.col.figure", colFigure), names.label("sheet.col.note", colNote))
	default:
		ps.Add(place, n, "form.no-measure")
	}
}

// SetFor chooses the criteria set an assessment is checked against, from
// what the file says (its set id), or returns why there is none.
type SetFor func(a *Assessment) (*criteria.Set, msg.Problems)

// ReadChecked reads the assessment in path within lim, as ReadFileLimits
// does, and checks it against the set that setFor chooses, as Check does,
// in one pass: a value the reader refuses (a level 7) does not hide a
// problem that only the set can show (a criterion 26), so the file's
// every problem is reported at once, as the README promises. The error,
// when not nil, is msg.Problems for faults in the file, or another error
// when it could not be read at all.
//
// Assessment files in YAML are checked in one pass; for workbooks and CSV
// files the set is checked once the values read.
func ReadChecked(path string, lim Limits, setFor SetFor) (*Assessment, *criteria.Set, error) {
	var a *Assessment
	var ps msg.Problems
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		var err error
		if a, ps, err = readYAMLPartial(path, lim); err != nil {
			return nil, nil, err
		}
	default:
		var err error
		if a, err = ReadFileLimits(path, lim); err != nil {
			if berr := bidFormError(path); berr != nil {
				return nil, nil, berr
			}
			return nil, nil, err
		}
	}
	if a == nil {
		return nil, nil, ps.Err()
	}
	set, sps := setFor(a)
	ps = append(ps, sps...)
	if set != nil {
		ps = append(ps, Check(a, set)...)
	}
	if len(ps) > 0 {
		return nil, nil, ps.Err()
	}
	return a, set, nil
}

// readYAMLPartial reads an assessment file as ReadFileLimits does, and
// returns what could be read of it with its problems (see parseYAML).
func readYAMLPartial(path string, lim Limits) (*Assessment, msg.Problems, error) {
	size, tooLarge := lim.yamlSize(), "harden.file-too-large"
	if size == MaxYAMLSize {
		tooLarge = "harden.yaml-too-large"
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fileError(path, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() > size {
		return nil, nil, fileProblem(path, tooLarge, FormatSize(size))
	}
	b, err := readYAMLBytes(f, path, size)
	if err != nil {
		return nil, nil, err
	}
	a, ps := parseYAML(b, path)
	return a, ps, nil
}

func numberList(set *criteria.Set) string {
	ns := set.Numbers()
	if len(ns) == 0 {
		return ""
	}
	lo, hi := ns[0], ns[0]
	for _, n := range ns {
		lo, hi = min(lo, n), max(hi, n)
	}
	if hi-lo+1 == len(ns) {
		return strconv.Itoa(lo) + "–" + strconv.Itoa(hi)
	}
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ", ")
}

func elementList(cl *criteria.Checklist) string {
	ids := make([]string, len(cl.Elements))
	for i, e := range cl.Elements {
		ids[i] = e.ID
	}
	return strings.Join(ids, ", ")
}

// bounds is the range a measure accepts, in words in the reader's
// language: "välillä 0–100", "vähintään 0".
func bounds(m *criteria.Measure) msg.Message {
	switch {
	case m.Min != nil && m.Max != nil:
		return msg.M("form.range.between", msg.Number(*m.Min), msg.Number(*m.Max))
	case m.Min != nil:
		return msg.M("form.range.at-least", msg.Number(*m.Min))
	case m.Max != nil:
		return msg.M("form.range.at-most", msg.Number(*m.Max))
	}
	return msg.M("form.range.any")
}

// boundsIn is bounds rendered in lang, for texts that are not messages
// (the template's input help, the interview's answers).
func boundsIn(lang string, m *criteria.Measure) string { return bounds(m).In(lang) }

// FormatNumber writes a figure without trailing zeros: 23.7, 20.
func FormatNumber(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// resolvePositions replaces each element given by its position (1 for the
// first) with the element's id, unless the text is itself an id.
func resolvePositions(cl *criteria.Checklist, ids []string) {
	for i, id := range ids {
		if cl.Has(id) {
			continue
		}
		if k, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(id), ")")); err == nil && k >= 1 && k <= len(cl.Elements) {
			ids[i] = cl.Elements[k-1].ID
		}
	}
}
