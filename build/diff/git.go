package diff

import (
	"archive/tar"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
)

// A revision is read with the git command rather than a Go library: no
// heavy dependency, and the same answers as the user's own git (revision
// syntax, configuration, worktrees, partial clones). git archive writes the
// content folder of the revision as a tar stream, which is unpacked here:
// regular files and folders only, each inside the target folder.

// Extract writes into dir the content folder content as it is at the git
// revision rev of the repository that holds it.
func Extract(ctx context.Context, content, rev, dir string) error {
	if strings.HasPrefix(rev, "-") {
		return fmt.Errorf("révision « %s » invalide", rev)
	}
	abs, err := filepath.Abs(content)
	if err != nil {
		return err
	}
	// The content folder may not exist at HEAD; its parent holds the repository.
	where := abs
	for {
		if info, err := os.Stat(where); err == nil && info.IsDir() {
			break
		}
		where = filepath.Dir(where)
	}
	top, err := git(ctx, where, "rev-parse", "--show-toplevel")
	if err != nil {
		return fmt.Errorf("%s n'est pas dans un dépôt git : %w", content, err)
	}
	top = strings.TrimSpace(top)
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	if real, err := filepath.EvalSymlinks(top); err == nil {
		top = real
	}
	rel, err := filepath.Rel(top, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return fmt.Errorf("%s n'est pas dans le dépôt git %s", content, top)
	}
	if _, err := git(ctx, top, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return fmt.Errorf("révision « %s » inconnue du dépôt %s", rev, top)
	}
	tree := rev + "^{tree}"
	if rel != "." {
		tree = rev + ":" + filepath.ToSlash(rel)
	}
	cmd := exec.CommandContext(ctx, "git", "archive", "--format=tar", tree)
	cmd.Dir = top
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("impossible de lancer git : %w", err)
	}
	untarErr := untar(out, dir)
	io.Copy(io.Discard, out)
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("le dossier %s est absent de la révision « %s » : %s", filepath.ToSlash(rel), rev, strings.TrimSpace(stderr.String()))
	}
	return untarErr
}

// git runs a git command in dir and returns its output.
func git(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return "", errors.New(msg)
		}
		return "", err
	}
	return string(out), nil
}

// untar unpacks the regular files and folders of a tar stream into dir;
// a name that would leave dir is an error.
func untar(r io.Reader, dir string) error {
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		name := path.Clean(h.Name)
		if path.IsAbs(name) || name == ".." || strings.HasPrefix(name, "../") {
			return fmt.Errorf("chemin « %s » hors du dossier dans l'archive de git", h.Name)
		}
		target := filepath.Join(dir, filepath.FromSlash(name))
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(target, 0o755); err != nil {
				return err
			}
		case tar.TypeReg:
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				return err
			}
			f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if err != nil {
				return err
			}
			_, err = io.Copy(f, tr)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
		}
		// Symbolic links and other entries are left out: content files are
		// regular files.
	}
}
