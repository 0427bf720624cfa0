package main

import (
	"errors"
	"path/filepath"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/intake"
	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// readBids reads, checks and scores every bid, with its answers to the
// profile's own requirements and its price (a YAML bid's requirements and
// price keys). Problems from every file come together: the assessments',
// the answers' and, across bids, prices in different units.
func readBids(in intake.Inputs, o intake.Options, set *criteria.Set, p *criteria.Profile) ([]scoring.Result, []*form.BidAnswers, error) {
	var all msg.Problems
	var results []scoring.Result
	var answers []*form.BidAnswers
	setFor := func(*form.Assessment) (*criteria.Set, msg.Problems) { return set, nil }
	for _, path := range in.Files {
		var (
			a   *form.Assessment
			ans *form.BidAnswers
		)
		if path != intake.Stdin && strings.EqualFold(filepath.Ext(path), ".xlsx") && intake.SpecialFile(path) == nil && form.IsBidForm(path) {
			// A bid form laatu wrote for a profile: the key criteria, the
			// answers and the price on one sheet.
			var err error
			a, ans, err = form.ReadBidForm(path, p)
			if err == nil {
				if ps := form.Check(a, set); len(ps) > 0 {
					err = ps.Err()
				}
			}
			if err != nil {
				var ps msg.Problems
				if !errors.As(err, &ps) {
					return nil, nil, err
				}
				all = append(all, intake.Localize(ps)...)
				continue
			}
		} else if path != intake.Stdin && form.IsYAMLFile(path) && intake.SpecialFile(path) == nil {
			var err error
			a, ans, _, err = form.ReadBidChecked(path, o.Limits, setFor)
			if err != nil {
				var ps msg.Problems
				if !errors.As(err, &ps) {
					return nil, nil, err
				}
				all = append(all, intake.Localize(ps)...)
				continue
			}
		} else {
			it, ps, err := intake.ReadOne(path, o)
			if err != nil {
				return nil, nil, err
			}
			if len(ps) > 0 {
				all = append(all, ps...)
				continue
			}
			a = it.A
			ans = &form.BidAnswers{Source: a.Source, Answers: map[string]*form.BidAnswer{}, Place: msg.Place{File: a.Source}}
		}
		ps := form.CheckBidAnswers(p, ans)
		if ans.Price != nil && p.Comparison == nil {
			ps.Add(ans.Price.Place, 0, "tender.price.not-compared", p.Label())
		}
		if len(ps) > 0 {
			all = append(all, ps...)
			continue
		}
		results = append(results, scoring.Score(set, a))
		answers = append(answers, ans)
	}
	if len(all) == 0 {
		all = form.CheckPriceUnits(p, answers)
	}
	if err := all.Err(); err != nil {
		return nil, nil, err
	}
	return results, answers, nil
}
