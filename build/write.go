package build

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// Replace fills a new site with fill, then swaps it in place of the folder
// out. The new site is written to a temporary folder beside out, so a failure
// at any point (fill's error included) leaves the previous site in place, and
// a reader never sees half a site.
func Replace(out string, fill func(Put) error) error {
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".nouveau-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp) // gone after a successful swap; cleans up after a failure
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	var mu sync.Mutex
	dirs := map[string]bool{}
	put := func(name string, b []byte) error {
		p := filepath.Join(tmp, filepath.FromSlash(name))
		dir := filepath.Dir(p)
		mu.Lock()
		known := dirs[dir]
		dirs[dir] = true
		mu.Unlock()
		if !known {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
		}
		return os.WriteFile(p, b, 0o644)
	}
	if err := fill(put); err != nil {
		return err
	}
	old := tmp + ".ancien"
	if err := os.Rename(out, old); err != nil && !os.IsNotExist(err) {
		return fmt.Errorf("impossible de remplacer %s : %w", out, err)
	}
	if err := os.Rename(tmp, out); err != nil {
		os.Rename(old, out) // put the previous site back
		return fmt.Errorf("impossible d'installer le nouveau site dans %s : %w", out, err)
	}
	return os.RemoveAll(old)
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
