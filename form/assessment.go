package form

import (
	"time"

	"github.com/laatu-fi/laatu/msg"
)

// Assessment is one assessment of one service on one date.
type Assessment struct {
	// Criteria is the id of the criteria set the levels refer to, and
	// CriteriaVersion its version when the file states one.
	Criteria        string
	CriteriaVersion string
	// CriteriaPlace is where the set id is written (a workbook's cell), so
	// that a set mismatch names it; zero means the file as a whole.
	CriteriaPlace msg.Place
	Provider      string
	Unit          string
	// Date is the day of the assessment; zero when the file gives none.
	Date   time.Time
	Raters []string
	// Notes is free text about the assessment as a whole.
	Notes string
	Items []Item

	// Outcomes, Review and Plan belong to the review cycle (review.go):
	// the employment outcomes of a period, who reviewed and how, and the
	// action plan agreed after the review. Nil or empty when the file
	// gives none.
	Outcomes *Outcomes
	Review   *Review
	Plan     []Action

	// Source is the file the assessment was read from.
	Source string
	// Names is how that file names its columns and fields, so that a
	// later message names them as the file does (column_names.go); nil
	// for a YAML file.
	Names *FileNames `yaml:"-"`
}

// Item is the answer to one criterion.
type Item struct {
	Criterion int
	// Level is the rated level 1–5, or 0 when the criterion is not rated.
	Level int
	// Figure is the criterion's measure (clients per coach, a share…) when
	// the rater gave one.
	Figure *float64
	// Figures gives the figure once per employment specialist, for a
	// measure with per_specialist; scoring combines them (their mean).
	Figures []float64
	// Counts gives the counts a measure's ratio is computed from, by the
	// counts' ids (clients: 83, fte: 3.5).
	Counts map[string]float64
	// Inputs answers the criterion's further questions by their ids: a
	// choice's id, yes or no, or a count as written (tracking:
	// monthly-form, current_jobs: 12).
	Inputs map[string]string
	// Checked lists the checklist elements present. Nil means the checklist
	// was not answered; an empty, non-nil list means none is present.
	Checked []string
	// Note is the rater's reasoning, Evidence where it rests (records,
	// interviews). Procurement rulings require a reason beside every level.
	Note     string
	Evidence string
	// Sources are the scale's data source codes the rating rests on
	// (records, documents, interviews, observation: criteria.DataSources).
	Sources []string

	// Place is where the item stands in its file.
	Place msg.Place
	// RulePlaces are where a workbook or CSV file holds the item's rule
	// answers (rule_places.go), so that a problem with one names its cell.
	RulePlaces RulePlaces `yaml:"-"`
}

// Rated reports whether the item has a level of its own.
func (it *Item) Rated() bool { return it.Level != 0 }

// Answered reports whether the item says anything at all.
func (it *Item) Answered() bool {
	return it.Level != 0 || it.Figure != nil || it.Checked != nil || it.Note != "" || it.Evidence != "" ||
		len(it.Figures) > 0 || len(it.Counts) > 0 || len(it.Inputs) > 0 || len(it.Sources) > 0
}

// Item returns the answer to criterion n, or nil.
func (a *Assessment) Item(n int) *Item {
	for i := range a.Items {
		if a.Items[i].Criterion == n {
			return &a.Items[i]
		}
	}
	return nil
}

// SetItem replaces the answer to it.Criterion, or adds it, keeping the items
// in criterion order.
func (a *Assessment) SetItem(it Item) {
	for i := range a.Items {
		if a.Items[i].Criterion == it.Criterion {
			a.Items[i] = it
			return
		}
	}
	i := len(a.Items)
	for i > 0 && a.Items[i-1].Criterion > it.Criterion {
		i--
	}
	a.Items = append(a.Items, Item{})
	copy(a.Items[i+1:], a.Items[i:])
	a.Items[i] = it
}

// Key identifies the service an assessment is about, for grouping the
// assessments of one service over time.
func (a *Assessment) Key() string { return a.Provider + "\x00" + a.Unit }

// DateISO is the date as 2026-11-24, or "" when unknown.
func (a *Assessment) DateISO() string {
	if a.Date.IsZero() {
		return ""
	}
	return a.Date.Format(time.DateOnly)
}

// DateFI is the date as Finnish readers write it: 24.11.2026.
func (a *Assessment) DateFI() string {
	if a.Date.IsZero() {
		return ""
	}
	return a.Date.Format("2.1.2006")
}
