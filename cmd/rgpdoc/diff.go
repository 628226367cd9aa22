package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/rgpdoc/rgpdoc/build/diff"
	"github.com/rgpdoc/rgpdoc/build/load"
)

func newDiffCmd() *command {
	return &command{
		name:    "diff",
		summary: "liste les modifications du contenu entre deux versions, substantielles ou non",
		run: func(ctx context.Context, args []string, stdout, stderr io.Writer) int {
			fs := newFlags("diff", "--from A [--to B] [--content DOSSIER] [--org ID…] [--format text|json|md]",
				"Compare le contenu A (avant) au contenu B (après) : chacun est un dossier de contenu ou une\n"+
					"révision git du dépôt (HEAD~1, main, un commit…). B est par défaut le contenu actuel.\n"+
					"Chaque modification est rangée par organisation et par document, et dite substantielle\n"+
					"(à porter à la connaissance des personnes avant qu'elle ne s'applique) ou non.\n"+
					"Code de sortie : 0 rapport produit, 1 si un des contenus comporte des erreurs,\n"+
					"2 en cas d'usage incorrect, de dossier illisible ou de révision inconnue.", stderr)
			from := fs.String("from", "", "contenu `A`, avant : dossier ou révision git")
			to := fs.String("to", "", "contenu `B`, après : dossier ou révision git (par défaut : --content)")
			content := fs.String("content", "content", "`DOSSIER` du contenu actuel, dont les révisions git sont lues")
			format := fs.String("format", "text", "`FORMAT` du rapport : text, json ou md")
			var orgs []string
			fs.Func("org", "ne comparer que l'organisation `ID` (option répétable, ou liste séparée par des virgules)", func(s string) error {
				orgs = append(orgs, strings.Split(s, ",")...)
				return nil
			})
			if _, code, stop := fs.parse(args, 0); stop {
				return code
			}
			fail := func(err error) int {
				fmt.Fprintf(stderr, "rgpdoc diff : %v\n", err)
				return exitUsage
			}
			switch {
			case *from == "":
				fmt.Fprint(stderr, "rgpdoc diff : indiquez le contenu de départ avec --from (dossier ou révision git)\n\n")
				fs.usage()
				return exitUsage
			case !slices.Contains(diff.Formats, *format):
				return fail(fmt.Errorf("format « %s » inconnu (formats : %s)", *format, strings.Join(diff.Formats, ", ")))
			}
			if *to == "" {
				*to = *content
			}
			tmp, err := os.MkdirTemp("", "rgpdoc-diff-")
			if err != nil {
				return fail(err)
			}
			defer os.RemoveAll(tmp)
			var sites [2]*load.Site
			var shown func(string) string
			for i, spec := range []string{*from, *to} {
				dir, display := spec, spec
				if info, err := os.Stat(spec); err != nil || !info.IsDir() {
					// Not a folder: a revision of the repository of the content.
					dir, display = fmt.Sprintf("%s/%d", tmp, i), *content
					if err := diff.Extract(ctx, *content, spec, dir); err != nil {
						return fail(err)
					}
				}
				if sites[i], err = load.Load(dir); err != nil {
					return fail(err)
				}
				if errs := diff.Errors(sites[i]); len(errs) > 0 {
					fmt.Fprintf(stderr, "rgpdoc diff : le contenu « %s » comporte des erreurs ; corrigez-les (rgpdoc check) avant de comparer :\n", spec)
					for _, f := range errs {
						fmt.Fprintln(stderr, strings.Replace(f.String(), dir, display, 1))
					}
					return exitFindings
				}
				shown = diff.Shown(dir, display)
			}
			for _, id := range orgs {
				if !slices.ContainsFunc(append(slices.Clone(sites[0].Orgs), sites[1].Orgs...), func(o *load.Org) bool { return o.ID == id }) {
					return fail(fmt.Errorf("organisation « %s » inconnue des deux contenus", id))
				}
			}
			date, err := sourceDateEpoch()
			if err != nil {
				return fail(err)
			}
			day := "" // the drafted history entry's date: never the clock
			if !date.IsZero() {
				day = date.Format(time.DateOnly)
			}
			report := diff.Compare(sites[0], sites[1], orgs, shown)
			if err := report.Write(stdout, *format, day); err != nil {
				return fail(err)
			}
			return exitOK
		},
	}
}
