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
	parts := strings.Split(strings.TrimSpace(num), ":")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	n, err := strconv.Atoi(parts[0])
	if err != nil || n <= 0 {
		ps.Add(numPlace, 0, "form.bad-criterion", num)
		return
	}
	kind := strings.ToLower(parts[1])
	ok := kind == csvSubFigures && len(parts) == 2 ||
		(kind == csvSubCount || kind == csvSubInput) && len(parts) == 3 && parts[2] != ""
	if !ok {
		ps.Add(numPlace, n, "sheetin.csv.bad-sub", num, n,
			strings.Join([]string{parts[0] + ":" + csvSubFigures, parts[0] + ":" + csvSubCount + ":…", parts[0] + ":" + csvSubInput + ":…"}, ", "))
		return
	}
	key := strings.Join(append([]string{strconv.Itoa(n), kind}, parts[2:]...), ":")
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
			it.setRulePlace(kind+":"+parts[2], vPlace)
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
			ps.Add(vPlace, n, "sheetin.bad-count", parts[2], v)
			return
		}
		if it.Counts == nil {
			it.Counts = map[string]float64{}
		}
		it.Counts[parts[2]] = x
		it.setRulePlace(countKey(parts[2]), vPlace)
	case csvSubInput:
		it.setRulePlace(inputKey(parts[2]), vPlace)
		if it.Inputs == nil {
			it.Inputs = map[string]string{}
		}
		it.Inputs[parts[2]] = v
	}
}
