// Package build is the pipeline of rgpdoc: load the content, check it, render
// the documents, write the site.
package build

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/rgpdoc/rgpdoc/build/check"
	"github.com/rgpdoc/rgpdoc/build/diag"
	"github.com/rgpdoc/rgpdoc/build/load"
)

// Check returns every finding of the site: the layout and defaults, each
// organization's files, and the rules for the organizations that loaded
// without error (rules on a half-read organization would only add noise).
// When ids are given, only those organizations are checked.
func Check(site *load.Site, ids ...string) diag.List {
	var orgs []*load.Org
	for _, o := range site.Orgs {
		if len(ids) == 0 || slices.Contains(ids, o.ID) {
			orgs = append(orgs, o)
		}
	}
	each := make([]diag.List, len(orgs))
	parallel(len(orgs), func(i int) { each[i] = OrgFindings(site, orgs[i]) })
	out := append(diag.List{}, site.Findings...)
	for _, l := range each {
		out = append(out, l...)
	}
	out.Sort()
	// Rules report a problem of the defaults once per organization.
	return slices.Compact(out)
}

// OrgFindings returns the findings of one organization.
func OrgFindings(site *load.Site, o *load.Org) diag.List {
	out := append(diag.List{}, o.Findings...)
	if e, _ := out.Count(); e == 0 {
		if e, _ := site.Findings.Count(); e == 0 {
			out = append(out, check.Org(site, o)...)
		}
	}
	return out
}

// parallel calls f(0) to f(n-1) from GOMAXPROCS goroutines, and returns when
// all calls have.
func parallel(n int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				f(i)
			}
		})
	}
	wg.Wait()
}
