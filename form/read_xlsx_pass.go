package form

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/msg"
)

// The workbook is read in one pass over its parts: each is unpacked once,
// its checksum and declared size checked on the way (Go's zip reader
// does both), and each XML part laatu reads is read once, token by token
// (partTokens), both checking its XML and taking what laatu wants from
// it: the sheets' names and parts, the shared strings, which styles show a
// per cent, and each sheet's cells, formulas and merges. excelize is for
// writing only.
//
// The order of the messages is the order of the faults' weight: a part
// damaged as a zip (the first in the zip), then a fault in the XML (the
// first part in the zip), then the limits on rows and cells and the
// sheets' faults.

// workbookPass is what the pass over a workbook's parts found.
type workbookPass struct {
	sheets  []workbookSheet       // in the workbook's order
	targets map[string]string     // relationship id → part, lower case
	strings []string              // the shared-string table
	percent []bool                // style index → shows a per cent
	parts   map[string]*sheetPart // lower-case part name → what its pass found
	names   map[string]string     // lower-case part name → as the zip spells it
	fault   *xmlFault
}

type workbookSheet struct{ name, id string }

// partName is a part's name as laatu compares names: lower case, with
// forward slashes.
func partName(f *zip.File) string { return strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/")) }

// readParts unpacks every part of zr, reading the XML parts checksXML
// names. err is a part damaged as a zip, fault the first fault in a
// part's XML.
func readParts(zr *zip.Reader, lim Limits) (*workbookPass, error) {
	wb := &workbookPass{targets: map[string]string{}, parts: map[string]*sheetPart{}}
	// The shared strings first, wherever they are in the zip: a sheet's
	// cells are read with them.
	var sst *zip.File
	for _, f := range zr.File {
		if name := partName(f); isSharedStrings(name) {
			sst = f
		}
	}
	var sstErr error
	var sstFault *xmlFault
	if sst != nil {
		sstErr = readPart(sst, lim, func(p *partTokens) {
			wb.strings = scanStrings(p)
			sstFault = p.fault
		})
	}
	for _, f := range zr.File {
		if f == sst {
			if sstErr != nil {
				return nil, fmt.Errorf("%s: %w", f.Name, sstErr)
			}
			if wb.fault == nil {
				wb.fault = sstFault
			}
			continue
		}
		name := partName(f)
		if wb.fault != nil || !checksXML(name) {
			if err := readPart(f, lim, nil); err != nil {
				return nil, fmt.Errorf("%s: %w", f.Name, err)
			}
			continue
		}
		err := readPart(f, lim, func(p *partTokens) {
			switch trimmed := strings.TrimPrefix(name, "/"); {
			case trimmed == "xl/workbook.xml":
				wb.sheets = scanWorkbook(p)
			case trimmed == "xl/_rels/workbook.xml.rels":
				scanRelationships(p, wb.targets)
			case name == "xl/styles.xml":
				wb.percent = scanPercentStyles(p)
			default:
				wb.parts[trimmed] = scanSheetPart(p, lim, wb.strings)
			}
			wb.fault = p.fault
		})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
	}
	return wb, nil
}

// readPart unpacks the part f as a stream, giving it to scan (when not
// nil) and then reading the rest, if any, for its checksum. The sizes the
// zip declares were checked against the limits (checkParts), and the zip
// reader refuses a part that unpacks to more. The error is the zip's.
func readPart(f *zip.File, lim Limits, scan func(*partTokens)) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	if scan != nil {
		p := newPartTokens(f.Name, rc, maxSharedStrings(lim))
		scan(p)
		if p.err != nil {
			return p.err
		}
	}
	_, err = io.Copy(io.Discard, rc)
	return err
}

// scanStrings reads the shared-string table: the si elements of its sst
// root.
func scanStrings(p *partTokens) []string {
	var out []string
	var si stringItem
	inItem := false
	for {
		tok, ok := p.next()
		if !ok {
			return out
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch depth := p.depth(); {
			case depth == 2 && p.root == "sst" && t.Name.Local == "si":
				si = stringItem{t: si.t[:0]}
				si.begin(depth)
				inItem = true
			case inItem:
				si.start(t.Name.Local, depth)
			}
		case xml.EndElement:
			switch depth := p.depth() + 1; {
			case inItem && depth == 2:
				out = append(out, si.String())
				inItem = false
			case inItem:
				si.end(depth)
			}
		case xml.CharData:
			if inItem {
				si.chars(t, p.depth())
			}
		}
	}
}

// scanWorkbook reads the workbook's sheets, in order.
func scanWorkbook(p *partTokens) []workbookSheet {
	var out []workbookSheet
	for {
		tok, ok := p.next()
		if !ok {
			return out
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "sheet" && p.depth() == 3 {
			out = append(out, workbookSheet{name: attr(se, "name"), id: attrNS(se, "id")})
		}
	}
}

// scanRelationships reads the workbook's relationships into targets:
// each id's part, lower case, as workbookParts names it.
func scanRelationships(p *partTokens, targets map[string]string) {
	for {
		tok, ok := p.next()
		if !ok {
			return
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "Relationship" {
			t := strings.ReplaceAll(attr(se, "Target"), `\`, "/")
			if strings.HasPrefix(t, "/") {
				t = strings.TrimPrefix(t, "/")
			} else {
				t = path.Join("xl", t)
			}
			targets[attr(se, "Id")] = strings.ToLower(t)
		}
	}
}

// scanPercentStyles reads the styles and returns, for each cell style
// index, whether its number format shows a per cent.
func scanPercentStyles(p *partTokens) []bool {
	custom := map[int]bool{} // custom format id → shows a per cent
	var xfs []int            // style index → format id
	inXfs := false
	for {
		tok, ok := p.next()
		if !ok {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "numFmt":
			if id, err := strconv.Atoi(attr(se, "numFmtId")); err == nil {
				custom[id] = isPercentFormat(attr(se, "formatCode"))
			}
		case "cellXfs":
			inXfs = true
		case "cellStyleXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst":
			// xf elements also make up cellStyleXfs; only cellXfs
			// numbers the styles cells refer to.
			inXfs = false
		case "xf":
			if inXfs {
				id, _ := strconv.Atoi(attr(se, "numFmtId"))
				xfs = append(xfs, id)
			}
		}
	}
	pct := make([]bool, len(xfs))
	for i, id := range xfs {
		pct[i] = id == 9 || id == 10 || custom[id]
	}
	return pct
}

// sheetPart finds the pass over the sheet named name: nil and an error
// when the workbook has no part for it.
func (wb *workbookPass) sheetPart(name, id string) (*sheetPart, error) {
	if sp := wb.parts[wb.targets[id]]; sp != nil {
		return sp, nil
	}
	return nil, fmt.Errorf("sheet %s does not exist", name)
}

// readWorkbook finds the laatu sheets of the workbook and reads them.
func readWorkbook(zr *zip.Reader, file string, lim Limits) (*Assessment, error) {
	wb, err := readParts(zr, lim)
	if err != nil {
		return nil, fileProblem(file, "sheet.damaged", err)
	}
	if wb.fault != nil {
		// workbook.xml and its relationships are whole unless the fault
		// is in them, and then the fault is not in a sheet. They may
		// come after the fault in the zip, unread.
		parts, _ := workbookParts(zr)
		return nil, xmlProblem(file, wb.fault, parts, lim)
	}
	of := map[*grid]*sheetPart{}
	names := make([]string, len(wb.sheets))
	for i, s := range wb.sheets {
		names[i] = s.name
	}
	sh, err := collectSheets(file, names, lim, func(i int, cells *int) (*grid, error) {
		s := wb.sheets[i]
		sp, err := wb.sheetPart(s.name, s.id)
		if err != nil {
			return nil, err
		}
		g, err := sp.grid(file, s.name, lim, cells)
		if g != nil {
			of[g] = sp
		}
		return g, err
	})
	if err != nil {
		return nil, err
	}
	a := &Assessment{Source: file}
	var ps msg.Problems
	percent := checkSheetFacts(file, sh, of, wb.percent, &ps)
	readDetails(sh.details, a, &ps)
	readAssessmentSheet(sh.assessment, a, percent, &ps)
	if sh.outcomes != nil {
		readOutcomesSheet(sh.outcomes, a, &ps)
	}
	if sh.plan != nil {
		readPlanSheet(sh.plan, a, &ps)
	}
	if len(ps) > 0 {
		return nil, ps.Err()
	}
	return a, nil
}

// checkSheetFacts reports the laatu sheets' damaged cells, the merged
// cells that hide an answer, and the answers given by a formula whose
// value laatu cannot take (none saved, or one that changes whenever the
// workbook is opened), and returns whether a cell of the assessment sheet
// shows its number as a per cent. A formula with a saved value is read as
// that value, as Excel shows it (LibreOffice saves TRUE typed in a cell as
// the formula TRUE()).
func checkSheetFacts(file string, sh laatuSheets, of map[*grid]*sheetPart, pct []bool, ps *msg.Problems) (percent func(row, col int) bool) {
	styles := map[cellPos]int{}
	for _, g := range []*grid{sh.details, sh.assessment, sh.outcomes, sh.plan} {
		sp := of[g]
		if g == nil || sp == nil {
			continue
		}
		want := g.answerCells()
		for _, c := range sp.facts.damaged {
			ps.Add(g.place(c.at.row, c.at.col), g.criterionAt(c.at.row), c.key, c.args...)
		}
		for _, r := range sp.facts.merged {
			if hides(r, want) {
				ps.Add(msg.Place{File: file, Sheet: g.sheet, Cell: g.ref(r.from.row, r.from.col) + ":" + g.ref(r.to.row, r.to.col)},
					0, "harden.merged")
			}
		}
		for p, f := range sp.facts.formulas {
			if key := f.problem(); want[p] && key != "" {
				ps.Add(g.place(p.row, p.col), g.criterionAt(p.row), key, f.text)
			}
		}
		if g == sh.assessment {
			for _, c := range sp.styleOf {
				if want[c.at] {
					styles[c.at] = c.style
				}
			}
		}
	}
	return func(row, col int) bool {
		s, ok := styles[cellPos{row, col}]
		return ok && s >= 0 && s < len(pct) && pct[s]
	}
}
