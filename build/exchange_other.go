//go:build !linux

package build

// exchange puts the folder tmp in place of the folder out. Without
// renameat2, it is two renames (swap): a moment without a site.
func exchange(tmp, out string) error { return swap(tmp, out) }
