package form

import (
	"strconv"
	"strings"
	"time"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
)

// The readers of the review cycle's sheets (template_cycle.go). Both are
// optional: a workbook made before them reads as before.

// cycleLabel is the label of an outcomes-sheet field, for messages.
func cycleLabel(key string) msg.Message { return msg.M("cycleform.field." + key) }

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
	out := &Outcomes{Place: msg.Place{File: g.file, Sheet: g.sheet}}
	rv := &Review{Place: msg.Place{File: g.file, Sheet: g.sheet}}
	hasOut, hasReview, badDate := false, false, false
	places := map[string]msg.Place{}
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
		places[key] = place
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
		case v == "":
			// Not given.
		case key == keyPeriodStart, key == keyPeriodEnd:
			d, ok := cellDate(cleanNumber(v))
			if !ok {
				ps.Add(place, 0, "cycleform.bad-date", cycleLabel(key), v)
				badDate = true
				return
			}
			hasOut = true
			if key == keyPeriodStart {
				out.Start = d
			} else {
				out.End = d
			}
		case key == keyCaseload, key == keyCompetitiveWork, key == keyJobStarts, key == keyJobsEnded:
			n, err := strconv.Atoi(cleanNumber(v))
			if err != nil || n < 0 {
				ps.Add(place, 0, "cycleform.bad-count", cycleLabel(key), v)
				return
			}
			hasOut = true
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
		case key == keyReviewKind:
			kind, ok := reviewKind(v)
			if !ok {
				ps.Add(place, 0, "cycleform.bad-kind", v, msg.M("review.kind.self"), msg.M("review.kind.external"))
				return
			}
			hasReview, rv.Kind = true, kind
		case key == keyReviewers:
			hasReview, rv.Reviewers = true, splitList(v, false)
		case key == keyOrganisation:
			hasReview, rv.Organisation = true, v
		case key == keyDaysOnSite:
			x, ok := ParseNumber(cleanNumber(v))
			if !ok || x < 0 || strings.HasSuffix(v, "%") {
				ps.Add(place, 0, "cycleform.bad-days", v)
				return
			}
			hasReview, rv.DaysOnSite = true, &x
		default:
			ps.Add(g.place(r, g.keyCol), 0, "sheet.bad-key", key)
		}
	})
	if hasOut {
		if out.Start.IsZero() != out.End.IsZero() && !badDate {
			missing := keyPeriodEnd
			if out.Start.IsZero() {
				missing = keyPeriodStart
			}
			ps.Add(places[missing], 0, "cycleform.missing-date", cycleLabel(missing))
		}
		if !out.Start.IsZero() && !out.End.IsZero() && out.End.Before(out.Start) {
			ps.Add(places[keyPeriodEnd], 0, "review.period-order", out.Start.Format(time.DateOnly), out.End.Format(time.DateOnly))
		}
		if out.Caseload != nil && out.CompetitiveWork != nil && *out.CompetitiveWork > *out.Caseload {
			ps.Add(places[keyCompetitiveWork], 0, "cycleform.work-over-caseload", *out.CompetitiveWork, *out.Caseload)
		}
		a.Outcomes = out
	}
	if hasReview {
		a.Review = rv
	}
}

// reviewKind reads a review kind as the drop-down offers it in either
// language, or as the YAML file's id.
func reviewKind(v string) (string, bool) {
	v = strings.ToLower(strings.TrimSpace(v))
	for _, k := range []string{ReviewSelf, ReviewExternal} {
		if v == k {
			return k, true
		}
		for _, lang := range []string{"fi", "en"} {
			if v == strings.ToLower(msg.T(lang, "review.kind."+k)) {
				return k, true
			}
		}
	}
	return "", false
}

// actionStatus reads a status as the drop-down offers it in either
// language, or as the YAML file's id.
func actionStatus(v string) (string, bool) {
	v = strings.ToLower(strings.TrimSpace(v))
	for i, id := range statusIDs {
		if v == id {
			return id, true
		}
		for _, lang := range []string{"fi", "en"} {
			if v == strings.ToLower(statusTexts(lang)[i]) {
				return id, true
			}
		}
	}
	return "", false
}

// readSheetSources reads criterion n's data sources from one cell: the
// sources' names in either language or their ids, separated by commas,
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
		if v == s.ID || v == strings.ToLower(s.Name.In("fi")) || v == strings.ToLower(s.Name.In("en")) {
			return s.ID, true
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
	critCol, actionCol, ownerCol, dueCol, statusCol := cols[0], cols[1], cols[2], cols[3], cols[4]
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
		crit := strings.TrimSpace(g.cell(r, critCol))
		act := Action{
			Action: strings.TrimSpace(g.cell(r, actionCol)),
			Owner:  strings.TrimSpace(g.cell(r, ownerCol)),
			Place:  g.place(r, critCol),
		}
		due := strings.TrimSpace(g.cell(r, dueCol))
		status := strings.TrimSpace(g.cell(r, statusCol))
		if act.Action == "" && act.Owner == "" && due == "" && status == "" {
			return // empty, or only laatu's suggestion
		}
		if crit == "" {
			ps.Add(g.place(r, critCol), 0, "cycleform.plan-no-criterion")
			return
		}
		n, ok := planCriterion(crit)
		if !ok {
			ps.Add(g.place(r, critCol), 0, "cycleform.bad-criterion", crit)
			return
		}
		act.Criterion = n
		if act.Action == "" {
			ps.Add(g.place(r, actionCol), n, "cycleform.plan-no-action")
		}
		if due != "" {
			d, ok := cellDate(cleanNumber(due))
			if !ok {
				ps.Add(g.place(r, dueCol), n, "cycleform.bad-date", msg.M("cycleform.plan.col.due"), due)
			}
			act.Due = d
		}
		if status != "" {
			s, ok := actionStatus(status)
			if !ok {
				ps.Add(g.place(r, statusCol), n, "cycleform.bad-status", status, msg.M("review.status.open"), msg.M("review.status.in-progress"), msg.M("review.status.done"))
			}
			act.Status = s
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
