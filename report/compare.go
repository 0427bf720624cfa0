package report

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

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
	// Width is the terminal's width in columns, for the text report;
	// 0 for DefaultWidth.
	Width int
	// Order is the order the services were sorted in, for the JSON.
	Order scoring.Order
	// Table picks the CSV table: "long" (default) or "summary".
	Table string
	// CSV is the CSV dialect.
	CSV CSVOptions
	// Today is the day the review cycle is read on (compare_review.go):
	// which services are due for review or overdue, which actions are
	// overdue. Zero leaves those lists out.
	Today time.Time
	// Reviews gives the workbook its review-cycle sheet even when no
	// assessment records the cycle (`--today` given). Every other format
	// lists the services due for review in every comparison.
	Reviews bool
}

// CSV tables of a comparison.
const (
	TableLong    = "long"
	TableSummary = "summary"
)

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

// regionMean writes a regional mean with two decimals, rounding halves up
// as people do (3,125 → 3,13), not to even as strconv would.
func regionMean(lang string, st scoring.CriterionStats) string {
	if st.Rated == 0 {
		return "–"
	}
	return Num(lang, roundHalfUp(st.Mean), 2)
}

// roundHalfUp rounds to two decimals, halves away from zero.
func roundHalfUp(x float64) float64 { return math.Round(x*100) / 100 }

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

// Terminal layout limits: the summary and matrix fit a 120-column terminal
// whatever the names, and most of it an 80-column one.
const (
	textNameWidth  = 26
	textTitleWidth = 34
	textBandWidth  = 18
	// matrixBlock is how many services one block of the terminal matrix
	// holds; more services continue in the next block.
	matrixBlock = 16
)

// splitWords breaks s into a first line of at most width runes (whole
// words) and the rest.
func splitWords(s string, width int) (string, string) {
	if len([]rune(s)) <= width {
		return s, ""
	}
	words := strings.Fields(s)
	first := words[0]
	i := 1
	for ; i < len(words) && len([]rune(first))+1+len([]rune(words[i])) <= width; i++ {
		first += " " + words[i]
	}
	return first, strings.Join(words[i:], " ")
}

// matrixBlockFor is how many services one block of the matrix holds in a
// terminal ww columns wide: matrixBlock at DefaultWidth and wider, one
// fewer for every four columns less (a service's column takes four), at
// least four.
func matrixBlockFor(ww int) int {
	return max(4, min(matrixBlock, matrixBlock-(DefaultWidth-ww)/4))
}

// versionsNote says that a service's trend mixes assessments written for
// different versions of the set, naming them and the criteria that
// changed; "" when it does not.
func versionsNote(c *scoring.Comparison, sv *scoring.Service, l string) string {
	m := sv.Versions()
	if m == nil {
		return ""
	}
	files := make([]string, len(m.Earlier))
	for i, s := range m.Earlier {
		files[i] = msg.T(l, "compare.versions.file", s.Source, dateText(s, l), s.EarlierVersion())
	}
	name := ServiceName(sv.Provider, sv.Unit)
	if len(m.Changed) == 0 {
		return msg.TN(l, "compare.versions.mixed-none-changed", len(m.Earlier), name, strings.Join(files, ", "), c.Set.Label())
	}
	return msg.TN(l, "compare.versions.mixed", len(m.Earlier), name, strings.Join(files, ", "), c.Set.Label(), numberList(m.Changed))
}

func mdRow(w io.Writer, cells []string) {
	fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
}

// leftOutSets names the sets of the left-out assessments: "ips" or
// "ips / uk".
func leftOutSets(c *scoring.Comparison) string {
	var ids []string
	seen := map[string]bool{}
	for _, s := range c.LeftOut {
		if !seen[s.Set.ID] {
			seen[s.Set.ID] = true
			ids = append(ids, s.Set.ID)
		}
	}
	return strings.Join(ids, " / ")
}
