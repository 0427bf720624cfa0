package form_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
	"github.com/xuri/excelize/v2"
)

// tenderOutcome is what a bid comes to in a tender, for comparing a bid
// form with the YAML bid saying the same.
type tenderOutcome struct {
	Meets                 bool
	Statuses              map[string]scoring.KeyStatus
	Quality, Price, Total float64
}

func outcomeOf(t *testing.T, p *criteria.Profile, set *criteria.Set, a *form.Assessment, ans *form.BidAnswers) tenderOutcome {
	t.Helper()
	if ps := form.Check(a, set); len(ps) > 0 {
		t.Fatal(ps.Err())
	}
	if ps := form.CheckBidAnswers(p, ans); len(ps) > 0 {
		t.Fatal(ps.Err())
	}
	e := scoring.EvaluateTender(p, set, []scoring.Result{scoring.Score(set, a)}, []*form.BidAnswers{ans})
	b := e.Bids[0]
	o := tenderOutcome{Meets: b.Meets, Statuses: map[string]scoring.KeyStatus{}, Quality: b.Tender.Quality, Price: b.Tender.Price, Total: b.Tender.Total}
	for _, k := range b.Checks {
		o.Statuses[fmt.Sprint(k.Requirement.Criterion)] = k.Status
	}
	for _, c := range b.Own {
		o.Statuses[c.Requirement.ID] = c.Status
	}
	return o
}

// TestBidFormRoundTrip writes the built-in profile's bid form, fills it as
// bid A of testdata/bids/kilpailutus, lets LibreOffice save it, and reads
// it back: the tender outcome is the YAML bid's.
func TestBidFormRoundTrip(t *testing.T) {
	prog := soffice(t)
	p, _ := criteria.BuiltinProfile(criteria.DefaultProfileID)
	set, _ := criteria.Builtin(p.Criteria)
	yamlPath := "../testdata/bids/kilpailutus/tarjous-a-tyopolku.yaml"
	setFor := func(*form.Assessment) (*criteria.Set, msg.Problems) { return set, nil }
	ya, yans, _, err := form.ReadBidChecked(yamlPath, form.DefaultLimits, setFor)
	if err != nil {
		t.Fatal(msg.Localize(err, "en"))
	}
	want := outcomeOf(t, p, set, ya, yans)

	var buf bytes.Buffer
	if err := form.WriteBidForm(&buf, p, set, "fi"); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	const sheet = "Tarjous"
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetCellStr(sheet, "B3", ya.Provider))
	must(f.SetCellStr(sheet, "B4", ya.Unit))
	must(f.SetCellStr(sheet, "B5", "15.10.2026"))
	rows, err := f.GetRows(sheet)
	must(err)
	for i, r := range rows {
		if i < 7 || len(r) == 0 {
			continue
		}
		row := i + 1
		id := r[0]
		var n int
		if _, err := fmt.Sscan(id, &n); err == nil {
			for _, it := range ya.Items {
				if it.Criterion != n {
					continue
				}
				if it.Level != 0 {
					must(f.SetCellInt(sheet, fmt.Sprintf("D%d", row), int64(it.Level)))
				}
				if it.Figure != nil {
					must(f.SetCellFloat(sheet, fmt.Sprintf("E%d", row), *it.Figure, -1, 64))
				}
				if len(it.Checked) > 0 && it.Level == 0 {
					// The form asks a level where the YAML gives a
					// checklist: the level the checklist implies.
					must(f.SetCellInt(sheet, fmt.Sprintf("D%d", row), int64(len(it.Checked))))
				}
				must(f.SetCellStr(sheet, fmt.Sprintf("F%d", row), it.Note))
			}
			continue
		}
		switch id {
		case "price":
			must(f.SetCellFloat(sheet, fmt.Sprintf("D%d", row), yans.Price.Amount, 2, 64))
			must(f.SetCellStr(sheet, fmt.Sprintf("E%d", row), yans.Price.Unit))
		default:
			if a := yans.Answer(id); a != nil {
				answer := map[string]string{"yes": "kyllä", "no": "ei"}[a.Raw]
				must(f.SetCellStr(sheet, fmt.Sprintf("D%d", row), answer))
			}
		}
	}
	var filled bytes.Buffer
	must(f.Write(&filled))
	saved := resave(t, prog, recalcProfile(t), filled.Bytes())
	path := filepath.Join(t.TempDir(), "tarjous.xlsx")
	must(os.WriteFile(path, saved, 0o644))
	if !form.IsBidForm(path) {
		t.Fatal("LibreOffice's copy is not recognised as a bid form")
	}
	a, ans, err := form.ReadBidForm(path, p)
	if err != nil {
		t.Fatal(msg.Localize(err, "en"))
	}
	got := outcomeOf(t, p, set, a, ans)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the bid form and the YAML bid differ (-yaml +form):\n%s", diff)
	}
	if a.Provider != ya.Provider || ans.Price == nil || ans.Price.Amount != 1200 {
		t.Errorf("provider %q, price %+v", a.Provider, ans.Price)
	}
}

// TestBidFormOtherProfile: a form made for another profile is refused,
// naming both.
func TestBidFormOtherProfile(t *testing.T) {
	p, _ := criteria.BuiltinProfile(criteria.DefaultProfileID)
	set, _ := criteria.Builtin(p.Criteria)
	var buf bytes.Buffer
	if err := form.WriteBidForm(&buf, p, set, "en"); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "bid.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	other := *p
	other.Version = "9"
	_, _, err := form.ReadBidForm(path, &other)
	want := "bid.xlsx: the bid form was made for profile te-tyohonvalmennus 2, but the check uses profile te-tyohonvalmennus 9; make the form again with laatu template --profile"
	if err == nil || msg.Localize(err, "en") != filepath.Join(filepath.Dir(path), want) {
		t.Errorf("got %v\nwant %s", msg.Localize(err, "en"), want)
	}
}
