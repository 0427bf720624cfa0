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
	"github.com/laatu-fi/laatu/intake"
	"github.com/laatu-fi/laatu/msg"
	"github.com/spf13/cobra"
)

type templateOptions struct {
	Output   string
	Criteria string
	Format   string
	Force    bool
	// From pre-fills the template with the answers of an assessment file.
	From string
	// Profile writes a bid form for a procurement profile instead
	// (template_bid.go).
	Profile string
	Lang    string
	Input   inputFlags

	criteriaGiven bool
}

func newTemplateCmd(io *IO, lang string) *cobra.Command {
	opts := &templateOptions{Lang: lang}
	cmd := &cobra.Command{
		Use:   "template -o FILE",
		Short: msg.T(lang, "cmd.template.short"),
		Long:  msg.T(lang, "cmd.template.long"),
		Example: "  laatu template -o arvio.xlsx\n" +
			"  laatu template -o assessment.xlsx --lang en --criteria ips\n" +
			"  laatu template --format csv -o arvio.csv\n" +
			"  laatu template --from arvio-2026-05.yaml -o arvio-2026-11.xlsx",
		Args: argsUsage(lang, 0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.criteriaGiven = cmd.Flags().Changed("criteria")
			return runTemplate(io, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", msg.T(lang, "flag.template-output"))
	cmd.Flags().StringVar(&opts.Criteria, "criteria", criteria.DefaultID, msg.T(lang, "flag.template-criteria"))
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "", msg.T(lang, "flag.template-format"))
	cmd.Flags().BoolVar(&opts.Force, "force", false, msg.T(lang, "flag.template-force"))
	cmd.Flags().StringVar(&opts.From, "from", "", msg.T(lang, "flag.template-from"))
	cmd.Flags().StringVar(&opts.Profile, "profile", "", msg.T(lang, "tender.flag.profile"))
	opts.Input.add(cmd, lang)
	return cmd
}

func runTemplate(io_ *IO, opts *templateOptions) error {
	if opts.Profile != "" {
		return runBidForm(io_, opts)
	}
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
	var (
		set    *criteria.Set
		answer *form.Assessment
		err    error
	)
	if opts.From != "" {
		// The answers' own set, unless --criteria names one (and must match).
		setFlag := ""
		if opts.criteriaGiven {
			setFlag = opts.Criteria
		}
		var given *criteria.Set
		if setFlag != "" {
			if given, err = openSet(setFlag); err != nil {
				return err
			}
		}
		o, err := opts.Input.options(io_, opts.Lang, given)
		if err != nil {
			return err
		}
		// One file (or - for standard input): the answers of one round.
		items, err := intake.Read(intake.Inputs{Files: []string{opts.From}}, o)
		if err != nil {
			return err
		}
		answer, set = form.NextRound(items[0].A), items[0].Set
	} else if set, err = openSet(opts.Criteria); err != nil {
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
	if opts.From != "" && opts.From != intake.Stdin {
		inputs = append(inputs, opts.From)
	}
	err = writeOutput(io_, opts.Output, inputs, func(w io.Writer) error {
		switch {
		case format == "csv" && answer != nil:
			return form.WriteCSV(w, set, answer, opts.Lang)
		case format == "csv":
			return form.WriteCSVTemplate(w, set, opts.Lang)
		case answer != nil:
			return form.WriteXLSX(w, set, answer, opts.Lang)
		}
		return form.WriteXLSXTemplate(w, set, opts.Lang)
	})
	if err != nil || !toFile {
		return err
	}
	fmt.Fprintln(io_.Out, msg.T(opts.Lang, "sheet.cmd.written", opts.Output, set.Label(), len(set.Criteria), opts.Output))
	return nil
}
