package build

import (
	"bytes"
	stdhtml "html"
	"strings"
	"testing"

	"github.com/rgpdoc/rgpdoc/build/doc"
	"github.com/rgpdoc/rgpdoc/build/render/html"
	"github.com/rgpdoc/rgpdoc/schema"
)

// TestOneLinkPolicy renders links of every kind, in fields and in Markdown
// free text, in the three formats: each format has the links the tree's
// policy accepts (tel: included) and none it refuses, even disguised.
func TestOneLinkPolicy(t *testing.T) {
	c := schema.Contenu{
		Organisation: &schema.Organisation{RaisonSociale: "Acme", Email: "contact@acme.example",
			Services: []schema.Service{{ID: "site", Nom: "Site", URL: "javascript:alert(1)"}, {ID: "app", Nom: "App", URL: "https://app.acme.example"}}},
		Documents: &schema.Documents{Politique: &schema.Publication{Introduction: "Appelez le [standard](tel:+33123456789), " +
			"écrivez à <dpo@acme.example>, lisez [ceci](https://acme.example/p), mais pas [ça](javascript:alert(1)), " +
			"ni [là](java&#9;script:alert(2)), ni [ici](JAVASCRIPT:alert(3)), ni [data](data:text/html,x), ni [vb](vbscript:x), " +
			"ni [rel](../../etc/passwd)."}},
	}
	d := doc.Build(doc.Politique, "acme", &c)
	for _, f := range doc.Formats(d.Kind, Formats) {
		b, err := RenderFormat(d, f, nil)
		if err != nil {
			t.Fatal(err)
		}
		if f == html.HTML {
			b = []byte(stdhtml.UnescapeString(string(b)))
		}
		lower := bytes.ToLower(b)
		for _, want := range []string{"tel:+33123456789", "mailto:dpo@acme.example", "https://acme.example/p", "mailto:contact@acme.example", "https://app.acme.example"} {
			// Markdown writes an address shown as itself as an autolink: <dpo@acme.example>.
			autolink := "<" + strings.TrimPrefix(want, "mailto:") + ">"
			if !bytes.Contains(b, []byte(want)) && !(f == html.Markdown && bytes.Contains(b, []byte(autolink))) {
				t.Errorf("%s: the link %s is missing", f, want)
			}
		}
		for _, bad := range []string{`href="javascript`, `(javascript`, `<javascript`, "/uri (javascript", "data:text", "vbscript", "etc/passwd)", `etc/passwd"`} {
			if bytes.Contains(lower, []byte(bad)) {
				t.Errorf("%s: holds the refused link %s", f, bad)
			}
		}
	}
}
