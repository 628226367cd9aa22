// Package doc is the format-neutral form of the documents. The politique, the
// charte and the registre are each built once from the model into a Document;
// the HTML, Markdown and PDF renderers walk that same tree, so the three
// formats carry the same facts, the same section numbers and the same
// French typography (applied here, once, to every text).
package doc

import (
	"slices"
	"strings"
	"time"
)

// Kind is a kind of document; its value is the file name of the document in
// the output (public/<org>/<kind>.html, .md, .pdf), a public URL.
type Kind string

const (
	Politique Kind = "politique-de-confidentialite"
	Charte    Kind = "charte-donnees"
	Registre  Kind = "registre-art30"
	// Essentiel is the first layer of the politique: what matters, read in a minute.
	Essentiel Kind = "essentiel"
	// Mention is the notice under a form of an activity, one per activity,
	// at public/<org>/mentions/<activity>.* (see Document.Base).
	Mention Kind = "mentions"
)

// Kinds lists the kinds an organization declares under documents, in the
// order the site presents them; the essentials and the notices follow the
// politique (see Layers).
var Kinds = []Kind{Politique, Charte, Registre}

// Fragment is the format of a notice's HTML without the page around it, to
// paste into a web page: mentions/<activity>.fragment.html.
const Fragment = "fragment.html"

// Exports are the formats of the register alone: the CNIL model's
// spreadsheet, the list of activities as CSV, the register as linked data.
var Exports = []string{"ods", "csv", "jsonld"}

// Formats returns the formats of a kind of document among those asked for
// (file extensions: html, md, pdf, and the exports), in their order. The
// essentials and the notices are web pages: no PDF; a notice's HTML comes
// with its fragment; only the register has the exports.
func Formats[F ~string](k Kind, asked []F) []F {
	var out []F
	for _, f := range asked {
		noPDF := f == "pdf" && (k == Essentiel || k == Mention)
		if !noPDF && (k == Registre || !slices.Contains(Exports, string(f))) {
			out = append(out, f)
		}
	}
	if k == Mention && slices.Contains(asked, "html") {
		out = append(out, Fragment)
	}
	return out
}

// Document is one document of one organization.
type Document struct {
	Kind Kind
	// Title is the document's title, e.g. "Politique de confidentialité".
	Title string
	// Org describes the organization for headers, footers and theming.
	Org Org
	// Updated is the French update date ("2 janvier 2025"), empty when unknown.
	Updated string
	// Date is the update date, or SOURCE_DATE_EPOCH when the content has none;
	// the PDF's dates come from it, never from the clock.
	Date time.Time
	// Version is the document's version, if any.
	Version string
	// Subject is a one-line summary, used as PDF subject and HTML description.
	Subject string
	// Meta is the line under the title, "Mise à jour le 2 janvier 2025 —
	// version 3", empty when neither is known.
	Meta string
	// Footer is the running footer of the pages: "Intent Technologies —
	// Registre des activités de traitement, mise à jour le 2 janvier 2025".
	Footer string
	// Draft is the banner of a document that is not final, nil otherwise.
	Draft *Draft
	// Landscape asks for landscape pages (the register's wide tables).
	Landscape bool
	// Preamble comes before the table of contents and the first section.
	Preamble []Block
	// Sections are the numbered sections.
	Sections []*Section
	// workbook builds the register laid out for its exports; see Workbook.
	workbook func() *Workbook
	// Activity is the processing activity a notice (Mention) is about.
	Activity string
	// Brief marks a page read in a minute: no table of contents, no
	// section numbers.
	Brief bool
	// size is the length of the text of the preamble and sections; see Size.
	size int
}

// Size is the length in bytes of the document's text: a measure of the work
// of rendering it, that the pipeline schedules by.
func (d *Document) Size() int { return d.size }

// Workbook returns the register laid out for its exports (spreadsheet, CSV,
// linked data), nil for the other documents. It is built on the first call,
// once: a build of the HTML pages only has no use for it.
func (d *Document) Workbook() *Workbook {
	if d.workbook == nil {
		return nil
	}
	return d.workbook()
}

// Base is the document's path in the organization's folder, without the
// extension of its format: its kind, or mentions/<activity> for a notice.
func (d *Document) Base() string {
	if d.Activity != "" {
		return string(d.Kind) + "/" + d.Activity
	}
	return string(d.Kind)
}

// Root leads from the document to its organization's folder: "" or "../".
func (d *Document) Root() string { return strings.Repeat("../", strings.Count(d.Base(), "/")) }

// Draft is the banner of a document with open points: facts still to be
// completed or to be checked, in words about the document.
type Draft struct {
	// Mark is the banner's title, also the PDF's watermark.
	Mark string
	// Lead says what the banner means.
	Lead string
	// Summary counts the points: "3 points à compléter ou à vérifier".
	Summary string
	// Points are the open points, each naming its place in the document and
	// linking to it, in the words the document shows there.
	Points []Inline
}

// Org is what the renderers need to know of the organization.
type Org struct {
	// ID is the organization's folder name and URL segment.
	ID string
	// Name is the name shown in headers ("Intent Technologies").
	Name string
	// Logo is the logo's file name in the organization's output folder, if any.
	Logo string
	// Color is the theme's main colour (#rrggbb), if set.
	Color string
	// Ink is Color darkened, when needed, to keep a contrast of 4.5:1 with
	// white (WCAG AA): the colour of text and links set in the theme colour.
	Ink string
	// Theme is the HTML theme's name.
	Theme string
}

// Section is a numbered section of a document.
type Section struct {
	// ID is the anchor of the section, unique in the document.
	ID string
	// Number is the generated number ("2", "2.1").
	Number string
	// Title is the section's title, without its number.
	Title    string
	Blocks   []Block
	Sections []*Section
}

// Block is a block of content: *Paragraph, *List, *Table, *Definitions or *Note.
type Block interface{ block() }

// Paragraph is a paragraph of text.
type Paragraph struct{ Text Inline }

// List is a bulleted or numbered list; each item is a sequence of blocks.
type List struct {
	Ordered bool
	Items   [][]Block
}

// Table is a table with a header row. Its cells hold paragraphs and lists.
type Table struct {
	// Caption names the table (for accessibility and the PDF).
	Caption string
	Header  []string
	Rows    [][]Cell
	// Widths are the relative widths of the columns (they sum to 1), for PDF.
	Widths []float64
	// Summary is set on a table that sums up facts the document states in
	// full elsewhere (the register's list of its sheets): the draft banner
	// lists their gaps where they are stated, not twice.
	Summary bool
}

// Cell is the content of a table cell.
type Cell []Block

// Definitions is a list of terms and their definitions ("Droit d'accès : …").
type Definitions struct{ Items []Definition }

// Definition is one term and its definition.
type Definition struct {
	Term Inline
	Body []Block
}

// NoteKind tells how a note is presented.
type NoteKind int

const (
	// Important is a highlighted statement the law wants set apart (the right
	// to object, art. 21 § 4).
	Important NoteKind = iota
	// Gap flags a fact still to be completed.
	Gap
)

// Note is a block set apart from the text.
type Note struct {
	Kind   NoteKind
	Blocks []Block
}

func (*Paragraph) block()   {}
func (*List) block()        {}
func (*Table) block()       {}
func (*Definitions) block() {}
func (*Note) block()        {}

// Inline is a run of text spans.
type Inline []Span

// Span is a piece of text with one style.
type Span struct {
	Text string
	// Link is the target URL ("https://…", "mailto:…", or "#anchor" inside the document).
	Link   string
	Strong bool
	Emph   bool
	Code   bool
	// Gap marks a fact still to be completed; Text then says what is missing.
	Gap bool
}
