package build

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// TestReplaceSpreads checks that a site's folder is marked as the top of
// unrelated folders, where the file system keeps such flags (ext4).
func TestReplaceSpreads(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Replace(out, write(Files{"org/index.html": []byte("x")})); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	flags, err := unix.IoctlGetUint32(int(f.Fd()), unix.FS_IOC_GETFLAGS)
	if err != nil {
		t.Skipf("no file flags on this file system: %v", err)
	}
	if flags&fsTopdirFL == 0 {
		if err := unix.IoctlSetPointerInt(int(f.Fd()), unix.FS_IOC_SETFLAGS, int(flags|fsTopdirFL)); err != nil {
			t.Skipf("this file system does not take the flag: %v", err)
		}
		t.Errorf("flags %#x: the site's folder is not marked, though the file system takes the mark", flags)
	}
}
