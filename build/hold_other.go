//go:build !unix

package build

import (
	"os"
	"time"
)

// hold does nothing where there is no flock: abandoned goes by age instead.
func hold(dir string) (release func(), err error) { return func() {}, nil }

// abandoned tells whether the folder dir was left by a killed build: without
// locks, it is one that has not changed for an hour, far longer than a build.
func abandoned(dir string) bool {
	info, err := os.Stat(dir)
	return err == nil && time.Since(info.ModTime()) > time.Hour
}
