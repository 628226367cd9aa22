package html

import (
	"bytes"
	"io/fs"
	"maps"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rgpdoc/rgpdoc/themes"
)

// TestUseThemes edits a copy of the embedded themes as the preview server
// reads them from disk: a change shows in the pages and assets, a broken
// theme is refused and the themes in use stay.
func TestUseThemes(t *testing.T) {
	t.Cleanup(func() { UseThemes(nil) })
	dir := fstest.MapFS{}
	for _, name := range themes.Names() {
		fsys, _ := themes.FS(name)
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(fsys, p)
			dir[name+"/"+p] = &fstest.MapFile{Data: b}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	base := dir[themes.Default+"/html/base.html"].Data
	if !bytes.Contains(base, []byte("</head>")) {
		t.Fatal("base.html has no </head>")
	}

	dir[themes.Default+"/html/base.html"] = &fstest.MapFile{Data: bytes.Replace(base, []byte("</head>"), []byte("<meta name=\"x-edite\" content=\"oui\"></head>"), 1)}
	dir[themes.Default+"/assets/style.css"].Data = append(bytes.Clone(dir[themes.Default+"/assets/style.css"].Data), "\n/* édité */\n"...)
	dir[themes.Default+"/assets/.style.css.swp"] = &fstest.MapFile{Data: []byte("swap")}
	if err := UseThemes(dir); err != nil {
		t.Fatal(err)
	}
	page, err := Render(registerDoc())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte(`name="x-edite"`)) {
		t.Error("the page does not use the edited base.html")
	}
	var css []byte
	for p, b := range Assets() {
		if strings.Contains(p, ".swp") {
			t.Errorf("the editor's swap file became an asset: %s", p)
		}
		if strings.HasPrefix(p, "assets/style.") {
			css = b
		}
	}
	if !bytes.Contains(css, []byte("/* édité */")) {
		t.Error("Assets() does not hold the edited stylesheet")
	}

	before := maps.Clone(Assets())
	for name, broken := range map[string]fstest.MapFS{
		"a template error":        with(dir, themes.Default+"/html/document.html", "{{define \"main\"}}{{.Inconnu"),
		"no default theme":        without(dir, themes.Default+"/"),
		"a script in an SVG icon": with(dir, themes.Default+"/assets/favicon.svg", `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`),
		"a PNG that is not one":   with(dir, themes.Default+"/assets/icone.png", "root:x:0:0"),
		"a link":                  withFile(dir, themes.Default+"/assets/logo.svg", &fstest.MapFile{Mode: fs.ModeSymlink, Data: []byte("style.css")}),
	} {
		if err := UseThemes(broken); err == nil {
			t.Errorf("%s: UseThemes accepted the themes", name)
		}
		if !maps.EqualFunc(Assets(), before, bytes.Equal) {
			t.Errorf("%s: the themes in use changed", name)
		}
	}

	UseThemes(nil)
	if page, err := Render(registerDoc()); err != nil || bytes.Contains(page, []byte(`name="x-edite"`)) {
		t.Errorf("UseThemes(nil) did not go back to the embedded themes (err %v)", err)
	}
}

func with(dir fstest.MapFS, name, content string) fstest.MapFS {
	return withFile(dir, name, &fstest.MapFile{Data: []byte(content)})
}

func withFile(dir fstest.MapFS, name string, f *fstest.MapFile) fstest.MapFS {
	out := maps.Clone(dir)
	out[name] = f
	return out
}

func without(dir fstest.MapFS, prefix string) fstest.MapFS {
	out := maps.Clone(dir)
	maps.DeleteFunc(out, func(name string, _ *fstest.MapFile) bool { return strings.HasPrefix(name, prefix) })
	return out
}
