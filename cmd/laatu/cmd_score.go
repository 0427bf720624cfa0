package main

import (
	"io"

	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/report"
	"github.com/laatu-fi/laatu/scoring"
	"github.com/spf13/cobra"
)

type scoreOptions struct {
	Files    []string
	Criteria string
	Format   string
	Output   string
	Weakest  int
	Lang     string
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
	return cmd
}

func runScore(io_ *IO, opts *scoreOptions) error {
	if err := oneOf(opts.Format, "text", "json", "md"); err != nil {
		return err
	}
	items, err := readAssessments(opts.Files, opts.Criteria, io_.Limits)
	if err != nil {
		return err
	}
	results := make([]scoring.Result, len(items))
	for i, it := range items {
		results[i] = scoring.Score(it.set, it.a)
	}
	ro := report.ScoreOptions{Lang: opts.Lang, Weakest: max(opts.Weakest, 0)}
	return writeOutput(io_, opts.Output, opts.Files, func(w io.Writer) error {
		switch opts.Format {
		case "json":
			return report.ScoreJSONOut(w, results, ro)
		case "md":
			return report.ScoreMarkdown(w, results, ro)
		}
		return report.ScoreText(w, results, ro)
	})
}
