package report

import (
	"time"

	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// The comparison as tables for the CSV writer: the tidy long table and the
// summary (compare_doc.go's Data).

func yesNo(l string, b bool) Cell {
	if b {
		return Text(msg.T(l, "compare.yes"))
	}
	return Text(msg.T(l, "compare.no"))
}

func deltaCell(d scoring.Delta) Cell {
	if !d.OK {
		return Blank()
	}
	c := Int(d.Value)
	c.Signed = true
	return c
}

// longHeader is the header of the tidy long table; with the cycle, the
// kind of the assessment and its employment rate.
func longHeader(l string, cycle bool) []string {
	h := []string{
		msg.T(l, "compare.col.provider"), msg.T(l, "compare.col.service"), msg.T(l, "compare.col.date"),
		msg.T(l, "compare.col.number"), msg.T(l, "compare.col.title"), msg.T(l, "compare.col.domain"),
		msg.T(l, "compare.col.level"), msg.T(l, "compare.col.complete"), msg.T(l, "compare.col.file"),
	}
	if cycle {
		h = append(h, msg.T(l, "cmpcycle.col.kind"), msg.T(l, "cmpcycle.col.rate"))
	}
	return h
}

// eachLongRow yields the tidy table one row at a time: a row per
// assessment and criterion, every date of every service, for pivot tables
// and Power BI. A criterion not rated has an empty level. The row slice is
// reused between calls.
func eachLongRow(c *scoring.Comparison, l string, yield func([]Cell) error) error {
	titles := make([]Cell, len(c.Set.Criteria))
	domains := make([]Cell, len(c.Set.Criteria))
	for n := range c.Set.Criteria {
		cr := &c.Set.Criteria[n]
		titles[n] = Text(cr.Title.In(l))
		domains[n] = Text(c.Set.Domain(cr.Domain).Name.In(l))
	}
	yes, no := yesNo(l, true), yesNo(l, false)
	cycle := hasCycle(c)
	row := make([]Cell, 11)
	for i := range c.Services {
		sv := &c.Services[i]
		for k := range sv.History {
			s := &sv.History[k]
			complete := no
			if s.Complete {
				complete = yes
			}
			for n := range c.Set.Criteria {
				row = append(row[:0], Text(sv.Provider), Text(sv.Unit), Date(s.Date), Int(c.Set.Criteria[n].Number),
					titles[n], domains[n], Level(s.Level(n)), complete, Text(s.Source))
				if cycle {
					kind, rate := "", Blank()
					if s.Cycle != nil {
						kind, rate = s.Cycle.Kind, rateCell(s.Cycle.Rate, s.Cycle.HasRate)
					}
					row = append(row, kindCell(l, kind), rate)
				}
				if err := yield(row); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// SummaryTable is one row per service: its latest assessment's domain
// scores and means, total, band and the change since the previous one.
func SummaryTable(c *scoring.Comparison, l string) Table {
	t := Table{Name: msg.T(l, "compare.summary"), RowHeader: 2, Header: []string{
		msg.T(l, "compare.col.rank"), msg.T(l, "compare.col.provider"), msg.T(l, "compare.col.service"), msg.T(l, "compare.col.date"),
	}}
	for _, d := range c.Set.Domains {
		t.Header = append(t.Header, msg.T(l, "compare.col.domain-score", d.Name.In(l)))
	}
	for _, d := range c.Set.Domains {
		t.Header = append(t.Header, msg.T(l, "compare.col.domain-mean", d.Name.In(l)))
	}
	t.Header = append(t.Header,
		msg.T(l, "compare.col.total"), msg.T(l, "compare.col.max"), msg.T(l, "compare.col.rated"), msg.T(l, "compare.col.count"),
		msg.T(l, "compare.col.mean"), msg.T(l, "compare.col.band"), msg.T(l, "compare.col.complete"),
		msg.T(l, "compare.col.change"), msg.T(l, "compare.col.previous"), msg.T(l, "compare.col.file"))
	cycle := hasCycle(c)
	if cycle {
		t.Header = append(t.Header, cycleHeader(l)...)
	}
	for i := range c.Services {
		sv := &c.Services[i]
		s := sv.Latest()
		rank := Blank()
		if sv.Rank > 0 {
			rank = Int(sv.Rank)
		}
		row := []Cell{rank, Text(sv.Provider), Text(sv.Unit), Date(s.Date)}
		for _, d := range s.Domains {
			row = append(row, Int(d.Score))
		}
		for _, d := range s.Domains {
			if d.Rated == 0 {
				row = append(row, Blank())
				continue
			}
			row = append(row, Float(roundHalfUp(d.Mean), 2))
		}
		mean := Blank()
		if s.Rated > 0 {
			mean = Float(roundHalfUp(s.Mean()), 2)
		}
		change, prev := Blank(), Blank()
		if sv.Change != nil {
			change = deltaCell(sv.Change.Total)
			prev = Date(sv.Previous().Date)
		}
		band := Text(bandText(s, l))
		row = append(row, Int(s.Total), Int(s.Max), Int(s.Rated), Int(s.Count), mean, band,
			yesNo(l, s.Complete), change, prev, Text(s.Source))
		if cycle {
			sc := CycleOf(sv, time.Time{})
			row = append(row, cycleCells(l, &sc)...)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
