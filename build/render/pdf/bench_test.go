package pdf

import (
	"testing"

	"github.com/rgpdoc/rgpdoc/build/doc"
	"github.com/rgpdoc/rgpdoc/build/synth"
)

// BenchmarkRender renders each document of a synthetic organization the size
// of the largest seed (docs/performance.md), and the hand-built document
// (6 pages, every kind of block, five faces).
func BenchmarkRender(b *testing.B) {
	docs, err := synth.New(1).Documents(0)
	if err != nil {
		b.Fatal(err)
	}
	named := map[string]*doc.Document{"manuel": sample(false)}
	for _, d := range docs {
		named[string(d.Kind)] = d
	}
	for name, d := range named {
		b.Run(name, func(b *testing.B) {
			size := 0
			for b.Loop() {
				out, err := Render(d)
				if err != nil {
					b.Fatal(err)
				}
				size = len(out)
			}
			b.SetBytes(int64(size))
		})
	}
}
