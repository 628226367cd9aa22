package pdf

import (
	"fmt"
	"strings"

	"github.com/rgpdoc/rgpdoc/build/doc"
)

type opKind uint8

const (
	opText    opKind = iota
	opFill           // filled rectangle; h == 0 spans the height the item is drawn with
	opLine           // line from (x, y) to (x+w, y+h), size is its width
	opLink           // clickable area, to link ("#anchor" or a URL)
	opPageRef        // page number of the anchor in link, right-aligned at x
)

// op is a drawing operation, in mm from the top left corner of its item.
type op struct {
	kind       opKind
	face       face
	color      rgb
	size       float64 // font size (pt) of text, width (mm) of lines
	x, y, w, h float64 // y is the baseline of text
	text, link string
}

// item is one unbreakable piece of the flow: a line of text, a space, a
// table row. The paginator stacks items on pages.
type item struct {
	h   float64
	dx  float64 // from the left edge of the text column
	ops []op
	// glue is vertical space, dropped at the top of a page.
	glue bool
	// keep keeps the item on the same page as the next one.
	keep bool
	// anchor is the id of the section that starts here.
	anchor string
	// mark is the outline entry that points here, at depth level.
	mark  string
	level int
	row   *row
}

// layout turns a document into items, measuring text with the shared fonts.
type layout struct {
	fs   *fontSet
	th   theme
	g    geometry
	used [nFaces]bool // faces drawn
	full bool         // a rune outside the cut faces was drawn
	buf  []byte
	err  error // the first unknown block met, or face that failed to load
}

var (
	bodyText  = textStyle{size: 10, leading: 1.42, gap: 2.4}
	tableText = textStyle{size: 8.8, leading: 1.3, gap: 1.2}
	// headText are the headings by depth; gap is the space before them.
	headText = []textStyle{
		{size: 14, leading: 1.25, gap: 7},
		{size: 11.5, leading: 1.25, gap: 4.5},
		{size: 10.5, leading: 1.3, gap: 3.5},
	}
)

const (
	listIndent = 6.0 // mm, per list level
	notePad    = 3.0 // mm, inside note boxes
	cellPadX   = 1.6
	cellPadY   = 1.3
)

func glue(h float64) item { return item{h: h, glue: true} }

// paragraph sets an inline text in lines of width w.
func (l *layout) paragraph(out []item, in doc.Inline, base runStyle, ts textStyle, w float64) []item {
	p := l.words(in, base, ts.size)
	if len(p.words) == 0 {
		return out
	}
	l.splitLong(p, w)
	starts := p.lines(w)
	lh := ts.lineH()
	for i, lo := range starts {
		hi := len(p.words)
		if i+1 < len(starts) {
			hi = starts[i+1]
		}
		ops, _ := l.setLine(p, lo, hi, 0, lh, nil)
		// Keep the first two and the last two lines together (no orphan, no widow).
		keep := i == 0 || i == len(starts)-2
		out = append(out, item{h: lh, ops: ops, keep: keep && len(starts) > 1})
	}
	return out
}

// blocks lays out bs in a column of width w, with ts.gap between them.
func (l *layout) blocks(out []item, bs []doc.Block, ts textStyle, w float64, depth int) []item {
	for i, b := range bs {
		if i > 0 {
			out = append(out, glue(ts.gap))
		}
		out = l.block(out, b, ts, w, depth)
	}
	return out
}

func (l *layout) block(out []item, b doc.Block, ts textStyle, w float64, depth int) []item {
	plain := runStyle{face: regular, color: l.th.ink}
	switch b := b.(type) {
	case *doc.Paragraph:
		return l.paragraph(out, b.Text, plain, ts, w)
	case *doc.List:
		return l.list(out, b, ts, w, depth)
	case *doc.Table:
		return l.table(out, b, w)
	case *doc.Definitions:
		return l.definitions(out, b, ts, w, depth)
	case *doc.Note:
		return l.note(out, b, ts, w, depth)
	}
	if l.err == nil {
		l.err = fmt.Errorf("bloc %T inconnu du rendu PDF", b)
	}
	return out
}

// shift moves items right by dx.
func shift(items []item, dx float64) {
	for i := range items {
		items[i].dx += dx
	}
}

func (l *layout) list(out []item, ls *doc.List, ts textStyle, w float64, depth int) []item {
	indent := listIndent
	if ls.Ordered {
		indent += 1.5
	}
	for n, blocks := range ls.Items {
		if n > 0 {
			out = append(out, glue(ts.gap/2))
		}
		start := len(out)
		out = l.blocks(out, blocks, ts, w-indent, depth+1)
		shift(out[start:], indent)
		if start == len(out) {
			continue
		}
		first := &out[start]
		marker := listMarker(ls.Ordered, depth, n)
		mw := l.measure(regular, ts.size, marker)
		x := indent - 2.2 - mw - first.dx // right-aligned before the text
		if !ls.Ordered {
			x = 1.2 - first.dx
		}
		l.used[regular] = true
		first.ops = append(first.ops, op{kind: opText, face: regular, size: ts.size, color: l.th.ink,
			x: x, y: ts.lineH()/2 + 0.35*ts.size*ptMM, w: mw, text: marker})
	}
	return out
}

func listMarker(ordered bool, depth, n int) string {
	switch {
	case ordered && depth%2 == 1:
		return string(rune('a'+n%26)) + ")"
	case ordered:
		return fmt.Sprint(n+1) + "."
	case depth == 0:
		return "•"
	case depth == 1:
		return "◦"
	}
	return "–"
}

// definitions sets each term in bold, run in with its definition
// ("Droit d’accès : vous pouvez…").
func (l *layout) definitions(out []item, d *doc.Definitions, ts textStyle, w float64, depth int) []item {
	for i, def := range d.Items {
		if i > 0 {
			out = append(out, glue(ts.gap))
		}
		in := make(doc.Inline, 0, len(def.Term)+4)
		for _, sp := range def.Term {
			sp.Strong = true
			in = append(in, sp)
		}
		body := def.Body
		if len(body) > 0 {
			if p, ok := body[0].(*doc.Paragraph); ok {
				in = append(in, doc.Span{Text: "\u00a0: ", Strong: true})
				in = append(in, p.Text...)
				body = body[1:]
			}
		}
		out = l.paragraph(out, in, runStyle{face: regular, color: l.th.ink}, ts, w)
		if len(body) > 0 {
			out = append(out, glue(ts.gap))
			start := len(out)
			out = l.blocks(out, body, ts, w-listIndent, depth)
			shift(out[start:], listIndent)
		}
	}
	return out
}

// note sets blocks apart in a tinted box with a rule on its left.
func (l *layout) note(out []item, n *doc.Note, ts textStyle, w float64, depth int) []item {
	bg, rule := l.th.tint, l.th.accent
	if n.Kind == doc.Gap {
		bg, rule = l.th.gapBg, l.th.gapInk
	}
	start := len(out)
	out = append(out, item{h: notePad, keep: true})
	out = l.blocks(out, n.Blocks, ts, w-2*notePad-1, depth)
	out[len(out)-1].keep = true
	out = append(out, item{h: notePad})
	shift(out[start:], notePad+1)
	for i := start; i < len(out); i++ {
		it := &out[i]
		x := -it.dx
		it.ops = append([]op{
			{kind: opFill, color: bg, x: x, w: w},
			{kind: opFill, color: rule, x: x, w: 1},
		}, it.ops...)
	}
	return out
}

// heading sets a section's number and title; the title wraps beside the number.
func (l *layout) heading(out []item, number, title, anchor string, depth int, w float64) []item {
	ts := headText[min(depth, len(headText)-1)]
	out = append(out, glue(ts.gap))
	color := l.th.accent
	if depth >= 2 {
		color = l.th.ink
	}
	st := runStyle{face: bold, color: color}
	numW := 0.0
	if number != "" {
		numW = l.measure(bold, ts.size, number) + ts.size*ptMM*0.6
		numW = max(numW, ts.size*ptMM*1.8)
	}
	p := l.words(doc.Inline{{Text: title}}, st, ts.size)
	l.splitLong(p, w-numW)
	lh := ts.lineH()
	starts := p.lines(w - numW)
	for i, lo := range starts {
		hi := len(p.words)
		if i+1 < len(starts) {
			hi = starts[i+1]
		}
		ops, _ := l.setLine(p, lo, hi, numW, lh, nil)
		it := item{h: lh, ops: ops, keep: true}
		if i == 0 {
			if number != "" {
				l.used[bold] = true
				ops = append(ops, op{kind: opText, face: bold, size: ts.size, color: color, x: 0, y: lh/2 + 0.35*ts.size*ptMM, text: number})
				it.ops = ops
			}
			it.anchor = anchor
			it.mark, it.level = strings.TrimSpace(number+" "+title), depth
		}
		out = append(out, it)
	}
	after := item{h: ts.gap * 0.35, keep: true}
	if depth == 0 {
		after.h = 3
		after.ops = []op{{kind: opLine, color: l.th.accent, size: 0.3, x: 0, y: 1, w: w}}
	}
	return append(out, after)
}

func (l *layout) section(out []item, s *doc.Section, depth int) []item {
	w := l.g.width()
	out = l.heading(out, sectionNumber(s.Number), s.Title, s.ID, depth, w)
	out = l.blocks(out, s.Blocks, bodyText, w, 0)
	for _, sub := range s.Sections {
		out = l.section(out, sub, depth+1)
	}
	return out
}

// sectionNumber writes "2" as "2." and "2.1" as "2.1.", as French documents do.
func sectionNumber(n string) string {
	if n == "" {
		return ""
	}
	return n + "."
}

// toc is the table of contents: sections and sub-sections, linked, with
// their page numbers (known once the pages are made).
func (l *layout) toc(out []item, secs []*doc.Section) []item {
	out = l.heading(out, "", "Sommaire", "", 0, l.g.width())
	var entries func(secs []*doc.Section, depth int)
	entries = func(secs []*doc.Section, depth int) {
		for _, s := range secs {
			out = l.tocEntry(out, s, depth)
			if depth == 0 {
				entries(s.Sections, 1)
			}
		}
	}
	entries(secs, 0)
	return out
}

func (l *layout) tocEntry(out []item, s *doc.Section, depth int) []item {
	ts := bodyText
	face := regular
	if depth == 0 {
		face = bold
		out = append(out, glue(1.2))
	}
	w := l.g.width()
	indent := float64(depth) * 8
	numW := 8.0 + float64(depth)*3
	pageW := 10.0
	st := runStyle{face: face, color: l.th.ink}
	p := l.words(doc.Inline{{Text: s.Title}}, st, ts.size)
	tw := w - indent - numW - pageW
	l.splitLong(p, tw)
	starts := p.lines(tw)
	lh := ts.size * 1.32 * ptMM
	base := lh/2 + 0.35*ts.size*ptMM
	for i, lo := range starts {
		hi := len(p.words)
		if i+1 < len(starts) {
			hi = starts[i+1]
		}
		ops, lw := l.setLine(p, lo, hi, indent+numW, lh, nil)
		if i == 0 {
			ops = append(ops, op{kind: opText, face: face, size: ts.size, color: l.th.ink, x: indent, y: base, text: sectionNumber(s.Number)})
		}
		if i == len(starts)-1 {
			dot := l.measure(regular, ts.size, " .")
			end := indent + numW + lw + 1.5
			if n := int((w - pageW - end) / dot); n > 0 {
				ops = append(ops, op{kind: opText, face: regular, size: ts.size, color: l.th.muted,
					x: w - pageW - float64(n)*dot, y: base, text: strings.Repeat(" .", n)})
			}
			ops = append(ops, op{kind: opPageRef, face: face, size: ts.size, color: l.th.ink, x: w, y: base, link: s.ID})
		}
		ops = append(ops, op{kind: opLink, link: "#" + s.ID, x: indent, y: 0, w: w - indent, h: lh})
		l.used[regular] = true
		out = append(out, item{h: lh, ops: ops, keep: i < len(starts)-1})
	}
	return out
}

// titleBlock opens the first page: organization, title, date and version.
func (l *layout) titleBlock(out []item, d *doc.Document) []item {
	w := l.g.width()
	out = l.paragraph(out, doc.Inline{{Text: d.Org.Name}}, runStyle{face: bold, color: l.th.accent},
		textStyle{size: 11, leading: 1.3}, w)
	out = append(out, glue(2))
	out = l.paragraph(out, doc.Inline{{Text: d.Title}}, runStyle{face: bold, color: l.th.ink},
		textStyle{size: 21, leading: 1.2}, w)
	if d.Meta != "" {
		out = append(out, glue(1.5))
		out = l.paragraph(out, doc.Inline{{Text: d.Meta}}, runStyle{face: regular, color: l.th.muted},
			textStyle{size: 10, leading: 1.3}, w)
	}
	out = append(out, item{h: 6, ops: []op{{kind: opLine, color: l.th.rule, size: 0.3, x: 0, y: 3, w: w}}})
	if d.Draft != nil {
		out = l.note(out, draftNote(d.Draft), bodyText, w, 0)
		out = append(out, glue(bodyText.gap*2))
	}
	return out
}

// draftNote lays the draft banner out as a note.
func draftNote(d *doc.Draft) *doc.Note {
	items := make([][]doc.Block, len(d.Points))
	for i, p := range d.Points {
		items[i] = []doc.Block{&doc.Paragraph{Text: p}}
	}
	return &doc.Note{Kind: doc.Gap, Blocks: []doc.Block{
		&doc.Paragraph{Text: doc.Inline{{Text: d.Mark, Strong: true}}},
		&doc.Paragraph{Text: doc.Inline{{Text: d.Lead}}},
		&doc.Paragraph{Text: doc.Inline{{Text: d.Summary}}},
		&doc.List{Items: items},
	}}
}

// document lays out the whole document.
func (l *layout) document(d *doc.Document) []item {
	out := l.titleBlock(nil, d)
	if len(d.Preamble) > 0 {
		out = l.blocks(out, d.Preamble, bodyText, l.g.width(), 0)
		out = append(out, glue(bodyText.gap))
	}
	if len(d.Sections) > 0 {
		out = l.toc(out, d.Sections)
	}
	for _, s := range d.Sections {
		out = l.section(out, s, 0)
	}
	return out
}
