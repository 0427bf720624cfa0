package report

import (
	"io"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// plainLines is plainTable's tablewriter renderer: the Blueprint that
// draws the table, except that it writes a header or row line itself
// when every cell of the line is a plain one (no merge, one space of
// padding each side, aligned left or right, narrower than its column).
// Those are the lines of laatu's tables; the Blueprint would give them
// the same bytes, but it measures each cell's text half a dozen times
// and builds it from pieces, which was about half of the time of a
// thousand tables. Any other line, the line under the header and
// footers are the Blueprint's own.
type plainLines struct {
	*renderer.Blueprint
	w    io.Writer
	line []byte
}

func (p *plainLines) Start(w io.Writer) error {
	p.w = w
	return p.Blueprint.Start(w)
}

func (p *plainLines) Header(headers [][]string, ctx tw.Formatting) {
	if !p.writeLine(ctx) {
		p.Blueprint.Header(headers, ctx)
	}
}

func (p *plainLines) Row(row []string, ctx tw.Formatting) {
	if !p.writeLine(ctx) {
		p.Blueprint.Row(row, ctx)
	}
}

// writeLine writes the line ctx describes when all its cells are plain,
// and reports whether it did; it writes nothing otherwise.
func (p *plainLines) writeLine(ctx tw.Formatting) bool {
	cols := 0
	for c := range ctx.Row.Widths {
		cols = max(cols, c+1)
	}
	line := p.line[:0]
	for c := range cols {
		width := ctx.Row.Widths[c]
		if width <= 0 {
			continue // a hidden column: the Blueprint writes nothing
		}
		cell, ok := ctx.Row.Current[c]
		if !ok {
			line = appendSpaces(line, width)
			continue
		}
		if cell.Merge != (tw.MergeState{}) || cell.Padding.Left != " " || cell.Padding.Right != " " {
			return false
		}
		w := twwidth.Width(cell.Data)
		if w+2 > width {
			return false
		}
		switch cell.Align {
		case tw.AlignLeft:
			line = append(line, ' ')
			line = append(line, cell.Data...)
			line = appendSpaces(line, width-w-1)
		case tw.AlignRight:
			line = appendSpaces(line, width-w-1)
			line = append(line, cell.Data...)
			line = append(line, ' ')
		default:
			return false
		}
	}
	line = append(line, '\n')
	p.line = line
	p.w.Write(line)
	return true
}

func appendSpaces(b []byte, n int) []byte {
	for range n {
		b = append(b, ' ')
	}
	return b
}
