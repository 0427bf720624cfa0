package report

import (
	"io"

	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// CheckXLSX writes the check as a workbook to attach to a procurement
// decision: the ranking with points and formulas, the key criteria side by
// side, every requirement with the bid's answer and the reason, the profile,
// and a sheet that explains the rules. Every sheet has a frozen header and
// prints on A4; text is neutralised against formulas.
func CheckXLSX(w io.Writer, e *scoring.Evaluation, opt CheckOptions) error {
	l := opt.Lang
	v := newCheckView(e, l)
	wb, err := NewWorkbook(l)
	if err != nil {
		return err
	}
	if v.Tender != nil {
		if err := checkTenderXLSX(wb, v); err != nil {
			return err
		}
		return wb.Write(w)
	}

	ranking := checkRankingTable(v)
	ranking.Name = msg.T(l, "check.sheet.ranking")
	widths := []float64{6, 24, 26, 10, 8, 8, 10, 10, 10, 10, 10, 10, 16}
	if e.PointsMax > 0 {
		widths = append(widths, 12, 20, 12, 20)
	}
	widths = append(widths, 11, 24)
	if _, err := wb.AddTable(ranking, SheetOptions{FreezeCols: 2, Widths: widths}); err != nil {
		return err
	}

	matrix := checkMatrixTable(v)
	matrix.Name = msg.T(l, "check.sheet.matrix")
	widths = []float64{5, 28, 22}
	for range v.Bids {
		widths = append(widths, 28)
	}
	if _, err := wb.AddTable(matrix, SheetOptions{FreezeCols: 2, Widths: widths}); err != nil {
		return err
	}

	details := checkLongTable(v)
	details.Name = msg.T(l, "check.sheet.details")
	widths = []float64{6, 20, 22, 10, 9, 9, 5, 26, 22, 14, 24, 7, 8, 12, 40, 30, 24, 40}
	if _, err := wb.AddTable(details, SheetOptions{FreezeCols: 2, Widths: widths}); err != nil {
		return err
	}

	profile := checkProfileTable(v)
	profile.Name = msg.T(l, "check.sheet.profile")
	if _, err := wb.AddTable(profile, SheetOptions{Widths: []float64{5, 30, 24, 18, 60}}); err != nil {
		return err
	}

	about := Table{Name: msg.T(l, "check.sheet.about"), RowHeader: -1, Header: []string{v.Title, ""}}
	add := func(k, val string) { about.Rows = append(about.Rows, []Cell{Text(k), Text(val)}) }
	add(msg.T(l, "check.profile"), v.Profile)
	add(msg.T(l, "score.set"), v.SetLine)
	add(msg.T(l, "check.key-criteria"), v.Keys)
	add("", v.Summary)
	if v.PointsRule != "" {
		add("", v.PointsRule)
	}
	add("", v.Sources)
	if src := e.Profile.Source.In(l); src != "" {
		add("", src)
	}
	if _, err := wb.AddTable(about, SheetOptions{Widths: []float64{20, 70}, Portrait: true}); err != nil {
		return err
	}
	return wb.Write(w)
}
