package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/intake"
	"github.com/laatu-fi/laatu/internal/atomicfile"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/report"
	"github.com/laatu-fi/laatu/scoring"
	"github.com/spf13/cobra"
)

type assessOptions struct {
	// Output is the assessment file: written after every answer, and read
	// first when it exists so the interview carries on where it stopped.
	Output   string
	Criteria string
	Review   bool
	Lang     string
}

func newAssessCmd(io *IO, lang string) *cobra.Command {
	opts := &assessOptions{Lang: lang}
	cmd := &cobra.Command{
		Use:   "assess -o FILE",
		Short: msg.T(lang, "cmd.assess.short"),
		Long:  msg.T(lang, "cmd.assess.long"),
		Example: "  laatu assess -o oma-arvio.yaml\n" +
			"  laatu assess -o oma-arvio.yaml --review\n" +
			"  laatu assess -o ips-arvio.yaml --criteria ips --lang en",
		Args: argsUsage(lang, 0, 0),
		RunE: func(cmd *cobra.Command, args []string) error { return runAssess(io, opts) },
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", msg.T(lang, "flag.assess-output"))
	cmd.Flags().StringVar(&opts.Criteria, "criteria", "", msg.T(lang, "flag.assess-criteria"))
	cmd.Flags().BoolVar(&opts.Review, "review", false, msg.T(lang, "flag.assess-review"))
	return cmd
}

func runAssess(io_ *IO, opts *assessOptions) error {
	l := opts.Lang
	path := opts.Output
	if path == "" || path == "-" {
		return usagef("assess.no-output")
	}
	if ext := strings.ToLower(filepath.Ext(path)); ext != ".yaml" && ext != ".yml" {
		return usagef("assess.output-kind", path)
	}
	// The -o file is the one input laatu writes over: that is what resuming
	// is. A criteria file given with --criteria is never written.
	if _, builtin := criteria.Builtin(opts.Criteria); opts.Criteria != "" && !builtin {
		if err := atomicfile.CheckNotInput(path, []string{opts.Criteria}); errors.Is(err, atomicfile.ErrIsInput) {
			return usagef("file.same-as-input", path)
		}
	}
	lock, err := lockAssessment(path, l, io_.Now())
	if err != nil {
		return err
	}
	defer lock.release()
	a, set, err := openAssessment(path, opts, io_.Limits)
	if err != nil {
		return err
	}
	existed := a != nil

	in, stop := interruptible(io_.In)
	defer stop()
	iv := &form.Interview{Set: set, Lang: l, In: in, Out: io_.Out, Now: io_.Now, Echo: !isTerminal(io_.In),
		Width: textWidth(io_, ""),
		Explain: func(c *criteria.Criterion, it *form.Item) string {
			return report.Explain(l, scoring.Rate(c, it).Steps)
		}}
	saved := false
	iv.Save = func(a *form.Assessment) error {
		a.Source = path
		if err := atomicfile.Write(path, func(w io.Writer) error { return form.WriteYAML(w, a) }); err != nil {
			return msg.Problems{intake.WriteProblem(path, err)}
		}
		saved = true
		return nil
	}
	switch {
	case opts.Review:
		r := scoring.Score(set, a)
		iv.Only = reviewList(&r)
		if len(iv.Only) == 0 {
			fmt.Fprintln(io_.Out, msg.T(l, "assess.review-nothing", path))
			return printResult(io_, set, a, l)
		}
		fmt.Fprintln(io_.Out, msg.TN(l, "assess.file-review", len(iv.Only), path, len(iv.Only)))
	case existed:
		r := scoring.Score(set, a)
		fmt.Fprintln(io_.Out, msg.TN(l, "assess.file-resume", r.Count, path, r.Rated, r.Count, path))
	default:
		fmt.Fprintln(io_.Out, msg.T(l, "assess.file-new", set.Name.In(l), set.Label(), path))
	}

	a, end, err := iv.Run(a)
	if err != nil {
		return err
	}
	a.Source = path
	if !existed && !saved {
		fmt.Fprintln(io_.Out, msg.T(l, "assess.nothing-saved"))
		return nil
	}
	r := scoring.Score(set, a)
	fmt.Fprintf(io_.Out, "\n%s\n", msg.TN(l, "assess.saved", r.Count, path, r.Rated, r.Count))
	if end != form.Finished {
		fmt.Fprintln(io_.Out, msg.T(l, "assess.resume-hint", resumeCommand(opts)))
		return nil
	}
	return printResult(io_, set, a, l)
}

// openAssessment reads the -o file when it exists, with the set it is
// scored against; a new file gets the set named by --criteria.
func openAssessment(path string, opts *assessOptions, lim form.Limits) (*form.Assessment, *criteria.Set, error) {
	_, err := os.Stat(path)
	switch {
	case err == nil:
		items, err := readAssessments([]string{path}, opts.Criteria, lim)
		if err != nil {
			return nil, nil, err
		}
		return items[0].a, items[0].set, nil
	case errors.Is(err, fs.ErrNotExist):
		if opts.Review {
			return nil, nil, usagef("assess.review-no-file", path)
		}
		// A folder that is not there fails before the first question, not
		// after the first answer.
		if st, err := os.Stat(filepath.Dir(path)); err != nil || !st.IsDir() {
			if err == nil {
				err = syscall.ENOTDIR
			}
			return nil, nil, msg.Problems{intake.WriteProblem(path, err)}
		}
		set, err := openSet(opts.Criteria)
		return nil, set, err
	}
	return nil, nil, msg.Problems{intake.ReadProblem(path, err)}
}

// reviewList is what --review walks: the criteria without a level and those
// whose level contradicts their figure or checklist.
func reviewList(r *scoring.Result) []int {
	ns := []int{}
	for _, it := range r.Items {
		if it.Missing() || it.Conflict() {
			ns = append(ns, it.Number())
		}
	}
	return ns
}

// printResult ends a finished interview as `laatu score` would report the
// file: domain scores, total, band and the weakest criteria.
func printResult(io_ *IO, set *criteria.Set, a *form.Assessment, lang string) error {
	fmt.Fprintln(io_.Out)
	r := scoring.Score(set, a)
	return report.ScoreText(io_.Out, []scoring.Result{r}, report.ScoreOptions{Lang: lang, Weakest: 3})
}

// resumeCommand is the command that carries on with the same file.
func resumeCommand(opts *assessOptions) string {
	cmd := "laatu assess -o " + shellQuote(opts.Output)
	if _, builtin := criteria.Builtin(opts.Criteria); opts.Criteria != "" && !builtin {
		cmd += " --criteria " + shellQuote(opts.Criteria)
	}
	if opts.Lang != msg.Default {
		cmd += " --lang " + opts.Lang
	}
	return cmd
}

func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r == '-' || r == '_' || r == '.' || r == '/' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// isTerminal reports whether r is a terminal, which echoes what is typed;
// anything else (a pipe, a file, a test's buffer) gets its answers echoed
// by laatu so the output reads as the whole conversation.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// interruptible lets Ctrl-C, a hang-up or a polite kill end the interview
// as the end of input does: every answer is saved already, so laatu only
// has to say so and how to carry on. Only the process's own standard input
// is wrapped; readers in tests are returned as they are.
func interruptible(in io.Reader) (io.Reader, func()) {
	if in != os.Stdin {
		return in, func() {}
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGHUP, syscall.SIGTERM)
	pr, pw := io.Pipe()
	go func() {
		_, err := io.Copy(pw, in)
		pw.CloseWithError(err)
	}()
	done := make(chan struct{})
	go func() {
		select {
		case <-sig:
			pw.Close()
		case <-done:
		}
	}()
	return pr, func() {
		signal.Stop(sig)
		close(done)
	}
}

// lockAssessment locks the -o file for the session (see assess_lock.go);
// a file another laatu assess has open is refused, naming that process.
// Where no lock can be made (no lock on this system, a folder that is not
// there or not writable) the session goes on without: a folder that cannot
// hold the lock file cannot hold the saves either, and the first save says
// so with the file's own name.
func lockAssessment(path, lang string, now time.Time) (*outputLock, error) {
	lock, h, err := lockOutput(path, now)
	if !errors.Is(err, errLocked) {
		return lock, nil
	}
	name := filepath.Base(path)
	if h == nil || h.PID == 0 {
		return nil, msg.Errorf("assess.locked-unknown", name)
	}
	when := "?"
	if !h.Started.IsZero() {
		when = msg.LocaleOf(lang).FormatTime(h.Started.Local(), now)
	}
	if host, _ := os.Hostname(); h.Host != "" && h.Host != host {
		return nil, msg.Errorf("assess.locked-host", name, h.PID, h.Host, when)
	}
	return nil, msg.Errorf("assess.locked", name, h.PID, when)
}
