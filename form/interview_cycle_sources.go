package form

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
)

// How the review was made, at the end of the interview: the kind of
// review, the days on site and each criterion's data sources (the scale's
// codes, criteria.DataSources).

// maxDaysOnSite is the most days on site the interview takes: a review
// visit is a day or a few, and a year is past any that is real.
const maxDaysOnSite = 365

// askKind asks for the kind of review: a self-assessment or an external
// review, by the words of any language's message cycleform.kind-words.*
// or the kind's name or id; Enter keeps it.
func (s *session) askKind(kind *string, back bool) error {
	q := question{text: s.t("cycleform.assess.kind"), back: back, answers: s.t("cycleform.assess.kind-answers"), enter: s.t("assess.enter-empty"),
		help: func() { s.printf("cycleform.assess.kind-help") },
		accept: keepOrClear(func() { *kind = "" }, func(answer string) bool {
			k, ok := kindFromAnswer(answer)
			if ok {
				*kind = k
			}
			return ok
		}),
	}
	if *kind != "" {
		q.enter = s.t("review.kind." + *kind)
	}
	return s.ask(q)
}

// kindFromAnswer reads a kind of review as the workbook's drop-down names
// it (reviewKind) or by the shorter words a person types, in any language.
func kindFromAnswer(answer string) (string, bool) {
	if k, ok := reviewKind(answer); ok {
		return k, true
	}
	a := strings.ToLower(strings.TrimSpace(answer))
	for _, k := range []string{ReviewSelf, ReviewExternal} {
		for _, lang := range msg.Locales() {
			if slices.Contains(splitList(strings.ToLower(msg.T(lang, "h16.kind-words."+k)), false), a) {
				return k, true
			}
		}
	}
	return "", false
}

// askDaysOnSite asks for the days the reviewers spent at the service: a
// number 0–365, halves allowed; Enter keeps it, - clears it.
func (s *session) askDaysOnSite(days **float64, back bool) error {
	q := question{text: s.t("cycleform.field.days_on_site"), back: back, answers: s.t("h16.assess.days-answers", maxDaysOnSite),
		enter: s.t("assess.enter-empty"),
		help:  func() { s.printf("h16.assess.days-help") },
		accept: keepOrClear(func() { *days = nil }, func(answer string) bool {
			x, ok := ParseNumber(answer)
			if !ok || strings.HasSuffix(answer, "%") || x < 0 || x > maxDaysOnSite {
				return false
			}
			*days = &x
			return true
		}),
	}
	if *days != nil {
		q.enter = s.number(**days)
	}
	return s.ask(q)
}

// sourceAsks are the data-source questions: whether to go through them
// (Enter keeps a yes when some criterion has sources), then one per
// criterion that has an answer, in the order the criteria were asked.
func (s *session) sourceAsks() []cycleAsk {
	want := false
	var ns []int
	for _, d := range s.iv.Set.Domains {
		for _, c := range s.iv.Set.InDomain(d.ID) {
			it := s.a.Item(c.Number)
			if it == nil || !it.Answered() {
				continue
			}
			ns = append(ns, c.Number)
			want = want || len(it.Sources) > 0
		}
	}
	if len(ns) == 0 {
		return nil
	}
	asks := []cycleAsk{{always, func(back bool) error {
		return s.askYesNo(s.t("h16.assess.sources"), &want, back, "h16.assess.sources-help")
	}}}
	for k, n := range ns {
		asks = append(asks, cycleAsk{func() bool { return want }, func(back bool) error { return s.askSources(n, k == 0, back) }})
	}
	return asks
}

// askSources asks for criterion n's data sources: their numbers, names in
// any language or ids, separated by commas or spaces; Enter keeps them, -
// clears them. The first question lists the sources with their numbers.
func (s *session) askSources(n int, first, back bool) error {
	c := s.iv.Set.Criterion(n)
	q := question{text: s.t("h16.assess.sources-of", n, c.Title.In(s.lang)), back: back,
		answers: s.t("h16.assess.sources-answers", len(criteria.DataSources)), enter: s.t("assess.enter-empty"),
		help: func() { s.printf("h16.assess.sources-list", s.sourceLegend()) },
		accept: func(answer string) bool {
			var ids []string
			switch answer {
			case "":
				return true
			case "-":
			default:
				var ok bool
				if ids, ok = sourcesFromAnswer(answer); !ok {
					return false
				}
			}
			s.setSources(n, ids)
			return true
		},
	}
	if first {
		q.lead = wrap(s.t("h16.assess.sources-list", s.sourceLegend()), s.width(), "  ")
	}
	if it := s.a.Item(n); it != nil && len(it.Sources) > 0 {
		names := make([]string, len(it.Sources))
		for i, id := range it.Sources {
			names[i] = criteria.DataSourceByID(id).Name.In(s.lang)
		}
		q.enter = strings.Join(names, ", ")
	}
	return s.ask(q)
}

// setSources gives criterion n the data sources ids (none for nil),
// dropping an answer that says nothing without them.
func (s *session) setSources(n int, ids []string) {
	it := s.a.Item(n)
	if it == nil {
		it = &Item{Criterion: n}
	}
	v := *it
	v.Sources = ids
	if v.Answered() {
		s.a.SetItem(v)
	} else {
		s.a.removeItem(n)
	}
}

// sourceLegend is "1 asiakasrekisteri ja -kirjaukset, 2 asiakirjat, …".
func (s *session) sourceLegend() string {
	parts := make([]string, len(criteria.DataSources))
	for i, src := range criteria.DataSources {
		parts[i] = fmt.Sprintf("%d %s", i+1, src.Name.In(s.lang))
	}
	return strings.Join(parts, ", ")
}

// sourcesFromAnswer reads data sources as typed: each part between commas
// or semicolons a source's name or id, or numbers and single-word names
// separated by spaces ("1 3"). Each source is kept once, in the order
// typed; false when a part is none of these.
func sourcesFromAnswer(answer string) ([]string, bool) {
	var ids []string
	add := func(id string) {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	for _, part := range splitList(answer, false) {
		if id, ok := sourceID(part); ok {
			add(id)
			continue
		}
		for _, w := range strings.Fields(part) {
			if id, ok := sourceID(w); ok {
				add(id)
				continue
			}
			k, err := strconv.Atoi(w)
			if err != nil || k < 1 || k > len(criteria.DataSources) {
				return nil, false
			}
			add(criteria.DataSources[k-1].ID)
		}
	}
	return ids, len(ids) > 0
}

// alternatives joins answers as the reader's language joins choices:
// "avoin, käynnissä tai valmis".
func (s *session) alternatives(items []string) string {
	return msg.LocaleOf(s.lang).Alternatives(items)
}
