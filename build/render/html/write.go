package html

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"sync"

	"github.com/rgpdoc/rgpdoc/build/doc"
)

// The document tree and the lists of documents are written here, in Go, and
// handed to the theme's layout as template.HTML: html/template spent most of
// a page's time escaping each span by reflection (docs/performance.md). The
// writer escapes as html/template does in the same places, so the pages have
// not changed: text and quoted attribute values by escaper, links by url.

// body is the HTML of a document tree, as a document page's layout shows it.
type body struct {
	// Preamble is the preamble's blocks, one a line.
	Preamble template.HTML
	// TOC is the table of contents, an <ol> of the sections and their
	// sub-sections; empty when the document has no section.
	TOC template.HTML
	// Sections is the <section> elements, one a line.
	Sections template.HTML
	// Draft is the draft banner, a <div>; empty for a final document.
	Draft template.HTML
}

// writer writes HTML in a buffer; err is the first error met.
type writer struct {
	bytes.Buffer
	err error
}

// writers keeps buffers that have grown to the size of a page.
var writers = sync.Pool{New: func() any { return new(writer) }}

// render runs write with a writer of the pool and returns what it wrote.
func render(write func(w *writer)) (string, error) {
	w := writers.Get().(*writer)
	defer func() {
		w.Reset()
		w.err = nil
		writers.Put(w)
	}()
	write(w)
	return w.String(), w.err
}

// documentBody writes the preamble, table of contents and sections of a document.
func documentBody(d *doc.Document) (body, error) {
	var draft, preamble, toc int
	s, err := render(func(w *writer) {
		w.draft(d.Draft)
		draft = w.Len()
		w.blocks(d.Preamble)
		preamble = w.Len()
		if !d.Brief {
			w.toc(d.Sections)
		}
		toc = w.Len()
		for i, s := range d.Sections {
			w.newline(i)
			w.section(s, 2)
		}
	})
	return body{Draft: template.HTML(s[:draft]), Preamble: template.HTML(s[draft:preamble]),
		TOC: template.HTML(s[preamble:toc]), Sections: template.HTML(s[toc:])}, err
}

// draft writes the draft banner, its points folded under their count.
func (w *writer) draft(d *doc.Draft) {
	if d == nil {
		return
	}
	w.WriteString("<div class=\"projet\" role=\"note\">\n<p class=\"projet-titre\"><strong>")
	w.text(d.Mark)
	w.WriteString("</strong></p>\n<p>")
	w.text(d.Lead)
	w.WriteString("</p>\n<details>\n<summary>")
	w.text(d.Summary)
	w.WriteString("</summary>\n<ul>")
	for _, p := range d.Points {
		w.WriteString("\n<li>")
		w.inline(p)
		w.WriteString("</li>")
	}
	w.WriteString("\n</ul>\n</details>\n</div>")
}

// escaper escapes text and quoted attribute values as html/template does:
// its table escapes + and NUL too.
var escaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// text writes text or an attribute value, escaped.
func (w *writer) text(s string) { escaper.WriteString(w, s) }

// url writes a URL in a quoted attribute, percent-encoded as html/template
// does. The document tree holds only the links that its policy accepts
// (doc.Href), which decides for every format.
func (w *writer) url(s string) { w.urlPart(s, false) }

// urlPart writes a part of a URL in a quoted attribute as html/template does:
// the bytes that cannot appear in a URL are percent-encoded, and all but the
// unreserved ones in a fragment (the part after "#").
func (w *writer) urlPart(s string, fragment bool) {
	const hex = "0123456789abcdef"
	last := 0
	for i := 0; i < len(s); i++ {
		if urlByte(s, i, fragment) {
			continue
		}
		w.text(s[last:i])
		w.Write([]byte{'%', hex[s[i]>>4], hex[s[i]&15]})
		last = i + 1
	}
	w.text(s[last:])
}

// urlByte tells whether s[i] stays as is in a URL, or in a fragment.
func urlByte(s string, i int, fragment bool) bool {
	switch c := s[i]; {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("-._~", c) >= 0:
		return true
	case strings.IndexByte("!#$&*+,/:;=?@[]", c) >= 0:
		return !fragment
	case c == '%': // an escape stays, as html/template leaves it
		return !fragment && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])
	}
	return false
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

// newline separates the elements of a sequence, one a line: it writes a
// line break before each but the first (i = 0).
func (w *writer) newline(i int) {
	if i > 0 {
		w.WriteByte('\n')
	}
}

// section writes a section and its sub-sections; level is its heading's (2 for h2).
func (w *writer) section(s *doc.Section, level int) {
	h := byte('0' + min(level, 6))
	w.WriteString(`<section id="`)
	w.text(s.ID)
	w.WriteString("\">\n<h")
	w.WriteByte(h)
	w.WriteByte('>')
	w.heading(s)
	w.WriteString("</h")
	w.WriteByte(h)
	w.WriteByte('>')
	for _, b := range s.Blocks {
		w.WriteByte('\n')
		w.block(b)
	}
	for _, sub := range s.Sections {
		w.WriteByte('\n')
		w.section(sub, level+1)
	}
	w.WriteString("\n</section>")
}

// heading writes the number and title of a section.
func (w *writer) heading(s *doc.Section) {
	if s.Number != "" {
		w.WriteString(`<span class="numero">`)
		w.text(s.Number)
		w.WriteString(".</span> ")
	}
	w.text(s.Title)
}

// toc writes the table of contents: the sections and their sub-sections.
func (w *writer) toc(sections []*doc.Section) {
	if len(sections) == 0 {
		return
	}
	w.WriteString("<ol>")
	for _, s := range sections {
		w.WriteString("\n<li>")
		w.tocLink(s)
		if len(s.Sections) > 0 {
			w.WriteString("\n<ol>")
			for _, sub := range s.Sections {
				w.WriteString("\n<li>")
				w.tocLink(sub)
				w.WriteString("</li>")
			}
			w.WriteString("\n</ol>")
		}
		w.WriteString("</li>")
	}
	w.WriteString("\n</ol>")
}

func (w *writer) tocLink(s *doc.Section) {
	w.WriteString(`<a href="#`)
	w.urlPart(s.ID, true)
	w.WriteString(`">`)
	w.heading(s)
	w.WriteString("</a>")
}

// blocks writes blocks, one a line.
func (w *writer) blocks(bs []doc.Block) {
	for i, b := range bs {
		w.newline(i)
		w.block(b)
	}
}

// compact writes the content of a list item, cell or definition: a lone
// paragraph needs no <p>.
func (w *writer) compact(bs []doc.Block) {
	if len(bs) == 1 {
		if p, ok := bs[0].(*doc.Paragraph); ok {
			w.inline(p.Text)
			return
		}
	}
	w.WriteByte('\n')
	w.blocks(bs)
	w.WriteByte('\n')
}

func (w *writer) block(b doc.Block) {
	switch b := b.(type) {
	case *doc.Paragraph:
		w.WriteString("<p>")
		w.inline(b.Text)
		w.WriteString("</p>")
	case *doc.List:
		tag := "ul>"
		if b.Ordered {
			tag = "ol>"
		}
		w.WriteByte('<')
		w.WriteString(tag)
		for _, item := range b.Items {
			w.WriteString("\n<li>")
			w.compact(item)
			w.WriteString("</li>")
		}
		w.WriteString("\n</")
		w.WriteString(tag)
	case *doc.Table:
		w.table(b)
	case *doc.Definitions:
		w.WriteString(`<dl class="definitions">`)
		for _, d := range b.Items {
			w.WriteString("\n<dt>")
			w.inline(d.Term)
			w.WriteString("</dt>\n<dd>")
			w.compact(d.Body)
			w.WriteString("</dd>")
		}
		w.WriteString("\n</dl>")
	case *doc.Note:
		switch b.Kind {
		case doc.Important:
			w.WriteString(`<div class="note note-importante" role="note">` + "\n")
		case doc.Gap:
			w.WriteString(`<div class="note note-a-completer" role="note">` + "\n")
		default:
			w.fail(b)
			return
		}
		w.blocks(b.Blocks)
		w.WriteString("\n</div>")
	default:
		w.fail(b)
	}
}

func (w *writer) fail(b doc.Block) {
	if w.err == nil {
		w.err = fmt.Errorf("bloc %T inconnu du rendu HTML", b)
	}
}

// table writes a table in a wrapper that scrolls it on a narrow screen; the
// wrapper is focusable so that it scrolls from the keyboard too. The first
// cell of each row heads it, unless the table has a single column.
func (w *writer) table(t *doc.Table) {
	w.WriteString(`<div class="tableau" role="region" aria-label="`)
	w.text(t.Caption)
	w.WriteString("\" tabindex=\"0\">\n<table>\n<caption>")
	w.text(t.Caption)
	w.WriteString("</caption>\n<thead>\n<tr>")
	for _, h := range t.Header {
		w.WriteString(`<th scope="col">`)
		w.text(h)
		w.WriteString("</th>")
	}
	w.WriteString("</tr>\n</thead>\n<tbody>")
	for _, row := range t.Rows {
		w.WriteString("\n<tr>")
		for i, c := range row {
			if i == 0 && len(t.Header) > 1 {
				w.WriteString(`<th scope="row">`)
				w.compact(c)
				w.WriteString("</th>")
			} else {
				w.WriteString("<td>")
				w.compact(c)
				w.WriteString("</td>")
			}
		}
		w.WriteString("</tr>")
	}
	w.WriteString("\n</tbody>\n</table>\n</div>")
}

func (w *writer) inline(spans doc.Inline) {
	for _, s := range spans {
		switch {
		case s.Gap:
			w.WriteString(`<mark class="a-completer">`)
			w.text(s.Text)
			w.WriteString("</mark>")
		case s.Link != "":
			w.WriteString(`<a href="`)
			w.url(s.Link)
			w.WriteString(`">`)
			w.styled(s)
			w.WriteString("</a>")
		default:
			w.styled(s)
		}
	}
}

func (w *writer) styled(s doc.Span) {
	if s.Strong {
		w.WriteString("<strong>")
	}
	if s.Emph {
		w.WriteString("<em>")
	}
	if s.Code {
		w.WriteString("<code>")
		w.text(s.Text)
		w.WriteString("</code>")
	} else {
		w.text(s.Text)
	}
	if s.Emph {
		w.WriteString("</em>")
	}
	if s.Strong {
		w.WriteString("</strong>")
	}
}

// organization writes the section of an organization on the site index.
func (w *writer) organization(l Listing) {
	w.WriteString("<section class=\"organisation\">\n<h2><a href=\"")
	w.url(l.Org.ID)
	w.WriteString("/index.html")
	w.WriteString(`">`)
	w.text(l.Org.Name)
	w.WriteString("</a></h2>\n")
	w.documents(l.Org.ID, l.Documents)
	w.WriteString("\n</section>")
}

// documents writes the documents of an organization on an index page, as
// "Politique de confidentialité — HTML · Markdown · PDF"; dir is the
// organization's folder, "" on a page of that folder.
func (w *writer) documents(dir string, docs []Entry) {
	w.WriteString(`<ul class="documents">`)
	for _, d := range docs {
		w.WriteString("\n<li><span class=\"document-titre\">")
		w.text(d.Title)
		w.WriteString("</span>")
		if d.Draft {
			w.WriteString(` <span class="etiquette-projet">Projet</span>`)
		}
		w.WriteString(" — ")
		for i, f := range d.Formats {
			if i > 0 {
				w.WriteString(" · ")
			}
			w.WriteString(`<a href="`)
			if dir != "" {
				w.url(dir)
				w.WriteByte('/')
			}
			w.urlPart(d.Base, false)
			w.WriteByte('.')
			w.urlPart(string(f), false)
			w.WriteString(`">`)
			w.text(formatName(f))
			w.WriteString("</a>")
		}
		if d.Meta != "" {
			w.WriteString(`<br><span class="document-date">`)
			w.text(d.Meta)
			w.WriteString("</span>")
		}
		w.WriteString("</li>")
	}
	w.WriteString("\n</ul>")
}
