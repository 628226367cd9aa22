package html

import (
	"bytes"
	"io/fs"
	"maps"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rgpdoc/rgpdoc/build/doc"
	"github.com/rgpdoc/rgpdoc/themes"
)

// TestReadThemes edits a copy of the embedded themes as the preview server
// reads them from disk: a change shows in the pages and assets, a theme
// that exists only on disk can be chosen, a broken theme is refused.
func TestReadThemes(t *testing.T) {
	dir := embeddedCopy(t)
	base := dir[themes.Default+"/html/base.html"].Data
	if !bytes.Contains(base, []byte("</head>")) {
		t.Fatal("base.html has no </head>")
	}

	dir[themes.Default+"/html/base.html"] = &fstest.MapFile{Data: bytes.Replace(base, []byte("</head>"), []byte("<meta name=\"x-edite\" content=\"oui\"></head>"), 1)}
	dir[themes.Default+"/assets/style.css"].Data = append(bytes.Clone(dir[themes.Default+"/assets/style.css"].Data), "\n/* édité */\n"...)
	dir[themes.Default+"/assets/.style.css.swp"] = &fstest.MapFile{Data: []byte("swap")}
	for p, f := range maps.Clone(dir) {
		if rest, ok := strings.CutPrefix(p, themes.Default+"/"); ok && !strings.Contains(p, ".swp") {
			dir["maison/"+rest] = f
		}
	}
	th, err := ReadThemes(dir)
	if err != nil {
		t.Fatal(err)
	}
	page, err := Render(registerDoc(), th)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte(`name="x-edite"`)) {
		t.Error("the page does not use the edited base.html")
	}
	var css []byte
	for p, b := range Assets(th) {
		if strings.Contains(p, ".swp") {
			t.Errorf("the editor's swap file became an asset: %s", p)
		}
		if strings.HasPrefix(p, "assets/style.") {
			css = b
		}
	}
	if !bytes.Contains(css, []byte("/* édité */")) {
		t.Error("Assets(th) does not hold the edited stylesheet")
	}
	d := registerDoc()
	d.Org.Theme = "maison"
	if _, err := Render(d, th); err != nil {
		t.Errorf("a theme that exists only on disk: %v", err)
	}
	if _, err := Render(d, nil); err == nil {
		t.Error("the embedded themes know the theme read from disk")
	}

	for name, broken := range map[string]fstest.MapFS{
		"a template error":        with(dir, themes.Default+"/html/document.html", "{{define \"main\"}}{{.Inconnu"),
		"no default theme":        without(dir, themes.Default+"/"),
		"a script in an SVG icon": with(dir, themes.Default+"/assets/favicon.svg", `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`),
		"a PNG that is not one":   with(dir, themes.Default+"/assets/icone.png", "root:x:0:0"),
		"a link":                  withFile(dir, themes.Default+"/assets/logo.svg", &fstest.MapFile{Mode: fs.ModeSymlink, Data: []byte("style.css")}),
	} {
		if _, err := ReadThemes(broken); err == nil {
			t.Errorf("%s: ReadThemes accepted the themes", name)
		}
	}
	if page, err := Render(registerDoc(), nil); err != nil || bytes.Contains(page, []byte(`name="x-edite"`)) {
		t.Errorf("the embedded themes changed (err %v)", err)
	}
}

// embeddedCopy returns a copy of the embedded themes, as a folder of themes.
func embeddedCopy(t *testing.T) fstest.MapFS {
	t.Helper()
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
	return dir
}

// TestSiteIndexTheme checks that a theme that does not write the
// organizations once in the text of the site index is refused: the site
// index is written up to them, then each organization as it is rendered.
// A site of no organization gets the theme's page for it.
func TestSiteIndexTheme(t *testing.T) {
	dir := embeddedCopy(t)
	name := themes.Default + "/html/site-index.html"
	orig := string(dir[name].Data)
	if !strings.Contains(orig, "{{.}}") {
		t.Fatal("site-index.html writes the organizations otherwise than with {{.}}")
	}
	l := Listing{Org: doc.Org{ID: "acme", Name: "Acme"}}
	for what, tmpl := range map[string]string{
		"not written":     strings.Replace(orig, "{{.}}", "", 1),
		"written twice":   strings.Replace(orig, "{{.}}", "{{.}}{{.}}", 1),
		"in an attribute": strings.Replace(orig, "{{.}}", `<p title="{{.}}"></p>`, 1),
	} {
		if _, err := ReadThemes(with(dir, name, tmpl)); err == nil {
			t.Errorf("organizations %s: ReadThemes accepted the themes", what)
		}
	}
	th, err := ReadThemes(dir)
	if err != nil {
		t.Fatal(err)
	}
	page, err := SiteIndex(nil, th)
	if err != nil || !bytes.Contains(page, []byte("Aucune organisation")) || bytes.Contains(page, []byte(organizationsMark)) {
		t.Errorf("site of no organization: %v\n%s", err, page)
	}
	page, err = SiteIndex([]Listing{l, l}, th)
	if err != nil || bytes.Count(page, []byte(`<section class="organisation">`)) != 2 || bytes.Contains(page, []byte(organizationsMark)) {
		t.Errorf("site of two organizations: %v\n%s", err, page)
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
