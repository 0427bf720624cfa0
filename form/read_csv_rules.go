package form

import (
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/msg"
)

// The CSV form's lines for a criterion's rule answers (csvRuleRows): the
// number column names the criterion and the answer ("17:figures",
// "1:count:clients", "17:input:tracking"), the figure column holds it.
// What the answers mean is checked against the set in Check, as for a
// YAML file.

// csvLines remembers which criteria had their own line and which rule
// lines were read, so that a line given twice is reported.
type csvLines struct {
	main map[int]bool
	subs map[string]msg.Place
}

func readCSVRuleLine(a *Assessment, r csvRecord, num string, numPlace msg.Place, v string, vPlace msg.Place, lines *csvLines, ps *msg.Problems) {
	// "17 : count : clients": the criterion, the kind and, for a count or
	// a question, its id; each may have spaces around it.
	first, rest, _ := strings.Cut(strings.TrimSpace(num), ":")
	first = strings.TrimSpace(first)
	n, err := strconv.Atoi(first)
	if err != nil || n <= 0 {
		ps.Add(numPlace, 0, "form.bad-criterion", num)
		return
	}
	kindText, id, hasID := strings.Cut(rest, ":")
	kind, id := strings.ToLower(strings.TrimSpace(kindText)), strings.TrimSpace(id)
	ok := kind == csvSubFigures && !hasID ||
		(kind == csvSubCount || kind == csvSubInput) && hasID && id != "" && !strings.Contains(id, ":")
	if !ok {
		ps.Add(numPlace, n, "sheetin.csv.bad-sub", num, n,
			strings.Join([]string{first + ":" + csvSubFigures, first + ":" + csvSubCount + ":…", first + ":" + csvSubInput + ":…"}, ", "))
		return
	}
	key := strconv.Itoa(n) + ":" + kind
	if hasID {
		key += ":" + id
	}
	if prev, dup := lines.subs[key]; dup {
		ps.Add(numPlace, n, "sheetin.csv.duplicate-sub", key, prev.String())
		return
	}
	lines.subs[key] = msg.Place{File: numPlace.File, Line: numPlace.Line}
	v = strings.TrimSpace(v)
	if v == "" {
		// An item already read keeps where its count or question is,
		// for "give … too".
		if it := a.Item(n); it != nil && kind != csvSubFigures {
			it.setRulePlace(kind+":"+id, vPlace)
		}
		return
	}
	it := a.Item(n)
	if it == nil {
		a.SetItem(Item{Criterion: n, Place: msg.Place{File: numPlace.File, Line: r.line(0)}})
		it = a.Item(n)
	}
	switch kind {
	case csvSubFigures:
		var xs []float64
		for k, f := range strings.Fields(v) {
			x, ok := ParseNumber(f)
			if !ok {
				ps.Add(vPlace, n, "sheetin.bad-specialist-figure", k+1, f)
				return
			}
			xs = append(xs, x)
		}
		it.Figures = xs
		for k := range xs {
			it.setRulePlace(figuresKey(k+1), vPlace)
		}
	case csvSubCount:
		x, ok := ParseNumber(v)
		if !ok || x < 0 {
			ps.Add(vPlace, n, "sheetin.bad-count", id, v)
			return
		}
		if it.Counts == nil {
			it.Counts = map[string]float64{}
		}
		it.Counts[id] = x
		it.setRulePlace(countKey(id), vPlace)
	case csvSubInput:
		it.setRulePlace(inputKey(id), vPlace)
		if it.Inputs == nil {
			it.Inputs = map[string]string{}
		}
		it.Inputs[id] = v
	}
}
