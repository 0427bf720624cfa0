package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
	"github.com/spf13/cobra"
)

type templateOptions struct {
	Output   string
	Criteria string
	Format   string
	Force    bool
	Lang     string
}

func newTemplateCmd(io *IO, lang string) *cobra.Command {
	opts := &templateOptions{Lang: lang}
	cmd := &cobra.Command{
		Use:   "template -o FILE",
		Short: msg.T(lang, "cmd.template.short"),
		Long:  msg.T(lang, "cmd.template.long"),
		Example: "  laatu template -o arvio.xlsx\n" +
			"  laatu template -o assessment.xlsx --lang en --criteria ips\n" +
			"  laatu template --format csv -o arvio.csv",
		Args: argsUsage(lang, 0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTemplate(io, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", msg.T(lang, "flag.template-output"))
	cmd.Flags().StringVar(&opts.Criteria, "criteria", criteria.DefaultID, msg.T(lang, "flag.template-criteria"))
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "", msg.T(lang, "flag.template-format"))
	cmd.Flags().BoolVar(&opts.Force, "force", false, msg.T(lang, "flag.template-force"))
	return cmd
}

func runTemplate(io_ *IO, opts *templateOptions) error {
	toFile := opts.Output != "" && opts.Output != "-"
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(opts.Output)), ".")
	format := opts.Format
	if format == "" {
		format = "xlsx"
		if toFile && ext == "csv" {
			format = "csv"
		}
	}
	if err := oneOf(format, "xlsx", "csv"); err != nil {
		return err
	}
	if toFile && ext != "" && (ext == "xlsx" || ext == "csv") && ext != format {
		return usagef("sheet.cmd.format-mismatch", format, opts.Output, format)
	}
	if format == "xlsx" && opts.Output == "" {
		return usagef("sheet.cmd.need-output")
	}
	set, err := openSet(opts.Criteria)
	if err != nil {
		return err
	}
	if toFile && !opts.Force {
		if _, err := os.Stat(opts.Output); !errors.Is(err, fs.ErrNotExist) {
			return msg.Errorf("sheet.cmd.exists", opts.Output)
		}
	}
	var inputs []string
	if set.Origin != "" {
		inputs = append(inputs, set.Origin)
	}
	err = writeOutput(io_, opts.Output, inputs, func(w io.Writer) error {
		if format == "csv" {
			return form.WriteCSVTemplate(w, set, opts.Lang)
		}
		return form.WriteXLSXTemplate(w, set, opts.Lang)
	})
	if err != nil || !toFile {
		return err
	}
	fmt.Fprintln(io_.Out, msg.T(opts.Lang, "sheet.cmd.written", opts.Output, set.Label(), len(set.Criteria), opts.Output))
	return nil
}
