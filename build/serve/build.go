package serve

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/rgpdoc/rgpdoc/build"
	"github.com/rgpdoc/rgpdoc/build/asset"
	"github.com/rgpdoc/rgpdoc/build/diag"
	"github.com/rgpdoc/rgpdoc/build/load"
	"github.com/rgpdoc/rgpdoc/build/render/html"
)

// state is what the server serves; it is never modified once published.
type state struct {
	// id identifies the state to the pages, which update when it changes.
	id string
	// assets identifies the stylesheets, scripts and images that the pages
	// load: a page whose assets are not the state's reloads fully, the
	// others only swap their changed parts in place.
	assets string
	// good is the last good build; nil before the first one.
	good *snapshot
	// problems say why the last build failed; nil when it succeeded.
	problems []problem
	// head and overlay are added to every HTML page: in its head, the
	// live-reload script; at the top of its body, the problems.
	head, overlay []byte
	// next is closed when a newer state replaces this one.
	next chan struct{}
}

// snapshot is a complete, good build of the site.
type snapshot struct {
	site *load.Site
	orgs map[string]*orgBuild
	// index is the site's own pages and assets: index.html, assets/….
	index *siteIndex
	// themes is the generation of the themes the pages were rendered with,
	// th the themes themselves, which the PDFs rendered later use too.
	themes int
	th     *html.Themes
	// assets is the generation of the files that the pages load: it
	// changes with the themes and with an organization's colour stylesheet
	// or logo.
	assets int
}

// orgBuild is the build of one organization, which the snapshots share for
// as long as its inputs do not change.
type orgBuild struct {
	id, hash string
	findings diag.List
	// files are the HTML documents and the pages of the organization.
	files   build.Files
	listing html.Listing
	// later are the files of the lazy formats, by format.
	later map[build.Format]*lazyFiles
}

// lazy are the formats rendered on the first request of one of their files,
// each apart: the saved page waits neither for the exports nor for the
// PDFs, slow to render, and asking for a Markdown file renders no PDF.
var lazy = []build.Format{html.Markdown, html.PDF, html.ODS, html.CSV, html.JSONLD}

// lazyFiles are an organization's files in one lazy format.
type lazyFiles struct {
	once  sync.Once
	files build.Files
	err   error
}

func newOrgBuild(id, hash string, findings diag.List) *orgBuild {
	ob := &orgBuild{id: id, hash: hash, findings: findings, files: build.Files{}, later: make(map[build.Format]*lazyFiles, len(lazy))}
	for _, f := range lazy {
		ob.later[f] = new(lazyFiles)
	}
	return ob
}

// siteIndex is the site index and the themes' assets, rendered on their
// first request after a rebuild that changed only what the index lists: the
// saved page need not wait for the list of every organization.
type siteIndex struct {
	// listings are what the site index shows, in its order.
	listings []html.Listing
	th       *html.Themes

	once  sync.Once
	files build.Files
	err   error
}

// get returns the files of the site index, rendering them on the first call.
func (si *siteIndex) get() (build.Files, error) {
	si.once.Do(func() {
		defer func() {
			if v := recover(); v != nil {
				si.err = internalError(v)
			}
		}()
		files := build.Files{}
		if si.err = build.RenderSite(si.listings, si.th, files.Collect()); si.err == nil {
			si.files = files
		}
	})
	return si.files, si.err
}

// file returns a file of the site by path, rendering the site index or a PDF
// on its first request.
func (sn *snapshot) file(name string, epoch time.Time) (b []byte, ok bool, err error) {
	// The organizations first: their pages do not wait for the site index.
	id, _, _ := strings.Cut(name, "/")
	if ob := sn.orgs[id]; ob != nil {
		if b, ok := ob.files[name]; ok {
			return b, true, nil
		}
		if f := build.Format(strings.TrimPrefix(path.Ext(name), ".")); ob.later[f] != nil {
			return ob.render(sn.site, sn.th, f, name, epoch)
		}
	}
	files, err := sn.index.get()
	b, ok = files[name]
	return b, ok, err
}

// render returns one of the organization's files in the lazy format f,
// rendering them all on the first call; site is any site in which the
// organization has this build's inputs, so that the file is that of the pages.
func (ob *orgBuild) render(site *load.Site, th *html.Themes, f build.Format, name string, epoch time.Time) ([]byte, bool, error) {
	lf := ob.later[f]
	lf.once.Do(func() {
		defer func() {
			if v := recover(); v != nil {
				lf.err = internalError(v)
			}
		}()
		lf.files = build.Files{}
		opts := build.Options{Orgs: []string{ob.id}, Formats: []build.Format{f}, Epoch: epoch, Themes: th}
		_, lf.err = build.RenderOrgs(site, ob.findings, opts, lf.files.Collect())
	})
	b, ok := lf.files[name]
	return b, ok, lf.err
}

// renderOrgs renders organizations; tests make it fail.
var renderOrgs = build.RenderOrgs

// internalError is the error of a panic in a build: a bug of rgpdoc.
func internalError(v any) error {
	return fmt.Errorf("erreur interne de rgpdoc (%v) ; la dernière version valide reste servie. Merci de signaler ce problème", v)
}

// readThemes reads the themes of the folder dir, read through os.Root, which
// refuses a symbolic link that leaves the folder: a theme file linked to a
// file elsewhere on the machine is never served.
func readThemes(dir string) (*html.Themes, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close() // the themes are read once parsed
	return html.ReadThemes(root.FS())
}

// checked is an organization's findings and the inputs they were found in.
type checked struct {
	hash string
	// themes is the generation of the themes, whose names a rule checks.
	themes   int
	findings diag.List
}

// rebuild brings the served state up to date after the changes of b, and
// publishes a new state when what is served changed.
func (s *Server) rebuild(b batch) {
	start := time.Now()
	cur := s.state.Load()
	// A bug of rgpdoc must not stop the preview: the pages show it over
	// the last good build, and the next save builds again.
	defer func() {
		if v := recover(); v != nil {
			fmt.Fprintf(s.opts.Log, "rgpdoc serve : %v\n%s", v, debug.Stack())
			s.fail(cur, []problem{{Finding: diag.Finding{Severity: diag.Error, Message: internalError(v).Error()}}}, start)
		}
	}()
	var content []string
	themes := b.all && s.opts.Themes != ""
	for _, p := range b.paths {
		if s.opts.Themes != "" && inside(s.opts.Themes, p) {
			themes = true
		} else {
			content = append(content, p)
		}
	}
	if themes {
		th, err := readThemes(s.opts.Themes)
		if s.themeErr = err; err == nil {
			s.th = th
			s.themes++
		}
	}
	if b.all || s.site == nil || len(content) > 0 {
		var site *load.Site
		var err error
		if b.all || s.site == nil {
			site, err = s.loader.Load(s.opts.Content)
		} else {
			site, err = s.loader.Reload(s.site, content)
		}
		if err != nil {
			s.fail(cur, []problem{{Finding: diag.Finding{Severity: diag.Error, Message: err.Error()}}}, start)
			return
		}
		s.site = site
	}
	findings := s.check(s.site)
	var problems []problem
	if s.themeErr != nil {
		problems = append(problems, problem{Finding: diag.Finding{Severity: diag.Error,
			Message: fmt.Sprintf("thèmes de %s : %v", s.opts.Themes, s.themeErr)}})
	}
	for _, f := range findings {
		if f.Severity == diag.Error {
			problems = append(problems, newProblem(s.site, f))
		}
	}
	if len(problems) > 0 {
		s.fail(cur, problems, start)
		return
	}
	snap, rendered, err := s.render(s.site, findings, cur.good)
	if err != nil {
		s.fail(cur, []problem{{Finding: diag.Finding{Severity: diag.Error, Message: err.Error()}}}, start)
		return
	}
	if len(rendered) == 0 && cur.good != nil && cur.problems == nil {
		return // a save that changed nothing: pages need not reload
	}
	s.publish(s.newState(snap, nil))

	took := duration(time.Since(start))
	if cur.good == nil {
		fmt.Fprintf(s.opts.Log, "Site construit en %s : %s", took, plural(len(snap.site.Orgs), "organisation", "organisations"))
	} else {
		what := names(rendered)
		if what == "" {
			what = "index du site"
		}
		fmt.Fprintf(s.opts.Log, "Reconstruit en %s : %s", took, what)
	}
	// The warnings, when they are news.
	if _, w := findings.Count(); w != s.warnings || cur.good == nil && w > 0 {
		s.warnings = w
		fmt.Fprintf(s.opts.Log, " ; %s (bandeau « Projet — à compléter », détail : rgpdoc check)", plural(w, "avertissement", "avertissements"))
	}
	fmt.Fprintln(s.opts.Log, ".")
}

// check returns the site's findings, checking again only the organizations
// whose inputs changed.
func (s *Server) check(site *load.Site) diag.List {
	if e, _ := site.Findings.Count(); e > 0 {
		// The rules do not run, so there is nothing to keep. Load read
		// every organization: Check has none to read, hence no error.
		findings, _ := build.Check(site)
		return findings
	}
	all := slices.Clone(site.Findings)
	next := make(map[string]checked, len(site.Orgs))
	for _, o := range site.Orgs {
		c, ok := s.checked[o.ID]
		if !ok || c.hash != o.Hash || c.themes != s.themes {
			c = checked{o.Hash, s.themes, build.OrgFindings(site, o, s.th)}
		}
		next[o.ID] = c
		all = append(all, c.findings...)
	}
	s.checked = next
	all.Sort()
	return slices.Compact(all) // rules report a problem of the defaults once per organization
}

// render returns the snapshot of a good site: the organizations whose
// inputs or themes changed since prev are rendered, the others taken from
// prev. rendered lists what was rendered: organization ids, and "" for the
// site index.
func (s *Server) render(site *load.Site, findings diag.List, prev *snapshot) (snap *snapshot, rendered []string, err error) {
	snap = &snapshot{site: site, orgs: make(map[string]*orgBuild, len(site.Orgs)), themes: s.themes, th: s.th}
	same := prev != nil && prev.themes == s.themes
	assetsSame := same
	var ids []string
	for _, o := range site.Orgs {
		if ob := prev.org(o.ID); same && ob != nil && ob.hash == o.Hash {
			snap.orgs[o.ID] = ob
		} else {
			ids = append(ids, o.ID)
			snap.orgs[o.ID] = newOrgBuild(o.ID, o.Hash, s.checked[o.ID].findings)
		}
	}
	if len(ids) > 0 {
		puts := make(map[string]build.Put, len(ids))
		for _, id := range ids {
			puts[id] = snap.orgs[id].files.Collect()
		}
		opts := build.Options{Orgs: ids, Formats: []build.Format{html.HTML}, Lazy: lazy, Epoch: s.opts.Epoch, Themes: s.th}
		listings, err := renderOrgs(site, findings, opts, func(p string, b []byte) error {
			id, _, _ := strings.Cut(p, "/") // every file of an organization is in its folder
			return puts[id](p, b)
		})
		if err != nil {
			return nil, nil, err
		}
		for i, id := range ids {
			snap.orgs[id].listing = listings[i]
			if ob := prev.org(id); ob != nil && !sameAssets(ob.files, snap.orgs[id].files) {
				assetsSame = false
			}
		}
	}
	if assetsSame {
		snap.assets = prev.assets
	} else {
		s.assets++
		snap.assets = s.assets
	}
	snap.index = &siteIndex{th: s.th}
	for _, o := range site.Orgs {
		snap.index.listings = append(snap.index.listings, snap.orgs[o.ID].listing)
	}
	if same && reflect.DeepEqual(snap.index.listings, prev.index.listings) {
		snap.index = prev.index
		return snap, ids, nil
	}
	// With the same themes, the index renders as before, only listing other
	// texts: it can wait for its request. After a change of themes, it is
	// rendered now, so that an error of theirs shows in the overlay.
	if !same {
		if _, err := snap.index.get(); err != nil {
			return nil, nil, err
		}
	}
	return snap, append(ids, ""), nil
}

// sameAssets tells whether two builds of an organization have the same
// files that its pages load.
func sameAssets(a, b build.Files) bool {
	n := 0
	for p, x := range a {
		if !loaded(p) {
			continue
		}
		if y, ok := b[p]; !ok || !bytes.Equal(x, y) {
			return false
		}
		n++
	}
	for p := range b {
		if loaded(p) {
			n--
		}
	}
	return n == 0
}

// loaded tells whether pages load a file of the site: a stylesheet, a
// script, an image (the logo); documents and exports are only linked to.
func loaded(name string) bool {
	ext := path.Ext(name)
	return ext == ".css" || ext == ".js" || asset.IsImage(name)
}

func (sn *snapshot) org(id string) *orgBuild {
	if sn == nil {
		return nil
	}
	return sn.orgs[id]
}

// fail publishes the problems of a failed build over the last good one,
// unless the pages already show them.
func (s *Server) fail(cur *state, problems []problem, start time.Time) {
	st := s.newState(cur.good, problems)
	if cur.problems != nil && bytes.Equal(st.overlay, cur.overlay) {
		return
	}
	s.publish(st)
	fmt.Fprintf(s.opts.Log, "Échec de la construction (%s) : %s ; ", duration(time.Since(start)), plural(len(problems), "erreur", "erreurs"))
	if cur.good != nil {
		fmt.Fprintln(s.opts.Log, "la dernière version valide reste servie, sous la liste des erreurs.")
	} else {
		fmt.Fprintln(s.opts.Log, "les pages montrent la liste des erreurs.")
	}
	for _, p := range problems {
		if p.File != "" {
			fmt.Fprintf(s.opts.Log, "  %s\n", p.Finding)
		} else {
			fmt.Fprintf(s.opts.Log, "  %s\n", p.Message)
		}
	}
}

// newState returns a state to publish, with a new id.
func (s *Server) newState(good *snapshot, problems []problem) *state {
	st := &state{id: s.newID(), good: good, problems: problems}
	if good != nil {
		st.assets = fmt.Sprintf("%s-%d", s.run, good.assets)
	}
	st.head = fmt.Appendf(nil, `<script src="/_rgpdoc/live.js" data-build="%s" data-assets="%s" defer></script>`, st.id, st.assets)
	if problems != nil {
		st.head = append(st.head, `<link rel="stylesheet" href="/_rgpdoc/overlay.css">`...)
		st.overlay = overlay(problems, good != nil)
	}
	return st
}

// publish makes st the state served, and tells the event streams.
func (s *Server) publish(st *state) {
	st.next = make(chan struct{})
	close(s.state.Swap(st).next)
}

// inside tells whether path p is dir or below it.
func inside(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// names lists organization ids for a message, the site index ("") apart.
func names(ids []string) string {
	ids = slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return id == "" })
	if len(ids) > 5 {
		return fmt.Sprintf("%s et %d autres organisations", strings.Join(ids[:3], ", "), len(ids)-3)
	}
	return strings.Join(ids, ", ")
}

// duration writes d for a French message: "18 ms", "2,3 s".
func duration(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return strings.Replace(fmt.Sprintf("%.1f s", d.Seconds()), ".", ",", 1)
}

// plural writes a count with its noun; French puts 0 and 1 in the singular.
func plural(n int, one, many string) string {
	if n > 1 {
		return fmt.Sprintf("%d %s", n, many)
	}
	return fmt.Sprintf("%d %s", n, one)
}
