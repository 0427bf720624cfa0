package scoring

import (
	"math"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
)

// builtinProfile is version 1 of the built-in profile
// (testdata/profiles), in which every key criterion is a minimum
// requirement: the checks of one criterion against one requirement.
func builtinProfile(t *testing.T) (*criteria.Set, *criteria.Profile) {
	t.Helper()
	set, ok := criteria.Builtin(criteria.DefaultID)
	if !ok {
		t.Fatal("no default set")
	}
	f, err := os.Open("../testdata/profiles/te-tyohonvalmennus-v1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := criteria.LoadProfile(f, "te-tyohonvalmennus-v1.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return set, p
}

// checkResult is what a test compares: the status and the findings.
type checkResult struct {
	Status  KeyStatus
	Reasons []Reason
}

func TestCheckRequirement(t *testing.T) {
	set, p := builtinProfile(t)
	window := criteria.Requirement{Criterion: 2, FigureMin: f64(80), FigureMax: f64(92)}
	tight := criteria.Requirement{Criterion: 1, FigureMax: f64(22)}
	levelAndFigure := criteria.Requirement{Criterion: 15, MinLevel: 4, FigureMax: f64(45)}
	tests := []struct {
		name string
		req  *criteria.Requirement
		item *form.Item // nil: the bid does not answer the criterion
		want checkResult
	}{
		// Criterion 1: at most 20 clients per coach.
		{"20 clients per coach passes", p.Requirement(1), &form.Item{Criterion: 1, Figure: f64(20)},
			checkResult{Pass, []Reason{{Code: ReasonFigureMet, Figure: 20, Level: 5}}}},
		{"21 clients per coach fails", p.Requirement(1), &form.Item{Criterion: 1, Figure: f64(21)},
			checkResult{Fail, []Reason{{Code: ReasonFigureOut, Figure: 21, Level: 4}}}},
		{"20.01 clients per coach fails", p.Requirement(1), &form.Item{Criterion: 1, Figure: f64(20.01)},
			checkResult{Fail, []Reason{{Code: ReasonFigureOut, Figure: 20.01, Level: 4}}}},
		{"the figure decides even against a level 5", p.Requirement(1), &form.Item{Criterion: 1, Level: 5, Figure: f64(24)},
			checkResult{Fail, []Reason{{Code: ReasonFigureOut, Figure: 24, Level: 5}}}},
		{"level 5 alone stands for at most 20", p.Requirement(1), &form.Item{Criterion: 1, Level: 5},
			checkResult{Pass, []Reason{{Code: ReasonRangeMet, Level: 5}}}},
		{"level 4 alone stands for 21–25", p.Requirement(1), &form.Item{Criterion: 1, Level: 4},
			checkResult{Fail, []Reason{{Code: ReasonRangeOut, Level: 4}}}},
		{"a level whose range crosses the limit needs the figure", &tight, &form.Item{Criterion: 1, Level: 4},
			checkResult{Fail, []Reason{{Code: ReasonRangeAcross, Level: 4}}}},
		{"crossing range, figure given", &tight, &form.Item{Criterion: 1, Level: 4, Figure: f64(22)},
			checkResult{Pass, []Reason{{Code: ReasonFigureMet, Figure: 22, Level: 4}}}},

		// Criterion 2: at least 90 % of working time.
		{"90 % passes", p.Requirement(2), &form.Item{Criterion: 2, Figure: f64(90)},
			checkResult{Pass, []Reason{{Code: ReasonFigureMet, Figure: 90, Level: 4}}}},
		{"89.9 % fails", p.Requirement(2), &form.Item{Criterion: 2, Figure: f64(89.9)},
			checkResult{Fail, []Reason{{Code: ReasonFigureOut, Figure: 89.9, Level: 3}}}},
		{"level 4 alone stands for 90–95 %", p.Requirement(2), &form.Item{Criterion: 2, Level: 4},
			checkResult{Pass, []Reason{{Code: ReasonRangeMet, Level: 4}}}},
		{"level 3 alone stands for 75–89 %", p.Requirement(2), &form.Item{Criterion: 2, Level: 3},
			checkResult{Fail, []Reason{{Code: ReasonRangeOut, Level: 3}}}},
		{"a window: 92 passes", &window, &form.Item{Criterion: 2, Figure: f64(92)},
			checkResult{Pass, []Reason{{Code: ReasonFigureMet, Figure: 92, Level: 4}}}},
		{"a window: 92.5 fails", &window, &form.Item{Criterion: 2, Figure: f64(92.5)},
			checkResult{Fail, []Reason{{Code: ReasonFigureOut, Figure: 92.5, Level: 4}}}},

		// Minimum levels.
		{"level 4 meets minimum 4", p.Requirement(14), &form.Item{Criterion: 14, Level: 4},
			checkResult{Pass, []Reason{{Code: ReasonLevelMet, Level: 4}}}},
		{"level 3 misses minimum 4", p.Requirement(14), &form.Item{Criterion: 14, Level: 3},
			checkResult{Fail, []Reason{{Code: ReasonLevelLow, Level: 3}}}},
		{"level 4 misses minimum 5 (all five phases)", p.Requirement(3), &form.Item{Criterion: 3, Level: 4},
			checkResult{Fail, []Reason{{Code: ReasonLevelLow, Level: 4}}}},
		{"a checklist implies the level", p.Requirement(5), &form.Item{Criterion: 5,
			Checked: []string{"weekly-team-meeting", "shared-decisions", "shared-record", "office-near-team"}},
			checkResult{Pass, []Reason{{Code: ReasonLevelMet, Level: 4, Implied: 4, Basis: BasisChecklist}}}},
		{"a checklist of three implies level 3", p.Requirement(5), &form.Item{Criterion: 5,
			Checked: []string{"weekly-team-meeting", "shared-decisions", "shared-record"}},
			checkResult{Fail, []Reason{{Code: ReasonLevelLow, Level: 3, Implied: 3, Basis: BasisChecklist}}}},
		{"a figure implies the level: 60 days → 4", p.Requirement(15), &form.Item{Criterion: 15, Figure: f64(60)},
			checkResult{Pass, []Reason{{Code: ReasonLevelMet, Level: 4, Implied: 4, Basis: BasisFigure}}}},
		{"a figure implies the level: 61 days → 3", p.Requirement(15), &form.Item{Criterion: 15, Figure: f64(61)},
			checkResult{Fail, []Reason{{Code: ReasonLevelLow, Level: 3, Implied: 3, Basis: BasisFigure}}}},
		{"level 5 given, but its own figure implies 3", p.Requirement(17), &form.Item{Criterion: 17, Level: 5, Figure: f64(4)},
			checkResult{Fail, []Reason{{Code: ReasonImpliedLow, Level: 5, Implied: 3, Basis: BasisFigure, Figure: 4}}}},
		{"level 3 given, though its figure implies 5", p.Requirement(17), &form.Item{Criterion: 17, Level: 3, Figure: f64(6)},
			checkResult{Fail, []Reason{{Code: ReasonLevelLow, Level: 3, Implied: 5, Basis: BasisFigure}}}},
		{"level and figure both required: both met", &levelAndFigure, &form.Item{Criterion: 15, Figure: f64(40)},
			checkResult{Pass, []Reason{{Code: ReasonLevelMet, Level: 4, Implied: 4, Basis: BasisFigure}, {Code: ReasonFigureMet, Figure: 40, Level: 4}}}},
		{"level and figure both required: figure over", &levelAndFigure, &form.Item{Criterion: 15, Figure: f64(50)},
			checkResult{Fail, []Reason{{Code: ReasonLevelMet, Level: 4, Implied: 4, Basis: BasisFigure}, {Code: ReasonFigureOut, Figure: 50, Level: 4}}}},

		// Missing answers.
		{"not in the bid at all", p.Requirement(22), nil,
			checkResult{Unanswered, []Reason{{Code: ReasonUnanswered}}}},
		{"only a note", p.Requirement(22), &form.Item{Criterion: 22, Note: "kerrotaan neuvottelussa"},
			checkResult{Unanswered, []Reason{{Code: ReasonUnanswered}}}},
		{"figure limit, nothing given", p.Requirement(1), &form.Item{Criterion: 1, Evidence: "liite 3"},
			checkResult{Unanswered, []Reason{{Code: ReasonUnanswered}}}},
		{"a checklist answered with none present is an answer", p.Requirement(5), &form.Item{Criterion: 5, Checked: []string{}},
			checkResult{Fail, []Reason{{Code: ReasonLevelLow, Level: 1, Implied: 1, Basis: BasisChecklist}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &form.Assessment{Criteria: set.ID}
			if tt.item != nil {
				a.Items = []form.Item{*tt.item}
			}
			r := Score(set, a)
			it, ok := r.item(tt.req.Criterion)
			if !ok {
				t.Fatalf("criterion %d not in the set", tt.req.Criterion)
			}
			k := CheckRequirement(tt.req, it)
			got := checkResult{k.Status, k.Reasons}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// bid builds a scored bid with every criterion at base, then the given
// overrides (criterion → item).
func bid(set *criteria.Set, name string, base int, items ...form.Item) Result {
	a := &form.Assessment{Criteria: set.ID, Provider: name, Source: name + ".yaml"}
	for _, n := range set.Numbers() {
		a.Items = append(a.Items, form.Item{Criterion: n, Level: base})
	}
	for _, it := range items {
		if it.Level == 0 && it.Figure == nil && it.Checked == nil {
			// Remove: the bid leaves the criterion out.
			for i := range a.Items {
				if a.Items[i].Criterion == it.Criterion {
					a.Items = append(a.Items[:i], a.Items[i+1:]...)
					break
				}
			}
			continue
		}
		a.SetItem(it)
	}
	return Score(set, a)
}

func TestCheckBid(t *testing.T) {
	set, p := builtinProfile(t)
	good := CheckBid(p, bid(set, "hyvä", 5))
	if !good.Meets || good.KeyScore != 60 || good.KeyMax != 60 || good.Count(Pass) != 12 {
		t.Errorf("all fives: meets %v, key %d/%d, pass %d", good.Meets, good.KeyScore, good.KeyMax, good.Count(Pass))
	}
	// Unanswered key criteria add nothing to the key score and fail the bid.
	gaps := CheckBid(p, bid(set, "aukot", 5, form.Item{Criterion: 14}, form.Item{Criterion: 22}))
	if gaps.Meets || gaps.KeyScore != 50 || gaps.Count(Unanswered) != 2 || gaps.Count(Fail) != 0 {
		t.Errorf("two gaps: meets %v, key %d, unanswered %d, fail %d", gaps.Meets, gaps.KeyScore, gaps.Count(Unanswered), gaps.Count(Fail))
	}
	// A missing non-key criterion changes the total, not the verdict.
	other := CheckBid(p, bid(set, "muu", 5, form.Item{Criterion: 7}))
	if !other.Meets || other.KeyScore != 60 || other.Result.Total != 120 {
		t.Errorf("non-key gap: meets %v, key %d, total %d", other.Meets, other.KeyScore, other.Result.Total)
	}
}

type ranked struct {
	Name     string
	Rank     int
	Meets    bool
	Key      int
	Total    int
	Relative float64
	Sum      float64
	Points   bool
}

func TestRankAndPoints(t *testing.T) {
	set, p := builtinProfile(t)
	caseload24 := form.Item{Criterion: 1, Level: 4, Figure: f64(24)}
	// qualifying is level 4 everywhere, with the two key criteria that ask
	// more (1: at most 20 clients, 3: all five phases) at 5: key score 50.
	qualifying := func(name string, items ...form.Item) Result {
		return bid(set, name, 4, append([]form.Item{{Criterion: 1, Level: 5}, {Criterion: 3, Level: 5}}, items...)...)
	}
	tests := []struct {
		name   string
		bids   []Result
		max    float64
		want   []ranked
		best   int
		allMet bool
	}{
		{
			name: "qualifying first, then key score, then total",
			bids: []Result{
				bid(set, "a-fails-caseload", 5, caseload24),                        // key 59, fails
				qualifying("b-key-50"),                                             // key 50, total 102
				bid(set, "c-key-60", 5),                                            // key 60
				qualifying("d-key-50-total-99", form.Item{Criterion: 7, Level: 1}), // key 50, total 99
			},
			max: 40,
			want: []ranked{
				{"c-key-60", 1, true, 60, 125, 40, 40, true},
				{"b-key-50", 2, true, 50, 102, 50.0 / 60 * 40, 50.0 / 60 * 40, true},
				{"d-key-50-total-99", 3, true, 50, 99, 50.0 / 60 * 40, 50.0 / 60 * 40, true},
				{"a-fails-caseload", 4, false, 59, 124, 0, 0, false},
			},
			best: 60,
		},
		{
			name: "equal on everything: equal rank, given order kept, next rank skips",
			bids: []Result{
				qualifying("x"),
				qualifying("y"),
				bid(set, "z", 5, form.Item{Criterion: 14, Level: 4}),
				qualifying("w", form.Item{Criterion: 25, Level: 3}),
			},
			max: 30,
			want: []ranked{
				{"z", 1, true, 59, 124, 30, 59.0 / 60 * 30, true},
				{"x", 2, true, 50, 102, 50.0 / 59 * 30, 25, true},
				{"y", 2, true, 50, 102, 50.0 / 59 * 30, 25, true},
				{"w", 4, true, 50, 101, 50.0 / 59 * 30, 25, true},
			},
			best:   59,
			allMet: true,
		},
		{
			name: "tied best: both get full points",
			bids: []Result{bid(set, "p", 5), bid(set, "q", 5)},
			max:  100,
			want: []ranked{
				{"p", 1, true, 60, 125, 100, 100, true},
				{"q", 1, true, 60, 125, 100, 100, true},
			},
			best:   60,
			allMet: true,
		},
		{
			name: "no bid qualifies: no points for anyone",
			bids: []Result{
				bid(set, "u", 5, form.Item{Criterion: 22}),
				bid(set, "v", 5, caseload24),
			},
			max: 40,
			want: []ranked{
				{"v", 1, false, 59, 124, 0, 0, false},
				{"u", 2, false, 55, 120, 0, 0, false},
			},
		},
		{
			name: "no points asked for",
			bids: []Result{qualifying("only")},
			want: []ranked{{"only", 1, true, 50, 102, 0, 0, false}},
			best: 50, allMet: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := Evaluate(p, set, tt.bids, tt.max)
			var got []ranked
			for _, b := range e.Bids {
				r := ranked{Name: b.Result.Assessment.Provider, Rank: b.Rank, Meets: b.Meets, Key: b.KeyScore, Total: b.Result.Total}
				if b.Points != nil {
					r.Points, r.Relative, r.Sum = true, b.Points.Relative, b.Points.Sum
					if b.Points.Best != e.Best || b.Points.Max != tt.max {
						t.Errorf("%s: points best %d max %v, want %d %v", r.Name, b.Points.Best, b.Points.Max, e.Best, tt.max)
					}
				}
				got = append(got, r)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-9)); diff != "" {
				t.Errorf("ranking (-want +got):\n%s", diff)
			}
			if e.Best != tt.best {
				t.Errorf("best = %d, want %d", e.Best, tt.best)
			}
			if e.MeetsAll() != tt.allMet {
				t.Errorf("MeetsAll = %v, want %v", e.MeetsAll(), tt.allMet)
			}
		})
	}
}

func TestAwardPointsGuards(t *testing.T) {
	bids := []Bid{{Meets: true, KeyScore: 0, KeyMax: 0}}
	if best := AwardPoints(bids, 40); best != 0 || bids[0].Points != nil {
		t.Errorf("a zero best score must give no points (no division by zero): best %d, points %+v", best, bids[0].Points)
	}
	bids = []Bid{{Meets: true, KeyScore: 10, KeyMax: 20}}
	AwardPoints(bids, 40)
	if p := bids[0].Points; p == nil || math.Abs(p.Relative-40) > 1e-9 || math.Abs(p.Sum-20) > 1e-9 {
		t.Errorf("points %+v, want relative 40, sum 20", bids[0].Points)
	}
}
