package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/intake"
	"github.com/laatu-fi/laatu/internal/atomicfile"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/report"
	"github.com/laatu-fi/laatu/scoring"
)

// warner prints warnings on stderr in lang: the command goes on.
func warner(io *IO, lang string) func(msg.Message) {
	return func(m msg.Message) {
		fmt.Fprintf(io.Err, "laatu: %s\n", msg.T(lang, "output.warning", m.In(lang)))
	}
}

// dropDuplicates counts one assessment saved in two files (the same
// service, set and date) once, and warns about it; two such files with
// different levels are refused, naming both, since nothing tells which is
// right; so are two with the same levels whose review-cycle data (kind,
// employment rate, plan) differ. Of two that agree, the one that records
// the cycle is kept (scoring.Dedupe).
func dropDuplicates(snaps []scoring.Snapshot, lang string, warn func(msg.Message)) ([]scoring.Snapshot, error) {
	kept, dups := scoring.Dedupe(snaps)
	var ps msg.Problems
	for _, d := range dups {
		service := report.ServiceName(d.Provider, d.Unit)
		date := msg.LocaleOf(lang).FormatDate(d.Date)
		if len(d.Differ) > 0 {
			nums := make([]string, len(d.Differ))
			for i, n := range d.Differ {
				nums[i] = strconv.Itoa(n)
			}
			ps.Add(msg.Place{}, 0, "output.duplicate-differs", d.Kept, d.Dropped, service, date, strings.Join(nums, ", "))
			continue
		}
		if d.CycleDiffers {
			ps.Add(msg.Place{}, 0, "cmpcycle.duplicate-cycle-differs", d.Kept, d.Dropped, service, date)
			continue
		}
		if warn != nil {
			warn(msg.M("output.duplicate", d.Kept, d.Dropped, service, date))
		}
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	return kept, nil
}

// outputInFolder refuses an output file that a later run over the same
// folders would read as an assessment.
func outputInFolder(out string, folders []string) error {
	if out == "" || out == "-" || !intake.IsAssessmentFile(filepath.Base(out)) {
		return nil
	}
	absOut, err := filepath.Abs(out)
	if err != nil {
		return nil
	}
	for _, dir := range folders {
		absDir, err := filepath.Abs(dir)
		if err != nil {
			continue
		}
		if rel, err := filepath.Rel(absDir, absOut); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return usagef("compare.output-in-input", out, dir)
		}
	}
	return nil
}

// checkOutput refuses an output path that is one of the inputs, before
// the inputs are read; writeOutput checks again when it writes.
func checkOutput(out string, inputs []string) error {
	if out == "" || out == "-" {
		return nil
	}
	if errors.Is(atomicfile.CheckNotInput(out, inputs), atomicfile.ErrIsInput) {
		return usagef("file.same-as-input", out)
	}
	return nil
}
