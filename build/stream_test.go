package build

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
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
		if o.IsRead() || o.Content.Organisation != nil || o.Assets != nil || len(o.Files) == 0 || o.Files[0].Src != nil || o.Files[0].Value != nil {
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
