package report

import (
	"strconv"
	"time"

	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// The comparison as tables, shared by the CSV, XLSX and HTML writers.

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

// serviceTitle names a service in a column header, marking an incomplete
// latest assessment.
func serviceTitle(sv *scoring.Service, l string) string {
	name := ServiceName(sv.Provider, sv.Unit)
	if !sv.Latest().Complete {
		name += " (" + msg.T(l, "compare.incomplete") + ")"
	}
	return name
}

// MatrixTable is the criteria × services grid of the latest levels with the
// regional mean, median and how many services are below the threshold.
// Services are columns 3 … 3+len(Services)-1.
func MatrixTable(c *scoring.Comparison, l string) Table {
	t := Table{Name: msg.T(l, "compare.matrix"), RowHeader: 1, Header: []string{
		msg.T(l, "compare.col.number"), msg.T(l, "compare.col.criterion"), msg.T(l, "compare.col.domain"),
	}}
	for i := range c.Services {
		t.Header = append(t.Header, serviceTitle(&c.Services[i], l))
	}
	t.Header = append(t.Header, msg.T(l, "compare.col.mean"), msg.T(l, "compare.col.median"),
		msg.T(l, "compare.col.rated-by"), msg.T(l, "compare.col.below", c.Below))
	for k, st := range c.Criteria {
		cr := st.Criterion
		row := []Cell{Int(cr.Number), Text(cr.Title.In(l)), Text(c.Set.Domain(cr.Domain).Name.In(l))}
		for i := range c.Services {
			row = append(row, Level(c.Services[i].Latest().Level(k)))
		}
		mean, median := Blank(), Blank()
		if st.Rated > 0 {
			mean, median = Float(roundHalfUp(st.Mean), 2), Float(st.Median, 1)
		}
		t.Rows = append(t.Rows, append(row, mean, median, Int(st.Rated), Int(st.Below)))
	}
	return t
}

// RecommendationsTable lists, per service, the criteria below the
// threshold with what the next level asks for, and the criteria not rated.
func RecommendationsTable(c *scoring.Comparison, l string) Table {
	t := Table{Name: msg.T(l, "compare.recommendations"), RowHeader: -1, Header: []string{
		msg.T(l, "compare.col.provider"), msg.T(l, "compare.col.service"), msg.T(l, "compare.col.date"),
		msg.T(l, "compare.col.number"), msg.T(l, "compare.col.title"), msg.T(l, "compare.col.level"),
		msg.T(l, "compare.col.next-level"), msg.T(l, "compare.col.next"),
	}}
	for i := range c.Services {
		sv := &c.Services[i]
		s := sv.Latest()
		for _, r := range sv.Recommendations {
			t.Rows = append(t.Rows, []Cell{Text(sv.Provider), Text(sv.Unit), Date(s.Date), Int(r.Criterion.Number),
				Text(r.Criterion.Title.In(l)), Level(r.Level), Int(r.Next()), Text(r.Criterion.Anchor(r.Next()).In(l))})
		}
		for k, lv := range s.Levels {
			if lv == 0 {
				cr := &c.Set.Criteria[k]
				t.Rows = append(t.Rows, []Cell{Text(sv.Provider), Text(sv.Unit), Date(s.Date), Int(cr.Number),
					Text(cr.Title.In(l)), Blank(), Blank(), Text(msg.T(l, "compare.not-rated"))})
			}
		}
	}
	return t
}

// TrendsTable has, for each service with several assessments, a row per
// assessment (domain scores, total, every criterion's level) and then a
// change row: the latest against the previous. Not comparable changes are
// blank.
func TrendsTable(c *scoring.Comparison, l string) Table {
	t := Table{Name: msg.T(l, "compare.trends"), RowHeader: -1, Header: []string{
		msg.T(l, "compare.col.provider"), msg.T(l, "compare.col.service"), msg.T(l, "compare.col.date"),
	}}
	for _, d := range c.Set.Domains {
		t.Header = append(t.Header, d.Name.In(l))
	}
	t.Header = append(t.Header, msg.T(l, "compare.col.total"), msg.T(l, "compare.col.rated"))
	for _, cr := range c.Set.Criteria {
		t.Header = append(t.Header, strconv.Itoa(cr.Number))
	}
	// With the cycle, the kind of each assessment comes last, so that the
	// levels keep their columns; the change row says whether the trend
	// mixes kinds.
	cycle := hasCycle(c)
	if cycle {
		t.Header = append(t.Header, msg.T(l, "cmpcycle.col.kind"))
	}
	for _, sv := range trendServices(c) {
		for k := range sv.History {
			s := &sv.History[k]
			row := []Cell{Text(sv.Provider), Text(sv.Unit), Date(s.Date)}
			for _, d := range s.Domains {
				row = append(row, Int(d.Score))
			}
			row = append(row, Int(s.Total), Int(s.Rated))
			for n := range s.Levels {
				row = append(row, Level(s.Level(n)))
			}
			if cycle {
				kind := ""
				if s.Cycle != nil {
					kind = s.Cycle.Kind
				}
				row = append(row, kindCell(l, kind))
			}
			t.Rows = append(t.Rows, row)
		}
		row := []Cell{Text(sv.Provider), Text(sv.Unit), Text(msg.T(l, "compare.change-row"))}
		for _, d := range sv.Change.Domains {
			row = append(row, deltaCell(d))
		}
		row = append(row, deltaCell(sv.Change.Total), Blank())
		for _, d := range sv.Change.Criteria {
			row = append(row, deltaCell(d))
		}
		if cycle {
			mixed := Blank()
			if sc := CycleOf(sv, time.Time{}); sc.Mixed {
				mixed = Text(msg.T(l, "cmpcycle.col.mixed"))
			}
			row = append(row, mixed)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
