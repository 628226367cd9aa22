package doc

import (
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
