package form

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/laatu-fi/laatu/msg"
)

// Extensions lists the file name endings ReadFile accepts.
var Extensions = []string{".yaml", ".yml"}

// ReadFile reads the assessment in path, choosing the reader by the file's
// extension. This is the one place in form that opens a path; the readers
// themselves take readers.
func ReadFile(path string) (*Assessment, error) {
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".yaml", ".yml":
		f, err := os.Open(path)
		if err != nil {
			return nil, fileError(path, err)
		}
		defer f.Close()
		return ReadYAML(f, path)
	}
	return nil, msg.Problems{{Place: msg.Place{File: path}, Message: msg.M("file.unknown-kind", ext)}}
}

// fileError turns an open failure into a problem naming the file.
func fileError(path string, err error) error {
	if pe, ok := err.(*os.PathError); ok {
		err = pe.Err
	}
	return msg.Problems{{Place: msg.Place{File: path}, Message: msg.M("file.read", err)}}
}
