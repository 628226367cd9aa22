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

	nbsp  = string(NBSP)
	nnbsp = string(NNBSP)
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
//
// Most texts need few changes, or none: s is copied between the changes,
// and returned as it is when there is none.
func After(prev rune, s string) string {
	if s == "" {
		return s
	}
	keep := protectedRanges(s)
	var b strings.Builder // s[:done] with its changes, once there is one
	done := 0
	edit := func(from, to int, repl string) {
		if b.Cap() == 0 {
			b.Grow(len(s) + 8)
		}
		b.WriteString(s[done:from])
		b.WriteString(repl)
		done = to
	}
	last := prev // the last rune of the text so far, spaces included
	sp := 0      // s[sp:at] is the run of spaces before the character at at
	// flush keeps the spaces before at as they are, or makes them the given
	// space when the next character calls for one; insert adds that space
	// even when no space was typed.
	flush := func(at int, space string, insert bool) {
		switch pending := s[sp:at]; {
		case space != "" && (pending != "" || insert):
			if pending != space {
				edit(sp, at, space)
			}
			last, _ = utf8.DecodeRuneInString(space)
		case pending != "":
			last, _ = utf8.DecodeLastRuneInString(pending)
		}
	}
	// open flushes the spaces before an ordinary character r: as they are,
	// except after an opening guillemet, which takes a no-break space, and
	// between « § », « n° » or « art. » and their number, which stay
	// together. The rules change no sign nor letter, so s tells what the
	// text so far ends with.
	open := func(at int, r rune) {
		switch {
		case last == '«':
			flush(at, nbsp, true)
		case unicode.IsDigit(r) && sp < at && bindsNumber(s[:sp]):
			flush(at, nbsp, false)
		default:
			flush(at, "", false)
		}
	}
	for i := 0; i < len(s); {
		// A run of ASCII characters that no rule looks at, after another
		// such character, is copied as it is, single spaces included.
		if sp == i && last != '«' {
			end := len(s)
			if len(keep) > 0 {
				end = keep[0][0]
			}
			j := i
			for j < end {
				if plain[s[j]] {
					j++
					continue
				}
				// A single space before such a character changes
				// nothing either, unless it is a digit, which « § » or
				// « art. » before the space may bind.
				if s[j] == ' ' && j+1 < end && plain[s[j+1]] && (s[j+1] < '0' || s[j+1] > '9') {
					j += 2
					continue
				}
				break
			}
			if j > i {
				i, sp, last = j, j, rune(s[j-1])
				continue
			}
		}
		at := i
		if len(keep) > 0 && at == keep[0][0] {
			open(at, 0)
			i, keep = keep[0][1], keep[1:]
			last, _ = utf8.DecodeLastRuneInString(s[at:i])
			sp = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if isSpace(r) {
			continue
		}
		next, _ := utf8.DecodeRuneInString(s[i:])
		if i >= len(s) {
			next = 0
		}
		switch {
		case r == ';' || r == '!' || r == '?':
			flush(at, nnbsp, wantsSpaceAfter(last))
		case r == ':' && unicode.IsDigit(last) && sp == at && unicode.IsDigit(next):
		case r == ':':
			flush(at, nbsp, wantsSpaceAfter(last))
		case r == '»' || r == '"' && !opens(last, sp < at, next):
			flush(at, nbsp, last != 0 && !isSpace(last))
			if r == '"' {
				edit(at, i, "»")
			}
			r = '»'
		case r == '«' || r == '"':
			open(at, r) // the next character writes the space after it
			if r == '"' {
				edit(at, i, "«")
			}
			r = '«'
		// An elided word may also stand before a quotation: « qu'« il… » ».
		case r == '\'' && unicode.IsLetter(last) && sp == at && (next == 0 || next == '«' || unicode.IsLetter(next)):
			edit(at, i, "’")
			r = '’'
		default:
			open(at, r)
			// A byte that is not UTF-8 becomes U+FFFD, so that the
			// document tree holds text the renderers can take rune by rune.
			if r == utf8.RuneError && size == 1 {
				edit(at, i, "\uFFFD")
			}
		}
		last, sp = r, i
	}
	open(len(s), 0)
	if b.Cap() == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// plain tells the ASCII characters that no rule changes nor looks at
// beyond the one before them.
var plain = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = !strings.ContainsRune(" \t;!?:\"'", rune(c))
	}
	return t
}()

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
	if !strings.Contains(s, "@") && !strings.Contains(s, "www.") &&
		(strings.IndexByte(s, ':') < 0 || !strings.Contains(s, "://") && !strings.Contains(s, "mailto:") && !digitColon(s)) {
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
	for at := 0; ; at++ {
		i := strings.IndexByte(s[at:], ':')
		if i < 0 {
			return false
		}
		if at += i; at > 0 && s[at-1] >= '0' && s[at-1] <= '9' {
			return true
		}
	}
}

// opens tells whether a straight double quote opens a quotation: it follows
// nothing, a space or an opening bracket, and is followed by a word.
func opens(last rune, spaced bool, next rune) bool {
	return (last == 0 || spaced || isSpace(last) || strings.ContainsRune("([{/—–-", last)) && !isSpace(next)
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
