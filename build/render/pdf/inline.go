package pdf

import (
	"strings"
	"unicode/utf8"

	"github.com/rgpdoc/rgpdoc/build/doc"
)

// ptMM converts points to millimetres, the unit of the layout.
const ptMM = 25.4 / 72

// textStyle is the size and spacing of a kind of text.
type textStyle struct {
	size    float64 // font size, pt
	leading float64 // line height as a multiple of the size
	gap     float64 // space between blocks, mm
}

func (s textStyle) lineH() float64 { return s.size * s.leading * ptMM }

// runStyle is how a run of text is drawn.
type runStyle struct {
	face  face
	color rgb
	link  string
	gap   bool
}

// piece is a piece of a word in one style.
type piece struct {
	text string
	st   int // index in the paragraph's styles
	w    float64
}

// word is what lines break between: pieces[lo:hi], and the space before it.
type word struct {
	lo, hi  int
	w       float64
	space   float64 // width of the space before the word, 0 when glued
	spaceSt int     // style of that space
}

// para is an inline text broken into words, ready to be set in lines.
type para struct {
	styles []runStyle
	pieces []piece
	words  []word
	size   float64
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }

// clean replaces what the fonts cannot carry (control characters, runes
// outside the BMP) by U+FFFD, so the reader sees that something is missing.
func clean(s string) string {
	ok := true
	for _, r := range s {
		if bad(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	b := make([]rune, 0, len(s))
	for _, r := range s {
		if bad(r) {
			r = utf8.RuneError
		}
		b = append(b, r)
	}
	return string(b)
}

func bad(r rune) bool {
	return (r < 0x20 && !isSpace(r)) || (r >= 0x7f && r < 0xa0) || r > 0xffff
}

// words splits an inline text into words; base is the style of plain text.
func (l *layout) words(in doc.Inline, base runStyle, size float64) *para {
	// A word, and most often a piece, per space: the slices are sized once
	// rather than grown word by word.
	n := len(in)
	for _, sp := range in {
		n += strings.Count(sp.Text, " ")
	}
	p := &para{size: size, styles: make([]runStyle, 0, len(in)), pieces: make([]piece, 0, n), words: make([]word, 0, n)}
	space := false // a breakable space was seen since the last piece
	spaceSt := 0
	for _, sp := range in {
		st := l.spanStyle(sp, base)
		p.styles = append(p.styles, st)
		sti := len(p.styles) - 1
		s := clean(sp.Text)
		for len(s) > 0 {
			n := 0
			for n < len(s) && !isSpace(rune(s[n])) {
				_, sz := utf8.DecodeRuneInString(s[n:])
				n += sz
			}
			if n > 0 {
				pc := piece{text: s[:n], st: sti, w: l.measure(st.face, size, s[:n])}
				if space || len(p.words) == 0 {
					w := word{lo: len(p.pieces), spaceSt: spaceSt}
					if space && len(p.words) > 0 {
						w.space = l.measure(p.styles[spaceSt].face, size, " ")
					}
					p.words = append(p.words, w)
					space = false
				}
				p.pieces = append(p.pieces, pc)
				w := &p.words[len(p.words)-1]
				w.hi = len(p.pieces)
				w.w += pc.w
				s = s[n:]
			}
			for len(s) > 0 && isSpace(rune(s[0])) {
				space, spaceSt = true, sti
				s = s[1:]
			}
		}
	}
	return p
}

func (l *layout) spanStyle(sp doc.Span, base runStyle) runStyle {
	st := base
	b := base.face == bold || base.face == boldItalic || sp.Strong
	i := base.face == italic || base.face == boldItalic || sp.Emph
	switch {
	case sp.Code:
		st.face = mono
	case b && i:
		st.face = boldItalic
	case b:
		st.face = bold
	case i:
		st.face = italic
	default:
		st.face = regular
	}
	switch {
	case sp.Gap:
		st.gap, st.color = true, l.th.gapInk
	case sp.Link != "":
		st.link, st.color = sp.Link, l.th.accent
	}
	return st
}

// measure returns the width of s in mm.
func (l *layout) measure(f face, size float64, s string) float64 {
	fd, err := l.fs.faces[f]()
	if err != nil {
		if l.err == nil {
			l.err = err
		}
		return 0
	}
	tbl := fd.width
	w := 0
	for _, r := range s {
		w += int(tbl[r])
		if !l.fs.inCut[r] {
			l.full = true
		}
	}
	return float64(w) * size / 1000 * ptMM
}

// splitLong breaks the words wider than width between characters, the only
// way to set them (long URLs in narrow table cells).
func (l *layout) splitLong(p *para, width float64) {
	long := false
	for _, w := range p.words {
		long = long || w.w > width
	}
	if !long {
		return
	}
	var pieces []piece
	var words []word
	for _, w := range p.words {
		if w.w <= width {
			nw := w
			nw.lo = len(pieces)
			pieces = append(pieces, p.pieces[w.lo:w.hi]...)
			nw.hi = len(pieces)
			words = append(words, nw)
			continue
		}
		cur := word{lo: len(pieces), space: w.space, spaceSt: w.spaceSt}
		for _, pc := range p.pieces[w.lo:w.hi] {
			f := p.styles[pc.st].face
			start := 0
			for i, r := range pc.text {
				rw := l.measure(f, p.size, string(r))
				if cur.w+rw > width && (cur.w > 0 || i > start) {
					if i > start {
						pieces = append(pieces, piece{text: pc.text[start:i], st: pc.st, w: l.measure(f, p.size, pc.text[start:i])})
					}
					cur.hi = len(pieces)
					words = append(words, cur)
					cur = word{lo: len(pieces)}
					start = i
				}
				cur.w += rw
			}
			if start < len(pc.text) {
				pieces = append(pieces, piece{text: pc.text[start:], st: pc.st, w: l.measure(f, p.size, pc.text[start:])})
			}
		}
		cur.hi = len(pieces)
		words = append(words, cur)
	}
	p.pieces, p.words = pieces, words
}

// lines breaks the words greedily into lines no wider than width and returns
// the index of the first word of each line.
func (p *para) lines(width float64) []int {
	var starts []int
	x := 0.0
	for i, w := range p.words {
		if i == 0 || x+w.space+w.w > width {
			starts = append(starts, i)
			x = w.w
			continue
		}
		x += w.space + w.w
	}
	return starts
}

// setLine draws words[lo:hi] as runs starting at x0; each run of one style
// becomes one text operation (fewer operations, smaller PDFs). It returns the
// operations and the width of the line.
func (l *layout) setLine(p *para, lo, hi int, x0, lineH float64, ops []op) ([]op, float64) {
	x := x0
	base := lineH/2 + 0.35*p.size*ptMM
	runSt, runX, runW := -1, 0.0, 0.0
	buf := l.buf[:0]
	flush := func() {
		if runSt < 0 {
			return
		}
		st := p.styles[runSt]
		l.used[st.face] = true
		if st.gap {
			hh := p.size * ptMM * 1.25
			ops = append(ops, op{kind: opFill, color: l.th.gapBg, x: runX - 0.4, y: (lineH - hh) / 2, w: runW + 0.8, h: hh})
		}
		ops = append(ops, op{kind: opText, face: st.face, size: p.size, color: st.color, x: runX, y: base, w: runW, text: string(buf)})
		if st.link != "" {
			ops = append(ops,
				op{kind: opLine, color: st.color, size: 0.15, x: runX, y: base + 0.55, w: runW},
				op{kind: opLink, link: st.link, x: runX, y: 0, w: runW, h: lineH})
		}
		runSt, buf = -1, buf[:0]
	}
	for i := lo; i < hi; i++ {
		w := p.words[i]
		if i > lo && w.space > 0 {
			if runSt == w.spaceSt {
				buf = append(buf, ' ')
				runW += w.space
			} else {
				flush()
			}
			x += w.space
		}
		for _, pc := range p.pieces[w.lo:w.hi] {
			if pc.st != runSt {
				flush()
				runSt, runX, runW = pc.st, x, 0
			}
			buf = append(buf, pc.text...)
			runW += pc.w
			x += pc.w
		}
	}
	flush()
	l.buf = buf
	return ops, x - x0
}
