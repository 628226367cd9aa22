package doc

import (
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/rgpdoc/rgpdoc/schema"
)

// line builds a run of text from its parts: strings (plain text from the
// model or from the wording here), Spans and Inlines; nil parts are skipped.
func line(parts ...any) Inline {
	n := len(parts)
	for _, p := range parts {
		if p, ok := p.(Inline); ok {
			n += len(p)
		}
	}
	out := make(Inline, 0, n)
	for _, p := range parts {
		switch p := p.(type) {
		case string:
			if p != "" {
				out = append(out, Span{Text: flat(p)})
			}
		case Span:
			out = append(out, p)
		case Inline:
			out = append(out, p...)
		case nil:
		default:
			panic("doc: line part of unexpected type")
		}
	}
	return out
}

// flat turns the line breaks of a plain text (a YAML block scalar) into
// spaces: those of CommonMark, of Unicode, and tabs.
func flat(s string) string {
	// Every text of every document passes here, and most hold no break:
	// the bytes are looked at one by one, runes only where one may start.
	for i := 0; i < len(s); i++ {
		if breakStart[s[i]] {
			if r, _ := utf8.DecodeRuneInString(s[i:]); isBreak(r) {
				return breaks.Replace(s)
			}
		}
	}
	return s
}

// breakStart tells the bytes that start a break in UTF-8.
var breakStart = func() (t [256]bool) {
	for _, r := range "\r\n\t\v\f\u2028\u2029\u0085" {
		t[string(r)[0]] = true
	}
	return t
}()

func isBreak(r rune) bool {
	switch r {
	case '\r', '\n', '\t', '\v', '\f', '\u2028', '\u2029', '\u0085':
		return true
	}
	return false
}

var breaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ", "\v", " ", "\f", " ", "\u2028", " ", "\u2029", " ", "\u0085", " ")

func para(parts ...any) *Paragraph { return &Paragraph{Text: line(parts...)} }

func strong(s string) Span { return Span{Text: flat(s), Strong: true} }

// internal is a link to a section of the document.
func internal(text, anchor string) Span { return Span{Text: text, Link: "#" + anchor} }

// gap is a fact still to be completed, shown as such: what is missing, and
// why when the content says it in a_completer.
func gap(gaps schema.Lacunes, field, what string) Span {
	text := "à compléter : " + what
	if why := gaps[field]; why != "" {
		text += " (" + flat(why) + ")"
	}
	return Span{Text: text, Gap: true}
}

// fact is a required fact: its text, or a gap.
func fact(v string, gaps schema.Lacunes, field, what string) any {
	if strings.TrimSpace(v) == "" {
		return gap(gaps, field, what)
	}
	return v
}

// declared is the gap of an optional fact declared missing in a_completer,
// or nothing.
func declared(v string, gaps schema.Lacunes, field, what string) any {
	if _, ok := gaps[field]; ok && strings.TrimSpace(v) == "" {
		return gap(gaps, field, what)
	}
	return nil
}

// optional prefixes a part that may be missing (nil) with a separator.
func optional(sep string, part any) Inline {
	switch p := part.(type) {
	case nil:
		return nil
	case Inline:
		if len(p) == 0 {
			return nil
		}
	case string:
		if p == "" {
			return nil
		}
	}
	return line(sep, part)
}

// bullets is a list of one-line items.
func bullets(lines ...Inline) *List {
	l := &List{}
	for _, in := range lines {
		l.Items = append(l.Items, []Block{&Paragraph{Text: in}})
	}
	return l
}

// definitions is a list of terms and their one-paragraph definitions.
type definitions []Definition

func (d *definitions) add(term any, body ...Block) {
	*d = append(*d, Definition{Term: line(term), Body: body})
}

// block returns the definitions as a block, or nil when there are none.
func (d definitions) block() Block {
	if len(d) == 0 {
		return nil
	}
	return &Definitions{Items: d}
}

// blocks drops the nil blocks of a list.
func blocks(bs ...Block) []Block {
	var out []Block
	for _, b := range bs {
		if b != nil {
			out = append(out, b)
		}
	}
	return out
}

// join joins runs of text with a separator.
func join(sep string, parts []Inline) Inline {
	var out Inline
	for i, p := range parts {
		if i > 0 {
			out = append(out, Span{Text: sep})
		}
		out = append(out, p...)
	}
	return out
}

// joinStrings joins plain texts with a separator.
func joinStrings(sep string, parts []string) Inline {
	var in []Inline
	for _, p := range parts {
		in = append(in, line(p))
	}
	return join(sep, in)
}

// capital returns s with its first letter in upper case, for a text from
// the model that starts a sentence or a table cell.
func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// sentence ends a text with a full stop, unless it already ends with a
// punctuation mark.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsRune(".!?…", lastRune(s)) {
		return s
	}
	return s + "."
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	if r == utf8.RuneError {
		return 0
	}
	return r
}

// slug turns a title into an anchor: lower-case ASCII letters, digits and
// hyphens ("Cookies et traceurs" → "cookies-et-traceurs").
func slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(strings.ToLower(title)) {
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		case unicode.Is(unicode.Mn, r):
		default:
			dash = true
		}
	}
	return b.String()
}

// label is the French wording of an enumerated value, with a capital.
func label[T ~string](v T) string { return capital(schema.Label(v)) }

// ref returns the legal reference of an enumerated value, to follow its
// wording: ", au sens de l'art. 6, § 1, a) du RGPD". A reference ends with
// the point's own parenthesis ("a)", "7)"), so it never goes inside
// parentheses, where it would read "(art. 4, 7) du RGPD)".
func ref[T ~string](v T) string {
	if o, _ := schema.OptionOf(v); o.Ref != "" {
		return ", au sens de l'" + o.Ref
	}
	return ""
}

// toVerify shows the values the content leaves to confirm (a_verifier),
// after the sentence of the element they belong to: « À vérifier : la source donne « 579
// avenue de la République » et « 679 avenue de la République » ». The value
// the content holds is shown as stated; this says it is not settled.
func toVerify(v schema.Verifications) Inline {
	var out Inline
	for _, field := range slices.Sorted(maps.Keys(v)) {
		x := v[field]
		var quoted []string
		for _, a := range x.Alternatives {
			if strings.Contains(a, "«") {
				// A value that quotes the source already reads as a quotation.
				quoted = append(quoted, flat(a))
			} else {
				quoted = append(quoted, "« "+flat(a)+" »")
			}
		}
		text := "À vérifier : la source donne " + andList(quoted)
		if x.Motif != "" {
			text += " (" + flat(x.Motif) + ")"
		}
		out = append(out, Span{Text: " "}, Span{Text: sentence(text), Gap: true})
	}
	return out
}

// andList joins items the French way: "a", "a et b", "a, b et c".
func andList(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " et " + items[len(items)-1]
}

// verifyPara is toVerify as a paragraph of its own, or nil.
func verifyPara(v schema.Verifications) Block {
	if len(v) == 0 {
		return nil
	}
	return &Paragraph{Text: toVerify(v)[1:]}
}
