package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/rgpdoc/rgpdoc/build"
	"github.com/rgpdoc/rgpdoc/build/diag"
	"github.com/rgpdoc/rgpdoc/build/load"
)

func newCheckCmd() *command {
	return &command{
		name:    "check",
		summary: "vérifie le contenu : syntaxe, schéma, références et règles du RGPD",
		run: func(ctx context.Context, args []string, stdout, stderr io.Writer) int {
			fs := newFlags("check", "[--content DOSSIER] [--org ID…] [--format text|json|github] [--strict]",
				"Vérifie les fichiers de contenu et signale chaque problème sous la forme\n"+
					"fichier:ligne:colonne: gravité: message [règle].\n"+
					"Code de sortie : 0 sans erreur, 1 si des constats font échouer la vérification, 2 en cas d'usage incorrect.", stderr)
			content := fs.String("content", "content", "`DOSSIER` du contenu")
			format := fs.String("format", "text", "`FORMAT` du rapport : text, json ou github")
			var orgs []string
			fs.Func("org", "ne vérifier que l'organisation `ID` (option répétable, ou liste séparée par des virgules)", func(s string) error {
				orgs = append(orgs, strings.Split(s, ",")...)
				return nil
			})
			strict := fs.Bool("strict", false, "échouer aussi sur les avertissements (les écarts acceptés par dérogation ne comptent pas)")
			if _, code, stop := fs.parse(args, 0); stop {
				return code
			}
			if !slices.Contains(diag.Formats, *format) {
				fmt.Fprintf(stderr, "rgpdoc check : format « %s » inconnu (formats : %s)\n", *format, strings.Join(diag.Formats, ", "))
				return exitUsage
			}
			streamGC(false)
			return interruptible(ctx, stderr, "check", func() int {
				return checkContent(*content, orgs, *format, *strict, stdout, stderr)
			})
		},
	}
}

// checkContent reads and checks the content folder, and writes the report.
func checkContent(content string, orgs []string, format string, strict bool, stdout, stderr io.Writer) int {
	site, err := load.Open(content)
	if err != nil {
		fmt.Fprintf(stderr, "rgpdoc check : %v\n", err)
		return exitUsage
	}
	findings, err := build.Check(site, orgs...)
	if err != nil {
		fmt.Fprintf(stderr, "rgpdoc check : %v\n", err)
		return exitUsage
	}
	if err := findings.WriteReport(stdout, format, site.FileCount()); err != nil {
		fmt.Fprintf(stderr, "rgpdoc check : %v\n", err)
		return exitUsage
	}
	if findings.Fails(strict) {
		return exitFindings
	}
	return exitOK
}
