package build

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/rgpdoc/rgpdoc/build/synth"
)

// TestNoMachinePaths builds a site whose content folder is named by its
// absolute path, with an organization whose documents carry the draft
// banner: no file of the site names the folder's place on the machine.
func TestNoMachinePaths(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	if err := synth.New(1).Write(dir, 8); err != nil { // the 8th has a declared gap
		t.Fatal(err)
	}
	files := rendered(t, dir, Options{Formats: []Format{Formats[0], Formats[1]}})
	drafts := 0
	for name, b := range files {
		if bytes.Contains(b, []byte(filepath.Dir(dir))) {
			t.Errorf("%s names the content folder's place: %s", name, filepath.Dir(dir))
		}
		if bytes.Contains(b, []byte("Projet")) {
			drafts++
		}
	}
	if drafts == 0 {
		t.Error("no document carries the draft banner")
	}
}
