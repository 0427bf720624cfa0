package form

import (
	"sort"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/msg"
)

// readRuleAnswers reads an item's answers to the rating rules of its
// criterion (criteria/rules.go): one figure per specialist, the counts of a
// ratio, and the further inputs. What they mean is checked against the set
// in Check; here only their form.
func readRuleAnswers(fi *itemYAML, it *Item, file string, ps *msg.Problems) {
	n := it.Criterion
	if fi.Figures != nil {
		it.Figures = []float64{}
		for k, s := range *fi.Figures {
			x, ok := ParseNumber(s.Value)
			if !ok {
				ps.Add(msg.Place{File: file, Line: s.Line}, n, "rules.bad-figures-item", k+1, s.Value)
				continue
			}
			it.Figures = append(it.Figures, x)
		}
	}
	if fi.Counts != nil {
		it.Counts = map[string]float64{}
		for _, id := range sortedKeys(fi.Counts) {
			s := fi.Counts[id]
			x, ok := ParseNumber(s.Value)
			if !ok || x < 0 {
				ps.Add(msg.Place{File: file, Line: s.Line}, n, "rules.bad-count", id, s.Value)
				continue
			}
			it.Counts[id] = x
		}
	}
	if fi.Inputs != nil {
		it.Inputs = map[string]string{}
		for id, s := range fi.Inputs {
			it.Inputs[id] = strings.TrimSpace(s.Value)
		}
	}
}

// writeRuleAnswers is the reverse of readRuleAnswers.
func writeRuleAnswers(it *Item, fi *itemYAML) {
	if it.Figures != nil {
		fs := make([]scalar, len(it.Figures))
		for k, x := range it.Figures {
			fs[k] = scalar{Value: strconv.FormatFloat(x, 'f', -1, 64), Set: true}
		}
		fi.Figures = &fs
	}
	if it.Counts != nil {
		fi.Counts = map[string]scalar{}
		for id, x := range it.Counts {
			fi.Counts[id] = scalar{Value: strconv.FormatFloat(x, 'f', -1, 64), Set: true}
		}
	}
	if it.Inputs != nil {
		fi.Inputs = map[string]scalar{}
		for id, v := range it.Inputs {
			// Text stays text: "yes" and "12" are written as they were read.
			tag := "!!str"
			if _, err := strconv.ParseFloat(v, 64); err == nil {
				tag = ""
			}
			fi.Inputs[id] = scalar{Value: v, Set: true, Tag: tag}
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
