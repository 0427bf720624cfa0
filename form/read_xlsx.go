package form

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/msg"
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
	b, err := readAtMost(r, lim.FileSize)
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
// encrypted workbook or an old .xls) is named, never decrypted: the
// key derivation would run as many rounds as the file itself asks for.
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
// whose reading holds a whole cell, or a whole shared string, at a time
// in memory: one part's size is bounded by Limits.UnzipXMLSize.
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

// notForValues are the parts of a workbook that reading cell values does
// not need, by the start of their lower-case names: they are unpacked
// for their checksums only. laatu reads the one thing it wants from the
// styles, which cells show a per cent, as a stream (scanPercentStyles).
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

// laatuSheets are the laatu sheets of a workbook: the details and the
// assessment, which every template has, and the review cycle's outcomes
// and plan, nil in a workbook made before them.
type laatuSheets struct{ details, assessment, outcomes, plan *grid }

// collectSheets finds the laatu sheets among the workbook's sheets,
// named in names in the workbook's order; read reads the i-th sheet's
// grid (nil for a sheet without a marker), spending the workbook's cell
// budget.
func collectSheets(file string, names []string, lim Limits, read func(i int, cells *int) (*grid, error)) (sh laatuSheets, err error) {
	details, assessment := &sh.details, &sh.assessment
	var ps, unreadable msg.Problems
	cells := lim.Cells
	for i, name := range names {
		g, err := read(i, &cells)
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
	sheetNames(sh)
	return sh, nil
}
