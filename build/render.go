package build

import (
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
	"github.com/rgpdoc/rgpdoc/build/render/html"
	"github.com/rgpdoc/rgpdoc/build/render/md"
	"github.com/rgpdoc/rgpdoc/build/render/pdf"
)

// Format is an output format; its value is the file extension.
type Format = html.Format

// Formats lists every format, in the order the site presents them.
var Formats = []Format{html.HTML, html.Markdown, html.PDF}

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
	return RenderSite(listings, put)
}

// RenderOrgs is the part of Render that renders the organizations' documents
// and pages; it returns what the site index shows of each, in order. The
// preview server renders again only the organizations that changed.
func RenderOrgs(site *load.Site, findings diag.List, opts Options, put Put) ([]html.Listing, error) {
	return renderOrgs(site, findings, opts, put, nil, nil)
}

// Write renders the site into the folder out, which it replaces (see
// Replace), and returns the number of files written. With a cache, the
// organizations that did not change since it kept their files are not
// rendered again.
func Write(site *load.Site, findings diag.List, opts Options, out string, cache *Cache) (int, error) {
	files := 0
	err := Replace(out, func(d *Dir) error {
		listings, err := renderOrgs(site, findings, opts, d.Put, cache, d)
		if err != nil {
			return err
		}
		if err := RenderSite(listings, d.Put); err != nil {
			return err
		}
		files = d.Files()
		return nil
	})
	return files, err
}

// renderOrgs is RenderOrgs, with a cache when the files go to the folder d.
func renderOrgs(site *load.Site, findings diag.List, opts Options, put Put, cache *Cache, d *Dir) ([]html.Listing, error) {
	orgs, err := selectOrgs(site, opts.Orgs)
	if err != nil {
		return nil, err
	}
	formats := opts.Formats
	if len(formats) == 0 {
		formats = Formats
	}
	listed := append(slices.Clone(formats), opts.Lazy...)
	byFile := map[string]diag.List{}
	for _, f := range findings {
		byFile[f.File] = append(byFile[f.File], f)
	}

	// A job renders one document of an organization; the worker that
	// finishes the organization's last document renders its index page and
	// assets. The workers build the documents, which are dropped once their
	// organization is done: memory stays flat however many organizations
	// the site has. An organization found in the cache is one job.
	type job struct {
		org    int      // index in orgs
		kind   doc.Kind // "" for an organization that publishes nothing
		nth    int      // index among the organization's documents
		cached bool
	}
	var jobs []job
	docs := make([][]*doc.Document, len(orgs))
	left := make([]atomic.Int32, len(orgs))
	listings := make([]html.Listing, len(orgs))
	keys := make([]string, len(orgs))
	entries := make([]*manifest, len(orgs))
	kept := make([]*collector, len(orgs))
	failed := make([]atomic.Bool, len(orgs)) // no cache entry for a half-rendered organization
	for i, o := range orgs {
		if cache != nil {
			keys[i] = cache.key(o, draft(o, byFile), formats, listed, opts.Epoch)
			if entries[i] = cache.lookup(keys[i]); entries[i] != nil {
				jobs = append(jobs, job{org: i, cached: true})
				continue
			}
			kept[i] = new(collector)
		}
		kinds := doc.Published(&o.Content)
		docs[i] = make([]*doc.Document, len(kinds))
		left[i].Store(int32(len(kinds)))
		for n, k := range kinds {
			jobs = append(jobs, job{org: i, kind: k, nth: n})
		}
		if len(kinds) == 0 {
			jobs = append(jobs, job{org: i})
		}
	}

	var (
		mu   sync.Mutex
		errs []error
	)
	fail := func(org int, err error) {
		failed[org].Store(true)
		mu.Lock()
		errs = append(errs, fmt.Errorf("%s : %w", orgs[org].ID, err))
		mu.Unlock()
	}
	parallel(len(jobs), func(n int) {
		j := jobs[n]
		o := orgs[j.org]
		if j.cached {
			if err := cache.restore(keys[j.org], entries[j.org], d); err != nil {
				fail(j.org, err)
			}
			listings[j.org] = entries[j.org].Listing
			entries[j.org] = nil
			return
		}
		put := put
		if kept[j.org] != nil {
			put = kept[j.org].wrap(put)
		}
		if j.kind != "" {
			d := Document(o, j.kind, byFile, opts.Epoch)
			if err := renderDocument(d, formats, put); err != nil {
				fail(j.org, err)
			}
			docs[j.org][j.nth] = d
			if left[j.org].Add(-1) > 0 {
				return
			}
		}
		listings[j.org] = html.NewListing(doc.OrgInfo(o.ID, &o.Content), docs[j.org], listed...)
		docs[j.org] = nil
		if err := renderOrgPages(o, listings[j.org], put); err != nil {
			fail(j.org, err)
		}
		if k := kept[j.org]; k != nil && !failed[j.org].Load() {
			kept[j.org] = nil
			if err := cache.store(keys[j.org], listings[j.org], k.files, d); err != nil {
				fail(j.org, fmt.Errorf("cache : %w", err))
			}
		}
	})
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return listings, nil
}

// Document builds one document of an organization, with the draft banner
// when the organization's files have open findings.
func Document(o *load.Org, kind doc.Kind, byFile map[string]diag.List, epoch time.Time) *doc.Document {
	d := doc.Build(kind, o.ID, &o.Content)
	if d.Date.IsZero() {
		d.Date = epoch
	}
	d.Draft = draft(o, byFile)
	return d
}

// draft returns the open findings of an organization's files, as the draft
// banner lists them.
func draft(o *load.Org, byFile map[string]diag.List) []string {
	var out []string
	for _, f := range o.Files {
		for _, finding := range byFile[f.Path] {
			out = append(out, fmt.Sprintf("%s (%s)", finding.Message, finding.Pos))
		}
	}
	return out
}

// renderDocument renders a document in each format.
func renderDocument(d *doc.Document, formats []Format, put Put) error {
	for _, f := range formats {
		b, err := RenderFormat(d, f)
		if err != nil {
			return err
		}
		if err := put(path.Join(d.Org.ID, string(d.Kind)+"."+string(f)), b); err != nil {
			return err
		}
	}
	return nil
}

// RenderFormat renders a document in one format.
func RenderFormat(d *doc.Document, f Format) ([]byte, error) {
	switch f {
	case html.HTML:
		return html.Render(d)
	case html.Markdown:
		return md.Render(d), nil
	case html.PDF:
		return pdf.Render(d)
	}
	return nil, fmt.Errorf("format inconnu « %s »", f)
}

// renderOrgPages renders the organization's index page, its colour
// stylesheet and copies its logo.
func renderOrgPages(o *load.Org, l html.Listing, put Put) error {
	b, err := html.OrgIndex(l)
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
// and the theme's assets.
func RenderSite(listings []html.Listing, put Put) error {
	b, err := html.SiteIndex(listings)
	if err != nil {
		return err
	}
	if err := put("index.html", b); err != nil {
		return err
	}
	for p, b := range html.Assets() {
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
			return nil, fmt.Errorf("organisation « %s » inconnue (organisations : %s)", id, strings.Join(known, ", "))
		}
		out = append(out, site.Orgs[i])
	}
	return out, nil
}
