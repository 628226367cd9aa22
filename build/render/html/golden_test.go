package html

import (
	"bytes"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/rgpdoc/rgpdoc/internal/golden"
)

// goldenDir holds the expected pages as they are published, public/ without
// its assets/ folder.
const goldenDir = "../../../testdata/render/html"

// checkGoldenDir compares the files with the golden folder, or rewrites the folder
// with -update.
func checkGoldenDir(t *testing.T, files map[string][]byte) {
	t.Helper()
	if golden.Update() {
		if err := os.RemoveAll(goldenDir); err != nil {
			t.Fatal(err)
		}
		for name, b := range files {
			file := filepath.Join(goldenDir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	want := map[string][]byte{}
	err := filepath.WalkDir(goldenDir, func(file string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(goldenDir, file)
		want[filepath.ToSlash(rel)], err = os.ReadFile(file)
		return err
	})
	if err != nil {
		t.Fatalf("%v (go test -update writes the golden files)", err)
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		t.Run(name, func(t *testing.T) {
			w, ok := want[name]
			if !ok {
				t.Fatalf("no golden file %s/%s (go test -update writes it)", goldenDir, name)
			}
			if got := files[name]; !bytes.Equal(w, got) {
				t.Errorf("%s/%s differs (-want +got):\n%s", goldenDir, name, golden.Diff(string(w), string(got)))
			}
		})
	}
	for name := range want {
		if _, ok := files[name]; !ok {
			t.Errorf("%s/%s is no longer produced (go test -update removes it)", goldenDir, name)
		}
	}
}
