package load

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/rgpdoc/rgpdoc/build/diag"
)

// readRegular reads the file at path, which lies in the content folder whose
// real path (symlinks resolved) is root, reading at most limit bytes. It
// reads regular files only: a FIFO would block the run, a device (/dev/zero)
// would never end, and a symlink that leaves the content folder would publish
// a file nobody meant to (/etc/passwd, /proc/self/environ). Those are
// findings, and such a file is never opened. A file over limit is a finding
// too; info is the opened file's, for the Loader's cache.
func readRegular(root, path string, limit int64) (b []byte, info os.FileInfo, finding *diag.Finding, err error) {
	fail := func(rule, format string, args ...any) ([]byte, os.FileInfo, *diag.Finding, error) {
		return nil, nil, &diag.Finding{Pos: diag.Pos{File: path, Line: 1, Col: 1}, Severity: diag.Error, Rule: rule, Message: fmt.Sprintf(format, args...)}, nil
	}
	link, err := os.Lstat(path)
	if err != nil {
		return nil, nil, nil, err
	}
	info = link
	if link.Mode()&os.ModeSymlink != 0 {
		real, err := realDir(path)
		if err != nil || !inside(root, real) {
			return fail("lien-symbolique", "lien symbolique vers un fichier hors du dossier de contenu : rgpdoc ne lit que les fichiers du dossier de contenu ; "+
				"copiez le fichier dans le dossier au lieu de le lier")
		}
		if info, err = os.Stat(path); err != nil {
			return nil, nil, nil, err
		}
	}
	if !info.Mode().IsRegular() {
		return fail("fichier-special", "%s : rgpdoc ne lit que des fichiers ordinaires ; retirez-le du dossier de contenu", kindOf(info.Mode()))
	}
	// O_NONBLOCK: a FIFO put in place between Stat and Open must not block
	// the open; it is then refused by the check on the opened file.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, nil, err
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil {
		return nil, nil, nil, err
	}
	if !info.Mode().IsRegular() {
		return fail("fichier-special", "%s : rgpdoc ne lit que des fichiers ordinaires ; retirez-le du dossier de contenu", kindOf(info.Mode()))
	}
	// The limit bounds the read itself, whatever the size the file claims;
	// the buffer takes that size at once (ReadAll would grow it from 512
	// bytes, a read and a copy each time).
	var buf bytes.Buffer
	buf.Grow(int(min(info.Size(), limit)) + bytes.MinRead)
	if _, err = buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, nil, nil, err
	}
	b = buf.Bytes()
	if size := max(info.Size(), int64(len(b))); size > limit {
		return fail("taille", "%s", tooLarge(size, limit))
	}
	return b, info, nil, nil
}

// tooLarge says that a file of size bytes is over limit.
func tooLarge(size, limit int64) string {
	return fmt.Sprintf("fichier trop volumineux (%d Kio) : la limite est de %d Kio", size>>10, limit>>10)
}

// kindOf names a file that is not regular, in French.
func kindOf(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "dossier portant un nom de fichier"
	case m&os.ModeNamedPipe != 0:
		return "tube nommé (FIFO)"
	case m&os.ModeSocket != 0:
		return "socket"
	case m&os.ModeDevice != 0:
		return "fichier de périphérique"
	}
	return "fichier spécial"
}

// inside reports whether path is root or lies under it; both are real paths.
func inside(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// realDir returns the absolute real path of path, symlinks resolved.
func realDir(path string) (string, error) {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return "", err
	}
	return filepath.Abs(real)
}
