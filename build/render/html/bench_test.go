package html

import (
	"testing"

	"github.com/rgpdoc/rgpdoc/build/synth"
)

// BenchmarkIndex renders the index page of a synthetic organization, and the
// site index of 1,000 organizations that publish the same documents, which
// the preview server renders again when an organization's name changes.
func BenchmarkIndex(b *testing.B) {
	g := synth.New(1)
	docs, err := g.Documents(0)
	if err != nil {
		b.Fatal(err)
	}
	ls := make([]Listing, 1000)
	for i := range ls {
		org := docs[0].Org
		org.ID = g.ID(i)
		ls[i] = NewListing(org, docs, HTML, Markdown, PDF)
	}
	for _, bc := range []struct {
		name   string
		render func() ([]byte, error)
	}{
		{"org", func() ([]byte, error) { return OrgIndex(ls[0], nil) }},
		{"site/orgs=1000", func() ([]byte, error) { return SiteIndex(ls, nil) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			size := 0
			for b.Loop() {
				out, err := bc.render()
				if err != nil {
					b.Fatal(err)
				}
				size = len(out)
			}
			b.SetBytes(int64(size))
		})
	}
}
