package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/intake"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/report"
	"github.com/spf13/cobra"
)

func newCriteriaCmd(io *IO, lang string) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "criteria",
		Short: msg.T(lang, "cmd.criteria.short"),
		Args:  groupArgs,
		RunE:  func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newCriteriaListCmd(io, lang), newCriteriaShowCmd(io, lang), newCriteriaValidateCmd(io, lang))
	return cmd
}

func newCriteriaListCmd(io *IO, lang string) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: msg.T(lang, "cmd.criteria-list.short"),
		Args:  argsUsage(lang, 0, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			var sets []*criteria.Set
			for _, id := range criteria.BuiltinIDs() {
				s, _ := criteria.Builtin(id)
				sets = append(sets, s)
			}
			return report.SetList(io.Out, sets, lang)
		},
	}
}

type criteriaShowOptions struct {
	Criteria string
	Number   int
}

func newCriteriaShowCmd(io *IO, lang string) *cobra.Command {
	opts := &criteriaShowOptions{}
	cmd := &cobra.Command{
		Use:     "show [N]",
		Short:   msg.T(lang, "cmd.criteria-show.short"),
		Example: "  laatu criteria show 3\n  laatu criteria show 3 --lang en\n  laatu criteria show 3 --criteria ips",
		Args:    argsUsage(lang, 0, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				n, err := strconv.Atoi(strings.TrimSpace(args[0]))
				if err != nil || n <= 0 {
					return usagef("cli.bad-number", args[0])
				}
				opts.Number = n
			}
			return runCriteriaShow(io, opts, lang)
		},
	}
	cmd.Flags().StringVar(&opts.Criteria, "criteria", criteria.DefaultID, msg.T(lang, "flag.criteria-show"))
	return cmd
}

func runCriteriaShow(io *IO, opts *criteriaShowOptions, lang string) error {
	set, err := openSet(opts.Criteria)
	if err != nil {
		return err
	}
	var cs []*criteria.Criterion
	if opts.Number == 0 {
		for i := range set.Criteria {
			cs = append(cs, &set.Criteria[i])
		}
	} else {
		c := set.Criterion(opts.Number)
		if c == nil {
			ns := set.Numbers()
			return usagef("cli.no-criterion", set.Label(), opts.Number, ns[0], ns[len(ns)-1])
		}
		cs = append(cs, c)
	}
	return report.CriteriaWidth(io.Out, set, cs, lang, textWidth(io, ""))
}

func newCriteriaValidateCmd(io *IO, lang string) *cobra.Command {
	return &cobra.Command{
		Use:     "validate FILE...",
		Short:   msg.T(lang, "cmd.criteria-validate.short"),
		Example: "  laatu criteria validate oma-kriteeristo.yaml",
		Args:    argsUsage(lang, 1, -1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var all msg.Problems
			for _, path := range args {
				set, err := loadSetFile(path)
				if err != nil {
					ps, ok := err.(msg.Problems)
					if !ok {
						return err
					}
					all = append(all, ps...)
					continue
				}
				fmt.Fprintln(io.Out, msg.T(lang, "cli.set-ok", path, set.Name.In(lang), set.Label(),
					len(set.Criteria), len(set.Domains), strings.Join(set.Languages, ", ")))
			}
			return all.Err()
		},
	}
}

// loadSetFile loads a set from a file, never from the built-ins: validate
// checks the file the user names.
func loadSetFile(path string) (*criteria.Set, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, msg.Problems{intake.ReadProblem(path, err)}
	}
	defer f.Close()
	return criteria.Load(f, path)
}
