package build

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rgpdoc/rgpdoc/build/diag"
	"github.com/rgpdoc/rgpdoc/build/doc"
	"github.com/rgpdoc/rgpdoc/build/load"
	"github.com/rgpdoc/rgpdoc/build/render/csv"
	"github.com/rgpdoc/rgpdoc/build/render/html"
	"github.com/rgpdoc/rgpdoc/build/render/jsonld"
	"github.com/rgpdoc/rgpdoc/build/render/md"
	"github.com/rgpdoc/rgpdoc/build/render/ods"
	"github.com/rgpdoc/rgpdoc/build/render/pdf"
	"github.com/rgpdoc/rgpdoc/schema"
)

// Format is an output format; its value is the file extension.
type Format = html.Format

// Formats lists every format, in the order the site presents them.
var Formats = html.Formats

// PDF is the format that needs fonts, and most memory, to render.
const PDF = html.PDF

// Options say what to render.
type Options struct {
	// Formats are the formats to write; all when empty.
	Formats []Format
	// Lazy are formats that the index pages list but that are not rendered:
	// the preview server renders them when they are asked for.
	Lazy []Format
	// Orgs restricts the build to these organizations; all when empty.
	Orgs []string
	// Epoch dates the documents whose content gives no update date
	// (SOURCE_DATE_EPOCH), so that their PDFs stay reproducible.
	Epoch time.Time
	// Strict makes warnings fail the run of Write, as errors do.
	Strict bool
	// Themes are the HTML themes; nil for those embedded in rgpdoc.
	Themes *html.Themes
}

// Prepare starts in the background what the formats of opts need before
// their first document (the PDF fonts), so that it overlaps the reading of
// the content: the caller calls it first.
func Prepare(opts Options) {
	if opts.Writes(PDF) {
		pdf.Prepare()
	}
}

// Writes tells whether a build with opts writes the format f.
func (opts Options) Writes(f Format) bool {
	return len(opts.Formats) == 0 || slices.Contains(opts.Formats, f)
}

// Put receives one rendered file, by slash-separated path relative to the
// output folder. It is called from several goroutines at once.
type Put func(path string, b []byte) error

// Render renders the documents of the site's organizations and the index
// pages, in parallel, handing each file to put as soon as it is ready (a full
// site would not fit the memory budget). findings are the site's findings:
// an organization with open warnings gets the draft banner. The caller has
// refused findings that fail the run.
func Render(site *load.Site, findings diag.List, opts Options, put Put) error {
	listings, err := RenderOrgs(site, findings, opts, put)
	if err != nil {
		return err
	}
	return RenderSite(listings, opts.Themes, put)
}

// RenderOrgs is the part of Render that renders the organizations' documents
// and pages; it returns what the site index shows of each, in order. The
// preview server renders again only the organizations that changed.
func RenderOrgs(site *load.Site, findings diag.List, opts Options, put Put) ([]html.Listing, error) {
	orgs, err := selectOrgs(site, opts.Orgs)
	if err != nil {
		return nil, err
	}
	p := newPipeline(site, opts, put)
	p.byFile = map[string]diag.List{}
	for _, f := range findings {
		p.byFile[f.File] = append(p.byFile[f.File], f)
	}
	listings := make([]html.Listing, len(orgs))
	err = p.run(orgs, func(i int, l html.Listing) error {
		listings[i] = l
		return nil
	})
	return listings, err
}

// Write checks the site and writes it into the folder out, which it replaces
// (see Replace). Each organization is read (when the site only lists it, see
// load.Open), checked, rendered and released in turn, so that memory does not
// grow with the number of organizations. Write returns the findings, sorted,
// and the number of files written. When the findings fail the run (an error,
// or a warning with opts.Strict), no more organizations are rendered, out is
// left as it was and no file is counted: the caller reports the findings.
// With a cache, the organizations that did not change since it kept their
// files are not rendered again. Write refuses folders that a build must not
// write to (see Folders). When ctx is done, it stops rendering, leaves out
// as it was and returns ctx's error.
func Write(ctx context.Context, site *load.Site, opts Options, out string, cache *Cache) (diag.List, int, error) {
	folders := Folders{Content: site.Dir, Out: out}
	if cache != nil {
		folders.Cache = cache.dir
	}
	if err := folders.Check(); err != nil {
		return nil, 0, err
	}
	orgs, err := selectOrgs(site, opts.Orgs)
	if err != nil {
		return nil, 0, err
	}
	files := 0
	p := newPipeline(site, opts, nil)
	p.ctx = ctx
	p.failed.Store(site.Findings.Fails(opts.Strict))
	err = Replace(out, func(d *Dir) error {
		p.put, p.cache, p.dir = d.Put, cache, d
		err := p.writeSite(orgs, d)
		switch {
		case ctx.Err() != nil:
			return ctx.Err()
		case p.failed.Load():
			return errFindings
		case err != nil:
			return err
		}
		files = d.Files()
		return nil
	})
	if err == errFindings {
		err = nil
	}
	return p.result(), files, err
}

// errFindings stops Replace when the findings fail the run.
var errFindings = errors.New("des constats font échouer la production du site")

// pipeline is one run over organizations: each is read when the site only
// lists it, checked unless the caller gives the findings (byFile), rendered
// when there is a put and the run has not failed, then released.
type pipeline struct {
	ctx             context.Context // rendering stops when it is done
	site            *load.Site
	opts            Options
	formats, listed []Format
	put             Put
	cache           *Cache // with dir, the folder that put writes to
	dir             *Dir
	byFile          map[string]diag.List // the caller's findings by file; nil: check
	workers         workers

	mu       sync.Mutex
	findings diag.List // of the organizations checked, and of the site
	errs     []error
	// failed is set once a finding fails the run: organizations are still
	// checked, for the report, but not rendered.
	failed atomic.Bool
}

func newPipeline(site *load.Site, opts Options, put Put) *pipeline {
	formats := opts.Formats
	if len(formats) == 0 {
		formats = Formats
	}
	// The index pages list the formats in one order, rendered or lazy.
	listed := append(slices.Clone(formats), opts.Lazy...)
	slices.SortStableFunc(listed, func(a, b Format) int { return slices.Index(Formats, a) - slices.Index(Formats, b) })
	return &pipeline{ctx: context.Background(), site: site, opts: opts, formats: formats, listed: listed, put: put,
		findings: slices.Clone(site.Findings), workers: newWorkers()}
}

// writeSite renders orgs into d, the site index as they are rendered, and
// the themes' assets.
func (p *pipeline) writeSite(orgs []*load.Org, d *Dir) error {
	f, err := d.Create("index.html")
	if err != nil {
		return err
	}
	defer f.Close()
	buf := bufio.NewWriter(f)
	index, err := html.NewSiteIndexWriter(buf, p.opts.Themes, len(orgs))
	if err != nil {
		return err
	}
	if err := p.run(orgs, inOrder(index.Add)); err != nil {
		return err
	}
	if err := index.Close(); err != nil {
		return err
	}
	if err := buf.Flush(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return putAssets(p.opts.Themes, d.Put)
}

// inOrder returns a listed function (see run) that hands the listings to
// add in the order of the organizations, whichever order they come in; only
// those that finish before an earlier one wait in memory.
func inOrder(add func(html.Listing) error) func(int, html.Listing) error {
	var mu sync.Mutex
	next := 0
	waiting := map[int]html.Listing{}
	return func(i int, l html.Listing) error {
		mu.Lock()
		defer mu.Unlock()
		waiting[i] = l
		for {
			l, ok := waiting[next]
			if !ok {
				return nil
			}
			delete(waiting, next)
			next++
			// An organization not rendered (the run fails) lists nothing.
			if l.Org.ID == "" {
				continue
			}
			if err := add(l); err != nil {
				return err
			}
		}
	}
}

// run runs the pipeline over orgs, passing to listed, unless nil, what the
// site index shows of each, by its index in orgs, as soon as it is
// rendered. listed is called once for each organization, with a zero
// Listing for one not rendered, from several goroutines at once.
func (p *pipeline) run(orgs []*load.Org, listed func(i int, l html.Listing) error) error {
	p.workers.all(len(orgs), func(i int) {
		var l html.Listing
		err := p.org(orgs[i], &l)
		if err != nil {
			l = html.Listing{}
		}
		if listed != nil {
			err = errors.Join(err, listed(i, l))
		}
		if err != nil {
			p.mu.Lock()
			p.errs = append(p.errs, fmt.Errorf("%s : %w", orgs[i].ID, err))
			p.mu.Unlock()
		}
	})
	return errors.Join(p.errs...)
}

// result returns the findings of the run, sorted.
func (p *pipeline) result() diag.List {
	p.findings.Sort()
	// Rules report a problem of the defaults once per organization.
	return slices.Compact(p.findings)
}

// org reads, checks and renders one organization, and sets its listing.
func (p *pipeline) org(o *load.Org, listing *html.Listing) error {
	if !o.IsRead() {
		if err := o.Read(); err != nil {
			return err
		}
		defer o.Release()
	}
	var findings diag.List
	if p.byFile == nil {
		findings = OrgFindings(p.site, o, p.opts.Themes)
		p.mu.Lock()
		p.findings = append(p.findings, findings...)
		p.mu.Unlock()
		if findings.Fails(p.opts.Strict) {
			p.failed.Store(true)
		}
	} else {
		for _, f := range o.Files {
			findings = append(findings, p.byFile[f.Path]...)
		}
	}
	if p.put == nil || p.failed.Load() || p.ctx.Err() != nil {
		return nil
	}
	return p.render(o, draft(o, findings), listing)
}

// render renders an organization's documents and pages, or takes them from
// the cache, and sets its listing.
func (p *pipeline) render(o *load.Org, draft []string, listing *html.Listing) error {
	put := p.put
	var kept *collector
	var key string
	if p.cache != nil {
		key = p.cache.key(o, draft, p.formats, p.listed, p.opts.Epoch)
		if m := p.cache.lookup(key); m != nil {
			*listing = m.Listing
			return p.cache.restore(key, m, p.dir)
		}
		kept = new(collector)
		put = kept.wrap(put)
	}
	kinds := doc.Published(o.Content)
	docs := make([]*doc.Document, len(kinds))
	p.workers.each(len(kinds), func(i int) { docs[i] = doc.Build(kinds[i], o.ID, o.Content) })
	// The essentials and the notices follow the politique, the first kind.
	if layers := doc.Layers(o.ID, o.Content); len(layers) > 0 {
		docs = slices.Insert(docs, 1, layers...)
	}
	// The largest documents start first, so that the last to finish is a
	// small one and not the register, alone on one core while the others
	// idle (longest processing time first).
	bySize := slices.SortedStableFunc(slices.Values(docs), func(a, b *doc.Document) int { return b.Size() - a.Size() })
	errs := make([]error, len(docs))
	p.workers.each(len(bySize), func(i int) {
		stamp(bySize[i], draft, p.opts.Epoch)
		errs[i] = renderDocument(bySize[i], p.formats, p.opts.Themes, put)
	})
	if err := errors.Join(errs...); err != nil {
		return err
	}
	*listing = html.NewListing(doc.OrgInfo(o.ID, o.Content), docs, p.listed...)
	if err := renderOrgPages(o, *listing, p.opts.Themes, put); err != nil {
		return err
	}
	if kept != nil {
		if err := p.cache.store(key, *listing, kept.files, p.dir); err != nil {
			return fmt.Errorf("cache : %w", err)
		}
	}
	return nil
}

// stamp gives a document of an organization the epoch as date when the
// content gives none, and the open points that the documents cannot show at
// their place (notes), which the draft banner lists besides its gaps.
func stamp(d *doc.Document, notes []string, epoch time.Time) {
	if d.Date.IsZero() {
		d.Date = epoch
	}
	d.AddNotes(notes...)
}

// draft returns the open points that an organization's findings raise
// about its documents, in their words (diag.Finding.Document), each once;
// findings are the organization's, sorted.
func draft(o *load.Org, findings diag.List) []string {
	var out []string
	for _, f := range o.Files {
		for _, finding := range findings {
			if finding.File == f.Path && finding.Document != "" && !slices.Contains(out, finding.Document) {
				out = append(out, finding.Document)
			}
		}
	}
	return out
}

// renderDocument renders a document in each of the formats that its kind
// is published in.
func renderDocument(d *doc.Document, formats []Format, th *html.Themes, put Put) error {
	for _, f := range doc.Formats(d.Kind, formats) {
		b, err := RenderFormat(d, f, th)
		if err != nil {
			return err
		}
		if err := put(path.Join(d.Org.ID, d.Base()+"."+string(f)), b); err != nil {
			return err
		}
	}
	return nil
}

// RenderFormat renders a document in one format; th are the HTML themes,
// nil for the embedded ones.
func RenderFormat(d *doc.Document, f Format, th *html.Themes) ([]byte, error) {
	switch f {
	case html.HTML:
		return html.Render(d, th)
	case html.Markdown:
		return md.Render(d)
	case PDF:
		return pdf.Render(d)
	case html.ODS:
		return ods.Render(d)
	case html.CSV:
		return csv.Render(d)
	case html.JSONLD:
		return jsonld.Render(d)
	case doc.Fragment:
		return html.Fragment(d)
	}
	return nil, fmt.Errorf("format inconnu « %s »", f)
}

// renderOrgPages renders the organization's index page, its colour
// stylesheet and copies its logo.
func renderOrgPages(o *load.Org, l html.Listing, th *html.Themes, put Put) error {
	b, err := html.OrgIndex(l, th)
	if err != nil {
		return err
	}
	if err := put(path.Join(o.ID, "index.html"), b); err != nil {
		return err
	}
	assets, err := html.OrgAssets(l.Org)
	if err != nil {
		return err
	}
	if l.Org.Logo != "" {
		assets[path.Join(o.ID, l.Org.Logo)] = o.Assets[l.Org.Logo]
	}
	for p, b := range assets {
		if err := put(p, b); err != nil {
			return err
		}
	}
	return nil
}

// RenderSite is the part of Render that renders the list of organizations
// and the themes' assets; th are the themes, nil for the embedded ones.
func RenderSite(listings []html.Listing, th *html.Themes, put Put) error {
	b, err := html.SiteIndex(listings, th)
	if err != nil {
		return err
	}
	if err := put("index.html", b); err != nil {
		return err
	}
	return putAssets(th, put)
}

// putAssets puts the files that the pages link to.
func putAssets(th *html.Themes, put Put) error {
	for p, b := range html.Assets(th) {
		if err := put(p, b); err != nil {
			return err
		}
	}
	return nil
}

// selectOrgs returns the organizations named by ids, all when ids is empty.
func selectOrgs(site *load.Site, ids []string) ([]*load.Org, error) {
	if len(ids) == 0 {
		return site.Orgs, nil
	}
	var out []*load.Org
	for _, id := range ids {
		i := slices.IndexFunc(site.Orgs, func(o *load.Org) bool { return o.ID == id })
		if i < 0 {
			var known []string
			for _, o := range site.Orgs {
				known = append(known, o.ID)
			}
			hint := ""
			if c := schema.Closest(id, known); c != "" {
				hint = fmt.Sprintf(" ; vouliez-vous dire « %s » ?", c)
			}
			return nil, fmt.Errorf("organisation « %s » inconnue%s (organisations : %s)", id, hint, strings.Join(known, ", "))
		}
		out = append(out, site.Orgs[i])
	}
	return out, nil
}
