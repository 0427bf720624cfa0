package report

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/laatu-fi/laatu/scoring"
	"github.com/xuri/excelize/v2"
)

// xlsxDump writes the comparison as XLSX and then describes the workbook
// as text for a golden file: every sheet's cells as excelize formats them
// (it shows a zero change as +0, where Excel and LibreOffice use the
// format's zero section and show 0), column widths
// and row heights, frozen panes, page set-up, conditional formats, print
// titles, filters and the charts' data ranges.
// A golden of the zip itself would differ on every excelize upgrade.
func xlsxDump(w io.Writer, c *scoring.Comparison, opt CompareOptions) error {
	var buf bytes.Buffer
	if err := CompareXLSX(&buf, c, opt); err != nil {
		return err
	}
	return dumpXLSX(w, buf.Bytes())
}

func dumpXLSX(w io.Writer, data []byte) error {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return err
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(w, "== sheet %s\n", sheet)
		panes, err := f.GetPanes(sheet)
		if err != nil {
			return err
		}
		if panes.Freeze {
			fmt.Fprintf(w, "frozen: %d columns, %d rows\n", panes.XSplit, panes.YSplit)
		}
		layout, err := f.GetPageLayout(sheet)
		if err != nil {
			return err
		}
		if layout.Orientation != nil && layout.FitToWidth != nil {
			fmt.Fprintf(w, "print: %s, %d page(s) wide\n", *layout.Orientation, *layout.FitToWidth)
		}
		cfs, err := f.GetConditionalFormats(sheet)
		if err != nil {
			return err
		}
		refs := make([]string, 0, len(cfs))
		for ref := range cfs {
			refs = append(refs, ref)
		}
		sort.Strings(refs)
		for _, ref := range refs {
			for _, cf := range cfs[ref] {
				fmt.Fprintf(w, "conditional %s: %s %s/%s/%s\n", ref, cf.Type, cf.MinColor, cf.MidColor, cf.MaxColor)
			}
		}
		rows, err := f.GetRows(sheet)
		if err != nil {
			return err
		}
		width := 0
		for _, row := range rows {
			width = max(width, len(row))
		}
		if width > 0 {
			fmt.Fprint(w, "widths:")
			for c := range width {
				cw, err := f.GetColWidth(sheet, ColName(c))
				if err != nil {
					return err
				}
				fmt.Fprintf(w, " %s=%g", ColName(c), cw)
			}
			fmt.Fprintln(w)
		}
		for i, row := range rows {
			h, err := f.GetRowHeight(sheet, i+1)
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "%d (%gpt): %s\n", i+1, h, strings.Join(row, " | "))
		}
	}
	for _, dn := range f.GetDefinedName() {
		fmt.Fprintf(w, "defined %s (%s) = %s\n", dn.Name, dn.Scope, dn.RefersTo)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	// excelize writes the chart namespace as the default one; other writers
	// prefix it with c:.
	ref := regexp.MustCompile(`<(?:c:)?f>([^<]*)</(?:c:)?f>`)
	attr := func(b []byte, name string) string {
		m := regexp.MustCompile(`<(?:c:)?` + name + ` val="([^"]*)"`).FindSubmatch(b)
		if m == nil {
			return "-"
		}
		return string(m[1])
	}
	colours := regexp.MustCompile(`<a:srgbClr val="([0-9A-Fa-f]{6})"`)
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/charts/chart") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "chart %s:", zf.Name)
		for _, m := range ref.FindAllSubmatch(b, -1) {
			fmt.Fprintf(w, " %s", m[1])
		}
		fmt.Fprintln(w)
		seen := map[string]bool{}
		var text []string
		for _, m := range colours.FindAllSubmatch(b, -1) {
			if c := string(m[1]); !seen[c] {
				seen[c] = true
				text = append(text, c)
			}
		}
		fmt.Fprintf(w, "  %s bars, legend %s, data labels %d, colours %s\n", attr(b, "barDir"), attr(b, "legendPos"),
			bytes.Count(b, []byte(`showVal val="1"`)), strings.Join(text, " "))
	}
	return nil
}
