package build

import (
	"errors"
	"fmt"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
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
	orgs, err := selectOrgs(site, opts.Orgs)
	if err != nil {
		return err
	}
	formats := opts.Formats
	if len(formats) == 0 {
		formats = Formats
	}
	byFile := map[string]diag.List{}
	for _, f := range findings {
		byFile[f.File] = append(byFile[f.File], f)
	}

	// A job renders one document, or (doc nil) the organization's index and assets.
	type job struct {
		org     *load.Org
		doc     *doc.Document
		listing int
	}
	var jobs []job
	listings := make([]html.Listing, len(orgs))
	for i, o := range orgs {
		var docs []*doc.Document
		for _, k := range doc.Published(&o.Content) {
			d := Document(o, k, byFile, opts.Epoch)
			docs = append(docs, d)
			jobs = append(jobs, job{o, d, i})
		}
		info := doc.OrgInfo(o.ID, &o.Content)
		listings[i] = html.NewListing(info, docs, formats...)
		jobs = append(jobs, job{org: o, listing: i})
	}

	var (
		mu   sync.Mutex
		errs []error
		next = make(chan job)
		wg   sync.WaitGroup
	)
	fail := func(err error) {
		mu.Lock()
		errs = append(errs, err)
		mu.Unlock()
	}
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for j := range next {
				var err error
				if j.doc == nil {
					err = renderOrgPages(j.org, listings[j.listing], put)
				} else {
					err = renderDocument(j.doc, formats, put)
				}
				if err != nil {
					fail(fmt.Errorf("%s : %w", j.org.ID, err))
				}
			}
		})
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	return renderSitePages(listings, put)
}

// Document builds one document of an organization, with the draft banner
// when the organization's files have open findings.
func Document(o *load.Org, kind doc.Kind, byFile map[string]diag.List, epoch time.Time) *doc.Document {
	d := doc.Build(kind, o.ID, &o.Content)
	if d.Date.IsZero() {
		d.Date = epoch
	}
	for _, f := range o.Files {
		for _, finding := range byFile[f.Path] {
			d.Draft = append(d.Draft, fmt.Sprintf("%s (%s)", finding.Message, finding.Pos))
		}
	}
	return d
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

// renderSitePages renders the list of organizations and the theme's assets.
func renderSitePages(listings []html.Listing, put Put) error {
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
