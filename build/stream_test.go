package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/rgpdoc/rgpdoc/build/load"
	"github.com/rgpdoc/rgpdoc/build/render/html"
	"github.com/rgpdoc/rgpdoc/build/synth"
)

// streamed builds the content folder dir into out as rgpdoc build does
// (load.Open, then Write), checks that every organization was released once
// rendered and that the findings are those of Check on the loaded site, and
// returns the findings' verdict and the number of files written.
func streamed(t *testing.T, dir, out string, opts Options) (fails bool, files int) {
	t.Helper()
	site, err := load.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	findings, files, err := Write(context.Background(), site, opts, out, nil)
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := load.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	want, err := Check(loaded)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(findings, want) {
		t.Errorf("Write's findings differ from Check's:\n%v\nwant:\n%v", findings, want)
	}
	if site.FileCount() != loaded.FileCount() {
		t.Errorf("%d files counted, want %d", site.FileCount(), loaded.FileCount())
	}
	for _, o := range site.Orgs {
		if o.IsRead() || o.Content != nil || o.Assets != nil || o.Files != nil {
			t.Errorf("organization %s not released after its rendering", o.ID)
		}
	}
	return findings.Fails(opts.Strict), files
}

// TestWriteKeepsPreviousSiteOnFindings checks that findings that fail the
// run, found while organizations are rendered, leave the previous site as it
// was: warnings with Strict, then an error in one organization's files.
func TestWriteKeepsPreviousSiteOnFindings(t *testing.T) {
	dir := t.TempDir()
	g := synth.New(1)
	// Organization 7 has a declared gap, hence warnings.
	if err := g.Write(dir, 12); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	opts := Options{Formats: []Format{html.HTML}}
	if fails, files := streamed(t, dir, out, opts); fails || files == 0 {
		t.Fatalf("first build: fails %v, %d files", fails, files)
	}
	before := readSite(t, out)

	strict := opts
	strict.Strict = true
	if fails, files := streamed(t, dir, out, strict); !fails || files != 0 {
		t.Errorf("strict build with warnings: fails %v, %d files; want a failure and no file", fails, files)
	}
	sameFiles(t, "after a strict build with warnings", before, readSite(t, out))

	f, err := os.OpenFile(filepath.Join(dir, g.ID(3), "organisation.yaml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("cle_inconnue: 1\n"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if fails, files := streamed(t, dir, out, opts); !fails || files != 0 {
		t.Errorf("build with an error: fails %v, %d files; want a failure and no file", fails, files)
	}
	sameFiles(t, "after a build with an error", before, readSite(t, out))
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("temporary folders left beside the site: %v", entries)
	}
}

// TestInOrder checks that the site index gets the organizations in their
// order whatever the order they finish in, without those not rendered.
func TestInOrder(t *testing.T) {
	for _, tc := range []struct {
		arrivals []int
		skipped  []int // rendered without a listing
	}{
		{arrivals: []int{0, 1, 2, 3}},
		{arrivals: []int{3, 2, 1, 0}},
		{arrivals: []int{1, 0, 3, 2}},
		{arrivals: []int{2, 0, 3, 1}, skipped: []int{0}},
		{arrivals: []int{1, 3, 0, 2}, skipped: []int{1, 2}},
	} {
		var got []string
		listed := inOrder(func(l html.Listing) error {
			got = append(got, l.Org.ID)
			return nil
		})
		var want []string
		for i := range len(tc.arrivals) {
			if !slices.Contains(tc.skipped, i) {
				want = append(want, fmt.Sprint("org", i))
			}
		}
		for _, i := range tc.arrivals {
			var l html.Listing
			if !slices.Contains(tc.skipped, i) {
				l.Org.ID = fmt.Sprint("org", i)
			}
			if err := listed(i, l); err != nil {
				t.Fatal(err)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("arrivals %v, skipped %v: listed %v, want %v", tc.arrivals, tc.skipped, got, want)
		}
	}
}

// TestWriteAsRender checks that the site Write streams to disk, the site
// index written as the organizations are rendered, is the site that Render
// gives with every listing in hand.
func TestWriteAsRender(t *testing.T) {
	dir := t.TempDir()
	if err := synth.New(1).Write(dir, 9); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	opts := Options{Formats: []Format{html.HTML, html.Markdown}}
	streamed(t, dir, out, opts)
	got := readSite(t, out)
	delete(got, siteMark)
	sameFiles(t, "Write", rendered(t, dir, opts), got)
}

// rendered returns the site of the content folder dir as Render gives it,
// the whole site loaded and checked first.
func rendered(t *testing.T, dir string, opts Options) Files {
	t.Helper()
	site, err := load.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	findings, err := Check(site)
	if err != nil {
		t.Fatal(err)
	}
	files := Files{}
	if err := Render(site, findings, opts, files.Collect()); err != nil {
		t.Fatal(err)
	}
	return files
}
