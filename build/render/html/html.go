// Package html renders the documents and the index pages as HTML, with a theme
// of package themes. The theme's templates lay the pages out; the document
// tree and the lists of the index pages are written in Go (write.go).
//
// Pages live at public/index.html (SiteIndex) and public/<org>/*.html (Render,
// OrgIndex); every link they hold is relative, so the site works from any
// folder of a web server and from the file system. Paths returned by Assets
// and OrgAssets are relative to the output root (the public/ folder).
//
// The pages suit a Content-Security-Policy of default-src 'self': no script,
// no inline style. The organization's colour therefore comes from a tiny
// stylesheet of its own, <org>/theme.<hash>.css (OrgAssets), which sets the
// custom properties the theme's stylesheet reads; the pipeline writes it next
// to the organization's pages.
package html

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/rgpdoc/rgpdoc/build/asset"
	"github.com/rgpdoc/rgpdoc/build/doc"
	"github.com/rgpdoc/rgpdoc/themes"
)

// Format is a format a document is published in; its value is the file extension.
type Format string

const (
	HTML     Format = "html"
	Markdown Format = "md"
	PDF      Format = "pdf"
	// The register's exports: the CNIL model's spreadsheet, its list of
	// activities as CSV, and the register in the W3C DPV vocabulary.
	ODS    Format = "ods"
	CSV    Format = "csv"
	JSONLD Format = "jsonld"
)

// Listing is what the index pages show of one organization.
type Listing struct {
	Org doc.Org
	// Documents are the published documents, in the order shown.
	Documents []Entry
}

// Entry is one document of an organization on the index pages, shown as
// "Politique de confidentialité — HTML · Markdown · PDF".
type Entry struct {
	Kind doc.Kind
	// Base is the document's path in the organization's folder, without
	// extension (doc.Document.Base).
	Base  string
	Title string
	// Meta is the document's line of date and version, if known.
	Meta string
	// Draft is set when the document carries the draft banner.
	Draft bool
	// Formats are the formats the document is published in, in the order shown.
	Formats []Format
}

// NewListing lists the documents of an organization, each published in formats.
// The preview server keeps the listings of all organizations for its site
// index: the documents of one kind share their formats, and the entries are
// allocated once, so that they cost little per organization.
func NewListing(org doc.Org, docs []*doc.Document, formats ...Format) Listing {
	l := Listing{Org: org, Documents: slices.Grow([]Entry(nil), len(docs))}
	byKind := map[doc.Kind][]Format{}
	for _, d := range docs {
		fs, ok := byKind[d.Kind]
		if !ok {
			fs = slices.Clip(doc.Formats(d.Kind, formats))
			byKind[d.Kind] = fs
		}
		l.Documents = append(l.Documents, Entry{Kind: d.Kind, Base: d.Base(), Title: d.Title, Meta: d.Meta, Draft: d.Draft != nil,
			Formats: fs})
	}
	return l
}

// Render returns the HTML page of a document, public/<org>/<kind>.html.
func Render(d *doc.Document, th *Themes) ([]byte, error) {
	b, err := documentBody(d)
	if err != nil {
		return nil, err
	}
	p := page{Doc: d, Body: b, Org: d.Org, Description: d.Subject, Class: landscape(d.Landscape), OrgDir: d.Root()}
	for _, f := range doc.Formats(d.Kind, Formats) {
		if f != HTML {
			p.Alternates = append(p.Alternates, alternate{Href: path.Base(d.Base()) + "." + string(f), Type: mediaTypes[f], Name: formatName(f)})
		}
	}
	return orgPage("document.html", p, th)
}

// Formats lists every format, in the order the pages present them.
var Formats = []Format{HTML, Markdown, PDF, ODS, CSV, JSONLD}

// alternate is another format of a document, linked from its page.
type alternate struct{ Href, Type, Name string }

var mediaTypes = map[Format]string{Markdown: "text/markdown", PDF: "application/pdf", doc.Fragment: "text/html",
	ODS: "application/vnd.oasis.opendocument.spreadsheet", CSV: "text/csv", JSONLD: "application/ld+json"}

// Fragment returns a document without the page around it, for pasting into
// another site's page (mentions/<activity>.fragment.html): the draft
// banner, then the preamble and the sections.
func Fragment(d *doc.Document) ([]byte, error) {
	b, err := documentBody(d)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.WriteString(`<div class="rgpdoc-fragment" lang="fr">` + "\n")
	for _, part := range []template.HTML{b.Draft, b.Preamble, b.Sections} {
		if part != "" {
			out.WriteString(string(part))
			out.WriteByte('\n')
		}
	}
	out.WriteString("</div>\n")
	return out.Bytes(), nil
}

// OrgIndex returns the index page of an organization, public/<org>/index.html.
func OrgIndex(l Listing, th *Themes) ([]byte, error) {
	p := page{Org: l.Org, Description: l.Org.Name + "\u00a0: documents relatifs à la protection des données personnelles."}
	if len(l.Documents) > 0 {
		s, err := render(func(w *writer) { w.documents("", l.Documents) })
		if err != nil {
			return nil, err
		}
		p.Documents = template.HTML(s)
	}
	return orgPage("org-index.html", p, th)
}

// SiteIndex returns the list of organizations, public/index.html, in the
// default theme; the organizations are listed in the order given.
func SiteIndex(orgs []Listing, th *Themes) ([]byte, error) {
	var b bytes.Buffer
	w, err := NewSiteIndexWriter(&b, th, len(orgs))
	if err != nil {
		return nil, err
	}
	for _, l := range orgs {
		if err := w.Add(l); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// SiteIndexWriter writes the site index to a file as the organizations are
// rendered, a section each: a build keeps no list of every organization, and
// the page of 10,000 of them (40 MB) is never held in memory.
type SiteIndexWriter struct {
	out  io.Writer
	tail []byte // the page after the sections
	n    int    // sections written
	err  error
}

// organizationsMark stands for the sections in the page that the theme lays
// out; the page is cut there.
const organizationsMark = "<!--rgpdoc:organisations-->"

// NewSiteIndexWriter writes to w the site index of orgs organizations up to
// their sections, which Add writes one at a time, in order, and Close ends.
func NewSiteIndexWriter(w io.Writer, th *Themes, orgs int) (*SiteIndexWriter, error) {
	t, err := th.theme(themes.Default)
	if err != nil {
		return nil, err
	}
	p := page{Description: "Politiques de confidentialité, chartes données et registres des activités de traitement."}
	if orgs > 0 {
		p.Organizations = organizationsMark
	}
	b, err := t.execute("site-index.html", p)
	if err != nil {
		return nil, err
	}
	head, tail, found := bytes.Cut(b, []byte(organizationsMark))
	if orgs > 0 && (!found || bytes.Contains(tail, []byte(organizationsMark))) {
		return nil, fmt.Errorf("thème « %s », html/site-index.html : le gabarit doit écrire {{.Organizations}} une fois, dans le texte de la page", themes.Default)
	}
	if _, err := w.Write(head); err != nil {
		return nil, err
	}
	return &SiteIndexWriter{out: w, tail: tail}, nil
}

// Add writes the section of the next organization.
func (s *SiteIndexWriter) Add(l Listing) error {
	if s.err != nil {
		return s.err
	}
	var b string
	b, s.err = render(func(w *writer) {
		w.newline(s.n)
		w.organization(l)
	})
	if s.err == nil {
		_, s.err = io.WriteString(s.out, b)
	}
	s.n++
	return s.err
}

// Close writes the end of the page.
func (s *SiteIndexWriter) Close() error {
	if s.err != nil {
		return s.err
	}
	_, s.err = s.out.Write(s.tail)
	return s.err
}

// Assets returns the files the pages link to, by path relative to the output
// root (assets/style.3f2a9c1b.css): the fingerprint in the name changes with
// the content, so websites may cache them forever. The slices are shared:
// callers must not modify them.
func Assets(th *Themes) map[string][]byte {
	th, err := th.parsed()
	if err != nil {
		// The embedded themes are tested; a broken one is a programming error.
		panic(err)
	}
	out := map[string][]byte{}
	for _, t := range th.all {
		maps.Copy(out, t.files)
	}
	return out
}

// OrgAssets returns the organization's colour stylesheet by path relative to
// the output root (<org>/theme.<hash>.css), or an empty map when it sets no
// colour; the caller adds the logo to it.
func OrgAssets(o doc.Org) (map[string][]byte, error) {
	name, css, err := orgStyle(o)
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	if name != "" {
		out[path.Join(o.ID, name)] = css
	}
	return out, nil
}

// page is the data of every template.
type page struct {
	// Root leads from the page to the output root: "" or "../".
	Root string
	// OrgDir leads from the page to its organization's folder: "" or "../".
	OrgDir string
	// OrgStyle is the organization's colour stylesheet, relative to the page.
	OrgStyle string
	// Alternates are the document's other formats, linked from its page.
	Alternates  []alternate
	Class       string
	Description string
	// Org is the organization of the page; zero on the site index.
	Org doc.Org
	Doc *doc.Document
	// Body is the document tree of Doc, in HTML.
	Body body
	// Documents is the list of the organization's documents on its index
	// page, a <ul>; empty when it publishes none.
	Documents template.HTML
	// Organizations stands for the organizations of the site index, a
	// <section> each, one a line, which SiteIndexWriter writes in its place.
	Organizations template.HTML
}

func landscape(on bool) string {
	if on {
		return "paysage"
	}
	return ""
}

// orgPage renders a page of public/<org>/ in the organization's theme and colour.
func orgPage(file string, p page, th *Themes) ([]byte, error) {
	t, err := th.theme(p.Org.Theme)
	if err != nil {
		return nil, err
	}
	p.Root = "../" + p.OrgDir
	if p.OrgStyle, _, err = orgStyle(p.Org); err != nil {
		return nil, err
	}
	if p.OrgStyle != "" {
		p.OrgStyle = p.OrgDir + p.OrgStyle
	}
	return t.execute(file, p)
}

// parsedTheme is a theme ready to render.
type parsedTheme struct {
	// pages are the page templates by file name, each a clone of base.html
	// with the page's file added.
	pages map[string]*template.Template
	// files are the fingerprinted assets by path from the output root.
	files map[string][]byte
}

func (t *parsedTheme) execute(file string, p page) ([]byte, error) {
	// The layout around a document's body takes a few kilobytes.
	size := len(p.Body.Draft) + len(p.Body.Preamble) + len(p.Body.TOC) + len(p.Body.Sections) + len(p.Documents) + len(p.Organizations) + 8<<10
	b := bytes.NewBuffer(make([]byte, 0, size))
	if err := t.pages[file].ExecuteTemplate(b, "page", p); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Themes is a set of themes ready to render, by name, the default theme
// among them. The pipeline passes it to the functions that render pages; a
// nil *Themes stands for the themes embedded in rgpdoc.
type Themes struct{ all map[string]*parsedTheme }

// embedded holds the embedded themes, parsed once.
var embedded = sync.OnceValues(func() (*Themes, error) {
	all, err := parseAll(themes.Names(), themes.FS)
	return &Themes{all}, err
})

// ReadThemes parses the themes of fsys, one folder per theme laid out as in
// package themes, the default theme among them: the preview server reads
// them from disk when it starts and after each change to a theme file, so
// that a theme can be edited and previewed.
func ReadThemes(fsys fs.FS) (*Themes, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() && !hidden(e.Name()) {
			names = append(names, e.Name())
		}
	}
	if !slices.Contains(names, themes.Default) {
		return nil, fmt.Errorf("le dossier des thèmes n'a pas de thème « %s »", themes.Default)
	}
	all, err := parseAll(names, func(name string) (fs.FS, bool) {
		sub, err := fs.Sub(fsys, name)
		return sub, err == nil
	})
	if err != nil {
		return nil, err
	}
	th := &Themes{all}
	// Refused now rather than when the preview first shows the site index.
	if _, err := NewSiteIndexWriter(io.Discard, th, 1); err != nil {
		return nil, err
	}
	return th, nil
}

// Names returns the names of the themes, sorted.
func (t *Themes) Names() []string {
	if t == nil {
		return themes.Names()
	}
	return slices.Sorted(maps.Keys(t.all))
}

// parsed returns the themes, the embedded ones for nil.
func (t *Themes) parsed() (*Themes, error) {
	if t == nil {
		return embedded()
	}
	return t, nil
}

// parseAll parses the named themes; open returns the files of one.
func parseAll(names []string, open func(name string) (fs.FS, bool)) (map[string]*parsedTheme, error) {
	out := map[string]*parsedTheme{}
	for _, name := range names {
		fsys, _ := open(name) // names are those open knows
		t, err := parse(fsys)
		if err != nil {
			return nil, fmt.Errorf("thème %s : %w", name, err)
		}
		out[name] = t
	}
	return out, nil
}

// theme returns the named theme, "" naming the default one.
func (t *Themes) theme(name string) (*parsedTheme, error) {
	t, err := t.parsed()
	if err != nil {
		return nil, err
	}
	if name == "" {
		name = themes.Default
	}
	th, ok := t.all[name]
	if !ok {
		return nil, fmt.Errorf("thème HTML inconnu « %s » (thèmes disponibles : %s)", name, strings.Join(t.Names(), ", "))
	}
	return th, nil
}

// pageFiles are the templates a theme must have besides base.html.
var pageFiles = []string{"document.html", "org-index.html", "site-index.html"}

func parse(fsys fs.FS) (*parsedTheme, error) {
	t := &parsedTheme{pages: map[string]*template.Template{}, files: map[string][]byte{}}
	names := map[string]string{} // asset name → fingerprinted path
	assets, err := fs.ReadDir(fsys, "assets")
	if err != nil {
		return nil, err
	}
	for _, e := range assets {
		if e.IsDir() || hidden(e.Name()) {
			continue // as go:embed does, for a theme read from disk
		}
		name := path.Join("assets", e.Name())
		if err := regular(fsys, name); err != nil {
			return nil, err
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		if asset.IsImage(name) {
			if why := asset.Image(name, b); why != "" {
				return nil, fmt.Errorf("%s : %s", name, why)
			}
		}
		p := path.Join("assets", fingerprint(e.Name(), b))
		names[e.Name()], t.files[p] = p, b
	}
	funcs := template.FuncMap{
		"asset": func(name string) (string, error) {
			if p, ok := names[name]; ok {
				return p, nil
			}
			return "", fmt.Errorf("fichier %s absent du dossier assets du thème", name)
		},
		"plural":  plural,
		"isoDate": func(t time.Time) string { return t.Format(time.DateOnly) },
	}
	for _, f := range append([]string{"base.html"}, pageFiles...) {
		if err := regular(fsys, path.Join("html", f)); err != nil {
			return nil, err
		}
	}
	base, err := template.New("base.html").Funcs(funcs).ParseFS(fsys, "html/base.html")
	if err != nil {
		return nil, err
	}
	for _, f := range pageFiles {
		clone, _ := base.Clone() // a template not yet executed always clones
		if t.pages[f], err = clone.ParseFS(fsys, path.Join("html", f)); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// regular returns an error unless the file name of fsys is a regular file: a
// theme read from disk holds no link (which could publish a file from
// anywhere as one of its assets) and no FIFO (which would block the build).
func regular(fsys fs.FS, name string) error {
	info, err := fs.Lstat(fsys, name)
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%s n'est pas un fichier ordinaire (lien symbolique, tube, périphérique…) : un thème ne contient que des fichiers", name)
	}
	return nil
}

// hidden tells whether go:embed leaves a file out: editors' swap and lock
// files are hidden, and must not become assets of a theme read from disk.
func hidden(name string) bool { return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") }

// fingerprint inserts a hash of the content in a file name: style.css →
// style.3f2a9c1b.css.
func fingerprint(name string, content []byte) string {
	sum := sha256.Sum256(content)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
}

func plural(n int, one, many string) string {
	if n < 2 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// formatName names a format on the index pages.
func formatName(f Format) string {
	switch f {
	case HTML:
		return "HTML"
	case Markdown:
		return "Markdown"
	case PDF:
		return "PDF"
	case ODS:
		return "tableur ODS"
	case JSONLD:
		return "JSON-LD (DPV)"
	case doc.Fragment:
		return "fragment HTML à coller dans une page"
	default:
		return strings.ToUpper(string(f))
	}
}
