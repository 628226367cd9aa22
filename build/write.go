package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
)

// Replace fills a new site with fill, then swaps it in place of the folder
// out, which must be rgpdoc's (see Folders). The new site is written to a
// temporary folder beside out, so a failure at any point (fill's error
// included) leaves the previous site in place, and a reader never sees half
// a site. The temporary folders that killed builds left beside out are
// removed first.
func Replace(out string, fill func(*Dir) error) error {
	if err := owned(out, "le dossier de sortie", siteMark, nil); err != nil {
		return err
	}
	// Where the site is: a symbolic link to the output folder stays one.
	out, err := realPath(out)
	if err != nil {
		return err
	}
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	prefix := "." + filepath.Base(out) + ".nouveau-"
	removeLeftovers(parent, prefix, siteMark)
	tmp, release, err := makeTemp(parent, prefix)
	if err != nil {
		return err
	}
	defer release()
	defer removeAll(tmp) // the previous site after the swap; cleans up after a failure
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	spread(tmp)
	// The mark first: it tells a killed build's folder, and marks the site.
	if err := os.WriteFile(filepath.Join(tmp, siteMark), siteMarkText, 0o644); err != nil {
		return err
	}
	if err := fill(&Dir{root: tmp}); err != nil {
		return err
	}
	if err := exchange(tmp, out); err != nil {
		return fmt.Errorf("impossible d'installer le nouveau site dans %s : %w", out, err)
	}
	return removeAll(tmp)
}

// removeAll is os.RemoveAll, with the folders at the top of dir (a site's
// organizations) removed by several goroutines at once: deleting a file
// waits on the file system more than on the CPU, and a site of 17,000 files
// written out to disk took 2.7 s to remove one at a time, 1.6 s eight at a
// time (docs/performance.md).
func removeAll(dir string) error {
	entries, _ := os.ReadDir(dir)
	make(workers, 8).all(len(entries), func(i int) { os.RemoveAll(filepath.Join(dir, entries[i].Name())) })
	return os.RemoveAll(dir)
}

// swap puts the folder tmp in place of the folder out in two renames, where
// exchange cannot do it in one; tmp then holds the previous site, if any.
func swap(tmp, out string) error {
	old := tmp + ".ancien"
	if err := os.Rename(out, old); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		os.Rename(old, out) // put the previous site back
		return err
	}
	// Should this fail, old is a leftover that the next build removes.
	os.Rename(old, tmp)
	return nil
}

// Dir is the folder that Replace fills. Its methods are safe for concurrent use.
type Dir struct {
	root  string
	files atomic.Int64
}

// Put writes a file of the site; it is a Put.
func (d *Dir) Put(name string, b []byte) error {
	p, err := d.prepare(name)
	if err != nil {
		return err
	}
	return os.WriteFile(p, b, 0o644)
}

// Link adds the file at src to the site under name: a hard link, which costs
// no copy, or a copy when src is on another file system.
func (d *Dir) Link(name, src string) error {
	p, err := d.prepare(name)
	if err != nil {
		return err
	}
	return linkOrCopy(src, p)
}

// Create creates the file name of the site, for a page written as it is
// rendered; the caller closes it.
func (d *Dir) Create(name string) (*os.File, error) {
	p, err := d.prepare(name)
	if err != nil {
		return nil, err
	}
	return os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
}

// Path returns where the file name of the site is written.
func (d *Dir) Path(name string) string { return filepath.Join(d.root, filepath.FromSlash(name)) }

// Files is the number of files put or linked.
func (d *Dir) Files() int { return int(d.files.Load()) }

// prepare makes the folder of the file name and returns its path. MkdirAll
// each time, rather than a set of the folders made, which would grow with
// the site: a folder that exists costs one stat, and concurrent puts into a
// new folder all return once it exists.
func (d *Dir) prepare(name string) (string, error) {
	d.files.Add(1)
	p := d.Path(name)
	return p, os.MkdirAll(filepath.Dir(p), 0o755)
}

// linkOrCopy makes dst the same file as src, or a copy of it.
func linkOrCopy(src, dst string) error {
	if os.Link(src, dst) == nil {
		return nil
	}
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, b, 0o644)
}

// Files is a site held in memory (the preview server, tests): the content of
// each file by slash-separated path relative to the output folder.
type Files map[string][]byte

// Collect returns a Put that stores files in f; it is safe for concurrent use.
func (f Files) Collect() Put {
	var mu sync.Mutex
	return func(name string, b []byte) error {
		mu.Lock()
		f[name] = b
		mu.Unlock()
		return nil
	}
}
