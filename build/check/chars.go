package check

import (
	"fmt"
	"slices"
	"unicode"

	"github.com/rgpdoc/rgpdoc/build/doc"
	"github.com/rgpdoc/rgpdoc/build/load"
)

// checkCaracteres reports the characters that could break a document or
// hide what it says: control characters (a line break is allowed in free
// text only, where Markdown reads it), and the bidirectional controls that
// reorder what a reader sees (U+202A–U+202E, U+2066–U+2069, the marks).
// A name, a label or a title holds on one line: a line break there would
// split a heading or a table row of the documents.
func checkCaracteres(r *run) {
	heavy := r.heavyMarkup()
	// The notes show in the documents too: their characters are checked.
	for i, t := range slices.Concat(r.texts, r.notes) {
		if i < len(r.texts) && t.prose && heavy[t.file] && doc.Markup(t.s) > 0 {
			r.report(t.file.Pos(t.ptr()), "les textes libres de ce fichier portent trop de balisage Markdown ([ ` * _ < !) pour être lus sans risque : "+
				"ils seraient publiés comme simple texte ; allégez-les")
			heavy[t.file] = false // once per file
		}
		prose := t.prose || i >= len(r.texts) // a note may span lines
		for _, c := range t.s {
			var why string
			switch {
			case ' ' <= c && c < 0x7f: // printable ASCII, most of any text
				continue
			case unicode.Is(unicode.Bidi_Control, c):
				why = fmt.Sprintf("caractère de contrôle bidirectionnel U+%04X : il change l'ordre d'affichage du texte, qui ne se lirait plus comme il est écrit ; retirez-le", c)
			case c == '\n' && !prose:
				why = fmt.Sprintf("saut de ligne dans « %s », qui tient sur une ligne : écrivez la valeur sur une seule ligne (sans « | » ni « > » en YAML)", t.key)
			case unicode.IsControl(c) && !(prose && (c == '\n' || c == '\t' || c == '\r')):
				why = fmt.Sprintf("caractère de contrôle U+%04X, invisible : retirez-le", c)
			default:
				continue
			}
			r.report(t.file.Pos(t.ptr()), "%s", why)
			break
		}
	}
}

// heavyMarkup returns the files whose free texts are over doc.MaxMarkup
// together: check does not parse them, and build does not render them.
func (m *model) heavyMarkup() map[*load.File]bool {
	sum := map[*load.File]int{}
	for _, t := range m.texts {
		if t.prose {
			sum[t.file] += doc.Markup(t.s)
		}
	}
	out := map[*load.File]bool{}
	for f, n := range sum {
		out[f] = n > doc.MaxMarkup
	}
	return out
}
