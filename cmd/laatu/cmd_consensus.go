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
	Files     []string
	Criteria  string
	Output    string
	Tolerance int
	Format    string
	Lang      string
	Input     inputFlags
}

func newConsensusCmd(io *IO, lang string) *cobra.Command {
	opts := &consensusOptions{Lang: lang}
	cmd := &cobra.Command{
		Use:   "consensus RATER_A RATER_B [RATER_C…]",
		Short: msg.T(lang, "cmd.consensus.short"),
		Long:  msg.T(lang, "cmd.consensus.long"),
		Example: "  laatu consensus testdata/raters/kateva-anna.yaml testdata/raters/kateva-pekka.yaml\n" +
			"  laatu consensus anna.yaml pekka.yaml -o konsensus.yaml\n" +
			"  laatu consensus anna.yaml pekka.yaml sari.yaml --tolerance 2 --format md --lang en",
		Args: argsUsage(lang, 1, -1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			return runConsensus(io, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Criteria, "criteria", "", msg.T(lang, "flag.criteria"))
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", msg.T(lang, "consensus.flag.output"))
	cmd.Flags().IntVar(&opts.Tolerance, "tolerance", 1, msg.T(lang, "consensus.flag.tolerance"))
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "", msg.T(lang, "consensus.flag.format"))
	opts.Input.add(cmd, lang)
	return cmd
}

func runConsensus(io_ *IO, opts *consensusOptions) error {
	// -o names the draft (YAML), not the report: the report goes to
	// standard output in the format --format names.
	format, err := report.ChooseFormat(report.CmdConsensus, opts.Format, "")
	if err != nil {
		return usageError{err}
	}
	// A spread is at most MaxLevel − MinLevel; a larger tolerance would
	// settle every difference without discussion.
	if opts.Tolerance < 1 || opts.Tolerance > criteria.MaxLevel-criteria.MinLevel {
		return usagef("consensus.bad-tolerance", opts.Tolerance)
	}
	if opts.Output != "" {
		if ext := strings.ToLower(filepath.Ext(opts.Output)); ext != ".yaml" && ext != ".yml" {
			return usagef("consensus.output-kind", opts.Output)
		}
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
	if err := checkOutput(opts.Output, in.Paths()); err != nil {
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
	if opts.Output != "" {
		draft := c.Draft(opts.Lang)
		err := writeOutput(io_, opts.Output, in.Paths(), func(w io.Writer) error { return form.WriteYAML(w, draft) })
		if err != nil {
			return err
		}
	}
	ro := report.ConsensusOptions{Lang: opts.Lang, Width: textWidth(io_, ""), Draft: opts.Output}
	switch format {
	case report.FormatJSON:
		// The text and Markdown reports name the draft; beside JSON,
		// stderr does.
		if err := report.ConsensusJSONOut(io_.Out, &c, ro); err != nil {
			return err
		}
		confirmWritten(io_, opts.Lang, opts.Output, nil)
		return nil
	case report.FormatMarkdown:
		return report.ConsensusMarkdown(io_.Out, &c, ro)
	}
	return report.ConsensusText(io_.Out, &c, ro)
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
