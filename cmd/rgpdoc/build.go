package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rgpdoc/rgpdoc/build"
	"github.com/rgpdoc/rgpdoc/build/load"
)

func newBuildCmd() *command {
	return &command{
		name:    "build",
		summary: "produit le site : les documents de chaque organisation en HTML, Markdown et PDF, et les exports du registre",
		run: func(ctx context.Context, args []string, stdout, stderr io.Writer) int {
			fs := newFlags("build", "[--content DOSSIER] [--out DOSSIER] [--org ID…] [--format html,md,pdf,ods,csv,jsonld] [--strict] [--cache DOSSIER | --no-cache]",
				"Vérifie le contenu puis écrit le site dans le dossier de sortie, qui est remplacé d'un bloc :\n"+
					"en cas d'erreur, le site précédent reste intact. Sans --strict, un document dont le contenu a\n"+
					"des avertissements porte le bandeau « Projet — à compléter ». Les dates des PDF viennent du\n"+
					"contenu, ou de la variable SOURCE_DATE_EPOCH. Les fichiers de chaque organisation sont gardés\n"+
					"dans un cache : une organisation dont rien n'a changé n'est pas produite à nouveau. Le registre\n"+
					"s'exporte aussi en tableur ODS (modèle de la CNIL), en CSV et en JSON-LD (vocabulaire DPV du W3C).", stderr)
			content := fs.String("content", "content", "`DOSSIER` du contenu")
			out := fs.String("out", "public", "`DOSSIER` de sortie, remplacé par le nouveau site")
			var orgs []string
			fs.Func("org", "ne produire que l'organisation `ID` (option répétable, ou liste séparée par des virgules)", func(s string) error {
				orgs = append(orgs, strings.Split(s, ",")...)
				return nil
			})
			formats := fs.String("format", formatList(), "`FORMATS` à produire, séparés par des virgules")
			strict := fs.Bool("strict", false, "refuser de produire le site s'il reste des avertissements (publication)")
			cacheDir := fs.String("cache", "", "`DOSSIER` du cache (par défaut .rgpdoc-cache à côté du dossier de sortie)")
			noCache := fs.Bool("no-cache", false, "produire toutes les organisations, sans lire ni écrire le cache")
			if _, code, stop := fs.parse(args, 0); stop {
				return code
			}
			opts := build.Options{Orgs: orgs}
			for _, f := range strings.Split(*formats, ",") {
				if !slices.Contains(build.Formats, build.Format(f)) {
					fmt.Fprintf(stderr, "rgpdoc build : format « %s » inconnu (formats : %s)\n", f, strings.ReplaceAll(formatList(), ",", ", "))
					return exitUsage
				}
				opts.Formats = append(opts.Formats, build.Format(f))
			}
			epoch, err := sourceDateEpoch()
			if err != nil {
				fmt.Fprintf(stderr, "rgpdoc build : %v\n", err)
				return exitUsage
			}
			opts.Epoch, opts.Strict = epoch, *strict

			if !*noCache && *cacheDir == "" {
				// Beside the output: on the same file system, so that the
				// site links its files instead of copying them, and kept
				// or cleaned with it (a CI cache names the project's folders).
				*cacheDir = filepath.Join(filepath.Dir(filepath.Clean(*out)), ".rgpdoc-cache")
			}
			folders := build.Folders{Content: *content, Out: *out}
			if !*noCache {
				folders.Cache = *cacheDir
			}
			// Before anything is read or written.
			if err := folders.Check(); err != nil {
				fmt.Fprintf(stderr, "rgpdoc build : %v\n", err)
				return exitUsage
			}

			streamGC(opts.Writes(build.PDF))
			build.Prepare(opts)
			site, err := load.Open(*content)
			if err != nil {
				fmt.Fprintf(stderr, "rgpdoc build : %v\n", err)
				return exitUsage
			}
			var cache *build.Cache
			if !*noCache {
				if cache, err = build.OpenCache(*cacheDir); err != nil {
					fmt.Fprintf(stderr, "rgpdoc build : %v\n", err)
					return exitUsage
				}
			}
			// Write checks each organization before rendering it, and
			// leaves the output untouched when the findings fail the run.
			findings, files, err := build.Write(ctx, site, opts, *out, cache)
			switch {
			case ctx.Err() != nil:
				fmt.Fprintf(stderr, "rgpdoc build : interrompu ; %s reste inchangé.\n", *out)
				return exitInterrupted
			case findings.Fails(*strict):
				findings.WriteReport(stderr, "text", site.FileCount())
				fmt.Fprintf(stderr, "rgpdoc build : site non produit ; %s reste inchangé.\n", *out)
				return exitFindings
			case err != nil:
				fmt.Fprintf(stderr, "rgpdoc build : %v\nrgpdoc build : %s reste inchangé.\n", err, *out)
				return exitUsage
			}
			if _, w := findings.Count(); w > 0 {
				fmt.Fprintf(stderr, "%d avertissement(s) : les documents concernés portent le bandeau « Projet — à compléter » (détail : rgpdoc check).\n", w)
			}
			reused := ""
			if cache != nil {
				if len(orgs) == 0 {
					// Only a build of every organization knows which entries are stale.
					if err := cache.Prune(); err != nil {
						fmt.Fprintf(stderr, "rgpdoc build : cache : %v\n", err)
					}
				}
				if n := cache.Hits(); n > 0 {
					reused = fmt.Sprintf(" (%d organisation(s) reprise(s) du cache %s)", n, *cacheDir)
				}
			}
			fmt.Fprintf(stdout, "Site écrit dans %s : %d fichiers%s.\n", *out, files, reused)
			return exitOK
		},
	}
}

// streamGC tunes the garbage collector for a command that streams the
// organizations (build, check), unless GOGC says otherwise. Their live heap
// is small and flat (a few organizations at a time), while reading and
// rendering allocate much short-lived memory: a heap target of three times
// the live heap rather than two saves a quarter of a full build's CPU
// (collector and page faults), within the memory budget. Without PDFs (one
// holds about 25 MB while it is rendered), nine times saves a seventh of an
// HTML build's time more, and the peak (≈ 100 MB for 1,000 organizations)
// stays within the budget of 150 MB (docs/performance.md).
func streamGC(pdfs bool) {
	switch {
	case os.Getenv("GOGC") != "":
	case pdfs:
		debug.SetGCPercent(200)
	default:
		debug.SetGCPercent(800)
	}
}

// sourceDateEpoch reads SOURCE_DATE_EPOCH (https://reproducible-builds.org).
func sourceDateEpoch() (time.Time, error) {
	s := os.Getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return time.Time{}, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH doit être un nombre de secondes depuis 1970 : « %s »", s)
	}
	return time.Unix(n, 0).UTC(), nil
}

// formatList lists the formats build knows, comma-separated.
func formatList() string {
	var names []string
	for _, f := range build.Formats {
		names = append(names, string(f))
	}
	return strings.Join(names, ",")
}
