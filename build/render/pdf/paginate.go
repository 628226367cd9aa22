package pdf

// placed is an item on a page.
type placed struct {
	it *item
	// row is the part of it.row drawn here.
	row  *row
	y, h float64
	// first is false on the parts of a split row after the first, which
	// do not repeat the item's own drawing.
	first bool
}

type page []placed

// dest is where an anchor is: page (from 1) and y.
type dest struct {
	page int
	y    float64
}

type paginator struct {
	g       geometry
	pages   []page
	y       float64
	top     bool // nothing on the page yet but repeated table headers
	anchors map[string]dest
}

// paginate stacks the items on pages, keeping together what asks to be and
// repeating table headers on each page a table crosses.
func paginate(items []item, g geometry) *paginator {
	p := &paginator{g: g, anchors: map[string]dest{}}
	p.newPage(nil)
	bottom, capacity := g.bottomY(), g.bottomY()-g.top
	for i := range items {
		it := &items[i]
		if it.glue {
			switch {
			case p.top:
			case p.y+it.h > bottom:
				p.newPage(nil)
			default: // drawn: it may carry a note's background
				p.put(it, nil, it.h, true)
			}
			continue
		}
		if need := chain(items[i:], capacity); p.y+need > bottom && !p.top && need <= capacity {
			p.newPage(it)
		}
		if it.row != nil {
			p.placeRow(it, capacity)
			continue
		}
		p.put(it, nil, it.h, true)
	}
	return p
}

// chain is the height of the item and of those it is kept with.
func chain(items []item, capacity float64) float64 {
	h := 0.0
	for i := range items {
		it := &items[i]
		if it.row != nil && it.h > capacity {
			h += it.row.minH() // it will be split anyway
		} else {
			h += it.h
		}
		if !it.keep {
			break
		}
	}
	return h
}

// newPage starts a page; when next is a table row, the page starts with the
// header row of its table.
func (p *paginator) newPage(next *item) {
	p.pages = append(p.pages, nil)
	p.y, p.top = p.g.top, true
	if next != nil && next.row != nil && next.row.head != nil {
		head := next.row.head
		p.put(&item{h: head.h, dx: next.dx, row: head}, head, head.h, true)
		p.top = true
	}
}

func (p *paginator) put(it *item, r *row, h float64, first bool) {
	if first && it.anchor != "" {
		p.anchors[it.anchor] = dest{page: len(p.pages), y: p.y}
	}
	n := len(p.pages) - 1
	p.pages[n] = append(p.pages[n], placed{it: it, row: r, y: p.y, h: h, first: first})
	p.y += h
	p.top = false
}

// placeRow puts a table row on the page, or on the next one if it fits
// there, or splits it between pages when it is taller than a page.
func (p *paginator) placeRow(it *item, capacity float64) {
	bottom := p.g.bottomY()
	r, first := it.row, true
	for r != nil {
		if r.h <= bottom-p.y {
			p.put(it, r, r.h, first)
			return
		}
		headH := 0.0
		if r.head != nil {
			headH = r.head.h
		}
		if !p.top && r.h <= capacity-headH {
			p.newPage(it)
			continue
		}
		part, rest := r.split(bottom - p.y)
		if part == nil {
			if p.top { // not one line fits on an empty page: let it overflow
				p.put(it, r, r.h, first)
				return
			}
			p.newPage(it)
			continue
		}
		p.put(it, part, part.h, first)
		first = false
		if rest != nil {
			p.newPage(it)
		}
		r = rest
	}
}
