package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/laatu-fi/laatu/criteria"
	"github.com/laatu-fi/laatu/msg"
)

// SetList writes a table of criteria sets.
func SetList(w io.Writer, sets []*criteria.Set, lang string) (err error) {
	o := newOut(w)
	w = o
	defer o.finish(&err)
	t := newPlainTable(w, msg.T(lang, "criteria.col.id"), msg.T(lang, "criteria.col.version"),
		msg.T(lang, "criteria.col.criteria"), msg.T(lang, "criteria.col.languages"), msg.T(lang, "criteria.col.name"))
	for _, s := range sets {
		id := s.ID
		if id == criteria.DefaultID {
			id += " *"
		}
		t.add(id, s.Version, fmt.Sprint(len(s.Criteria)), strings.Join(s.Languages, ", "), s.Name.In(lang))
	}
	if err := t.render(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%s\n", msg.T(lang, "criteria.list-footer"))
	return nil
}

// Criteria writes the given criteria of a set in full: title, domain, ideal,
// the five anchors, the figure or checklist that implies a level and the
// further questions, wrapped to DefaultWidth.
func Criteria(w io.Writer, set *criteria.Set, cs []*criteria.Criterion, lang string) error {
	return CriteriaWidth(w, set, cs, lang, 0)
}

// CriteriaWidth is Criteria wrapped to width, the terminal's (0:
// DefaultWidth).
func CriteriaWidth(w io.Writer, set *criteria.Set, cs []*criteria.Criterion, lang string, width int) (err error) {
	o := newOut(w)
	w = o
	defer o.finish(&err)
	fmt.Fprintf(w, "%s (%s)\n", set.Name.In(lang), set.Label())
	for _, c := range cs {
		fmt.Fprintln(w)
		criterionText(w, set, c, lang, textWidth(width))
	}
	return nil
}

// CriterionText writes one criterion in full.
func CriterionText(w io.Writer, set *criteria.Set, c *criteria.Criterion, lang string) {
	criterionText(w, set, c, lang, DefaultWidth)
}

func criterionText(w io.Writer, set *criteria.Set, c *criteria.Criterion, lang string, DefaultWidth int) {
	title := fmt.Sprintf("%d. %s", c.Number, c.Title.In(lang))
	fmt.Fprintln(w, title)
	fmt.Fprintln(w, strings.Repeat("-", len([]rune(title))))
	if d := set.Domain(c.Domain); d != nil {
		fmt.Fprintf(w, "%s: %s\n", msg.T(lang, "criteria.domain"), d.Name.In(lang))
	}
	fmt.Fprintln(w, wrap(msg.T(lang, "criteria.ideal")+": "+c.Ideal.In(lang), DefaultWidth, "  "))
	if h := c.Help.In(lang); h != "" {
		fmt.Fprintln(w, wrap(msg.T(lang, "criteria.help")+": "+h, DefaultWidth, "  "))
	}
	fmt.Fprintln(w)
	for level := criteria.MaxLevel; level >= criteria.MinLevel; level-- {
		fmt.Fprintf(w, "  %d  %s\n", level, wrap(c.Anchor(level).In(lang), DefaultWidth-5, "     "))
	}
	if m := c.Measure; m != nil {
		fmt.Fprintf(w, "\n%s\n", wrap(fmt.Sprintf("%s: %s (%s)", msg.T(lang, "criteria.measure"), m.Name.In(lang), m.Unit.In(lang)), DefaultWidth, "  "))
		if len(m.Points) > 0 {
			measurePoints(w, m, lang, DefaultWidth)
		} else {
			for level := criteria.MaxLevel; level >= criteria.MinLevel; level-- {
				if r := m.Span(level); r != nil {
					fmt.Fprintf(w, "  %d  %s\n", level, RangeText(lang, *r))
				}
			}
		}
		measureInputs(w, m, lang, DefaultWidth)
	}
	if cl := c.Checklist; cl != nil {
		fmt.Fprintf(w, "\n%s:\n", msg.T(lang, "criteria.checklist"))
		for _, e := range cl.Elements {
			fmt.Fprintf(w, "  - %s\n    [%s]\n", wrap(e.Text.In(lang), DefaultWidth-4, "    "), e.ID)
		}
		fmt.Fprintf(w, "  %s\n", ChecklistRule(lang, cl))
	}
	criterionInputs(w, c, lang, DefaultWidth)
}

// RangeText writes a measure range as "> 20 – ≤ 25".
func RangeText(lang string, r criteria.Range) string {
	var parts []string
	if r.Min != nil {
		parts = append(parts, "≥ "+Figure(lang, *r.Min))
	}
	if r.Above != nil {
		parts = append(parts, "> "+Figure(lang, *r.Above))
	}
	if r.Max != nil {
		parts = append(parts, "≤ "+Figure(lang, *r.Max))
	}
	if r.Below != nil {
		parts = append(parts, "< "+Figure(lang, *r.Below))
	}
	return strings.Join(parts, msg.T(lang, "criteria.and"))
}

// ChecklistRule says how the count of elements present maps to a level:
// "0–1 → 1, 2 → 2, …".
func ChecklistRule(lang string, cl *criteria.Checklist) string {
	var parts []string
	for i := 0; i < len(cl.LevelsByCount); {
		j := i
		for j+1 < len(cl.LevelsByCount) && cl.LevelsByCount[j+1] == cl.LevelsByCount[i] {
			j++
		}
		span := fmt.Sprint(i)
		if j > i {
			span = fmt.Sprintf("%d–%d", i, j)
		}
		parts = append(parts, fmt.Sprintf("%s → %d", span, cl.LevelsByCount[i]))
		i = j + 1
	}
	return msg.T(lang, "criteria.checklist-rule", strings.Join(parts, ", "))
}
