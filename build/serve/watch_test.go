package serve

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// watch watches dir with a real fsnotify watcher and returns its batches.
func watch(t *testing.T, dir string) <-chan batch {
	t.Helper()
	w, err := newWatcher(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan batch)
	go w.run(ctx, out)
	t.Cleanup(func() {
		cancel()
		w.close()
	})
	return out
}

// next returns the next batch, failing after a few seconds.
func next(t *testing.T, batches <-chan batch) batch {
	t.Helper()
	select {
	case b := <-batches:
		return b
	case <-time.After(5 * time.Second):
		t.Fatal("no batch")
		return batch{}
	}
}

// none checks that no batch comes for a while: several times the delay
// after which a batch closes.
func none(t *testing.T, batches <-chan batch, after string) {
	t.Helper()
	select {
	case b := <-batches:
		t.Errorf("after %s: unexpected batch %v", after, b.paths)
	case <-time.After(10 * quietTime):
	}
}

func write(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func do(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestOneSaveOneBatch saves a file as vim does by default, which is eight
// events: one batch holds them, without the probe and backup files.
func TestOneSaveOneBatch(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "organisation.yaml")
	write(t, file, "organisation: {}\n")
	batches := watch(t, dir)

	probe := filepath.Join(dir, "4913")
	write(t, probe, "")
	do(t, os.Remove(probe))
	do(t, os.Rename(file, file+"~"))
	write(t, file, "organisation: {raison_sociale: Exemple}\n")
	do(t, os.Chmod(file, 0o644))
	do(t, os.Remove(file+"~"))

	if b := next(t, batches); !slices.Equal(b.paths, []string{file}) || b.all {
		t.Errorf("batch %v (all %v), want [%s]", b.paths, b.all, file)
	}
	none(t, batches, "one save")
}

// TestIgnored makes changes that cannot change the site: no batch.
func TestIgnored(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "organisation.yaml")
	write(t, file, "organisation: {}\n")
	batches := watch(t, dir)

	do(t, os.Chmod(file, 0o600))
	for _, name := range []string{"4913", ".organisation.yaml.swp", "organisation.yaml.swp", "organisation.yaml~",
		".#organisation.yaml", "#organisation.yaml#", "organisation.yaml___jb_tmp___", ".cache"} {
		write(t, filepath.Join(dir, name), "x")
		do(t, os.Remove(filepath.Join(dir, name)))
	}
	do(t, os.Mkdir(filepath.Join(dir, ".git"), 0o755))
	write(t, filepath.Join(dir, ".git", "index"), "x")
	none(t, batches, "a chmod and temporary files")
}

// TestNewFolders creates folders, one of them with sub-folders written at
// once: their files are seen, since a new folder is watched as soon as its
// event arrives and the rebuild reads it whole.
func TestNewFolders(t *testing.T) {
	dir := t.TempDir()
	batches := watch(t, dir)

	org := filepath.Join(dir, "nouvelle")
	do(t, os.Mkdir(org, 0o755))
	if b := next(t, batches); !slices.Equal(b.paths, []string{org}) {
		t.Errorf("batch %v, want [%s]", b.paths, org)
	}
	file := filepath.Join(org, "organisation.yaml")
	write(t, file, "organisation: {}\n")
	if b := next(t, batches); !slices.Equal(b.paths, []string{file}) {
		t.Errorf("batch %v, want [%s]", b.paths, file)
	}

	deep := filepath.Join(dir, "autre", "annexes", "2025")
	do(t, os.MkdirAll(deep, 0o755))
	write(t, filepath.Join(deep, "a.yaml"), "termes: []\n")
	b := next(t, batches)
	if !slices.Contains(b.paths, filepath.Join(dir, "autre")) {
		t.Errorf("batch %v, want %s among its paths", b.paths, filepath.Join(dir, "autre"))
	}
	none(t, batches, "new folders")
	// Later changes deep down are seen.
	write(t, filepath.Join(deep, "a.yaml"), "termes: [{terme: A, definition: B}]\n")
	if b := next(t, batches); !slices.Equal(b.paths, []string{filepath.Join(deep, "a.yaml")}) {
		t.Errorf("batch %v, want [%s]", b.paths, filepath.Join(deep, "a.yaml"))
	}
}

// TestRenameSave saves as editors that write a temporary file and rename it
// over the old one: the file is seen, twice in a row, although its inode
// changes each time.
func TestRenameSave(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "organisation.yaml")
	write(t, file, "organisation: {}\n")
	batches := watch(t, dir)
	for i, tmp := range []string{".organisation.yaml.tmp", "organisation.yaml___jb_tmp___"} {
		write(t, filepath.Join(dir, tmp), "organisation: {raison_sociale: Exemple}\n")
		do(t, os.Rename(filepath.Join(dir, tmp), file))
		if b := next(t, batches); !slices.Equal(b.paths, []string{file}) {
			t.Errorf("save %d: batch %v, want [%s]", i+1, b.paths, file)
		}
	}
	none(t, batches, "rename saves")
}

// TestPendingWhileBusy checks that changes made while a rebuild runs are
// kept for the next batch.
func TestPendingWhileBusy(t *testing.T) {
	dir := t.TempDir()
	batches := watch(t, dir)
	a, b := filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml")
	write(t, a, "")
	time.Sleep(3 * maxWait) // the batch is ready; nobody takes it
	write(t, b, "")
	time.Sleep(3 * maxWait)
	if got := next(t, batches); !slices.Equal(got.paths, []string{a, b}) {
		t.Errorf("batch %v, want [%s %s]", got.paths, a, b)
	}
}
