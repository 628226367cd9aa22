package build

import (
	"bytes"
	"context"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/rgpdoc/rgpdoc/build/load"
	"github.com/rgpdoc/rgpdoc/build/render/html"
	"github.com/rgpdoc/rgpdoc/build/synth"
)

// writeSite builds the site of the content folder dir into out, and returns
// its files.
func writeSite(t *testing.T, dir, out string, opts Options, cache *Cache) Files {
	t.Helper()
	site, err := load.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if findings, _, err := Write(context.Background(), site, opts, out, cache); err != nil || findings.Fails(false) {
		t.Fatal(err, findings)
	}
	return readSite(t, out)
}

// readSite returns the files of the site in the folder out.
func readSite(t *testing.T, out string) Files {
	t.Helper()
	files := Files{}
	err := filepath.WalkDir(out, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		files[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func sameFiles(t *testing.T, label string, want, got Files) {
	t.Helper()
	if w, g := slices.Sorted(maps.Keys(want)), slices.Sorted(maps.Keys(got)); !slices.Equal(w, g) {
		t.Fatalf("%s: files %v, want %v", label, g, w)
	}
	for name, b := range want {
		if !bytes.Equal(b, got[name]) {
			t.Errorf("%s: %s differs from the build without cache", label, name)
		}
	}
}

func openCache(t *testing.T, dir string) *Cache {
	t.Helper()
	c, err := OpenCache(dir)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCacheGivesTheSameSite(t *testing.T) {
	dir := t.TempDir()
	g := synth.New(1)
	// Organizations 0 to 3, and 7, which has a declared gap: its documents
	// carry the draft banner.
	if err := g.Write(dir, 8); err != nil {
		t.Fatal(err)
	}
	for i := 4; i < 7; i++ {
		os.RemoveAll(filepath.Join(dir, g.ID(i)))
	}
	const n = 5
	out, cacheDir := filepath.Join(t.TempDir(), "public"), t.TempDir()
	for _, formats := range [][]Format{nil, {html.HTML}} {
		want := writeSite(t, dir, out, Options{Formats: formats}, nil)
		for run, hits := range []int64{0, n} {
			c := openCache(t, cacheDir)
			sameFiles(t, "cached build", want, writeSite(t, dir, out, Options{Formats: formats}, c))
			if c.Hits() != hits || c.Misses() != n-hits {
				t.Errorf("formats %v, build %d: %d hits and %d misses, want %d and %d", formats, run+1, c.Hits(), c.Misses(), hits, n-hits)
			}
		}
	}

	// An edit renders its organization only; pruning then leaves one entry
	// per organization.
	if err := g.Edit(dir, 1, 1); err != nil {
		t.Fatal(err)
	}
	want := writeSite(t, dir, out, Options{}, nil)
	c := openCache(t, cacheDir)
	sameFiles(t, "after an edit", want, writeSite(t, dir, out, Options{}, c))
	if c.Hits() != n-1 || c.Misses() != 1 {
		t.Errorf("after an edit: %d hits and %d misses, want %d and 1", c.Hits(), c.Misses(), n-1)
	}
	if err := c.Prune(); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(cacheDir); len(entries) != n+1 { // and the cache's mark
		t.Errorf("%d entries after pruning, want %d and the mark", len(entries)-1, n)
	}

	// A file of the site changed in place is a file of the cache changed:
	// its organization is rendered again.
	page := filepath.Join(out, g.ID(2), "index.html")
	if err := os.WriteFile(page, []byte("modifié"), 0o644); err != nil {
		t.Fatal(err)
	}
	c = openCache(t, cacheDir)
	sameFiles(t, "after a change in the site", want, writeSite(t, dir, out, Options{}, c))
	if c.Misses() != 1 {
		t.Errorf("after a change in the site: %d misses, want 1", c.Misses())
	}
}
