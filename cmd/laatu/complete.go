package main

import (
	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/intake"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/report"
	"github.com/spf13/cobra"
)

// Tab completion beyond command and flag names: the values a flag accepts
// and the kinds of file a command reads. cobra's completion scripts (laatu
// completion bash|zsh|fish|powershell) ask the program itself, so the
// values come from the same lists the commands check.

// assessmentExts are the kinds of file that hold assessments.
var assessmentExts = []string{"yaml", "yml", "xlsx", "csv"}

// flagValues lists, per command and flag, the values to offer.
func flagValues() map[string]map[string]func() []string {
	sets := func() []string { return criteria.BuiltinIDs() }
	list := func(vs ...string) func() []string { return func() []string { return vs } }
	// The formats each command writes, from the one registry.
	formats := func(command string) func() []string {
		return func() []string { return report.FormatNames(report.FormatsFor(command)) }
	}
	return map[string]map[string]func() []string{
		"score":     {"format": formats(report.CmdScore), "criteria": sets},
		"compare":   {"format": formats(report.CmdCompare), "criteria": sets, "sort": list("total", "name"), "table": list("long", "summary")},
		"check":     {"format": formats(report.CmdCheck), "criteria": sets, "profile": criteria.BuiltinProfileIDs, "table": list("long", "summary")},
		"consensus": {"format": formats(report.CmdConsensus), "criteria": sets},
		"template":  {"format": list("xlsx", "csv"), "criteria": sets},
		"assess":    {"criteria": sets},
		"show":      {"criteria": sets},
	}
}

// addCompletions registers the value and file completions on every
// command under root.
func addCompletions(root *cobra.Command) {
	values := flagValues()
	root.RegisterFlagCompletionFunc("lang", fixed(msg.Declared))
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for name, vs := range values[c.Name()] {
			if c.Flags().Lookup(name) == nil {
				continue
			}
			if name == "criteria" || name == "profile" {
				// A built-in id or the user's own YAML file.
				c.RegisterFlagCompletionFunc(name, idsOrFiles(vs))
			} else {
				c.RegisterFlagCompletionFunc(name, fixed(vs))
			}
		}
		switch c.Name() {
		case "score", "compare", "check", "consensus":
			c.ValidArgsFunction = fileExts(assessmentExts...)
		case "validate":
			c.ValidArgsFunction = fileExts("yaml", "yml")
		}
		if c.Flags().Lookup("input-format") != nil {
			// The formats standard input may be given in: the list the
			// flag is checked against.
			c.RegisterFlagCompletionFunc("input-format", fixed(func() []string { return intake.Formats }))
		}
		if f := c.Flags().Lookup("from"); f != nil {
			c.RegisterFlagCompletionFunc("from", fileExts(assessmentExts...))
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// fixed and idsOrFiles list their values when a completion is asked for,
// not when the command line is built: listing the built-in profiles parses
// them, which no other command run should pay for.
func fixed(values func() []string) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values(), cobra.ShellCompDirectiveNoFileComp
	}
}

func idsOrFiles(ids func() []string) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return ids(), cobra.ShellCompDirectiveDefault
	}
}

func fileExts(exts ...string) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return exts, cobra.ShellCompDirectiveFilterFileExt
	}
}
