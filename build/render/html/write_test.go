package html

import (
	"html/template"
	"strings"
	"testing"

	"github.com/rgpdoc/rgpdoc/build/doc"
)

// FuzzEscaping checks that the writer escapes text, attribute values, links
// and fragments as html/template does in the same places, as the themes'
// templates once did: the pages did not change when the document tree moved
// from templates to Go, and they keep html/template's safety. The links
// that html/template neutralizes are refused by the tree's link policy.
func FuzzEscaping(f *testing.F) {
	for _, s := range []string{
		"", "Texte ordinaire, accentué : « é » ’", "<script>alert(\"x\")</script> & co.", "+ 5 ans", "l'apostrophe",
		"javascript:alert(1)", "JavaScript:x", " javascript:x", "data:text/html,x", "a:b/c", "/chemin:x",
		"HTTPS://exemple.fr/a b?q=1&r=é#f", "mailto:dpo@exemple.fr", "#section-2", "tel:+33123456789", "java\tscript:x",
		"%41%4", "%zz%", "%4a", "\x00nul", "\xff\xfe octets invalides", "\ufdd0\uffff",
	} {
		f.Add(s)
	}
	tmpl := template.Must(template.New("").Parse(`{{.}}|<p title="{{.}}">|<a href="{{.}}">|<a href="#{{.}}">|<a href="x/{{.}}">`))
	f.Fuzz(func(t *testing.T, s string) {
		var want strings.Builder
		if err := tmpl.Execute(&want, s); err != nil {
			t.Fatal(err)
		}
		var w writer
		w.text(s)
		w.WriteString(`|<p title="`)
		w.text(s)
		w.WriteString(`">|<a href="`)
		w.url(s)
		w.WriteString(`">|<a href="#`)
		w.urlPart(s, true)
		w.WriteString(`">|<a href="x/`)
		w.urlPart(s, false)
		w.WriteString(`">`)
		got := w.String()
		// The tree's link policy (doc.Href) decides which links exist; it
		// may accept no scheme that html/template refuses, except tel:.
		if unsafe := `<a href="#ZgotmplZ">`; strings.Contains(want.String(), unsafe) {
			if href, _, _ := doc.Href(doc.Prose, s); href != "" && !strings.HasPrefix(strings.ToLower(href), "tel:") {
				t.Errorf("%q: the link policy accepts a link that html/template refuses", s)
			}
			var url writer
			url.url(s)
			got = strings.Replace(got, `<a href="`+url.String()+`">`, unsafe, 1)
		}
		if got != want.String() {
			t.Errorf("%q:\n got %q\nwant %q", s, got, want.String())
		}
	})
}
