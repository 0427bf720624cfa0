package main

import (
	"errors"
	"io"
	"io/fs"
	"math"
	"os"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/intake"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/report"
	"github.com/laatu-fi/laatu/scoring"
	"github.com/spf13/cobra"
)

type checkOptions struct {
	Bids     []string
	Profile  string
	Criteria string
	// Format is empty when not given: then -o's extension decides.
	Format string
	Output string
	Points string
	// Table is the CSV table (long or summary); Excel the Finnish-Excel
	// CSV dialect.
	Table string
	CSV   csvFlags
	Lang  string
	Input inputFlags
}

func newCheckCmd(io *IO, lang string) *cobra.Command {
	opts := &checkOptions{Lang: lang}
	cmd := &cobra.Command{
		Use:   "check --profile NAME|FILE BID...",
		Short: msg.T(lang, "check.cmd.short"),
		Long:  msg.T(lang, "check.cmd.long") + "\n\n" + msg.T(lang, "tender.cmd.long"),
		Example: "  laatu check testdata/bids/kilpailutus/*.yaml\n" +
			"  laatu check -o muistio.md testdata/bids/kilpailutus/*.yaml\n" +
			"  laatu check --profile vanha-profiili.yaml --points 40 tarjous-*.xlsx\n" +
			"  laatu check --format json --lang en testdata/bids/kilpailutus/*.yaml",
		Args: argsUsage(lang, 1, -1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Bids = args
			if f, err := report.ChooseFormat(report.CmdCheck, opts.Format, opts.Output); err == nil &&
				(cmd.Flags().Changed("table") || opts.CSV.given()) && f != report.FormatCSV {
				flag := "--table"
				if opts.CSV.Excel {
					flag = "--excel"
				} else if opts.CSV.Plain {
					flag = "--plain-csv"
				}
				return usagef("check.flag-needs-csv", flag)
			}
			return runCheck(io, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Profile, "profile", "p", criteria.DefaultProfileID, msg.T(lang, "check.flag.profile"))
	cmd.Flags().StringVar(&opts.Criteria, "criteria", "", msg.T(lang, "check.flag.criteria"))
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "", msg.T(lang, "check.flag.format"))
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", msg.T(lang, "flag.output"))
	cmd.Flags().StringVar(&opts.Points, "points", "", msg.T(lang, "check.flag.points"))
	cmd.Flags().StringVar(&opts.Table, "table", report.CheckTableLong, msg.T(lang, "check.flag.table"))
	opts.CSV.add(cmd, lang, msg.T(lang, "check.flag.excel"))
	opts.Input.add(cmd, lang)
	return cmd
}

func runCheck(io_ *IO, opts *checkOptions) error {
	format, err := report.ChooseFormat(report.CmdCheck, opts.Format, opts.Output)
	if err != nil {
		return usageError{err}
	}
	points, err := pointsFlag(opts.Points)
	if err != nil {
		return err
	}
	if opts.Table != report.CheckTableLong && opts.Table != report.CheckTableSummary {
		return usagef("check.bad-table", opts.Table)
	}
	profile, err := openProfile(opts.Profile)
	if err != nil {
		return err
	}
	set, err := profileSet(profile, opts.Criteria)
	if err != nil {
		return err
	}
	if ps := profile.Check(set); len(ps) > 0 {
		return ps.Err()
	}
	if c := profile.Comparison; c != nil && points > 0 {
		return usagef("tender.points-flag", profile.Label(), report.Figure(opts.Lang, c.Quality), report.Figure(opts.Lang, c.Price))
	}
	o, err := opts.Input.options(io_, opts.Lang, set)
	if err != nil {
		return err
	}
	in, err := intake.Expand(opts.Bids, warner(io_, opts.Lang))
	if err != nil {
		return err
	}
	inputs := in.Paths()
	for _, f := range []string{opts.Profile, opts.Criteria} {
		if f != "" {
			inputs = append(inputs, f)
		}
	}
	if err := checkOutput(opts.Output, inputs); err != nil {
		return err
	}
	// Every bid is checked against the profile's set: one made for another
	// set or version is refused, not scored by other anchors.
	results, answers, err := readBids(in, o, set, profile)
	if err != nil {
		return err
	}
	e := scoring.Evaluate(profile, set, results, points)
	if profile.Comparison != nil {
		e = scoring.EvaluateTender(profile, set, results, answers)
	}
	excel, err := opts.CSV.excel(opts.Lang, opts.Output)
	if err != nil {
		return err
	}
	ro := report.CheckOptions{Lang: opts.Lang, Width: textWidth(io_, opts.Output), Table: opts.Table, CSV: report.CSVOptions{Excel: excel}}
	err = writeOutput(io_, opts.Output, inputs, func(w io.Writer) error {
		if format == report.FormatJSON {
			return report.CheckJSONOut(w, &e, ro)
		}
		return report.WriteDoc(w, report.CheckDocument(&e, ro), format, ro.Width, ro.CSV)
	})
	if err != nil {
		return err
	}
	if opts.Output != "" && opts.Output != "-" {
		// The report went to a file: say on the terminal what it found.
		meeting := 0
		for _, b := range e.Bids {
			if b.Meets {
				meeting++
			}
		}
		m := msg.M("check.written", meeting, len(e.Bids), opts.Output)
		confirmWritten(io_, opts.Lang, opts.Output, &m)
	}
	if !e.MeetsAll() {
		return exitError{exitNotMet}
	}
	return nil
}

// pointsFlag reads --points MAX; a decimal comma is accepted as in every
// figure laatu reads.
func pointsFlag(s string) (float64, error) {
	if strings.TrimSpace(s) == "" {
		return 0, nil
	}
	x, ok := form.ParseNumber(s)
	if !ok || x < 0 || math.IsInf(x, 0) || math.IsNaN(x) {
		return 0, usagef("check.bad-points", s)
	}
	return x, nil
}

// openProfile resolves --profile: a built-in id, or else a YAML file.
func openProfile(name string) (*criteria.Profile, error) {
	if p, ok := criteria.BuiltinProfile(name); ok {
		return p, nil
	}
	f, err := os.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, criteria.UnknownProfileError(name)
	}
	if err != nil {
		return nil, msg.Problems{intake.ReadProblem(name, err)}
	}
	defer f.Close()
	return criteria.LoadProfile(f, name)
}

// profileSet is the criteria set the bids are scored against: --criteria
// when given, else the built-in set the profile names.
func profileSet(p *criteria.Profile, flag string) (*criteria.Set, error) {
	if flag != "" {
		return openSet(flag)
	}
	s, ok := criteria.Builtin(p.Criteria)
	if !ok {
		return nil, msg.Problems{{Place: msg.Place{File: p.Origin}, Message: msg.M("check.set-not-builtin", p.Criteria)}}
	}
	return s, nil
}
