package main

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/laatu-fi/laatu/msg"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Cobra and pflag write parts of the help and their errors in English: the
// usage line's "[flags]", the value types ("string", "int"), "(default …)",
// the completion commands and the flag errors. These functions put each of
// them in the chosen language, from the message tables.

var templateFuncsOnce sync.Once

// registerTemplateFuncs gives cobra's templates laatu's functions, once:
// cobra keeps them in one map for the process, so they take the language
// from the root command's annotation rather than from a closure.
func registerTemplateFuncs() {
	templateFuncsOnce.Do(func() {
		cobra.AddTemplateFunc("laatuUseLine", func(c *cobra.Command) string { return useLine(langOf(c), c) })
		cobra.AddTemplateFunc("laatuVersion", func(c *cobra.Command) string {
			var b strings.Builder
			writeVersion(&b, langOf(c))
			return b.String()
		})
		cobra.AddTemplateFunc("laatuFlags", func(c *cobra.Command, fs *pflag.FlagSet) string {
			return flagUsages(langOf(c), fs)
		})
	})
}

// langOf is the language the command's help is written in.
func langOf(c *cobra.Command) string {
	if l := c.Root().Annotations["lang"]; l != "" {
		return l
	}
	return msg.Default
}

// placeholderRe finds the upper-case words of a usage line (FILE, PATH,
// RATER_A) that name what to give.
var placeholderRe = regexp.MustCompile(`\b[A-Z][A-Z_]+\b`)

// useLine is cmd.UseLine() in lang: the placeholders and "[flags]"
// translated.
func useLine(lang string, cmd *cobra.Command) string {
	line := cmd.UseLine()
	line = strings.Replace(line, " [flags]", " ["+msg.T(lang, "help.flags-word")+"]", 1)
	return placeholderRe.ReplaceAllStringFunc(line, func(w string) string {
		if t := msg.Builtin().Texts("help.arg." + w); t != nil {
			return msg.T(lang, "help.arg."+w)
		}
		return w
	})
}

// flagUsages lists a flag set as pflag does, but with the value's name and
// the default in lang: "-o, --output TIEDOSTO  … (oletus: text)".
func flagUsages(lang string, fs *pflag.FlagSet) string {
	type row struct{ left, usage string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		if name := valueName(lang, f); name != "" {
			left += " " + name
		}
		usage := f.Usage
		if d := defaultText(f); d != "" {
			usage += " (" + msg.T(lang, "help.default", d) + ")"
		}
		rows = append(rows, row{left, usage})
		width = max(width, len([]rune(left)))
	})
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%s%s   %s\n", r.left, strings.Repeat(" ", width-len([]rune(r.left))), r.usage)
	}
	return strings.TrimRight(b.String(), "\n")
}

// valueName is what a flag's value is called in its help: the flag's own
// name for it from the message tables (TIEDOSTO for --output), or its
// type's; nothing for a switch.
func valueName(lang string, f *pflag.Flag) string {
	if f.Value.Type() == "bool" {
		return ""
	}
	if msg.Builtin().Texts("help.value."+f.Name) != nil {
		return msg.T(lang, "help.value."+f.Name)
	}
	key := "help.type." + f.Value.Type()
	if msg.Builtin().Texts(key) != nil {
		return msg.T(lang, key)
	}
	return strings.ToUpper(f.Value.Type())
}

// defaultText is a flag's default as the help shows it, or "" when it has
// none worth showing (empty, false, zero).
func defaultText(f *pflag.Flag) string {
	switch f.DefValue {
	case "", "false", "0", "[]":
		return ""
	}
	return f.DefValue
}

// flagError turns pflag's error into laatu's message in lang, from its
// typed errors: an unknown flag, a missing value, a value not accepted.
func flagError(lang string, err error) error {
	var (
		notExist *pflag.NotExistError
		required *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &notExist):
		if short := notExist.GetSpecifiedShortnames(); short != "" {
			return usagef("cli.flag.unknown-short", "-"+notExist.GetSpecifiedName()[:1])
		}
		return usagef("cli.flag.unknown", "--"+notExist.GetSpecifiedName())
	case errors.As(err, &required):
		name := "--" + required.GetSpecifiedName()
		if required.GetSpecifiedShortnames() != "" {
			name = "-" + required.GetSpecifiedName()[:1]
		}
		return usagef("cli.flag.needs-value", name)
	case errors.As(err, &invalid):
		name := "--" + invalid.GetFlag().Name
		cause := invalid.Unwrap()
		// A value laatu checks itself (sizes) names the flag and says what
		// is accepted in its own message.
		if _, ok := cause.(interface{ In(string) string }); ok {
			return usageError{cause}
		}
		if errors.Is(cause, strconv.ErrSyntax) || errors.Is(cause, strconv.ErrRange) {
			return usagef("cli.flag.not-a-number", invalid.GetValue(), name)
		}
		return usagef("cli.flag.bad-value", invalid.GetValue(), name, cause.Error())
	case errors.As(err, &syntax):
		return usagef("cli.flag.syntax", syntax.GetSpecifiedFlag())
	}
	return usageError{err}
}

// localizeCompletion puts cobra's completion commands into lang: their
// short and long help, and their argument checks, so that "laatu
// completion x" and "laatu completion bash x" are usage errors naming
// the command given, as for every other command.
func localizeCompletion(root *cobra.Command, lang string) {
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		c.Short = msg.T(lang, "cmd.completion.short")
		c.Long = msg.T(lang, "cmd.completion.long")
		c.Args = groupArgs
		if c.Run == nil && c.RunE == nil {
			c.RunE = func(cmd *cobra.Command, args []string) error { return cmd.Help() }
		}
		for _, sh := range c.Commands() {
			sh.Args = argsUsage(lang, 0, 0)
			sh.Short = msg.T(lang, "cmd.completion.shell.short", sh.Name())
			sh.Long = msg.T(lang, "cmd.completion.shell.long", sh.Name())
			sh.Flags().VisitAll(func(f *pflag.Flag) {
				if key := "cmd.completion.flag." + f.Name; msg.Builtin().Texts(key) != nil {
					f.Usage = msg.T(lang, key)
				}
			})
		}
	}
}
