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
