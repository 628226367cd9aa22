package html

import (
	"testing"

	"github.com/rgpdoc/rgpdoc/build/synth"
)

// BenchmarkRender renders each document of a synthetic organization the size
// of the largest seed (docs/performance.md).
func BenchmarkRender(b *testing.B) {
	docs, err := synth.New(1).Documents(0)
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range docs {
		b.Run(string(d.Kind), func(b *testing.B) {
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
