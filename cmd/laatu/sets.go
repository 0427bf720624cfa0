package main

import (
	"errors"
	"io/fs"
	"os"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/intake"
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
		return nil, msg.Problems{intake.ReadProblem(name, err)}
	}
	defer f.Close()
	return criteria.Load(f, name)
}

// scorable is an assessment with the set it is scored against.
type scorable struct {
	a   *form.Assessment
	set *criteria.Set
}

// readAssessments reads the files (not folders nor patterns) within lim,
// each checked against its set by intake's rule.
func readAssessments(paths []string, setFlag string, lim form.Limits) ([]scorable, error) {
	var set *criteria.Set
	if setFlag != "" {
		s, err := openSet(setFlag)
		if err != nil {
			return nil, err
		}
		set = s
	}
	items, err := intake.Read(intake.Inputs{Files: paths}, intake.Options{Set: set, Limits: lim})
	if err != nil {
		return nil, err
	}
	out := make([]scorable, len(items))
	for i, it := range items {
		out[i] = scorable{it.A, it.Set}
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
