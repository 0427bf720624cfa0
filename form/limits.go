package form

// Limits bound what laatu reads from a spreadsheet or CSV file. Assessment
// files come from other people (a bid, a colleague's workbook), so a file
// that would take much memory or time — a zip bomb, a sheet of a million
// rows — is refused at once with a message, not read.
//
// A filled template is about 30 KB as .xlsx and 200 KB unzipped; the
// defaults leave room for workbooks re-saved with styles, pictures and
// extra sheets while keeping a read to a few tens of megabytes of memory.
type Limits struct {
	// FileSize is the largest file accepted, in bytes.
	FileSize int64
	// UnzipSize is the largest total size of a workbook's parts once
	// unzipped, in bytes. It is checked against the sizes the zip declares
	// before anything is unpacked (Go's zip reader refuses a part that
	// unpacks to more than it declared).
	UnzipSize int64
	// UnzipXMLSize is the size over which a worksheet is unpacked to a
	// temporary file rather than held in memory (excelize's
	// UnzipXMLSizeLimit). It must not exceed UnzipSize.
	UnzipXMLSize int64
	// Parts is the largest number of parts (files) in a workbook's zip.
	Parts int
	// Rows is the most rows read from one sheet or CSV file.
	Rows int
}

// DefaultLimits are the limits ReadFile applies: 16 MiB on disk, 64 MiB
// unzipped, worksheets over 16 MiB unpacked to disk, 10 000 zip parts and
// 5 000 rows per sheet.
var DefaultLimits = Limits{
	FileSize:     16 << 20,
	UnzipSize:    64 << 20,
	UnzipXMLSize: 16 << 20,
	Parts:        10000,
	Rows:         5000,
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
	return l
}
