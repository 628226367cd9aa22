package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Batching. An editor's save is several events within a millisecond or two:
// vim probes the folder with a file named 4913, renames the file to a backup~,
// writes the new one, sets its mode, removes the backup; other editors write
// a temporary file and rename it over the old one. A batch closes when the
// folders have been quiet for quietTime, so that one save is one rebuild,
// and at the latest maxWait after its first event, so that a stream of
// changes (a git checkout) still shows progress. The quiet time is short
// because it adds to the delay between a save and the reload.
const (
	quietTime = 20 * time.Millisecond
	maxWait   = 100 * time.Millisecond
)

// batch is what changed: the paths of the events, in the order first seen.
// all is set when events were lost (the kernel's queue overflowed), so that
// everything must be read again.
type batch struct {
	paths []string
	all   bool
}

// watcher watches folders and every folder below them (fsnotify is not
// recursive) and delivers their changes in batches. It watches the parent
// of each root too, for the root itself: a git branch switch may remove the
// content folder and make it again, and the watches go with the folder.
type watcher struct {
	fsw   *fsnotify.Watcher
	roots []string
}

// newWatcher watches the folders roots and their sub-folders.
func newWatcher(roots ...string) (*watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{fsw: fsw}
	for _, root := range roots {
		root = filepath.Clean(root)
		w.roots = append(w.roots, root)
		if err := w.addTree(root); err != nil {
			fsw.Close()
			return nil, err
		}
		if err := fsw.Add(filepath.Dir(root)); err != nil {
			fsw.Close()
			return nil, err
		}
	}
	return w, nil
}

// concerns tells whether a change at path p is one of the roots or lies in
// one, rather than beside one in its parent.
func (w *watcher) concerns(p string) (root, in bool) {
	for _, r := range w.roots {
		if p == r {
			return true, true
		}
		if inside(r, p) {
			in = true
		}
	}
	return false, in
}

func (w *watcher) close() error { return w.fsw.Close() }

// addTree watches dir and every folder below it, except hidden ones, which
// the loader skips. Watching a folder again is harmless; it also renames the
// watches of a folder moved elsewhere.
func (w *watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			if p == dir {
				return err
			}
			return nil // removed while we walked: its events are over
		case !d.IsDir():
			return nil
		case p != dir && ignored(d.Name()):
			return filepath.SkipDir
		}
		return w.fsw.Add(p)
	})
}

// run sends the batches on out until ctx is done. While out is not ready
// (a rebuild is running), new events join the pending batch.
func (w *watcher) run(ctx context.Context, out chan<- batch) {
	var (
		pending batch
		seen    = map[string]bool{}
		quiet   = time.NewTimer(time.Hour)
		late    = time.NewTimer(time.Hour)
		ready   bool // the batch may be sent
		overdue bool // maxWait has passed since the batch's first event
	)
	quiet.Stop()
	late.Stop()
	started := func() {
		if len(pending.paths) == 0 && !pending.all {
			late.Reset(maxWait)
		}
		quiet.Reset(quietTime)
		ready = overdue
	}
	for {
		var send chan<- batch
		if ready {
			send = out
		}
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			root, in := w.concerns(ev.Name)
			if ev.Op == fsnotify.Chmod || !in || !root && ignored(filepath.Base(ev.Name)) {
				continue
			}
			if root {
				// Gone or back: everything must be read again.
				if ev.Has(fsnotify.Create) {
					w.addTree(ev.Name)
				}
				started()
				pending.all = true
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
					// Before the batch is sent, so that files created in the
					// folder from now on are seen; those created before are
					// found by the rebuild, which reads the whole folder.
					w.addTree(ev.Name)
				}
			}
			started()
			if !seen[ev.Name] {
				seen[ev.Name] = true
				pending.paths = append(pending.paths, ev.Name)
			}
		case _, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			// An overflow lost events; any other error may have too.
			started()
			pending.all = true
		case <-quiet.C:
			ready = true
		case <-late.C:
			ready, overdue = true, true
		case send <- pending:
			pending, seen = batch{}, map[string]bool{}
			ready, overdue = false, false
			quiet.Stop()
			late.Stop()
		}
	}
}

// ignored tells whether a file or folder name cannot change the site: the
// loader skips hidden names (which covers vim's .file.swp, emacs's .#lock
// and most editors' temporary files), and editors use the others for
// probes, backups and autosaves.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") ||
		name == "4913" || // vim's probe of the folder
		strings.HasSuffix(name, "~") || // backups
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") ||
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#") || // emacs's autosave
		strings.HasSuffix(name, "___jb_tmp___") || strings.HasSuffix(name, "___jb_old___") // JetBrains's safe write
}
