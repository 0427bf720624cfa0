// Package atomicfile writes output files so that a reader never sees half a
// file: the content goes to a temporary file in the same folder, is synced,
// and is renamed over the target only when complete. An interrupted write
// leaves the previous file as it was. It also refuses to write over any of
// the command's input files.
package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
)

// ErrIsInput is returned when the output path names one of the inputs.
var ErrIsInput = errors.New("output file is also an input")

// Write creates or replaces path with what write produces. The file gets
// mode 0644 (before the umask). If write fails, path is left untouched and
// the temporary file is removed.
func Write(path string, write func(w io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// CheckNotInput returns ErrIsInput when out is the same file as one of
// inputs (by path or, when both exist, by identity, so links and other
// spellings of the same path are caught).
func CheckNotInput(out string, inputs []string) error {
	absOut, _ := filepath.Abs(out)
	outInfo, outErr := os.Stat(out)
	for _, in := range inputs {
		absIn, _ := filepath.Abs(in)
		if absIn == absOut {
			return ErrIsInput
		}
		if outErr != nil {
			continue
		}
		if inInfo, err := os.Stat(in); err == nil && os.SameFile(inInfo, outInfo) {
			return ErrIsInput
		}
	}
	return nil
}
