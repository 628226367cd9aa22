package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rgpdoc/rgpdoc/build/load"
	"github.com/rgpdoc/rgpdoc/build/render/html"
)

// cacheFormat changes when the layout of an entry does.
const cacheFormat = "rgpdoc-cache-3"

// Cache keeps the rendered files of each organization in a folder, so that a
// build renders again only the organizations that changed (CI rebuilds a
// whole site after every change). An entry is a folder named by a key that
// covers all its files depend on: the organization's inputs (load.Org.Hash:
// its content files, the defaults, its logo), the program (a hash of the
// rgpdoc executable, which embeds the code, themes and fonts), the formats,
// the date of SOURCE_DATE_EPOCH and the organization's findings (the draft
// banner). A stale entry is therefore never used; entries that a full build
// did not use are removed by Prune.
//
// The site and the cache share their files as hard links, which cost no copy
// (a new file costs far more than a link on common file systems). A file of
// the site changed in place changes the entry too: its manifest keeps each
// file's size and modification time, and an entry whose files differ is not
// used.
type Cache struct {
	dir     string
	program []byte

	mu   sync.Mutex
	used map[string]bool

	hits, misses atomic.Int64
}

// manifest is what an entry says of itself: the organization's line on the
// site index, and its files as stored.
type manifest struct {
	Listing html.Listing
	Files   []cachedFile
}

type cachedFile struct {
	Path    string // relative to the output folder
	Size    int64
	ModTime int64
}

const manifestName = "manifest" // beside the organization's folder in the entry

// OpenCache opens the cache folder dir, creating it if needed. It refuses a
// folder that rgpdoc does not own (see Folders), and removes the entries
// that killed builds left half made.
func OpenCache(dir string) (*Cache, error) {
	program, err := programHash()
	if err != nil {
		return nil, fmt.Errorf("cache : %w", err)
	}
	if err := owned(dir, "le cache", cacheMark, oldCache); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cache : %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, cacheMark), cacheMarkText, 0o644); err != nil {
		return nil, fmt.Errorf("cache : %w", err)
	}
	removeLeftovers(dir, tempEntry, "")
	return &Cache{dir: dir, program: program, used: map[string]bool{}}, nil
}

// tempEntry begins the name of an entry being made.
const tempEntry = ".nouveau-"

// isKey tells whether name is that of an entry: a key, in hexadecimal.
func isKey(name string) bool {
	_, err := hex.DecodeString(name)
	return err == nil && len(name) == 2*sha256.Size
}

// oldCache tells whether entries are those of a cache that an earlier
// rgpdoc made, before caches were marked: entries and entries being made.
func oldCache(entries []fs.DirEntry) bool {
	for _, e := range entries {
		if !e.IsDir() || !isKey(e.Name()) && !strings.HasPrefix(e.Name(), tempEntry) {
			return false
		}
	}
	return true
}

// programHash identifies the running program by the content of its
// executable: a version number would not change with an uncommitted edit.
var programHash = sync.OnceValues(func() ([]byte, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	f, err := os.Open(exe)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
})

// Hits and Misses count the organizations taken from the cache and those
// rendered, since the cache was opened.
func (c *Cache) Hits() int64   { return c.hits.Load() }
func (c *Cache) Misses() int64 { return c.misses.Load() }

// key returns the key of an organization's files rendered in formats, with
// listed the formats its index page lists, and draft its open findings.
func (c *Cache) key(o *load.Org, draft []string, formats, listed []Format, epoch time.Time) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%x\x00%s\x00%s\x00%v\x00%v\x00%d\x00", cacheFormat, c.program, o.ID, o.Hash, formats, listed, epoch.Unix())
	for _, d := range draft {
		fmt.Fprintf(h, "%s\x00", d)
	}
	key := hex.EncodeToString(h.Sum(nil))
	c.mu.Lock()
	c.used[key] = true
	c.mu.Unlock()
	return key
}

// lookup returns the manifest of the entry key, or nil when there is no
// such entry or its files changed.
func (c *Cache) lookup(key string) *manifest {
	entry := filepath.Join(c.dir, key)
	b, err := os.ReadFile(filepath.Join(entry, manifestName))
	if err != nil {
		return nil
	}
	var m manifest
	if gob.NewDecoder(bytes.NewReader(b)).Decode(&m) != nil {
		return nil
	}
	for _, f := range m.Files {
		info, err := os.Lstat(filepath.Join(entry, filepath.FromSlash(f.Path)))
		// Regular files only: a link put in the cache would publish its target.
		if err != nil || !info.Mode().IsRegular() || info.Size() != f.Size || info.ModTime().UnixNano() != f.ModTime {
			return nil
		}
	}
	return &m
}

// restore links the files of the entry key into the site.
func (c *Cache) restore(key string, m *manifest, d *Dir) error {
	for _, f := range m.Files {
		if err := d.Link(f.Path, filepath.Join(c.dir, key, filepath.FromSlash(f.Path))); err != nil {
			return err
		}
	}
	c.hits.Add(1)
	return nil
}

// store makes the entry key of files, written to the site d; a reader never
// sees an entry half made.
func (c *Cache) store(key string, l html.Listing, files []string, d *Dir) error {
	c.misses.Add(1)
	tmp, release, err := makeTemp(c.dir, tempEntry)
	if err != nil {
		return err
	}
	defer release()
	defer os.RemoveAll(tmp) // gone once renamed
	slices.Sort(files)
	m := manifest{Listing: l}
	for _, name := range files {
		p := filepath.Join(tmp, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := linkOrCopy(d.Path(name), p); err != nil {
			return err
		}
		info, err := os.Lstat(p)
		if err != nil {
			return err
		}
		m.Files = append(m.Files, cachedFile{name, info.Size(), info.ModTime().UnixNano()})
	}
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(m); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(tmp, manifestName), b.Bytes(), 0o644); err != nil {
		return err
	}
	entry := filepath.Join(c.dir, key)
	if err := os.RemoveAll(entry); err != nil { // an entry whose files changed
		return err
	}
	return os.Rename(tmp, entry)
}

// Prune removes the entries that were not used since the cache was opened:
// after a build of the whole site, those of organizations that changed or
// disappeared. It removes nothing but entries.
func (c *Cache) Prune() error {
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, e := range entries {
		if e.IsDir() && isKey(e.Name()) && !c.used[e.Name()] {
			if err := os.RemoveAll(filepath.Join(c.dir, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

// collector lists the files of one organization for its cache entry.
type collector struct {
	mu    sync.Mutex
	files []string
}

// wrap returns a Put that hands files to put and lists them.
func (k *collector) wrap(put Put) Put {
	return func(p string, b []byte) error {
		k.mu.Lock()
		k.files = append(k.files, p)
		k.mu.Unlock()
		return put(p, b)
	}
}
