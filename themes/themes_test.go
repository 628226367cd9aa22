package themes

import (
	"io/fs"
	"slices"
	"testing"
)

func TestFS(t *testing.T) {
	if names := Names(); !slices.Contains(names, Default) || !slices.IsSorted(names) {
		t.Errorf("Names() = %v, want a sorted list holding %q", names, Default)
	}
	fsys, ok := FS(Default)
	if !ok {
		t.Fatalf("FS(%q): no theme", Default)
	}
	for _, file := range []string{"html/base.html", "html/document.html", "assets/style.css"} {
		if _, err := fs.Stat(fsys, file); err != nil {
			t.Error(err)
		}
	}
	for _, name := range []string{"", "inconnu", "default/html"} {
		if _, ok := FS(name); ok {
			t.Errorf("FS(%q) found a theme", name)
		}
	}
}
