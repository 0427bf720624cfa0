package form

import (
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/laatu-fi/laatu/msg"
)

// Extensions lists the file name endings ReadFile accepts.
var Extensions = []string{".yaml", ".yml", ".xlsx", ".csv"}

// ReadFile reads the assessment in path within DefaultLimits.
func ReadFile(path string) (*Assessment, error) { return ReadFileLimits(path, DefaultLimits) }

// ReadFileLimits reads the assessment in path, choosing the reader by the
// file's extension, within lim. This is the one place in form that opens a
// path; the readers themselves take readers. A file over the size limit is
// refused from its size alone, before a byte of it is read.
func ReadFileLimits(path string, lim Limits) (*Assessment, error) {
	lim = lim.orDefault()
	ext := strings.ToLower(filepath.Ext(path))
	var read func(r io.Reader) (*Assessment, error)
	size, tooLarge := lim.FileSize, "harden.file-too-large"
	switch ext {
	case ".yaml", ".yml":
		if size = lim.yamlSize(); size == MaxYAMLSize {
			tooLarge = "harden.yaml-too-large"
		}
		read = func(r io.Reader) (*Assessment, error) { return readYAML(r, path, size) }
	case ".xlsx":
		read = func(r io.Reader) (*Assessment, error) { return ReadXLSX(r, path, lim) }
	case ".csv":
		read = func(r io.Reader) (*Assessment, error) { return ReadCSV(r, path, lim) }
	case ".ods":
		return nil, fileProblem(path, "sheet.ods")
	case ".xls":
		return nil, fileProblem(path, "sheet.xls")
	default:
		return nil, fileProblem(path, "file.unknown-kind", ext)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fileError(path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return read(f)
	}
	if st.Size() > size {
		return nil, fileProblem(path, tooLarge, FormatSize(size))
	}
	// The size is known: the readers need not ask again.
	return read(sizedFile{f, st.Size()})
}

// fileError turns an open failure into a problem naming the file.
func fileError(path string, err error) error {
	if pe, ok := err.(*os.PathError); ok {
		err = pe.Err
	}
	return msg.Problems{{Place: msg.Place{File: path}, Message: msg.M("file.read", err)}}
}

// sizedFile is an open regular file that tells its size (Len) without
// asking the system, as a bytes.Reader does: ReadFileLimits has asked.
type sizedFile struct {
	*os.File
	size int64
}

// Len is the number of bytes from the start of the file.
func (f sizedFile) Len() int { return int(f.size) }
