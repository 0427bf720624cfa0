package intake

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// Stdin is the argument that stands for standard input.
const Stdin = "-"

// Input formats for standard input; "" sniffs the content.
var Formats = []string{"yaml", "csv", "xlsx"}

// Options say how inputs are read and which set they are scored against.
type Options struct {
	// Set is the set given by the user (--criteria, check's profile), or
	// nil: each file's own built-in set.
	Set *criteria.Set
	// Mixed lets files that name another set than Set through, scored
	// against the built-in set they name (compare); otherwise they are
	// refused.
	Mixed bool
	// Limits bound what is read from each file.
	Limits form.Limits
	// Stdin is read for "-"; Format is its format, "" to sniff it.
	Stdin  io.Reader
	Format string
	// Lang names standard input in messages.
	Lang string
}

// StdinName is how standard input is named in messages and reports.
func StdinName(lang string) string { return msg.T(lang, "intake.stdin") }

// Inputs are the files an argument list stands for.
type Inputs struct {
	// Files in the order given, each once; Stdin for standard input.
	Files []string
	// Folders among the arguments and those patterns matched.
	Folders []string
}

// Paths are the files on disk (without standard input): the inputs an
// output must not overwrite.
func (in Inputs) Paths() []string {
	var out []string
	for _, f := range in.Files {
		if f != Stdin {
			out = append(out, f)
		}
	}
	return out
}

// IsAssessmentFile reports whether a file found in a folder or by a
// pattern is read as an assessment: a known extension, and not hidden
// (laatu's own temporary files start with a dot) nor an office lock file
// (~$name.xlsx).
func IsAssessmentFile(name string) bool {
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$") {
		return false
	}
	return slices.Contains(form.Extensions, strings.ToLower(filepath.Ext(name)))
}

// Expand turns the arguments into files (see the package documentation).
// warn is told of files skipped; it may be nil. Problems with every
// argument are returned together.
func Expand(args []string, warn func(msg.Message)) (Inputs, error) {
	var (
		in    Inputs
		ps    msg.Problems
		seen  = map[string]bool{}
		stdin bool
	)
	add := func(p string) {
		abs, err := filepath.Abs(p)
		if err != nil {
			abs = p
		}
		if !seen[abs] {
			seen[abs] = true
			in.Files = append(in.Files, p)
		}
	}
	// folder adds the assessment files under root; it says how many.
	folder := func(root string) int {
		in.Folders = append(in.Folders, root)
		found := 0
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				ps = append(ps, ReadProblem(p, err))
				return nil
			}
			if d.IsDir() {
				if p != root && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if !IsAssessmentFile(d.Name()) {
				return nil
			}
			if !d.Type().IsRegular() && skipSpecial(p, warn) {
				return nil
			}
			found++
			add(p)
			return nil
		})
		return found
	}
	for _, arg := range args {
		if arg == Stdin {
			if stdin {
				ps.Add(msg.Place{}, 0, "intake.stdin-twice")
				continue
			}
			stdin = true
			in.Files = append(in.Files, Stdin)
			continue
		}
		info, err := os.Stat(arg)
		if err != nil && isPattern(arg) {
			found, bad := glob(arg, warn, folder, add)
			switch {
			case bad:
				ps.Add(msg.Place{}, 0, "intake.bad-pattern", arg)
			case found == 0:
				ps.Add(msg.Place{}, 0, "intake.no-match", arg, strings.Join(form.Extensions, ", "))
			}
			continue
		}
		if err != nil {
			if ext := filepath.Ext(arg); ext != "" && !slices.Contains(form.Extensions, strings.ToLower(ext)) {
				add(arg) // the reader names the file type it does not know
				continue
			}
			ps = append(ps, ReadProblem(arg, err))
			continue
		}
		if info.IsDir() {
			if folder(arg) == 0 {
				ps.Add(msg.Place{File: arg}, 0, "compare.no-files", arg, strings.Join(form.Extensions, ", "))
			}
			continue
		}
		if special := SpecialFile(arg); special != nil {
			ps = append(ps, special...)
			continue
		}
		add(arg)
	}
	return in, ps.Err()
}

func isPattern(s string) bool { return strings.ContainsAny(s, "*?[") }

// glob expands a pattern: folders it matches are read as folders, files
// only when they are assessment files.
func glob(pattern string, warn func(msg.Message), folder func(string) int, add func(string)) (found int, bad bool) {
	matches, err := filepath.Glob(pattern)
	if err != nil {
		return 0, true
	}
	for _, m := range matches {
		info, err := os.Stat(m)
		switch {
		case err != nil:
			continue // a link that leads nowhere
		case info.IsDir():
			found += folder(m)
		case !IsAssessmentFile(filepath.Base(m)):
		case !info.Mode().IsRegular():
			skipSpecial(m, warn)
		default:
			found++
			add(m)
		}
	}
	return found, false
}

// skipSpecial says whether a file found in a folder is to be skipped as
// not regular, and warns when it is. A link is read when it leads to a
// regular file; one that leads nowhere is read too, and the reading says so.
func skipSpecial(p string, warn func(msg.Message)) bool {
	info, err := os.Stat(p)
	if err != nil || info.Mode().IsRegular() {
		return false
	}
	if warn != nil {
		warn(msg.M("output.skipped-special", p, FileKind(info.Mode())))
	}
	return true
}

// SpecialFile refuses an input named as an argument that is not a regular
// file (a FIFO, a socket, a device): reading one would wait for a writer
// or read no assessment. It is nil for a regular file, a folder and one
// that cannot be examined (the reading says why).
func SpecialFile(path string) msg.Problems {
	info, err := os.Stat(path)
	if err != nil {
		return nil
	}
	return special(path, info)
}

// special is SpecialFile for the file info describes.
func special(path string, info fs.FileInfo) msg.Problems {
	if info.Mode().IsRegular() || info.IsDir() {
		return nil
	}
	return msg.Problems{{Place: msg.Place{File: path}, Message: msg.M("output.not-regular", FileKind(info.Mode()))}}
}

// FileKind names what a file that is not a regular one is.
func FileKind(m fs.FileMode) msg.Message {
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

// Item is an assessment checked against the set it is scored against.
type Item struct {
	A   *form.Assessment
	Set *criteria.Set
}

// Result scores the item.
func (it Item) Result() scoring.Result { return scoring.Score(it.Set, it.A) }

// Read reads and checks every file in order. Problems from all files are
// returned together.
func Read(in Inputs, o Options) ([]Item, error) {
	var all msg.Problems
	var out []Item
	for _, p := range in.Files {
		it, ps, err := ReadOne(p, o)
		if err != nil {
			return nil, err
		}
		if len(ps) > 0 {
			all = append(all, ps...)
			continue
		}
		out = append(out, it)
	}
	if err := all.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// Results reads, checks and scores every file in order.
func Results(in Inputs, o Options) ([]scoring.Result, error) {
	items, err := Read(in, o)
	if err != nil {
		return nil, err
	}
	out := make([]scoring.Result, len(items))
	for i, it := range items {
		out[i] = it.Result()
	}
	return out, nil
}

// Snapshots reads, checks and scores the files with a pool of GOMAXPROCS
// workers. Only each file's snapshot (levels and sums) is kept: the parsed
// document is dropped as soon as it is scored, so memory grows with the
// number of files by a few hundred bytes each. Problems from every file
// are returned together; the snapshots keep the order of files.
func Snapshots(in Inputs, o Options) ([]scoring.Snapshot, error) {
	files := in.Files
	snaps := make([]scoring.Snapshot, len(files))
	ok := make([]bool, len(files))
	var (
		mu  sync.Mutex
		all msg.Problems
		bad error
	)
	// Each worker takes the next file by a counter: handing each file
	// over a channel woke and parked goroutines a thousand times over.
	var next atomic.Int64
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), max(len(files), 1))
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(files) {
					return
				}
				it, ps, err := ReadOne(files[i], o)
				if err != nil || len(ps) > 0 {
					mu.Lock()
					all = append(all, ps...)
					if err != nil && bad == nil {
						bad = err
					}
					mu.Unlock()
					continue
				}
				r := it.Result()
				snaps[i], ok[i] = r.Snapshot(), true
			}
		}()
	}
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

// ReadOne reads one file (or standard input for "-"), picks its set and
// checks it. What is wrong with the file comes back as problems; err is
// for failures that are not the file's.
func ReadOne(path string, o Options) (Item, msg.Problems, error) {
	if path != Stdin {
		return readChecked(path, o)
	}
	a, err := readStdin(o)
	if err != nil {
		var ps msg.Problems
		if errors.As(err, &ps) {
			return Item{}, Localize(ps), nil
		}
		return Item{}, nil, err
	}
	set, ps := o.setFor(a)
	if len(ps) > 0 {
		return Item{}, ps, nil
	}
	if ps := form.Check(a, set); len(ps) > 0 {
		return Item{}, ps, nil
	}
	return Item{a, set}, nil, nil
}

// readChecked reads a file, picks its set and checks it in one pass, so
// that a value the reader refuses (level 7) does not hide a problem only
// the set can see (criterion 26): every problem of the file comes at once.
func readChecked(path string, o Options) (Item, msg.Problems, error) {
	if info, err := os.Stat(path); err == nil {
		if info.IsDir() {
			return Item{}, msg.Problems{ReadProblem(path, syscall.EISDIR)}, nil
		}
		if ps := special(path, info); ps != nil {
			return Item{}, ps, nil
		}
	}
	a, set, err := form.ReadChecked(path, o.Limits, o.setFor)
	if err != nil {
		var ps msg.Problems
		if errors.As(err, &ps) {
			return Item{}, Localize(ps), nil
		}
		return Item{}, nil, err
	}
	return Item{a, set}, nil, nil
}

// setFor picks the set a file is scored against by the package's rule.
func (o Options) setFor(a *form.Assessment) (*criteria.Set, msg.Problems) {
	if o.Set != nil && (!o.Mixed || a.Criteria == "" || a.Criteria == o.Set.ID) {
		return o.Set, nil // form.Check refuses a file naming another set
	}
	id := a.Criteria
	if id == "" {
		id = criteria.DefaultID
	}
	s, ok := criteria.Builtin(id)
	if !ok {
		return nil, msg.Problems{{Place: setPlace(a), Message: msg.M("cli.set-not-builtin", id)}}
	}
	return s, nil
}

// setPlace is where an assessment names its criteria set: the line or cell
// when the reader knows it, else the file.
func setPlace(a *form.Assessment) msg.Place {
	if a.CriteriaPlace.File != "" {
		return a.CriteriaPlace
	}
	return msg.Place{File: a.Source}
}

// readStdin reads standard input whole, within the file size limit, and
// parses it in the format given or sniffed.
func readStdin(o Options) (*form.Assessment, error) {
	name := StdinName(o.Lang)
	b, ps := ReadStdinBytes(o)
	if ps != nil {
		return nil, ps
	}
	format := o.Format
	if format == "" {
		format = Sniff(b)
	}
	switch format {
	case "xlsx":
		return form.ReadXLSX(bytes.NewReader(b), name, o.Limits)
	case "csv":
		return form.ReadCSV(bytes.NewReader(b), name, o.Limits)
	}
	return form.ReadYAML(bytes.NewReader(b), name)
}

// ReadStdinBytes reads standard input (o.Stdin, or the process's) whole,
// within the file size limit, for a reader that parses it itself (a bid).
func ReadStdinBytes(o Options) ([]byte, msg.Problems) {
	name := StdinName(o.Lang)
	size := o.Limits.FileSize
	if size <= 0 {
		size = form.DefaultLimits.FileSize
	}
	r := o.Stdin
	if r == nil {
		r = os.Stdin
	}
	b, err := io.ReadAll(io.LimitReader(r, size+1))
	if err != nil {
		return nil, msg.Problems{ReadProblem(name, err)}
	}
	if int64(len(b)) > size {
		return nil, msg.Problems{{Place: msg.Place{File: name}, Message: msg.M("harden.file-too-large", form.FormatSize(size))}}
	}
	return b, nil
}

// Sniff tells an assessment's format from its content: "xlsx" for a zip or
// an OLE file (the workbook reader says what is wrong with an old .xls or
// an encrypted workbook), "yaml" for text whose first line that is neither
// blank nor a # comment starts with "---" or a YAML key, else "csv".
func Sniff(b []byte) string {
	if bytes.HasPrefix(b, []byte("PK\x03\x04")) || bytes.HasPrefix(b, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
		return "xlsx"
	}
	text := bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	for len(text) > 0 {
		line := text
		if i := bytes.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = nil
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		if bytes.HasPrefix(line, []byte("---")) || isYAMLKey(line) {
			return "yaml"
		}
		return "csv"
	}
	return "yaml"
}

// isYAMLKey reports whether a line starts with key: (a letter, then
// letters, digits, _ or -, then a colon ending the line or followed by a
// space).
func isYAMLKey(line []byte) bool {
	i := bytes.IndexByte(line, ':')
	if i <= 0 || (i+1 < len(line) && line[i+1] != ' ' && line[i+1] != '\t') {
		return false
	}
	for j, c := range line[:i] {
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !letter && (j == 0 || !(c >= '0' && c <= '9' || c == '_' || c == '-')) {
			return false
		}
	}
	return true
}
