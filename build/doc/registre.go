package doc

import (
	"slices"
	"strings"
	"sync"

	"github.com/rgpdoc/rgpdoc/build/typo"
	"github.com/rgpdoc/rgpdoc/schema"
)

// registre builds the record of processing activities (art. 30 of the
// GDPR) on the CNIL's model: the actors, then one sheet per activity, the
// controller's activities (§ 1) apart from the processor's (§ 2).
func (b *builder) registre(d *Document, pub *schema.Publication) {
	if d.Title == "" {
		d.Title = "Registre des activités de traitement"
	}
	d.Subject = b.name() + " — registre des activités de traitement (art. 30 du RGPD)"
	d.Landscape = true
	b.c = InRegister(b.c)
	intro := line("Registre tenu par ", b.named(""), " en application de l'art. 30 du RGPD, sur le modèle de la CNIL complété d'une colonne « base légale ».")
	if pub.CreeLe != "" {
		intro = append(intro, line(" Registre créé le ", typo.Date(pub.CreeLe), ".")...)
	}
	d.Preamble = []Block{&Paragraph{Text: intro}}
	ctrl, proc := b.controlled(), b.processed()
	h := history(pub)
	if h == nil {
		h = para("Aucune version antérieure n'est enregistrée.")
	}
	b.shared = b.sharedBy(append(slices.Clone(ctrl), proc...))
	d.Sections = []*Section{b.actors(ctrl, proc)}
	if s := b.shared.section(b); s != nil {
		d.Sections = append(d.Sections, s)
	}
	d.Sections = append(d.Sections,
		b.part("responsable", "Activités dont l'organisation est responsable du traitement (art. 30, § 1, du RGPD)",
			"L'organisation n'est responsable d'aucune activité de traitement.", ctrl, b.controllerSheet),
		b.part("sous-traitant", "Registre des catégories d'activités de traitement effectuées pour le compte de responsables de traitement (art. 30, § 2, du RGPD)",
			"L'organisation n'effectue aucun traitement pour le compte d'un responsable de traitement.", proc, b.processorSheet),
		&Section{ID: "historique", Title: "Historique des versions", Blocks: []Block{h}},
	)
	if e := b.derogations(); e != nil {
		d.Sections = slices.Insert(d.Sections, len(d.Sections)-1, e)
	}
	d.workbook = sync.OnceValue(func() *Workbook { return b.workbook(ctrl, proc) })
}

// RuleTitles gives the requirement of each rule of rgpdoc check by its id,
// for the register's derogations; build/check fills it (it imports this
// package, not the other way round).
var RuleTitles = map[string]string{}

// derogations is the section, for the auditor, of the warnings of rgpdoc
// check that the organization accepts, each with its reason; nil without any.
func (b *builder) derogations() *Section {
	if len(b.c.Derogations) == 0 {
		return nil
	}
	t := &Table{Caption: "Écarts justifiés", Header: []string{"Exigence", "Élément", "Motif"}, Widths: []float64{0.4, 0.2, 0.4}}
	for _, x := range b.c.Derogations {
		rule := RuleTitles[x.Regle]
		if rule == "" {
			rule = x.Regle
		}
		t.Rows = append(t.Rows, []Cell{cell(line(rule)), cell(line(b.elementName(x.Element))), cell(capitalized(line(x.Motif)))})
	}
	return &Section{ID: "ecarts", Title: "Écarts justifiés", Blocks: []Block{
		para("Écarts aux exigences vérifiées que l'organisation assume, chacun avec sa justification :"), t}}
}

// elementName names an element of the content by its label, for readers.
func (b *builder) elementName(id string) string {
	if id == "" {
		return "Toute l'organisation"
	}
	c := b.c
	for _, l := range [][]struct{ id, label string }{
		labels(c.Traitements, func(x *schema.Traitement) (string, string) { return x.ID, x.Libelle }),
		labels(c.Conservation, func(x *schema.Conservation) (string, string) { return x.ID, x.Libelle }),
		labels(c.Donnees, func(x *schema.Donnee) (string, string) { return x.ID, x.Libelle }),
		labels(c.Personnes, func(x *schema.Personne) (string, string) { return x.ID, x.Libelle }),
		labels(c.Destinataires, func(x *schema.Destinataire) (string, string) { return x.ID, x.Libelle }),
		labels(c.Clients, func(x *schema.Client) (string, string) { return x.ID, x.Libelle }),
	} {
		for _, e := range l {
			if e.id == id {
				return e.label
			}
		}
	}
	return id
}

func labels[T any](list []T, f func(*T) (string, string)) []struct{ id, label string } {
	var out []struct{ id, label string }
	for i := range list {
		id, label := f(&list[i])
		out = append(out, struct{ id, label string }{id, label})
	}
	return out
}

// InRegister returns the content as the register words it: the register is
// the organization's own document, written in the third person, and takes
// the wording the content gives it (registre) where the policy's speaks to
// the person. The content is not modified.
func InRegister(c *schema.Contenu) *schema.Contenu {
	v := *c
	v.Traitements = slices.Clone(c.Traitements)
	for i := range v.Traitements {
		t := &v.Traitements[i]
		if r := t.Registre; r != nil {
			reword(wording[string]{&t.Libelle, r.Libelle}, wording[string]{&t.Description, r.Description})
			reword(wording[[]string]{&t.Canaux, r.Canaux}, wording[[]string]{&t.Information, r.Information},
				wording[[]string]{&t.Operations, r.Operations})
		}
		t.Finalites = slices.Clone(t.Finalites)
		for j := range t.Finalites {
			if f := &t.Finalites[j]; f.Registre != nil {
				reword(wording[string]{&f.Libelle, f.Registre.Libelle}, wording[string]{&f.Description, f.Registre.Description},
					wording[string]{&f.Interet, f.Registre.Interet})
			}
		}
	}
	v.Destinataires = slices.Clone(c.Destinataires)
	for i := range v.Destinataires {
		if d := &v.Destinataires[i]; d.Registre != nil {
			reword(wording[string]{&d.Libelle, d.Registre.Libelle}, wording[string]{&d.Description, d.Registre.Description})
		}
	}
	v.Personnes = slices.Clone(c.Personnes)
	for i := range v.Personnes {
		if p := &v.Personnes[i]; p.Registre != nil {
			reword(wording[string]{&p.Libelle, p.Registre.Libelle}, wording[string]{&p.Description, p.Registre.Description})
		}
	}
	v.Donnees = slices.Clone(c.Donnees)
	for i := range v.Donnees {
		if d := &v.Donnees[i]; d.Registre != nil {
			reword(wording[string]{&d.Libelle, d.Registre.Libelle}, wording[string]{&d.Description, d.Registre.Description})
		}
	}
	v.Conservation = slices.Clone(c.Conservation)
	for i := range v.Conservation {
		if l := &v.Conservation[i]; l.Registre != nil {
			r := l.Registre
			reword(wording[string]{&l.Libelle, r.Libelle}, wording[string]{&l.Critere, r.Critere}, wording[string]{&l.Ou, r.Ou},
				wording[string]{&l.Precision, r.Precision}, wording[string]{&l.Motif, r.Motif})
		}
	}
	v.Securite = slices.Clone(c.Securite)
	for i := range v.Securite {
		if m := &v.Securite[i]; m.Registre != nil {
			reword(wording[string]{&m.Description, m.Registre.Description})
		}
	}
	return &v
}

// wording is a text of the content and the register's wording of it.
type wording[T string | []string] struct {
	to   *T
	from T
}

// reword replaces each text by the register's wording of it, where given.
func reword[T string | []string](ws ...wording[T]) {
	for _, w := range ws {
		if len(w.from) > 0 {
			*w.to = w.from
		}
	}
}

// sharedAnchor is the anchor of the register's section on what all its
// activities share.
const sharedAnchor = "commun"

// registerShared is what all the activities of the register share, stated once in
// its own section, to which the sheets refer.
type registerShared struct {
	recipients []*schema.Destinataire
	transfers  []*schema.Transfert
	measures   []*schema.Mesure
}

// sharedBy returns what all the activities share: the recipients and
// transfers every one of them cites, and the security measures that apply
// to all. A single activity shares nothing: its sheet says it all.
func (b *builder) sharedBy(acts []*schema.Traitement) registerShared {
	if len(acts) < 2 {
		return registerShared{}
	}
	every := func(field func(*schema.Traitement) []string) []string {
		var ids []string
		for _, id := range field(acts[0]) {
			if !slices.ContainsFunc(acts, func(t *schema.Traitement) bool { return !slices.Contains(field(t), id) }) {
				ids = append(ids, id)
			}
		}
		return ids
	}
	return registerShared{
		recipients: pick(b.c.Destinataires, func(d *schema.Destinataire) string { return d.ID },
			every(func(t *schema.Traitement) []string { return t.Destinataires })),
		transfers: pick(b.c.Transferts, func(t *schema.Transfert) string { return t.ID },
			every(func(t *schema.Traitement) []string { return t.Transferts })),
		measures: slices.DeleteFunc(b.mesures(acts...), func(m *schema.Mesure) bool { return len(m.Traitements) > 0 }),
	}
}

// section states what the activities share, or is nil when they share nothing.
func (s registerShared) section(b *builder) *Section {
	var out []Block
	if len(s.recipients) > 0 {
		out = append(out, para("Les destinataires suivants reçoivent des données de toutes les activités du registre :"), recipientTable(s.recipients, false))
	}
	if len(s.transfers) > 0 || len(s.recipients) > 0 {
		if tr := b.transfersBlocks(s.transfers, s.recipients, false); len(s.transfers) > 0 || !notTransferred(tr) {
			out = append(out, tr...)
		}
	}
	if len(s.measures) > 0 {
		out = append(out, para("Les mesures de sécurité suivantes s'appliquent à toutes les activités du registre :"), securityTable(s.measures, nil))
	}
	if len(out) == 0 {
		return nil
	}
	return &Section{ID: sharedAnchor, Title: "Dispositions communes à toutes les activités", Blocks: out}
}

// notTransferred tells whether the blocks of transfersBlocks only say that
// no data leave the EEA.
func notTransferred(bs []Block) bool {
	p, ok := bs[0].(*Paragraph)
	return len(bs) == 1 && ok && p.Text.String() == noTransfer
}

// reference refers a sheet to the section on what the activities share,
// naming what it holds.
func (s registerShared) reference() []Block {
	var what []string
	for _, w := range []struct {
		name string
		n    int
	}{{"les destinataires", len(s.recipients)}, {"les transferts", len(s.transfers)}, {"les mesures de sécurité", len(s.measures)}} {
		if w.n > 0 {
			what = append(what, w.name)
		}
	}
	if len(what) == 0 {
		return nil
	}
	list := strings.Join(what, ", ")
	if n := len(what); n > 1 {
		list = strings.Join(what[:n-1], ", ") + " et " + what[n-1]
	}
	shared := " communs"
	if len(what) == 1 && s.measures != nil {
		shared = " communes"
	}
	return []Block{para("S'y ajoutent ", list, shared, " à toutes les activités : voir la section « ",
		internal("Dispositions communes à toutes les activités", sharedAnchor), " ».")}
}

// actors is the section of the organization's actors.
func (b *builder) actors(ctrl, proc []*schema.Traitement) *Section {
	return &Section{ID: "acteurs", Title: "Acteurs", Blocks: []Block{b.actorTable(ctrl, proc, ctrl)}}
}

// actorTable is the table of the organization (controller, processor or
// both), its DPO, its representative and the joint controllers of the
// activities joint, with the columns of the CNIL model.
func (b *builder) actorTable(ctrl, proc, joint []*schema.Traitement) *Table {
	o := b.org
	t := &Table{
		Caption: "Acteurs",
		Header:  []string{"Acteurs", "Nom", "Adresse", "Code postal", "Ville", "Pays", "Téléphone", "Adresse mél"},
		Widths:  []float64{0.15, 0.15, 0.18, 0.06, 0.1, 0.08, 0.11, 0.17},
	}
	role := "Responsable du traitement"
	switch {
	case len(proc) > 0 && len(ctrl) > 0:
		role = "Responsable du traitement et sous-traitant"
	case len(proc) > 0:
		role = "Sous-traitant"
	}
	row := actor(role, line(fact(o.RaisonSociale, o.ACompleter, "raison_sociale", "raison sociale"), toVerify(b.orgDoubts())),
		o.Siege, o.Telephone, o.Email)
	if o.Siege == nil {
		row[2] = cell(line(gap(o.ACompleter, "siege", "adresse du siège social")))
	}
	t.Rows = append(t.Rows, row)
	switch d := o.DPO; {
	case d == nil && o.SansDPO:
		t.Rows = append(t.Rows, actor("Délégué à la protection des données", "Non désigné", nil, "", ""))
	case d == nil:
		t.Rows = append(t.Rows, actor("Délégué à la protection des données", gap(o.ACompleter, "dpo", "désignation d'un délégué à la protection des données"), nil, "", ""))
	default:
		name := any(dpoName(d))
		if name == "" {
			name = "—"
		}
		t.Rows = append(t.Rows, actor("Délégué à la protection des données", line(name, toVerify(b.dpoDoubt()), toVerify(d.AVerifier)), d.Adresse, strings.Join(d.Telephones, ", "), d.Email))
	}
	switch r := o.Representant; {
	case r != nil:
		t.Rows = append(t.Rows, actor("Représentant", r.Nom, r.Adresse, r.Telephone, r.Email))
	case b.outsideEU():
		t.Rows = append(t.Rows, actor("Représentant", gap(o.ACompleter, "representant", "représentant dans l'Union européenne"), nil, "", ""))
	case o.Siege == nil:
		// With no siège, where the organization is established is not a fact.
		t.Rows = append(t.Rows, actor("Représentant", "Sans objet si le siège social, à compléter, est situé dans l'Union européenne", nil, "", ""))
	default:
		t.Rows = append(t.Rows, actor("Représentant", "Sans objet (organisation établie dans l'Union européenne)", nil, "", ""))
	}
	var seen []string
	for _, a := range joint {
		for i := range a.ResponsablesConjoints {
			c := &a.ResponsablesConjoints[i]
			if !slices.Contains(seen, c.Nom) {
				seen = append(seen, c.Nom)
				t.Rows = append(t.Rows, actor("Responsable conjoint", c.Nom, c.Adresse, c.Telephone, c.Email))
			}
		}
	}
	return t
}

// actor is one row of the actors table.
func actor(role string, name any, a *schema.Adresse, tel, mail string) []Cell {
	street, cp, city, country := any("—"), any("—"), any("—"), any("—")
	if a != nil {
		street = orDash(joinNonEmpty(a.Attention, a.Voie, a.Complement), nil)
		cp, city = orDash(a.CodePostal, nil), orDash(a.Ville, nil)
		country = "France"
		if a.Pays != "" {
			country = a.Pays.Name()
		}
	}
	m := any("—")
	if mail != "" {
		m = link(Email, mail)
	}
	return []Cell{cell(line(strong(role))), cell(line(name)), cell(line(street)), cell(line(cp)), cell(line(city)),
		cell(line(country)), cell(line(orDash(tel, nil))), cell(line(m))}
}

func joinNonEmpty(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return joinStrings(", ", out).String()
}

// part is one part of the register: the list of its activities, then one
// sheet per activity; a part without activities says so.
func (b *builder) part(id, title, none string, acts []*schema.Traitement, sheet func(*schema.Traitement) []Block) *Section {
	if len(acts) == 0 {
		return &Section{ID: id, Title: title, Blocks: []Block{para(none)}}
	}
	list := b.activityList(acts, true)
	s := &Section{ID: id, Title: title, Blocks: []Block{list}}
	for _, t := range acts {
		s.Sections = append(s.Sections, &Section{ID: SheetAnchor(t.ID), Title: t.Libelle, Blocks: sheet(t)})
	}
	return s
}

// date writes a date of a sheet, or its gap: the register dates every sheet.
func date(iso string, g schema.Lacunes, field string) any {
	if iso != "" {
		return typo.Date(iso)
	}
	what := "date de création de la fiche"
	if field == "mise_a_jour" {
		what = "date de mise à jour de la fiche"
	}
	return gap(g, field, what)
}

// facts is the two-column table that opens a sheet.
type facts struct{ t *Table }

func newFacts() facts {
	return facts{&Table{Caption: "Description", Header: []string{"Rubrique", "Contenu"}, Widths: []float64{0.25, 0.75}}}
}

func (f facts) add(name string, content ...Block) {
	f.t.Rows = append(f.t.Rows, []Cell{cell(line(strong(name))), content})
}

// common adds the rows every sheet has first.
func (b *builder) common(f facts, t *schema.Traitement) {
	f.add("N° / RÉF", para(reference(t)))
	f.add("Date de création", para(date(t.CreeLe, t.ACompleter, "cree_le")))
	f.add("Dernière mise à jour", para(date(t.MiseAJour, t.ACompleter, "mise_a_jour")))
	b.ficheRows(f, t)
}

// tail adds the rows every sheet ends with.
func (b *builder) tail(f facts, t *schema.Traitement) {
	var apps []string
	for _, s := range b.services(t) {
		apps = append(apps, s.Nom)
	}
	f.add("Logiciels ou applications", para(orDash(joinStrings(", ", apps).String(), nil)))
	var people []Inline
	for _, p := range b.personnes(t) {
		people = append(people, line(p.Libelle))
	}
	f.add("Catégories de personnes concernées", para(join(", ", people)))
	if len(t.Information) > 0 {
		var items []Inline
		for _, i := range t.Information {
			items = append(items, markdownInline(i))
		}
		f.add("Information des personnes concernées", bullets(items...))
	} else if g := declared("", t.ACompleter, "information", "information des personnes concernées"); g != nil {
		f.add("Information des personnes concernées", para(g))
	}
	if v := verifyPara(t.AVerifier); v != nil {
		f.add("À vérifier", v)
	}
}

// controllerSheet is the sheet of an activity of article 30, § 1.
func (b *builder) controllerSheet(t *schema.Traitement) []Block {
	f := newFacts()
	b.common(f, t)
	joint := any("Sans objet")
	if len(t.ResponsablesConjoints) > 0 {
		var names []Inline
		for i := range t.ResponsablesConjoints {
			names = append(names, contact(&t.ResponsablesConjoints[i]))
		}
		joint = join(" ; ", names)
	}
	f.add("Responsables conjoints", para(joint))
	main := []Block{para(t.Libelle)}
	if t.Description != "" {
		main = append(main, markdown(t.Description)...)
	}
	f.add("Finalité principale", main...)
	b.tail(f, t)
	purposes := &Table{Caption: "Objectifs poursuivis", Header: []string{"Sous-finalité", "Base légale", "Justification de la base légale"}, Widths: []float64{0.4, 0.25, 0.35}}
	for i := range t.Finalites {
		p := &t.Finalites[i]
		purposes.Rows = append(purposes.Rows, []Cell{
			cell(line(strong(purposeTerm(t, p)), " : ", markdownInline(sentence(p.Description)))),
			cell(basisLabel(p)), cell(justification(t, p)),
		})
	}
	out := []Block{f.t, purposes}
	out = append(out, b.sheetTables(t)...)
	return append(out, decision(t, toRecord)...)
}

// processorSheet is the sheet of a category of processing of article 30, § 2.
func (b *builder) processorSheet(t *schema.Traitement) []Block {
	f := newFacts()
	b.common(f, t)
	clients := &List{}
	for _, c := range b.clients(t) {
		item := []Block{para(strong(c.Libelle))}
		if c.Coordonnees != "" {
			item = append(item, markdown(c.Coordonnees)...)
		} else {
			item = append(item, para(gap(c.ACompleter, "coordonnees", "coordonnées du client et de son DPO")))
		}
		item = append(item, blocks(verifyPara(c.AVerifier))...)
		clients.Items = append(clients.Items, item)
	}
	switch len(clients.Items) {
	case 0:
		f.add("Responsables du traitement", para(gap(t.ACompleter, "clients", "responsables du traitement pour le compte desquels l'activité est menée")))
	case 1:
		f.add("Responsables du traitement", clients.Items[0]...)
	default:
		f.add("Responsables du traitement", clients)
	}
	var cats []Inline
	for i := range t.Finalites {
		cats = append(cats, markdownInline(sentence(capital(t.Finalites[i].Description))))
	}
	if len(t.Operations) > 0 {
		cats = append(cats, line("Opérations : ", joinStrings(", ", t.Operations), "."))
	}
	f.add("Catégories de traitements", bullets(cats...))
	b.tail(f, t)
	return append(append([]Block{f.t}, b.sheetTables(t)...), decision(t, toRecord)...)
}

// sheetTables are the tables both kinds of sheet share: data, sensitive
// data, recipients, transfers and security.
func (b *builder) sheetTables(t *schema.Traitement) []Block {
	data := &Table{
		Caption: "Catégories de données",
		Header:  []string{"Famille", "Données", "Source", "Durée de conservation (ligne du tableau suivant)"},
		Widths:  []float64{0.17, 0.33, 0.18, 0.32},
	}
	sens := &Table{Caption: "Données sensibles", Header: []string{"Données", "Catégorie", "Condition ou fondement"}, Widths: []float64{0.3, 0.3, 0.4}}
	for _, d := range b.donnees(t) {
		what := line(strong(d.Libelle))
		if len(d.Exemples) > 0 {
			what = append(what, line(" : ", joinStrings(", ", d.Exemples))...)
		}
		data.Rows = append(data.Rows, []Cell{cell(line(label(d.Famille))), cell(append(what, toVerify(d.AVerifier)...)), cell(origin(d)), b.keptRows(t, d)})
		if s := d.Sensible; s != nil {
			cond := any(gap(d.ACompleter, "sensible", "condition de l'art. 9, § 2"))
			switch {
			case s.Condition != "":
				cond = line(label(s.Condition), ref(s.Condition))
			case s.Fondement != "":
				cond = s.Fondement
			}
			sens.Rows = append(sens.Rows, []Cell{cell(line(d.Libelle)), cell(line(label(s.Categorie), ref(s.Categorie))), cell(line(cond))})
		}
	}
	out := []Block{data, b.retentionSplit(t)}
	switch {
	case len(sens.Rows) > 0:
		out = append(out, sens)
	case t.DonneesSensibles == "aucune":
		out = append(out, para(strong("Données sensibles"), " : aucune."))
	default:
		out = append(out, para(strong("Données sensibles"), " : ", sensitiveGap(t), "."))
	}
	sh := b.shared
	dest := without(b.destinataires(t), sh.recipients)
	out = append(out, recipientTable(dest, true))
	out = append(out, b.transfersBlocks(without(b.transferts(t), sh.transfers), dest, len(sh.transfers) > 0)...)
	if own := without(b.mesures(t), sh.measures); len(own) > 0 || len(sh.measures) == 0 {
		out = append(out, securityTable(own, t.ACompleter))
	}
	return append(out, sh.reference()...)
}

// without returns the elements of list that are not in shared.
func without[T comparable](list, shared []T) []T {
	return slices.DeleteFunc(slices.Clone(list), func(x T) bool { return slices.Contains(shared, x) })
}

// registerSource words the source of data for the register, which is not
// addressed to the persons concerned.
var registerSource = map[schema.Source]string{
	"personne_concernee": "Personne concernée",
	"observation":        "Observation",
	"tiers":              "Tiers",
	"source_publique":    "Source accessible au public",
}

func origin(d *schema.Donnee) Inline {
	out := line(registerSource[d.Source])
	if d.Traceur {
		out = append(out, line(" (cookies ou autres traceurs)")...)
	}
	if d.Origine != "" {
		out = append(out, line(" : ", d.Origine)...)
	}
	return out
}

// retained returns the retention rows that apply to a data category in an
// activity: for each of its categories of people, those of schema.Retention.
func (b *builder) retained(t *schema.Traitement, d *schema.Donnee) []*schema.Conservation {
	all := b.conservation(t)
	people := t.PeopleOf(d)
	if len(people) == 0 {
		people = []string{""}
	}
	var rows []*schema.Conservation
	for _, p := range people {
		for _, r := range schema.Retention(all, d.ID, p) {
			if !slices.Contains(rows, r) {
				rows = append(rows, r)
			}
		}
	}
	return rows
}

// unretained is the gap of a data category that no retention row covers:
// the activity says why it cites no row; else the data category may.
func unretained(t *schema.Traitement, d *schema.Donnee) Inline {
	gaps := t.ACompleter
	if _, ok := gaps["conservation"]; !ok {
		gaps = d.ACompleter
	}
	return line(gap(gaps, "conservation", "durée de conservation"))
}

// kept writes the retention of a data category in an activity, in full: the
// workbook, on the CNIL's model, has no table of retention rows.
func (b *builder) kept(t *schema.Traitement, d *schema.Donnee) Cell {
	rows := b.retained(t, d)
	text := func(r *schema.Conservation) Inline {
		return append(retention(r), line(" ; à l'issue : ", ending(r), ".")...)
	}
	switch len(rows) {
	case 0:
		return cell(unretained(t, d))
	case 1:
		return cell(capitalized(text(rows[0])))
	}
	var items []Inline
	for _, r := range rows {
		items = append(items, append(line(r.Libelle, " : "), text(r)...))
	}
	return Cell{bullets(items...)}
}

// keptRows names, for a data category of a register sheet, the rows of the
// sheet's table of retention periods that apply to it, so that each period
// and each of its gaps is stated once. A category no row covers is a gap,
// unless the activity cites no row at all: its table then shows the gap.
func (b *builder) keptRows(t *schema.Traitement, d *schema.Donnee) Cell {
	rows := b.retained(t, d)
	if len(rows) == 0 {
		if len(b.conservation(t)) == 0 {
			return cell(line("—"))
		}
		return cell(unretained(t, d))
	}
	var names []string
	for _, r := range rows {
		names = append(names, r.Libelle)
	}
	return cell(joinStrings(" ; ", names))
}

// recipientGroups are the CNIL model's categories of recipients.
var recipientGroups = []struct {
	name  string
	types []schema.TypeDestinataire
}{
	{"Destinataires internes", []schema.TypeDestinataire{"interne"}},
	{"Organismes externes", []schema.TypeDestinataire{"groupe", "partenaire", "client", "tiers", "autorite"}},
	{"Sous-traitants", []schema.TypeDestinataire{"sous_traitant"}},
}

// recipientTable is the register's table of recipients: all the CNIL
// model's categories, or only those that have recipients.
func recipientTable(dest []*schema.Destinataire, all bool) Block {
	t := &Table{Caption: "Catégories de destinataires", Header: []string{"Catégorie", "Destinataires"}, Widths: []float64{0.25, 0.75}}
	for _, g := range recipientGroups {
		var items []Inline
		for _, d := range dest {
			if slices.Contains(g.types, d.Type) {
				items = append(items, recipient(d))
			}
		}
		content := Cell{para("—")}
		switch len(items) {
		case 0:
			if !all {
				continue
			}
		case 1:
			content = cell(items[0])
		default:
			content = Cell{bullets(items...)}
		}
		t.Rows = append(t.Rows, []Cell{cell(line(strong(g.name))), content})
	}
	return t
}
