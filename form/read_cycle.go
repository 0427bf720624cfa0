package form

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
)

// The readers of the review cycle's sheets (template_cycle.go). Both are
// optional: a workbook made before them reads as before.

// label names an outcomes field as the file does (column_names.go).
func (cr *cycleReader) label(key string) fileLabel {
	return cr.names.label("cycleform.field."+key, key)
}

// inLang is a message argument written in the message's language.
type inLang func(lang string) string

func (f inLang) In(lang string) string { return f(lang) }

// readOutcomesSheet reads the outcomes sheet into a's Outcomes, Review
// and the items' Sources. A field left empty is not given; a sheet with
// nothing filled in adds nothing.
func readOutcomesSheet(g *grid, a *Assessment, ps *msg.Problems) {
	valueCol, ok := g.column(colValue, ps)
	if !ok {
		return
	}
	cr := newCycleReader(msg.Place{File: g.file, Sheet: g.sheet})
	cr.names = g.names
	seen := map[string]msg.Place{}
	g.keyedRows(func(r int, key string) {
		place := g.place(r, valueCol)
		if prev, dup := seen[key]; dup {
			ps.Add(place, 0, "sheet.duplicate-field", key, prev.Sheet+"!"+prev.Cell)
			return
		}
		seen[key] = place
		g.checkControls(r, 0, ps, valueCol)
		v := strings.TrimSpace(g.cell(r, valueCol))
		switch {
		case key == keyRate, key == keyBenchmark, key == keySourcesHeading:
			// Computed or a heading: not read back.
		case strings.HasPrefix(key, rowSources):
			n, err := strconv.Atoi(strings.TrimPrefix(key, rowSources))
			if err != nil || n <= 0 {
				ps.Add(g.place(r, g.keyCol), 0, "sheet.bad-key", key)
				return
			}
			if v != "" {
				readSheetSources(a, n, v, place, ps)
			}
		default:
			if !cr.set(key, v, place, ps) {
				ps.Add(g.place(r, g.keyCol), 0, "sheet.bad-key", key)
			}
		}
	})
	cr.finish(a, ps)
}

// cycleKeys are the outcomes and review fields a user fills in, on the
// outcomes sheet and as field lines of a CSV file.
var cycleKeys = []string{keyPeriodStart, keyPeriodEnd, keyCaseload, keyCompetitiveWork, keyJobStarts, keyJobsEnded,
	keyReviewKind, keyReviewers, keyOrganisation, keyDaysOnSite}

// cycleReader gathers the outcomes and review fields, wherever they are
// read from, and checks them together at the end.
type cycleReader struct {
	out                       *Outcomes
	rv                        *Review
	hasOut, hasReview, badDay bool
	places                    map[string]msg.Place
	names                     *FileNames
	// labelPlaces says a field's place names it already (a CSV field
	// line's label), so that a message that names the field leaves it
	// out of the place rather than say it twice.
	labelPlaces bool
}

// named is place for a message that names the field itself.
func (cr *cycleReader) named(place msg.Place) msg.Place {
	if cr.labelPlaces {
		place.Cell = ""
	}
	return place
}

func newCycleReader(place msg.Place) *cycleReader {
	return &cycleReader{out: &Outcomes{Place: place}, rv: &Review{Place: place}, places: map[string]msg.Place{}}
}

// set reads the value v of field key, and reports whether key is such a
// field. An empty value is not given.
func (cr *cycleReader) set(key, v string, place msg.Place, ps *msg.Problems) bool {
	if !slices.Contains(cycleKeys, key) {
		return false
	}
	cr.places[key] = place
	if v = strings.TrimSpace(v); v == "" {
		return true
	}
	out, rv := cr.out, cr.rv
	switch key {
	case keyPeriodStart, keyPeriodEnd:
		d, ok := cellDate(cleanNumber(v))
		if !ok {
			ps.Add(cr.named(place), 0, "cycleform.bad-date", cr.label(key), v)
			cr.badDay = true
			return true
		}
		cr.hasOut = true
		if key == keyPeriodStart {
			out.Start = d
		} else {
			out.End = d
		}
	case keyCaseload, keyCompetitiveWork, keyJobStarts, keyJobsEnded:
		n, err := strconv.Atoi(cleanNumber(v))
		if err != nil || n < 0 {
			ps.Add(cr.named(place), 0, "cycleform.bad-count", cr.label(key), v)
			return true
		}
		cr.hasOut = true
		p := &n
		switch key {
		case keyCaseload:
			out.Caseload = p
		case keyCompetitiveWork:
			out.CompetitiveWork = p
		case keyJobStarts:
			out.JobStarts = p
		default:
			out.JobsEnded = p
		}
	case keyReviewKind:
		kind, ok := reviewKind(v)
		if !ok {
			ps.Add(place, 0, "cycleform.bad-kind", v, msg.M("review.kind.self"), msg.M("review.kind.external"))
			return true
		}
		cr.hasReview, rv.Kind = true, kind
	case keyReviewers:
		cr.hasReview, rv.Reviewers = true, splitList(v, false)
	case keyOrganisation:
		cr.hasReview, rv.Organisation = true, v
	case keyDaysOnSite:
		x, ok := ParseNumber(cleanNumber(v))
		if !ok || x < 0 || strings.HasSuffix(v, "%") {
			ps.Add(place, 0, "cycleform.bad-days", v)
			return true
		}
		cr.hasReview, rv.DaysOnSite = true, &x
	}
	return true
}

// finish checks the fields together and stores them in a.
func (cr *cycleReader) finish(a *Assessment, ps *msg.Problems) {
	out := cr.out
	if cr.hasOut {
		if out.Start.IsZero() != out.End.IsZero() && !cr.badDay {
			missing := keyPeriodEnd
			if out.Start.IsZero() {
				missing = keyPeriodStart
			}
			place, ok := cr.places[missing]
			if !ok {
				place = out.Place
			}
			ps.Add(place, 0, "cycleform.missing-date", cr.label(missing))
		}
		if !out.Start.IsZero() && !out.End.IsZero() && out.End.Before(out.Start) {
			ps.Add(cr.places[keyPeriodEnd], 0, "review.period-order", out.Start.Format(time.DateOnly), out.End.Format(time.DateOnly))
		}
		if out.Caseload != nil && out.CompetitiveWork != nil && *out.CompetitiveWork > *out.Caseload {
			ps.Add(cr.places[keyCompetitiveWork], 0, "cycleform.work-over-caseload", *out.CompetitiveWork, *out.Caseload)
		}
		a.Outcomes = out
	}
	if cr.hasReview {
		a.Review = cr.rv
	}
}

// reviewKind reads a review kind as the drop-down offers it in any
// language, or as the YAML file's id.
func reviewKind(v string) (string, bool) {
	v = strings.ToLower(strings.TrimSpace(v))
	for _, k := range []string{ReviewSelf, ReviewExternal} {
		if v == k {
			return k, true
		}
		for _, lang := range msg.Locales() {
			if v == strings.ToLower(msg.T(lang, "review.kind."+k)) {
				return k, true
			}
		}
	}
	return "", false
}

// actionStatus reads a status as the drop-down offers it in any
// language, or as the YAML file's id.
func actionStatus(v string) (string, bool) {
	v = strings.ToLower(strings.TrimSpace(v))
	for i, id := range statusIDs {
		if v == id {
			return id, true
		}
		for _, lang := range msg.Locales() {
			if v == strings.ToLower(statusTexts(lang)[i]) {
				return id, true
			}
		}
	}
	return "", false
}

// readSheetSources reads criterion n's data sources from one cell: the
// sources' names in any language or their ids, separated by commas,
// semicolons or line breaks.
func readSheetSources(a *Assessment, n int, v string, place msg.Place, ps *msg.Problems) {
	var ids []string
	seen := map[string]bool{}
	for _, p := range splitList(v, false) {
		id, ok := sourceID(p)
		switch {
		case !ok:
			ps.Add(place, n, "cycleform.bad-source", p, inLang(sourceNames))
			continue
		case seen[id]:
			ps.Add(place, n, "review.duplicate-source", id)
			continue
		}
		seen[id] = true
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		return
	}
	if it := a.Item(n); it != nil {
		it.Sources = ids
		return
	}
	a.SetItem(Item{Criterion: n, Sources: ids, Place: place})
}

func sourceID(v string) (string, bool) {
	v = strings.ToLower(strings.TrimSpace(v))
	for _, s := range criteria.DataSources {
		if v == s.ID {
			return s.ID, true
		}
		for _, lang := range msg.Locales() {
			if v == strings.ToLower(s.Name.In(lang)) {
				return s.ID, true
			}
		}
	}
	return "", false
}

// readPlanSheet reads the plan sheet's actions into a.Plan, in row order.
// A row with nothing typed in it is skipped, and so is a row where laatu
// only suggested an action (its criterion and the suggestion); a row with
// anything typed needs its criterion and its action.
func readPlanSheet(g *grid, a *Assessment, ps *msg.Problems) {
	var cols [5]int
	for i, k := range []string{colPlanCriterion, colPlanAction, colPlanOwner, colPlanDue, colPlanStatus} {
		c, ok := g.column(k, ps)
		if !ok {
			return
		}
		cols[i] = c
	}
	seen := map[string]msg.Place{}
	g.keyedRows(func(r int, key string) {
		if !strings.HasPrefix(key, rowAction) {
			ps.Add(g.place(r, g.keyCol), 0, "sheet.bad-key", key)
			return
		}
		if prev, dup := seen[key]; dup {
			ps.Add(g.place(r, g.keyCol), 0, "sheet.duplicate-field", key, prev.Sheet+"!"+prev.Cell)
			return
		}
		seen[key] = g.place(r, g.keyCol)
		g.checkControls(r, 0, ps, cols[:]...)
		cells := [5]string{}
		var places [5]msg.Place
		for i, c := range cols {
			cells[i], places[i] = strings.TrimSpace(g.cell(r, c)), g.place(r, c)
		}
		act, ok := readAction(cells, places, ps)
		if !ok {
			return
		}
		a.Plan = append(a.Plan, act)
	})
}

// planCriterion reads the criterion of a plan row: "17 – Tiivis yhteys
// työnantajiin" as the drop-down gives it, or a bare number.
func planCriterion(v string) (int, bool) {
	v = cleanNumber(v)
	end := 0
	for end < len(v) && v[end] >= '0' && v[end] <= '9' {
		end++
	}
	if end == 0 {
		return 0, false
	}
	rest := strings.TrimSpace(v[end:])
	if rest != "" && !strings.HasPrefix(rest, "–") && !strings.HasPrefix(rest, "-") && !strings.HasPrefix(rest, ".") {
		return 0, false
	}
	n, err := strconv.Atoi(v[:end])
	return n, err == nil && n > 0
}

// readAction reads one action of the plan from its cells — criterion,
// action, owner, due date, status — at places. ok is false for a row with
// nothing typed (the criterion alone is laatu's suggestion) and for one
// whose criterion is not accepted.
func readAction(cells [5]string, places [5]msg.Place, ps *msg.Problems) (act Action, ok bool) {
	crit, due, status := cells[0], cells[3], cells[4]
	act = Action{Action: cells[1], Owner: cells[2], Place: places[0]}
	if act.Action == "" && act.Owner == "" && due == "" && status == "" {
		return act, false
	}
	if crit == "" {
		ps.Add(places[0], 0, "cycleform.plan-no-criterion")
		return act, false
	}
	n, ok := planCriterion(crit)
	if !ok {
		ps.Add(places[0], 0, "cycleform.bad-criterion", crit)
		return act, false
	}
	act.Criterion = n
	if act.Action == "" {
		ps.Add(places[1], n, "cycleform.plan-no-action")
	}
	if due != "" {
		d, ok := cellDate(cleanNumber(due))
		if !ok {
			ps.Add(places[3], n, "cycleform.bad-date", msg.M("cycleform.plan.col.due"), due)
		}
		act.Due = d
	}
	if status != "" {
		s, ok := actionStatus(status)
		if !ok {
			ps.Add(places[4], n, "cycleform.bad-status", status, msg.M("review.status.open"), msg.M("review.status.in-progress"), msg.M("review.status.done"))
		}
		act.Status = s
	}
	return act, true
}
