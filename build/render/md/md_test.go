package md

import (
	"bytes"
	"html"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/rgpdoc/rgpdoc/build/doc"
	"github.com/rgpdoc/rgpdoc/build/load"
	"github.com/rgpdoc/rgpdoc/internal/golden"
	"github.com/rgpdoc/rgpdoc/schema"
)

const goldenDir = "../../../testdata/render"

// documents builds every document of the complete test organization.
func documents(t *testing.T) []*doc.Document {
	t.Helper()
	site, err := load.Load("../../../testdata/complet/content")
	if err != nil {
		t.Fatal(err)
	}
	var out []*doc.Document
	for _, o := range site.Orgs {
		if o.ID != "exemple" {
			continue
		}
		if n, _ := o.Findings.Count(); n > 0 {
			t.Fatalf("the fixture does not load: %v", o.Findings)
		}
		for _, k := range doc.Published(o.Content) {
			out = append(out, doc.Build(k, o.ID, o.Content))
		}
		out = append(out, doc.Layers(o.ID, o.Content)...)
	}
	// The three documents, the essentials and the notices of two activities.
	if len(out) != len(doc.Kinds)+3 {
		t.Fatalf("%d documents for the fixture, want %d", len(out), len(doc.Kinds)+3)
	}
	return out
}

func TestGolden(t *testing.T) {
	for _, d := range documents(t) {
		name := strings.ReplaceAll(d.Base(), "/", "-")
		t.Run(name, func(t *testing.T) {
			file := filepath.Join(goldenDir, "complet-exemple-"+name+".md")
			golden.Check(t, file, mustRender(t, d))
		})
	}
}

var parser = goldmark.New(goldmark.WithExtensions(extension.Table))

// parse reads Markdown back the way GitHub would (CommonMark with tables).
func parse(src []byte) ast.Node {
	return parser.Parser().Parse(text.NewReader(src))
}

// plainText is the text of a node, as a reader sees it.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			// As a renderer does: backslash escapes resolved, entities kept
			// (an unescaped one would have been resolved into its character).
			b.Write(util.UnescapePunctuations(c.Value(src)))
			if c.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.AutoLink:
			b.Write(c.Label(src))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// TestReadBack parses the rendered documents: no raw HTML, every section's
// numbered heading, every table, and table-of-contents links that point to
// the headings.
func TestReadBack(t *testing.T) {
	for _, d := range documents(t) {
		t.Run(d.Base(), func(t *testing.T) {
			src := mustRender(t, d)
			root := parse(src)
			var headings []string
			tables, links := 0, map[string]bool{}
			_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if !entering {
					return ast.WalkContinue, nil
				}
				switch n.Kind() {
				case ast.KindHTMLBlock, ast.KindRawHTML:
					t.Errorf("raw HTML at byte %d", n.Lines().At(0).Start)
				case ast.KindHeading:
					headings = append(headings, plainText(n, src))
				case east.KindTable:
					tables++
				case ast.KindLink:
					if dest := string(n.(*ast.Link).Destination); strings.HasPrefix(dest, "#") {
						links[dest[1:]] = true
					}
				}
				return ast.WalkContinue, nil
			})
			want := []string{d.Title}
			var walk func([]*doc.Section)
			walk = func(list []*doc.Section) {
				for _, s := range list {
					want = append(want, heading(s))
					walk(s.Sections)
				}
			}
			walk(d.Sections)
			if strings.Join(headings, "\n") != strings.Join(want, "\n") {
				t.Errorf("headings:\n%s\nwant:\n%s", strings.Join(headings, "\n"), strings.Join(want, "\n"))
			}
			// A brief document has neither tables nor a table of contents.
			if n := countTables(d); tables != n || n == 0 && !d.Brief {
				t.Errorf("%d tables read back, %d in the document", tables, n)
			}
			r := &renderer{anchors: map[string]string{}, slugs: map[string]int{}}
			slugs := map[string]bool{}
			for _, h := range headings {
				slugs[r.slug(h)] = true
			}
			if len(links) == 0 && !d.Brief {
				t.Error("no table of contents")
			}
			for l := range links {
				if !slugs[l] {
					t.Errorf("link #%s points to no heading", l)
				}
			}
		})
	}
}

// countTables counts the tables a document shows as tables (not those
// flattened inside a table cell).
func countTables(d *doc.Document) int {
	n := 0
	var blocks func([]doc.Block)
	blocks = func(bs []doc.Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *doc.Table:
				n++
			case *doc.List:
				for _, item := range b.Items {
					blocks(item)
				}
			case *doc.Definitions:
				for _, it := range b.Items {
					blocks(it.Body)
				}
			case *doc.Note:
				blocks(b.Blocks)
			}
		}
	}
	blocks(d.Preamble)
	var walk func([]*doc.Section)
	walk = func(list []*doc.Section) {
		for _, s := range list {
			blocks(s.Blocks)
			walk(s.Sections)
		}
	}
	walk(d.Sections)
	return n
}

func TestSlug(t *testing.T) {
	r := &renderer{anchors: map[string]string{}, slugs: map[string]int{}}
	tests := []struct{ in, want string }{
		{"1. Objet et champ d’application", "1-objet-et-champ-dapplication"},
		{"3.1. Prospects", "31-prospects"},
		{"2. Activités (art. 30, § 1, du RGPD)", "2-activités-art-30--1-du-rgpd"},
		{"4. Qui sommes-nous\u202f?", "4-qui-sommes-nous"},
		{"5. «\u00a0Site\u00a0» et mot_clé", "5-site-et-mot_clé"},
		{"3.1. Prospects", "31-prospects-1"},
	}
	for _, tt := range tests {
		if got := r.slug(tt.in); got != tt.want {
			t.Errorf("slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDraftAndGaps(t *testing.T) {
	d := &doc.Document{
		Title: "Politique", Meta: "Mise à jour le 2\u00a0janvier\u00a02025 — version 2",
		Draft: &doc.Draft{Mark: "Projet — à compléter", Lead: "Ce document n’est pas définitif.", Summary: "2 points à compléter ou à vérifier",
			Points: []doc.Inline{
				{{Text: "1. Titre", Link: "#a"}, {Text: " — "}, {Text: "à compléter\u00a0: base légale", Gap: true}},
				{{Text: "- une *autre*"}},
			}},
		Sections: []*doc.Section{{ID: "a", Number: "1", Title: "Titre", Blocks: []doc.Block{
			&doc.Paragraph{Text: doc.Inline{{Text: "Base légale\u00a0: "}, {Text: "à compléter\u00a0: base légale", Gap: true}}},
		}}},
	}
	out := string(mustRender(t, d))
	for _, want := range []string{
		"*Mise à jour le 2\u00a0janvier\u00a02025 — version 2*\n",
		"> **Projet — à compléter**\n>\n> Ce document n’est pas définitif.\n>\n> 2 points à compléter ou à vérifier\n>\n",
		"> - [1. Titre](#1-titre) — **[à compléter\u00a0: base légale]**\n",
		"> - \\- une \\*autre\\*\n",
		"Base légale\u00a0: **[à compléter\u00a0: base légale]**\n",
		"## 1. Titre\n",
		"- [1. Titre](#1-titre)\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestInline(t *testing.T) {
	r := &renderer{anchors: map[string]string{"dpo": "9-délégué"}, slugs: map[string]int{}}
	tests := []struct {
		in   doc.Inline
		want string
	}{
		{doc.Inline{{Text: "Droit", Strong: true}, {Text: "\u00a0: obtenir"}}, "**Droit**\u00a0: obtenir"},
		{doc.Inline{{Text: "Assistant.immo", Strong: true}, {Text: "à compléter", Gap: true}}, "**Assistant.immo[à compléter]**"},
		{doc.Inline{{Text: " gras ", Strong: true}}, " **gras** "},
		{doc.Inline{{Text: "italique", Emph: true}}, "*italique*"},
		{doc.Inline{{Text: "https://www.cnil.fr", Link: "https://www.cnil.fr"}}, "<https://www.cnil.fr>"},
		{doc.Inline{{Text: "dpo@exemple.fr", Link: "mailto:dpo@exemple.fr"}}, "<dpo@exemple.fr>"},
		{doc.Inline{{Text: "notre DPO", Link: "#dpo"}}, "[notre DPO](#9-délégué)"},
		{doc.Inline{{Text: "la page", Link: "https://x.fr/a_(b)"}}, "[la page](<https://x.fr/a_(b)>)"},
		{doc.Inline{{Text: "a`b", Code: true}}, "``a`b``"},
		{doc.Inline{{Text: "*pas* _gras_ [lien](x) <b> | ~ \\ &amp; mot_clé"}}, `\*pas\* \_gras\_ \[lien\](x) \<b\> \| \~ \\ \&amp; mot_clé`},
	}
	for _, tt := range tests {
		if got := r.inline(tt.in); got != tt.want {
			t.Errorf("inline(%+v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEscapeStart(t *testing.T) {
	for in, want := range map[string]string{
		"# titre": `\# titre`, "- item": `\- item`, "+ item": `\+ item`, "> cite": `\> cite`, "===": `\===`,
		"1. item": `1\. item`, "12) item": `12\) item`, "2025 est": "2025 est", "3.1.": `3\.1.`, "texte": "texte",
	} {
		if got := escapeStart(in); got != want {
			t.Errorf("escapeStart(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestEscapeInvalidUTF8 checks that escape reads a byte that is not UTF-8
// as the one byte it is, and writes U+FFFD for it: it took it for the
// three bytes of U+FFFD, and sliced past the end of the text.
func TestEscapeInvalidUTF8(t *testing.T) {
	for in, want := range map[string]string{"\x80": "\uFFFD", "a\xff*": "a\uFFFD\\*", "\xc3_x": "\uFFFD\\_x"} {
		if got := escape(in); got != want {
			t.Errorf("escape(%q) = %q, want %q", in, got, want)
		}
	}
}

var spaces = regexp.MustCompile(`\s+`)

// FuzzText checks that any text reads back as itself, as one paragraph,
// without markup or raw HTML: escaping is complete.
func FuzzText(f *testing.F) {
	for _, s := range []string{"*a* _b_ **c**", "<b>x</b> <!-- y -->", "[l](u) ![i](j)", "# t", "1. a", "- b", "`c`",
		"a | b", "&amp; &#65;", "\\*", "~~s~~", "> q", "http://x.fr <http://y.fr>", "a\\", "***", "___", "<x@y.fr>", "=", "[a]: /b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool { return r < ' ' || r == 0x7f || r == '\ufffd' }) {
			t.Skip()
		}
		want := strings.TrimSpace(spaces.ReplaceAllString(s, " "))
		if want == "" {
			t.Skip()
		}
		d := &doc.Document{Title: "T", Sections: []*doc.Section{{ID: "s", Number: "1", Title: "S",
			Blocks: []doc.Block{&doc.Paragraph{Text: doc.Inline{{Text: s}}}}}}}
		src := mustRender(t, d)
		root := parse(src)
		var body ast.Node // the section's paragraph, after the table of contents
		_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if entering && n.Kind() == ast.KindParagraph {
				body = n
			}
			return ast.WalkContinue, nil
		})
		_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if entering && (n.Kind() == ast.KindHTMLBlock || n.Kind() == ast.KindRawHTML) {
				t.Fatalf("raw HTML in the output of %q:\n%s", s, src)
			}
			return ast.WalkContinue, nil
		})
		_ = ast.Walk(body, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			switch n.Kind() {
			case ast.KindEmphasis, ast.KindLink, ast.KindImage, ast.KindCodeSpan, ast.KindAutoLink:
				t.Fatalf("%v in the output of %q:\n%s", n.Kind(), s, src)
			}
			return ast.WalkContinue, nil
		})
		// Read it as a browser would: rendered to HTML, then unescaped.
		var out bytes.Buffer
		if err := parser.Renderer().Render(&out, src, body); err != nil {
			t.Fatal(err)
		}
		got := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(out.String()), "<p>"), "</p>")
		if got = strings.TrimSpace(spaces.ReplaceAllString(html.UnescapeString(got), " ")); got != want {
			t.Fatalf("text %q reads back as %q:\n%s", want, got, src)
		}
	})
}

func TestPlainFieldStaysText(t *testing.T) {
	// A plain field of the model holding Markdown-like text is shown as written.
	c := &schema.Contenu{
		Organisation: &schema.Organisation{RaisonSociale: "A*B* <i>C</i> & D_E_"},
		Documents:    &schema.Documents{Politique: &schema.Publication{}},
	}
	out := mustRender(t, doc.Build(doc.Politique, "x", c))
	if !bytes.Contains(out, []byte(`A\*B\* \<i\>C\</i\> & D_E\_`)) {
		t.Errorf("name not escaped:\n%s", out)
	}
	if bytes.Contains(out, []byte("<i>")) {
		t.Error("raw HTML in the output")
	}
}

func mustRender(t testing.TB, d *doc.Document) []byte {
	t.Helper()
	b, err := Render(d)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
