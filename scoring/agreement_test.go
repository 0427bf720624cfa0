package scoring

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/laatu-fi/laatu/form"
)

// The expected figures below are computed by hand from the definitions, not
// by running the code.
func TestAgree(t *testing.T) {
	tests := []struct {
		name    string
		ratings [][]int
		want    Agreement
	}{
		{
			name:    "perfect agreement",
			ratings: [][]int{{1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}},
			// Observed disagreement 0 → κ = 1. Expected disagreement: both
			// marginals are one of each level, Σ cAᵢ·cBⱼ·(i−j)² = 2·(4·1 +
			// 3·4 + 2·9 + 1·16) = 100, De = 100/25 = 4, weighted pe = 1 − 4/16.
			want: Agreement{Raters: 2, Criteria: 5, N: 5, ExactCount: 5, WithinOneCount: 5,
				Kappa: Kappa{Method: KappaCohenQuadratic, Defined: true, Value: 1, Observed: 1, Expected: 0.75}},
		},
		{
			name:    "total disagreement",
			ratings: [][]int{{1, 5}, {5, 1}},
			// Do = (16 + 16)/2 = 16. Marginals A = B = {1: 1, 5: 1}:
			// Σ = 1·1·16 + 1·1·16 = 32, De = 32/4 = 8. κ = 1 − 16/8 = −1.
			// Weighted po = 1 − 16/16 = 0, pe = 1 − 8/16 = 0.5.
			want: Agreement{Raters: 2, Criteria: 2, N: 2,
				Kappa: Kappa{Method: KappaCohenQuadratic, Defined: true, Value: -1, Observed: 0, Expected: 0.5}},
		},
		{
			name: "worked quadratic-weighted example",
			// A: 1 2 3 4 5; B: 1 3 3 5 5.
			// Observed: (a−b)² = 0 1 0 1 0, Σ = 2, Do = 2/5 = 0.4.
			// Marginals: A {1,2,3,4,5: 1 each}; B {1: 1, 3: 2, 5: 2}.
			// For each level i of A, Σⱼ cBⱼ·(i−j)²:
			//   i=1: 1·0 + 2·4 + 2·16 = 40
			//   i=2: 1·1 + 2·1 + 2·9  = 21
			//   i=3: 1·4 + 2·0 + 2·4  = 12
			//   i=4: 1·9 + 2·1 + 2·1  = 13
			//   i=5: 1·16 + 2·4 + 2·0 = 24
			// Σ = 110, De = 110/25 = 4.4. κw = 1 − 0.4/4.4 = 10/11 ≈ 0.9091.
			// Weighted po = 1 − 0.4/16 = 0.975, pe = 1 − 4.4/16 = 0.725;
			// (0.975 − 0.725)/(1 − 0.725) = 0.25/0.275 = 10/11 as well.
			// Exact: criteria 1, 3, 5 → 3/5; within one: all five.
			ratings: [][]int{{1, 1}, {2, 3}, {3, 3}, {4, 5}, {5, 5}},
			want: Agreement{Raters: 2, Criteria: 5, N: 5, ExactCount: 3, WithinOneCount: 5,
				Kappa: Kappa{Method: KappaCohenQuadratic, Defined: true, Value: 10.0 / 11, Observed: 0.975, Expected: 0.725}},
		},
		{
			name:    "constant ratings: kappa undefined",
			ratings: [][]int{{4, 4}, {4, 4}, {4, 4}},
			// Expected disagreement Σ cAᵢ·cBⱼ·(i−j)² = 9·0 = 0: κ = 0/0.
			want: Agreement{Raters: 2, Criteria: 3, N: 3, ExactCount: 3, WithinOneCount: 3,
				Kappa: Kappa{Method: KappaCohenQuadratic, Undefined: UndefinedConstant}},
		},
		{
			name:    "one rater constant: kappa is 0, not undefined",
			ratings: [][]int{{3, 2}, {3, 3}, {3, 4}},
			// Do = (1 + 0 + 1)/3 = 2/3. A is all 3s: Σ = 3·(1·1 + 1·0 + 1·1)
			// = 6, De = 6/9 = 2/3. κ = 1 − 1 = 0: no better than chance.
			want: Agreement{Raters: 2, Criteria: 3, N: 3, ExactCount: 1, WithinOneCount: 3,
				Kappa: Kappa{Method: KappaCohenQuadratic, Defined: true, Value: 0,
					Observed: 1 - (2.0/3)/16, Expected: 1 - (2.0/3)/16}},
		},
		{
			name: "missing levels on either side are left out",
			// Criteria 2 and 3 lack a level from one rater; the figures rest
			// on criteria 1 and 4 only. Do = 0; marginals A = B = {4: 1, 5: 1},
			// Σ = 2·1, De = 2/4 = 0.5; κ = 1. pe = 1 − 0.5/16.
			ratings: [][]int{{4, 4}, {0, 2}, {3, 0}, {5, 5}},
			want: Agreement{Raters: 2, Criteria: 4, N: 2, ExactCount: 2, WithinOneCount: 2,
				Kappa: Kappa{Method: KappaCohenQuadratic, Defined: true, Value: 1, Observed: 1, Expected: 1 - 0.5/16}},
		},
		{
			name:    "nothing rated by both",
			ratings: [][]int{{4, 0}, {0, 3}},
			want: Agreement{Raters: 2, Criteria: 2, N: 0,
				Kappa: Kappa{Method: KappaCohenQuadratic, Undefined: UndefinedNoCriteria}},
		},
		{
			name: "three raters: Fleiss",
			// nᵢⱼ and Pᵢ = Σⱼ nᵢⱼ(nᵢⱼ−1) / (3·2):
			//   4 4 4 → {4: 3}       → 6/6 = 1
			//   3 4 4 → {3: 1, 4: 2} → 2/6 = 1/3
			//   2 3 5 → all ones      → 0
			//   5 5 4 → {5: 2, 4: 1} → 2/6 = 1/3
			// P̄ = (1 + 1/3 + 0 + 1/3)/4 = 5/12.
			// Level totals over 12 ratings: 2: 1, 3: 2, 4: 6, 5: 3;
			// P̄e = (1 + 4 + 36 + 9)/144 = 25/72.
			// κ = (5/12 − 25/72)/(1 − 25/72) = (5/72)/(47/72) = 5/47 ≈ 0.1064.
			// Exact: first only (1/4); within one: all but 2 3 5 (3/4).
			ratings: [][]int{{4, 4, 4}, {3, 4, 4}, {2, 3, 5}, {5, 5, 4}},
			want: Agreement{Raters: 3, Criteria: 4, N: 4, ExactCount: 1, WithinOneCount: 3,
				Kappa: Kappa{Method: KappaFleiss, Defined: true, Value: 5.0 / 47, Observed: 5.0 / 12, Expected: 25.0 / 72}},
		},
		{
			name: "three raters, one criterion incomplete",
			// The second row lacks a level and is left out. Remaining:
			//   4 4 5 → {4: 2, 5: 1} → 2/6 = 1/3
			//   2 2 2 → {2: 3}       → 1
			// P̄ = 2/3. Totals over 6: 2: 3, 4: 2, 5: 1;
			// P̄e = (9 + 4 + 1)/36 = 7/18. κ = (2/3 − 7/18)/(11/18) = 5/11.
			ratings: [][]int{{4, 4, 5}, {3, 0, 3}, {2, 2, 2}},
			want: Agreement{Raters: 3, Criteria: 3, N: 2, ExactCount: 1, WithinOneCount: 2,
				Kappa: Kappa{Method: KappaFleiss, Defined: true, Value: 5.0 / 11, Observed: 2.0 / 3, Expected: 7.0 / 18}},
		},
		{
			name:    "three raters, constant: Fleiss undefined",
			ratings: [][]int{{3, 3, 3}, {3, 3, 3}},
			want: Agreement{Raters: 3, Criteria: 2, N: 2, ExactCount: 2, WithinOneCount: 2,
				Kappa: Kappa{Method: KappaFleiss, Undefined: UndefinedConstant}},
		},
		{
			name:    "one rater",
			ratings: [][]int{{3}, {4}},
			want:    Agreement{Raters: 1, Criteria: 2, N: 2, ExactCount: 2, WithinOneCount: 2, Kappa: Kappa{Undefined: UndefinedTooFewRaters}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Agree(tt.ratings)
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-12)); diff != "" {
				t.Errorf("Agree(%v) mismatch (-want +got):\n%s", tt.ratings, diff)
			}
		})
	}
}

func TestAgreementShares(t *testing.T) {
	a := Agree([][]int{{1, 1}, {2, 3}, {3, 3}, {4, 5}, {5, 5}})
	type shares struct {
		Exact, WithinOne     float64
		ExactOK, WithinOneOK bool
	}
	var got shares
	got.Exact, got.ExactOK = a.Exact()
	got.WithinOne, got.WithinOneOK = a.WithinOne()
	if diff := cmp.Diff(shares{0.6, 1, true, true}, got); diff != "" {
		t.Errorf("shares (-want +got):\n%s", diff)
	}

	none := Agree([][]int{{4, 0}})
	if _, ok := none.Exact(); ok {
		t.Error("Exact() over no criteria reports a share")
	}
	if _, ok := none.WithinOne(); ok {
		t.Error("WithinOne() over no criteria reports a share")
	}
}

// Kappa is symmetric in the raters: swapping A and B changes nothing.
func TestCohenSymmetric(t *testing.T) {
	rows := [][]int{{1, 2}, {2, 2}, {3, 5}, {4, 3}, {5, 4}, {2, 1}}
	swapped := make([][]int, len(rows))
	for i, r := range rows {
		swapped[i] = []int{r[1], r[0]}
	}
	if diff := cmp.Diff(Agree(rows), Agree(swapped), cmpopts.EquateApprox(0, 1e-12)); diff != "" {
		t.Errorf("swapping raters changed the agreement (-orig +swapped):\n%s", diff)
	}
}

// FuzzAgree checks what must hold for any ratings: a defined kappa is a
// finite number no greater than 1, an undefined one says why, and the
// counts fit inside each other. data is read as rows of `raters` levels
// 0–5 (0 = not rated).
func FuzzAgree(f *testing.F) {
	f.Add(uint8(2), []byte{1, 1, 2, 3, 3, 3, 4, 5, 5, 5})
	f.Add(uint8(2), []byte{4, 4, 4, 4})
	f.Add(uint8(3), []byte{4, 4, 4, 3, 4, 4, 2, 3, 5, 5, 5, 4})
	f.Add(uint8(3), []byte{3, 3, 3, 0, 3, 3})
	// The two raters of testdata/raters, criterion by criterion (0 where
	// a rater gave no level), and the same with a third who agrees with
	// the first.
	var anna, pekka *form.Assessment
	for path, a := range map[string]**form.Assessment{"../testdata/raters/kateva-anna.yaml": &anna, "../testdata/raters/kateva-pekka.yaml": &pekka} {
		var err error
		if *a, err = form.ReadFile(path); err != nil {
			f.Fatal(err)
		}
	}
	var two, three []byte
	for n := 1; n <= 25; n++ {
		level := func(a *form.Assessment) byte {
			if it := a.Item(n); it != nil {
				return byte(it.Level)
			}
			return 0
		}
		two = append(two, level(anna), level(pekka))
		three = append(three, level(anna), level(pekka), level(anna))
	}
	f.Add(uint8(2), two)
	f.Add(uint8(3), three)
	f.Fuzz(func(t *testing.T, raters uint8, data []byte) {
		m := int(raters%5) + 1
		var rows [][]int
		for i := 0; i+m <= len(data); i += m {
			row := make([]int, m)
			for j := range row {
				row[j] = int(data[i+j] % 6)
			}
			rows = append(rows, row)
		}
		a := Agree(rows)
		if a.N > a.Criteria || a.ExactCount > a.WithinOneCount || a.WithinOneCount > a.N {
			t.Fatalf("counts do not nest: %+v", a)
		}
		k := a.Kappa
		if k.Defined {
			if math.IsNaN(k.Value) || math.IsInf(k.Value, 0) || k.Value > 1+1e-9 {
				t.Fatalf("kappa %v for %v", k.Value, rows)
			}
			if k.Undefined != "" {
				t.Fatalf("defined kappa with a reason %q", k.Undefined)
			}
		} else if k.Undefined == "" {
			t.Fatalf("undefined kappa without a reason for %v", rows)
		}
		if m >= 2 && a.N > 0 && a.ExactCount == a.N && k.Defined && math.Abs(k.Value-1) > 1e-9 {
			t.Fatalf("perfect agreement gives kappa %v for %v", k.Value, rows)
		}
	})
}
