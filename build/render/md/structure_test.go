package md

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/rgpdoc/rgpdoc/build/doc"
	"github.com/rgpdoc/rgpdoc/build/load"
	"github.com/rgpdoc/rgpdoc/schema"
)

// FuzzStructure puts an arbitrary value in the names, labels and titles of
// the complete test organization (headings, table cells, list items, the
// text of sentences) and renders its documents to Markdown: read back with
// goldmark, each has the same headings, numbered as in the document, and
// the same tables, row for row and cell for cell, as with a plain value. No
// content value can change the structure of the output.
func FuzzStructure(f *testing.F) {
	for _, s := range []string{"x", "a | b", "# titre", "## 2. Faux", "- puce", "+ puce", "1. un", "12) douze", "> citation",
		"`code`", "```", "<b>gras</b>", "<!-- c -->", "[lien](https://x.fr)", "[a]: /b", "a\nb", "a\n# b", "a\n\n| x | y |\n|---|---|",
		"===", "---", "***", "*", "\\", "a \\| b", "|", "&#124;", "&#10;# b", "x  \ny", "\t# t", "<https://x.fr>", "~~~", "a\r\n# b", "\u00a0# t"} {
		f.Add(s)
	}
	site, err := load.Load("../../../testdata/complet/content")
	if err != nil {
		f.Fatal(err)
	}
	base := site.Orgs[slices.IndexFunc(site.Orgs, func(o *load.Org) bool { return o.ID == "exemple" })].Content
	shapes := func(v string) (map[doc.Kind]shape, []*doc.Document) {
		c := withValue(*base, v)
		out := map[doc.Kind]shape{}
		var docs []*doc.Document
		for _, k := range doc.Published(&c) {
			d := doc.Build(k, "exemple", &c)
			src, err := Render(d)
			if err != nil {
				f.Fatal(err)
			}
			out[k] = shapeOf(src)
			docs = append(docs, d)
		}
		return out, docs
	}
	want, _ := shapes("x")
	f.Fuzz(func(t *testing.T, v string) {
		got, docs := shapes(v)
		for _, d := range docs {
			w, g := want[d.Kind], got[d.Kind]
			if g.html != "" {
				t.Fatalf("%s: raw HTML %q in the output for %q", d.Kind, g.html, v)
			}
			if !slices.Equal(g.levels, w.levels) {
				t.Fatalf("%s: heading levels %v, want %v, for %q", d.Kind, g.levels, w.levels, v)
			}
			if !slices.Equal(g.tables, w.tables) {
				t.Fatalf("%s: tables %v, want %v, for %q", d.Kind, g.tables, w.tables, v)
			}
			if titles := headingsOf(d); !slices.Equal(g.headings, titles) {
				t.Fatalf("%s: headings read back\n%q\nwant\n%q\nfor %q", d.Kind, g.headings, titles, v)
			}
		}
	})
}

// shape is the structure of a Markdown document as goldmark reads it.
type shape struct {
	levels   []int    // of the headings, in order
	headings []string // their text, white space reduced to single spaces
	tables   []string // per table: the number of cells of each row
	html     string   // the first raw HTML met, if any
}

func shapeOf(src []byte) shape {
	var s shape
	_ = ast.Walk(parse(src), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			s.levels = append(s.levels, n.Level)
			s.headings = append(s.headings, oneLine(plainText(n, src)))
		case *ast.HTMLBlock, *ast.RawHTML:
			if s.html == "" {
				s.html = string(n.Lines().Value(src))
			}
		case *east.Table:
			var rows []string
			for r := n.FirstChild(); r != nil; r = r.NextSibling() {
				rows = append(rows, fmt.Sprint(r.ChildCount()))
			}
			s.tables = append(s.tables, strings.Join(rows, ","))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return s
}

// headingsOf returns the headings of a document as a reader should see them.
func headingsOf(d *doc.Document) []string {
	out := []string{oneLine(d.Title)}
	var walk func([]*doc.Section)
	walk = func(list []*doc.Section) {
		for _, s := range list {
			out = append(out, oneLine(s.Number+". "+s.Title))
			walk(s.Sections)
		}
	}
	walk(d.Sections)
	return out
}

func oneLine(s string) string { return strings.TrimSpace(spaces.ReplaceAllString(s, " ")) }

// withValue returns a copy of c with v as the organization's name and
// short name, the first label of each list, and the title of each free
// section; the lists are copied, c is left as it is.
func withValue(c schema.Contenu, v string) schema.Contenu {
	o := *c.Organisation
	o.RaisonSociale, o.Appellation = v, v
	c.Organisation = &o
	c.Personnes = slices.Clone(c.Personnes)
	c.Personnes[0].Libelle = v
	c.Donnees = slices.Clone(c.Donnees)
	c.Donnees[0].Libelle = v
	c.Destinataires = slices.Clone(c.Destinataires)
	c.Destinataires[0].Libelle = v
	c.Destinataires[0].Noms = []string{v}
	c.Traitements = slices.Clone(c.Traitements)
	c.Traitements[0].Libelle = v
	c.Conservation = slices.Clone(c.Conservation)
	c.Conservation[0].Libelle = v
	d := *c.Documents
	p := *d.Politique
	p.Sections = slices.Clone(p.Sections)
	p.Sections[0].Titre = v
	d.Politique = &p
	c.Documents = &d
	return c
}
