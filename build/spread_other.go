//go:build !linux

package build

// spread is a hint to Linux's ext4 (see spread_linux.go); elsewhere, nothing.
func spread(dir string) {}
