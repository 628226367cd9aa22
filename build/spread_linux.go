package build

import (
	"os"

	"golang.org/x/sys/unix"
)

// fsTopdirFL is FS_TOPDIR_FL of linux/fs.h (chattr +T), which x/sys lacks.
const fsTopdirFL = 0x20000

// spread marks the folder dir as the top of unrelated folders (chattr +T):
// ext4 then places each of its subfolders, an organization's, in a block
// group of its own choosing, as it does for folders at the root of the file
// system, rather than beside the parent. Without it, a build that follows
// another within minutes creates its files in the groups the previous site
// has just freed, and ext4 without a journal looks over each recently
// freed inode of a group before taking one: the HTML build of
// 1,000 organizations right after another spent 4.7 to 9.4 s in the kernel,
// and 1.7 to 2.2 s with the mark (docs/performance.md). The mark stays on
// public/, where it only guides where new subfolders go. A file system
// without such flags ignores it; the site is the same.
func spread(dir string) {
	f, err := os.Open(dir)
	if err != nil {
		return
	}
	defer f.Close()
	fd := int(f.Fd())
	if flags, err := unix.IoctlGetUint32(fd, unix.FS_IOC_GETFLAGS); err == nil {
		unix.IoctlSetPointerInt(fd, unix.FS_IOC_SETFLAGS, int(flags|fsTopdirFL))
	}
}
