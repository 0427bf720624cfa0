package main

import (
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/intake"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/report"
	"github.com/laatu-fi/laatu/scoring"
	"github.com/spf13/cobra"
)

type compareOptions struct {
	Paths    []string
	Criteria string
	// Format is empty when the user gave none: the output file's extension
	// decides, or text.
	Format string
	Output string
	Sort   string
	Table  string
	CSV    csvFlags
	Lang   string
	Input  inputFlags
	// Today is --today as given; empty for the day it is. TodayGiven
	// shows the review cycle even for files that record none.
	Today      string
	TodayGiven bool
}

func newCompareCmd(io *IO, lang string) *cobra.Command {
	opts := &compareOptions{Lang: lang}
	cmd := &cobra.Command{
		Use:   "compare PATH...",
		Short: msg.T(lang, "compare.cmd.short"),
		Long:  msg.T(lang, "compare.cmd.long"),
		Example: "  laatu compare testdata/services\n" +
			"  laatu compare --sort name --lang en arvioinnit/\n" +
			"  laatu compare arvioinnit/ -o vertailu.html\n" +
			"  laatu compare arvioinnit/ -o vertailu.xlsx\n" +
			"  laatu compare arvioinnit/ --format csv --excel -o tasot.csv",
		Args: argsUsage(lang, 1, -1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			opts.TodayGiven = cmd.Flags().Changed("today")
			if f, err := report.ChooseFormat(report.CmdCompare, opts.Format, opts.Output); err == nil &&
				(cmd.Flags().Changed("table") || opts.CSV.given()) && f != report.FormatCSV {
				flag := "--table"
				if opts.CSV.Excel {
					flag = "--excel"
				} else if opts.CSV.Plain {
					flag = "--plain-csv"
				}
				return usagef("compare.flag-needs-csv", flag)
			}
			return runCompare(io, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Criteria, "criteria", "", msg.T(lang, "compare.flag.criteria"))
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "", msg.T(lang, "compare.flag.format"))
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", msg.T(lang, "flag.output"))
	cmd.Flags().StringVar(&opts.Sort, "sort", string(scoring.ByTotal), msg.T(lang, "compare.flag.sort"))
	cmd.Flags().StringVar(&opts.Table, "table", report.TableLong, msg.T(lang, "compare.flag.table"))
	cmd.Flags().StringVar(&opts.Today, "today", "", msg.T(lang, "review.flag.today"))
	opts.CSV.add(cmd, lang, msg.T(lang, "compare.flag.excel"))
	opts.Input.add(cmd, lang)
	return cmd
}

func runCompare(io_ *IO, opts *compareOptions) error {
	if info, err := os.Stat(opts.Output); err == nil && info.IsDir() {
		return usagef("compare.output-is-folder", opts.Output, filepath.Join(opts.Output, "vertailu.html"))
	}
	format, err := report.ChooseFormat(report.CmdCompare, opts.Format, opts.Output)
	if err != nil {
		return usageError{err}
	}
	if err := oneOf(opts.Sort, string(scoring.ByTotal), string(scoring.ByName)); err != nil {
		return err
	}
	if err := oneOf(opts.Table, report.TableLong, report.TableSummary); err != nil {
		return err
	}
	today, err := todayOf(opts.Today, io_.Now)
	if err != nil {
		return err
	}
	var forced *criteria.Set
	if opts.Criteria != "" {
		s, err := openSet(opts.Criteria)
		if err != nil {
			return err
		}
		forced = s
	}
	o, err := opts.Input.options(io_, opts.Lang, forced)
	if err != nil {
		return err
	}
	o.Mixed = true
	warn := warner(io_, opts.Lang)
	in, err := intake.Expand(opts.Paths, warn)
	if err != nil {
		return err
	}
	files := in.Paths()
	// Refuse a bad output before reading thousands of files.
	if err := checkOutput(opts.Output, files); err != nil {
		return err
	}
	if err := outputInFolder(opts.Output, in.Folders); err != nil {
		return err
	}
	defer compareGC()()
	snaps, err := intake.Snapshots(in, o)
	if err != nil {
		return err
	}
	if snaps, err = dropDuplicates(snaps, opts.Lang, warn); err != nil {
		return err
	}
	set := forced
	if set == nil {
		set = scoring.MainSet(snaps)
	}
	comparison := scoring.Compare(snaps, set, scoring.CompareOptions{Order: scoring.Order(opts.Sort)})
	if len(comparison.Services) == 0 {
		return msg.Problems{{Message: msg.M("compare.no-set", set.Label())}}
	}
	excel, err := opts.CSV.excel(opts.Lang, opts.Output)
	if err != nil {
		return err
	}
	ro := report.CompareOptions{Lang: opts.Lang, Width: textWidth(io_, opts.Output), Order: scoring.Order(opts.Sort), Table: opts.Table, CSV: report.CSVOptions{Excel: excel}, Today: today, Reviews: opts.TodayGiven}
	err = writeOutput(io_, opts.Output, files, func(w io.Writer) error {
		if format == report.FormatJSON {
			return report.CompareJSONOut(w, comparison, ro)
		}
		return report.WriteDoc(w, report.CompareDocumentFor(comparison, ro, format), format, ro.Width, ro.CSV)
	})
	if err != nil {
		return err
	}
	confirmWritten(io_, opts.Lang, opts.Output, nil)
	return nil
}

// todayOf reads --today: the day the review cycle is read on, the day it
// is (by now, the IO's clock) when not given.
func todayOf(s string, now func() time.Time) (time.Time, error) {
	if s == "" {
		y, m, d := now().Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
	}
	t, ok := form.ParseDate(s)
	if !ok {
		return time.Time{}, usagef("review.bad-today", s)
	}
	return t, nil
}
