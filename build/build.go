// Package build is the pipeline of rgpdoc: load the content, check it, render
// the documents, write the site.
package build

import (
	"runtime"
	"slices"
	"sync"

	"github.com/rgpdoc/rgpdoc/build/check"
	"github.com/rgpdoc/rgpdoc/build/diag"
	"github.com/rgpdoc/rgpdoc/build/load"
	"github.com/rgpdoc/rgpdoc/build/render/html"
)

// Check returns every finding of the site, sorted: the layout and defaults,
// each organization's files, and the rules for the organizations that loaded
// without error (rules on a half-read organization would only add noise).
// When ids are given, only those organizations are checked. The
// organizations that the site only lists (load.Open) are read, checked and
// released one at a time, so that memory does not grow with their number;
// the error is for an organization that cannot be read.
func Check(site *load.Site, ids ...string) (diag.List, error) {
	orgs, err := selectOrgs(site, ids)
	if err != nil {
		return nil, err
	}
	p := newPipeline(site, Options{}, nil)
	if err := p.run(orgs, nil); err != nil {
		return nil, err
	}
	return p.result(), nil
}

// OrgFindings returns the findings of one organization, whose files are
// read, sorted; th are the HTML themes the organization may choose from,
// nil for the embedded ones.
func OrgFindings(site *load.Site, o *load.Org, th *html.Themes) diag.List {
	out := append(diag.List{}, o.Findings...)
	if e, _ := out.Count(); e == 0 {
		if e, _ := site.Findings.Count(); e == 0 {
			out = append(out, check.Org(site, o, th.Names())...)
		}
	}
	out.Sort()
	return slices.Compact(out)
}

// workers bounds the goroutines of a pipeline to GOMAXPROCS. An
// organization takes a slot to be read, checked and rendered, and its
// documents take the slots left free: a site of one organization keeps the
// cores busy as well as a site of many, and no more than GOMAXPROCS
// organizations are in memory at once.
type workers chan struct{}

func newWorkers() workers { return make(workers, runtime.GOMAXPROCS(0)) }

// all calls f(0) to f(n-1), each in a slot, waiting for a free one; it
// returns when all calls have.
func (w workers) all(n int, f func(i int)) {
	var wg sync.WaitGroup
	for i := range n {
		w <- struct{}{}
		wg.Go(func() {
			defer func() { <-w }()
			f(i)
		})
	}
	wg.Wait()
}

// each calls f(0) to f(n-1) from a goroutine that holds a slot: each call
// takes a free slot, or runs in the caller when there is none. It returns
// when all calls have.
func (w workers) each(n int, f func(i int)) {
	var wg sync.WaitGroup
	for i := range n {
		select {
		case w <- struct{}{}:
			wg.Go(func() {
				defer func() { <-w }()
				f(i)
			})
		default:
			f(i)
		}
	}
	wg.Wait()
}
