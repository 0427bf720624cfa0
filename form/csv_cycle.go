package form

import (
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
)

// The review cycle in the CSV form: the outcomes and review fields are
// field lines after the details, and after the criteria come two sections,
// each opened by a line whose first cell names it:
//
//	Jakson alku;1.7.2026
//	Asiakkaita jaksolla;40
//	…
//	Kriteerien tietolähteet;
//	1 – Asiakasmäärä valmentajaa kohden;asiakirjat; haastattelut
//	Kehittämissuunnitelma;Toimenpide;Vastuuhenkilö;Määräaika;Tila
//	17 – Tiivis yhteys työnantajiin;Kuusi työnantajaa kuussa;Tiina;31.1.2027;avoin

// CSV sections after the criteria.
const (
	csvSectionSources = "sources"
	csvSectionPlan    = "plan"
)

var (
	csvCycleOnce                 sync.Once
	csvCycleFields, csvSectionOf nameTable
)

// csvCycleNames maps every accepted spelling of a cycle field and of a
// section's opening cell, normalised, to its key.
func csvCycleNames() (fields, sections nameTable) {
	csvCycleOnce.Do(func() {
		csvCycleFields, csvSectionOf = nameTable{keys: map[string]string{}}, nameTable{keys: map[string]string{}}
		for _, k := range cycleKeys {
			csvCycleFields.add(k, k)
		}
		csvSectionOf.add("sources", csvSectionSources)
		csvSectionOf.add("plan", csvSectionPlan)
		for _, lang := range msg.Builtin().Languages() {
			for _, k := range cycleKeys {
				csvCycleFields.add(msg.T(lang, "cycleform.field."+k), k)
			}
			csvSectionOf.add(msg.T(lang, "cycleform.sources.heading"), csvSectionSources)
			csvSectionOf.add(msg.T(lang, "cycleform.plan.title"), csvSectionPlan)
		}
	})
	return csvCycleFields, csvSectionOf
}

// csvCycleValues are a's outcomes and review fields as a CSV file holds
// them.
func csvCycleValues(a *Assessment, lang string) map[string]string {
	v := map[string]string{}
	if a == nil {
		return v
	}
	day := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format("2.1.2006")
	}
	count := func(n *int) string {
		if n == nil {
			return ""
		}
		return strconv.Itoa(*n)
	}
	if o := a.Outcomes; o != nil {
		v[keyPeriodStart], v[keyPeriodEnd] = day(o.Start), day(o.End)
		v[keyCaseload], v[keyCompetitiveWork] = count(o.Caseload), count(o.CompetitiveWork)
		v[keyJobStarts], v[keyJobsEnded] = count(o.JobStarts), count(o.JobsEnded)
	}
	if r := a.Review; r != nil {
		if r.Kind != "" {
			v[keyReviewKind] = msg.T(lang, "review.kind."+r.Kind)
		}
		v[keyReviewers] = strings.Join(r.Reviewers, ", ")
		v[keyOrganisation] = r.Organisation
		if r.DaysOnSite != nil {
			v[keyDaysOnSite] = strings.Replace(FormatNumber(*r.DaysOnSite), ".", ",", 1)
		}
	}
	return v
}

// writeCSVCycle writes the two sections after the criteria: each
// criterion's data sources, and the plan with a's actions and a
// suggestion line for each weak criterion without one.
func writeCSVCycle(write func(...string), set *criteria.Set, a *Assessment, lang string) {
	t := func(key string, args ...any) string { return msg.T(lang, key, args...) }
	write("", "")
	write(t("cycleform.sources.heading"), t("cycleform.sources.hint", sourceNames(lang)))
	for i := range set.Criteria {
		c := &set.Criteria[i]
		var names []string
		if a != nil {
			if it := a.Item(c.Number); it != nil {
				for _, id := range it.Sources {
					name := id
					if ds := criteria.DataSourceByID(id); ds != nil {
						name = ds.Name.In(lang)
					}
					names = append(names, name)
				}
			}
		}
		write(criterionChoice(c, lang), strings.Join(names, "; "))
	}
	write("", "")
	heading := []string{t("cycleform.plan.title")}
	for _, k := range []string{colPlanAction, colPlanOwner, colPlanDue, colPlanStatus, colPlanSuggestion} {
		heading = append(heading, t("cycleform.plan.col."+k))
	}
	write(heading...)
	name := func(n int) string {
		if c := set.Criterion(n); c != nil {
			return criterionChoice(c, lang)
		}
		return strconv.Itoa(n)
	}
	if a != nil {
		for _, act := range a.Plan {
			due := ""
			if !act.Due.IsZero() {
				due = act.Due.Format("2.1.2006")
			}
			status := ""
			for i, id := range statusIDs {
				if act.Status == id {
					status = statusTexts(lang)[i]
				}
			}
			write(name(act.Criterion), act.Action, act.Owner, due, status, "")
		}
	}
	for _, sg := range planSuggestions(set, a, lang) {
		write(name(sg.criterion), "", "", "", "", t("cycleform.plan.suggest", sg.anchor))
	}
}

// readCSVSectionLine reads one line of a section after the criteria.
func readCSVSectionLine(a *Assessment, section string, r csvRecord, file string, ps *msg.Problems) {
	place := func(i int) msg.Place { return msg.Place{File: file, Line: r.line(i), Cell: columnName(i + 1)} }
	first := strings.TrimSpace(r.field(0))
	switch section {
	case csvSectionSources:
		v := strings.TrimSpace(r.field(1))
		if v == "" {
			return
		}
		n, ok := planCriterion(first)
		if !ok {
			ps.Add(place(0), 0, "cycleform.bad-criterion", first)
			return
		}
		readSheetSources(a, n, v, place(1), ps)
	case csvSectionPlan:
		var cells [5]string
		var places [5]msg.Place
		for i := range cells {
			cells[i], places[i] = strings.TrimSpace(r.field(i)), place(i)
		}
		if act, ok := readAction(cells, places, ps); ok {
			a.Plan = append(a.Plan, act)
		}
	}
}
