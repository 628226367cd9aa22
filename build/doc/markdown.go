package doc

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// fragments parses the Markdown of free-text fields: CommonMark, plus GFM
// tables and bare links, which legal teams write naturally. Raw HTML is
// parsed (so that it is recognized) and then dropped by the conversion.
var fragments = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Linkify)).Parser()

// MaxMarkup bounds the markup of the free texts of one content file: the
// sum, over its texts, of their length times their number of markup
// characters ([ ` * _ < !). goldmark's parsing is quadratic on some texts
// ("[a](" or "![a](" repeated, runs of backticks, mixed emphasis), which a
// hostile file could use to stall check and build for hours; under this
// bound the texts of a file parse in a few tens of milliseconds. Real texts
// are thousands of times below it.
const MaxMarkup = 1 << 22

// Markup returns the markup cost of a Markdown text (see MaxMarkup).
func Markup(src string) int {
	marks := 0
	for i := range len(src) {
		switch src[i] {
		case '[', '`', '*', '_', '<', '!':
			marks++
		}
	}
	return len(src) * marks
}

// markdown converts a Markdown fragment into blocks. A text over MaxMarkup,
// which check refuses, is shown as plain text: the preview must not stall.
func markdown(src string) []Block {
	if plainMarkdown(src) {
		return []Block{&Paragraph{Text: Inline{{Text: src}}}}
	}
	return parseMarkdown(src)
}

// plainMarkdown tells whether src is one line of text that Markdown leaves
// as it is: no markup character, no bare link, nothing that starts a block,
// no space that a paragraph trims. Most fields are such, and spare
// goldmark's parser context and tree (TestPlainMarkdown).
func plainMarkdown(src string) bool {
	if src == "" || strings.IndexByte("#-+~= ", src[0]) >= 0 || '0' <= src[0] && src[0] <= '9' || src[len(src)-1] == ' ' {
		return false
	}
	for i := range len(src) {
		if c := src[i]; c < ' ' || strings.IndexByte("\\`*_[]<>!&|@", c) >= 0 {
			return false
		}
	}
	return !strings.Contains(src, "http") && !strings.Contains(src, "ftp:") && !strings.Contains(src, "www.")
}

// parseMarkdown converts a Markdown fragment into blocks with goldmark.
func parseMarkdown(src string) []Block {
	if Markup(src) > MaxMarkup {
		return []Block{para(src)}
	}
	source := []byte(src)
	root := fragments.Parse(text.NewReader(source), parser.WithContext(parser.NewContext()))
	return blocksOf(root, source)
}

// markdownInline converts a Markdown fragment used inside a sentence: its
// paragraphs are joined into one run of text.
func markdownInline(src string) Inline {
	var out Inline
	for _, b := range markdown(src) {
		if len(out) > 0 {
			out = append(out, Span{Text: " "})
		}
		out = append(out, flatten(b)...)
	}
	return out
}

// flatten returns the text of a block as one run.
func flatten(b Block) Inline {
	var out Inline
	add := func(in Inline) {
		if len(out) > 0 && len(in) > 0 {
			out = append(out, Span{Text: " "})
		}
		out = append(out, in...)
	}
	switch b := b.(type) {
	case *Paragraph:
		add(b.Text)
	case *List:
		for _, item := range b.Items {
			for _, ib := range item {
				add(flatten(ib))
			}
		}
	case *Note:
		for _, nb := range b.Blocks {
			add(flatten(nb))
		}
	case *Table:
		for _, row := range b.Rows {
			for _, cell := range row {
				for _, cb := range cell {
					add(flatten(cb))
				}
			}
		}
	}
	return out
}

func blocksOf(parent ast.Node, source []byte) []Block {
	var out []Block
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
			if in := inlineOf(n, source, style{strong: n.Kind() == ast.KindHeading}); len(in) > 0 {
				out = append(out, &Paragraph{Text: in})
			}
		case *ast.List:
			l := &List{Ordered: n.IsOrdered()}
			for item := n.FirstChild(); item != nil; item = item.NextSibling() {
				l.Items = append(l.Items, blocksOf(item, source))
			}
			out = append(out, l)
		case *ast.Blockquote:
			out = append(out, &Note{Kind: Important, Blocks: blocksOf(n, source)})
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			var lines []string
			for i := range n.Lines().Len() {
				seg := n.Lines().At(i)
				lines = append(lines, strings.TrimRight(string(seg.Value(source)), "\n"))
			}
			out = append(out, &Paragraph{Text: Inline{{Text: strings.Join(lines, " "), Code: true}}})
		case *east.Table:
			out = append(out, tableOf(n, source))
		}
		// Raw HTML blocks and thematic breaks are dropped.
	}
	return out
}

func tableOf(n *east.Table, source []byte) *Table {
	t := &Table{}
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []Cell
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			in := inlineOf(cell, source, style{})
			if row.Kind() == east.KindTableHeader {
				t.Header = append(t.Header, in.String())
				continue
			}
			cells = append(cells, Cell{&Paragraph{Text: in}})
		}
		if row.Kind() != east.KindTableHeader {
			t.Rows = append(t.Rows, cells)
		}
	}
	for range t.Header {
		t.Widths = append(t.Widths, 1/float64(len(t.Header)))
	}
	return t
}

// style is the style inherited by the text inside an inline element.
type style struct {
	strong, emph bool
	link         string
}

func (s style) span(text string) Span {
	return Span{Text: text, Strong: s.strong, Emph: s.emph, Link: s.link}
}

func inlineOf(parent ast.Node, source []byte, st style) Inline {
	var out Inline
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Text:
			out = append(out, st.span(string(n.Value(source))))
			if n.SoftLineBreak() || n.HardLineBreak() {
				out = append(out, st.span(" "))
			}
		case *ast.String:
			out = append(out, st.span(string(n.Value)))
		case *ast.CodeSpan:
			var b strings.Builder
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					b.Write(t.Value(source))
				}
			}
			sp := st.span(b.String())
			sp.Code = true
			out = append(out, sp)
		case *ast.Emphasis:
			inner := st
			if n.Level >= 2 {
				inner.strong = true
			} else {
				inner.emph = true
			}
			out = append(out, inlineOf(n, source, inner)...)
		case *ast.Link:
			inner := st
			inner.link, _, _ = Href(Prose, string(n.Destination))
			out = append(out, inlineOf(n, source, inner)...)
		case *ast.AutoLink:
			url := string(n.URL(source))
			if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(url, "mailto:") {
				url = "mailto:" + url
			}
			sp := st.span(string(n.Label(source)))
			sp.Link, _, _ = Href(Prose, url)
			out = append(out, sp)
		case *ast.Image:
			// An image has no place in a legal text: its description stands for it.
			out = append(out, inlineOf(n, source, st)...)
		}
		// Raw HTML is dropped.
	}
	return out
}

// Links returns the destinations of the links of a Markdown text, as
// written: check reports those that the link policy (Href) refuses, and
// that the document shows as plain text.
func Links(src string) []string {
	if !strings.ContainsAny(src, "[<:@") || Markup(src) > MaxMarkup {
		return nil // no link can be written without one of them (most texts), or shown as plain text
	}
	source := []byte(src)
	root := fragments.Parse(text.NewReader(source), parser.WithContext(parser.NewContext()))
	var out []string
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Link:
			if entering {
				out = append(out, string(n.Destination))
			}
		case *ast.AutoLink:
			if entering && n.AutoLinkType == ast.AutoLinkURL {
				out = append(out, string(n.URL(source)))
			}
		}
		return ast.WalkContinue, nil
	})
	return out
}

// String returns the text of the run, without styles.
func (in Inline) String() string {
	var b strings.Builder
	for _, s := range in {
		b.WriteString(s.Text)
	}
	return b.String()
}
