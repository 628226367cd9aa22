package build

import (
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rgpdoc/rgpdoc/build/load"
	"github.com/rgpdoc/rgpdoc/build/synth"
)

func TestReplaceRefusesForeignFolders(t *testing.T) {
	dir := t.TempDir()
	mine := filepath.Join(dir, "mes-documents")
	os.MkdirAll(mine, 0o755)
	os.WriteFile(filepath.Join(mine, "contrat.pdf"), []byte("%PDF"), 0o644)
	file := filepath.Join(dir, "fichier")
	os.WriteFile(file, []byte("x"), 0o644)
	for _, out := range []string{mine, file} {
		err := Replace(out, write(Files{"index.html": []byte("v1")}))
		if err == nil || !strings.HasPrefix(err.Error(), "refus : le dossier de sortie") {
			t.Errorf("Replace(%s): %v, want a refusal", out, err)
		}
	}
	if b, err := os.ReadFile(filepath.Join(mine, "contrat.pdf")); err != nil || string(b) != "%PDF" {
		t.Errorf("the user's file changed: %q, %v", b, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("folders written beside: %v", entries)
	}
}

// TestReplaceRemovesLeftovers leaves the temporary folders of a killed
// build, of a running build, and a user's folder of a similar name: only
// the killed build's goes.
func TestReplaceRemovesLeftovers(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	folder := func(name string, mark bool) string {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Join(p, "org"), 0o755)
		os.WriteFile(filepath.Join(p, "org", "index.html"), []byte("x"), 0o644)
		if mark {
			os.WriteFile(filepath.Join(p, siteMark), siteMarkText, 0o644)
		}
		return p
	}
	killed := folder(".public.nouveau-123", true)
	killedOld := folder(".public.nouveau-456.ancien", true)
	running := folder(".public.nouveau-789", true)
	release, err := hold(running)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	user := folder(".public.nouveau-à-moi", false)
	if err := Replace(out, write(Files{"index.html": []byte("v1")})); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{killed: false, killedOld: false, running: true, user: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s: exists %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}

// TestWriteInterrupted cancels a build: the previous site stays, and no
// temporary folder is left.
func TestWriteInterrupted(t *testing.T) {
	dir, out := t.TempDir(), filepath.Join(t.TempDir(), "public")
	if err := synth.New(1).Write(dir, 2); err != nil {
		t.Fatal(err)
	}
	if err := Replace(out, write(Files{"index.html": []byte("v1")})); err != nil {
		t.Fatal(err)
	}
	site, err := load.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := Write(ctx, site, Options{}, out, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("Write: %v, want %v", err, context.Canceled)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "v1" {
		t.Errorf("previous site damaged: index.html = %q", b)
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("temporary folders left: %v", entries)
	}
}

// TestCacheOwnership opens a cache over folders it must not prune, and an
// earlier rgpdoc's unmarked cache, which it keeps using.
func TestCacheOwnership(t *testing.T) {
	dir := t.TempDir()
	foreign := filepath.Join(dir, "autre")
	os.MkdirAll(filepath.Join(foreign, "données"), 0o755)
	if _, err := OpenCache(foreign); err == nil || !strings.Contains(err.Error(), "que rgpdoc n'a pas écrits (données)") {
		t.Errorf("foreign folder: %v", err)
	}
	if _, err := os.Stat(filepath.Join(foreign, cacheMark)); err == nil {
		t.Error("a refused folder was marked")
	}

	old := filepath.Join(dir, "ancien")
	key := strings.Repeat("ab", 32)
	os.MkdirAll(filepath.Join(old, key), 0o755)
	os.MkdirAll(filepath.Join(old, tempEntry+"42"), 0o755) // a killed build's entry
	c, err := OpenCache(old)
	if err != nil {
		t.Fatalf("earlier cache: %v", err)
	}
	if _, err := os.Stat(filepath.Join(old, tempEntry+"42")); err == nil {
		t.Error("a killed build's entry was kept")
	}
	// A file the user put in the cache is not an entry: Prune keeps it.
	os.WriteFile(filepath.Join(old, "LISEZMOI"), []byte("à moi"), 0o644)
	if err := c.Prune(); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(old)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != cacheMark+" LISEZMOI" {
		t.Errorf("after pruning: %v, want the mark and the user's file", names)
	}
}

// TestEmptyNames gives empty folder names, which paths resolve as the
// current folder: each is refused, and the current folder is untouched.
func TestEmptyNames(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.WriteFile("notes.txt", []byte("à garder"), 0o644)
	if err := Replace("", write(Files{"index.html": []byte("v1")})); err == nil {
		t.Error("Replace into an empty name")
	}
	if _, err := OpenCache(""); err == nil {
		t.Error("OpenCache of an empty name")
	}
	for _, f := range []Folders{{Content: "content", Out: ""}, {Content: "", Out: "public"}} {
		if err := f.Check(); err == nil || !strings.Contains(err.Error(), "est un nom vide") {
			t.Errorf("%+v: %v, want a refusal", f, err)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the current folder changed: %v", entries)
	}
}

// TestCacheTakesRegularFilesOnly replaces a file of a cache entry with a
// link to a secret, and its manifest to match: the entry is not used, and
// the site does not publish the secret.
func TestCacheTakesRegularFilesOnly(t *testing.T) {
	dir, out, cacheDir := t.TempDir(), filepath.Join(t.TempDir(), "public"), filepath.Join(t.TempDir(), "cache")
	if err := synth.New(1).Write(dir, 1); err != nil {
		t.Fatal(err)
	}
	opts := Options{Formats: []Format{Formats[1]}}
	writeSite(t, dir, out, opts, openCache(t, cacheDir))
	secret := filepath.Join(t.TempDir(), "secret")
	os.WriteFile(secret, []byte("SECRET-42"), 0o644)
	entries, _ := filepath.Glob(filepath.Join(cacheDir, "*", manifestName))
	if len(entries) != 1 {
		t.Fatalf("entries: %v", entries)
	}
	b, _ := os.ReadFile(entries[0])
	var m manifest
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&m); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(filepath.Dir(entries[0]), filepath.FromSlash(m.Files[0].Path))
	os.Remove(p)
	if err := os.Symlink(secret, p); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Lstat(p)
	m.Files[0].Size, m.Files[0].ModTime = info.Size(), info.ModTime().UnixNano()
	var buf bytes.Buffer
	gob.NewEncoder(&buf).Encode(m)
	os.WriteFile(entries[0], buf.Bytes(), 0o644)

	c := openCache(t, cacheDir)
	for name, b := range writeSite(t, dir, out, opts, c) {
		if bytes.Contains(b, []byte("SECRET-42")) {
			t.Errorf("%s publishes the linked file", name)
		}
	}
	if c.Hits() != 0 {
		t.Errorf("%d hits, want the entry refused", c.Hits())
	}
}
