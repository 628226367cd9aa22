// Package md renders a document as Markdown: CommonMark with GFM tables,
// meant to be read as plain text, committed and diffed. Headings carry
// their numbers, the table of contents links to the anchors GitHub gives
// headings, and every text from the content is escaped, so that nothing in
// it can turn into markup, let alone raw HTML.
package md

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/rgpdoc/rgpdoc/build/doc"
)

// Render returns the Markdown of a document. A block it does not know is an
// error, as in the other formats.
func Render(d *doc.Document) ([]byte, error) {
	r := &renderer{anchors: map[string]string{}, slugs: map[string]int{}}
	r.slug(d.Title)
	walk(d.Sections, func(s *doc.Section) { r.anchors[s.ID] = r.slug(heading(s)) })

	var out []string
	out = append(out, "# "+escapeHeading(d.Title))
	if d.Meta != "" {
		out = append(out, "", "*"+escape(d.Meta)+"*")
	}
	if dr := d.Draft; dr != nil {
		points := make([][]doc.Block, len(dr.Points))
		for i, p := range dr.Points {
			points[i] = []doc.Block{&doc.Paragraph{Text: p}}
		}
		note := []string{"**" + escape(dr.Mark) + "**", "", escapeStart(escape(dr.Lead)), "", escapeStart(escape(dr.Summary)), ""}
		out = append(out, "")
		out = append(out, quote(append(note, r.list(false, points)...))...)
	}
	if len(d.Preamble) > 0 {
		out = append(out, "")
		out = append(out, r.blocks(d.Preamble)...)
	}
	if toc := r.toc(d.Sections, ""); len(toc) > 0 && !d.Brief {
		out = append(out, "", "**Sommaire**", "")
		out = append(out, toc...)
	}
	r.sections(&out, d.Sections, 2)
	if r.err != nil {
		return nil, r.err
	}
	return []byte(strings.Join(out, "\n") + "\n"), nil
}

type renderer struct {
	// anchors maps section ids to the slugs of their headings.
	anchors map[string]string
	slugs   map[string]int
	// err is the first unknown block met.
	err error
}

// fail records an unknown block.
func (r *renderer) fail(b doc.Block) {
	if r.err == nil {
		r.err = fmt.Errorf("bloc %T inconnu du rendu Markdown", b)
	}
}

func walk(list []*doc.Section, f func(*doc.Section)) {
	for _, s := range list {
		f(s)
		walk(s.Sections, f)
	}
}

// heading is the text of a section's heading: "2.1. Prospects", or its
// title alone in a brief document.
func heading(s *doc.Section) string {
	if s.Number == "" {
		return s.Title
	}
	return s.Number + ". " + s.Title
}

// slug returns the anchor GitHub gives a heading (github-slugger): lower
// case, only letters, marks, digits, connectors, hyphens and spaces kept,
// spaces turned into hyphens, "-1", "-2"… added to repeated slugs.
func (r *renderer) slug(text string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(text) {
		switch {
		case c == ' ':
			b.WriteByte('-')
		case c == '-' || unicode.In(c, unicode.L, unicode.M, unicode.N, unicode.Pc):
			b.WriteRune(c)
		}
	}
	s := b.String()
	n := r.slugs[s]
	r.slugs[s]++
	if n > 0 {
		s += "-" + strconv.Itoa(n)
	}
	return s
}

// toc lists the sections and their sub-sections, linked to their headings.
func (r *renderer) toc(list []*doc.Section, indent string) []string {
	var out []string
	for _, s := range list {
		out = append(out, indent+"- ["+escape(heading(s))+"](#"+r.anchors[s.ID]+")")
		if indent == "" {
			out = append(out, r.toc(s.Sections, indent+"  ")...)
		}
	}
	return out
}

func (r *renderer) sections(out *[]string, list []*doc.Section, level int) {
	for _, s := range list {
		*out = append(*out, "", strings.Repeat("#", min(level, 6))+" "+escapeHeading(heading(s)))
		if len(s.Blocks) > 0 {
			*out = append(*out, "")
			*out = append(*out, r.blocks(s.Blocks)...)
		}
		r.sections(out, s.Sections, level+1)
	}
}

// blocks renders blocks separated by blank lines.
func (r *renderer) blocks(bs []doc.Block) []string {
	var out []string
	for i, b := range bs {
		if i > 0 {
			out = append(out, "")
		}
		out = append(out, r.block(b)...)
	}
	return out
}

func (r *renderer) block(b doc.Block) []string {
	switch b := b.(type) {
	case *doc.Paragraph:
		// Spaces at the start would indent the line: a heading, or code.
		return []string{escapeStart(strings.Trim(r.inline(b.Text), " \t"))}
	case *doc.List:
		return r.list(b.Ordered, b.Items)
	case *doc.Definitions:
		items := make([][]doc.Block, len(b.Items))
		for i, d := range b.Items {
			items[i] = definition(d)
		}
		return r.list(false, items)
	case *doc.Note:
		return quote(r.blocks(b.Blocks))
	case *doc.Table:
		return r.table(b)
	}
	r.fail(b)
	return nil
}

// definition turns a definition into a list item whose first paragraph
// starts with the term in bold: "**Droit d'accès** : obtenir…".
func definition(d doc.Definition) []doc.Block {
	term := make(doc.Inline, 0, len(d.Term)+1)
	for _, s := range d.Term {
		s.Strong = true
		term = append(term, s)
	}
	if p, ok := first(d.Body); ok {
		text := append(append(term, doc.Span{Text: "\u00a0: "}), p.Text...)
		return append([]doc.Block{&doc.Paragraph{Text: text}}, d.Body[1:]...)
	}
	return append([]doc.Block{&doc.Paragraph{Text: append(term, doc.Span{Text: "\u00a0:"})}}, d.Body...)
}

func first(bs []doc.Block) (*doc.Paragraph, bool) {
	if len(bs) == 0 {
		return nil, false
	}
	p, ok := bs[0].(*doc.Paragraph)
	return p, ok
}

// list renders list items. A list whose items are each a paragraph,
// possibly followed by a sub-list, is tight; others are loose.
func (r *renderer) list(ordered bool, items [][]doc.Block) []string {
	tight := true
	for _, item := range items {
		_, para := first(item)
		switch {
		case len(item) == 1 && para:
		case len(item) == 2 && para:
			_, sub := item[1].(*doc.List)
			tight = tight && sub
		default:
			tight = false
		}
	}
	var out []string
	for i, item := range items {
		marker := "- "
		if ordered {
			marker = strconv.Itoa(i+1) + ". "
		}
		indent := strings.Repeat(" ", len(marker))
		if i > 0 && !tight {
			out = append(out, "")
		}
		var lines []string
		if tight {
			for _, b := range item {
				lines = append(lines, r.block(b)...)
			}
		} else {
			lines = r.blocks(item)
		}
		if len(lines) == 0 {
			lines = []string{""}
		}
		for j, l := range lines {
			switch {
			case j == 0:
				out = append(out, strings.TrimRight(marker+l, " "))
			case l == "":
				out = append(out, "")
			default:
				out = append(out, indent+l)
			}
		}
	}
	return out
}

// quote puts lines in a block quote.
func quote(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.TrimRight("> "+l, " ")
	}
	return out
}

// table renders a GFM table, its caption in bold above it. A cell holds
// one line: its paragraphs are separated by dashes, its list items start
// with a bullet.
func (r *renderer) table(t *doc.Table) []string {
	var out []string
	if t.Caption != "" {
		out = append(out, "**"+escape(t.Caption)+"**", "")
	}
	row := func(cells []string) string { return "| " + strings.Join(cells, " | ") + " |" }
	header := make([]string, len(t.Header))
	rule := make([]string, len(t.Header))
	for i, h := range t.Header {
		header[i], rule[i] = escape(h), "---"
	}
	out = append(out, row(header), row(rule))
	for _, cells := range t.Rows {
		texts := make([]string, len(t.Header))
		for i := range texts {
			if i < len(cells) {
				texts[i] = r.cell(cells[i])
			}
		}
		out = append(out, row(texts))
	}
	return out
}

func (r *renderer) cell(bs []doc.Block) string {
	var parts []string
	for _, b := range bs {
		switch b := b.(type) {
		case *doc.Paragraph:
			if len(parts) > 0 {
				parts = append(parts, "—")
			}
			parts = append(parts, r.inline(b.Text))
		case *doc.List:
			for _, item := range b.Items {
				parts = append(parts, "•\u00a0"+r.cell(item))
			}
		case *doc.Definitions:
			for _, d := range b.Items {
				parts = append(parts, r.cell(definition(d)))
			}
		case *doc.Note:
			parts = append(parts, r.cell(b.Blocks))
		case *doc.Table:
			// A table does not fit in a cell: its rows follow one another.
			for _, cells := range b.Rows {
				for _, c := range cells {
					parts = append(parts, r.cell(c))
				}
			}
		default:
			r.fail(b)
		}
	}
	return strings.Join(parts, " ")
}
