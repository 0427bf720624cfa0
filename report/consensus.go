package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// ConsensusSchema names the version of the consensus JSON. A change that
// removes or renames a field gets a new version; new fields may be added.
const ConsensusSchema = "laatu.consensus/v1"

// ConsensusOptions tune the consensus report.
type ConsensusOptions struct {
	Lang string
	// Width is the terminal's width in columns, for the text report;
	// 0 for DefaultWidth.
	Width int
	// Draft is the file the consensus draft was written to, "" when none.
	Draft string
}

// ConsensusJSON is the documented JSON form of `laatu consensus`.
type ConsensusJSON struct {
	Schema          string                          `json:"schema"`
	Provider        string                          `json:"provider"`
	Unit            string                          `json:"unit"`
	Criteria        string                          `json:"criteria"`
	CriteriaVersion string                          `json:"criteria_version"`
	Tolerance       int                             `json:"tolerance"`
	Raters          []ConsensusRaterJSON            `json:"raters"`
	DatesDiffer     bool                            `json:"dates_differ"`
	Items           []ConsensusItemJSON             `json:"items"`
	Agreement       AgreementJSON                   `json:"agreement"`
	Discuss         []ConsensusItemJSON             `json:"discuss"`
	Draft           *string                         `json:"draft"`
	Settled         int                             `json:"settled"`
	Open            int                             `json:"open"`
	Counts          map[scoring.AgreementStatus]int `json:"counts"`
}

// ConsensusRaterJSON is one input assessment.
type ConsensusRaterJSON struct {
	Label string   `json:"label"`
	Names []string `json:"names"`
	File  string   `json:"file"`
	Date  *string  `json:"date"`
}

// ConsensusItemJSON is one criterion across the raters. Levels and
// Ratings follow the order of raters; a level is null when not rated.
type ConsensusItemJSON struct {
	Criterion  int                     `json:"criterion"`
	Title      string                  `json:"title"`
	Levels     []*int                  `json:"levels"`
	Spread     int                     `json:"spread"`
	Status     scoring.AgreementStatus `json:"status"`
	DraftLevel *int                    `json:"draft_level"`
	Ratings    []RatingJSON            `json:"ratings,omitempty"`
}

// RatingJSON is one rater's answer to a criterion to discuss.
type RatingJSON struct {
	Rater   string   `json:"rater"`
	Level   *int     `json:"level"`
	Implied bool     `json:"implied"`
	Figure  *float64 `json:"figure,omitempty"`
	Checked *int     `json:"checked,omitempty"`
	Note    string   `json:"note"`
}

// AgreementJSON holds the agreement figures; every one rests on N criteria.
type AgreementJSON struct {
	Raters    int       `json:"raters"`
	Criteria  int       `json:"criteria"`
	N         int       `json:"n"`
	Excluded  []int     `json:"excluded"`
	Exact     ShareJSON `json:"exact"`
	WithinOne ShareJSON `json:"within_one"`
	Kappa     KappaJSON `json:"kappa"`
}

// ShareJSON is a count of N criteria and its percentage (null when N = 0).
type ShareJSON struct {
	Count   int      `json:"count"`
	N       int      `json:"n"`
	Percent *float64 `json:"percent"`
}

// KappaJSON is the kappa with its method; value is null when undefined,
// and undefined then says why.
type KappaJSON struct {
	Method    string   `json:"method"`
	N         int      `json:"n"`
	Defined   bool     `json:"defined"`
	Value     *float64 `json:"value"`
	Observed  *float64 `json:"observed"`
	Expected  *float64 `json:"expected"`
	Undefined *string  `json:"undefined"`
}

func round(x float64, decimals int) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', decimals, 64), 64)
	return f
}

// ConsensusJSONOf converts a consensus.
func ConsensusJSONOf(c *scoring.Consensus, opt ConsensusOptions) ConsensusJSON {
	first := c.Raters[0].Result.Assessment
	j := ConsensusJSON{
		Schema: ConsensusSchema, Provider: first.Provider, Unit: first.Unit,
		Criteria: c.Set.ID, CriteriaVersion: c.Set.Version, Tolerance: c.Tolerance,
		DatesDiffer: c.DatesDiffer(), Items: []ConsensusItemJSON{}, Discuss: []ConsensusItemJSON{},
		Counts: map[scoring.AgreementStatus]int{},
	}
	for _, s := range []scoring.AgreementStatus{scoring.StatusAgreed, scoring.StatusWithinTolerance, scoring.StatusDiscuss, scoring.StatusPartial, scoring.StatusUnrated} {
		j.Counts[s] = 0
	}
	for _, r := range c.Raters {
		a := r.Result.Assessment
		rj := ConsensusRaterJSON{Label: r.Label, Names: a.Raters, File: a.Source}
		if rj.Names == nil {
			rj.Names = []string{}
		}
		if d := a.DateISO(); d != "" {
			rj.Date = &d
		}
		j.Raters = append(j.Raters, rj)
	}
	for _, it := range c.Items {
		ij := consensusItemJSON(c, it, opt.Lang)
		j.Counts[it.Status]++
		j.Items = append(j.Items, ij)
		if it.ToDiscuss() {
			for i, r := range c.Raters {
				ir := it.Ratings[i]
				rj := RatingJSON{Rater: r.Label, Implied: ir.Given == 0 && ir.Level != 0, Figure: ir.Figure, Note: ir.Note}
				if ir.Level != 0 {
					rj.Level = ptr(ir.Level)
				}
				if ir.Checked >= 0 {
					rj.Checked = ptr(ir.Checked)
				}
				ij.Ratings = append(ij.Ratings, rj)
			}
			j.Discuss = append(j.Discuss, ij)
		}
	}
	j.Settled, j.Open = c.Settled(), c.Open()
	j.Agreement = agreementJSON(c)
	if opt.Draft != "" {
		j.Draft = ptr(opt.Draft)
	}
	return j
}

func consensusItemJSON(c *scoring.Consensus, it scoring.ConsensusItem, lang string) ConsensusItemJSON {
	ij := ConsensusItemJSON{Criterion: it.Number(), Title: it.Criterion.Title.In(lang), Spread: it.Spread, Status: it.Status}
	for _, ir := range it.Ratings {
		if ir.Missing() {
			ij.Levels = append(ij.Levels, nil)
		} else {
			ij.Levels = append(ij.Levels, ptr(ir.Level))
		}
	}
	if it.Level != 0 {
		ij.DraftLevel = ptr(it.Level)
	}
	return ij
}

func agreementJSON(c *scoring.Consensus) AgreementJSON {
	a := c.Agreement
	j := AgreementJSON{Raters: a.Raters, Criteria: a.Criteria, N: a.N, Excluded: excluded(c),
		Exact: ShareJSON{Count: a.ExactCount, N: a.N}, WithinOne: ShareJSON{Count: a.WithinOneCount, N: a.N}}
	if s, ok := a.Exact(); ok {
		j.Exact.Percent = ptr(round(100*s, 1))
	}
	if s, ok := a.WithinOne(); ok {
		j.WithinOne.Percent = ptr(round(100*s, 1))
	}
	k := a.Kappa
	j.Kappa = KappaJSON{Method: string(k.Method), N: a.N, Defined: k.Defined}
	if k.Defined {
		j.Kappa.Value = ptr(round(k.Value, 4))
		j.Kappa.Observed = ptr(round(k.Observed, 4))
		j.Kappa.Expected = ptr(round(k.Expected, 4))
	} else {
		j.Kappa.Undefined = ptr(string(k.Undefined))
	}
	return j
}

// excluded lists the criteria left out of the agreement figures: those not
// every rater gave a level.
func excluded(c *scoring.Consensus) []int {
	ns := []int{}
	for _, it := range c.Items {
		if it.Status == scoring.StatusPartial || it.Status == scoring.StatusUnrated {
			ns = append(ns, it.Number())
		}
	}
	return ns
}

// ConsensusJSONOut writes the consensus as JSON.
func ConsensusJSONOut(w io.Writer, c *scoring.Consensus, opt ConsensusOptions) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(ConsensusJSONOf(c, opt))
}

// raterMark is the column letter of rater i: A, B, C…
func raterMark(i int) string {
	if i < 26 {
		return string(rune('A' + i))
	}
	return strconv.Itoa(i + 1)
}

// levelCell is "4", "4*" for a level implied by a figure or checklist, or
// "–" when the rater gave none.
func levelCell(ir scoring.ItemResult) string {
	switch {
	case ir.Missing():
		return "–"
	case ir.Given == 0:
		return fmt.Sprintf("%d*", ir.Level)
	}
	return strconv.Itoa(ir.Level)
}

func anyImplied(c *scoring.Consensus) bool {
	for _, it := range c.Items {
		for _, ir := range it.Ratings {
			if ir.Given == 0 && ir.Level != 0 {
				return true
			}
		}
	}
	return false
}

// ratingText is one rater's answer in words: "4 (luku 92) – reason".
func ratingText(lang string, ir scoring.ItemResult) string {
	s := msg.T(lang, "consensus.note-no-level")
	if !ir.Missing() {
		s = levelCell(ir)
	}
	var extras []string
	if ir.Figure != nil {
		extras = append(extras, msg.T(lang, "consensus.note-figure", Figure(lang, *ir.Figure)))
	}
	if ir.Checked >= 0 && ir.Criterion.Checklist != nil {
		extras = append(extras, msg.T(lang, "consensus.note-checklist", ir.Checked, len(ir.Criterion.Checklist.Elements)))
	}
	if len(extras) > 0 {
		s += " (" + strings.Join(extras, ", ") + ")"
	}
	if n := oneLine(ir.Note); n != "" {
		s += " – " + n
	}
	return s
}

// datesText is "Anna Arvioija 20.11.2026, Pekka Parivirta 24.11.2026".
func datesText(lang string, c *scoring.Consensus) string {
	parts := make([]string, len(c.Raters))
	for i, r := range c.Raters {
		a := r.Result.Assessment
		d := dateFor(lang, a.DateISO(), a.DateFI())
		if d == "" {
			d = "–"
		}
		parts[i] = r.Label + " " + d
	}
	return strings.Join(parts, ", ")
}

// withinText is "4 Kytkeytyminen sote-palveluihin (2/3 → 2), …".
func withinText(lang string, c *scoring.Consensus) string {
	var parts []string
	for _, it := range c.Items {
		if it.Status != scoring.StatusWithinTolerance {
			continue
		}
		levels := make([]string, len(it.Ratings))
		for i, ir := range it.Ratings {
			levels[i] = strconv.Itoa(ir.Level)
		}
		parts = append(parts, fmt.Sprintf("%d %s (%s → %d)", it.Number(), it.Criterion.Title.In(lang), strings.Join(levels, "/"), it.Level))
	}
	return strings.Join(parts, ", ")
}

// kappaName names the kappa's method in lang.
func kappaName(lang string, k scoring.Kappa) string {
	if k.Method == "" {
		return msg.T(lang, "consensus.kappa.none")
	}
	return msg.T(lang, "consensus.kappa."+string(k.Method))
}

// agreementRows are the figures as table rows: name, value, basis.
func agreementRows(lang string, a scoring.Agreement) [][]string {
	share := func(key string, count int, s float64, ok bool) []string {
		v := "–"
		if ok {
			v = Num(lang, 100*s, 1) + " %"
		}
		return []string{msg.T(lang, key), v, fmt.Sprintf("%d/%d", count, a.N)}
	}
	exact, okE := a.Exact()
	within, okW := a.WithinOne()
	kv := msg.T(lang, "consensus.undefined")
	if a.Kappa.Defined {
		kv = Num(lang, a.Kappa.Value, 2)
	}
	return [][]string{
		share("consensus.exact", a.ExactCount, exact, okE),
		share("consensus.within-one", a.WithinOneCount, within, okW),
		{kappaName(lang, a.Kappa), kv, strconv.Itoa(a.N)},
	}
}

// kappaNote explains the kappa: its parts, or why it is undefined.
func kappaNote(lang string, k scoring.Kappa) string {
	if !k.Defined {
		return msg.T(lang, "consensus.undefined."+string(k.Undefined))
	}
	return msg.T(lang, "consensus.kappa-detail", Num(lang, k.Observed, 2), Num(lang, k.Expected, 2))
}

// draftLine closes the report: where the draft is and what is left, or
// how to get one.
func draftLine(lang string, c *scoring.Consensus, draft string) string {
	if draft == "" {
		return msg.T(lang, "consensus.draft-hint")
	}
	return msg.T(lang, "consensus.draft-written", draft, c.Settled(), c.Open(), draft)
}

func statusText(lang string, s scoring.AgreementStatus) string {
	return msg.T(lang, "consensus.status."+string(s))
}
