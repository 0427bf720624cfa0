package form_test

import (
	"bytes"
	"math"
	"strconv"
	"testing"
	"time"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
	"github.com/xuri/excelize/v2"
)

// TestLibreOfficeOutcomes fills the outcomes sheet of a blank template as
// a user would, lets real LibreOffice recalculate and save it, and checks
// that the employment rate and the benchmark it computed are laatu
// score's, and that the saved file reads back to the same outcomes.
func TestLibreOfficeOutcomes(t *testing.T) {
	prog := soffice(t)
	profile := recalcProfile(t)
	set := builtinSet(t, "tyokyky")
	cycle := criteria.BuiltinCycle()
	type outcomeCase struct {
		caseload, work int
		lang           string
		wantBenchmark  string // the benchmark laatu names, "" for none
	}
	cases := []outcomeCase{
		{40, 18, "fi", "good"},      // 45 %: reaches 41 %
		{42, 13, "en", ""},          // 30.95 %: shown 30.9 %, below 31 %
		{100, 31, "fi", "minimal"},  // exactly 31 %
		{40, 20, "en", "exemplary"}, // 50 %
		{0, 0, "fi", ""},            // no rate
	}
	start, end := time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC)
	name := func(tc outcomeCase) string {
		return strconv.Itoa(tc.work) + "of" + strconv.Itoa(tc.caseload) + "-" + tc.lang
	}
	var files [][]byte
	for _, tc := range cases {
		files = append(files, func() []byte {
			f, err := excelize.OpenReader(bytes.NewReader(templateBytes(t, set, tc.lang)))
			if err != nil {
				t.Fatal(err)
			}
			sheet := msg.T(tc.lang, "cycleform.sheet.outcomes")
			details := msg.T(tc.lang, "sheet.name.details")
			for cell, v := range map[string]any{
				form.OutcomesCell("period_start"): start, form.OutcomesCell("period_end"): end,
				form.OutcomesCell("caseload"): tc.caseload, form.OutcomesCell("competitive_work"): tc.work,
				form.OutcomesCell("review_kind"): msg.T(tc.lang, "review.kind.external"),
			} {
				if err := f.SetCellValue(sheet, cell, v); err != nil {
					t.Fatal(err)
				}
			}
			if err := f.SetCellStr(details, "C8", "Polku"); err != nil { // the provider
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := f.Write(&buf); err != nil {
				t.Fatal(err)
			}
			f.Close()
			return buf.Bytes()
		}())
	}
	// One LibreOffice run converts them all.
	resaved := resaveAll(t, prog, profile, files)
	for i, tc := range cases {
		t.Run(name(tc), func(t *testing.T) {
			sheet := msg.T(tc.lang, "cycleform.sheet.outcomes")
			saved := resaved[i]

			a, err := form.ReadXLSX(bytes.NewReader(saved), "arvio.xlsx", form.DefaultLimits)
			if err != nil {
				t.Fatalf("ReadXLSX: %v", err)
			}
			o := a.Outcomes
			if o == nil || o.Caseload == nil || *o.Caseload != tc.caseload || *o.CompetitiveWork != tc.work ||
				!o.Start.Equal(start) || !o.End.Equal(end) || a.Review == nil || a.Review.Kind != form.ReviewExternal {
				t.Fatalf("read back %+v, review %+v", o, a.Review)
			}
			out := scoring.OutcomeOf(o, &cycle.EmploymentRate)

			g, err := excelize.OpenReader(bytes.NewReader(saved))
			if err != nil {
				t.Fatal(err)
			}
			defer g.Close()
			cached := func(cell string) string {
				v, err := g.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
				if err != nil {
					t.Fatal(err)
				}
				return v
			}
			rate, bench := cached(form.OutcomesCell("employment_rate")), cached(form.OutcomesCell("benchmark"))
			if !out.HasRate {
				if rate != "" || bench != "" {
					t.Errorf("no rate: LibreOffice shows %q, %q", rate, bench)
				}
				return
			}
			x, err := strconv.ParseFloat(rate, 64)
			if err != nil {
				t.Fatalf("rate cell %q: %v", rate, err)
			}
			// The sheet cuts the rate to one decimal of a per cent, as the
			// reports show it.
			if want := math.Floor(out.Rate*10) / 10; math.Abs(x*100-want) > 1e-9 {
				t.Errorf("rate: LibreOffice %v %%, laatu score %v %% (shown %v %%)", x*100, out.Rate, want)
			}
			var want string
			switch {
			case out.Reached == nil:
				want = msg.T(tc.lang, "cycleform.benchmark-none", "31")
			default:
				want = msg.T(tc.lang, "cycleform.benchmark", out.Reached.Name.In(tc.lang), form.FormatNumber(out.Reached.Min))
			}
			if out.Reached != nil && out.Reached.ID != tc.wantBenchmark || out.Reached == nil && tc.wantBenchmark != "" {
				t.Errorf("laatu reaches %+v, the test expects %q", out.Reached, tc.wantBenchmark)
			}
			if bench != want {
				t.Errorf("benchmark: LibreOffice %q, laatu %q", bench, want)
			}
		})
	}
}
