//go:build unix

package build

import (
	"os"

	"golang.org/x/sys/unix"
)

// hold locks the folder dir for as long as the process runs or until
// release: the kernel drops the lock of a killed process, which is how
// abandoned tells a killed build's folder from a running build's.
func hold(dir string) (release func(), err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil
}

// abandoned tells whether no running build holds the folder dir.
func abandoned(dir string) bool {
	release, err := hold(dir)
	if err != nil {
		return false
	}
	release()
	return true
}
