package build

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

func write(files Files) func(*Dir) error {
	return func(d *Dir) error {
		for name, b := range files {
			if err := d.Put(name, b); err != nil {
				return err
			}
		}
		return nil
	}
}

func TestReplaceSwapsTheSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Replace(out, write(Files{"index.html": []byte("v1"), "a/old.html": []byte("old")})); err != nil {
		t.Fatal(err)
	}
	if err := Replace(out, write(Files{"index.html": []byte("v2"), "a/b/c.md": []byte("c")})); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "v2" {
		t.Errorf("index.html = %q, want v2", b)
	}
	if _, err := os.Stat(filepath.Join(out, "a", "old.html")); !os.IsNotExist(err) {
		t.Errorf("a file of the previous site survived: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "a", "b", "c.md")); string(b) != "c" {
		t.Errorf("a/b/c.md = %q", b)
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("temporary folders left beside the site: %v", entries)
	}
}

func TestReplaceFailureKeepsPreviousSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Replace(out, write(Files{"index.html": []byte("v1")})); err != nil {
		t.Fatal(err)
	}
	for name, fill := range map[string]func(*Dir) error{
		"render error": func(d *Dir) error {
			d.Put("index.html", []byte("half"))
			return errors.New("rendering failed")
		},
		// A file and a folder cannot have the same path.
		"write error": write(Files{"x": []byte("file"), "x/y": []byte("in a folder")}),
	} {
		if err := Replace(out, fill); err == nil {
			t.Fatalf("%s: want an error", name)
		}
		if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "v1" {
			t.Errorf("%s: previous site damaged: index.html = %q", name, b)
		}
		if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
			t.Errorf("%s: temporary folders left beside the site: %v", name, entries)
		}
	}
}

// TestReplaceConcurrentPuts puts files into the same new folders from
// several goroutines, as Render does: no put may run before its folder exists.
func TestReplaceConcurrentPuts(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	err := Replace(out, func(d *Dir) error {
		errs := make(chan error, 64)
		for i := range 64 {
			go func() { errs <- d.Put(filepath.Join("org", "sous-dossier", strconv.Itoa(i)+".html"), []byte("x")) }()
		}
		for range 64 {
			if err := <-errs; err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(filepath.Join(out, "org", "sous-dossier")); len(entries) != 64 {
		t.Errorf("%d files written, want 64", len(entries))
	}
}
