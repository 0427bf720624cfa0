package report

import (
	"strings"

	"github.com/laatu-fi/laatu/msg"
	"github.com/laatu-fi/laatu/scoring"
)

// The review cycle as tables (issue 16), from the data of CycleOf
// (compare_review.go), for the CSV, XLSX and HTML writers (the workbook and
// the page show CycleTable). Each appears,
// and each column is added, only when some assessment records the cycle,
// so that comparisons of older files stay exactly as they were.

// cycleHeader are the summary's columns of the cycle: the latest
// assessment's kind, whether the trend mixes kinds, the employment rate,
// its change and the benchmark it reaches.
func cycleHeader(l string) []string {
	return []string{msg.T(l, "cmpcycle.col.kind"), msg.T(l, "cmpcycle.col.mixed"), msg.T(l, "cmpcycle.col.rate"),
		msg.T(l, "cmpcycle.col.rate-change"), msg.T(l, "cmpcycle.col.bench")}
}

// rateCell is a rate in per cent, cut to one decimal as pct writes it.
func rateCell(x float64, ok bool) Cell {
	if !ok {
		return Blank()
	}
	return Float(pctCut(x), 1)
}

// pctCut is the rate pct prints: one decimal, cut.
func pctCut(x float64) float64 {
	if x < 0 {
		return -pctCut(-x)
	}
	return float64(int64(x*10)) / 10
}

func benchCell(l string, sc *ServiceCycle) Cell {
	switch {
	case !sc.HasRate:
		return Blank()
	case sc.Bench == nil:
		return Text(msg.T(l, "cmpcycle.below-all"))
	}
	return Text(sc.Bench.Name.In(l))
}

func kindCell(l, kind string) Cell { return Text(kindName(l, kind)) }

// cycleCells are the summary's cycle columns of one service.
func cycleCells(l string, sc *ServiceCycle) []Cell {
	change, ok := sc.RateChange()
	ch := rateCell(change, ok)
	if ok {
		ch.Signed = true
	}
	return []Cell{kindCell(l, sc.Kinds[len(sc.Kinds)-1]), yesNo(l, sc.Mixed), rateCell(sc.Rate, sc.HasRate), ch, benchCell(l, sc)}
}

// CycleTable is one row per service that records the cycle or is due for
// review or overdue on opt.Today: its
// assessments and their kinds, whether the trend mixes them, the rate and
// its benchmark, the next review and where it stands on opt.Today, the
// open and overdue actions of the latest plan (the overdue ones named),
// and the criteria of the previous plan with their levels then and now.
func CycleTable(c *scoring.Comparison, opt CompareOptions) Table {
	l := opt.Lang
	t := Table{Name: msg.T(l, "cmpcycle.table"), RowHeader: 0, Header: []string{
		msg.T(l, "cmpcycle.col.service"), msg.T(l, "cmpcycle.col.kinds"), msg.T(l, "cmpcycle.col.mixed"),
		msg.T(l, "cmpcycle.col.rate"), msg.T(l, "cmpcycle.col.rate-change"), msg.T(l, "cmpcycle.col.bench"),
		msg.T(l, "cmpcycle.col.next"), msg.T(l, "cmpcycle.col.state"), msg.T(l, "cmpcycle.col.open"),
		msg.T(l, "cmpcycle.col.overdue"), msg.T(l, "cmpcycle.col.overdue-list"), msg.T(l, "cmpcycle.col.moves"),
	}}
	for i := range c.Services {
		sc := CycleOf(&c.Services[i], opt.Today)
		if !sc.HasCycle() && sc.State == scoring.ReviewNotDue {
			continue
		}
		sv := sc.Service
		row := []Cell{Text(ServiceName(sv.Provider, sv.Unit)), Text(kindsList(l, &sc))}
		cyc := cycleCells(l, &sc)
		row = append(row, cyc[1:]...)
		state := Blank()
		if !opt.Today.IsZero() && !sc.Next.IsZero() {
			state = Text(stateText(l, sc.State))
		}
		open, overdue, list := Blank(), Blank(), Blank()
		if sc.HasPlan {
			open = Int(len(sc.Open))
			if !opt.Today.IsZero() {
				overdue = Int(len(sc.Overdue))
				var texts []string
				for k := range sc.Overdue {
					texts = append(texts, actionText(l, sv.Latest().Set, &sc.Overdue[k]))
				}
				if len(texts) > 0 {
					list = Text(strings.Join(texts, "\n"))
				}
			}
		}
		moves := Blank()
		if len(sc.Moves) > 0 {
			moves = Text(movesText(l, sc.Moves))
		}
		t.Rows = append(t.Rows, append(row, Date(sc.Next), state, open, overdue, list, moves))
	}
	return t
}

func stateText(l string, st scoring.ReviewState) string {
	switch st {
	case scoring.ReviewOverdue:
		return msg.T(l, "cmpcycle.state.overdue")
	case scoring.ReviewDueSoon:
		return msg.T(l, "cmpcycle.state.due")
	}
	return msg.T(l, "cmpcycle.state.not-due")
}

// kindsList is "20.5.2026 oma-arvio, 20.11.2026 ulkoinen arviointi".
func kindsList(l string, sc *ServiceCycle) string {
	var parts []string
	for k := range sc.Service.History {
		parts = append(parts, dateText(&sc.Service.History[k], l)+" "+kindName(l, sc.Kinds[k]))
	}
	return strings.Join(parts, ", ")
}
