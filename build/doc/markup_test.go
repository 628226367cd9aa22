package doc

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestHeavyMarkupIsPlainText checks that a text over MaxMarkup, which
// goldmark would take minutes to parse, is plain text in the tree.
func TestHeavyMarkupIsPlainText(t *testing.T) {
	src := strings.Repeat("[a](", 250_000)
	if Markup(src) <= MaxMarkup || Links(src) != nil {
		t.Fatal("the text is under the budget, or parsed for links")
	}
	b := markdown(src)
	if len(b) != 1 || b[0].(*Paragraph).Text.String() != src {
		t.Errorf("not one paragraph of plain text: %d blocks", len(b))
	}
}

// TestFlat checks that every line break of a plain text becomes a space, and
// that a text without one is kept as it is.
func TestFlat(t *testing.T) {
	for _, br := range []string{"\r\n", "\n", "\r", "\t", "\v", "\f", "\u2028", "\u2029", "\u0085"} {
		if got := flat("a" + br + "b"); got != "a b" {
			t.Errorf("flat(%q) = %q, want %q", "a"+br+"b", got, "a b")
		}
	}
	for _, s := range []string{"", "données à caractère personnel", "a\u00a0: b", "\u202f€"} {
		if got := flat(s); got != s {
			t.Errorf("flat(%q) = %q, want it unchanged", s, got)
		}
	}
}

// TestPlainMarkdown checks that the texts markdown spares goldmark are
// those goldmark leaves as one paragraph of one span, the text itself, and
// that texts with markup are still parsed.
func TestPlainMarkdown(t *testing.T) {
	plain := []string{
		"Gestion des clients", "Droit d'accès : obtenir une copie ; ou pas ?", "art. 6, § 1, b) du RGPD",
		"Conservation pendant 3 ans (prescription)", "«\u00a0Site\u00a0» et la Plateforme.", "a", "Tél. 01 23 45 67 89",
	}
	for _, s := range plain {
		if !plainMarkdown(s) {
			t.Errorf("plainMarkdown(%q) = false, want true", s)
		}
		assertPlain(t, s)
	}
	for _, s := range []string{
		"", " a", "a ", "a\nb", "# Titre", "- item", "1. item", "2) item", "> note", "a *b*", "a_b_", "[l](u)",
		"voir https://cnil.fr", "www.cnil.fr", "dpo@exemple.fr", "a &amp; b", "a | b", "a\\*", "`x`", "<b>", "~~~", "---", "=",
	} {
		if plainMarkdown(s) {
			t.Errorf("plainMarkdown(%q) = true, want false", s)
		}
	}
}

// assertPlain fails when goldmark does not make a text that plainMarkdown
// accepts one paragraph of plain spans holding the text (split where its
// inline parsers looked, which typesetting merges back).
func assertPlain(t *testing.T, s string) {
	t.Helper()
	if !plainMarkdown(s) {
		return
	}
	want := parseMarkdown(s)
	var p *Paragraph
	if len(want) == 1 {
		p, _ = want[0].(*Paragraph)
	}
	if p == nil || p.Text.String() != s || slices.ContainsFunc(p.Text, func(sp Span) bool { return !sameStyle(sp, Span{}) }) {
		t.Errorf("goldmark makes %q %#v, not one paragraph of plain text", s, want)
	}
	if got := markdown(s); len(got) != 1 || !reflect.DeepEqual(got[0].(*Paragraph).Text, Inline{{Text: s}}) {
		t.Errorf("markdown(%q) = %#v", s, got)
	}
}

func FuzzPlainMarkdown(f *testing.F) {
	for _, s := range []string{"Gestion des clients", "a : b ; c", "3 ans", "(voir ci-dessous)", "a\u2028b", "x -- y"} {
		f.Add(s)
	}
	f.Fuzz(assertPlain)
}
