package main

import (
	"errors"
	"io/fs"
	"os"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
)

// openSet resolves --criteria: a built-in id, or else a YAML file.
func openSet(name string) (*criteria.Set, error) {
	if name == "" {
		name = criteria.DefaultID
	}
	if s, ok := criteria.Builtin(name); ok {
		return s, nil
	}
	f, err := os.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, criteria.UnknownError(name)
	}
	if err != nil {
		return nil, msg.Problems{{Place: msg.Place{File: name}, Message: msg.M("file.read", unwrapPath(err))}}
	}
	defer f.Close()
	return criteria.Load(f, name)
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// scorable is an assessment with the set it is scored against.
type scorable struct {
	a   *form.Assessment
	set *criteria.Set
}

// readAssessments reads every file within lim and checks it against its
// set: the set given with --criteria, or the built-in set the file names.
// Problems from all files are returned together.
func readAssessments(paths []string, setFlag string, lim form.Limits) ([]scorable, error) {
	var forced *criteria.Set
	if setFlag != "" {
		s, err := openSet(setFlag)
		if err != nil {
			return nil, err
		}
		forced = s
	}
	var all msg.Problems
	var out []scorable
	for _, p := range paths {
		if special := specialFile(p); special != nil {
			all = append(all, special...)
			continue
		}
		a, err := form.ReadFileLimits(p, lim)
		if err != nil {
			if ps, ok := err.(msg.Problems); ok {
				all = append(all, ps...)
				continue
			}
			return nil, err
		}
		set := forced
		if set == nil {
			id := a.Criteria
			if id == "" {
				id = criteria.DefaultID
			}
			s, ok := criteria.Builtin(id)
			if !ok {
				all = append(all, msg.Problem{Place: setPlace(a), Message: msg.M("cli.set-not-builtin", id)})
				continue
			}
			set = s
		}
		if ps := form.Check(a, set); len(ps) > 0 {
			all = append(all, ps...)
			continue
		}
		out = append(out, scorable{a, set})
	}
	if err := all.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// oneOf checks a flag value against the accepted ones.
func oneOf(value string, accepted ...string) error {
	for _, a := range accepted {
		if value == a {
			return nil
		}
	}
	return usagef("cli.bad-format", value, strings.Join(accepted, ", "))
}

// setPlace is where an assessment names its criteria set: the line or cell
// when the reader knows it, else the file.
func setPlace(a *form.Assessment) msg.Place {
	if a.CriteriaPlace.File != "" {
		return a.CriteriaPlace
	}
	return msg.Place{File: a.Source}
}
