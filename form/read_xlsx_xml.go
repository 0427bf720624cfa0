package form

import (
	"io"
	"strings"

	"github.com/laatu-fi/laatu/msg"
	"golang.org/x/text/encoding/htmlindex"
)

// A reader that stops at the first error in a part's XML without saying
// so reads an unclosed cell, an entity XML does not define or a part that
// is no XML at all as a sheet that ends early, a shared string as an
// empty cell (excelize, which laatu read workbooks with before, did). So
// every XML part laatu reads is read to its end by a strict XML parser
// (partTokens), and a fault is reported as a damaged file with the part
// (and, in a sheet, the row). Document type declarations (<!DOCTYPE …>),
// which Excel and LibreOffice never write and which could define
// entities, are refused.

// xmlFault is what is wrong with one XML part of a workbook.
type xmlFault struct {
	part   string      // as the zip names it
	row    int         // the sheet row last started before the fault (1-based), or 0
	detail msg.Message // what is wrong, for the message
	// strings is set, instead of a detail, when the shared-string table
	// has more entries than the limit allows.
	strings bool
}

func (e *xmlFault) Error() string { return e.part + ": " + e.detail.In("en") }

// checksXML reports whether the part named name (lower case, with forward
// slashes) is read as XML: every part but those reading the cells does
// not need (notForValues), and the styles, for the per cent formats.
func checksXML(name string) bool {
	return isXMLPart(name) && (name == "xl/styles.xml" || !skipForValues(name))
}

// isSharedStrings reports whether the part named name (lower case) is the
// shared-string table.
func isSharedStrings(name string) bool { return name == "xl/sharedstrings.xml" }

// maxSharedStrings is the most entries a workbook's shared-string table
// may have within lim: every string is the value of some cell, and laatu
// reads at most lim.Cells cells; a quarter more leaves room for the cells
// of other sheets. The table is held whole, at 16 bytes an entry and its
// text, even when the entry is empty (<si/>, 5 bytes of XML).
func maxSharedStrings(lim Limits) int { return lim.Cells + lim.Cells/4 }

// readError is an io.Reader that remembers a failed read (the zip's
// checksum, a damaged deflate stream), to tell it from an XML fault.
type readError struct {
	r   io.Reader
	err error
}

func (r *readError) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if err != nil && err != io.EOF {
		r.err = err
	}
	return n, err
}

// charsetReader decodes a part that declares an encoding other than UTF-8,
// as excelize does.
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, err
	}
	return enc.NewDecoder().Reader(r), nil
}

// xmlProblem is the message about fault in the workbook file: about the
// sheet when the part is one, else about the part.
func xmlProblem(file string, fault *xmlFault, parts map[string]string, lim Limits) msg.Problems {
	if fault.strings {
		return fileProblem(file, "xlsx.too-many-shared-strings", fault.part, maxSharedStrings(lim), lim.Cells)
	}
	for sheet, part := range parts {
		if !strings.EqualFold(part, fault.part) {
			continue
		}
		place := msg.Place{File: file, Sheet: sheet}
		if fault.row > 0 {
			return msg.Problems{{Place: place, Message: msg.M("xlsx.sheet-damaged-row", fault.row, fault.detail)}}
		}
		return msg.Problems{{Place: place, Message: msg.M("xlsx.sheet-damaged", fault.detail)}}
	}
	return fileProblem(file, "xlsx.part-damaged", fault.part, fault.detail)
}
