package serve

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"strings"

	"github.com/rgpdoc/rgpdoc/build/diag"
	"github.com/rgpdoc/rgpdoc/build/load"
)

// static holds the files of the server itself: live.js and overlay.css,
// served under /_rgpdoc/, and the templates of the overlay and of the
// server's own pages.
//
//go:embed static
var static embed.FS

var templates = template.Must(template.ParseFS(static, "static/*.html"))

// problem is an error of a failed build, as the overlay shows it. A problem
// without a file (an unreadable folder, a broken theme) has only a message.
type problem struct {
	diag.Finding
	// Excerpt is the lines around the error's line.
	Excerpt []excerptLine
}

type excerptLine struct {
	// Num is the line number, padded to the width of the largest one; blank
	// under the error's line, where a caret marks the column.
	Num  string
	Text string
	// Here marks the error's line.
	Here bool
}

const (
	// around is how many lines an excerpt shows before and after the error's.
	around = 2
	// shown is how many problems the overlay lists.
	shown = 20
)

// newProblem returns the problem of a finding, with an excerpt of its file.
func newProblem(site *load.Site, f diag.Finding) problem {
	p := problem{Finding: f}
	file := site.File(f.File)
	if file == nil || f.Line == 0 {
		return p
	}
	lines := strings.Split(strings.TrimPrefix(string(file.Src), "\ufeff"), "\n")
	if f.Line > len(lines) {
		return p
	}
	first, last := max(1, f.Line-around), min(len(lines), f.Line+around)
	width := len(fmt.Sprint(last))
	for n := first; n <= last; n++ {
		text := strings.TrimSuffix(lines[n-1], "\r")
		p.Excerpt = append(p.Excerpt, excerptLine{Num: fmt.Sprintf("%*d", width, n), Text: text, Here: n == f.Line})
		if n == f.Line && f.Col > 0 {
			p.Excerpt = append(p.Excerpt, excerptLine{Num: strings.Repeat(" ", width), Text: caret(text, f.Col)})
		}
	}
	return p
}

// caret returns a line with "^" under column col (in characters) of text,
// keeping its tabs so that the caret lines up.
func caret(text string, col int) string {
	var b strings.Builder
	for _, r := range text {
		if col <= 1 {
			break
		}
		if r == '\t' {
			b.WriteRune('\t')
		} else {
			b.WriteByte(' ')
		}
		col--
	}
	b.WriteString(strings.Repeat(" ", col-1))
	b.WriteByte('^')
	return b.String()
}

// overlay renders the list of problems shown over the pages; good tells
// whether a good build lies under it.
func overlay(problems []problem, good bool) []byte {
	data := struct {
		Title, Advice string
		Problems      []problem
		More          int
	}{
		Title:    plural(len(problems), "erreur empêche", "erreurs empêchent") + " de construire le site",
		Advice:   "Aucune version valide du site n’est encore disponible.",
		Problems: problems[:min(len(problems), shown)],
		More:     max(0, len(problems)-shown),
	}
	if good {
		data.Advice = "La page en dessous est la dernière version valide."
	}
	data.Advice += " Corrigez le fichier\u00a0: la page se mettra à jour d’elle-même."
	return execute("overlay.html", data)
}

// Pages of the server itself.
var (
	notFoundPage = page("Page introuvable", "Aucune page du site n’a cette adresse.", true)
	buildingPage = page("Construction du site en cours", "La page s’affichera d’elle-même dès que le site sera construit.", false)
	brokenPage   = page("Aucune version valide du site", "Le contenu a des erreurs.", false)
)

func page(title, text string, home bool) []byte {
	return execute("page.html", struct {
		Title, Text string
		Home        bool
	}{title, text, home})
}

func execute(name string, data any) []byte {
	var b bytes.Buffer
	if err := templates.ExecuteTemplate(&b, name, data); err != nil {
		// The templates and their data are fixed: tests execute them all.
		panic(err)
	}
	return b.Bytes()
}
