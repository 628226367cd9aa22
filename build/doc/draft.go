package doc

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rgpdoc/rgpdoc/build/typo"
)

// The wording of the draft banner, the same in the three formats.
const (
	draftMark = "Projet — à compléter"
	draftLead = "Ce document n'est pas définitif : les points suivants restent à compléter ou à vérifier. Il ne doit pas être publié en l'état."
)

// heading writes the line under the title and the running footer from the
// document's dates, title and organization.
func (d *Document) heading() {
	switch {
	case d.Updated != "" && d.Version != "":
		d.Meta = "Mise à jour le " + d.Updated + " — version " + d.Version
	case d.Updated != "":
		d.Meta = "Mise à jour le " + d.Updated
	case d.Version != "":
		d.Meta = "Version " + d.Version
	}
	d.Footer = d.Title
	if d.Org.Name != "" {
		d.Footer = d.Org.Name + " — " + d.Title
	}
	if d.Updated != "" {
		d.Footer += ", mise à jour le " + d.Updated
	}
	d.Meta, d.Footer = typo.Text(d.Meta), typo.Text(d.Footer)
}

// AddNotes adds to the draft banner open points that no place of the
// document shows: the checker's findings on the organization, each a
// sentence about the documents (diag.Finding.Document). A document with
// notes is a draft.
func (d *Document) AddNotes(notes ...string) {
	var points []Inline
	if d.Draft != nil {
		points = d.Draft.Points
	}
	for _, n := range notes {
		points = append(points, Inline{{Text: typo.Text(n)}})
	}
	d.setDraft(points)
}

// setDraft makes the document a draft when it has open points.
func (d *Document) setDraft(points []Inline) {
	if len(points) == 0 {
		d.Draft = nil
		return
	}
	summary := strconv.Itoa(len(points)) + " point à compléter ou à vérifier"
	if len(points) > 1 {
		summary = strconv.Itoa(len(points)) + " points à compléter ou à vérifier"
	}
	d.Draft = &Draft{Mark: typo.Text(draftMark), Lead: typo.Text(draftLead), Summary: summary, Points: points}
}

// gapPoints lists the gaps of the document as the banner shows them: each
// gap once, in the words the document shows at its place, after the table
// row or definition it sits in, followed by the sections where it shows,
// linked.
func gapPoints(d *Document) []Inline {
	type point struct {
		context string
		// rows are the table rows where the gap shows, one point for all.
		rows   []string
		gap    Span
		places Inline
	}
	var points []*point
	collect := func(section Span, bs []Block) {
		gapsIn(bs, place{}, func(g Span, context []string, row string) {
			c := strings.Join(context, ", ")
			i := slices.IndexFunc(points, func(p *point) bool { return p.context == c && p.gap.Text == g.Text })
			if i < 0 {
				points = append(points, &point{context: c, gap: g})
				i = len(points) - 1
			}
			p := points[i]
			if row != "" && !slices.Contains(p.rows, row) {
				p.rows = append(p.rows, row)
			}
			if !slices.Contains(p.places, section) {
				p.places = append(p.places, section)
			}
		})
	}
	collect(Span{Text: "début du document"}, d.Preamble)
	var walk func([]*Section)
	walk = func(list []*Section) {
		for _, s := range list {
			name := s.Number
			if name == "" { // a brief document's sections have no number
				name = "«\u00a0" + s.Title + "\u00a0»"
			}
			collect(Span{Text: name, Link: "#" + s.ID}, s.Blocks)
			walk(s.Sections)
		}
	}
	walk(d.Sections)
	var out []Inline
	for _, p := range points {
		var in Inline
		context := p.context
		// « À vérifier : » before a gap that says it already.
		if strings.HasPrefix(strings.ToLower(p.gap.Text), strings.ToLower(context)) {
			context = ""
		}
		if len(p.rows) > 0 {
			context += " (" + strings.Join(p.rows, " ; ") + ")"
		}
		if context != "" {
			in = append(in, Span{Text: strings.TrimPrefix(context, " ") + "\u00a0: "})
		}
		in = append(in, p.gap, Span{Text: " ("})
		if p.places[0].Link != "" {
			in = append(in, Span{Text: "section "})
			if len(p.places) > 1 {
				in[len(in)-1].Text = "sections "
			}
		}
		for i, pl := range p.places {
			switch {
			case i == 0:
			case i == len(p.places)-1:
				in = append(in, Span{Text: " et "})
			default:
				in = append(in, Span{Text: ", "})
			}
			in = append(in, pl)
		}
		out = append(out, append(in, Span{Text: ")."}))
	}
	return out
}

// place is where a gap sits: the captions and row heads of the tables, the
// terms of the definitions around it.
type place struct {
	names []string
	// row names the table row the gap is in.
	row string
	// defined is set inside a definition, whose term names the gap's place
	// better than the words that lead to it.
	defined bool
}

func (p place) with(name string, defined bool) place {
	return place{append(p.names[:len(p.names):len(p.names)], name), p.row, defined}
}

// gapsIn calls f with each gap of blocks, the names of its place and its
// table row.
func gapsIn(bs []Block, at place, f func(g Span, names []string, row string)) {
	// Outside definitions, a gap that a few words lead to ("Hébergeurs :
	// …", "3 ans") has them as a name too.
	spans := func(in Inline) {
		lead := ""
		for _, s := range in {
			if !s.Gap {
				// Without the gaps between them, the words around them join
				// with no space before a comma and one comma for several
				// (« 3 mois maximum, sauf… », « Marketing Lab, dont… »).
				text := s.Text
				if strings.HasPrefix(text, ",") || strings.HasPrefix(text, ";") {
					lead = strings.TrimRight(lead, " \u00a0")
					if strings.HasSuffix(lead, ",") || strings.HasSuffix(lead, ";") {
						text = " " + strings.TrimLeft(text, ",; \u00a0")
					}
				}
				lead += text
				continue
			}
			names := at.names
			// The words after an earlier gap of the same sentence start
			// with the end of its text (« [nom] . Service… »): not a name.
			l := strings.TrimLeft(strings.TrimRight(lead, " \u00a0:;,—(."), " \u00a0.:;,—)")
			if !at.defined && l != "" && utf8.RuneCountInString(l) <= 50 {
				names = at.with(l, false).names
			}
			f(s, names, at.row)
		}
	}
	for _, b := range bs {
		switch b := b.(type) {
		case *Paragraph:
			spans(b.Text)
		case *List:
			for _, item := range b.Items {
				gapsIn(item, at, f)
			}
		case *Table:
			if b.Summary {
				continue
			}
			for _, row := range b.Rows {
				for i, c := range row {
					in := at.with(b.Caption, false)
					in.row = ""
					if i > 0 {
						in.row = short(row[0])
					}
					gapsIn(c, in, f)
				}
			}
		case *Definitions:
			for _, item := range b.Items {
				spans(item.Term)
				gapsIn(item.Body, at.with(item.Term.String(), true), f)
			}
		case *Note:
			gapsIn(b.Blocks, at, f)
		}
	}
}

// short is the text that names a table row, from its first cell: the text
// set in bold, or the first paragraph, shortened.
func short(c Cell) string {
	if len(c) == 0 {
		return ""
	}
	p, ok := c[0].(*Paragraph)
	if !ok {
		return ""
	}
	for _, s := range p.Text {
		if s.Strong && !s.Gap {
			return s.Text
		}
	}
	return shorten(p.Text.String())
}

// shorten cuts a text to about 60 characters, at a space.
func shorten(text string) string {
	if utf8.RuneCountInString(text) <= 60 {
		return text
	}
	cut := string([]rune(text)[:60])
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " \u00a0,;:") + "…"
}
