package doc

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rgpdoc/rgpdoc/build/typo"
	"github.com/rgpdoc/rgpdoc/schema"
)

// Published returns the kinds of document the organization publishes: those
// whose key is present under documents.
func Published(c *schema.Contenu) []Kind {
	var out []Kind
	for _, k := range Kinds {
		if publication(k, c) != nil {
			out = append(out, k)
		}
	}
	return out
}

// publication returns the dates and texts of a kind of document, or nil
// when the organization does not publish it.
func publication(k Kind, c *schema.Contenu) *schema.Publication {
	d := c.Documents
	switch {
	case d == nil:
	case k == Politique && d.Politique != nil:
		return d.Politique
	case k == Charte && d.Charte != nil:
		return &d.Charte.Publication
	case k == Registre && d.Registre != nil:
		return d.Registre
	}
	return nil
}

// PublicationOf returns the dates, version and texts of a kind of document,
// or nil when the organization does not publish it.
func PublicationOf(k Kind, c *schema.Contenu) *schema.Publication { return publication(k, c) }

// Build builds one document of the organization id from its merged content.
// A document with gaps is a draft (see AddNotes for the open points it
// cannot show at their place). The caller sets Date when the content gives
// no update date. A kind the organization does not publish is built
// all the same, with the usual title and no dates.
func Build(kind Kind, id string, c *schema.Contenu) *Document {
	pub := publication(kind, c)
	if pub == nil {
		pub = &schema.Publication{}
	}
	if kind == Politique {
		c = publicPart(c)
	}
	b := newBuilder(c)
	d := &Document{Kind: kind, Org: b.orgInfo(id), Title: pub.Titre, Version: pub.Version}
	if pub.MiseAJour != "" {
		d.Updated = typo.Date(pub.MiseAJour)
		if t, err := time.Parse(time.DateOnly, pub.MiseAJour); err == nil {
			d.Date = t
		}
	}
	switch kind {
	case Politique:
		b.politique(d, pub)
	case Charte:
		b.charte(d, pub)
	case Registre:
		b.registre(d, pub)
	}
	if pub.MiseAJour == "" {
		// The date is a fact the law asks for: its absence shows.
		d.Preamble = append([]Block{para("Date de mise à jour : ", gap(pub.ACompleter, "mise_a_jour", "date de mise à jour"))}, d.Preamble...)
	}
	if v := verifyPara(pub.AVerifier); v != nil {
		d.Preamble = append(d.Preamble, v)
	}
	for _, s := range pub.Sections {
		insertAfter(d, s.Apres, &Section{ID: freeAnchor(d, slug(s.Titre)), Title: s.Titre, Blocks: markdown(s.Texte)})
	}
	finish(d)
	d.heading()
	d.setDraft(gapPoints(d))
	return d
}

// Anchors returns the anchors of the generated sections of a kind of
// document, to which free sections refer with apres. Besides these, each
// element has its own: donnees-<personne> in the politique,
// traitement-<traitement> in the charte, fiche-<traitement> in the registre
// (see SubjectAnchor, ProcessingAnchor, SheetAnchor).
func Anchors(kind Kind) []string {
	switch kind {
	case Politique:
		return []string{"objet", "responsable", "donnees", "conservation", "destinataires", "transferts",
			"securite", "droits", "exercice", "reclamation", "dpo", "modifications"}
	case Charte:
		return []string{"preambule", "traitements", "destinataires", "conservation", "transferts", "securite",
			"sous-traitants-ulterieurs", "engagements", "dpo", "attentes", "modifications"}
	case Registre:
		return []string{"acteurs", "responsable", "sous-traitant", "historique"}
	}
	return nil
}

// SubjectAnchor is the anchor of the politique's section on a category of
// data subjects.
func SubjectAnchor(personne string) string { return "donnees-" + personne }

// ProcessingAnchor is the anchor of the charte's section on a processing
// carried out for clients.
func ProcessingAnchor(traitement string) string { return "traitement-" + traitement }

// SheetAnchor is the anchor of a register sheet.
func SheetAnchor(traitement string) string { return "fiche-" + traitement }

// freeAnchor returns an anchor for a free section that no section of the
// document has yet: the generated sections keep theirs, which free
// sections and links rely on.
func freeAnchor(d *Document, base string) string {
	used := map[string]bool{}
	var walk func([]*Section)
	walk = func(list []*Section) {
		for _, s := range list {
			used[s.ID] = true
			walk(s.Sections)
		}
	}
	walk(d.Sections)
	if base == "" {
		base = "section"
	}
	id := base
	for n := 2; used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	return id
}

// insertAfter inserts s after the section whose anchor is after, as its
// sibling, or at the end of the document when there is none.
func insertAfter(d *Document, after string, s *Section) {
	var walk func(list *[]*Section) bool
	walk = func(list *[]*Section) bool {
		for i, sec := range *list {
			if sec.ID == after {
				*list = slices.Insert(*list, i+1, s)
				return true
			}
			if walk(&sec.Sections) {
				return true
			}
		}
		return false
	}
	if after == "" || !walk(&d.Sections) {
		d.Sections = append(d.Sections, s)
	}
}

// finish numbers the sections in one pass, so that no number can be given
// twice, makes their anchors unique, drops empty blocks, and applies the
// French typography to every text: the one pass all formats share.
func finish(d *Document) {
	used := map[string]bool{}
	var number func(prefix string, list []*Section)
	number = func(prefix string, list []*Section) {
		for i, s := range list {
			if !d.Brief {
				s.Number = prefix + strconv.Itoa(i+1)
			}
			base := s.ID
			if base == "" {
				base = "section"
			}
			// A repeated anchor takes the next free suffix, so that links to
			// the first one keep their target.
			s.ID = base
			for n := 2; used[s.ID]; n++ {
				s.ID = base + "-" + strconv.Itoa(n)
			}
			used[s.ID] = true
			s.Title = oneLine(s.Title)
			// A part with nothing to say (no traitement, no role) is a nil
			// block, which no renderer knows.
			s.Blocks = blocks(s.Blocks...)
			d.size += typeset(s.Blocks)
			number(s.Number+".", s.Sections)
		}
	}
	number("", d.Sections)
	d.Title = oneLine(d.Title)
	d.Subject = oneLine(d.Subject)
	d.Preamble = blocks(d.Preamble...)
	d.size += typeset(d.Preamble)
}

// oneLine typesets a text that holds on one line (a title, a caption): a
// line break from the content would end a heading or a table row.
func oneLine(s string) string { return typo.Text(flat(s)) }

// typeset applies the typography to the text of blocks, and returns the
// length of the text of their paragraphs (Document.Size).
func typeset(blocks []Block) (size int) {
	for _, b := range blocks {
		switch b := b.(type) {
		case *Paragraph:
			b.Text = b.Text.typeset()
			for _, s := range b.Text {
				size += len(s.Text)
			}
		case *List:
			for _, item := range b.Items {
				size += typeset(item)
			}
		case *Table:
			b.Caption = oneLine(b.Caption)
			for i, h := range b.Header {
				b.Header[i] = oneLine(h)
			}
			for _, row := range b.Rows {
				for _, cell := range row {
					size += typeset(cell)
				}
			}
		case *Definitions:
			for i := range b.Items {
				b.Items[i].Term = b.Items[i].Term.typeset()
				size += typeset(b.Items[i].Body)
			}
		case *Note:
			size += typeset(b.Blocks)
		}
	}
	return size
}

// typeset merges the spans of the same style and applies the typography to
// their text, each span continuing the text of the one before it. Code and
// addresses shown as their own link text are left as they are.
func (in Inline) typeset() Inline {
	out := make(Inline, 0, len(in))
	// run is the text of the last span of out while spans are merged into
	// it: a chain of concatenations would copy it once per span.
	var run strings.Builder
	merging := false
	for _, s := range in {
		// A span is inline: a line break in it, from a field of the
		// content, would end a heading, a list item or a table row.
		s.Text = flat(s.Text)
		if s.Text == "" {
			continue
		}
		if n := len(out); n > 0 && !s.Gap && sameStyle(out[n-1], s) {
			if !merging {
				run.Reset()
				run.WriteString(out[n-1].Text)
				merging = true
			}
			run.WriteString(s.Text)
			continue
		}
		if merging {
			out[len(out)-1].Text, merging = run.String(), false
		}
		out = append(out, s)
	}
	if merging {
		out[len(out)-1].Text = run.String()
	}
	prev := rune(0)
	for i, s := range out {
		if !s.Code && s.Link != s.Text && strings.TrimPrefix(s.Link, "mailto:") != s.Text {
			out[i].Text = typo.After(prev, s.Text)
		}
		prev = lastRune(out[i].Text)
	}
	return out
}

func sameStyle(a, b Span) bool {
	a.Text, b.Text = "", ""
	return a == b
}

// OrgInfo returns what the renderers need to know of the organization id.
func OrgInfo(id string, c *schema.Contenu) Org { return newBuilder(c).orgInfo(id) }
