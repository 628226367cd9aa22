// Package load reads the content folder: one sub-folder per organization, plus
// a _defaults folder that every organization inherits. Each YAML or JSON file
// is parsed with positions, validated against the JSON Schema and decoded into
// the model; the files of an organization are then merged over the defaults.
package load

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rgpdoc/rgpdoc/build/asset"
	"github.com/rgpdoc/rgpdoc/build/diag"
	"github.com/rgpdoc/rgpdoc/schema"
)

// DefaultsDir is the folder of the content directory whose files every
// organization inherits (the CNIL's address, the standard wording of rights,
// a group's common recipients).
const DefaultsDir = "_defaults"

// orgID is the shape of an organization folder name, which is also its URL segment.
var orgID = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

// ValidID reports whether id may name an organization folder (and URL segment).
func ValidID(id string) bool { return orgID.MatchString(id) }

// File is one content file.
type File struct {
	// Path is the file's path as reported in findings: the content directory
	// as given by the user, joined with the path inside it.
	Path string
	// Src is the file's text, for excerpts around a finding.
	Src []byte
	// Findings holds the syntax and schema problems of the file.
	Findings diag.List
	// Content is the decoded file; nil when Findings has errors.
	Content *schema.Contenu
	// Value is the file as a JSON-like value, for checks that look at every string.
	Value any

	// spans holds the position of every value, found again from Src the
	// first time a finding asks for one: few files have findings, and the
	// positions of a file cost as much memory as its values.
	spans   *lazySpans
	size    int64
	modTime time.Time
}

type lazySpans struct {
	once sync.Once
	m    map[string]span
}

// Org is one organization: its files merged over the defaults.
type Org struct {
	// ID is the folder name, used in URLs.
	ID string
	// Dir is the organization's folder.
	Dir string
	// Files are the organization's own content files, sorted by path.
	Files []*File
	// Assets are the other files of the folder (logo), by name relative to Dir.
	Assets map[string][]byte
	// Content is the merged model; meaningful only when Findings has no
	// errors. A pointer: an organization listed but not read costs little.
	Content *schema.Contenu
	// Findings holds the problems of the organization's files and of merging them.
	Findings diag.List
	// Hash identifies the organization's inputs (its files and the defaults),
	// so that unchanged organizations need not be checked or rendered again.
	Hash string

	site *Site
	read bool // the fields above are filled (Read), and not released
	// released is the number of files of a released organization.
	released int
}

// Site is the whole content directory.
type Site struct {
	// Dir is the content directory.
	Dir string
	// Defaults are the files of the _defaults folder.
	Defaults []*File
	// Orgs are the organizations, sorted by ID: listed only by Open, read by
	// Load.
	Orgs []*Org
	// Findings holds problems of the defaults and of the folder layout.
	Findings diag.List

	// inherited is the content of the defaults, and base the hash of their
	// files, from which each organization starts.
	inherited schema.Contenu
	base      []byte
	// root is the real path of Dir: symlinks are followed only into it.
	root string
}

// Loader loads content directories, reusing the files that did not change
// since its previous Load (by size and modification time): the preview server
// reloads after every save at the cost of the changed files only.
type Loader struct {
	mu    sync.Mutex
	cache map[string]*File
}

// Open reads the defaults and the folder layout of the content directory
// dir, and lists its organizations without reading their files: a build
// reads, checks, renders and releases them one at a time (Org.Read,
// Org.Release), so that its memory does not grow with their number. The
// error is for an unusable directory; problems in the content are findings of
// the Site and its Orgs.
func Open(dir string) (*Site, error) { return new(Loader).open(dir, nil) }

// Load reads the content directory dir, every organization included: Open,
// then Org.Read for each organization, in parallel.
func Load(dir string) (*Site, error) { return new(Loader).Load(dir) }

// Load reads the content directory dir; see the package function Load.
func (l *Loader) Load(dir string) (*Site, error) { return l.load(dir, nil) }

// Reload returns the site after a change to the files or folders at paths
// (written, created, removed or renamed); prev is the site this Loader
// returned last. Only the organizations whose folder holds one of the paths
// are read again, so that a save costs the same with 1 or 1,000
// organizations; a path anywhere else (the defaults, the top of the content
// directory) reads the whole directory again. The files at paths are read
// again even when their size and modification time look unchanged, since a
// quick edit can keep both on a file system with coarse timestamps.
func (l *Loader) Reload(prev *Site, paths []string) (*Site, error) {
	fresh := map[string]bool{}
	ids := map[string]bool{}
	for _, p := range paths {
		fresh[p] = true
		rel, err := filepath.Rel(prev.Dir, p)
		id, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
		if err != nil || !ValidID(id) {
			return l.load(prev.Dir, fresh)
		}
		ids[id] = true
	}
	site := &Site{Dir: prev.Dir, Defaults: prev.Defaults, Findings: prev.Findings, inherited: prev.inherited, base: prev.base, root: prev.root}
	for _, o := range prev.Orgs {
		if !ids[o.ID] {
			kept := *o
			kept.site = site
			site.Orgs = append(site.Orgs, &kept)
		}
	}
	var reread []*Org
	for _, id := range sortedKeys(ids) {
		dir := filepath.Join(prev.Dir, id)
		// Lstat, as Open: a link is not an organization folder.
		info, err := os.Lstat(dir)
		switch {
		case errors.Is(err, fs.ErrNotExist) || err == nil && !info.IsDir():
			continue // removed, or not an organization
		case err != nil:
			return nil, err
		}
		reread = append(reread, &Org{ID: id, Dir: dir, site: site})
	}
	if err := l.readOrgs(reread, fresh); err != nil {
		return nil, err
	}
	site.Orgs = append(site.Orgs, reread...)
	slices.SortFunc(site.Orgs, func(a, b *Org) int { return strings.Compare(a.ID, b.ID) })
	l.keep(site)
	return site, nil
}

// load reads the content directory dir; the files at the paths of fresh are
// read again even when they look unchanged.
func (l *Loader) load(dir string, fresh map[string]bool) (*Site, error) {
	site, err := l.open(dir, fresh)
	if err != nil {
		return nil, err
	}
	if err := l.readOrgs(site.Orgs, fresh); err != nil {
		return nil, err
	}
	l.keep(site)
	return site, nil
}

// open reads the defaults and lists the organizations of dir; see Open.
func (l *Loader) open(dir string, fresh map[string]bool) (*Site, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, folderError(dir, err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("%s n'est pas un dossier", dir)
	}
	root, err := realDir(dir)
	if err != nil {
		return nil, folderError(dir, err)
	}
	site := &Site{Dir: dir, root: root}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		name := e.Name()
		path := filepath.Join(dir, name)
		switch {
		case strings.HasPrefix(name, "."):
		case !e.IsDir():
			if isContent(name) {
				site.Findings = append(site.Findings, diag.Finding{Pos: diag.Pos{File: path}, Severity: diag.Error, Rule: "dossier",
					Message: "fichier de contenu hors d'un dossier d'organisation : placez-le dans " + filepath.Join(dir, "<organisation>") + "/ ou dans " + DefaultsDir + "/"})
			}
		case name == DefaultsDir:
			paths, _, err := scan(path, "", nil)
			if err != nil {
				return nil, err
			}
			if site.Defaults, err = l.readFiles(root, paths, fresh); err != nil {
				return nil, err
			}
		case !ValidID(name):
			site.Findings = append(site.Findings, diag.Finding{Pos: diag.Pos{File: path}, Severity: diag.Error, Rule: "dossier",
				Message: fmt.Sprintf("nom de dossier « %s » invalide : minuscules, chiffres, « - » et « _ » seulement, car il devient l'adresse des documents", name)})
		default:
			site.Orgs = append(site.Orgs, &Org{ID: name, Dir: path, site: site})
		}
	}
	if len(site.Orgs) == 0 {
		// Most likely the wrong folder: an empty site would replace the real one.
		site.Findings = append(site.Findings, diag.Finding{Pos: diag.Pos{File: dir}, Severity: diag.Error, Rule: "dossier",
			Message: "aucune organisation dans ce dossier de contenu : indiquez le bon dossier (--content), ou créez-en une avec rgpdoc new ID"})
	}
	for _, f := range site.Defaults {
		site.Findings = append(site.Findings, f.Findings...)
	}
	inherited, conflicts := combine(site.Defaults)
	site.Findings = append(site.Findings, conflicts...)
	base := sha256.New()
	for _, f := range site.Defaults {
		fmt.Fprintf(base, "%s\x00%d\x00%s", f.Path, len(f.Src), f.Src)
	}
	site.inherited, site.base = inherited, base.Sum(nil)
	return site, nil
}

// keep makes the site's files those that the next load reuses.
func (l *Loader) keep(site *Site) {
	files := map[string]*File{}
	for _, f := range site.Defaults {
		files[f.Path] = f
	}
	for _, o := range site.Orgs {
		for _, f := range o.Files {
			files[f.Path] = f
		}
	}
	l.mu.Lock()
	l.cache = files
	l.mu.Unlock()
}

// readOrgs reads organizations in parallel; see readFiles for fresh.
func (l *Loader) readOrgs(orgs []*Org, fresh map[string]bool) error {
	var (
		errOnce  sync.Once
		firstErr error
	)
	parallel(len(orgs), func(i int) {
		if err := l.read(orgs[i], fresh); err != nil {
			errOnce.Do(func() { firstErr = err })
		}
	})
	return firstErr
}

// Read reads the organization's files, validates, decodes and merges them
// over the defaults. The organizations of a site from Load are read already.
func (o *Org) Read() error { return new(Loader).read(o, nil) }

// read reads the organization; see readFiles for fresh.
func (l *Loader) read(o *Org, fresh map[string]bool) error {
	assets := map[string][]byte{}
	paths, refused, err := scan(o.Dir, o.site.root, assets)
	if err != nil {
		return err
	}
	files, err := l.readFiles(o.site.root, paths, fresh)
	if err != nil {
		return err
	}
	o.Files, o.Assets, o.Findings, o.read, o.released = files, assets, refused, true, 0
	o.site.finish(o)
	return nil
}

// IsRead reports whether the organization's files are read: by Load, or by
// Read and not released since.
func (o *Org) IsRead() bool { return o.read }

// Release forgets what Read read, except what the end of a run needs: the
// organization's findings and hash, and its number of files. A build
// releases each organization once it is checked and rendered; its files,
// model and assets are not to be used after.
func (o *Org) Release() {
	o.released = len(o.Files)
	o.Files, o.Content, o.Assets, o.read = nil, nil, nil, false
}

// finish hashes and merges an organization whose files are read.
func (s *Site) finish(org *Org) {
	h := sha256.New()
	h.Write(s.base)
	for _, f := range org.Files {
		org.Findings = append(org.Findings, f.Findings...)
		fmt.Fprintf(h, "%s\x00%d\x00%s", f.Path, len(f.Src), f.Src)
	}
	for _, name := range sortedKeys(org.Assets) {
		fmt.Fprintf(h, "%s\x00%d\x00%s", name, len(org.Assets[name]), org.Assets[name])
	}
	org.Hash = hex.EncodeToString(h.Sum(nil))
	if len(org.Files) == 0 {
		org.Findings = append(org.Findings, diag.Finding{Pos: diag.Pos{File: org.Dir}, Severity: diag.Warning, Rule: "dossier",
			Message: "dossier d'organisation sans fichier de contenu (.yaml, .yml ou .json)"})
	}
	own, conflicts := combine(org.Files)
	org.Findings = append(org.Findings, conflicts...)
	content := inherit(s.inherited, own)
	org.Content = &content
}

// scan lists the content files under dir (recursively, sorted); the
// images go into assets when assets is not nil, read as readRegular reads
// them in the content folder whose real path is root, and the images it
// refuses are findings.
func scan(dir, root string, assets map[string][]byte) ([]string, diag.List, error) {
	var paths []string
	var refused diag.List
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if path != dir && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		switch {
		case d.IsDir():
		case isContent(name):
			paths = append(paths, path)
		case assets != nil && asset.IsImage(name):
			b, _, why, err := readRegular(root, path, MaxAssetSize)
			if err != nil {
				return err
			}
			if why != nil {
				refused = append(refused, *why)
				return nil
			}
			rel, _ := filepath.Rel(dir, path)
			assets[filepath.ToSlash(rel)] = b
		}
		return nil
	})
	return paths, refused, err
}

func isContent(name string) bool {
	switch filepath.Ext(name) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}

// readFiles reads the files at paths, reusing unchanged files from the
// cache, except those at the paths of fresh.
func (l *Loader) readFiles(root string, paths []string, fresh map[string]bool) ([]*File, error) {
	l.mu.Lock()
	cache := l.cache
	l.mu.Unlock()
	files := make([]*File, len(paths))
	for i, p := range paths {
		prev := cache[p]
		if fresh[p] {
			prev = nil
		}
		files[i] = &File{Path: p}
		if err := files[i].read(root, prev); err != nil {
			return nil, err
		}
	}
	return files, nil
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

// read fills f from disk, or from prev when the file has not changed; see
// readRegular for root.
func (f *File) read(root string, prev *File) error {
	// Lstat: a regular file may be taken from the cache, anything else
	// (a symlink, a FIFO) goes through readRegular's checks again.
	info, err := os.Lstat(f.Path)
	if err != nil {
		return err
	}
	if prev != nil && info.Mode().IsRegular() && prev.size == info.Size() && prev.modTime.Equal(info.ModTime()) {
		*f = *prev
		return nil
	}
	src, info, refused, err := readRegular(root, f.Path, MaxFileSize)
	switch {
	case err != nil:
		return err
	case refused != nil:
		f.Findings = diag.List{*refused}
		return nil
	}
	f.Src, f.size, f.modTime = src, info.Size(), info.ModTime()
	p, finding := parse(f.Path, f.Src, false)
	if finding != nil {
		f.Findings = diag.List{*finding}
		return nil
	}
	f.Value, f.spans = p.value, &lazySpans{}
	for _, v := range schema.Validate(p.value) {
		pos := f.at(v.Pointer, v.Key)
		f.Findings = append(f.Findings, diag.Finding{Pos: pos, Severity: diag.Error, Rule: v.Rule, Message: v.Message})
	}
	if len(f.Findings) > 0 {
		f.Findings.Sort()
		return nil
	}
	c, err := decode(f.Path, p.value)
	if err != nil {
		// Validation accepted the value, so the types agree; this is a bug.
		return fmt.Errorf("%s : décodage impossible après validation : %w", f.Path, err)
	}
	f.Content = c
	return nil
}

// Pos returns the position of the value at a JSON pointer of the file, or of
// its nearest ancestor present in the file.
func (f *File) Pos(ptr string) diag.Pos { return f.at(ptr, false) }

// at returns the position of the value (or key) at a JSON pointer, or of its
// nearest ancestor present in the file.
func (f *File) at(ptr string, key bool) diag.Pos {
	spans := f.positions()
	for {
		if s, ok := spans[ptr]; ok {
			lc := s.value
			if key && s.key.line > 0 {
				lc = s.key
			}
			return diag.Pos{File: f.Path, Line: lc.line, Col: lc.col}
		}
		i := strings.LastIndexByte(ptr, '/')
		if i < 0 {
			return diag.Pos{File: f.Path, Line: 1, Col: 1}
		}
		ptr, key = ptr[:i], false
	}
}

// positions returns the position of every value of the file by JSON pointer.
func (f *File) positions() map[string]span {
	if f.spans == nil {
		return nil
	}
	f.spans.once.Do(func() {
		if p, _ := parse(f.Path, f.Src, true); p != nil {
			f.spans.m = p.spans
		}
	})
	return f.spans.m
}

// File returns the file at path, of the defaults or of a read organization, or nil.
func (s *Site) File(path string) *File {
	if f := fileAt(s.Defaults, path); f != nil {
		return f
	}
	for _, o := range s.Orgs {
		if o.Own(schema.Origin{File: path}) {
			return fileAt(o.Files, path)
		}
	}
	return nil
}

func fileAt(files []*File, path string) *File {
	for _, f := range files {
		if f.Path == path {
			return f
		}
	}
	return nil
}

// FileCount is the number of content files read: those of the defaults and
// of the organizations read (released ones included).
func (s *Site) FileCount() int {
	n := len(s.Defaults)
	for _, o := range s.Orgs {
		n += len(o.Files) + o.released
	}
	return n
}

// Pos returns the position of an element of the organization's model
// (defaults included), or of one of its fields when path names it (for
// example "base_legale", or "personnes", "2"). When the field is absent from
// the file, the element's own position is given.
func (o *Org) Pos(origin schema.Origin, path ...string) diag.Pos {
	f := fileAt(o.Files, origin.File)
	if f == nil {
		f = fileAt(o.site.Defaults, origin.File)
	}
	if f == nil {
		return diag.Pos{File: origin.File}
	}
	ptr := origin.Pointer
	for _, p := range path {
		ptr += "/" + schema.PointerToken(p)
	}
	pos := f.at(ptr, false)
	pos.Pointer = ptr
	return pos
}

// Own reports whether an element comes from the organization's own files
// rather than from the defaults.
func (o *Org) Own(origin schema.Origin) bool {
	return strings.HasPrefix(origin.File, o.Dir+string(filepath.Separator))
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// folderError words in French why the content folder cannot be read.
func folderError(dir string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("dossier de contenu %s introuvable", dir)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("dossier de contenu %s illisible : accès refusé", dir)
	}
	return fmt.Errorf("dossier de contenu %s illisible : %w", dir, err)
}
