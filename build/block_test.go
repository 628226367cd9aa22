package build_test

import (
	"strings"
	"testing"

	"github.com/rgpdoc/rgpdoc/build"
	"github.com/rgpdoc/rgpdoc/build/doc"
)

// alien is a block that no renderer knows: the tree's set of blocks is
// closed, and a renderer that meets another fails in every format alike.
type alien struct{ doc.Block }

func TestUnknownBlock(t *testing.T) {
	places := map[string]func(b doc.Block) *doc.Document{
		"preamble": func(b doc.Block) *doc.Document { return &doc.Document{Title: "T", Preamble: []doc.Block{b}} },
		"cell": func(b doc.Block) *doc.Document {
			return &doc.Document{Title: "T", Sections: []*doc.Section{{ID: "a", Number: "1", Title: "A", Blocks: []doc.Block{
				&doc.Table{Header: []string{"X", "Y"}, Widths: []float64{0.5, 0.5}, Rows: [][]doc.Cell{{{&doc.Paragraph{}}, {b}}}},
			}}}}
		},
	}
	for name, place := range places {
		for _, b := range []doc.Block{alien{}, nil} {
			// The register's exports lay out its workbook, not the tree.
			for _, f := range doc.Formats(doc.Politique, build.Formats) {
				_, err := build.RenderFormat(place(b), f, nil)
				if err == nil || !strings.Contains(err.Error(), "inconnu") {
					t.Errorf("%s, %T, %s: err = %v, want an unknown block error", name, b, f, err)
				}
			}
		}
	}
}
