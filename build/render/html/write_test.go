package html

import (
	"html/template"
	"strings"
	"testing"
)

// FuzzEscaping checks that the writer escapes text, attribute values, links
// and fragments as html/template does in the same places, as the themes'
// templates once did: the pages did not change when the document tree moved
// from templates to Go, and they keep html/template's safety.
func FuzzEscaping(f *testing.F) {
	for _, s := range []string{
		"", "Texte ordinaire, accentué : « é » ’", "<script>alert(\"x\")</script> & co.", "+ 5 ans", "l'apostrophe",
		"javascript:alert(1)", "JavaScript:x", " javascript:x", "data:text/html,x", "a:b/c", "/chemin:x",
		"HTTPS://exemple.fr/a b?q=1&r=é#f", "mailto:dpo@exemple.fr", "#section-2",
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
		if got := w.String(); got != want.String() {
			t.Errorf("%q:\n got %q\nwant %q", s, got, want.String())
		}
	})
}
