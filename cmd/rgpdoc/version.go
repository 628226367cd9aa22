package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"runtime/debug"
)

// version is set at release time with -ldflags "-X main.version=v1.2.3";
// otherwise the module version recorded by `go install …@version` is used.
var version = ""

func newVersionCmd() *command {
	return &command{
		name:    "version",
		summary: "affiche la version et le commit",
		run: func(ctx context.Context, args []string, stdout, stderr io.Writer) int {
			fs := newFlags("version", "", "Affiche la version de rgpdoc et le commit dont il est construit.", stderr)
			if _, code, stop := fs.parse(args, 0); stop {
				return code
			}
			v, commit := buildVersion()
			fmt.Fprintf(stdout, "rgpdoc %s (commit %s)\n", v, commit)
			return exitOK
		},
	}
}

// buildVersion reads the version and commit from the build information.
func buildVersion() (v, commit string) {
	v, commit = version, "inconnu"
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return cmp.Or(v, "(développement)"), commit
	}
	if v == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
		v = info.Main.Version
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" {
			commit = s.Value
			if len(commit) > 12 {
				commit = commit[:12]
			}
		}
	}
	return cmp.Or(v, "(développement)"), commit
}
