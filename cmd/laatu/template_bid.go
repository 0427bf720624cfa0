package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
)

// runBidForm writes the bid form of a procurement profile:
// `laatu template --profile te-tyohonvalmennus -o tarjouslomake.xlsx` (or
// -o tarjous.csv).
func runBidForm(io_ *IO, opts *templateOptions) error {
	if opts.From != "" {
		return usagef("tender.form.no-from")
	}
	// The form is a workbook or, by the output's extension or --format,
	// a CSV file with the same lines.
	csvForm := opts.Format == "csv" || (opts.Format == "" && strings.EqualFold(filepath.Ext(opts.Output), ".csv"))
	ext := strings.ToLower(filepath.Ext(opts.Output))
	if (opts.Format != "" && opts.Format != "xlsx" && opts.Format != "csv") ||
		(opts.Output != "" && opts.Output != "-" && ext != ".xlsx" && ext != ".csv") ||
		(opts.Format != "" && opts.Output != "" && opts.Output != "-" && ext != "."+opts.Format) {
		return usagef("tender2.form.xlsx-or-csv")
	}
	if opts.Output == "" || opts.Output == "-" {
		return usagef("sheet.cmd.need-output")
	}
	profile, err := openProfile(opts.Profile)
	if err != nil {
		return err
	}
	set, err := profileSet(profile, "")
	if err != nil {
		return err
	}
	if ps := profile.Check(set); len(ps) > 0 {
		return ps.Err()
	}
	if !opts.Force {
		if _, err := os.Stat(opts.Output); !errors.Is(err, fs.ErrNotExist) {
			return msg.Errorf("sheet.cmd.exists", opts.Output)
		}
	}
	var inputs []string
	if profile.Origin != "" {
		inputs = append(inputs, profile.Origin)
	}
	err = writeOutput(io_, opts.Output, inputs, func(w io.Writer) error {
		if csvForm {
			return form.WriteBidFormCSV(w, profile, set, opts.Lang)
		}
		return form.WriteBidForm(w, profile, set, opts.Lang)
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(io_.Out, msg.T(opts.Lang, "tender.form.written", opts.Output, profile.Label()))
	return nil
}
