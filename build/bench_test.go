package build

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/rgpdoc/rgpdoc/build/doc"
	"github.com/rgpdoc/rgpdoc/build/load"
	"github.com/rgpdoc/rgpdoc/build/render/html"
	"github.com/rgpdoc/rgpdoc/build/synth"
)

// The benchmarks of the pipeline run on synthetic organizations the size of
// the largest seed (build/synth); docs/performance.md gives the figures and
// scripts/bench the commands.

var sizes = []int{1, 100, 1000}

// synthetic writes a content folder of n synthetic organizations.
func synthetic(b *testing.B, n int) string {
	dir := filepath.Join(b.TempDir(), "content")
	if err := synth.New(1).Write(dir, n); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkRender renders each document of a synthetic organization in each
// format: the cost of each renderer alone.
func BenchmarkRender(b *testing.B) {
	docs, err := synth.New(1).Documents(0)
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range Formats {
		for _, d := range docs {
			if !slices.Contains(doc.Formats(d.Kind, []Format{f}), f) {
				continue
			}
			b.Run(fmt.Sprintf("format=%s/%s", f, d.Kind), func(b *testing.B) {
				size := 0
				for b.Loop() {
					out, err := RenderFormat(d, f, nil)
					if err != nil {
						b.Fatal(err)
					}
					size = len(out)
				}
				b.SetBytes(int64(size))
			})
		}
	}
}

// BenchmarkLoadCheck reads, validates and checks the content: what rgpdoc
// check does, and what rgpdoc build does besides rendering.
func BenchmarkLoadCheck(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("orgs=%d", n), func(b *testing.B) {
			dir := synthetic(b, n)
			for b.Loop() {
				site, err := load.Open(dir)
				if err != nil {
					b.Fatal(err)
				}
				findings, err := Check(site)
				if err != nil {
					b.Fatal(err)
				}
				if findings.Fails(false) {
					b.Fatal("synthetic content has errors")
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "orgs/s")
		})
	}
}

// BenchmarkBuild is rgpdoc build: load, check, render and write the site to
// disk, in HTML only (to compare with Hugo) and in the three formats.
func BenchmarkBuild(b *testing.B) {
	for _, f := range []struct {
		name    string
		formats []Format
	}{{"html", []Format{html.HTML}}, {"tout", nil}} {
		for _, n := range sizes {
			b.Run(fmt.Sprintf("format=%s/orgs=%d", f.name, n), func(b *testing.B) {
				dir := synthetic(b, n)
				out := filepath.Join(b.TempDir(), "public")
				var files atomic.Int64
				for b.Loop() {
					files.Add(int64(siteBuild(b, dir, out, Options{Formats: f.formats}, nil)))
				}
				b.ReportMetric(float64(files.Load())/b.Elapsed().Seconds(), "fichiers/s")
			})
		}
	}
}

// BenchmarkRebuildOneChanged is CI's common case: a build of the whole site
// after an edit of one organization, with the cache of the previous build.
func BenchmarkRebuildOneChanged(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("orgs=%d", n), func(b *testing.B) {
			dir := synthetic(b, n)
			out := filepath.Join(b.TempDir(), "public")
			cache := filepath.Join(b.TempDir(), "cache")
			rebuild := func() int {
				c, err := OpenCache(cache)
				if err != nil {
					b.Fatal(err)
				}
				files := siteBuild(b, dir, out, Options{}, c)
				if err := c.Prune(); err != nil {
					b.Fatal(err)
				}
				return files
			}
			rebuild()
			var files, rev int
			for b.Loop() {
				b.StopTimer()
				rev++
				if err := synth.New(1).Edit(dir, 0, rev); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				files += rebuild()
			}
			b.ReportMetric(float64(files)/b.Elapsed().Seconds(), "fichiers/s")
		})
	}
}

// siteBuild does what rgpdoc build does and returns the number of files written.
func siteBuild(b *testing.B, dir, out string, opts Options, cache *Cache) int {
	site, err := load.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	findings, files, err := Write(context.Background(), site, opts, out, cache)
	if err != nil {
		b.Fatal(err)
	}
	if findings.Fails(false) {
		b.Fatal("synthetic content has errors")
	}
	return files
}
