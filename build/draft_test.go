package build_test

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/rgpdoc/rgpdoc/build/check"
	"github.com/rgpdoc/rgpdoc/build/doc"
	"github.com/rgpdoc/rgpdoc/build/load"
	"github.com/rgpdoc/rgpdoc/internal/textof"
	"github.com/rgpdoc/rgpdoc/schema"
)

// drafts renders the documents of the test site and of content/ with their
// findings, as rgpdoc build does.
func drafts(t *testing.T, f func(t *testing.T, d textof.Doc)) {
	formats := textof.Formats(t)
	for _, dir := range []string{"../testdata/complet/content", "../content"} {
		site, err := load.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range textof.Drafts(t, site, formats) {
			t.Run(d.Org.ID+"/"+string(d.Kind), func(t *testing.T) { f(t, d) })
		}
	}
}

// TestNoDeveloperText keeps out of the documents what belongs to rgpdoc
// check: file paths, positions, keys of the model and rule ids. The
// documents speak to their readers, who know none of them.
func TestNoDeveloperText(t *testing.T) {
	patterns := map[string]*regexp.Regexp{
		"chemin de fichier": regexp.MustCompile(`[\w/-]\.(?:ya?ml|json)\b|content/`),
		"position":          regexp.MustCompile(`\w ?:\d+:\d+`),
		"identifiant":       regexp.MustCompile(`\[[a-z0-9]+(?:-[a-z0-9]+)*\]`),
	}
	var ids []string
	for _, r := range check.Rules {
		if strings.Contains(r.ID, "-") {
			ids = append(ids, regexp.QuoteMeta(r.ID))
		}
	}
	patterns["règle"] = regexp.MustCompile(`(?:^|[^\pL-])(?:` + strings.Join(ids, "|") + `)(?:$|[^\pL-])`)
	keys := modelKeys()
	// URLs and e-mail addresses may hold anything.
	// The PDF's text has no spaces (see textof.Key): the patterns stop at
	// what an address cannot hold.
	addresses := regexp.MustCompile(`(?:https?://|www\.)[\w./?=&%#~+-]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+`)
	snake := regexp.MustCompile(`[a-z0-9]+(?:[_.][a-z0-9]+)+`)
	drafts(t, func(t *testing.T, d textof.Doc) {
		for f, text := range d.Text {
			text = addresses.ReplaceAllString(text, " ")
			for what, re := range patterns {
				if m := re.FindString(text); m != "" {
					t.Errorf("%s : %s « %s »", f, what, m)
				}
			}
			for _, m := range snake.FindAllString(text, -1) {
				parts := strings.FieldsFunc(m, func(r rune) bool { return r == '.' })
				if strings.Contains(m, "_") || allKeys(parts, keys) {
					t.Errorf("%s : clé du modèle « %s »", f, m)
				}
			}
		}
	})
}

// modelKeys returns the keys of the model's YAML.
func modelKeys() map[string]bool {
	keys := map[string]bool{}
	schema.Fields(func(key string, _ reflect.StructField) { keys[key] = true })
	return keys
}

func allKeys(parts []string, keys map[string]bool) bool {
	for _, p := range parts {
		if !keys[p] {
			return false
		}
	}
	return true
}

// TestDraftGapsSameWords finds each gap of a document, in the words of the
// tree, as many times in each format: at its place, and in the banner.
func TestDraftGapsSameWords(t *testing.T) {
	drafts(t, func(t *testing.T, d textof.Doc) {
		tree := doc.Build(d.Kind, d.Org.ID, d.Org.Content)
		gaps := map[string]int{}
		eachGap(tree, func(s doc.Span) { gaps[s.Text]++ })
		if tree.Draft == nil && len(gaps) > 0 {
			t.Fatal("document with gaps, without the draft banner")
		}
		// A PDF page break puts the running footer and header inside a text.
		// So do the draft's watermark and list bullets, which pdftotext reads
		// out of order.
		running := regexp.MustCompile(regexp.QuoteMeta(textof.Key("pdf", tree.Footer)) + `|page\d+/\d+|` +
			regexp.QuoteMeta(textof.Key("pdf", tree.Org.Name+tree.Title)) + `|` + regexp.QuoteMeta(textof.Key("pdf", "Projet — à compléter")) + `|•`)
		for g, n := range gaps {
			counts := map[string]int{}
			for f, text := range d.Text {
				if f == "pdf" {
					text = running.ReplaceAllString(text, "")
				}
				counts[string(f)] = strings.Count(text, textof.Key(f, g))
			}
			// pdftotext may read a heading of the next page inside a text
			// that a page break cuts: the PDF must show each gap, and no
			// more often than the other formats.
			for f, c := range counts {
				if f != "pdf" && c < n || c < 1 || c > n {
					t.Errorf("%s : « %s » %d fois, %d dans l'arbre", f, g, c, n)
				}
				if f != "pdf" && c != counts["html"] {
					t.Errorf("« %s » : %d fois en %s, %d en HTML", g, c, f, counts["html"])
				}
			}
		}
	})
}

// eachGap calls f with the gaps of a document, in its body and its banner.
func eachGap(d *doc.Document, f func(doc.Span)) {
	spans := func(in doc.Inline) {
		for _, s := range in {
			if s.Gap {
				f(s)
			}
		}
	}
	var blocks func([]doc.Block)
	blocks = func(bs []doc.Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *doc.Paragraph:
				spans(b.Text)
			case *doc.List:
				for _, item := range b.Items {
					blocks(item)
				}
			case *doc.Table:
				for _, row := range b.Rows {
					for _, c := range row {
						blocks(c)
					}
				}
			case *doc.Definitions:
				for _, item := range b.Items {
					spans(item.Term)
					blocks(item.Body)
				}
			case *doc.Note:
				blocks(b.Blocks)
			}
		}
	}
	blocks(d.Preamble)
	var sections func([]*doc.Section)
	sections = func(list []*doc.Section) {
		for _, s := range list {
			blocks(s.Blocks)
			sections(s.Sections)
		}
	}
	sections(d.Sections)
	if d.Draft != nil {
		for _, p := range d.Draft.Points {
			spans(p)
		}
	}
}
