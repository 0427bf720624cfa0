package form_test

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/laatu-fi/laatu/form"
)

// A workbook and a CSV form written in Swedish read back with their review
// cycle: the kind, the statuses and the data sources are written in
// Swedish, and read in every language.
func TestSwedishCycleRoundTrip(t *testing.T) {
	want := readYAMLFile(t, "../testdata/cycle/polku-2026-11.yaml")
	set := builtinSet(t, want.Criteria)
	opts := cmp.Options{cmpopts.IgnoreFields(form.Review{}, "Place"), cmpopts.IgnoreFields(form.Action{}, "Place")}
	for ext, write := range map[string]func(*bytes.Buffer) error{
		".xlsx": func(b *bytes.Buffer) error { return form.WriteXLSX(b, set, want, "sv") },
		".csv":  func(b *bytes.Buffer) error { return form.WriteCSV(b, set, want, "sv") },
	} {
		t.Run(ext, func(t *testing.T) {
			var buf bytes.Buffer
			if err := write(&buf); err != nil {
				t.Fatal(err)
			}
			var got *form.Assessment
			var err error
			if ext == ".xlsx" {
				got, err = form.ReadXLSX(bytes.NewReader(buf.Bytes()), "bedomning.xlsx", form.DefaultLimits)
			} else {
				got, err = form.ReadCSV(bytes.NewReader(buf.Bytes()), "bedomning.csv", form.DefaultLimits)
			}
			if err != nil {
				t.Fatalf("read back: %v", err)
			}
			if diff := cmp.Diff(want.Review, got.Review, opts); diff != "" {
				t.Errorf("review (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(want.Plan, got.Plan, opts); diff != "" {
				t.Errorf("plan (-want +got):\n%s", diff)
			}
			for _, it := range want.Items {
				if g := got.Item(it.Criterion); len(it.Sources) > 0 && (g == nil || !cmp.Equal(it.Sources, g.Sources)) {
					t.Errorf("criterion %d: sources %v, want %v", it.Criterion, g, it.Sources)
				}
			}
		})
	}
}
