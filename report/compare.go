package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// CompareSchema names the version of the comparison JSON. A change that
// removes or renames a field gets a new version; new fields may be added
// within one.
const CompareSchema = "laatu.compare/v1"

// CompareOptions tune the comparison reports.
type CompareOptions struct {
	Lang string
	// Order is the order the services were sorted in, for the JSON.
	Order scoring.Order
	// Table picks the CSV table: "long" (default) or "summary".
	Table string
	// CSV is the CSV dialect.
	CSV CSVOptions
}

// CSV tables of a comparison.
const (
	TableLong    = "long"
	TableSummary = "summary"
)

// CompareJSON is the documented JSON form of `laatu compare`.
type CompareJSON struct {
	Schema          string `json:"schema"`
	Criteria        string `json:"criteria"`
	CriteriaVersion string `json:"criteria_version"`
	CriteriaName    string `json:"criteria_name"`
	Order           string `json:"order"`
	Assessments     int    `json:"assessments"`
	RecommendBelow  int    `json:"recommend_below"`
	// Services are in the report's order.
	Services []ServiceJSON `json:"services"`
	// Items are the regional statistics per criterion, in the set's order.
	Items []ItemStatsJSON `json:"items"`
	// Weakest are criterion numbers, weakest first.
	Weakest []int         `json:"weakest"`
	LeftOut []LeftOutJSON `json:"left_out"`
}

// ServiceJSON is one service with its assessments in date order.
type ServiceJSON struct {
	Provider string `json:"provider"`
	Unit     string `json:"unit"`
	// Rank is null when the latest assessment is incomplete.
	Rank            *int                 `json:"rank"`
	Assessments     []SnapshotJSON       `json:"assessments"`
	Change          *ChangeJSON          `json:"change"`
	Recommendations []RecommendationJSON `json:"recommendations"`
	// Missing lists the criteria the latest assessment does not rate.
	Missing []int `json:"missing"`
}

// SnapshotJSON is one assessment's scores.
type SnapshotJSON struct {
	File      string         `json:"file"`
	Date      *string        `json:"date"`
	Total     int            `json:"total"`
	Max       int            `json:"max"`
	Rated     int            `json:"rated"`
	Count     int            `json:"count"`
	Mean      *float64       `json:"mean"`
	Complete  bool           `json:"complete"`
	Band      *string        `json:"band"`
	BandName  *string        `json:"band_name"`
	Conflicts int            `json:"conflicts"`
	Domains   []DomainJSON   `json:"domains"`
	Levels    map[string]int `json:"levels"`
}

// ChangeJSON is the latest assessment against the previous one; a null
// value is not comparable (either side incomplete or not rated).
type ChangeJSON struct {
	From     *string         `json:"from"`
	To       *string         `json:"to"`
	Total    *int            `json:"total"`
	Domains  map[string]*int `json:"domains"`
	Criteria map[string]*int `json:"criteria"`
}

// RecommendationJSON is a criterion below the threshold with what the next
// level asks for.
type RecommendationJSON struct {
	Criterion int    `json:"criterion"`
	Title     string `json:"title"`
	Level     int    `json:"level"`
	NextLevel int    `json:"next_level"`
	Next      string `json:"next"`
}

// ItemStatsJSON is one criterion over the services' latest assessments.
type ItemStatsJSON struct {
	Criterion int      `json:"criterion"`
	Title     string   `json:"title"`
	Domain    string   `json:"domain"`
	Rated     int      `json:"rated"`
	Mean      *float64 `json:"mean"`
	Median    *float64 `json:"median"`
	Below     int      `json:"below"`
}

// LeftOutJSON is an assessment made with another criteria set.
type LeftOutJSON struct {
	File            string `json:"file"`
	Provider        string `json:"provider"`
	Unit            string `json:"unit"`
	Criteria        string `json:"criteria"`
	CriteriaVersion string `json:"criteria_version"`
}

func deltaPtr(d scoring.Delta) *int {
	if !d.OK {
		return nil
	}
	return ptr(d.Value)
}

func datePtr(iso string) *string {
	if iso == "" {
		return nil
	}
	return &iso
}

func snapshotJSON(s *scoring.Snapshot, lang string) SnapshotJSON {
	j := SnapshotJSON{
		File: s.Source, Date: datePtr(s.DateISO()), Total: s.Total, Max: s.Max, Rated: s.Rated, Count: s.Count,
		Complete: s.Complete, Conflicts: s.Conflicts, Levels: map[string]int{}, Domains: []DomainJSON{},
	}
	if s.Rated > 0 {
		j.Mean = ptr(round2(s.Mean()))
	}
	if s.Band != nil {
		j.Band = ptr(s.Band.ID)
		j.BandName = ptr(s.Band.Name.In(lang))
	}
	for _, d := range s.Domains {
		dj := DomainJSON{ID: d.Domain.ID, Name: d.Domain.Name.In(lang), Score: d.Score, Max: d.Max, Rated: d.Rated, Count: d.Count}
		if d.Rated > 0 {
			dj.Mean = ptr(round2(d.Mean))
		}
		j.Domains = append(j.Domains, dj)
	}
	for i, l := range s.Levels {
		if l != 0 {
			j.Levels[strconv.Itoa(s.Set.Criteria[i].Number)] = int(l)
		}
	}
	return j
}

// CompareJSONOf converts a comparison to its JSON form.
func CompareJSONOf(c *scoring.Comparison, opt CompareOptions) CompareJSON {
	l := opt.Lang
	set := c.Set
	j := CompareJSON{
		Schema: CompareSchema, Criteria: set.ID, CriteriaVersion: set.Version, CriteriaName: set.Name.In(l),
		Order: string(opt.Order), Assessments: c.Assessments, RecommendBelow: c.Below,
		Services: []ServiceJSON{}, Items: []ItemStatsJSON{}, Weakest: []int{}, LeftOut: []LeftOutJSON{},
	}
	if j.Order == "" {
		j.Order = string(scoring.ByTotal)
	}
	for i := range c.Services {
		sv := &c.Services[i]
		sj := ServiceJSON{Provider: sv.Provider, Unit: sv.Unit, Recommendations: []RecommendationJSON{}, Missing: sv.Latest().Missing()}
		if sv.Rank > 0 {
			sj.Rank = ptr(sv.Rank)
		}
		for k := range sv.History {
			sj.Assessments = append(sj.Assessments, snapshotJSON(&sv.History[k], l))
		}
		if ch := sv.Change; ch != nil {
			cj := &ChangeJSON{
				From: datePtr(sv.Previous().DateISO()), To: datePtr(sv.Latest().DateISO()),
				Total: deltaPtr(ch.Total), Domains: map[string]*int{}, Criteria: map[string]*int{},
			}
			for k, d := range ch.Domains {
				cj.Domains[set.Domains[k].ID] = deltaPtr(d)
			}
			for k, d := range ch.Criteria {
				cj.Criteria[strconv.Itoa(set.Criteria[k].Number)] = deltaPtr(d)
			}
			sj.Change = cj
		}
		for _, r := range sv.Recommendations {
			sj.Recommendations = append(sj.Recommendations, RecommendationJSON{
				Criterion: r.Criterion.Number, Title: r.Criterion.Title.In(l), Level: r.Level,
				NextLevel: r.Next(), Next: r.Criterion.Anchor(r.Next()).In(l),
			})
		}
		j.Services = append(j.Services, sj)
	}
	for _, st := range c.Criteria {
		ij := ItemStatsJSON{Criterion: st.Criterion.Number, Title: st.Criterion.Title.In(l), Domain: st.Criterion.Domain, Rated: st.Rated, Below: st.Below}
		if st.Rated > 0 {
			ij.Mean, ij.Median = ptr(round2(st.Mean)), ptr(st.Median)
		}
		j.Items = append(j.Items, ij)
	}
	for _, w := range c.Weakest {
		j.Weakest = append(j.Weakest, w.Criterion.Number)
	}
	for _, s := range c.LeftOut {
		j.LeftOut = append(j.LeftOut, LeftOutJSON{File: s.Source, Provider: s.Provider, Unit: s.Unit, Criteria: s.Set.ID, CriteriaVersion: s.Set.Version})
	}
	return j
}

// CompareJSONOut writes the comparison as JSON.
func CompareJSONOut(w io.Writer, c *scoring.Comparison, opt CompareOptions) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(CompareJSONOf(c, opt))
}

// domainLabel is the short name of a domain in narrow tables: the range of
// its criterion numbers ("4–11") when they run without gaps, otherwise its
// name.
func domainLabel(set *criteria.Set, d *criteria.Domain, lang string) string {
	cs := set.InDomain(d.ID)
	if len(cs) == 0 {
		return d.Name.In(lang)
	}
	lo, hi := cs[0].Number, cs[len(cs)-1].Number
	if hi-lo+1 != len(cs) {
		return d.Name.In(lang)
	}
	if lo == hi {
		return strconv.Itoa(lo)
	}
	return fmt.Sprintf("%d–%d", lo, hi)
}

// domainLegend explains the short domain labels.
func domainLegend(set *criteria.Set, lang string) string {
	parts := make([]string, len(set.Domains))
	for i := range set.Domains {
		d := &set.Domains[i]
		parts[i] = msg.T(lang, "compare.legend-domain", domainLabel(set, d, lang), d.Name.In(lang), len(set.InDomain(d.ID))*criteria.MaxLevel)
	}
	return msg.T(lang, "compare.legend-domains", strings.Join(parts, ", "))
}

// bandText is the band's name, "incomplete", or "–" when a complete total
// has no band in the set.
func bandText(s *scoring.Snapshot, lang string) string {
	switch {
	case !s.Complete:
		return msg.T(lang, "compare.incomplete")
	case s.Band != nil:
		return s.Band.Name.In(lang)
	}
	return "–"
}

// signed writes a change as +3, −2 (a real minus sign) or 0; "–" when not
// comparable.
func signed(d scoring.Delta) string {
	switch {
	case !d.OK:
		return "–"
	case d.Value > 0:
		return "+" + strconv.Itoa(d.Value)
	case d.Value < 0:
		return "−" + strconv.Itoa(-d.Value)
	}
	return "0"
}

// changeText is a service's total change, or "–".
func changeText(sv *scoring.Service) string {
	if sv.Change == nil {
		return "–"
	}
	return signed(sv.Change.Total)
}

func rankText(sv *scoring.Service) string {
	if sv.Rank == 0 {
		return "–"
	}
	return strconv.Itoa(sv.Rank)
}

func dateText(s *scoring.Snapshot, lang string) string {
	if s.Date.IsZero() {
		return "–"
	}
	return Date(s.Date).Format(lang, false)
}

// serviceKey is the column key of the i-th service in narrow tables: A, B,
// …, Z, AA, AB, … like spreadsheet columns.
func serviceKey(i int) string { return ColName(i) }

func levelText(l int) string {
	if l == 0 {
		return "–"
	}
	return strconv.Itoa(l)
}

func statText(lang string, st scoring.CriterionStats, x float64, decimals int) string {
	if st.Rated == 0 {
		return "–"
	}
	return Num(lang, x, decimals)
}

// medianText writes 4 or 3,5.
func medianText(lang string, st scoring.CriterionStats) string {
	if st.Rated == 0 {
		return "–"
	}
	if st.Median == float64(int(st.Median)) {
		return strconv.Itoa(int(st.Median))
	}
	return Num(lang, st.Median, 1)
}

// numberList is "12, 17, 21".
func numberList(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ", ")
}

// trendServices are the services with more than one assessment.
func trendServices(c *scoring.Comparison) []*scoring.Service {
	var out []*scoring.Service
	for i := range c.Services {
		if len(c.Services[i].History) > 1 {
			out = append(out, &c.Services[i])
		}
	}
	return out
}

// changedCriteria are the indexes of the criteria whose level differs
// between the previous and the latest assessment, or that one of them does
// not rate while the other does.
func changedCriteria(sv *scoring.Service) []int {
	var out []int
	prev, last := sv.Previous(), sv.Latest()
	for i := range last.Levels {
		if prev.Levels[i] != last.Levels[i] {
			out = append(out, i)
		}
	}
	return out
}

// truncate shortens s to n runes with an ellipsis.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
