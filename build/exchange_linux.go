package build

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// exchange puts the folder tmp in place of the folder out in one step
// (renameat2 with RENAME_EXCHANGE): there is a site at out at every moment,
// even if the build is killed. tmp then holds the previous site, if any.
func exchange(tmp, out string) error {
	err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, out, unix.RENAME_EXCHANGE)
	switch {
	case errors.Is(err, unix.ENOENT): // no previous site
		return os.Rename(tmp, out)
	case errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS): // a file system or kernel without it
		return swap(tmp, out)
	}
	return err
}
