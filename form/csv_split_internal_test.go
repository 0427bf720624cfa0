package form

import (
	"encoding/csv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzSplitCSV holds parseCSV to encoding/csv with LazyQuotes, the reader
// it replaced: the same fields on the same lines for any text within the
// bounds (values of one line and line breaks written "\n").
func FuzzSplitCSV(f *testing.F) {
	for _, s := range []string{
		"a;b\r\nc;\"d\"\"e\";f\r\n", "1;\"x\ny\";2\n\n3;4", "\"a\"b;c\n", "a\"b;\"c\"\r\n", ";;\n", "\"\n", "a;b\r", "\"a\"\r\n\"b\"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cr := csv.NewReader(strings.NewReader(s))
		cr.Comma, cr.FieldsPerRecord, cr.LazyQuotes = ';', -1, true
		var want [][]string
		var wantLines [][]int
		for {
			rec, err := cr.Read()
			if err != nil {
				break
			}
			if len(rec) > maxCSVFields {
				return
			}
			lines := make([]int, len(rec))
			for i := range rec {
				lines[i], _ = cr.FieldPos(i)
			}
			want, wantLines = append(want, rec), append(wantLines, lines)
		}
		recs, err := parseCSV(s, ';', 1<<20)
		if err != nil {
			return
		}
		var got [][]string
		var gotLines [][]int
		for _, r := range recs {
			got, gotLines = append(got, r.fields), append(gotLines, r.lines)
		}
		// encoding/csv keeps a carriage return that ends the file, and
		// one inside a value of one line; laatu trims values.
		norm := func(rs [][]string) [][]string {
			var out [][]string
			for _, r := range rs {
				var o []string
				for _, f := range r {
					o = append(o, strings.TrimSpace(strings.ReplaceAll(f, "\r\n", "\n")))
				}
				out = append(out, o)
			}
			return out
		}
		if diff := cmp.Diff(norm(want), norm(got)); diff != "" {
			t.Fatalf("fields of %q (-encoding/csv +laatu):\n%s", s, diff)
		}
		if diff := cmp.Diff(wantLines, gotLines); diff != "" {
			t.Fatalf("lines of %q (-encoding/csv +laatu):\n%s", s, diff)
		}
	})
}
