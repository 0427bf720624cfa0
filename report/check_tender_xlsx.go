package report

import (
	"github.com/laatu-fi/laatu/msg"
)

// checkTenderXLSX writes a tender comparison as a workbook (CheckXLSX calls
// it): the result with numbers as numbers and each figure's formula beside
// it, the excluded bids with why, the comparison memo (vertailumuistio) a
// row per bid and requirement, the profile's requirements, and a sheet
// that states the rules. Wide sheets print landscape on A4.
func checkTenderXLSX(wb *Workbook, v *checkView) error {
	l, e := v.lang, v.e

	result := checkTenderTable(v)
	result.Name = msg.T(l, "tender2.sheet.result")
	widths := []float64{6, 24, 22, 12, 12, 16, 10, 10, 11, 28, 11, 34, 11, 20, 40, 44}
	if _, err := wb.AddTable(result, SheetOptions{FreezeCols: 2, Widths: widths}); err != nil {
		return err
	}

	// The memo in reading order for print: who, what was asked and what
	// the bid said on the first page across; the verdict and its reason
	// on the next; the rest after.
	memo := permuteColumns(checkMemoTable(v), []int{0, 1, 3, 4, 6, 8, 9, 10, 5, 7, 2, 11, 12})
	memo.Name = msg.T(l, "tender2.sheet.memo")
	widths = []float64{6, 20, 16, 22, 34, 26, 16, 44, 14, 18, 8, 28, 44}
	if _, err := wb.AddTable(memo, SheetOptions{FreezeCols: 2, Widths: widths}); err != nil {
		return err
	}

	profile := checkProfileTable(v)
	profile.Name = msg.T(l, "check.sheet.profile")
	if _, err := wb.AddTable(profile, SheetOptions{Widths: []float64{5, 30, 24, 18, 60}}); err != nil {
		return err
	}
	if own := tenderOwnTable(v); len(own.Rows) > 0 {
		own.Name = msg.T(l, "tender2.sheet.own")
		if _, err := wb.AddTable(own, SheetOptions{Widths: []float64{16, 16, 40, 30, 30, 18, 40}}); err != nil {
			return err
		}
	}

	about := Table{Name: msg.T(l, "check.sheet.about"), RowHeader: -1, Header: []string{msg.T(l, "tender.title", e.Profile.Name.In(l)), ""}}
	add := func(k, val string) { about.Rows = append(about.Rows, []Cell{Text(k), Text(val)}) }
	add(msg.T(l, "check.profile"), v.Profile)
	add(msg.T(l, "score.set"), v.SetLine)
	add(msg.T(l, "check.key-criteria"), v.Keys)
	add("", v.Summary)
	if v.Tender.Excluded != "" {
		add("", v.Tender.Excluded)
	}
	add("", v.Tender.Rule)
	add("", msg.T(l, "tender2.memo-lead"))
	add("", v.Sources)
	if src := e.Profile.Source.In(l); src != "" {
		add("", src)
	}
	if _, err := wb.AddTable(about, SheetOptions{Widths: []float64{20, 70}, Portrait: true}); err != nil {
		return err
	}
	return nil
}

// permuteColumns returns t with its columns in the order given.
func permuteColumns(t Table, order []int) Table {
	out := t
	out.Header = make([]string, len(order))
	for i, c := range order {
		out.Header[i] = t.Header[c]
	}
	out.Rows = make([][]Cell, len(t.Rows))
	for r, row := range t.Rows {
		out.Rows[r] = make([]Cell, len(order))
		for i, c := range order {
			out.Rows[r][i] = row[c]
		}
	}
	return out
}
