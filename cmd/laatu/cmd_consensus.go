package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/intake"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/report"
	"github.com/laatu-fi/laatu/scoring"
	"github.com/spf13/cobra"
)

type consensusOptions struct {
	Files    []string
	Criteria string
	// Outputs are the -o files: a .yaml or .yml file is the draft, any
	// other the report (at most one of each).
	Outputs   []string
	Tolerance int
	// Format is empty when not given: then the report file's extension
	// decides, or text (report.ChooseFormat).
	Format string
	CSV    csvFlags
	Lang   string
	Input  inputFlags
}

func newConsensusCmd(io *IO, lang string) *cobra.Command {
	opts := &consensusOptions{Lang: lang}
	cmd := &cobra.Command{
		Use:   "consensus RATER_A RATER_B [RATER_C…]",
		Short: msg.T(lang, "cmd.consensus.short"),
		Long:  msg.T(lang, "cmd.consensus.long"),
		Example: "  laatu consensus testdata/raters/kateva-anna.yaml testdata/raters/kateva-pekka.yaml\n" +
			"  laatu consensus anna.yaml pekka.yaml -o konsensus.yaml\n" +
			"  laatu consensus anna.yaml pekka.yaml -o konsensus.yaml -o konsensus.html\n" +
			"  laatu consensus anna.yaml pekka.yaml sari.yaml --tolerance 2 --format md --lang en",
		Args: argsUsage(lang, 1, -1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			return runConsensus(io, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Criteria, "criteria", "", msg.T(lang, "flag.criteria"))
	cmd.Flags().StringArrayVarP(&opts.Outputs, "output", "o", nil, msg.T(lang, "cons.flag.output"))
	cmd.Flags().IntVar(&opts.Tolerance, "tolerance", 1, msg.T(lang, "consensus.flag.tolerance"))
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "", msg.T(lang, "cons.flag.format"))
	opts.CSV.add(cmd, lang, msg.T(lang, "doc.flag.excel"))
	opts.Input.add(cmd, lang)
	return cmd
}

// outputs splits the -o files into the draft (.yaml, .yml) and the report
// (any other name, "-" for standard output); both may be empty.
func (opts *consensusOptions) outputs() (draft, report string, err error) {
	for _, o := range opts.Outputs {
		ext := strings.ToLower(filepath.Ext(o))
		switch {
		case ext == ".yaml" || ext == ".yml":
			if draft != "" {
				return "", "", usagef("cons.two-drafts", draft, o)
			}
			draft = o
		case report != "":
			return "", "", usagef("cons.two-reports", report, o)
		default:
			report = o
		}
	}
	return draft, report, nil
}

func runConsensus(io_ *IO, opts *consensusOptions) error {
	draftPath, reportPath, err := opts.outputs()
	if err != nil {
		return err
	}
	format, err := report.ChooseFormat(report.CmdConsensus, opts.Format, reportPath)
	if err != nil {
		return usageError{err}
	}
	if opts.CSV.given() && format != report.FormatCSV {
		flag := "--excel"
		if opts.CSV.Plain {
			flag = "--plain-csv"
		}
		return usagef("compare.flag-needs-csv", flag)
	}
	// A spread is at most MaxLevel − MinLevel; a larger tolerance would
	// settle every difference without discussion.
	if opts.Tolerance < 1 || opts.Tolerance > criteria.MaxLevel-criteria.MinLevel {
		return usagef("consensus.bad-tolerance", opts.Tolerance)
	}
	if err := distinctFiles(opts.Files); err != nil {
		return err
	}
	in, o, err := opts.Input.expand(io_, opts.Lang, opts.Criteria, opts.Files)
	if err != nil {
		return err
	}
	// A folder or a pattern may stand for the raters; two are needed.
	if len(in.Files) < 2 {
		return usagef("cli.too-few.consensus")
	}
	for _, out := range []string{draftPath, reportPath} {
		if err := checkOutput(out, in.Paths()); err != nil {
			return err
		}
	}
	excel, err := opts.CSV.excel(opts.Lang, reportPath)
	if err != nil {
		return err
	}
	results, err := intake.Results(in, o)
	if err != nil {
		return err
	}
	if err := scoring.CheckSameService(results).Err(); err != nil {
		return err
	}
	c := scoring.NewConsensus(results, opts.Tolerance)
	if draftPath != "" {
		draft := c.Draft(opts.Lang)
		err := writeOutput(io_, draftPath, in.Paths(), func(w io.Writer) error { return form.WriteYAML(w, draft) })
		if err != nil {
			return err
		}
	}
	ro := report.ConsensusOptions{Lang: opts.Lang, Width: textWidth(io_, reportPath), Draft: draftPath}
	err = writeOutput(io_, reportPath, in.Paths(), func(w io.Writer) error {
		if format == report.FormatJSON {
			return report.ConsensusJSONOut(w, &c, ro)
		}
		return report.WriteDoc(w, report.ConsensusDocument(&c, ro), format, ro.Width, report.CSVOptions{Excel: excel})
	})
	if err != nil {
		return err
	}
	// The text and Markdown reports on the terminal name the draft;
	// otherwise stderr does.
	toTerminal := reportPath == "" || reportPath == "-"
	if !toTerminal || (format != report.FormatText && format != report.FormatMarkdown) {
		confirmWritten(io_, opts.Lang, draftPath, nil)
	}
	confirmWritten(io_, opts.Lang, reportPath, nil)
	return nil
}

// distinctFiles refuses the same file given twice: it would count one
// rater as two and agree with itself.
func distinctFiles(paths []string) error {
	for i, p := range paths {
		pi, errI := os.Stat(p)
		for _, q := range paths[:i] {
			same := filepath.Clean(p) == filepath.Clean(q)
			if qi, errQ := os.Stat(q); !same && errI == nil && errQ == nil {
				same = os.SameFile(pi, qi)
			}
			if same {
				return usagef("consensus.same-file", p)
			}
		}
	}
	return nil
}
