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
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/rgpdoc/rgpdoc/build/diag"
	"github.com/rgpdoc/rgpdoc/schema"
)

// DefaultsDir is the folder of the content directory whose files every
// organization inherits (the CNIL's address, the standard wording of rights,
// a group's common recipients).
const DefaultsDir = "_defaults"

// orgID is the shape of an organization folder name, which is also its URL segment.
var orgID = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)

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
	// Content is the merged model; meaningful only when Findings has no errors.
	Content schema.Contenu
	// Findings holds the problems of the organization's files and of merging them.
	Findings diag.List
	// Hash identifies the organization's inputs (its files and the defaults),
	// so that unchanged organizations need not be checked or rendered again.
	Hash string

	site *Site
}

// Site is the whole content directory.
type Site struct {
	// Dir is the content directory.
	Dir string
	// Defaults are the files of the _defaults folder.
	Defaults []*File
	// Orgs are the organizations, sorted by ID.
	Orgs []*Org
	// Findings holds problems of the defaults and of the folder layout.
	Findings diag.List

	files map[string]*File
	// inherited is the content of the defaults, and base the hash of their
	// files, from which each organization starts.
	inherited schema.Contenu
	base      []byte
}

// Loader loads content directories, reusing the files that did not change
// since its previous Load (by size and modification time): the preview server
// reloads after every save at the cost of the changed files only.
type Loader struct {
	mu    sync.Mutex
	cache map[string]*File
}

// Load reads the content directory dir. The error is for an unusable
// directory; problems in the content are findings of the Site and its Orgs.
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
		if err != nil || !orgID.MatchString(id) {
			return l.load(prev.Dir, fresh)
		}
		ids[id] = true
	}
	site := &Site{Dir: prev.Dir, Defaults: prev.Defaults, Findings: prev.Findings, files: make(map[string]*File, len(prev.files)),
		inherited: prev.inherited, base: prev.base}
	for _, f := range prev.Defaults {
		site.files[f.Path] = f
	}
	for _, o := range prev.Orgs {
		if !ids[o.ID] {
			kept := *o
			kept.site = site
			site.Orgs = append(site.Orgs, &kept)
			for _, f := range o.Files {
				site.files[f.Path] = f
			}
		}
	}
	var reread []*Org
	var jobs []*File
	for _, id := range sortedKeys(ids) {
		dir := filepath.Join(prev.Dir, id)
		// Lstat, as Load: a link is not an organization folder.
		info, err := os.Lstat(dir)
		switch {
		case errors.Is(err, fs.ErrNotExist) || err == nil && !info.IsDir():
			continue // removed, or not an organization
		case err != nil:
			return nil, err
		}
		org, err := l.org(site, dir, id)
		if err != nil {
			return nil, err
		}
		reread = append(reread, org)
		jobs = append(jobs, org.Files...)
	}
	if err := l.read(jobs, fresh); err != nil {
		return nil, err
	}
	for _, f := range jobs {
		site.files[f.Path] = f
	}
	for _, org := range reread {
		site.finish(org)
	}
	site.Orgs = append(site.Orgs, reread...)
	slices.SortFunc(site.Orgs, func(a, b *Org) int { return strings.Compare(a.ID, b.ID) })
	l.keep(site)
	return site, nil
}

// load reads the content directory dir; the files at the paths of fresh are
// read again even when they look unchanged.
func (l *Loader) load(dir string, fresh map[string]bool) (*Site, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("dossier de contenu illisible : %w", err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("%s n'est pas un dossier", dir)
	}
	site := &Site{Dir: dir, files: map[string]*File{}}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var defaults []string
	var jobs []*File
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
			if defaults, err = l.scan(path, nil); err != nil {
				return nil, err
			}
		case !orgID.MatchString(name):
			site.Findings = append(site.Findings, diag.Finding{Pos: diag.Pos{File: path}, Severity: diag.Error, Rule: "dossier",
				Message: fmt.Sprintf("nom de dossier « %s » invalide : minuscules, chiffres, « - » et « _ » seulement, car il devient l'adresse des documents", name)})
		default:
			org, err := l.org(site, path, name)
			if err != nil {
				return nil, err
			}
			jobs = append(jobs, org.Files...)
			site.Orgs = append(site.Orgs, org)
		}
	}
	for _, p := range defaults {
		f := &File{Path: p}
		site.Defaults = append(site.Defaults, f)
		jobs = append(jobs, f)
	}
	if err := l.read(jobs, fresh); err != nil {
		return nil, err
	}
	for _, f := range jobs {
		site.files[f.Path] = f
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
	for _, org := range site.Orgs {
		site.finish(org)
	}
	l.keep(site)
	return site, nil
}

// keep makes the site's files those that the next load reuses.
func (l *Loader) keep(site *Site) {
	l.mu.Lock()
	l.cache = site.files
	l.mu.Unlock()
}

// org lists the files of the organization folder dir, to be read with the others.
func (l *Loader) org(site *Site, dir, id string) (*Org, error) {
	org := &Org{ID: id, Dir: dir, Assets: map[string][]byte{}, site: site}
	paths, err := l.scan(dir, org.Assets)
	if err != nil {
		return nil, err
	}
	for _, p := range paths {
		org.Files = append(org.Files, &File{Path: p})
	}
	return org, nil
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
	org.Content = inherit(s.inherited, own)
}

// scan lists the content files under dir (recursively, sorted); other files
// go into assets when assets is not nil.
func (l *Loader) scan(dir string, assets map[string][]byte) ([]string, error) {
	var paths []string
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
		case assets != nil && isAsset(name):
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(dir, path)
			assets[filepath.ToSlash(rel)] = b
		}
		return nil
	})
	return paths, err
}

func isContent(name string) bool {
	switch filepath.Ext(name) {
	case ".yaml", ".yml", ".json":
		return true
	}
	return false
}

func isAsset(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".svg", ".png", ".jpg", ".jpeg":
		return true
	}
	return false
}

// read parses the files in parallel, reusing unchanged files from the
// cache, except those at the paths of fresh.
func (l *Loader) read(files []*File, fresh map[string]bool) error {
	l.mu.Lock()
	cache := l.cache
	l.mu.Unlock()
	var (
		wg       sync.WaitGroup
		errOnce  sync.Once
		firstErr error
		next     = make(chan *File)
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for f := range next {
				prev := cache[f.Path]
				if fresh[f.Path] {
					prev = nil
				}
				if err := f.read(prev); err != nil {
					errOnce.Do(func() { firstErr = err })
				}
			}
		})
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
	return firstErr
}

// read fills f from disk, or from prev when the file has not changed.
func (f *File) read(prev *File) error {
	info, err := os.Stat(f.Path)
	if err != nil {
		return err
	}
	if prev != nil && prev.size == info.Size() && prev.modTime.Equal(info.ModTime()) {
		*f = *prev
		return nil
	}
	f.size, f.modTime = info.Size(), info.ModTime()
	if info.Size() > MaxFileSize {
		_, finding := parse(f.Path, make([]byte, info.Size()), false)
		f.Findings = diag.List{*finding}
		return nil
	}
	if f.Src, err = os.ReadFile(f.Path); err != nil {
		return err
	}
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
	c, err := schema.Decode(p.value)
	if err != nil {
		// Validation accepted the value, so the types agree; this is a bug.
		return fmt.Errorf("%s : décodage impossible après validation : %w", f.Path, err)
	}
	setOrigins(reflect.ValueOf(c), f.Path, "")
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

// File returns the loaded file at path, or nil.
func (s *Site) File(path string) *File { return s.files[path] }

// FileCount is the number of content files read.
func (s *Site) FileCount() int { return len(s.files) }

// Pos returns the position of an element of the model, or of one of its
// fields when path names it (for example "base_legale", or "personnes", "2").
// When the field is absent from the file, the element's own position is given.
func (s *Site) Pos(o schema.Origin, path ...string) diag.Pos {
	f := s.files[o.File]
	if f == nil {
		return diag.Pos{File: o.File}
	}
	ptr := o.Pointer
	for _, p := range path {
		ptr += "/" + escape(p)
	}
	return f.at(ptr, false)
}

// Pos returns the position of an element of the organization's model; see Site.Pos.
func (o *Org) Pos(origin schema.Origin, path ...string) diag.Pos { return o.site.Pos(origin, path...) }

// Own reports whether an element comes from the organization's own files
// rather than from the defaults.
func (o *Org) Own(origin schema.Origin) bool {
	return strings.HasPrefix(origin.File, o.Dir+string(filepath.Separator))
}

// setOrigins records in every element of the model the file and JSON pointer
// it was read from.
func setOrigins(v reflect.Value, file, ptr string) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			setOrigins(v.Elem(), file, ptr)
		}
	case reflect.Slice:
		for i := range v.Len() {
			setOrigins(v.Index(i), file, ptr+"/"+strconv.Itoa(i))
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			sf := t.Field(i)
			if sf.Type == reflect.TypeFor[schema.Origin]() {
				v.Field(i).Set(reflect.ValueOf(schema.Origin{File: file, Pointer: ptr}))
				continue
			}
			name := jsonName(sf)
			switch {
			case sf.Anonymous && name == "":
				setOrigins(v.Field(i), file, ptr)
			case name != "" && name != "-":
				setOrigins(v.Field(i), file, ptr+"/"+escape(name))
			}
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
