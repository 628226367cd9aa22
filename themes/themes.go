// Package themes holds the HTML themes, embedded in the binary. The preview
// server (rgpdoc serve --themes) can read a folder laid out like this one
// from disk instead, so that a theme being edited shows on each save (see
// html.ReadThemes). A theme is a folder named after it, holding:
//
//   - html/*.html: html/template files for the layout of the pages. base.html
//     defines the "page" layout (head, header, footer);
//     document.html, site-index.html and org-index.html each define "title",
//     "main" and "footer" for one kind of page. The data of the templates is
//     the page type of build/render/html, and the functions they call
//     (asset, plural, isoDate) are those of that package.
//   - assets/*: files the pages link to (CSS, icons). They are published
//     under public/assets/ with a fingerprint in their name, so a stylesheet
//     must not refer to another asset by URL.
//
// A theme controls the layout and the style of the pages, not the markup of
// what is repeated in them: build/render/html writes, in Go and escaped, the
// document tree (draft banner, preamble, table of contents, sections,
// blocks, spans, tables) and the lists of documents and organizations of the index pages,
// which the templates place as .Body.Draft, .Body.Preamble, .Body.TOC, .Body.Sections,
// .Documents and .Organizations. Writing them with templates cost most of
// the rendering time (docs/performance.md). site-index.html must write
// .Organizations once, in the text of the page: a build writes the page up to
// there, then each organization as it is rendered. The stylesheet styles them by
// the classes that build/render/html gives them (numero, tableau,
// definitions, note-importante, note-a-completer, a-completer, documents,
// organisation…).
//
// The stylesheet reads the organization's colour from the custom properties
// --couleur and --couleur-encre (see assets/style.css); the HTML renderer
// sets them from a small per-organization stylesheet, since the pages allow
// no inline style.
package themes

import (
	"embed"
	"io/fs"
	"slices"
)

// Default is the theme of an organization that chooses none.
const Default = "default"

//go:embed */html */assets
var files embed.FS

// Names lists the available themes, sorted.
func Names() []string {
	entries, _ := files.ReadDir(".") // the root of an embed.FS always reads
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	return names
}

// FS returns the files of the named theme; ok is false when no theme has
// that name.
func FS(name string) (fsys fs.FS, ok bool) {
	if !slices.Contains(Names(), name) {
		return nil, false
	}
	sub, _ := fs.Sub(files, name) // name is a valid path: it is a directory of files
	return sub, true
}
