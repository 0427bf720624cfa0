package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
	"github.com/spf13/cobra"
)

// version, commit and date are stamped by the release build
// (scripts/release.sh: -ldflags "-X main.version=v1.2.0 -X main.commit=…
// -X main.date=2026-12-01"); otherwise they come from the module and VCS
// information Go records in the binary, so that a bug report can always
// name the build.
var (
	version = ""
	commit  = ""
	date    = ""
)

func newVersionCmd(io *IO, lang string) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: msg.T(lang, "cmd.version.short"),
		Args:  argsUsage(lang, 0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			writeVersion(io.Out, lang)
			return nil
		},
	}
}

// writeVersion is what both `laatu version` and `laatu --version` print:
// the build, then the built-in criteria sets with their versions.
func writeVersion(w io.Writer, lang string) {
	b := currentBuild()
	fmt.Fprintf(w, "laatu %s\n", b.version)
	fmt.Fprintf(w, "  %s\n", msg.T(lang, "version.build", b.commitOr(lang), b.dateOr(lang), runtime.GOOS+"/"+runtime.GOARCH))
	for _, id := range criteria.BuiltinIDs() {
		s, _ := criteria.Builtin(id)
		fmt.Fprintf(w, "  %-8s %s %s\n", s.ID, s.Version, s.Name.In(lang))
	}
}

type build struct{ version, commit, date string }

func (b build) commitOr(lang string) string {
	if b.commit == "" {
		return msg.T(lang, "version.unknown")
	}
	return b.commit
}

func (b build) dateOr(lang string) string {
	if b.date == "" {
		return msg.T(lang, "version.unknown")
	}
	return b.date
}

func currentBuild() build {
	b := build{version: version, commit: commit, date: date}
	info, ok := debug.ReadBuildInfo()
	if ok {
		var modified string
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				if b.commit == "" {
					b.commit = s.Value
				}
			case "vcs.time":
				if b.date == "" && len(s.Value) >= 10 {
					b.date = s.Value[:10]
				}
			case "vcs.modified":
				if s.Value == "true" {
					modified = "+dirty"
				}
			}
		}
		if b.version == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			b.version = info.Main.Version
		}
		if b.version == "" && b.commit != "" {
			b.version = "(devel)" + modified
		}
	}
	if len(b.commit) > 12 {
		b.commit = b.commit[:12]
	}
	if b.version == "" {
		b.version = "(devel)"
	}
	return b
}
