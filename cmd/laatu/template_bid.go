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
// `laatu template --profile te-tyohonvalmennus -o tarjouslomake.xlsx`.
func runBidForm(io_ *IO, opts *templateOptions) error {
	if opts.From != "" {
		return usagef("tender.form.no-from")
	}
	if (opts.Format != "" && opts.Format != "xlsx") || (opts.Output != "" && !strings.EqualFold(filepath.Ext(opts.Output), ".xlsx")) {
		return usagef("tender.form.xlsx-only")
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
		return form.WriteBidForm(w, profile, set, opts.Lang)
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(io_.Out, msg.T(opts.Lang, "tender.form.written", opts.Output, profile.Label()))
	return nil
}
