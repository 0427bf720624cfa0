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
	"strings"
	"time"
)

// ErrIsInput is returned when the output path names one of the inputs.
var ErrIsInput = errors.New("output file is also an input")

// Write creates or replaces path with what write produces. The file gets
// mode 0644 (before the umask). If write fails or panics, path is left
// untouched and the temporary file is removed.
//
// A process killed while writing (SIGKILL, a power cut) runs no cleanup:
// path is still the previous file, and the temporary file stays behind,
// hidden (.name.123.tmp). A later Write of the same path removes such
// leftovers once they are older than StaleAfter.
func Write(path string, write func(w io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return err
	}
	done := false
	defer func() {
		if !done {
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
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	done = true
	syncDir(dir)
	removeStale(dir, base, time.Now())
	return nil
}

// StaleAfter is the age at which a temporary file left by an interrupted
// Write is taken for abandoned. Writes take seconds at most; an hour keeps
// clear of any write still going on in another process.
const StaleAfter = time.Hour

// removeStale removes the temporary files of earlier Writes of dir/base
// that are older than StaleAfter: .base.<digits>.tmp, as os.CreateTemp
// names them.
func removeStale(dir, base string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := "." + base + "."
	for _, e := range entries {
		name := e.Name()
		middle, ok := strings.CutPrefix(name, prefix)
		if !ok {
			continue
		}
		if middle, ok = strings.CutSuffix(middle, ".tmp"); !ok || middle == "" || strings.Trim(middle, "0123456789") != "" {
			continue
		}
		if info, err := e.Info(); err == nil && info.Mode().IsRegular() && now.Sub(info.ModTime()) > StaleAfter {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// syncDir makes the rename itself durable where the system allows it; on
// some systems a folder cannot be synced, and the rename stands anyway.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
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
