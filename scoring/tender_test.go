package scoring

import (
	"fmt"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
)

// tenderProfile is a small tender: criterion 1 at most 20 clients (a
// minimum requirement), criteria 2 and 14 compared with weights 10 and 20,
// one own minimum requirement and one compared choice; quality 60, price
// 40.
const tenderProfile = `id: pieni
version: "1"
languages: [en]
name: {en: Small tender}
criteria: tyokyky
comparison: {quality: 60, price: 40, ties: %s}
requirements:
  - criterion: 1
    kind: minimum
    figure_max: 20
    source: document
  - criterion: 2
    kind: comparison
    weight: 10
    figure_min: 90
    source: document
  - criterion: 14
    kind: comparison
    weight: 20
    source: laatu-default
own_requirements:
  - id: meetings
    answer: yes-no
    question: {en: Meetings at start and end}
    source: document
  - id: follow-up
    kind: comparison
    answer: choice
    question: {en: How often is the client followed up}
    choices:
      - {id: monthly, label: {en: monthly}, points: 10}
      - {id: yearly, label: {en: yearly}, points: 2}
    source: laatu-default
`

func loadTender(t *testing.T, ties string) (*criteria.Set, *criteria.Profile) {
	t.Helper()
	set, _ := criteria.Builtin(criteria.DefaultID)
	p, err := criteria.ParseProfile([]byte(fmt.Sprintf(tenderProfile, ties)), "pieni.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if ps := p.Check(set); len(ps) > 0 {
		t.Fatal(ps.Err())
	}
	return set, p
}

// tbid is a bid in a test: levels by criterion (a figure for criterion 1),
// answers by id, and a price (0: none).
type tbid struct {
	name     string
	caseload float64
	levels   map[int]int
	answers  map[string]string
	price    float64
}

func (b tbid) make(t *testing.T, set *criteria.Set, p *criteria.Profile) (Result, *form.BidAnswers) {
	t.Helper()
	a := &form.Assessment{Criteria: set.ID, Provider: b.name, Source: b.name + ".yaml"}
	if b.caseload > 0 {
		x := b.caseload
		a.Items = append(a.Items, form.Item{Criterion: 1, Figure: &x})
	}
	for n, l := range b.levels {
		a.Items = append(a.Items, form.Item{Criterion: n, Level: l})
	}
	ans := &form.BidAnswers{Source: a.Source, Answers: map[string]*form.BidAnswer{}}
	for id, v := range b.answers {
		ans.Answers[id] = &form.BidAnswer{Raw: v}
		ans.Order = append(ans.Order, id)
	}
	if ps := form.CheckBidAnswers(p, ans); len(ps) > 0 {
		t.Fatal(ps.Err())
	}
	if b.price > 0 {
		ans.Price = &form.BidPrice{Amount: b.price, Unit: "client-month"}
	}
	return Score(set, a), ans
}

// outcome is what a tender test compares per bid.
type outcome struct {
	Name                         string
	Rank                         int
	Meets                        bool
	Quality                      float64
	QualityPoints, PricePoints   float64
	Total                        float64
	MinimumFailed, OwnUnanswered []string
}

func runTender(t *testing.T, ties string, bids []tbid) []outcome {
	t.Helper()
	set, p := loadTender(t, ties)
	var results []Result
	var answers []*form.BidAnswers
	for _, b := range bids {
		r, a := b.make(t, set, p)
		results = append(results, r)
		answers = append(answers, a)
	}
	e := EvaluateTender(p, set, results, answers)
	var out []outcome
	r2 := func(x float64) float64 { return math.Round(x*100) / 100 }
	for _, b := range e.Bids {
		o := outcome{Name: b.Result.Assessment.Provider, Rank: b.Rank, Meets: b.Meets, Quality: r2(b.Tender.Quality),
			QualityPoints: r2(b.Tender.QualityPoints), PricePoints: r2(b.Tender.PricePoints), Total: r2(b.Tender.Total)}
		for _, k := range b.Checks {
			if !k.Requirement.IsComparison() && k.Status != Pass {
				o.MinimumFailed = append(o.MinimumFailed, string(k.Status))
			}
		}
		for _, c := range b.Own {
			if c.Status == Unanswered {
				o.OwnUnanswered = append(o.OwnUnanswered, c.Requirement.ID)
			}
		}
		if b.NoPrice {
			o.MinimumFailed = append(o.MinimumFailed, "no price")
		}
		out = append(out, o)
	}
	return out
}

var (
	allLevels = map[int]int{2: 5, 14: 5}
	allYes    = map[string]string{"meetings": "yes", "follow-up": "monthly"}
)

func TestTender(t *testing.T) {
	tests := []struct {
		name string
		ties string
		bids []tbid
		want []outcome
	}{
		{"a bid missing a minimum requirement is excluded whatever its points", "share", []tbid{
			{"Best", 25, allLevels, allYes, 900},
			{"NoAnswer", 18, allLevels, map[string]string{"follow-up": "monthly"}, 900},
			{"Said no", 18, allLevels, map[string]string{"meetings": "no", "follow-up": "monthly"}, 900},
			{"Modest", 18, map[int]int{2: 3, 14: 3}, allYes, 1000},
		}, []outcome{
			{Name: "Modest", Rank: 1, Meets: true, Quality: 28, QualityPoints: 60, PricePoints: 40, Total: 100},
			// 30 of 40 quality points and the cheapest price do not save
			// them: excluded, no points, no rank, and their price does not
			// lower the lowest price.
			{Name: "Best", Quality: 40, MinimumFailed: []string{"fail"}},
			{Name: "NoAnswer", Quality: 40, OwnUnanswered: []string{"meetings"}},
			{Name: "Said no", Quality: 40},
		}},
		{"a bid missing a comparison criterion loses its points only", "share", []tbid{
			{"All", 18, allLevels, allYes, 1000},
			{"No 14", 18, map[int]int{2: 5}, allYes, 1000},
			{"No choice", 18, allLevels, map[string]string{"meetings": "yes"}, 1000},
		}, []outcome{
			{Name: "All", Rank: 1, Meets: true, Quality: 40, QualityPoints: 60, PricePoints: 40, Total: 100},
			{Name: "No choice", Rank: 2, Meets: true, Quality: 30, QualityPoints: 45, PricePoints: 40, Total: 85, OwnUnanswered: []string{"follow-up"}},
			{Name: "No 14", Rank: 3, Meets: true, Quality: 20, QualityPoints: 30, PricePoints: 40, Total: 70},
		}},
		{"price points at the lowest price, at twice it, and equal prices", "share", []tbid{
			{"Twice", 18, allLevels, allYes, 2000},
			{"Lowest", 18, allLevels, allYes, 1000},
			{"Also lowest", 18, allLevels, allYes, 1000},
		}, []outcome{
			{Name: "Lowest", Rank: 1, Meets: true, Quality: 40, QualityPoints: 60, PricePoints: 40, Total: 100},
			{Name: "Also lowest", Rank: 1, Meets: true, Quality: 40, QualityPoints: 60, PricePoints: 40, Total: 100},
			{Name: "Twice", Rank: 3, Meets: true, Quality: 40, QualityPoints: 60, PricePoints: 20, Total: 80},
		}},
		{"a bid without a price is excluded when prices are compared", "share", []tbid{
			{"Priced", 18, allLevels, allYes, 1000},
			{"Unpriced", 18, allLevels, allYes, 0},
		}, []outcome{
			{Name: "Priced", Rank: 1, Meets: true, Quality: 40, QualityPoints: 60, PricePoints: 40, Total: 100},
			{Name: "Unpriced", Quality: 40, MinimumFailed: []string{"no price"}},
		}},
		// Equal totals: Quality has the best quality at 1600 (60 + 25 =
		// 85), Cheap and Cheap too three quarters of it at the lowest
		// price (45 + 40 = 85).
		{"equal totals share a rank", "share", tieBids(), []outcome{
			{Name: "Quality", Rank: 1, Meets: true, Quality: 40, QualityPoints: 60, PricePoints: 25, Total: 85},
			{Name: "Cheap", Rank: 1, Meets: true, Quality: 30, QualityPoints: 45, PricePoints: 40, Total: 85, OwnUnanswered: []string{"follow-up"}},
			{Name: "Cheap too", Rank: 1, Meets: true, Quality: 30, QualityPoints: 45, PricePoints: 40, Total: 85, OwnUnanswered: []string{"follow-up"}},
		}},
		{"equal totals: the lower price first", "price", tieBids(), []outcome{
			{Name: "Cheap", Rank: 1, Meets: true, Quality: 30, QualityPoints: 45, PricePoints: 40, Total: 85, OwnUnanswered: []string{"follow-up"}},
			{Name: "Cheap too", Rank: 1, Meets: true, Quality: 30, QualityPoints: 45, PricePoints: 40, Total: 85, OwnUnanswered: []string{"follow-up"}},
			{Name: "Quality", Rank: 3, Meets: true, Quality: 40, QualityPoints: 60, PricePoints: 25, Total: 85},
		}},
		{"equal totals: the higher quality first", "quality", tieBids(), []outcome{
			{Name: "Quality", Rank: 1, Meets: true, Quality: 40, QualityPoints: 60, PricePoints: 25, Total: 85},
			{Name: "Cheap", Rank: 2, Meets: true, Quality: 30, QualityPoints: 45, PricePoints: 40, Total: 85, OwnUnanswered: []string{"follow-up"}},
			{Name: "Cheap too", Rank: 2, Meets: true, Quality: 30, QualityPoints: 45, PricePoints: 40, Total: 85, OwnUnanswered: []string{"follow-up"}},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := runTender(t, tc.ties, tc.bids)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// tieBids are three bids with equal totals (see TestTender).
func tieBids() []tbid {
	cheap := map[string]string{"meetings": "yes"}
	return []tbid{
		{"Quality", 18, allLevels, allYes, 1600},
		{"Cheap", 18, allLevels, cheap, 1000},
		{"Cheap too", 18, allLevels, cheap, 1000},
	}
}
