package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// The consensus report is built once as a Document (ConsensusDocument)
// and written by the shared renderers: text for the terminal, Markdown,
// HTML, XLSX and CSV. Its JSON (consensus.go) is a stable schema of its
// own, and the draft is an assessment file (scoring.Consensus.Draft).

// ConsensusDocument is the consensus of c as a document: the service, the
// set and the raters; the agreement figures with what they rest on; each
// criterion's levels, spread, status and draft level; the criteria to
// discuss with every rater's answer, the rule answers given differently,
// the levels settled within the tolerance, and where the draft is.
func ConsensusDocument(c *scoring.Consensus, opt ConsensusOptions) *Document {
	l := opt.Lang
	first := c.Raters[0].Result.Assessment
	title := msg.T(l, "consensus.title", ServiceName(first.Provider, first.Unit))
	d := &Document{Lang: l, Title: title, Kind: msg.T(l, "cons.kind"), Class: "consensus-report"}

	kf := &KeyFigures{Items: []KeyFigure{{msg.T(l, "score.set"), VText(c.Set.Name.In(l) + " (" + c.Set.Label() + ")")}}}
	if !c.DatesDiffer() && !first.Date.IsZero() {
		kf.Items = append(kf.Items, KeyFigure{msg.T(l, "consensus.date"), VText(dateFor(l, first.DateISO(), first.DateFI()))})
	}
	for i, r := range c.Raters {
		kf.Items = append(kf.Items, KeyFigure{msg.T(l, "cons.rater", raterMark(i)), VText(msg.Clip(r.Label) + " – " + r.Result.Assessment.Source)})
	}
	head := Section{Heading: title, Level: 1, Sheet: msg.T(l, "cons.sheet.agreement"), Blocks: []Block{kf}}
	if c.DatesDiffer() {
		head.Blocks = append(head.Blocks, &Para{Text: msg.T(l, "consensus.dates-differ", datesText(l, c)), Note: true})
	}
	levels := Section{Heading: msg.T(l, "cons.levels"), Sheet: msg.T(l, "cons.sheet.levels"), Blocks: []Block{levelsTable(l, c)}}
	if anyImplied(c) {
		levels.Blocks = append(levels.Blocks, &Para{Text: msg.T(l, "consensus.implied-mark")})
	}

	a := c.Agreement
	basis := msg.T(l, "consensus.basis", a.N, a.Criteria)
	if ex := excluded(c); len(ex) > 0 {
		basis += " " + msg.TN(l, "consensus.excluded", len(ex), numberList(ex))
	}
	figures := &DocTable{Caption: msg.T(l, "cons.figures"), RowHeader: 0, Widths: []float64{44, 14, 16}, Right: []int{1, 2},
		Header: []string{msg.T(l, "consensus.col.figure"), msg.T(l, "consensus.col.value"), msg.T(l, "consensus.col.basis")}}
	for _, row := range agreementRows(l, a) {
		figures.Rows = append(figures.Rows, []Value{VText(row[0]), VText(row[1]), VText(row[2])})
	}
	agreement := Section{Heading: msg.T(l, "consensus.agreement"),
		Blocks: []Block{&Para{Text: basis}, figures, &Para{Text: kappaNote(l, a.Kappa)}}}

	// The criteria to discuss, the rule answers given differently and
	// what the draft holds: what the raters' meeting works from.
	discuss := Section{Heading: msg.T(l, "cons.discuss.heading"), Sheet: msg.T(l, "cons.sheet.discuss")}
	if ds := c.Discuss(); len(ds) == 0 {
		discuss.Blocks = append(discuss.Blocks, &Para{Text: msg.T(l, "consensus.discuss-none")})
	} else {
		discuss.Heading = msg.T(l, "consensus.discuss", c.Tolerance, len(ds))
		list := &DocList{}
		for _, it := range ds {
			item := ListItem{Title: fmt.Sprintf("%d %s: %s", it.Number(), it.Criterion.Title.In(l), discussReason(l, it))}
			for i, r := range c.Raters {
				item.Detail = append(item.Detail, Detail{Label: raterMark(i) + " " + msg.Clip(r.Label), Text: ratingText(l, it.Ratings[i])})
			}
			list.Items = append(list.Items, item)
		}
		discuss.Blocks = append(discuss.Blocks, list)
	}
	if ds := ruleDiffs(c); len(ds) > 0 {
		list := &DocList{}
		for _, df := range ds {
			item := ListItem{Title: fmt.Sprintf("%d %s: %s", df.item.Number(), df.item.Criterion.Title.In(l), df.diff.Name(l, df.item.Criterion))}
			for i, r := range c.Raters {
				item.Detail = append(item.Detail, Detail{Label: raterMark(i) + " " + msg.Clip(r.Label), Text: df.diff.Text(l, df.item.Criterion, i)})
			}
			list.Items = append(list.Items, item)
		}
		discuss.Blocks = append(discuss.Blocks, &Para{Text: msg.T(l, "consensus.rules.differ")}, list)
	}
	if wt := withinText(l, c); wt != "" {
		discuss.Blocks = append(discuss.Blocks, &Para{Text: msg.T(l, "consensus.within", wt)})
	}
	discuss.Blocks = append(discuss.Blocks, &Para{Text: draftLine(l, c, opt.Draft), Note: true})

	// The agreement first, then the levels it rests on, then what the
	// raters' meeting has to settle.
	d.Sections = []Section{head, agreement, levels, discuss}
	// CSV: the levels with each rater named in the column's header (a
	// file read alone has no key figures), then the agreement figures.
	table := levelsOf(levels)
	data := *table
	data.Header = append([]string(nil), table.Header...)
	for i, r := range c.Raters {
		data.Header[2+i] = raterMark(i) + " " + msg.Clip(r.Label)
	}
	d.Data = &data
	figures.CSV = true
	return d
}

// levelsOf is the levels table of the report's first section.
func levelsOf(s Section) *DocTable {
	for _, b := range s.Blocks {
		if t, ok := b.(*DocTable); ok {
			return t
		}
	}
	return nil
}

// levelsTable is every criterion with each rater's level ("4*" when
// implied, a dash when not given), the spread, the status and the level
// the draft records.
func levelsTable(l string, c *scoring.Consensus) *DocTable {
	t := &DocTable{Caption: msg.T(l, "cons.levels.table"), RowHeader: -1,
		Header:  []string{"#", msg.T(l, "consensus.col.criterion")},
		Widths:  []float64{5, 52},
		Wrap:    []int{1},
		TextMax: []int{0, titleWidth}}
	for i := range c.Raters {
		t.Header = append(t.Header, raterMark(i))
		t.Widths = append(t.Widths, 6)
	}
	t.Header = append(t.Header, msg.T(l, "consensus.col.spread"), msg.T(l, "consensus.col.status"), msg.T(l, "consensus.col.draft"))
	t.Widths = append(t.Widths, 7, 20, 8)
	for _, it := range c.Items {
		row := []Value{VInt(it.Number()), VText(it.Criterion.Title.In(l))}
		for _, ir := range it.Ratings {
			row = append(row, levelValue(ir))
		}
		spread := Value{}
		if it.Status != scoring.StatusUnrated && it.Status != scoring.StatusPartial {
			spread = VInt(it.Spread)
		}
		row = append(row, spread, VText(statusText(l, it.Status)), VLevel(it.Level))
		t.Rows = append(t.Rows, row)
	}
	return t
}

// levelValue is a rater's level: a level, "4*" when implied by a figure
// or checklist (levelCell), or blank when not given.
func levelValue(ir scoring.ItemResult) Value {
	switch {
	case ir.Missing():
		return Value{}
	case ir.Given == 0:
		return VText(levelCell(ir))
	}
	return VLevel(ir.Level)
}

// ConsensusText writes the consensus report for a terminal or a .txt file.
func ConsensusText(w io.Writer, c *scoring.Consensus, opt ConsensusOptions) error {
	return WriteDocText(w, ConsensusDocument(c, opt), opt.Width)
}

// ConsensusMarkdown writes the consensus report as Markdown.
func ConsensusMarkdown(w io.Writer, c *scoring.Consensus, opt ConsensusOptions) error {
	return WriteDocMarkdown(w, ConsensusDocument(c, opt))
}

// ConsensusHTML writes the consensus report as one printable HTML page.
func ConsensusHTML(w io.Writer, c *scoring.Consensus, opt ConsensusOptions) error {
	return WriteDocHTML(w, ConsensusDocument(c, opt))
}

// ConsensusXLSX writes the consensus report as a workbook: a sheet of the
// agreement, one of the levels and one of what to discuss.
func ConsensusXLSX(w io.Writer, c *scoring.Consensus, opt ConsensusOptions) error {
	return WriteDocXLSX(w, ConsensusDocument(c, opt))
}

// ConsensusCSV writes the consensus report's tables as CSV (WriteDocCSV):
// the levels by criterion, then the agreement figures, each after its
// caption.
func ConsensusCSV(w io.Writer, c *scoring.Consensus, opt ConsensusOptions, csv CSVOptions) error {
	return WriteDocCSV(w, ConsensusDocument(c, opt), csv)
}

// discussReason is "spread 2", or the status when some raters gave none.
func discussReason(lang string, it scoring.ConsensusItem) string {
	if it.Status == scoring.StatusPartial {
		return statusText(lang, it.Status)
	}
	return msg.T(lang, "consensus.spread", it.Spread)
}

// titleWidth bounds criterion titles in the terminal table so that two or
// three rater columns fit in 100 columns; the full titles are in every
// other format and in `laatu criteria show`.
const titleWidth = 40

// shorten cuts s to at most n runes, marking the cut with an ellipsis.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// itemDiff is one rule answer of one criterion that the raters gave
// differently.
type itemDiff struct {
	item scoring.ConsensusItem
	diff scoring.AnswerDiff
}

// ruleDiffs lists, criterion by criterion, the rating rules' answers the
// raters gave differently (per-specialist figures, counts, further
// questions): the draft keeps none of them.
func ruleDiffs(c *scoring.Consensus) []itemDiff {
	var ds []itemDiff
	for _, it := range c.Items {
		_, diffs := scoring.RuleAnswers(it.Answers)
		for _, d := range diffs {
			ds = append(ds, itemDiff{it, d})
		}
	}
	return ds
}
