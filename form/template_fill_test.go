package form_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/laatu-fi/laatu/form"
)

// A workbook or CSV file written from an assessment reads back as the same
// answers and the same scores, for every sample service, in both languages.
func TestWriteFilledRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("../testdata/services/*.yaml")
	if len(files) == 0 {
		t.Fatal("no sample services")
	}
	writers := map[string]func(*bytes.Buffer, *form.Assessment, string) error{
		".xlsx": func(b *bytes.Buffer, a *form.Assessment, lang string) error {
			return form.WriteXLSX(b, builtinSet(t, a.Criteria), a, lang)
		},
		".csv": func(b *bytes.Buffer, a *form.Assessment, lang string) error {
			return form.WriteCSV(b, builtinSet(t, a.Criteria), a, lang)
		},
	}
	for _, file := range files {
		want := readYAMLFile(t, file)
		// A template is made for the set's current version: an assessment
		// of an earlier version that still reads comes back as the
		// current one, its answers unchanged.
		want.CriteriaVersion = builtinSet(t, want.Criteria).Version
		want.Notes = "=SUM(A1) jää tekstiksi"
		if len(want.Items) > 0 {
			want.Items[0].Note = "-3 asiakasta edellisestä"
		}
		for ext, write := range writers {
			for _, lang := range []string{"fi", "en"} {
				t.Run(filepath.Base(file)+ext+"-"+lang, func(t *testing.T) {
					var buf bytes.Buffer
					if err := write(&buf, want, lang); err != nil {
						t.Fatal(err)
					}
					var got *form.Assessment
					var err error
					if ext == ".xlsx" {
						got, err = form.ReadXLSX(bytes.NewReader(buf.Bytes()), "arvio.xlsx", form.DefaultLimits)
					} else {
						got, err = form.ReadCSV(bytes.NewReader(buf.Bytes()), "arvio.csv", form.DefaultLimits)
					}
					if err != nil {
						t.Fatalf("read back: %v", err)
					}
					set := builtinSet(t, want.Criteria)
					if ps := form.Check(got, set); len(ps) > 0 {
						t.Fatal(ps.In("en"))
					}
					sameScores(t, set, want, got)
					sameAnswers(t, want, got)
				})
			}
		}
	}
}
