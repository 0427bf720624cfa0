package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// A workbook's merged ranges (the headings and paragraphs that span a
// sheet's columns) are written into each sheet's part as the workbook is
// saved, not given to excelize: on saving, excelize checks every merged
// range of a sheet against every other for overlaps, which made the bid
// check's workbook grow with the square of its bids (its memo sheet merges
// nine ranges a bid). Our ranges never overlap: each spans one row, and a
// row holds at most a label's range and its value's, side by side
// (docXLSX.merge).

// mergeParts returns, for each sheet that merges ranges, the path of its
// part in the saved workbook: a sheet excelize makes is the part
// xl/worksheets/sheet<ID>.xml (mergeZip fails when it never comes).
func mergeParts(f *excelize.File, merges map[string][][2]string) map[string][][2]string {
	parts := map[string][][2]string{}
	for id, name := range f.GetSheetMap() {
		if m := merges[name]; len(m) > 0 {
			parts["xl/worksheets/sheet"+strconv.Itoa(id)+".xml"] = m
		}
	}
	return parts
}

// mergeZip is the zip writer excelize saves a workbook through: it writes
// the parts as they come, and a sheet's part with its merged ranges added.
type mergeZip struct {
	zw *zip.Writer
	// parts are the merged ranges of each sheet's part still to come.
	parts map[string][][2]string
	// part is the sheet's part being received into buf ("": none).
	part string
	buf  bytes.Buffer
}

func newMergeZip(w io.Writer, parts map[string][][2]string) *mergeZip {
	return &mergeZip{zw: zip.NewWriter(w), parts: parts}
}

func (z *mergeZip) Create(name string) (io.Writer, error) {
	if err := z.flush(); err != nil {
		return nil, err
	}
	if _, ok := z.parts[name]; ok {
		z.part = name
		z.buf.Reset()
		return &z.buf, nil
	}
	return z.zw.Create(name)
}

func (z *mergeZip) AddFS(fsys fs.FS) error {
	if err := z.flush(); err != nil {
		return err
	}
	return z.zw.AddFS(fsys)
}

func (z *mergeZip) Close() error {
	if err := z.flush(); err != nil {
		return err
	}
	if len(z.parts) > 0 {
		missing := make([]string, 0, len(z.parts))
		for p := range z.parts {
			missing = append(missing, p)
		}
		sort.Strings(missing)
		return fmt.Errorf("the workbook was saved without the sheet parts %v, whose cells were to be merged", missing)
	}
	return z.zw.Close()
}

// flush writes the sheet's part received, with its merged ranges.
func (z *mergeZip) flush() error {
	if z.part == "" {
		return nil
	}
	name, ranges := z.part, z.parts[z.part]
	z.part = ""
	delete(z.parts, name)
	sheet := z.buf.Bytes()
	at, err := mergeCellsAt(sheet)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	w, err := z.zw.Create(name)
	if err != nil {
		return err
	}
	if _, err := w.Write(sheet[:at]); err != nil {
		return err
	}
	if _, err := w.Write(mergeCellsXML(ranges)); err != nil {
		return err
	}
	_, err = w.Write(sheet[at:])
	return err
}

// mergeCellsXML is the mergeCells element of ranges, written as excelize
// writes it.
func mergeCellsXML(ranges [][2]string) []byte {
	b := make([]byte, 0, 64+len(ranges)*36)
	b = append(b, `<mergeCells count="`...)
	b = strconv.AppendInt(b, int64(len(ranges)), 10)
	b = append(b, `">`...)
	for _, r := range ranges {
		b = append(b, `<mergeCell ref="`...)
		b = append(b, r[0]...)
		b = append(b, ':')
		b = append(b, r[1]...)
		b = append(b, `"></mergeCell>`...)
	}
	return append(b, `</mergeCells>`...)
}

// beforeMergeCells are the elements of a worksheet that come between its
// sheetData and its mergeCells (ECMA-376 Part 1, 18.3.1.99, CT_Worksheet).
var beforeMergeCells = map[string]bool{
	"sheetCalcPr": true, "sheetProtection": true, "protectedRanges": true, "scenarios": true,
	"autoFilter": true, "sortState": true, "dataConsolidate": true, "customSheetViews": true,
}

// mergeCellsAt is where a worksheet's mergeCells element goes in sheet:
// after its sheetData and the elements the schema puts between, before
// the next one or the worksheet's end.
func mergeCellsAt(sheet []byte) (int, error) {
	if bytes.Contains(sheet, []byte("<mergeCells")) {
		return 0, errors.New("the sheet has merged cells already")
	}
	from := 0
	if i := bytes.Index(sheet, []byte("</sheetData>")); i >= 0 {
		from = i + len("</sheetData>")
	} else if i := bytes.Index(sheet, []byte("<sheetData/>")); i >= 0 {
		from = i + len("<sheetData/>")
	} else {
		return 0, errors.New("the sheet has no sheetData")
	}
	d := xml.NewDecoder(bytes.NewReader(sheet[from:]))
	depth := 0
	for {
		at := from + int(d.InputOffset())
		tok, err := d.RawToken()
		if err != nil {
			return 0, fmt.Errorf("no place for merged cells after the sheetData: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 && !beforeMergeCells[t.Name.Local] {
				return at, nil
			}
			depth++
		case xml.EndElement:
			if depth == 0 {
				return at, nil // </worksheet>
			}
			depth--
		}
	}
}
