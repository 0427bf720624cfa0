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

// ReadFile reads the assessment in path, choosing the reader by the file's
// extension, within DefaultLimits. This is the one place in form that opens
// a path; the readers themselves take readers.
func ReadFile(path string) (*Assessment, error) {
	ext := strings.ToLower(filepath.Ext(path))
	var read func(r io.Reader) (*Assessment, error)
	switch ext {
	case ".yaml", ".yml":
		read = func(r io.Reader) (*Assessment, error) { return ReadYAML(r, path) }
	case ".xlsx":
		read = func(r io.Reader) (*Assessment, error) { return ReadXLSX(r, path, DefaultLimits) }
	case ".csv":
		read = func(r io.Reader) (*Assessment, error) { return ReadCSV(r, path, DefaultLimits) }
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
	return read(f)
}

// fileError turns an open failure into a problem naming the file.
func fileError(path string, err error) error {
	if pe, ok := err.(*os.PathError); ok {
		err = pe.Err
	}
	return msg.Problems{{Place: msg.Place{File: path}, Message: msg.M("file.read", err)}}
}
