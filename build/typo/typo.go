// Package typo is the French typography of the documents, applied once to
// every text when the document tree is built, so that HTML, Markdown and PDF
// carry the same characters: no-break spaces before the high punctuation and
// inside guillemets, the typographic apostrophe, guillemets for straight
// double quotes, French dates, thousands separators and durations.
//
// URLs, e-mail addresses and times (10:30) are left as they are; code spans
// are the caller's business (it does not pass them here).
package typo

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	// NBSP is the no-break space, before « : » and » and after «.
	NBSP = '\u00a0'
	// NNBSP is the narrow no-break space, before « ; », « ! » and « ? », and
	// between groups of digits.
	NNBSP = '\u202f'
)

// protected matches what the rules must not touch: URLs, e-mail addresses
// and times. Spaces of any kind end a URL, since the rules may have put a
// no-break space right after one.
var protected = regexp.MustCompile(`(?:(?:https?|ftp)://|mailto:|www\.)[^\s\p{Z}<>«»"]+` +
	`|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+` +
	`|\b[0-9]{1,2}:[0-9]{2}\b`)

// Text applies the French typography rules to s.
func Text(s string) string { return After(0, s) }

// After applies the rules to s, which continues a text whose last character
// is prev (0 when s starts the text): the text after a word set in bold
// starts with « : » and needs its space all the same.
func After(prev rune, s string) string {
	if s == "" {
		return s
	}
	keep := protectedRanges(s)
	var b strings.Builder
	b.Grow(len(s) + 8)
	last := prev  // the last rune written, spaces included
	pending := "" // a run of spaces not yet written: a slice of s, so no copy
	pendingFrom := 0
	write := func(r rune) {
		b.WriteRune(r)
		last = r
	}
	// flush writes the pending spaces as they are, or as the given space
	// when the next character calls for one; insert adds that space even
	// when no space was typed.
	flush := func(space rune, insert bool) {
		switch {
		case space != 0 && (pending != "" || insert):
			write(space)
		case pending != "":
			b.WriteString(pending)
			last, _ = utf8.DecodeLastRuneInString(pending)
		}
		pending = ""
	}
	// open writes the pending spaces before an ordinary character r: as they
	// are, except after an opening guillemet, which takes a no-break space,
	// and between « § », « n° » or « art. » and their number, which stay
	// together.
	open := func(r rune) {
		switch {
		case last == '«':
			flush(NBSP, true)
		case unicode.IsDigit(r) && pending != "" && bindsNumber(b.String()):
			flush(NBSP, false)
		default:
			flush(0, false)
		}
	}
	for i := 0; i < len(s); {
		if len(keep) > 0 && i == keep[0][0] {
			open(0)
			b.WriteString(s[i:keep[0][1]])
			last, _ = utf8.DecodeLastRuneInString(s[i:keep[0][1]])
			i, keep = keep[0][1], keep[1:]
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		next, _ := utf8.DecodeRuneInString(s[i+size:])
		if i+size >= len(s) {
			next = 0
		}
		at := i
		i += size
		switch {
		case isSpace(r):
			if pending == "" {
				pendingFrom = at
			}
			pending = s[pendingFrom:i]
		case r == ';' || r == '!' || r == '?':
			flush(NNBSP, wantsSpaceAfter(last))
			write(r)
		case r == ':' && unicode.IsDigit(last) && pending == "" && unicode.IsDigit(next):
			write(r)
		case r == ':':
			flush(NBSP, wantsSpaceAfter(last))
			write(r)
		case r == '»' || r == '"' && !opens(last, pending, next):
			flush(NBSP, last != 0 && !isSpace(last))
			write('»')
		case r == '«' || r == '"':
			open(r)
			write('«') // the next character writes the space after it
		// An elided word may also stand before a quotation: « qu'« il… » ».
		case r == '\'' && unicode.IsLetter(last) && pending == "" && (next == 0 || next == '«' || unicode.IsLetter(next)):
			write('’')
		default:
			open(r)
			write(r)
		}
	}
	open(0)
	return b.String()
}

// bindsNumber tells whether a text ends with a sign that its number
// follows on the same line: « § », « n° », « art. ».
func bindsNumber(s string) bool {
	for _, sign := range []string{"§", "n°", "N°", "art.", "Art."} {
		if strings.HasSuffix(s, sign) && (len(s) == len(sign) || !isLetter(s[:len(s)-len(sign)])) {
			return true
		}
	}
	return false
}

// isLetter tells whether s ends with a letter.
func isLetter(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r)
}

// protectedRanges returns the byte ranges of s that the rules leave alone.
// A URL does not take the punctuation that ends its sentence.
func protectedRanges(s string) [][2]int {
	// Most texts hold nothing to protect: spare them the regular expression.
	if !strings.Contains(s, "@") && !strings.Contains(s, "://") && !strings.Contains(s, "www.") &&
		!strings.Contains(s, "mailto:") && !digitColon(s) {
		return nil
	}
	var out [][2]int
	for _, m := range protected.FindAllStringIndex(s, -1) {
		end := m[0] + len(strings.TrimRight(s[m[0]:m[1]], ".,;:!?)’'"))
		out = append(out, [2]int{m[0], end})
	}
	return out
}

// digitColon tells whether s has a colon right after a digit, as a time has.
func digitColon(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] == ':' && s[i-1] >= '0' && s[i-1] <= '9' {
			return true
		}
	}
	return false
}

// opens tells whether a straight double quote opens a quotation: it follows
// nothing, a space or an opening bracket, and is followed by a word.
func opens(last rune, pending string, next rune) bool {
	return (last == 0 || pending != "" || isSpace(last) || strings.ContainsRune("([{/—–-", last)) && !isSpace(next)
}

// wantsSpaceAfter tells whether a « : ; ! ? » written right after r needs a
// space inserted: after a word, a number or a closing sign, not after
// another punctuation mark (« ?! ») or an opening sign.
func wantsSpaceAfter(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(")]}»’.%€*", r)
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == NBSP || r == NNBSP
}
