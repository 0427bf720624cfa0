package report

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/scoring"
)

// The one-service report counts the next review as compare does: a
// self-assessment after a review by others does not put the review off.
func TestScoreNextReviewBasis(t *testing.T) {
	rule := criteria.BuiltinCycle().Review
	tests := []struct {
		name        string
		may, nov    string // the kinds of the May and November assessments
		basis       int    // the index (0 May, 1 November) counted from
		countedFrom bool   // the line says it counts from the other one
	}{
		{"self then external", form.ReviewSelf, form.ReviewExternal, 1, false},
		{"external then self", form.ReviewExternal, form.ReviewSelf, 0, true},
		{"self then self", form.ReviewSelf, form.ReviewSelf, 1, false},
		{"unknown then self", "", form.ReviewSelf, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := cycleResults(t)
			if !rs[0].Assessment.Date.Before(rs[1].Assessment.Date) {
				t.Fatal("the samples are not in date order")
			}
			rs[0].Assessment.Review.Kind, rs[1].Assessment.Review.Kind = tt.may, tt.nov
			b := &rs[tt.basis]
			want := scoring.NextReview(b.Assessment.Date, b.Total, b.Complete, rule)
			got, _ := nextReviewOf(rs, 1)
			if diff := cmp.Diff(want.Format(time.DateOnly), got.Format(time.DateOnly)); diff != "" {
				t.Errorf("next review (-want +got):\n%s", diff)
			}
			line := nextReviewLine("en", rs, 1)
			if strings.Contains(line, "counted from") != tt.countedFrom {
				t.Errorf("line %q: says it counts from another assessment = %v, want %v", line, !tt.countedFrom, tt.countedFrom)
			}
			// The earlier assessment is counted from itself.
			if got, _ := nextReviewOf(rs, 0); !got.Equal(scoring.NextReview(rs[0].Assessment.Date, rs[0].Total, rs[0].Complete, rule)) {
				t.Errorf("May's next review %s is not counted from May", got.Format(time.DateOnly))
			}
		})
	}
	t.Run("undated", func(t *testing.T) {
		rs := cycleResults(t)
		rs[1].Assessment.Date = time.Time{}
		if got, months := nextReviewOf(rs, 1); !got.IsZero() || months != 0 {
			t.Errorf("an undated assessment got a next review: %s, %d months", got.Format(time.DateOnly), months)
		}
	})
}
