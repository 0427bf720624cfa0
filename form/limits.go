package form

import "strconv"

// Limits bound what laatu reads from an assessment file. Assessment files
// come from other people (a bid, a colleague's workbook), so a file that
// would take much memory or time — a zip bomb, a sheet of a million rows —
// is refused at once with a message, not read.
//
// A filled template is about 30 KB as .xlsx and 200 KB unzipped; the
// defaults leave room for workbooks re-saved with styles, pictures and
// extra sheets while keeping a read to a few hundred megabytes of memory at
// the very worst (README.md, "Limits and errors", has the measurements).
type Limits struct {
	// FileSize is the largest file accepted, in bytes. A YAML file is held
	// to MaxYAMLSize as well, whichever is smaller.
	FileSize int64
	// UnzipSize is the largest total size of a workbook's parts once
	// unzipped, in bytes. It is checked against the sizes the zip declares
	// before anything is unpacked (Go's zip reader refuses a part that
	// unpacks to more than it declared).
	UnzipSize int64
	// UnzipXMLSize is the largest any one XML part of a workbook (a sheet,
	// the shared strings, the styles) may unpack to: the reader holds the
	// shared strings whole and a sheet's rows, and reads a cell whole, so
	// one huge cell costs several times its size. It must not exceed
	// UnzipSize.
	UnzipXMLSize int64
	// Parts is the largest number of parts (files) in a workbook's zip.
	Parts int
	// Rows is the most rows read from one sheet or CSV file.
	Rows int
	// Cells is the most cells read from a workbook's sheets, counting the
	// empty cells to the left of each filled one: the sheet reader lays a
	// row out up to its last filled cell, so one cell in column XFD costs
	// as much as 16 384 cells. The workbook's shared-string table may have
	// a quarter more entries than Cells (every entry is some cell's
	// value), since the reader holds it whole, an empty entry too.
	Cells int
}

// DefaultLimits are the limits ReadFile applies: 16 MiB on disk, 64 MiB
// unzipped and 8 MiB for one XML part, 10 000 zip parts, 5 000 rows per sheet
// and 200 000 cells.
var DefaultLimits = Limits{
	FileSize:     16 << 20,
	UnzipSize:    64 << 20,
	UnzipXMLSize: 8 << 20,
	Parts:        10000,
	Rows:         5000,
	Cells:        200000,
}

// orDefault fills the zero fields of l from DefaultLimits, so that a
// caller may set only the limit it cares about.
func (l Limits) orDefault() Limits {
	d := DefaultLimits
	if l.FileSize <= 0 {
		l.FileSize = d.FileSize
	}
	if l.UnzipSize <= 0 {
		l.UnzipSize = d.UnzipSize
	}
	if l.UnzipXMLSize <= 0 {
		l.UnzipXMLSize = d.UnzipXMLSize
	}
	l.UnzipXMLSize = min(l.UnzipXMLSize, l.UnzipSize)
	if l.Parts <= 0 {
		l.Parts = d.Parts
	}
	if l.Rows <= 0 {
		l.Rows = d.Rows
	}
	if l.Cells <= 0 {
		l.Cells = d.Cells
	}
	return l
}

// yamlSize is the largest YAML file read within l.
func (l Limits) yamlSize() int64 { return min(l.orDefault().FileSize, MaxYAMLSize) }

// FormatSize writes a number of bytes as people write sizes: 16 MiB when
// it is a whole number of binary units, 16 MB of decimal ones, otherwise
// bytes.
func FormatSize(n int64) string {
	for _, u := range []struct {
		size int64
		name string
	}{{1 << 30, "GiB"}, {1 << 20, "MiB"}, {1 << 10, "KiB"}, {1e9, "GB"}, {1e6, "MB"}, {1e3, "kB"}} {
		if n >= u.size && n%u.size == 0 {
			return strconv.FormatInt(n/u.size, 10) + " " + u.name
		}
	}
	return strconv.FormatInt(n, 10) + " B"
}
