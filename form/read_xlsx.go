package form

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/msg"
	"github.com/xuri/excelize/v2"
)

// ReadXLSX reads a filled template (see WriteXLSXTemplate) as Excel,
// LibreOffice or another program saved it: sheets may be renamed,
// reordered or added, strings shared or inline, cells typed as numbers or
// text. The error, when not nil, is msg.Problems naming the sheet and cell
// of every fault found.
//
// The file comes from someone else, so it is checked against lim before it
// is unpacked: a zip bomb, an encrypted or old-format workbook, or another
// file renamed .xlsx gets a message saying what it is, never a panic.
func ReadXLSX(r io.Reader, file string, lim Limits) (*Assessment, error) {
	lim = lim.orDefault()
	b, err := io.ReadAll(io.LimitReader(r, lim.FileSize+1))
	if err != nil {
		return nil, fileProblem(file, "file.read", err)
	}
	if int64(len(b)) > lim.FileSize {
		return nil, fileProblem(file, "harden.file-too-large", FormatSize(lim.FileSize))
	}
	zr, ps := sniffXLSX(b, file, lim)
	if ps != nil {
		return nil, ps
	}
	return readWorkbook(zr, file, lim)
}

func fileProblem(file, key string, args ...any) msg.Problems {
	return msg.Problems{{Place: msg.Place{File: file}, Message: msg.M(key, args...)}}
}

var (
	oleMagic      = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	encryptedInfo = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00")
)

// sniffXLSX says what b is when it is not a workbook laatu can open, and
// checks the zip's declared sizes against lim. An Office binary file (an
// encrypted workbook or an old .xls) never reaches excelize, whose
// decryption would run the key derivation the file itself asks for.
func sniffXLSX(b []byte, file string, lim Limits) (*zip.Reader, msg.Problems) {
	switch {
	case len(bytes.TrimSpace(b)) == 0:
		return nil, fileProblem(file, "sheet.empty")
	case bytes.HasPrefix(b, oleMagic):
		if bytes.Contains(b, encryptedInfo) {
			return nil, fileProblem(file, "sheet.encrypted")
		}
		return nil, fileProblem(file, "sheet.old-format")
	case !bytes.HasPrefix(b, []byte("PK\x03\x04")) && !bytes.HasPrefix(b, []byte("PK\x05\x06")):
		if looksLikeText(b[:min(len(b), 4096)]) {
			return nil, fileProblem(file, "sheet.not-zip-text")
		}
		return nil, fileProblem(file, "sheet.not-zip")
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, fileProblem(file, "sheet.damaged", err)
	}
	if len(zr.File) > lim.Parts {
		return nil, fileProblem(file, "sheet.too-many-parts", len(zr.File), lim.Parts)
	}
	return zr, checkParts(zr, file, lim)
}

// checkParts checks the sizes the zip declares against lim and says what
// a zip that is no workbook is.
func checkParts(zr *zip.Reader, file string, lim Limits) msg.Problems {
	var total uint64
	var big *zip.File // the largest XML part
	has := map[string]bool{}
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total < f.UncompressedSize64 { // overflow: sizes beyond any limit
			total = ^uint64(0)
		}
		name := strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))
		has[name] = true
		if isXMLPart(name) && (big == nil || f.UncompressedSize64 > big.UncompressedSize64) {
			big = f
		}
	}
	if total > uint64(lim.UnzipSize) {
		return fileProblem(file, "sheet.too-large", sizeAbout(total), FormatSize(lim.UnzipSize))
	}
	switch {
	case has["xl/workbook.xml"]:
	case has["word/document.xml"]:
		return fileProblem(file, "harden.word")
	case has["ppt/presentation.xml"]:
		return fileProblem(file, "harden.powerpoint")
	case has["content.xml"] && has["meta-inf/manifest.xml"]:
		return fileProblem(file, "sheet.ods")
	default:
		return fileProblem(file, "sheet.no-workbook")
	}
	if big != nil && big.UncompressedSize64 > uint64(lim.UnzipXMLSize) {
		size, max := sizeAbout(big.UncompressedSize64), FormatSize(lim.UnzipXMLSize)
		if parts, err := workbookParts(zr); err == nil {
			for sheet, part := range parts {
				if part == big.Name {
					return msg.Problems{{Place: msg.Place{File: file, Sheet: sheet}, Message: msg.M("harden.sheet-too-large", size, max)}}
				}
			}
		}
		return fileProblem(file, "harden.part-too-large", big.Name, size, max)
	}
	return nil
}

// isXMLPart reports whether the part named name (lower case) is XML,
// which excelize parses — whole, or a worksheet as a stream that still
// holds a whole cell or row at a time — at several times its size in
// memory.
func isXMLPart(name string) bool {
	return strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels")
}

// looksLikeText reports whether head has no control characters other than
// tabs and line breaks: a CSV or text file, in any 8-bit encoding.
func looksLikeText(head []byte) bool {
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// sizeAbout writes a size found in a file, rounded up to whole MiB or KiB:
// enough to compare with a limit.
func sizeAbout(n uint64) string {
	if n >= 1<<20 {
		return strconv.FormatUint(n/(1<<20)+min(n%(1<<20), 1), 10) + " MiB"
	}
	return strconv.FormatUint(n/(1<<10)+min(n%(1<<10), 1), 10) + " KiB"
}

// readWorkbook opens the workbook with excelize, finds the laatu sheets
// and reads them.
func readWorkbook(zr *zip.Reader, file string, lim Limits) (*Assessment, error) {
	stringCount, fault, err := verifyParts(zr, lim)
	if err != nil {
		return nil, fileProblem(file, "sheet.damaged", err)
	}
	if fault != nil {
		// workbook.xml and its relationships are whole unless the fault
		// is in them, and then the fault is not in a sheet.
		parts, _ := workbookParts(zr)
		return nil, xmlProblem(file, fault, parts, lim)
	}
	values, err := valueParts(zr)
	if err != nil {
		return nil, fileProblem(file, "sheet.damaged", err)
	}
	sh, err := openSheets(values, file, lim)
	if err != nil {
		return nil, err
	}
	a := &Assessment{Source: file}
	var ps msg.Problems
	percent, err := checkCells(zr, file, sh.details, sh.assessment, stringCount, &ps, sh.outcomes, sh.plan)
	if err != nil {
		return nil, fileProblem(file, "sheet.damaged", err)
	}
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

// verifyParts unpacks every part as a stream, checking its checksum and
// its declared size, so that a damaged download is reported as such
// rather than as whatever its garbled XML seems to say. Nothing is kept;
// the sizes were checked against the limits before. The XML parts laatu
// reads are read by a strict XML parser on the way (checkXML): the first
// fault found is returned, unless a part is damaged as a zip, which err
// reports. stringCount is the number of entries in the shared-string
// table.
func verifyParts(zr *zip.Reader, lim Limits) (stringCount int, fault *xmlFault, err error) {
	for _, f := range zr.File {
		name := strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))
		rc, err := f.Open()
		if err == nil {
			if fault == nil && checksXML(name) {
				var n int
				n, fault, err = checkXML(f.Name, rc, maxSharedStrings(lim))
				if isSharedStrings(name) {
					stringCount = n
				}
			}
			if err == nil {
				_, err = io.Copy(io.Discard, rc)
			}
			rc.Close()
		}
		if err != nil {
			return 0, nil, fmt.Errorf("%s: %w", f.Name, err)
		}
	}
	return stringCount, fault, nil
}

// notForValues are the parts of a workbook that reading cell values does
// not need, by the start of their lower-case names. excelize parses some of
// them whole when it opens a workbook (the styles at up to twenty times
// their size in memory), so they are left out of the copy it gets; laatu
// reads the one thing it wants from the styles, which cells show a per
// cent, as a stream (percentStyles).
var notForValues = []string{
	"xl/styles.xml", "xl/theme/", "xl/calcchain.xml", "xl/media/", "xl/drawings/", "xl/charts/",
	"xl/embeddings/", "xl/printersettings/", "xl/vbaproject.bin", "xl/pivot", "xl/externallinks/",
	"xl/comments", "xl/threadedcomments/", "xl/persons/", "xl/richdata/", "xl/ctrlprops/",
	"customxml/", "docprops/",
}

// skipForValues reports whether the part named name (lower case, with
// forward slashes) is one of notForValues.
func skipForValues(name string) bool {
	return slices.ContainsFunc(notForValues, func(p string) bool { return strings.HasPrefix(name, p) })
}

// valueParts copies the parts of the workbook that hold its sheets and
// their values into a new zip, without unpacking them.
func valueParts(zr *zip.Reader) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if skipForValues(strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))) {
			continue
		}
		if err := zw.Copy(f); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// laatuSheets are the laatu sheets of a workbook: the details and the
// assessment, which every template has, and the review cycle's outcomes
// and plan, nil in a workbook made before them.
type laatuSheets struct{ details, assessment, outcomes, plan *grid }

// openSheets opens the workbook and reads the cells of its laatu
// sheets. excelize is not written for hostile input, so a panic inside it
// becomes a message about a damaged file.
func openSheets(b []byte, file string, lim Limits) (sh laatuSheets, err error) {
	var f *excelize.File
	defer func() {
		if r := recover(); r != nil {
			err = fileProblem(file, "sheet.damaged", fmt.Sprint(r))
		}
		if f != nil {
			f.Close()
		}
	}()
	f, err = excelize.OpenReader(bytes.NewReader(b), excelize.Options{
		UnzipSizeLimit: lim.UnzipSize, UnzipXMLSizeLimit: lim.UnzipXMLSize,
	})
	if err != nil {
		return sh, fileProblem(file, "sheet.damaged", err)
	}
	details, assessment := &sh.details, &sh.assessment
	var ps, unreadable msg.Problems
	cells := lim.Cells
	for _, name := range f.GetSheetList() {
		g, err := readGrid(f, file, name, lim, &cells)
		var far *tooManyCells
		if errors.As(err, &far) {
			return sh, msg.Problems{{Place: msg.Place{File: file, Sheet: name, Cell: far.cell}, Message: msg.M("harden.too-many-cells", lim.Cells)}}
		}
		if err != nil {
			unreadable.Add(msg.Place{File: file, Sheet: name}, 0, "sheet.read-sheet", name, err)
			continue
		}
		if g == nil {
			continue
		}
		if g.tooLong {
			ps.Add(msg.Place{File: file, Sheet: name}, 0, "sheet.too-many-rows", lim.Rows, lim.Rows)
			continue
		}
		slot := details
		switch g.marker {
		case markerAssessment:
			slot = assessment
		case markerOutcomes:
			slot = &sh.outcomes
		case markerPlan:
			slot = &sh.plan
		}
		if *slot != nil {
			ps.Add(msg.Place{File: file, Sheet: name}, 0, "sheet.twice", (*slot).sheet, name)
			continue
		}
		*slot = g
	}
	if len(ps) == 0 {
		if *details == nil {
			ps.Add(msg.Place{File: file}, 0, "sheet.not-template", markerDetails)
		} else if *assessment == nil {
			ps.Add(msg.Place{File: file}, 0, "sheet.not-template", markerAssessment)
		}
		if len(ps) > 0 {
			ps = append(ps, unreadable...)
		}
	}
	if len(ps) > 0 {
		return laatuSheets{}, ps.Err()
	}
	return sh, nil
}
