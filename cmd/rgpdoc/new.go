package main

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/template"

	"github.com/rgpdoc/rgpdoc/build/load"
	"github.com/rgpdoc/rgpdoc/content"
)

// starter holds the files of a new organization, templates over its name.
//
//go:embed starter/*.yaml
var starter embed.FS

func newNewCmd() *command {
	return &command{
		name:    "new",
		summary: "crée le dossier d'une nouvelle organisation, commenté, à compléter",
		run: func(ctx context.Context, args []string, stdout, stderr io.Writer) int {
			fs := newFlags("new", "[--content DOSSIER] [--nom \"Raison sociale\"] <organisation>",
				"Crée content/<organisation>/ avec des fichiers commentés qui passent rgpdoc check,\n"+
					"avec un avertissement pour chaque fait encore à compléter. Crée aussi les valeurs\n"+
					"par défaut partagées (content/_defaults/) si elles manquent.", stderr)
			dir := fs.String("content", "content", "`DOSSIER` du contenu")
			name := fs.String("nom", "", "`RAISON` sociale (par défaut : tirée de l'identifiant)")
			pos, code, stop := fs.parse(args, 1)
			if stop {
				return code
			}
			if len(pos) != 1 || !load.ValidID(pos[0]) {
				fmt.Fprintln(stderr, "rgpdoc new : indiquez un identifiant d'organisation (minuscules, chiffres, « - » et « _ »), par exemple : rgpdoc new acme")
				return exitUsage
			}
			id := pos[0]
			if *name == "" {
				*name = titleFromID(id)
			}
			written, err := writeStarter(*dir, id, *name)
			if err != nil {
				fmt.Fprintf(stderr, "rgpdoc new : %v\n", err)
				return exitUsage
			}
			for _, p := range written {
				fmt.Fprintln(stdout, "créé :", p)
			}
			fmt.Fprintf(stdout, "\nComplétez les faits signalés par : rgpdoc check --content %s\n", *dir)
			return exitOK
		},
	}
}

// writeStarter writes the starter organization, and the shared defaults when
// the content folder has none. It refuses to touch an existing organization.
func writeStarter(dir, id, name string) ([]string, error) {
	orgDir := filepath.Join(dir, id)
	if _, err := os.Stat(orgDir); err == nil {
		return nil, fmt.Errorf("le dossier %s existe déjà", orgDir)
	}
	var written []string
	defaultsDir := filepath.Join(dir, load.DefaultsDir)
	if _, err := os.Stat(defaultsDir); errors.Is(err, os.ErrNotExist) {
		files, err := copyFS(content.Defaults, load.DefaultsDir, defaultsDir, nil)
		if err != nil {
			return nil, err
		}
		written = append(written, files...)
	}
	// The names are YAML plain scalars in the templates: quote them.
	data := map[string]string{"Name": fmt.Sprintf("%q", name)}
	files, err := copyFS(starter, "starter", orgDir, data)
	return append(written, files...), err
}

// copyFS copies the files of folder from of fsys into dir, executing them as
// templates over data when data is not nil.
func copyFS(fsys fs.FS, from, dir string, data any) ([]string, error) {
	entries, err := fs.ReadDir(fsys, from)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var written []string
	for _, e := range entries {
		b, err := fs.ReadFile(fsys, from+"/"+e.Name())
		if err != nil {
			return nil, err
		}
		if data != nil {
			var buf bytes.Buffer
			if err := template.Must(template.New(e.Name()).Parse(string(b))).Execute(&buf, data); err != nil {
				return nil, err
			}
			b = buf.Bytes()
		}
		path := filepath.Join(dir, e.Name())
		if err := os.WriteFile(path, b, 0o644); err != nil {
			return nil, err
		}
		written = append(written, path)
	}
	return written, nil
}

// titleFromID turns "mon-organisation" into "Mon organisation".
func titleFromID(id string) string {
	s := strings.NewReplacer("-", " ", "_", " ").Replace(id)
	return strings.ToUpper(s[:1]) + s[1:]
}
