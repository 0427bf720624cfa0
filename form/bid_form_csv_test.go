package form_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
)

// TestBidFormCSVRoundTrip writes the built-in profile's CSV bid form,
// fills it as bid A of testdata/bids/kilpailutus, saves it as Finnish Excel
// does (semicolons, BOM) and as other programs do (commas, no BOM), and
// reads it back: the tender outcome is the YAML bid's.
func TestBidFormCSVRoundTrip(t *testing.T) {
	p, _ := criteria.BuiltinProfile(criteria.DefaultProfileID)
	set, _ := criteria.Builtin(p.Criteria)
	setFor := func(*form.Assessment) (*criteria.Set, msg.Problems) { return set, nil }
	ya, yans, _, err := form.ReadBidChecked("../testdata/bids/kilpailutus/tarjous-a-tyopolku.yaml", form.DefaultLimits, setFor)
	if err != nil {
		t.Fatal(msg.Localize(err, "en"))
	}
	want := outcomeOf(t, p, set, ya, yans)

	var buf bytes.Buffer
	if err := form.WriteBidFormCSV(&buf, p, set, "fi"); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte("\xEF\xBB\xBF"))))
	r.Comma = ';'
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 8 || rows[5][0] != "laatu-bid-form" {
		t.Fatalf("line 6 is not the marker: %q", rows[5])
	}
	rows[2][1], rows[3][1], rows[4][1] = ya.Provider, ya.Unit, "15.10.2026"
	for _, row := range rows[7:] {
		var n int
		if _, err := fmt.Sscan(row[0], &n); err == nil {
			for _, it := range ya.Items {
				if it.Criterion != n {
					continue
				}
				if it.Level != 0 {
					row[3] = fmt.Sprint(it.Level)
				}
				if len(it.Checked) > 0 && it.Level == 0 {
					row[3] = fmt.Sprint(len(it.Checked))
				}
				if it.Figure != nil {
					row[4] = strings.Replace(fmt.Sprint(*it.Figure), ".", ",", 1)
				}
				row[5] = it.Note
			}
			continue
		}
		switch row[0] {
		case "price":
			row[3], row[4] = "1200,00", yans.Price.Unit
		default:
			if a := yans.Answer(row[0]); a != nil {
				row[3] = map[string]string{"yes": "kyllä", "no": "ei"}[a.Raw]
			}
		}
	}
	for _, dialect := range []struct {
		name  string
		comma rune
		bom   bool
	}{{"excel-fi", ';', true}, {"comma", ',', false}, {"tab", '\t', false}} {
		t.Run(dialect.name, func(t *testing.T) {
			var out bytes.Buffer
			if dialect.bom {
				out.WriteString("\xEF\xBB\xBF")
			}
			w := csv.NewWriter(&out)
			w.Comma = dialect.comma
			if err := w.WriteAll(rows); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "tarjous.csv")
			if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			if !form.IsBidFormCSV(path) {
				t.Fatal("the filled CSV is not recognised as a bid form")
			}
			a, ans, err := form.ReadBidFormCSV(path, p)
			if err != nil {
				t.Fatal(msg.Localize(err, "en"))
			}
			got := outcomeOf(t, p, set, a, ans)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("the CSV bid form and the YAML bid differ (-yaml +csv):\n%s", diff)
			}
			if a.Provider != ya.Provider || ans.Price == nil || ans.Price.Amount != 1200 {
				t.Errorf("provider %q, price %+v", a.Provider, ans.Price)
			}
		})
	}
}

// TestBidFormCSVProblems: a bad answer is reported with its line and the
// column's heading; a CSV without the marker line is not a bid form.
func TestBidFormCSVProblems(t *testing.T) {
	p, _ := criteria.BuiltinProfile(criteria.DefaultProfileID)
	set, _ := criteria.Builtin(p.Criteria)
	var buf bytes.Buffer
	if err := form.WriteBidFormCSV(&buf, p, set, "en"); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte("\xEF\xBB\xBF"))))
	r.Comma = ';'
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// The first criterion's line: give a level that is not one.
	for _, row := range rows {
		if row[0] == "1" {
			row[3] = "7"
			break
		}
	}
	var out bytes.Buffer
	w := csv.NewWriter(&out)
	w.Comma = ';'
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "bid.csv")
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err = form.ReadBidFormCSV(path, p)
	got := msg.Localize(err, "en")
	if err == nil || !strings.Contains(got, "bid.csv:") || !strings.Contains(got, "criterion 1") || !strings.Contains(got, "\"7\"") {
		t.Errorf("a level 7 gives: %v", got)
	}
	plain := filepath.Join(dir, "plain.csv")
	if err := os.WriteFile(plain, []byte("a;b\n1;2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if form.IsBidFormCSV(plain) {
		t.Error("a CSV without the marker line is taken for a bid form")
	}
}
