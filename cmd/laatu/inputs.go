package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/intake"
	"github.com/laatu-fi/laatu/msg"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// inputFlags are the flags every command reading assessments shares.
type inputFlags struct {
	// Format is the format of standard input, "" to sniff it.
	Format string
}

func (f *inputFlags) add(cmd *cobra.Command, lang string) {
	cmd.Flags().StringVar(&f.Format, "input-format", "", msg.T(lang, "intake.flag.input-format"))
}

// options checks the flags and gives the intake options for a command.
func (f *inputFlags) options(io_ *IO, lang string, set *criteria.Set) (intake.Options, error) {
	if f.Format != "" {
		if err := oneOfKey("intake.bad-format", f.Format, intake.Formats...); err != nil {
			return intake.Options{}, err
		}
	}
	return intake.Options{Set: set, Limits: io_.Limits, Stdin: io_.In, Format: f.Format, Lang: lang}, nil
}

// expand is what score and consensus do first: open the set the
// --criteria flag names (none: each file's own), check the input flags and
// expand the arguments into files.
func (f *inputFlags) expand(io_ *IO, lang, criteriaFlag string, args []string) (intake.Inputs, intake.Options, error) {
	var set *criteria.Set
	if criteriaFlag != "" {
		s, err := openSet(criteriaFlag)
		if err != nil {
			return intake.Inputs{}, intake.Options{}, err
		}
		set = s
	}
	o, err := f.options(io_, lang, set)
	if err != nil {
		return intake.Inputs{}, intake.Options{}, err
	}
	in, err := intake.Expand(args, warner(io_, lang))
	return in, o, err
}

// csvFlags choose the CSV dialect of compare's and check's CSV output.
// Finnish output is written for Finnish Excel by default (semicolons, a
// decimal comma, a byte-order mark), so that a double-click opens it in
// columns with ä and ö intact; --plain-csv gives comma-separated UTF-8 for
// Power BI, pandas and other programs; --excel asks for Excel's dialect in
// any language.
type csvFlags struct {
	Excel, Plain bool
}

func (f *csvFlags) add(cmd *cobra.Command, lang, excelUsage string) {
	cmd.Flags().BoolVar(&f.Excel, "excel", false, excelUsage)
	cmd.Flags().BoolVar(&f.Plain, "plain-csv", false, msg.T(lang, "cli.flag.plain-csv"))
}

// given reports whether either flag was given, which only CSV output takes.
func (f *csvFlags) given() bool { return f.Excel || f.Plain }

// excel reports whether the CSV is for Excel: asked for, or a file (-o) in
// a language whose Excel takes that dialect (Finnish, Swedish) not asked to
// be plain. CSV on standard output is plain unless asked,
// since it goes to another program. The two flags together are a usage
// error.
func (f *csvFlags) excel(lang, output string) (bool, error) {
	if f.Excel && f.Plain {
		return false, usagef("cli.flag.csv-both")
	}
	return f.Excel || (!f.Plain && output != "" && msg.LocaleOf(lang).CSV.Excel()), nil
}

// oneOfKey checks a flag value against the accepted ones, with its own
// message.
func oneOfKey(key, value string, accepted ...string) error {
	for _, a := range accepted {
		if value == a {
			return nil
		}
	}
	return usagef(key, value)
}

// confirmWritten says on stderr that a report went to a file, as every
// command writing one with -o does; m is the command's own sentence or
// nil for the plain one. Nothing is said of a device such as /dev/null:
// no file was written.
func confirmWritten(io_ *IO, lang, path string, m *msg.Message) {
	if path == "" || path == "-" {
		return
	}
	if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() {
		return
	}
	text := msg.T(lang, "cli.written", path)
	if m != nil {
		text = m.In(lang)
	}
	fmt.Fprintln(io_.Err, text)
}

// textWidth is the width the text reports wrap to: $COLUMNS when it is a
// number, else the terminal's width when standard output is a terminal,
// else 0 (report.DefaultWidth). A report written to a file with -o keeps
// the default width, whatever the terminal.
func textWidth(io_ *IO, output string) int {
	if output != "" && output != "-" {
		return 0
	}
	if io_.Getenv != nil {
		if c, err := strconv.Atoi(strings.TrimSpace(io_.Getenv("COLUMNS"))); err == nil && c > 0 {
			return c
		}
	}
	if f, ok := io_.Out.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w > 0 {
			return w
		}
	}
	return 0
}
