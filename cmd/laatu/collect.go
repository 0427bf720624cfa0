package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/internal/atomicfile"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/report"
	"github.com/laatu-fi/laatu/scoring"
)

// isAssessmentFile reports whether a file found in a folder is read as an
// assessment: a known extension, and not hidden (laatu's own temporary
// files start with a dot) nor an office lock file (~$name.xlsx).
func isAssessmentFile(name string) bool {
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
		return false
	}
	return slices.Contains(form.Extensions, strings.ToLower(filepath.Ext(name)))
}

// collectInputs expands the paths a user gave into assessment files:
// a file stands for itself, whatever its extension (reading it says what is
// wrong); a folder for the assessment files in it and its subfolders,
// hidden folders skipped. Each file appears once. folders are the folders
// among paths.
//
// Only regular files are read (or links to them): reading a FIFO waits for
// a writer that may never come, and a device or socket holds no
// assessment. One named as an argument is refused; one found in a folder
// is skipped, and warn says so.
func collectInputs(paths []string, warn func(msg.Message)) (files, folders []string, err error) {
	var ps msg.Problems
	seen := map[string]bool{}
	add := func(p string) {
		abs, err := filepath.Abs(p)
		if err != nil {
			abs = p
		}
		if !seen[abs] {
			seen[abs] = true
			files = append(files, p)
		}
	}
	for _, root := range paths {
		info, err := os.Stat(root)
		if err != nil {
			ps.Add(msg.Place{File: root}, 0, "file.read", unwrapPath(err))
			continue
		}
		if !info.IsDir() {
			if special := specialFile(root); special != nil {
				ps = append(ps, special...)
				continue
			}
			add(root)
			continue
		}
		folders = append(folders, root)
		found := 0
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				ps.Add(msg.Place{File: p}, 0, "file.read", unwrapPath(err))
				return nil
			}
			if d.IsDir() {
				if p != root && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if !isAssessmentFile(d.Name()) {
				return nil
			}
			if !d.Type().IsRegular() {
				// A link is read when it leads to a regular file; one
				// that leads nowhere is read too, and the reading says so.
				info, err := os.Stat(p)
				if err == nil && !info.Mode().IsRegular() {
					if warn != nil {
						warn(msg.M("output.skipped-special", p, fileKind(info.Mode())))
					}
					return nil
				}
			}
			found++
			add(p)
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
		if found == 0 {
			ps.Add(msg.Place{File: root}, 0, "compare.no-files", root, strings.Join(form.Extensions, ", "))
		}
	}
	return files, folders, ps.Err()
}

// specialFile refuses an input named as an argument that is not a regular
// file (a FIFO, a socket, a device): reading one would wait for a writer
// or read no assessment. It is nil for a regular file and for one that
// cannot be examined (the reading says why).
func specialFile(path string) msg.Problems {
	info, err := os.Stat(path)
	if err != nil || info.Mode().IsRegular() || info.IsDir() {
		return nil
	}
	return msg.Problems{{Place: msg.Place{File: path}, Message: msg.M("output.not-regular", fileKind(info.Mode()))}}
}

// fileKind names what a file that is not a regular one is.
func fileKind(m fs.FileMode) msg.Message {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return msg.M("output.kind.fifo")
	case m&fs.ModeSocket != 0:
		return msg.M("output.kind.socket")
	case m&fs.ModeDevice != 0:
		return msg.M("output.kind.device")
	case m.IsDir():
		return msg.M("output.kind.folder")
	}
	return msg.M("output.kind.other")
}

// warner prints warnings on stderr in lang: the command goes on.
func warner(io *IO, lang string) func(msg.Message) {
	return func(m msg.Message) {
		fmt.Fprintf(io.Err, "laatu: %s\n", msg.T(lang, "output.warning", m.In(lang)))
	}
}

// dropDuplicates counts one assessment saved in two files (the same
// service, set and date) once, and warns about it; two such files with
// different levels are refused, naming both, since nothing tells which is
// right.
func dropDuplicates(snaps []scoring.Snapshot, lang string, warn func(msg.Message)) ([]scoring.Snapshot, error) {
	kept, dups := scoring.Dedupe(snaps)
	var ps msg.Problems
	for _, d := range dups {
		service := report.ServiceName(d.Provider, d.Unit)
		date := d.Date.Format("2.1.2006")
		if lang == "en" {
			date = d.Date.Format(time.DateOnly)
		}
		if len(d.Differ) > 0 {
			nums := make([]string, len(d.Differ))
			for i, n := range d.Differ {
				nums[i] = strconv.Itoa(n)
			}
			ps.Add(msg.Place{}, 0, "output.duplicate-differs", d.Kept, d.Dropped, service, date, strings.Join(nums, ", "))
			continue
		}
		if warn != nil {
			warn(msg.M("output.duplicate", d.Kept, d.Dropped, service, date))
		}
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	return kept, nil
}

// outputInFolder refuses an output file that a later run over the same
// folders would read as an assessment.
func outputInFolder(out string, folders []string) error {
	if out == "" || out == "-" || !isAssessmentFile(filepath.Base(out)) {
		return nil
	}
	absOut, err := filepath.Abs(out)
	if err != nil {
		return nil
	}
	for _, dir := range folders {
		absDir, err := filepath.Abs(dir)
		if err != nil {
			continue
		}
		if rel, err := filepath.Rel(absDir, absOut); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return usagef("compare.output-in-input", out, dir)
		}
	}
	return nil
}

// readSnapshots reads, checks and scores the files with a pool of
// GOMAXPROCS workers. Only each file's snapshot (levels and sums) is kept:
// the parsed document is dropped as soon as it is scored, so memory grows
// with the number of files by a few hundred bytes each. An assessment is
// scored against forced when it names that set (or none), otherwise
// against the built-in set it names. Problems from every file are
// returned together; the snapshots keep the order of files.
func readSnapshots(files []string, forced *criteria.Set, lim form.Limits) ([]scoring.Snapshot, error) {
	snaps := make([]scoring.Snapshot, len(files))
	ok := make([]bool, len(files))
	var (
		mu  sync.Mutex
		all msg.Problems
		bad error
	)
	jobs := make(chan int)
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), max(len(files), 1))
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				snap, ps, err := readSnapshot(files[i], forced, lim)
				if err != nil || len(ps) > 0 {
					mu.Lock()
					all = append(all, ps...)
					if err != nil && bad == nil {
						bad = err
					}
					mu.Unlock()
					continue
				}
				snaps[i], ok[i] = snap, true
			}
		}()
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if bad != nil {
		return nil, bad
	}
	if err := all.Err(); err != nil {
		return nil, err
	}
	out := snaps[:0]
	for i := range snaps {
		if ok[i] {
			out = append(out, snaps[i])
		}
	}
	return out, nil
}

// readSnapshot reads and scores one file.
func readSnapshot(path string, forced *criteria.Set, lim form.Limits) (scoring.Snapshot, msg.Problems, error) {
	a, err := form.ReadFileLimits(path, lim)
	if err != nil {
		var ps msg.Problems
		if errors.As(err, &ps) {
			return scoring.Snapshot{}, ps, nil
		}
		return scoring.Snapshot{}, nil, err
	}
	set := forced
	if set == nil || (a.Criteria != "" && a.Criteria != forced.ID) {
		id := a.Criteria
		if id == "" {
			id = criteria.DefaultID
		}
		s, ok := criteria.Builtin(id)
		if !ok {
			return scoring.Snapshot{}, msg.Problems{{Place: setPlace(a), Message: msg.M("cli.set-not-builtin", id)}}, nil
		}
		set = s
	}
	if ps := form.Check(a, set); len(ps) > 0 {
		return scoring.Snapshot{}, ps, nil
	}
	r := scoring.Score(set, a)
	return r.Snapshot(), nil, nil
}

// checkOutput refuses an output path that is one of the inputs, before
// the inputs are read; writeOutput checks again when it writes.
func checkOutput(out string, inputs []string) error {
	if out == "" || out == "-" {
		return nil
	}
	if errors.Is(atomicfile.CheckNotInput(out, inputs), atomicfile.ErrIsInput) {
		return usagef("file.same-as-input", out)
	}
	return nil
}
