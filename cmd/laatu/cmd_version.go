package main

import (
	"fmt"
	"runtime/debug"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X main.version=…"; otherwise
// it comes from the module or VCS information Go records in the binary.
var version = ""

func newVersionCmd(io *IO, lang string) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: msg.T(lang, "cmd.version.short"),
		Args:  argsUsage(lang, 0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprintf(io.Out, "laatu %s\n", buildVersion())
			for _, id := range criteria.BuiltinIDs() {
				s, _ := criteria.Builtin(id)
				fmt.Fprintf(io.Out, "  %-8s %s %s\n", s.ID, s.Version, s.Name.In(lang))
			}
			return nil
		},
	}
}

func buildVersion() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(devel)"
	}
	v := info.Main.Version
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = "+dirty"
			}
		}
	}
	if (v == "" || v == "(devel)") && rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		return "(devel) " + rev + modified
	}
	if v == "" {
		v = "(devel)"
	}
	return v
}
