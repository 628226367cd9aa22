package main

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// project makes a copy of a project in a temporary folder: a Git repository
// with its content folder, the user's own documents, and a user cache folder
// holding other programs' caches. It returns the project's folder.
func project(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS(filepath.Join("..", "..", "testdata", "complet", "content"))); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		".git/HEAD":                  "ref: refs/heads/main\n",
		"docs/notes.md":              "Mes notes\n",
		"notes.txt":                  "à garder\n",
		"home/.cache/autre/cache.db": "le cache d'un autre programme\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("content", filepath.Join(dir, "lien")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// snapshot lists every file and folder below dir with a hash of its content.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(&b, "%s %v", rel, e.Type())
		if e.Type().IsRegular() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			fmt.Fprintf(&b, " %x", sha256.Sum256(data))
		}
		b.WriteByte('\n')
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestBuildRefusesFolders tries, as a careless user or an attacker would,
// to make build write over what it was not given: each attempt is refused,
// exit 2, with a French message, and nothing is touched.
func TestBuildRefusesFolders(t *testing.T) {
	dir := project(t)
	// An empty name is the current folder: the project's, should it be taken.
	t.Chdir(dir)
	p := func(name string) string { return filepath.Join(dir, filepath.FromSlash(name)) }
	for _, tc := range []struct {
		name   string
		args   []string
		stderr string
	}{
		{"cache in content", []string{"--cache", p("content")}, "le cache " + p("content") + " est aussi le dossier de contenu"},
		{"cache of the project", []string{"--cache", dir}, "le cache " + dir + " contient le dossier de contenu"},
		{"user cache", []string{"--out", p("public"), "--cache", p("home/.cache")}, "contient des fichiers que rgpdoc n'a pas écrits (autre)"},
		{"cache in an organization", []string{"--cache", p("content/exemple")}, "est dans le dossier de contenu"},
		{"out the project", []string{"--out", dir}, "le dossier de sortie " + dir + " contient le dossier de contenu"},
		{"out the content", []string{"--out", p("content")}, "est aussi le dossier de contenu"},
		{"out in the content", []string{"--out", p("content/exemple")}, "est dans le dossier de contenu"},
		{"out below the content", []string{"--out", p("content/nouveau/site")}, "est dans le dossier de contenu"},
		{"out through a link", []string{"--out", p("lien")}, "est aussi le dossier de contenu"},
		{"out holds documents", []string{"--out", p("docs")}, "contient des fichiers que rgpdoc n'a pas écrits (notes.md)"},
		{"out a file", []string{"--out", p("notes.txt")}, "n'est pas un dossier"},
		{"out a home folder", []string{"--out", p("home"), "--cache", p("cache")}, "contient des fichiers que rgpdoc n'a pas écrits (.cache)"},
		{"out and cache the same", []string{"--cache", p("public"), "--out", p("public")}, "le cache " + p("public") + " est aussi le dossier de sortie"},
		{"cache in out", []string{"--out", p("public"), "--cache", p("public/cache")}, "est dans le dossier de sortie"},
		{"out in cache", []string{"--out", p("cache/public"), "--cache", p("cache")}, "contient le dossier de sortie"},
		{"out empty", []string{"--out", ""}, "le dossier de sortie « » est un nom vide"},
		{"out empty, cache empty", []string{"--out=", "--cache="}, "le dossier de sortie « » est un nom vide"},
		{"content empty", []string{"--content", "", "--out", p("public")}, "le dossier de contenu « » est un nom vide"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := snapshot(t, dir)
			args := append([]string{"build", "--content", p("content"), "--format", "html"}, tc.args...)
			var out, errb strings.Builder
			if code := run(context.Background(), args, &out, &errb); code != exitUsage {
				t.Errorf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", code, exitUsage, out.String(), errb.String())
			}
			if !strings.Contains(errb.String(), tc.stderr) || !strings.Contains(errb.String(), "rien n'a été modifié") {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, errb.String())
			}
			if after := snapshot(t, dir); after != before {
				t.Errorf("files changed:\nbefore:\n%s\nafter:\n%s", before, after)
			}
		})
	}

	// A repository's root is refused even when it is marked.
	git := p("depot")
	os.MkdirAll(filepath.Join(git, ".git"), 0o755)
	os.WriteFile(filepath.Join(git, ".rgpdoc-site"), []byte("rgpdoc"), 0o644)
	var errb strings.Builder
	if code := run(context.Background(), []string{"build", "--content", p("content"), "--out", git}, &strings.Builder{}, &errb); code != exitUsage || !strings.Contains(errb.String(), "est la racine d'un dépôt Git") {
		t.Errorf("repository root: exit %d:\n%s", code, errb.String())
	}
}

// TestBuildOwnsItsFolders builds twice into a new folder, then once more
// after the user left a file in the cache: the site's and cache's own
// files are replaced or pruned, the user's file stays.
func TestBuildOwnsItsFolders(t *testing.T) {
	dir := project(t)
	public, cache := filepath.Join(dir, "public"), filepath.Join(dir, ".rgpdoc-cache")
	args := []string{"build", "--content", filepath.Join(dir, "content"), "--out", public, "--format", "html,md"}
	for i := range 2 {
		var out, errb strings.Builder
		if code := run(context.Background(), args, &out, &errb); code != exitOK {
			t.Fatalf("build %d: exit %d:\n%s", i+1, code, errb.String())
		}
	}
	keep := filepath.Join(cache, "LISEZMOI.txt")
	os.WriteFile(keep, []byte("à moi"), 0o644)
	var out, errb strings.Builder
	if code := run(context.Background(), args, &out, &errb); code != exitOK {
		t.Fatalf("build after a file in the cache: exit %d:\n%s", code, errb.String())
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("pruning removed the user's file: %v", err)
	}
	if _, err := os.Stat(filepath.Join(public, "exemple", "index.html")); err != nil {
		t.Error(err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), "nouveau") {
			t.Errorf("temporary folder left: %s", e.Name())
		}
	}
}
