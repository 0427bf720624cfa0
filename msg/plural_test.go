package msg

import "testing"

// The comparison's "rated of all" cells bend with the number of all
// criteria of the set or domain: Swedish says "bedömt" after one criterion
// and "bedömda" after several; Finnish and English need no change.
func TestRatedOfPlural(t *testing.T) {
	for _, tt := range []struct {
		lang, key string
		count     int
		args      []any
		want      string
	}{
		{"sv", "compare.rated-of", 1, []any{0, 1}, "0/1 bedömt"},
		{"sv", "compare.rated-of", 1, []any{1, 1}, "1/1 bedömt"},
		{"sv", "compare.rated-of", 25, []any{1, 25}, "1/25 bedömda"},
		{"sv", "compare.rated-of", 0, []any{0, 0}, "0/0 bedömda"},
		{"fi", "compare.rated-of", 1, []any{0, 1}, "0/1 arvioitu"},
		{"fi", "compare.rated-of", 25, []any{3, 25}, "3/25 arvioitu"},
		{"en", "compare.rated-of", 1, []any{1, 1}, "1/1 rated"},
		{"en", "compare.rated-of", 25, []any{3, 25}, "3/25 rated"},
		{"sv", "compare.chart-value-partial", 1, []any{0, 5, 0, 1}, "0 / 5 (0/1 bedömt)"},
		{"sv", "compare.chart-value-partial", 8, []any{12, 40, 3, 8}, "12 / 40 (3/8 bedömda)"},
		{"fi", "compare.chart-value-partial", 1, []any{0, 5, 0, 1}, "0 / 5 (0/1 arvioitu)"},
		{"en", "compare.chart-value-partial", 8, []any{12, 40, 3, 8}, "12 / 40 (3/8 rated)"},
	} {
		if got := TN(tt.lang, tt.key, tt.count, tt.args...); got != tt.want {
			t.Errorf("TN(%s, %s, %d, %v) = %q, want %q", tt.lang, tt.key, tt.count, tt.args, got, tt.want)
		}
	}
}
