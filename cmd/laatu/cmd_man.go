package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/laatu-fi/laatu/msg"
	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// laatu man DIR writes the manual pages (laatu.1, laatu-score.1, …) in the
// chosen language from the same texts as --help: the release puts them in
// its zip (scripts/release.sh). The command is hidden; the pages are for
// the people who read man pages, who find them in the zip.
func newManCmd(io *IO, lang string) *cobra.Command {
	return &cobra.Command{
		Use:    "man DIR",
		Short:  msg.T(lang, "cmd.man.short"),
		Long:   msg.T(lang, "cmd.man.long"),
		Hidden: true,
		Args:   argsUsage(lang, 1, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return msg.Errorf("file.write", err)
			}
			pages, err := manPages(io, lang)
			if err != nil {
				return err
			}
			for name, page := range pages {
				if err := os.WriteFile(filepath.Join(dir, name), page, 0o644); err != nil {
					return msg.Errorf("file.write", err)
				}
			}
			fmt.Fprintln(io.Err, msg.TN(lang, "man.written", len(pages), len(pages), dir))
			return nil
		},
	}
}

// manPages renders a page for every command that is not hidden, by the
// file name man expects (laatu-criteria-show.1), in lang. The command tree
// is a fresh one, so its usage lines can be put in lang for the pages.
func manPages(io *IO, lang string) (map[string][]byte, error) {
	root := newRootCmd(io, lang)
	b := currentBuild()
	day := time.Now().UTC()
	if d, err := time.Parse(time.DateOnly, b.date); err == nil {
		day = d
	}
	header := &doc.GenManHeader{
		Title:   "LAATU",
		Section: "1",
		Date:    &day,
		Source:  "laatu " + b.version,
		Manual:  msg.T(lang, "man.manual"),
	}
	pages := map[string][]byte{}
	var walk func(c *cobra.Command) error
	walk = func(c *cobra.Command) error {
		if !c.IsAvailableCommand() && c != root {
			return nil
		}
		for _, sub := range c.Commands() {
			if err := walk(sub); err != nil {
				return err
			}
		}
		c.DisableAutoGenTag = true
		// The usage line as --help shows it: placeholders and "[flags]"
		// in lang.
		line := useLine(lang, c)
		if c.HasParent() {
			line = strings.TrimPrefix(line, c.Parent().CommandPath()+" ")
		}
		c.Use, c.DisableFlagsInUseLine = line, true
		h := *header
		h.Title = strings.ToUpper(strings.ReplaceAll(c.CommandPath(), " ", "-"))
		var buf bytes.Buffer
		if err := doc.GenMan(c, &h, &buf); err != nil {
			return err
		}
		pages[strings.ReplaceAll(c.CommandPath(), " ", "-")+".1"] = localizeMan(buf.Bytes(), lang, day)
		return nil
	}
	return pages, walk(root)
}

// manHeadings are the section headings cobra's generator writes in
// English, with their message keys.
var manHeadings = []struct{ en, key string }{
	{"OPTIONS INHERITED FROM PARENT COMMANDS", "man.global-options"},
	{"NAME", "man.name"},
	{"SYNOPSIS", "man.synopsis"},
	{"DESCRIPTION", "man.description"},
	{"OPTIONS", "man.options"},
	{"EXAMPLE", "man.examples"},
	{"SEE ALSO", "man.see-also"},
}

// localizeMan puts the page's section headings in lang and writes its
// date as 2026-12-01 rather than in English ("Dec 2026").
func localizeMan(page []byte, lang string, day time.Time) []byte {
	lines := strings.Split(string(page), "\n")
	for i, l := range lines {
		rest, ok := strings.CutPrefix(l, ".SH ")
		if !ok {
			continue
		}
		for _, h := range manHeadings {
			if rest == h.en {
				lines[i] = ".SH " + strings.ToUpper(msg.T(lang, h.key))
				break
			}
		}
	}
	s := strings.Join(lines, "\n")
	s = strings.Replace(s, `"`+day.Format("Jan 2006")+`"`, `"`+day.Format(time.DateOnly)+`"`, 1)
	return []byte(s)
}
