// Package textof gives tests the text a reader sees in the rendered
// documents, in each of the three formats, in a form where the same fact
// reads the same in the HTML, the Markdown and the PDF of a document.
package textof

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/rgpdoc/rgpdoc/build"
	"github.com/rgpdoc/rgpdoc/build/diag"
	"github.com/rgpdoc/rgpdoc/build/doc"
	"github.com/rgpdoc/rgpdoc/build/load"
	rendered "github.com/rgpdoc/rgpdoc/build/render/html"
	"github.com/rgpdoc/rgpdoc/build/typo"
)

// Doc is one document of an organization.
type Doc struct {
	Org  *load.Org
	Kind doc.Kind
	// Text holds the text of each format, in the form Key gives it.
	Text map[build.Format]string
}

// Has tells whether the document shows want, a fact as the content states
// it, in format f.
func (d Doc) Has(f build.Format, want string) bool {
	return strings.Contains(d.Text[f], Fact(f, want))
}

// Formats returns the document formats whose text can be read here (the
// register's exports apart): all of them, or HTML and Markdown when
// pdftotext is missing. With RGPDOC_E2E=1 (CI, the
// release) a missing pdftotext fails the test instead.
func Formats(tb testing.TB) []build.Format {
	tb.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("RGPDOC_E2E") == "1" {
			tb.Fatalf("RGPDOC_E2E=1 : %v", errNoPdftotext)
		}
		tb.Logf("PDF non vérifiés : %v", errNoPdftotext)
		return []build.Format{rendered.HTML, rendered.Markdown}
	}
	return []build.Format{rendered.HTML, rendered.Markdown, rendered.PDF}
}

// Documents renders in memory, in formats, the published documents of the
// site's organizations and returns their text, organization by
// organization, in the order of doc.Kinds. The documents are rendered
// without findings, hence without the draft banner: its list of findings
// quotes facts of the content, and would show a fact the body has lost.
func Documents(tb testing.TB, site *load.Site, formats []build.Format) []Doc {
	tb.Helper()
	return documents(tb, site, nil, formats)
}

// Drafts is Documents with the findings of each organization, as rgpdoc
// build renders them: documents with open points carry the draft banner.
func Drafts(tb testing.TB, site *load.Site, formats []build.Format) []Doc {
	tb.Helper()
	var findings diag.List
	for _, o := range site.Orgs {
		if !o.IsRead() {
			if err := o.Read(); err != nil {
				tb.Fatal(err)
			}
		}
		findings = append(findings, build.OrgFindings(site, o, nil)...)
	}
	return documents(tb, site, findings, formats)
}

func documents(tb testing.TB, site *load.Site, findings diag.List, formats []build.Format) []Doc {
	files := build.Files{}
	if err := build.Render(site, findings, build.Options{Formats: formats, Epoch: time.Unix(0, 0).UTC()}, files.Collect()); err != nil {
		tb.Fatal(err)
	}
	var out []Doc
	for _, o := range site.Orgs {
		for _, k := range doc.Published(o.Content) {
			d := Doc{Org: o, Kind: k, Text: map[build.Format]string{}}
			for _, f := range formats {
				name := path.Join(o.ID, string(k)+"."+string(f))
				b, ok := files[name]
				if !ok {
					tb.Fatalf("%s non produit", name)
				}
				text, err := read(f, b)
				if err != nil {
					tb.Fatalf("%s : %v", name, err)
				}
				d.Text[f] = Key(f, text)
			}
			out = append(out, d)
		}
	}
	return out
}

// read returns the text of a document rendered in format f.
func read(f build.Format, b []byte) (string, error) {
	switch f {
	case rendered.HTML:
		return HTML(b)
	case rendered.Markdown:
		return Markdown(b)
	case rendered.PDF:
		return PDF(b)
	}
	return "", fmt.Errorf("format inconnu « %s »", f)
}

// Key returns the form in which texts are compared in format f: spaces of
// every kind and line breaks made one space (the formats lay text out
// differently, and pdftotext reads some no-break spaces as plain ones), in
// lower case, since a fact that starts a table cell gets a capital. In PDF,
// the form has no spaces at all: pdftotext reads a line break as a space,
// and a table cell breaks lines inside the words too long for its column
// (an e-mail address, a URL), where the other formats have no space.
func Key(f build.Format, s string) string {
	s = strings.ToLower(strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " "))
	if f == rendered.PDF {
		s = strings.ReplaceAll(s, " ", "")
	}
	return s
}

// Fact returns a fact, as the content states it, in the form Key gives the
// text of a document, after the documents' typography (typographic
// apostrophes, guillemets).
func Fact(f build.Format, want string) string {
	return Key(f, typo.Text(want))
}

// Markdown returns the text of a Markdown document as CommonMark reads it:
// escapes undone, link targets dropped. Converting it with goldmark, the
// project's Markdown library, and reading the HTML spares a second,
// hand-written reading of the syntax.
func Markdown(src []byte) (string, error) {
	var b bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert(src, &b); err != nil {
		return "", err
	}
	return markup(b.String()), nil
}

// HTML returns the text of the <main> element of an HTML page: the
// document, without the site's header and footer.
func HTML(page []byte) (string, error) {
	s := string(page)
	start, end := strings.Index(s, "<main"), strings.LastIndex(s, "</main>")
	if start < 0 || end < start {
		return "", errors.New("page sans élément <main>")
	}
	return markup(s[start:end]), nil
}

var errNoPdftotext = errors.New("pdftotext introuvable : installez poppler-utils")

// PDF returns the text pdftotext reads in a PDF document.
func PDF(doc []byte) (string, error) {
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		return "", errNoPdftotext
	}
	cmd := exec.Command(bin, "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(doc)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("pdftotext : %w : %s", err, stderr.Bytes())
	}
	return withoutRunningLines(string(out)), nil
}

// pageNumber is the last line of a page's footer: « Page 5 / 11 ».
var pageNumber = regexp.MustCompile(`^Page \d+ / \d+$`)

// withoutRunningLines removes, at each page break (form feed), the footer
// (« Organisation — Titre », « Page n / m ») and the next page's header,
// which ends with the title: a sentence cut by a page break reads on.
func withoutRunningLines(s string) string {
	pages := strings.Split(s, "\f")
	for i := 0; i+1 < len(pages); i++ {
		before := strings.Split(strings.TrimRight(pages[i], "\n"), "\n")
		var foot []int // indexes of the last two non-empty lines
		for j := len(before) - 1; j >= 0 && len(foot) < 2; j-- {
			if strings.TrimSpace(before[j]) != "" {
				foot = append(foot, j)
			}
		}
		if len(foot) < 2 || !pageNumber.MatchString(strings.TrimSpace(before[foot[0]])) {
			continue
		}
		_, title, ok := strings.Cut(before[foot[1]], " — ")
		if !ok {
			continue
		}
		after := strings.Split(pages[i+1], "\n")
		end := -1
		for j, seen := 0, 0; j < len(after) && seen < 4; j++ {
			if t := strings.TrimSpace(after[j]); t != "" {
				seen++
				if t == strings.TrimSpace(title) {
					end = j
					break
				}
			}
		}
		if end < 0 {
			continue
		}
		pages[i] = strings.Join(before[:foot[1]], "\n") + "\n"
		pages[i+1] = strings.Join(after[end+1:], "\n")
	}
	return strings.Join(pages, "\f")
}

var (
	// inlineTags are the tags inside a run of text: dropped without a space,
	// so that "<strong>Droit</strong> :" reads "Droit :".
	inlineTags = regexp.MustCompile(`</?(?:a|abbr|b|cite|code|em|i|mark|q|s|small|span|strong|sub|sup|time)\b[^>]*>`)
	// otherTags end a block, or are comments: a space keeps apart the words
	// of two cells or two paragraphs.
	otherTags = regexp.MustCompile(`<[^>]*>`)
)

// markup returns the text of an HTML fragment.
func markup(s string) string {
	s = inlineTags.ReplaceAllString(s, "")
	return html.UnescapeString(otherTags.ReplaceAllString(s, " "))
}
