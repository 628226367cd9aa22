package md

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rgpdoc/rgpdoc/build/doc"
)

// inline renders a run of text. Neighbouring spans in the same style
// share their emphasis delimiters: "**a****b**" would not read as bold.
func (r *renderer) inline(in doc.Inline) string {
	var b strings.Builder
	for i := 0; i < len(in); {
		strong, emph := in[i].Strong || in[i].Gap, in[i].Emph
		var group strings.Builder
		for ; i < len(in) && (in[i].Strong || in[i].Gap) == strong && in[i].Emph == emph; i++ {
			group.WriteString(r.span(in[i]))
		}
		b.WriteString(emphasize(group.String(), strong, emph))
	}
	return b.String()
}

// span renders the text of a span. A gap is set between brackets (and in
// bold, see inline), so that it shows in the text as in the rendered page.
func (r *renderer) span(s doc.Span) string {
	text := strings.ReplaceAll(s.Text, "\n", " ")
	var out string
	switch {
	case s.Code:
		out = code(text)
	case s.Gap:
		out = "[" + escape(text) + "]"
	default:
		out = escape(text)
	}
	if s.Link != "" {
		out = r.link(out, text, s.Link)
	}
	return out
}

// link writes a link: an address shown as itself becomes an autolink
// (<https://…>, <dpo@exemple.fr>), a link to a section points to the slug
// of its heading.
func (r *renderer) link(label, text, url string) string {
	if id, ok := strings.CutPrefix(url, "#"); ok {
		if slug, ok := r.anchors[id]; ok {
			url = "#" + slug
		}
		return "[" + label + "](" + url + ")"
	}
	bare := !strings.ContainsAny(url, " <>\t") && url != ""
	if bare && (url == text || url == "mailto:"+text) {
		return "<" + text + ">"
	}
	if !bare || strings.ContainsAny(url, "()") {
		url = "<" + strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20").Replace(url) + ">"
	}
	return "[" + label + "](" + url + ")"
}

// code writes a code span, its fence longer than any run of backticks in it.
func code(text string) string {
	fence := "`"
	for strings.Contains(text, fence) {
		fence += "`"
	}
	if strings.HasPrefix(text, "`") || strings.HasSuffix(text, "`") {
		text = " " + text + " "
	}
	return fence + text + fence
}

// emphasize sets a text in bold or italics, keeping the spaces at its ends
// outside the delimiters, where CommonMark wants them.
func emphasize(s string, strong, emph bool) string {
	core := strings.TrimFunc(s, unicode.IsSpace)
	if core == "" || !strong && !emph {
		return s
	}
	d := "*"
	switch {
	case strong && emph:
		d = "***"
	case strong:
		d = "**"
	}
	i := strings.Index(s, core)
	return s[:i] + d + core + d + s[i+len(core):]
}

// escape backslash-escapes the characters that could start markup: inline
// code, emphasis, links, autolinks and HTML, table cells, strikethrough,
// entity references.
func escape(s string) string {
	// Most texts hold none of these characters: they stay as they are,
	// unless a byte is not UTF-8 (it comes out as U+FFFD, as below).
	if !strings.ContainsAny(s, "\\`*[]<>|~_&") && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	prev := ' '
	for i, c := range s {
		// The width of c in s: a byte that is not UTF-8 reads as U+FFFD,
		// which takes three.
		_, size := utf8.DecodeRuneInString(s[i:])
		next, _ := utf8.DecodeRuneInString(s[i+size:])
		switch {
		case strings.ContainsRune("\\`*[]<>|~", c):
			b.WriteByte('\\')
		case c == '_' && !(wordChar(prev) && wordChar(next)):
			b.WriteByte('\\')
		case c == '&' && (unicode.IsLetter(next) || unicode.IsDigit(next) || next == '#'):
			b.WriteByte('\\')
		}
		b.WriteRune(c)
		prev = c
	}
	return b.String()
}

func wordChar(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// escapeStart escapes what would make a block of the start of a line: a
// heading, a quote, a list item, a thematic break, a setext underline.
func escapeStart(line string) string {
	if line == "" {
		return line
	}
	if strings.ContainsRune("#>+-=", rune(line[0])) {
		return `\` + line
	}
	digits := len(line) - len(strings.TrimLeft(line, "0123456789"))
	if digits > 0 && digits < 10 && digits < len(line) && (line[digits] == '.' || line[digits] == ')') {
		return line[:digits] + `\` + line[digits:]
	}
	return line
}

// escapeHeading escapes a heading's text, including the hashes that could
// close it.
func escapeHeading(s string) string {
	return strings.ReplaceAll(escape(s), "#", `\#`)
}
