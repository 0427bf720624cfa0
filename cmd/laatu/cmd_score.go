package main

import (
	"io"

	"github.com/laatu-fi/laatu/intake"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/report"
	"github.com/spf13/cobra"
)

type scoreOptions struct {
	Files    []string
	Criteria string
	Format   string
	Output   string
	Weakest  int
	Lang     string
	Input    inputFlags
}

func newScoreCmd(io *IO, lang string) *cobra.Command {
	opts := &scoreOptions{Lang: lang}
	cmd := &cobra.Command{
		Use:   "score FILE...",
		Short: msg.T(lang, "cmd.score.short"),
		Long:  msg.T(lang, "cmd.score.long"),
		Example: "  laatu score testdata/services/kateva-2026-11.yaml\n" +
			"  laatu score --format json --lang en testdata/services/*.yaml\n" +
			"  laatu score --format md -o raportti.md arvio.yaml",
		Args: argsUsage(lang, 1, -1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			return runScore(io, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Criteria, "criteria", "", msg.T(lang, "flag.criteria"))
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "text", msg.T(lang, "flag.format-score"))
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", msg.T(lang, "flag.output"))
	cmd.Flags().IntVar(&opts.Weakest, "weakest", 3, msg.T(lang, "flag.weakest"))
	opts.Input.add(cmd, lang)
	return cmd
}

func runScore(io_ *IO, opts *scoreOptions) error {
	if err := oneOf(opts.Format, "text", "json", "md"); err != nil {
		return err
	}
	in, o, err := opts.Input.expand(io_, opts.Lang, opts.Criteria, opts.Files)
	if err != nil {
		return err
	}
	if err := checkOutput(opts.Output, in.Paths()); err != nil {
		return err
	}
	results, err := intake.Results(in, o)
	if err != nil {
		return err
	}
	ro := report.ScoreOptions{Lang: opts.Lang, Width: textWidth(io_, opts.Output), Weakest: max(opts.Weakest, 0)}
	err = writeOutput(io_, opts.Output, in.Paths(), func(w io.Writer) error {
		switch opts.Format {
		case "json":
			return report.ScoreJSONOut(w, results, ro)
		case "md":
			return report.ScoreMarkdown(w, results, ro)
		}
		return report.ScoreText(w, results, ro)
	})
	if err != nil {
		return err
	}
	confirmWritten(io_, opts.Lang, opts.Output, nil)
	return nil
}
