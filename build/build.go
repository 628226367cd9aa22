// Package build is the pipeline of rgpdoc: load the content, check it, render
// the documents, write the site.
package build

import (
	"slices"

	"github.com/rgpdoc/rgpdoc/build/check"
	"github.com/rgpdoc/rgpdoc/build/diag"
	"github.com/rgpdoc/rgpdoc/build/load"
)

// Check returns every finding of the site: the layout and defaults, each
// organization's files, and the rules for the organizations that loaded
// without error (rules on a half-read organization would only add noise).
// When ids are given, only those organizations are checked.
func Check(site *load.Site, ids ...string) diag.List {
	out := append(diag.List{}, site.Findings...)
	for _, o := range site.Orgs {
		if len(ids) == 0 || slices.Contains(ids, o.ID) {
			out = append(out, OrgFindings(site, o)...)
		}
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
