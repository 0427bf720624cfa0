package scoring

import (
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/laatu-fi/laatu/form"
	"github.com/laatu-fi/laatu/msg"
)

// The review cycle in the consensus draft. Outcomes, how the review was
// made, the data sources and the plan are facts about the service and the
// review, not ratings: the draft keeps each of them that every rater who
// gives it gives alike, and CycleDifferences lists the rest for the raters
// to settle. A field only some raters give is no difference.

// draftCycle sets the agreed cycle fields of d.
func (c *Consensus) draftCycle(d *form.Assessment) {
	var outs []*form.Outcomes
	var revs []*form.Review
	for _, r := range c.Raters {
		a := r.Result.Assessment
		outs = append(outs, a.Outcomes)
		revs = append(revs, a.Review)
	}
	o := &form.Outcomes{}
	has := false
	for _, f := range outcomeFields {
		if v, ok := agreed(outs, f.get); ok {
			f.set(o, v)
			has = true
		}
	}
	if has {
		d.Outcomes = o
	}
	rv := &form.Review{}
	has = false
	for _, f := range reviewFields {
		if v, ok := agreed(revs, f.get); ok {
			f.set(rv, v)
			has = true
		}
	}
	if has {
		d.Review = rv
	}
	for i := range d.Items {
		n := d.Items[i].Criterion
		var items []*form.Item
		for _, r := range c.Raters {
			items = append(items, r.Result.Assessment.Item(n))
		}
		if v, ok := agreed(items, func(it *form.Item) any { return nonEmpty(it.Sources) }); ok {
			d.Items[i].Sources = v.([]string)
		}
	}
	agreedPlan, _ := c.planAgreement()
	d.Plan = agreedPlan
}

// cycleField reads and writes one field of T; get returns nil when the
// field is not given.
type cycleField[T any] struct {
	key string // the message key of its label
	get func(*T) any
	set func(*T, any)
	str func(lang string, v any) string
}

func nonEmpty(s []string) any {
	if len(s) == 0 {
		return nil
	}
	return s
}

func intField(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func dateField(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

func intText(_ string, v any) string { return strconv.Itoa(v.(int)) }

func dayText(lang string, v any) string {
	t := v.(time.Time)
	return t.Format(msg.T(lang, "cycleform.date-layout"))
}

var outcomeFields = []cycleField[form.Outcomes]{
	{"cycleform.field.period_start", func(o *form.Outcomes) any { return dateField(o.Start) }, func(o *form.Outcomes, v any) { o.Start = v.(time.Time) }, dayText},
	{"cycleform.field.period_end", func(o *form.Outcomes) any { return dateField(o.End) }, func(o *form.Outcomes, v any) { o.End = v.(time.Time) }, dayText},
	{"cycleform.field.caseload", func(o *form.Outcomes) any { return intField(o.Caseload) }, func(o *form.Outcomes, v any) { n := v.(int); o.Caseload = &n }, intText},
	{"cycleform.field.competitive_work", func(o *form.Outcomes) any { return intField(o.CompetitiveWork) }, func(o *form.Outcomes, v any) { n := v.(int); o.CompetitiveWork = &n }, intText},
	{"cycleform.field.job_starts", func(o *form.Outcomes) any { return intField(o.JobStarts) }, func(o *form.Outcomes, v any) { n := v.(int); o.JobStarts = &n }, intText},
	{"cycleform.field.jobs_ended", func(o *form.Outcomes) any { return intField(o.JobsEnded) }, func(o *form.Outcomes, v any) { n := v.(int); o.JobsEnded = &n }, intText},
}

var reviewFields = []cycleField[form.Review]{
	{"cycleform.field.review_kind", func(r *form.Review) any {
		if r.Kind == "" {
			return nil
		}
		return r.Kind
	}, func(r *form.Review, v any) { r.Kind = v.(string) }, func(lang string, v any) string { return msg.T(lang, "review.kind."+v.(string)) }},
	{"cycleform.field.reviewers", func(r *form.Review) any { return nonEmpty(r.Reviewers) }, func(r *form.Review, v any) { r.Reviewers = v.([]string) },
		func(_ string, v any) string { return strings.Join(v.([]string), ", ") }},
	{"cycleform.field.organisation", func(r *form.Review) any {
		if r.Organisation == "" {
			return nil
		}
		return r.Organisation
	}, func(r *form.Review, v any) { r.Organisation = v.(string) }, func(_ string, v any) string { return v.(string) }},
	{"cycleform.field.days_on_site", func(r *form.Review) any {
		if r.DaysOnSite == nil {
			return nil
		}
		return *r.DaysOnSite
	}, func(r *form.Review, v any) { x := v.(float64); r.DaysOnSite = &x }, func(lang string, v any) string { return msg.Number(v.(float64)).In(lang) }},
}

// agreed returns the value get gives for every non-nil xs that gives one,
// when they are all alike, and whether there is one.
func agreed[T any](xs []*T, get func(*T) any) (any, bool) {
	var v any
	for _, x := range xs {
		if x == nil {
			continue
		}
		g := get(x)
		if g == nil {
			continue
		}
		if v != nil && !reflect.DeepEqual(v, g) {
			return nil, false
		}
		v = g
	}
	return v, v != nil
}

// differing lists each rater's value of a field the raters give unlike:
// "Anna Arvioija 40, Pekka Parivirta 42".
func differing[T any](lang string, labels []string, xs []*T, f cycleField[T]) string {
	if _, ok := agreed(xs, f.get); ok {
		return ""
	}
	var parts []string
	any := false
	for i, x := range xs {
		if x == nil {
			continue
		}
		if v := f.get(x); v != nil {
			parts = append(parts, labels[i]+" "+f.str(lang, v))
			any = true
		}
	}
	if !any {
		return ""
	}
	return msg.T(lang, f.key) + ": " + strings.Join(parts, ", ")
}

// planKey identifies an action across the raters' files.
func planKey(a form.Action) string {
	return strconv.Itoa(a.Criterion) + "\x00" + strings.TrimSpace(a.Action)
}

// planAgreement splits the raters' actions into those every rater with a
// plan has alike (owner, due date and status too), in the first plan's
// order, and the rest, each with the label of the rater who wrote it.
func (c *Consensus) planAgreement() (agreedPlan []form.Action, rest []string) {
	var plans [][]form.Action
	var labels []string
	for _, r := range c.Raters {
		if p := r.Result.Assessment.Plan; len(p) > 0 {
			plans = append(plans, p)
			labels = append(labels, r.Label)
		}
	}
	if len(plans) == 0 {
		return nil, nil
	}
	same := func(a, b form.Action) bool {
		return planKey(a) == planKey(b) && a.Owner == b.Owner && a.Due.Equal(b.Due) && a.Status == b.Status
	}
	inAll := func(a form.Action) bool {
		for _, p := range plans {
			found := false
			for _, b := range p {
				found = found || same(a, b)
			}
			if !found {
				return false
			}
		}
		return true
	}
	for _, a := range plans[0] {
		if inAll(a) {
			a.Place = msg.Place{}
			agreedPlan = append(agreedPlan, a)
		}
	}
	for i, p := range plans {
		for _, a := range p {
			if !inAll(a) {
				rest = append(rest, labels[i]+": "+strconv.Itoa(a.Criterion)+" – "+a.Action)
			}
		}
	}
	return agreedPlan, rest
}

// CycleDifferences lists, in lang, the review-cycle fields the raters give
// unlike — outcomes, review, data sources — and the actions not every
// rater's plan has alike. The draft's notes carry them.
func (c *Consensus) CycleDifferences(lang string) []string {
	labels := make([]string, len(c.Raters))
	var outs []*form.Outcomes
	var revs []*form.Review
	for i, r := range c.Raters {
		labels[i] = r.Label
		outs = append(outs, r.Result.Assessment.Outcomes)
		revs = append(revs, r.Result.Assessment.Review)
	}
	var out []string
	for _, f := range outcomeFields {
		if s := differing(lang, labels, outs, f); s != "" {
			out = append(out, s)
		}
	}
	for _, f := range reviewFields {
		if s := differing(lang, labels, revs, f); s != "" {
			out = append(out, s)
		}
	}
	sources := cycleField[form.Item]{key: "", get: func(it *form.Item) any { return nonEmpty(it.Sources) },
		str: func(_ string, v any) string { return strings.Join(v.([]string), ", ") }}
	for i := range c.Set.Criteria {
		n := c.Set.Criteria[i].Number
		var items []*form.Item
		for _, r := range c.Raters {
			items = append(items, r.Result.Assessment.Item(n))
		}
		sources.key = "cycleform.draft.sources"
		if s := differing(lang, labels, items, sources); s != "" {
			out = append(out, strconv.Itoa(n)+" "+s)
		}
	}
	if _, rest := c.planAgreement(); len(rest) > 0 {
		out = append(out, msg.T(lang, "cycleform.draft.plan")+": "+strings.Join(rest, "; "))
	}
	return out
}
