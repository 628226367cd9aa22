package main

import (
	"context"
	"io"

	"github.com/rgpdoc/rgpdoc/schema"
)

func newSchemaCmd() *command {
	return &command{
		name:    "schema",
		summary: "affiche le schéma JSON des fichiers de contenu",
		run: func(ctx context.Context, args []string, stdout, stderr io.Writer) int {
			fs := newFlags("schema", "", "Affiche le schéma JSON (draft 2020-12) qui décrit les fichiers de contenu.", stderr)
			if _, code, stop := fs.parse(args, 0); stop {
				return code
			}
			stdout.Write(schema.JSON)
			return exitOK
		},
	}
}
