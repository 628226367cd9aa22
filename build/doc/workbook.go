package doc

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/rgpdoc/rgpdoc/schema"
)

// Workbook is the register laid out as the CNIL's model spreadsheet
// (registre-traitement-simplifie.ods): a « Liste des traitements » sheet
// with the organization's contacts, one sheet per activity of article 30,
// § 1, with the model's headings, and a sheet for the processor part
// (§ 2). Its cells hold the same facts and wording as the document; the
// spreadsheet and CSV exports only lay them out.
type Workbook struct {
	Sheets []*Sheet
	// List is the list of every activity, both parts; the CSV export.
	List *Table
	// Activities are the activities the register describes, in the order
	// of List, with the facts the linked-data export maps to its vocabulary.
	Activities []*Activity
	// Organisation is the organization keeping the register.
	Organisation *schema.Organisation
}

// Sheet is one sheet of the workbook: a title, then tables one under the
// other.
type Sheet struct {
	// Name is the sheet's tab name: unique, at most 31 characters, without
	// the characters spreadsheets refuse in a name.
	Name   string
	Title  string
	Tables []*Table
}

// Activity is an activity of the register with the facts it cites,
// resolved (unknown ids left out).
type Activity struct {
	*schema.Traitement
	Personnes     []*schema.Personne
	Donnees       []*schema.Donnee
	Destinataires []*schema.Destinataire
	Transferts    []*schema.Transfert
	Conservation  []*schema.Conservation
	Mesures       []*schema.Mesure
	Clients       []*schema.Client
	// Retention words each retention row as the register does, by id.
	Retention map[string]string
}

// workbook builds the register's workbook.
func (b *builder) workbook(ctrl, proc []*schema.Traitement) *Workbook {
	all := append(append([]*schema.Traitement(nil), ctrl...), proc...)
	w := &Workbook{List: b.activityList(all, false)}
	names := map[string]bool{}
	add := func(name, title string, tables ...*Table) {
		name = sheetName(name, names)
		for _, t := range tables {
			typeset([]Block{t})
		}
		w.Sheets = append(w.Sheets, &Sheet{Name: name, Title: title, Tables: tables})
	}
	add("Liste des traitements", "Registre des activités de traitement de "+b.name()+" (art. 30 du RGPD)",
		b.contactTable(), w.List)
	for i, t := range ctrl {
		ref := t.Reference
		if ref == "" {
			ref = fmt.Sprint(i + 1)
		}
		add(ref+" - "+t.Libelle, "Fiche de registre : "+t.Libelle, b.ficheTables(ctrl, proc, t)...)
	}
	if len(proc) > 0 {
		add("Sous-traitant (art. 30-2)", "Registre des catégories d'activités de traitement effectuées pour le compte de responsables de traitement (art. 30, § 2, du RGPD)",
			b.processorTable(proc))
	}
	for _, t := range all {
		a := &Activity{Traitement: t, Personnes: b.personnes(t), Donnees: b.donnees(t),
			Destinataires: b.destinataires(t), Transferts: b.transferts(t), Conservation: b.conservation(t),
			Mesures: b.mesures(t), Clients: b.clients(t), Retention: map[string]string{}}
		for _, r := range a.Conservation {
			a.Retention[r.ID] = capitalized(line(retention(r), " ; à l'issue : ", ending(r), ".")).typeset().Plain()
		}
		w.Activities = append(w.Activities, a)
	}
	w.Organisation = b.org
	return w
}

// sheetName makes a sheet name spreadsheets accept and that no other sheet
// has: the characters []*?:/\' replaced, at most 31 characters.
func sheetName(name string, used map[string]bool) string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]*?:/\'`, r) {
			return ' '
		}
		return r
	}, name)
	base := truncate(clean, 31)
	out := base
	for n := 2; used[out]; n++ {
		suffix := fmt.Sprintf(" (%d)", n)
		out = truncate(base, 31-len(suffix)) + suffix
	}
	used[out] = true
	return out
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return strings.TrimSpace(string([]rune(s)[:n]))
}

// contactTable is the contacts block of the CNIL's list sheet: the head of
// the organization, its representative and its DPO.
func (b *builder) contactTable() *Table {
	actors := b.actorTable(b.controlled(), b.processed(), nil)
	t := &Table{
		Caption: "Coordonnées",
		Header:  []string{"Coordonnées", "Nom", "Prénom", "Société (si DPO externe)", "Adresse", "Code postal", "Ville", "Pays", "Téléphone", "Adresse mél"},
	}
	labels := []string{"Coordonnées du responsable de l’organisme", "Coordonnées du délégué à la protection des données (DPO)", "Coordonnées du représentant"}
	dash := cell(line("—"))
	for i, row := range actors.Rows {
		// The model asks for a person's first name and the DPO's company:
		// the content names the organization, the DPO and the
		// representative as a whole.
		t.Rows = append(t.Rows, append([]Cell{cell(line(labels[i])), row[1], dash, dash}, row[2:]...))
	}
	return t
}

// ficheTables are the tables of a sheet of article 30, § 1, under the
// headings of the CNIL's model fiche.
func (b *builder) ficheTables(ctrl, proc []*schema.Traitement, t *schema.Traitement) []*Table {
	f := newFacts()
	f.t.Header = []string{"Description du traitement", ""}
	f.add("Nom du traitement", para(t.Libelle))
	f.add("N° / RÉF", para(reference(t)))
	f.add("Date de création du traitement", para(date(t.CreeLe, t.ACompleter, "cree_le")))
	f.add("Mise à jour du traitement", para(date(t.MiseAJour, t.ACompleter, "mise_a_jour")))
	b.ficheRows(f, t)
	if t.Description != "" {
		f.add("Description", markdown(t.Description)...)
	}
	var apps []string
	for _, s := range b.services(t) {
		apps = append(apps, s.Nom)
	}
	f.add("Logiciels ou applications", para(orDash(strings.Join(apps, ", "), nil)))

	actors := b.actorTable(ctrl, proc, []*schema.Traitement{t})
	if b.org.DPO != nil {
		// The DPO's row names the person or the body designated.
		actors.Rows = slices.Insert(actors.Rows, 2, actor("Société du DPO (si celui-ci est externe)", "Voir la ligne du délégué", nil, "", ""))
	}
	if len(t.ResponsablesConjoints) == 0 {
		actors.Rows = append(actors.Rows, actor("Responsable(s) conjoint(s)", "Sans objet", nil, "", ""))
	}

	purposes := &Table{Caption: "Finalités", Header: []string{"Finalité(s) du traitement effectué", "Description", "Base légale", "Justification de la base légale"}}
	none := cell(line("—"))
	purposes.Rows = append(purposes.Rows, []Cell{cell(line(strong("Finalité principale"))), cell(line(t.Libelle)), none, none})
	for i := range t.Finalites {
		p := &t.Finalites[i]
		purposes.Rows = append(purposes.Rows, []Cell{
			cell(line(strong(fmt.Sprintf("Sous-finalité %d", i+1)))),
			cell(line(strong(purposeTerm(t, p)), " : ", markdownInline(sentence(p.Description)))),
			cell(basisLabel(p)), cell(justification(t, p)),
		})
	}

	data := &Table{Caption: "Données", Header: []string{"Catégories de données personnelles concernées", "Description", "Durée de conservation", "Source"}}
	sens := &Table{Caption: "Données sensibles", Header: []string{"Données sensibles", "Description", "Durée de conservation", "Condition ou fondement"}}
	for _, d := range b.donnees(t) {
		what := line(strong(d.Libelle))
		if len(d.Exemples) > 0 {
			what = append(what, line(" : ", joinStrings(", ", d.Exemples))...)
		}
		if s := d.Sensible; s != nil {
			sens.Rows = append(sens.Rows, []Cell{cell(line(label(s.Categorie))), cell(what), b.kept(t, d), cell(condition(d))})
			continue
		}
		data.Rows = append(data.Rows, []Cell{cell(line(label(d.Famille))), cell(what), b.kept(t, d), cell(origin(d))})
	}
	if len(sens.Rows) == 0 {
		// « Aucune » only when the activity says so.
		what := any("Aucune")
		if t.DonneesSensibles != "aucune" {
			what = sensitiveGap(t)
		}
		sens.Rows = append(sens.Rows, []Cell{cell(line(what)), none, none, none})
	}

	people := &Table{Caption: "Personnes", Header: []string{"Catégories de personnes concernées", "Description", "Précisions"}}
	for _, p := range b.personnes(t) {
		more := line(orDash(schema.Label(p.Nature), nil))
		if p.MoinsDe15Ans {
			more = append(more, line(" ; comprend des mineurs de moins de 15 ans")...)
		}
		people.Rows = append(people.Rows, []Cell{cell(line(p.Libelle)), Cell(orDashBlocks(markdown(p.Description))), cell(capitalized(more))})
	}
	people.Rows = append(people.Rows, []Cell{cell(line("Nombre de personnes concernées")), cell(line(headcount(t))), none})

	dest := &Table{Caption: "Destinataires", Header: []string{"Destinataires", "Type de destinataire", "Précisions"}}
	dest.Rows = append(dest.Rows, []Cell{cell(line(internalServices(t))), cell(line(label(schema.TypeDestinataire("interne")))), none})
	for _, d := range b.destinataires(t) {
		dest.Rows = append(dest.Rows, []Cell{cell(line(d.Libelle)), cell(line(label(d.Type))), cell(recipient(d))})
	}

	sec := &Table{Caption: "Sécurité", Header: []string{"Mesures de sécurité", "Type de mesure de sécurité", "Précisions"}}
	for i, m := range b.mesures(t) {
		sec.Rows = append(sec.Rows, []Cell{cell(line(fmt.Sprintf("Mesure de sécurité %d", i+1))), cell(line(label(m.Famille))), cell(measure(m))})
	}
	if len(sec.Rows) == 0 {
		sec.Rows = append(sec.Rows, []Cell{cell(line(gap(nil, "", "mesures de sécurité"))), none, none})
	}

	transfers := &Table{Caption: "Transferts", Header: []string{"Transferts hors UE", "Destinataire", "Pays", "Type de Garanties", "Liens vers la documentation"}}
	for i, row := range b.transferTable(b.transferts(t)).Rows {
		transfers.Rows = append(transfers.Rows, append([]Cell{cell(line(fmt.Sprintf("Organisme destinataire %d", i+1)))}, row...))
	}
	if len(transfers.Rows) == 0 {
		// An absence of transfer only when every recipient is known to work in the EEA.
		what := any("Aucun transfert hors de l'Union européenne")
		if slices.ContainsFunc(b.destinataires(t), func(d *schema.Destinataire) bool {
			return unlocated(d) || slices.ContainsFunc(d.Pays, func(p schema.Pays) bool { return !p.InEEA() })
		}) {
			what = gap(nil, "", "transferts hors de l'Union européenne (pays des destinataires)")
		}
		transfers.Rows = append(transfers.Rows, []Cell{cell(line(what)), none, none, none, none})
	}
	return []*Table{f.t, actors, purposes, data, sens, b.retentionSplit(t), people, dest, sec, transfers}
}

// condition is the exception of article 9, § 2, or the text that allows
// processing a special category of data.
func condition(d *schema.Donnee) Inline {
	s := d.Sensible
	switch {
	case s.Condition != "":
		return line(label(s.Condition), ref(s.Condition))
	case s.Fondement != "":
		return line(s.Fondement)
	}
	return line(gap(d.ACompleter, "sensible", "condition de l'article 9, § 2"))
}

// orDashBlocks is blocks, or a dash when there are none.
func orDashBlocks(blocks []Block) []Block {
	if len(blocks) == 0 {
		return []Block{para("—")}
	}
	return blocks
}

// processorTable is the register of the processor (art. 30, § 2): per
// category of processing, the clients, the processing, the
// sub-processors, the transfers and the security measures, as the CNIL's
// guide for processors lists them.
func (b *builder) processorTable(proc []*schema.Traitement) *Table {
	t := &Table{
		Caption: "Registre du sous-traitant",
		Header: []string{"Catégorie de traitements", "N° / RÉF", "Responsables du traitement (clients)", "Catégories de traitements effectués",
			"Sous-traitants ultérieurs", "Transferts hors UE", "Mesures de sécurité", "Analyse d'impact"},
	}
	for _, a := range proc {
		var clients []Block
		for _, c := range b.clients(a) {
			clients = append(clients, para(strong(c.Libelle), " : ", declaredOr(markdownPlain(c.Coordonnees), c.ACompleter, "coordonnees", "coordonnées du client et de son DPO")))
		}
		if len(clients) == 0 {
			clients = []Block{para(gap(a.ACompleter, "clients", "responsables du traitement pour le compte desquels l'activité est menée"))}
		}
		var cats []Inline
		for i := range a.Finalites {
			cats = append(cats, markdownInline(sentence(capital(a.Finalites[i].Description))))
		}
		if len(a.Operations) > 0 {
			cats = append(cats, line("Opérations : ", joinStrings(", ", a.Operations), "."))
		}
		var subs []Inline
		for _, d := range b.destinataires(a) {
			if d.Type == "sous_traitant" {
				subs = append(subs, recipient(d))
			}
		}
		var transfers []Inline
		for _, row := range b.transferTable(b.transferts(a)).Rows {
			transfers = append(transfers, line(plainCell(row[0]), " — ", plainCell(row[1]), " — ", plainCell(row[2])))
		}
		var measures []Inline
		for _, m := range b.mesures(a) {
			measures = append(measures, line(label(m.Famille), " : ", measure(m)))
		}
		t.Rows = append(t.Rows, []Cell{
			cell(line(a.Libelle)), cell(line(reference(a))), clients, linesCell(cats, line("—")),
			linesCell(subs, line("—")), linesCell(transfers, line("—")),
			linesCell(measures, line(gap(nil, "", "mesures de sécurité"))), cell(screening(a)),
		})
	}
	return t
}

// linesCell is a cell of one paragraph per line, or none when there are no lines.
func linesCell(lines []Inline, none Inline) Cell {
	if len(lines) == 0 {
		return cell(none)
	}
	var out Cell
	for _, l := range lines {
		out = append(out, &Paragraph{Text: l})
	}
	return out
}

// markdownPlain is a Markdown text as one run, for a cell of one line.
func markdownPlain(src string) string { return PlainText(markdown(src)) }

// plainCell is the text of a cell, for a run that quotes it.
func plainCell(c Cell) string { return PlainText(c) }

// PlainText is the text of blocks for the exports that hold plain text
// (spreadsheet cells, CSV): a line per paragraph or list item, items
// marked « • », a fact to complete in brackets, a link's address after
// its text when they differ.
func PlainText(blocks []Block) string {
	var lines []string
	var walk func([]Block, string)
	walk = func(blocks []Block, prefix string) {
		for _, b := range blocks {
			switch b := b.(type) {
			case *Paragraph:
				lines = append(lines, prefix+b.Text.Plain())
			case *List:
				for _, item := range b.Items {
					walk(item, "• ")
				}
			case *Table:
				for _, row := range b.Rows {
					var cells []string
					for _, c := range row {
						cells = append(cells, PlainText(c))
					}
					lines = append(lines, prefix+strings.Join(cells, " | "))
				}
			case *Definitions:
				for _, d := range b.Items {
					lines = append(lines, prefix+d.Term.Plain()+" : "+PlainText(d.Body))
				}
			case *Note:
				walk(b.Blocks, prefix)
			}
		}
	}
	walk(blocks, "")
	return strings.Join(lines, "\n")
}

// Plain is the text of a run (see PlainText).
func (in Inline) Plain() string {
	var b strings.Builder
	for _, s := range in {
		switch {
		case s.Gap:
			b.WriteString("[" + s.Text + "]")
		case s.Link != "" && !strings.HasPrefix(s.Link, "#") && s.Link != s.Text && s.Link != "mailto:"+s.Text:
			b.WriteString(s.Text + " (" + strings.TrimPrefix(s.Link, "mailto:") + ")")
		default:
			b.WriteString(s.Text)
		}
	}
	return b.String()
}
