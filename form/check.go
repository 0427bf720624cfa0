package form

import (
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
	if a.CriteriaVersion != "" && a.CriteriaVersion != set.Version {
		ps.Add(file, 0, "form.version-mismatch", a.CriteriaVersion, set.ID, set.Version)
		return ps
	}
	seen := map[int]msg.Place{}
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
				ps.Add(it.Place, n, "form.no-measure")
			case !c.Measure.InBounds(*it.Figure):
				ps.Add(it.Place, n, "form.figure-bounds", FormatNumber(*it.Figure), bounds(c.Measure))
			}
		}
		checkRules(it, c, &ps) // check_rules.go
		if it.Checked != nil {
			if c.Checklist == nil {
				ps.Add(it.Place, n, "form.no-checklist")
				continue
			}
			resolvePositions(c.Checklist, it.Checked)
			dup := map[string]bool{}
			for _, id := range it.Checked {
				switch {
				case !c.Checklist.Has(id):
					ps.Add(it.Place, n, "form.unknown-element", id, elementList(c.Checklist))
				case dup[id]:
					ps.Add(it.Place, n, "form.duplicate-element", id)
				}
				dup[id] = true
			}
		}
	}
	return ps
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

func bounds(m *criteria.Measure) string {
	lo, hi := "", ""
	if m.Min != nil {
		lo = FormatNumber(*m.Min)
	}
	if m.Max != nil {
		hi = FormatNumber(*m.Max)
	}
	switch {
	case lo != "" && hi != "":
		return lo + "–" + hi
	case lo != "":
		return "≥ " + lo
	case hi != "":
		return "≤ " + hi
	}
	return ""
}

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
