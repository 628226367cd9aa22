package html

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rgpdoc/rgpdoc/build/doc"
	"github.com/rgpdoc/rgpdoc/build/load"
	"github.com/rgpdoc/rgpdoc/themes"
)

// fixture is the complete example organization.
const fixture = "../../../testdata/complet/content"

// testSite renders the hand-built documents and those of the complete
// fixture, with the index pages and stylesheets, as the pipeline publishes
// them: by path relative to the output root.
func testSite(t testing.TB) map[string][]byte {
	t.Helper()
	site := Assets(nil)
	ls := unitListings()
	for _, d := range unitDocs() {
		name := d.Org.ID + "/" + string(d.Kind) + ".html"
		site[name] = must(t, name)(Render(d, nil))
	}
	s, err := load.Load(fixture)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range s.Orgs {
		if len(o.Findings) > 0 {
			t.Fatalf("%s: %v", o.ID, o.Findings)
		}
		var docs []*doc.Document
		for _, k := range doc.Published(o.Content) {
			docs = append(docs, doc.Build(k, o.ID, o.Content))
		}
		docs = slices.Insert(docs, 1, doc.Layers(o.ID, o.Content)...)
		for _, d := range docs {
			name := o.ID + "/" + d.Base() + ".html"
			site[name] = must(t, name)(Render(d, nil))
			if d.Kind == doc.Mention {
				name := o.ID + "/" + d.Base() + "." + doc.Fragment
				site[name] = must(t, name)(Fragment(d))
			}
		}
		if len(docs) == 0 {
			t.Fatalf("%s publishes no document", o.ID)
		}
		ls = append(ls, NewListing(docs[0].Org, docs, HTML, Markdown, PDF))
	}
	site["index.html"] = must(t, "index.html")(SiteIndex(ls, nil))
	for _, l := range ls {
		site[l.Org.ID+"/index.html"] = must(t, l.Org.ID)(OrgIndex(l, nil))
		css, err := OrgAssets(l.Org)
		if err != nil {
			t.Fatal(err)
		}
		maps.Copy(site, css)
	}
	return site
}

// must returns a page, failing the test on an error.
func must(t testing.TB, name string) func([]byte, error) []byte {
	return func(b []byte, err error) []byte {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return b
	}
}

// TestGolden compares the site, less the theme's own assets, with
// testdata/render/html.
func TestGolden(t *testing.T) {
	site := testSite(t)
	for name := range Assets(nil) {
		delete(site, name)
	}
	checkGoldenDir(t, site)
}

func TestStructure(t *testing.T) {
	site := testSite(t)
	for _, name := range pages(site) {
		t.Run(name, func(t *testing.T) {
			for _, err := range checkPage(site[name]) {
				t.Error(err)
			}
		})
	}
}

func TestLinks(t *testing.T) {
	site := testSite(t)
	// The other renderers and the pipeline add the other formats and the logos.
	for _, name := range pages(site) {
		if dir, file := path.Split(name); dir != "" && file != "index.html" {
			base := strings.TrimSuffix(name, ".html")
			for _, f := range Formats[1:] {
				site[base+"."+string(f)] = nil
			}
		}
	}
	site["essai/logo.svg"] = nil
	for _, name := range pages(site) {
		for _, err := range checkLinks(site, name) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestVNU runs the W3C Nu HTML checker on the pages and the stylesheets when
// VNU_JAR names its jar (npm package vnu-jar: node_modules/vnu-jar/build/dist/vnu.jar).
func TestVNU(t *testing.T) {
	jar := os.Getenv("VNU_JAR")
	if jar == "" {
		t.Skip("VNU_JAR n’est pas défini")
	}
	site := testSite(t)
	dir := t.TempDir()
	args := []string{"-jar", jar, "--errors-only", "--also-check-css", "--also-check-svg"}
	for _, name := range slices.Sorted(maps.Keys(site)) {
		if strings.HasSuffix(name, "."+doc.Fragment) {
			continue // a fragment is part of a page, not a page
		}
		file := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, site[name], 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, file)
	}
	out, err := exec.Command("java", args...).CombinedOutput()
	if err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Errorf("vnu: %v\n%s", err, out)
	}
}

func TestEscaping(t *testing.T) {
	d := draftDoc()
	b, err := Render(d, nil)
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	for _, bad := range []string{"<script", "<b>sic"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q from the content", bad)
		}
	}
	for _, good := range []string{"&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; co.", "&lt;b&gt;sic&lt;/b&gt;"} {
		if !strings.Contains(page, good) {
			t.Errorf("the page lacks the escaped text %q", good)
		}
	}
}

func TestAssets(t *testing.T) {
	assets := Assets(nil)
	var names []string
	for p, b := range assets {
		sum := sha256.Sum256(b)
		dir, file := path.Split(p)
		ext := path.Ext(file)
		base, ok := strings.CutSuffix(strings.TrimSuffix(file, ext), "."+hex.EncodeToString(sum[:4]))
		if dir != "assets/" || !ok {
			t.Errorf("%s: not assets/<name>.<hash of the content>%s", p, ext)
		}
		names = append(names, base+ext)
	}
	slices.Sort(names)
	if want := []string{"favicon.svg", "style.css"}; !slices.Equal(names, want) {
		t.Errorf("Assets(nil) holds %v, want %v", names, want)
	}
}

func TestThemeErrors(t *testing.T) {
	d := registerDoc()
	d.Org.Theme = "sombre"
	if _, err := Render(d, nil); err == nil || !strings.Contains(err.Error(), "thème HTML inconnu « sombre »") {
		t.Errorf("unknown theme: err = %v", err)
	}
	d = registerDoc()
	d.Org.Color, d.Org.Ink = "#12345g", "" // as doc gives it
	if _, err := Render(d, nil); err == nil || !strings.Contains(err.Error(), "couleur « #12345g » invalide") {
		t.Errorf("bad colour: err = %v", err)
	}
	if got := themes.Names(); !slices.Contains(got, themes.Default) {
		t.Errorf("themes.Names() = %v, want %s among them", got, themes.Default)
	}
}

func TestOrgStyle(t *testing.T) {
	o := doc.Org{Color: "#e4a11b", Ink: "#926711"}
	name, css, err := orgStyle(o)
	if err != nil {
		t.Fatal(err)
	}
	if want := ":root {\n  --couleur: #e4a11b;\n  --couleur-encre: #926711;\n}\n"; string(css) != want {
		t.Errorf("css = %q, want %q", css, want)
	}
	if name != fingerprint("theme.css", css) {
		t.Errorf("name = %s, want a fingerprint of the content", name)
	}
	if name, css, err := orgStyle(doc.Org{}); name != "" || css != nil || err != nil {
		t.Errorf("orgStyle of no colour = %q, %q, %v; want nothing", name, css, err)
	}
}

// pages lists the HTML pages of a site, sorted.
func pages(site map[string][]byte) []string {
	var out []string
	for _, name := range slices.Sorted(maps.Keys(site)) {
		if strings.HasSuffix(name, ".html") && !strings.HasSuffix(name, "."+doc.Fragment) {
			out = append(out, name)
		}
	}
	return out
}

// A tag of a page. The pages escape "<" and ">" in text and attribute values
// (html/template and the writer alike, FuzzEscaping): a regular expression
// finds every tag.
type tag struct {
	name  string
	end   bool
	attrs map[string]string
}

var (
	tagRE  = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+(?:="[^"]*")?)*)\s*>`)
	attrRE = regexp.MustCompile(`([a-zA-Z-]+)(?:="([^"]*)")?`)
)

func tags(page []byte) []tag {
	var out []tag
	for _, m := range tagRE.FindAllSubmatch(page, -1) {
		tg := tag{name: strings.ToLower(string(m[2])), end: len(m[1]) > 0, attrs: map[string]string{}}
		for _, a := range attrRE.FindAllSubmatch(m[3], -1) {
			tg.attrs[string(a[1])] = string(a[2])
		}
		out = append(out, tg)
	}
	return out
}

// checkPage returns what breaks the rules of the pages: French, one h1,
// headings in order, landmarks, tables with a caption and scoped headers,
// unique ids, in-page links that lead somewhere, nothing a strict
// Content-Security-Policy would block.
func checkPage(page []byte) []error {
	var errs []error
	fail := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if !bytes.HasPrefix(page, []byte("<!doctype html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n")) {
		fail("the page does not start with the doctype, <html lang=\"fr\"> and the charset")
	}
	ts := tags(page)
	count := map[string]int{}
	ids := map[string]int{}
	var targets []string
	level := 0
	for i, tg := range ts {
		if tg.end {
			continue
		}
		count[tg.name]++
		if id, ok := tg.attrs["id"]; ok {
			ids[id]++
		}
		if h, ok := strings.CutPrefix(tg.name, "h"); ok && len(h) == 1 && h[0] >= '1' && h[0] <= '6' {
			n := int(h[0] - '0')
			if n > level+1 {
				fail("<%s> after <h%d>: a heading level is skipped", tg.name, level)
			}
			level = n
		}
		switch tg.name {
		case "th":
			if s := tg.attrs["scope"]; s != "col" && s != "row" {
				fail("<th> without scope=col or scope=row")
			}
		case "table":
			if i+1 == len(ts) || ts[i+1].name != "caption" {
				fail("<table> without a <caption> first")
			}
		case "a":
			if target, ok := strings.CutPrefix(tg.attrs["href"], "#"); ok {
				targets = append(targets, target)
			}
		case "style", "script":
			fail("<%s> is blocked by the Content-Security-Policy", tg.name)
		}
		if _, ok := tg.attrs["style"]; ok {
			fail("<%s style> is blocked by the Content-Security-Policy", tg.name)
		}
	}
	for name, want := range map[string]int{"h1": 1, "main": 1, "header": 1, "footer": 1, "title": 1} {
		if count[name] != want {
			fail("%d <%s>, want %d", count[name], name, want)
		}
	}
	for id, n := range ids {
		if n > 1 {
			fail("id %q used %d times", id, n)
		}
	}
	for _, target := range targets {
		if ids[target] == 0 {
			fail("link to #%s, which no element has", target)
		}
	}
	return errs
}

// checkLinks returns the relative links and sources of a page that lead to
// no file of the site.
func checkLinks(site map[string][]byte, name string) []error {
	var errs []error
	for _, tg := range tags(site[name]) {
		for _, attr := range []string{"href", "src"} {
			u, ok := tg.attrs[attr]
			if !ok || u == "" || strings.HasPrefix(u, "#") || strings.Contains(u, ":") {
				continue
			}
			target, _, _ := strings.Cut(path.Join(path.Dir(name), u), "#")
			if _, ok := site[target]; !ok {
				errs = append(errs, fmt.Errorf("%s=%q leads to %s, which is not in the site", attr, u, target))
			}
		}
	}
	return errs
}

// TestCheckPage makes sure that checkPage sees what it looks for.
func TestCheckPage(t *testing.T) {
	const head = "<!doctype html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n<title>t</title></head><body><header></header><main>"
	const foot = "</main><footer></footer></body></html>"
	for _, tc := range []struct{ body, want string }{
		{"<h1>a</h1><h3>b</h3>", "<h3> after <h1>: a heading level is skipped"},
		{"<h1>a</h1><h1>b</h1>", "2 <h1>, want 1"},
		{"<h1>a</h1><table><caption>c</caption><tr><th>x</th></tr></table>", "<th> without scope=col or scope=row"},
		{"<h1>a</h1><table><tr><th scope=\"col\">x</th></tr></table>", "<table> without a <caption> first"},
		{"<h1 id=\"x\">a</h1><p id=\"x\">b</p>", `id "x" used 2 times`},
		{"<h1>a</h1><a href=\"#nulle-part\">b</a>", "link to #nulle-part, which no element has"},
		{"<h1>a</h1><p style=\"color: red\">b</p>", "<p style> is blocked by the Content-Security-Policy"},
	} {
		errs := checkPage([]byte(head + tc.body + foot))
		if len(errs) != 1 || errs[0].Error() != tc.want {
			t.Errorf("%s: errors %v, want %q", tc.body, errs, tc.want)
		}
	}
	if errs := checkPage([]byte(strings.Replace(head, `lang="fr"`, `lang="en"`, 1) + "<h1>a</h1>" + foot)); len(errs) != 1 {
		t.Errorf("lang=en: errors %v, want one", errs)
	}
}
