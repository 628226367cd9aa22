// Package pdf renders a document tree as an A4 PDF: embedded and subset
// Liberation fonts (they carry the narrow no-break space French needs),
// header and footer, outline, links, a table of contents with page numbers,
// tables whose header repeats on each page, and the draft watermark.
//
// Text is laid out here rather than by fpdf: words are measured with the
// widths of the fonts and each run of one style on a line is set with one
// text operation, which keeps rendering linear in the length of the text and
// allows bold, italic and links on one line. Layout makes items (lines, rows,
// spaces), pagination stacks them on pages, and only then is the PDF written,
// so the total page count and the pages of the table of contents are known.
package pdf

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/go-pdf/fpdf"

	"github.com/rgpdoc/rgpdoc/build/doc"
)

// geometry is the page and its text column, in mm.
type geometry struct {
	orientation          string
	w, h                 float64
	left, right          float64
	top, bottom          float64 // margins around the text column
	headerY, footerY     float64 // baselines of header and footer
	headRuleY, footRuleY float64
}

func (g geometry) width() float64   { return g.w - g.left - g.right }
func (g geometry) bottomY() float64 { return g.h - g.bottom }

var (
	portrait = geometry{orientation: "P", w: 210, h: 297, left: 22, right: 22, top: 24, bottom: 22,
		headerY: 13.5, headRuleY: 15.5, footRuleY: 280, footerY: 285}
	landscape = geometry{orientation: "L", w: 297, h: 210, left: 18, right: 18, top: 21, bottom: 18,
		headerY: 11, headRuleY: 13, footRuleY: 195, footerY: 200}
)

type rgb struct{ r, g, b uint8 }

// theme is the palette: the accent, for text, is the organization's ink (its
// colour darkened to read on white, see doc.Org), the tints are its colour.
type theme struct {
	ink, muted, rule, accent, tint, headBg, gapInk, gapBg, watermark rgb
}

func newTheme(o doc.Org) theme {
	accent, ok := parseColor(o.Ink)
	if !ok {
		accent = rgb{31, 78, 121}
	}
	color, ok := parseColor(o.Color)
	if !ok {
		color = accent
	}
	return theme{
		ink:       rgb{30, 30, 30},
		muted:     rgb{105, 105, 105},
		rule:      rgb{185, 185, 185},
		accent:    accent,
		tint:      mix(color, 0.09),
		headBg:    mix(color, 0.14),
		gapInk:    rgb{166, 61, 0},
		gapBg:     rgb{255, 236, 204},
		watermark: rgb{248, 222, 222},
	}
}

// mix returns c at strength a over white.
func mix(c rgb, a float64) rgb {
	m := func(v uint8) uint8 { return uint8(255 - a*(255-float64(v)) + 0.5) }
	return rgb{m(c.r), m(c.g), m(c.b)}
}

func parseColor(s string) (rgb, bool) {
	if len(s) != 7 || s[0] != '#' {
		return rgb{}, false
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return rgb{}, false
	}
	return rgb{uint8(v >> 16), uint8(v >> 8), uint8(v)}, true
}

// Render renders d as a PDF. It may be called from several goroutines.
func Render(d *doc.Document) ([]byte, error) { return renderWith(d, true) }

// renderWith renders d; with ownCompression, compressPages compresses the
// pages rather than fpdf: the same bytes, faster (false is for the test that
// says so).
func renderWith(d *doc.Document, ownCompression bool) ([]byte, error) {
	fs, err := loadFonts()
	if err != nil {
		return nil, err
	}
	g := portrait
	if d.Landscape {
		g = landscape
	}
	l := &layout{fs: fs, th: newTheme(d.Org), g: g}
	items := l.document(d)
	if l.err != nil {
		return nil, l.err
	}
	// Header, footer and watermark are drawn with these faces too.
	l.used[regular], l.used[bold] = true, true
	p := paginate(items, g)
	return l.write(d, p, ownCompression)
}

// writer draws the pages with fpdf.
type writer struct {
	*layout
	f     *fpdf.Fpdf
	face  face
	size  float64
	links map[string]int
	p     *paginator
}

func (l *layout) write(d *doc.Document, p *paginator, ownCompression bool) ([]byte, error) {
	f := fpdf.New(l.g.orientation, "mm", "A4", "")
	f.SetCatalogSort(true)
	f.SetCompression(!ownCompression)
	date := d.Date
	if date.IsZero() { // fpdf would write the clock's time
		date = time.Unix(0, 0)
	}
	f.SetCreationDate(date.UTC())
	f.SetModificationDate(date.UTC())
	f.SetTitle(d.Title, true)
	f.SetAuthor(d.Org.Name, true)
	f.SetSubject(d.Subject, true)
	f.SetKeywords("RGPD, données personnelles, "+d.Title, true)
	f.SetCreator("rgpdoc", true)
	f.SetLang("fr")
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	f.SetCellMargin(0)
	for i := range nFaces {
		if !l.used[i] {
			continue
		}
		fd, err := l.fs.faces[i]()
		if err != nil {
			return nil, err
		}
		ttf := fd.cut
		if l.full {
			ttf = fd.full
		}
		f.AddUTF8FontFromBytes(l.fs.family[i], "", ttf)
	}
	w := &writer{layout: l, f: f, face: nFaces, links: map[string]int{}, p: p}
	for n, pg := range p.pages {
		w.page(d, n+1, len(p.pages), pg)
	}
	for _, id := range slices.Sorted(maps.Keys(w.links)) {
		a, ok := p.anchors[id]
		if !ok {
			return nil, fmt.Errorf("PDF\u00a0: lien interne vers une section inconnue «\u00a0#%s\u00a0»", id)
		}
		f.SetLink(w.links[id], a.y, a.page)
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return nil, err
	}
	out := buf.Bytes()
	if ownCompression {
		var err error
		if out, err = compressPages(out, len(p.pages)); err != nil {
			return nil, err
		}
	}
	if err := l.fs.tagSubsets(out, l.used); err != nil {
		return nil, err
	}
	return out, nil
}

func (w *writer) setFont(fc face, size float64) {
	if fc != w.face || size != w.size {
		w.f.SetFont(w.fs.family[fc], "", size)
		w.face, w.size = fc, size
	}
}

func (w *writer) text(x, y float64, fc face, size float64, c rgb, s string) {
	w.setFont(fc, size)
	w.f.SetTextColor(int(c.r), int(c.g), int(c.b))
	w.f.Text(x, y, s)
}

// fill and line set colours and widths only when they change: fpdf writes
// every call into the page.
func (w *writer) fill(x, y, wd, h float64, c rgb) {
	if r, g, b := w.f.GetFillColor(); r != int(c.r) || g != int(c.g) || b != int(c.b) {
		w.f.SetFillColor(int(c.r), int(c.g), int(c.b))
	}
	w.f.Rect(x, y, wd, h, "F")
}

func (w *writer) line(x1, y1, x2, y2, width float64, c rgb) {
	if r, g, b := w.f.GetDrawColor(); r != int(c.r) || g != int(c.g) || b != int(c.b) {
		w.f.SetDrawColor(int(c.r), int(c.g), int(c.b))
	}
	if w.f.GetLineWidth() != width {
		w.f.SetLineWidth(width)
	}
	w.f.Line(x1, y1, x2, y2)
}

func (w *writer) page(d *doc.Document, n, total int, pg page) {
	f, g, th := w.f, w.g, w.th
	f.AddPage()
	if d.Draft != nil {
		w.watermark(d.Draft.Mark)
	}
	right := g.w - g.right
	if n > 1 {
		w.text(g.left, g.headerY, bold, 8, th.muted, d.Org.Name)
		tw := w.measure(regular, 8, d.Title)
		w.text(right-tw, g.headerY, regular, 8, th.muted, d.Title)
		w.line(g.left, g.headRuleY, right, g.headRuleY, 0.2, th.rule)
	}
	w.line(g.left, g.footRuleY, right, g.footRuleY, 0.2, th.rule)
	w.text(g.left, g.footerY, regular, 8, th.muted, d.Footer)
	num := "Page " + strconv.Itoa(n) + " / " + strconv.Itoa(total)
	w.text(right-w.measure(regular, 8, num), g.footerY, regular, 8, th.muted, num)
	for _, pl := range pg {
		w.placed(g.left+pl.it.dx, pl)
	}
}

// watermark writes the draft mark up the middle of the page, under the text.
// Upright rather than slanted: text extraction (pdftotext, screen readers,
// copy and paste) then reads it as one line instead of letters scattered
// through the page.
func (w *writer) watermark(mark string) {
	f, g := w.f, w.g
	size := 64.0
	tw := w.measure(bold, size, mark)
	if limit := g.h * 0.7; tw > limit {
		size, tw = size*limit/tw, limit
	}
	f.TransformBegin()
	f.TransformRotate(90, g.w/2, g.h/2)
	w.text(g.w/2-tw/2, g.h/2+size*ptMM*0.35, bold, size, w.th.watermark, mark)
	f.TransformEnd()
}

func (w *writer) placed(x float64, pl placed) {
	it := pl.it
	if pl.first {
		if it.mark != "" { // the footer has set a UTF-8 font, which Bookmark needs
			w.f.Bookmark(it.mark, it.level, pl.y)
		}
		w.ops(x, pl.y, pl.h, it.ops)
	}
	if pl.row != nil {
		w.row(x, pl.y, pl.h, pl.row)
	}
}

func (w *writer) ops(x0, y0, h float64, ops []op) {
	for _, o := range ops {
		x, y := x0+o.x, y0+o.y
		switch o.kind {
		case opText:
			w.text(x, y, o.face, o.size, o.color, o.text)
		case opFill:
			hh := o.h
			if hh == 0 {
				hh = h
			}
			w.fill(x, y, o.w, hh, o.color)
		case opLine:
			w.line(x, y, x+o.w, y+o.h, o.size, o.color)
		case opLink:
			if o.link[0] == '#' {
				id, ok := w.links[o.link[1:]]
				if !ok {
					id = w.f.AddLink()
					w.links[o.link[1:]] = id
				}
				w.f.Link(x, y, o.w, o.h, id)
			} else {
				w.f.LinkString(x, y, o.w, o.h, o.link)
			}
		case opPageRef:
			s := strconv.Itoa(w.p.anchors[o.link].page)
			w.text(x-w.measure(o.face, o.size, s), y, o.face, o.size, o.color, s)
		}
	}
}

func (w *writer) row(x, y, h float64, r *row) {
	th := w.th
	if r.header {
		w.fill(x, y, r.cells[len(r.cells)-1].x+r.cells[len(r.cells)-1].w, h, th.headBg)
	}
	for _, c := range r.cells {
		cy := y + cellPadY
		cx := x + c.x + cellPadX
		for i := range c.items {
			it := &c.items[i]
			w.placed(cx+it.dx, placed{it: it, row: it.row, y: cy, h: it.h, first: true})
			cy += it.h
		}
	}
	// Grid: a line under each row, between and around the cells.
	right := x + r.cells[len(r.cells)-1].x + r.cells[len(r.cells)-1].w
	w.line(x, y, right, y, 0.2, th.rule)
	w.line(x, y+h, right, y+h, 0.2, th.rule)
	for _, c := range r.cells {
		w.line(x+c.x, y, x+c.x, y+h, 0.2, th.rule)
	}
	w.line(right, y, right, y+h, 0.2, th.rule)
}
