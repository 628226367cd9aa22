package build

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Owned folders. A build replaces its output folder as a whole and prunes
// its cache: both would delete whatever a user put there. So rgpdoc writes
// only to a folder that it owns, one that is new, empty or marked by a file
// that rgpdoc wrote in it, and keeps its folders apart: the output and the
// cache are never the content folder, the other one, nor a folder holding or
// inside one of them, comparing real paths (through symbolic links).

// Marks of the folders that rgpdoc owns. The cache's follows the Cache
// Directory Tagging Specification, so that backup tools skip it.
const (
	siteMark  = ".rgpdoc-site"
	cacheMark = "CACHEDIR.TAG"
)

var (
	siteMarkText  = []byte("Dossier écrit par rgpdoc : rgpdoc build le remplace en entier à chaque construction.\n")
	cacheMarkText = []byte("Signature: 8a477f597d28d172789f06886806bc55\n" +
		"# Cache de rgpdoc : rgpdoc build y garde les fichiers de chaque organisation (https://bford.info/cachedir/).\n")
)

// Folders are the folders of a build.
type Folders struct {
	Content string // read
	Out     string // replaced by the new site
	Cache   string // pruned; empty without a cache
}

// Check refuses folders that a build must not write to: an output folder
// or a cache that rgpdoc does not own, or that is, holds or lies inside
// another folder of the build. It writes nothing.
func (f Folders) Check() error {
	type folder struct{ role, path, real string }
	var all []folder
	for _, fo := range []folder{{"le dossier de contenu", f.Content, ""}, {"le dossier de sortie", f.Out, ""}, {"le cache", f.Cache, ""}} {
		switch {
		case fo.path == "" && fo.role == "le cache":
			continue // no cache
		case fo.path == "":
			// Not the current folder: an empty name must not stand for it.
			return refusal(fo.role, "« »", "est un nom vide")
		}
		real, err := realPath(fo.path)
		if err != nil {
			return err
		}
		fo.real = real
		// Each written folder apart from those before it.
		for _, other := range all {
			var how string
			switch {
			case fo.real == other.real:
				return refusal(fo.role, fo.path, fmt.Sprintf("est aussi %s", other.role))
			case within(fo.real, other.real):
				how = "est dans"
			case within(other.real, fo.real):
				how = "contient"
			default:
				continue
			}
			return refusal(fo.role, fo.path, fmt.Sprintf("%s %s %s", how, other.role, other.path))
		}
		all = append(all, fo)
	}
	if err := owned(f.Out, "le dossier de sortie", siteMark, nil); err != nil {
		return err
	}
	if f.Cache != "" {
		return owned(f.Cache, "le cache", cacheMark, oldCache)
	}
	return nil
}

// refusal is the error that refuses a folder, saying what the build would
// do with it.
func refusal(role, path, why string) error {
	what := map[string]string{
		"le dossier de sortie": " ; rgpdoc remplace en entier le dossier de sortie : choisissez-en un autre",
		"le cache":             " ; rgpdoc supprime du cache les entrées qui ne servent plus : choisissez-en un autre",
	}[role]
	return fmt.Errorf("refus : %s %s %s%s (rien n'a été modifié)", role, path, why, what)
}

// owned refuses the folder dir unless it is absent, empty, or marked by
// the file mark that rgpdoc wrote (or, with old, a folder that an earlier
// rgpdoc wrote without mark). It refuses a repository's root, whatever it
// holds.
func owned(dir, role, mark string, old func([]fs.DirEntry) bool) error {
	if dir == "" {
		return refusal(role, "« »", "est un nom vide")
	}
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if _, err := os.Lstat(dir); err == nil {
			return refusal(role, dir, "est un lien symbolique vers un dossier absent")
		}
		return nil
	case err != nil:
		return err
	case !info.IsDir():
		return refusal(role, dir, "n'est pas un dossier")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name()
	}
	switch {
	case slices.Contains(names, ".git"):
		return refusal(role, dir, "est la racine d'un dépôt Git")
	case len(entries) == 0 || marked(filepath.Join(dir, mark)) || old != nil && old(entries):
		return nil
	}
	if len(names) > 3 {
		names = append(names[:3], "…")
	}
	return refusal(role, dir, fmt.Sprintf("contient des fichiers que rgpdoc n'a pas écrits (%s) ; rgpdoc n'écrit que dans un dossier nouveau, vide ou marqué par son fichier %s", strings.Join(names, ", "), mark))
}

// marked tells whether the file at p is a mark that rgpdoc wrote.
func marked(p string) bool {
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return false
	}
	b, _ := io.ReadAll(io.LimitReader(f, 1024))
	return bytes.Contains(b, []byte("rgpdoc"))
}

// realPath returns the absolute path of p with the symbolic links of its
// existing part resolved, so that two names of one folder compare equal.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for {
		real, err := filepath.EvalSymlinks(abs)
		if err == nil {
			return filepath.Join(real, rest), nil
		}
		parent := filepath.Dir(abs)
		if !errors.Is(err, fs.ErrNotExist) || parent == abs {
			return "", err
		}
		rest = filepath.Join(filepath.Base(abs), rest)
		abs = parent
	}
}

// within tells whether the real path a is b or lies below it.
func within(a, b string) bool {
	rel, err := filepath.Rel(b, a)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// removeLeftovers removes the folders of parent named prefix… that builds
// killed before their end left (abandoned), and that hold the file mark
// when mark is not empty. It leaves anything else alone.
func removeLeftovers(parent, prefix, mark string) {
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		p := filepath.Join(parent, e.Name())
		if !e.IsDir() || !strings.HasPrefix(e.Name(), prefix) || mark != "" && !marked(filepath.Join(p, mark)) || !abandoned(p) {
			continue
		}
		removeAll(p)
	}
}

// makeTemp makes a new folder in parent named prefix and a random suffix,
// held while the build runs (see abandoned); release lets it go.
func makeTemp(parent, prefix string) (dir string, release func(), err error) {
	dir, err = os.MkdirTemp(parent, prefix)
	if err != nil {
		return "", nil, err
	}
	release, err = hold(dir)
	if err != nil {
		// A file system without locks: the folder is still removed at
		// the end of the build, only a killed build's stays.
		release = func() {}
	}
	return dir, release, nil
}
