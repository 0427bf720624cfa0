package main

import (
	"bytes"
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
		if isBidForm(path) {
			// A bid form laatu wrote for a profile: the key criteria, the
			// answers and the price on one sheet (or in one CSV file).
			var err error
			if strings.EqualFold(filepath.Ext(path), ".csv") {
				a, ans, err = form.ReadBidFormCSV(path, p)
			} else {
				a, ans, err = form.ReadBidForm(path, p)
			}
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
		} else if path == intake.Stdin && o.Format != "xlsx" && o.Format != "csv" {
			// Standard input: a YAML bid may carry requirements and price.
			b, ps := intake.ReadStdinBytes(o)
			if ps != nil {
				all = append(all, ps...)
				continue
			}
			if o.Format == "yaml" || (o.Format == "" && intake.Sniff(b) == "yaml") {
				var err error
				a, ans, _, err = form.ReadBidYAMLBytes(b, intake.StdinName(o.Lang), setFor)
				if err != nil {
					var ps msg.Problems
					if !errors.As(err, &ps) {
						return nil, nil, err
					}
					all = append(all, intake.Localize(ps)...)
					continue
				}
			} else {
				o2 := o
				o2.Stdin = bytes.NewReader(b)
				it, ps, err := intake.ReadOne(path, o2)
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

// isBidForm reports whether path is a bid form laatu wrote, a workbook or
// a CSV file.
func isBidForm(path string) bool {
	if path == intake.Stdin || intake.SpecialFile(path) != nil {
		return false
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx":
		return form.IsBidForm(path)
	case ".csv":
		return form.IsBidFormCSV(path)
	}
	return false
}
