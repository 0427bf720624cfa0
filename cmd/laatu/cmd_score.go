package main

import (
	"io"

	"github.com/laatu-fi/laatu/intake"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/report"
	"github.com/laatu-fi/laatu/scoring"
	"github.com/spf13/cobra"
)

type scoreOptions struct {
	Files    []string
	Criteria string
	// Format is empty when not given: then -o's extension decides, or
	// text (report.ChooseFormat).
	Format  string
	Output  string
	Weakest int
	// History names earlier assessments (folders or files) for the
	// report's trend chart.
	History []string
	CSV     csvFlags
	Lang    string
	Input   inputFlags
}

func newScoreCmd(io *IO, lang string) *cobra.Command {
	opts := &scoreOptions{Lang: lang}
	cmd := &cobra.Command{
		Use:   "score FILE...",
		Short: msg.T(lang, "cmd.score.short"),
		Long:  msg.T(lang, "cmd.score.long"),
		Example: "  laatu score testdata/services/kateva-2026-11.yaml\n" +
			"  laatu score --format json --lang en testdata/services/*.yaml\n" +
			"  laatu score arvio.yaml -o raportti.html\n" +
			"  laatu score arvio.yaml --history aiemmat/ -o raportti.xlsx",
		Args: argsUsage(lang, 1, -1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Files = args
			return runScore(io, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Criteria, "criteria", "", msg.T(lang, "flag.criteria"))
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "", msg.T(lang, "doc.flag.format"))
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", msg.T(lang, "flag.output"))
	cmd.Flags().IntVar(&opts.Weakest, "weakest", 3, msg.T(lang, "flag.weakest"))
	cmd.Flags().StringArrayVar(&opts.History, "history", nil, msg.T(lang, "doc.flag.history"))
	opts.CSV.add(cmd, lang, msg.T(lang, "doc.flag.excel"))
	opts.Input.add(cmd, lang)
	return cmd
}

func runScore(io_ *IO, opts *scoreOptions) error {
	// A bad format is reported after the inputs are known, so that an
	// output naming an input is refused as that first.
	format, formatErr := report.ChooseFormat(report.CmdScore, opts.Format, opts.Output)
	if formatErr == nil && opts.CSV.given() && format != report.FormatCSV {
		flag := "--excel"
		if opts.CSV.Plain {
			flag = "--plain-csv"
		}
		return usagef("compare.flag-needs-csv", flag)
	}
	in, o, err := opts.Input.expand(io_, opts.Lang, opts.Criteria, opts.Files)
	if err != nil {
		return err
	}
	inputs := in.Paths()
	var hin intake.Inputs
	if len(opts.History) > 0 {
		if hin, err = intake.Expand(opts.History, warner(io_, opts.Lang)); err != nil {
			return err
		}
		inputs = append(inputs, hin.Paths()...)
	}
	if err := checkOutput(opts.Output, inputs); err != nil {
		return err
	}
	if formatErr != nil {
		return usageError{formatErr}
	}
	results, err := intake.Results(in, o)
	if err != nil {
		return err
	}
	var history []scoring.Result
	if len(opts.History) > 0 {
		// Earlier assessments may be of an earlier version of the set:
		// each is scored against its own.
		ho := o
		ho.Set = nil
		if history, err = intake.Results(hin, ho); err != nil {
			return err
		}
	}
	excel, err := opts.CSV.excel(opts.Lang, opts.Output)
	if err != nil {
		return err
	}
	ro := report.ScoreOptions{Lang: opts.Lang, Width: textWidth(io_, opts.Output), Weakest: max(opts.Weakest, 0),
		History: history, HistoryGiven: len(opts.History) > 0, CSV: report.CSVOptions{Excel: excel}}
	toFile := opts.Output != "" && opts.Output != "-"
	err = writeOutput(io_, opts.Output, inputs, func(w io.Writer) error {
		switch format {
		case report.FormatJSON:
			return report.ScoreJSONOut(w, results, ro)
		case report.FormatMarkdown:
			return report.ScoreReportMarkdown(w, results, ro)
		case report.FormatCSV:
			return report.ScoreCSV(w, results, ro)
		case report.FormatXLSX:
			return report.ScoreXLSX(w, results, ro)
		case report.FormatHTML:
			return report.ScoreHTML(w, results, ro)
		}
		if toFile || ro.HistoryGiven {
			// A text file is the report to hand on; the terminal gets
			// the summary.
			return report.ScoreReportText(w, results, ro)
		}
		return report.ScoreText(w, results, ro)
	})
	if err != nil {
		return err
	}
	confirmWritten(io_, opts.Lang, opts.Output, nil)
	return nil
}
