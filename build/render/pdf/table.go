package pdf

import "github.com/rgpdoc/rgpdoc/build/doc"

// row is a table row: its cells side by side, drawn and, when taller than a
// page, split by the paginator.
type row struct {
	cells  []cell
	h      float64
	header bool
	// head is the header row of the table, repeated on each page the table
	// crosses.
	head *row
}

type cell struct {
	x, w  float64
	items []item
}

func (l *layout) table(out []item, t *doc.Table, w float64) []item {
	ncol := len(t.Header)
	for _, r := range t.Rows {
		ncol = max(ncol, len(r))
	}
	if ncol == 0 {
		return out
	}
	xs := columns(t.Widths, ncol, w)
	if t.Caption != "" {
		start := len(out)
		out = l.paragraph(out, doc.Inline{{Text: t.Caption}}, runStyle{face: bold, color: l.th.ink}, bodyText, w)
		for i := start; i < len(out); i++ {
			out[i].keep = true
		}
		out = append(out, item{h: 1.5, keep: true})
	}
	var head *row
	if len(t.Header) > 0 {
		cells := make([]doc.Cell, len(t.Header))
		for i, h := range t.Header {
			cells[i] = doc.Cell{&doc.Paragraph{Text: doc.Inline{{Text: h, Strong: true}}}}
		}
		head = l.row(cells, xs)
		head.header = true
		out = append(out, item{h: head.h, row: head, keep: true})
	}
	for _, cells := range t.Rows {
		r := l.row(cells, xs)
		r.head = head
		out = append(out, item{h: r.h, row: r})
	}
	return out
}

// columns returns the left edges of the columns and, last, the right edge.
func columns(widths []float64, n int, w float64) []float64 {
	sum := 0.0
	for _, x := range widths {
		sum += x
	}
	xs := make([]float64, n+1)
	for i := range n {
		cw := w / float64(n)
		if len(widths) == n && sum > 0 {
			cw = w * widths[i] / sum
		}
		xs[i+1] = xs[i] + cw
	}
	return xs
}

func (l *layout) row(cells []doc.Cell, xs []float64) *row {
	r := &row{cells: make([]cell, len(xs)-1)}
	for i := range r.cells {
		c := cell{x: xs[i], w: xs[i+1] - xs[i]}
		if i < len(cells) {
			c.items = l.blocks(nil, cells[i], tableText, c.w-2*cellPadX, 0)
		}
		r.cells[i] = c
		r.h = max(r.h, height(c.items))
	}
	r.h += 2 * cellPadY
	return r
}

func height(items []item) float64 {
	h := 0.0
	for _, it := range items {
		h += it.h
	}
	return h
}

// minH is the least height a part of the row can have: its first lines.
func (r *row) minH() float64 {
	h := 0.0
	for _, c := range r.cells {
		if len(c.items) > 0 {
			h = max(h, c.items[0].h)
		}
	}
	return h + 2*cellPadY
}

// split cuts the row so that its first part is at most h high. first is nil
// when not even one line of each cell fits; rest is nil when all of it fits.
func (r *row) split(h float64) (first, rest *row) {
	first = &row{cells: make([]cell, len(r.cells)), header: r.header, head: r.head}
	rest = &row{cells: make([]cell, len(r.cells)), header: r.header, head: r.head}
	fits, left := false, false
	for i, c := range r.cells {
		used, n := 0.0, 0
		for n < len(c.items) && used+c.items[n].h <= h-2*cellPadY {
			used += c.items[n].h
			n++
		}
		fits = fits || n > 0
		first.cells[i] = cell{x: c.x, w: c.w, items: c.items[:n]}
		first.h = max(first.h, used)
		tail := c.items[n:]
		for len(tail) > 0 && tail[0].glue {
			tail = tail[1:]
		}
		left = left || len(tail) > 0
		rest.cells[i] = cell{x: c.x, w: c.w, items: tail}
		rest.h = max(rest.h, height(tail))
	}
	if !fits {
		return nil, r
	}
	if !left {
		return r, nil
	}
	first.h += 2 * cellPadY
	rest.h += 2 * cellPadY
	return first, rest
}
