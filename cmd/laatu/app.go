package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
	"github.com/spf13/cobra"
)

// Exit statuses, documented in every command's help.
const (
	exitOK       = 0
	exitBadInput = 1
	exitUsage    = 2
	// exitNotMet is check's answer when some bid misses the profile.
	exitNotMet = 3
)

// maxProblemsPerFile is how many problems of one file are listed before
// the rest are counted.
const maxProblemsPerFile = 100

// IO is what a command reads and writes; tests pass buffers.
type IO struct {
	In     io.Reader
	Out    io.Writer
	Err    io.Writer
	Getenv func(string) string
	Now    func() time.Time
	// Limits bound what is read from an assessment file; the
	// --max-file-size and --max-unzip-size flags set them.
	Limits form.Limits
}

// usageError is a mistake in how laatu was called: exit status 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// In renders the wrapped error in lang when it can.
func (e usageError) In(lang string) string { return msg.Localize(e.err, lang) }

func usagef(key string, args ...any) error { return usageError{msg.Errorf(key, args...)} }

// exitError ends the command with a given status after its output is
// written, without an error message.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// Main runs laatu with args and returns the exit status. It is the only
// place that prints errors and chooses exit codes.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	io := &IO{In: stdin, Out: stdout, Err: stderr, Getenv: os.Getenv, Now: time.Now}
	return run(io, args)
}

func run(io *IO, args []string) int {
	lang, err := msg.Lang(langFlag(args), io.Getenv)
	if err != nil {
		fmt.Fprintln(io.Err, "laatu: "+err.Error())
		return exitUsage
	}
	root := newRootCmd(io, lang)
	root.SetArgs(args)
	err = root.Execute()
	if err == nil {
		return exitOK
	}
	var ee exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	// Cobra reports an unknown command as a plain error; it is a usage error.
	if rest, ok := strings.CutPrefix(err.Error(), "unknown command "); ok {
		name, _, _ := strings.Cut(rest, " for ")
		name = strings.Trim(name, `"`)
		if near := root.SuggestionsFor(name); len(near) > 0 {
			err = usagef("cli.did-you-mean", name, near[0])
		} else {
			err = usagef("cli.unknown-command", name, "laatu")
		}
	}
	var ps msg.Problems
	if errors.As(err, &ps) {
		err = ps.Capped(maxProblemsPerFile)
	}
	text := msg.Localize(err, lang)
	if strings.Contains(text, "\n") {
		fmt.Fprintf(io.Err, "laatu: %s\n%s\n", msg.T(lang, "cli.problems"), text)
	} else {
		fmt.Fprintf(io.Err, "laatu: %s\n", text)
	}
	var ue usageError
	if errors.As(err, &ue) {
		// Point to the help of the command that was called, when there is one.
		path := "laatu"
		if sub, _, ferr := root.Find(args); ferr == nil && sub != nil {
			path = sub.CommandPath()
		}
		fmt.Fprintln(io.Err, msg.T(lang, "cli.try-help", path))
		return exitUsage
	}
	return exitBadInput
}

// langFlag finds --lang before cobra parses the command line, because the
// help texts themselves are built in the chosen language.
func langFlag(args []string) string {
	for i, a := range args {
		if a == "--" {
			break
		}
		if v, ok := strings.CutPrefix(a, "--lang="); ok {
			return v
		}
		if a == "--lang" && i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}

func newRootCmd(io *IO, lang string) *cobra.Command {
	root := &cobra.Command{
		Use:           "laatu",
		Short:         msg.T(lang, "cmd.root.short"),
		Long:          msg.T(lang, "cmd.root.long"),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	// --version prints what `laatu version` prints.
	root.Version = currentBuild().version
	registerTemplateFuncs()
	root.SetVersionTemplate("{{laatuVersion .}}")
	root.Flags().Bool("version", false, msg.T(lang, "flag.version"))
	root.SetIn(io.In)
	root.SetOut(io.Out)
	root.SetErr(io.Err)
	root.PersistentFlags().String("lang", "", msg.T(lang, "locale.flag.lang", msg.LocaleOf(lang).Alternatives(msg.Offered())))
	addLimitFlags(root, io, lang)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return flagError(lang, err) })
	localizeHelp(root, lang)
	root.AddCommand(
		newAssessCmd(io, lang),
		newCriteriaCmd(io, lang),
		newConsensusCmd(io, lang),
		newScoreCmd(io, lang),
		newTemplateCmd(io, lang),
		newCompareCmd(io, lang),
		newVersionCmd(io, lang),
		newCheckCmd(io, lang),
		newManCmd(io, lang),
	)
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	addCompletions(root)
	for _, c := range root.Commands() {
		if c.Name() == "help" {
			c.Short = msg.T(lang, "cmd.help.short")
			c.Long = msg.T(lang, "cmd.help.long")
		}
	}
	localizeCompletion(root, lang)
	return root
}

// localizeHelp puts cobra's help and usage headings into lang and appends
// the exit statuses to every command's help.
func localizeHelp(root *cobra.Command, lang string) {
	registerTemplateFuncs()
	root.Annotations = map[string]string{"lang": lang}
	root.SetUsageTemplate(usageTemplate(lang))
	root.SetHelpTemplate(`{{with (or .Long .Short)}}{{. | trimTrailingWhitespaces}}

{{end}}{{if or .Runnable .HasSubCommands}}{{.UsageString}}{{end}}`)
	root.Flags().BoolP("help", "h", false, msg.T(lang, "flag.help"))
	root.PersistentFlags().BoolP("help", "h", false, msg.T(lang, "flag.help"))
}

func usageTemplate(lang string) string {
	t := func(key string) string { return msg.T(lang, key) }
	return t("help.usage") + `:{{if .Runnable}}
  {{laatuUseLine .}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [` + t("help.command") + `]{{end}}{{if gt (len .Aliases) 0}}

` + t("help.aliases") + `:
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

` + t("help.examples") + `:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

` + t("help.commands") + `:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

` + t("help.flags") + `:
{{laatuFlags . .LocalFlags}}{{end}}{{if .HasAvailableInheritedFlags}}

` + t("help.global-flags") + `:
{{laatuFlags . .InheritedFlags}}{{end}}

` + t("help.exit-status") + `:
` + t("help.exit-codes") + `{{if .HasAvailableSubCommands}}

` + t("help.more") + `{{end}}
`
}

// groupArgs is the argument check of a command that only holds
// subcommands: any argument is an unknown subcommand.
func groupArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("cli.unknown-command", args[0], cmd.CommandPath())
	}
	return nil
}

// argsUsage wraps a cobra positional-argument check so that a wrong number
// of arguments is a usage error with a message in lang.
func argsUsage(lang string, min, max int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		switch {
		case len(args) < min:
			// Each command says what to give, in words: "anna vähintään
			// kaksi arvioijan tiedostoa" rather than a count of arguments.
			key := "cli.too-few." + strings.ReplaceAll(strings.TrimPrefix(cmd.CommandPath(), "laatu "), " ", "-")
			if msg.Builtin().Texts(key) != nil {
				return usagef(key)
			}
			return usagef("cli.too-few-args", cmd.CommandPath(), min)
		case max == 0 && len(args) > 0:
			return usagef("cli.no-args", cmd.CommandPath(), strings.Join(args, " "))
		case max == 1 && len(args) > 1:
			return usagef("cli.too-many-args.one", cmd.CommandPath(), strings.Join(args[1:], " "))
		case max >= 0 && len(args) > max:
			return usagef("cli.too-many-args", cmd.CommandPath(), max, strings.Join(args[max:], " "))
		}
		return nil
	}
}
