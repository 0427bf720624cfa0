// Package atomicfile writes output files so that a reader never sees half a
// file: the content goes to a temporary file in the same folder, is synced,
// and is renamed over the target only when complete. An interrupted write
// leaves the previous file as it was. A device, FIFO or descriptor link
// (/dev/null, /dev/stdout) is written to directly instead, never replaced;
// a symbolic link is written through to its file. It also refuses to
// write over any of the command's input files.
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

// Write creates or replaces path with what write produces. If write fails
// or panics, path is left untouched and the temporary file is removed.
//
// What path names decides how it is written:
//   - nothing: a new file, mode 0644;
//   - a regular file: replaced whole, keeping its permission bits;
//   - a symbolic link to a regular file: the file the link points to is
//     replaced (the link stays a link, to the new content);
//   - anything else that exists – a device such as /dev/null, a FIFO, a
//     socket, or a descriptor link such as /dev/stdout – is written to
//     directly, as a shell redirection would: renaming a file over it would
//     replace the device (as root, /dev/null itself). Such a write is not
//     atomic; a reader of a FIFO sees whatever was written before a failure.
//
// A process killed while writing (SIGKILL, a power cut) runs no cleanup:
// path is still the previous file, and the temporary file stays behind,
// hidden (.name.123.tmp). A later Write of the same path removes such
// leftovers once they are older than StaleAfter.
func Write(path string, write func(w io.Writer) error) (err error) {
	target, mode, direct, flag := resolve(path)
	if direct {
		return writeDirect(path, flag, write)
	}
	dir, base := filepath.Split(target)
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
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), target); err != nil {
		return err
	}
	done = true
	syncDir(dir)
	removeStale(dir, base, time.Now())
	return nil
}

// newFileMode is the mode of a file Write creates.
const newFileMode os.FileMode = 0o644

// resolve says where and how path is written: target is the regular file
// to replace (path itself, or where its links lead) with mode, or direct
// is true and path is opened as it is with flag.
func resolve(path string) (target string, mode os.FileMode, direct bool, flag int) {
	info, err := os.Stat(path)
	if err != nil {
		// Nothing there (or a dangling link): a new file in its place.
		return path, newFileMode, false, 0
	}
	if viaDescriptor(path) {
		// /dev/stdout and the like name an open file of this process:
		// appending writes after what the shell or the caller put there,
		// and never truncates or replaces a file behind the descriptor.
		if info.Mode().IsRegular() {
			return path, 0, true, os.O_WRONLY | os.O_APPEND
		}
		return path, 0, true, os.O_WRONLY
	}
	if !info.Mode().IsRegular() {
		return path, 0, true, os.O_WRONLY
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		target = real
	} else {
		target = path
	}
	return target, info.Mode().Perm(), false, 0
}

// writeDirect writes to an existing file that is not replaced: a device,
// a FIFO, a descriptor.
func writeDirect(path string, flag int, write func(w io.Writer) error) error {
	f, err := os.OpenFile(path, flag, 0)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// viaDescriptor reports whether path is, or its links lead through, a link
// to an open file descriptor: /dev/stdout, /dev/fd/N, /proc/self/fd/N.
// Such a link's target (pipe:[123], a deleted file) is not a path to
// replace.
func viaDescriptor(path string) bool {
	p := path
	for range 40 {
		abs, err := filepath.Abs(p)
		if err != nil {
			return false
		}
		if isDescriptorPath(abs) {
			return true
		}
		link, err := os.Readlink(abs)
		if err != nil {
			return false
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(abs), link)
		}
		p = link
	}
	return false
}

func isDescriptorPath(abs string) bool {
	switch abs {
	case "/dev/stdin", "/dev/stdout", "/dev/stderr":
		return true
	}
	if strings.HasPrefix(abs, "/dev/fd/") {
		return true
	}
	if rest, ok := strings.CutPrefix(abs, "/proc/"); ok {
		_, fd, ok := strings.Cut(rest, "/")
		return ok && strings.HasPrefix(fd, "fd/")
	}
	return false
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
