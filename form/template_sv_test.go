package form_test

import (
	"bytes"
	"testing"

	"github.com/laatu-fi/laatu/form"
)

// A template made in Swedish reads back like the Finnish one: its texts
// fall back to Finnish until they are translated, and the hidden keys carry
// the structure whatever the labels say.
func TestSwedishTemplateRoundTrip(t *testing.T) {
	for _, tc := range []struct{ file, set string }{
		{"kateva-2026-11.yaml", "tyokyky"},
		{"vantaa-kerava-2026-11.yaml", "tyokyky"},
		{"siunsote-ips-2026-06.yaml", "ips"},
	} {
		t.Run("xlsx/"+tc.file, func(t *testing.T) {
			set := builtinSet(t, tc.set)
			want := readYAMLFile(t, "../testdata/services/"+tc.file)
			b := filledTemplate(t, set, want, "sv")
			got, err := form.ReadXLSX(bytes.NewReader(b), "bedomning.xlsx", form.DefaultLimits)
			if err != nil {
				t.Fatalf("ReadXLSX: %v", err)
			}
			sameAnswers(t, want, got)
			sameScores(t, set, want, got)
		})
		// Swedish Excel in Finland saves CSV as Finnish Excel does:
		// semicolons, a decimal comma, 24.11.2026, a byte-order mark; an
		// answered checklist with nothing present says "nej".
		t.Run("csv/"+tc.file, func(t *testing.T) {
			set := builtinSet(t, tc.set)
			want := readYAMLFile(t, "../testdata/services/"+tc.file)
			if tc.set == "tyokyky" {
				want.SetItem(form.Item{Criterion: 5, Checked: []string{}}) // no element present: level 1
			}
			b := fillCSV(t, set, want, csvStyle{comma: ';', decimalComma: true, bom: true, encoding: "utf-8", lang: "sv", checkedByNums: true})
			b = bytes.ReplaceAll(b, []byte(";ei;"), []byte(";nej;"))
			if n := bytes.Count(b, []byte(";nej;")); tc.set == "tyokyky" && n != 1 {
				t.Fatalf("%d checklists say nej, want 1", n)
			}
			got, err := form.ReadCSV(bytes.NewReader(b), "bedomning.csv", form.DefaultLimits)
			if err != nil {
				t.Fatalf("ReadCSV: %v", err)
			}
			sameScores(t, set, want, got)
			sameAnswers(t, want, got)
		})
		t.Run("filled/"+tc.file, func(t *testing.T) {
			want := readYAMLFile(t, "../testdata/services/"+tc.file)
			set := builtinSet(t, want.Criteria)
			want.CriteriaVersion = set.Version
			for ext, write := range map[string]func(*bytes.Buffer) error{
				".xlsx": func(b *bytes.Buffer) error { return form.WriteXLSX(b, set, want, "sv") },
				".csv":  func(b *bytes.Buffer) error { return form.WriteCSV(b, set, want, "sv") },
			} {
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
					t.Fatalf("%s: read back: %v", ext, err)
				}
				sameScores(t, set, want, got)
				sameAnswers(t, want, got)
			}
		})
	}
}

// The Swedish answer words (the sv locale's) are read beside the Finnish
// and English ones.
func TestSwedishYesNo(t *testing.T) {
	for v, want := range map[string]string{
		"ja": "yes", "J": "yes", " Nej ": "no", "n": "no", "kyllä": "yes", "e": "no", "yes": "yes", "no": "no",
	} {
		if got, ok := form.YesNo(v); !ok || got != want {
			t.Errorf("YesNo(%q) = %q, %v; want %q", v, got, ok, want)
		}
	}
}
