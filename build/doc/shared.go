package doc

import (
	"maps"
	"strings"

	"github.com/rgpdoc/rgpdoc/build/typo"
	"github.com/rgpdoc/rgpdoc/schema"
)

// This file holds the parts the three documents share: identity and
// addresses, legal bases, data categories, retention, recipients, transfers,
// security, the DPO and the version history.

// identity names the organization with its legal particulars: "Exemple
// Services, société par actions simplifiée au capital de 150 000 €,
// immatriculée au registre du commerce et des sociétés de Nantes sous le
// numéro 812 345 678, dont le siège social est situé 12 rue des Olivettes,
// 44000 Nantes".
func (b *builder) identity() Inline {
	o := b.org
	g := o.ACompleter
	out := line(fact(o.RaisonSociale, g, "raison_sociale", "raison sociale"))
	if o.RaisonSociale != "" {
		out = line(b.named(""))
	}
	if o.FormeJuridique != "" {
		out = append(out, line(", ", schema.Label(o.FormeJuridique))...)
	} else {
		out = append(out, line(optional(", ", declared("", g, "forme_juridique", "forme juridique")))...)
	}
	if o.Capital > 0 {
		out = append(out, line(" au capital de ", typo.Int(o.Capital)+string(typo.NBSP)+"€")...)
	} else {
		out = append(out, line(optional(", ", declared("", g, "capital", "capital social")))...)
	}
	if o.RCS != nil {
		out = append(out, line(", immatriculée au registre du commerce et des sociétés ", elided("de", o.RCS.Ville), " sous le numéro ", o.RCS.Numero)...)
	} else {
		out = append(out, line(optional(", ", declared("", g, "rcs", "immatriculation au RCS")))...)
	}
	out = append(out, line(", dont le siège social est situé ")...)
	if o.Siege != nil {
		return append(out, line(address(o.Siege))...)
	}
	return append(out, gap(g, "siege", "adresse du siège social"))
}

// designation is how the documents call the organization after naming it:
// "(ci-après « Exemple » ou « nous »)".
func (b *builder) designation() string {
	if b.org.Appellation != "" && b.org.Appellation != b.org.RaisonSociale {
		return " (ci-après « " + b.org.Appellation + " » ou « nous »)"
	}
	return " (ci-après « nous »)"
}

// address writes a postal address on one line.
func address(a *schema.Adresse) string {
	parts := []string{a.Attention, a.Voie, a.Complement, strings.TrimSpace(a.CodePostal + " " + a.Ville)}
	if a.Pays != "" && a.Pays != "FR" {
		parts = append(parts, a.Pays.Name())
	}
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, ", ")
}

// mailing writes an address for a letter: one that starts with « à
// l'attention de … » gets the organization's name first.
func (b *builder) mailing(a *schema.Adresse) string {
	s := address(a)
	if capital(s) != s && b.name() != "" {
		return b.name() + ", " + s
	}
	return s
}

// contacts lists the organization's contact details and identifiers.
func (b *builder) contacts() Block {
	o := b.org
	var items []Inline
	add := func(name string, v any) {
		if v != nil && v != "" {
			items = append(items, line(name+" : ", v))
		}
	}
	add("Téléphone", o.Telephone)
	if o.Email != "" {
		add("Courriel", link(Email, o.Email))
	}
	add("Numéro SIRET", o.Siret)
	add("Numéro de TVA intracommunautaire", o.TVA)
	if len(items) == 0 {
		return nil
	}
	return bullets(items...)
}

// basis states in words the legal basis of a purpose, for the politique.
func basis(f *schema.Finalite) Inline {
	g := f.ACompleter
	switch f.BaseLegale {
	case "":
		return line(gap(g, "base_legale", "base légale de ce traitement"))
	case "consentement":
		return append(line("Ce traitement repose sur votre consentement", ref(f.BaseLegale), " ; vous pouvez le retirer à tout moment."), consentCollection(f.Recueil)...)
	case "contrat":
		return line("Ce traitement est nécessaire à l'exécution du contrat qui nous lie ou de mesures précontractuelles prises à votre demande", ref(f.BaseLegale), ".")
	case "obligation_legale":
		return line("Ce traitement est nécessaire au respect de nos obligations légales", ref(f.BaseLegale), " : ",
			fact(f.Obligation, g, "obligation", "texte qui impose l'obligation"), ".")
	case "interets_vitaux":
		return line("Ce traitement est nécessaire à la sauvegarde de vos intérêts vitaux ou de ceux d'une autre personne", ref(f.BaseLegale), ".")
	case "mission_interet_public":
		return line("Ce traitement est nécessaire à l'exécution d'une mission d'intérêt public", ref(f.BaseLegale), ".")
	case "interet_legitime":
		return line("Ce traitement repose sur notre intérêt légitime", ref(f.BaseLegale), " : ",
			fact(f.Interet, g, "interet", "intérêt légitime poursuivi"), ".")
	}
	return line(label(f.BaseLegale), ".")
}

// consentCollection says how consent is collected, as the content states it.
func consentCollection(r *schema.Recueil) Inline {
	if r == nil {
		return nil
	}
	var out Inline
	if r.Forme != "" {
		out = line(" Forme du consentement : ", schema.Label(r.Forme), ref(r.Forme), ".")
	}
	if r.Description != "" {
		out = append(out, line(" ", markdownInline(sentence(capital(r.Description))))...)
	}
	if r.ConditionneService {
		out = append(out, line(" L'accès au service est subordonné à ce consentement.")...)
	}
	return out
}

// basisLabel names the legal basis of a purpose, for the register's column:
// "Intérêts légitimes, au sens de l'art. 6, § 1, f) du RGPD : protéger la Plateforme".
func basisLabel(f *schema.Finalite) Inline {
	g := f.ACompleter
	if f.BaseLegale == "" {
		return line(gap(g, "base_legale", "base légale"), toVerify(f.AVerifier))
	}
	out := line(label(f.BaseLegale), ref(f.BaseLegale))
	switch f.BaseLegale {
	case "interet_legitime":
		out = append(out, line(" : ", fact(f.Interet, g, "interet", "intérêt légitime poursuivi"))...)
	case "obligation_legale":
		out = append(out, line(" : ", fact(f.Obligation, g, "obligation", "texte qui impose l'obligation"))...)
	}
	return append(out, toVerify(f.AVerifier)...)
}

// purposeTerm is the short name of a purpose: its own, or its activity's.
func purposeTerm(t *schema.Traitement, f *schema.Finalite) string {
	if f.Libelle != "" {
		return f.Libelle
	}
	return t.Libelle
}

// dataUse tells what a document says of a data category's collection.
type dataUse int

const (
	// noSource: the charter, whose reader (the client) knows where its data
	// come from.
	noSource dataUse = iota
	// onBehalf: data the organization processes only for clients; the
	// client, as controller, says whether providing them is mandatory.
	onBehalf
	// controlled: data of an activity the organization answers for; their
	// origin and whether providing them is mandatory are required facts
	// (art. 13, § 2, e) and 14, § 2, f) of the GDPR).
	controlled
)

// dataItem describes a data category as a definition: its examples, then,
// in the policy, where it comes from and whether providing it is
// mandatory; whether it is sensitive; its description.
func dataItem(d *schema.Donnee, use dataUse) Definition {
	g := d.ACompleter
	var text Inline
	if len(d.Exemples) > 0 {
		text = append(joinStrings(", ", d.Exemples), Span{Text: "."})
	}
	if use != noSource {
		// "données collectées" agrees with itself whatever the label's
		// gender and number, and reads after the colon of the term as well
		// as after the examples, with a capital there.
		collected := "données collectées "
		if len(text) > 0 {
			collected = " Données collectées "
		}
		src := line(collected, schema.Label(d.Source))
		if d.Traceur {
			src = append(src, line(", au moyen de cookies ou d'autres traceurs")...)
		}
		switch {
		case (d.Source == "tiers" || d.Source == "source_publique") && use == controlled:
			src = append(src, line(" (", fact(d.Origine, g, "origine", "origine des données"), ")")...)
		case d.Origine != "":
			src = append(src, line(" (", d.Origine, ")")...)
		}
		text = append(text, src...)
		switch {
		case d.Caractere != "":
			text = append(text, line(" ; leur fourniture est ", schema.Label(d.Caractere), ".")...)
			if d.ConsequencesRefus != "" {
				text = append(text, line(" ", sentence(capital(d.ConsequencesRefus)))...)
			} else if d.Caractere != "facultatif" && use == controlled {
				text = append(text, line(" ", gap(g, "consequences_refus", "conséquences d'un refus de fournir ces données"))...)
			}
		case d.Source == "personne_concernee" && use == controlled:
			text = append(text, line(" ; ", gap(g, "caractere", "caractère obligatoire ou facultatif de leur fourniture"), ".")...)
		default:
			text = append(text, Span{Text: "."})
		}
	}
	var body []Block
	if len(text) > 0 {
		body = append(body, &Paragraph{Text: text})
	}
	if d.Sensible != nil {
		// Right after the term's colon, the sentence starts in lower case.
		lead := "Données sensibles"
		if len(body) == 0 {
			lead = "données sensibles"
		}
		body = append(body, &Paragraph{Text: sensitive(d, lead)})
	}
	if d.Description != "" {
		body = append(body, markdown(d.Description)...)
	}
	body = append(body, blocks(verifyPara(d.AVerifier))...)
	return Definition{Term: line(d.Libelle), Body: body}
}

// sensitive states the special category of a data category and what allows
// processing it.
func sensitive(d *schema.Donnee, lead string) Inline {
	s := d.Sensible
	out := line(lead, " (", schema.Label(s.Categorie), ")", ref(s.Categorie))
	switch {
	case s.Condition != "":
		out = append(out, line(", traitées sur le fondement de l'exception suivante : ", schema.Label(s.Condition), ref(s.Condition))...)
		if s.Fondement != "" {
			out = append(out, line(" ; ", s.Fondement)...)
		}
	case s.Fondement != "":
		out = append(out, line(", traitées sur le fondement de : ", s.Fondement)...)
	default:
		out = append(out, line(" : ", gap(d.ACompleter, "sensible", "condition qui permet de traiter ces données (art. 9, § 2, du RGPD)"))...)
	}
	return append(out, Span{Text: "."})
}

// during names the period a retention that starts at its end covers:
// "pendant la durée du contrat, puis 12 mois".
var during = map[schema.Depart]string{
	"fin_contrat":   "la durée du contrat",
	"fin_relation":  "la durée de la relation commerciale",
	"fin_operation": "la durée de l'opération",
}

// period writes a duration with its starting point: "3 ans à compter du
// dernier contact".
func period(d schema.Duree) Inline {
	if d.Depart == "" {
		return line(typo.Duree(d), optional(" ", declared("", d.ACompleter, "depart", "point de départ de la durée")), toVerify(d.AVerifier))
	}
	return line(typo.Duree(d), " ", schema.Label(d.Depart), toVerify(d.AVerifier))
}

// retention writes how long a retention row keeps the data, from its
// structured fields: "3 ans à compter du dernier contact, ou jusqu'à votre
// demande de suppression, selon la première éventualité".
func retention(r *schema.Conservation) Inline {
	var out Inline
	switch {
	case r.Duree != nil && during[r.Duree.Depart] != "":
		out = line("pendant ", during[r.Duree.Depart], ", puis ", typo.Duree(*r.Duree), toVerify(r.Duree.AVerifier))
	case r.Duree != nil:
		out = line(period(*r.Duree))
	case r.Critere != "":
		out = line(r.Critere)
	default:
		field := "duree"
		if _, ok := r.ACompleter["critere"]; ok {
			field = "critere"
		}
		return line(gap(r.ACompleter, field, "durée de conservation ou critère"))
	}
	if r.Ou != "" {
		out = append(out, line(", ou ", until(r.Ou), ", selon la première éventualité")...)
	}
	if r.Precision != "" {
		out = append(out, line(", ", r.Precision)...)
	}
	if r.Duree != nil && r.Critere != "" {
		// A criterion beside a duration says how the duration is applied.
		out = append(out, line(" ; critère : ", r.Critere)...)
	}
	return append(out, toVerify(r.AVerifier)...)
}

// until introduces the event that ends a retention earlier: "jusqu'à
// votre demande de suppression", "jusqu'au retrait de votre consentement".
func until(event string) string {
	switch {
	case strings.HasPrefix(event, "jusqu"):
		return event
	case strings.HasPrefix(event, "le "):
		return "jusqu'au " + event[len("le "):]
	case strings.HasPrefix(event, "les "):
		return "jusqu'aux " + event[len("les "):]
	}
	return "jusqu'à " + event
}

// ending writes what becomes of the data at the end of a retention row,
// with the intermediate archiving and its ground.
func ending(r *schema.Conservation) Inline {
	g := r.ACompleter
	if a := r.Archivage; a != nil {
		out := line("archivage intermédiaire pendant ", period(a.Duree), " (",
			fact(a.Fondement, g, "archivage", "fondement de l'archivage"), ")")
		if r.Fin != "" && r.Fin != "archivage_intermediaire" {
			out = append(out, line(", puis ", schema.Label(r.Fin))...)
		}
		return out
	}
	switch r.Fin {
	case "":
		return line(gap(g, "fin", "sort des données"))
	case "archivage_intermediaire":
		return line(schema.Label(r.Fin), " (", gap(g, "archivage", "durée et fondement de l'archivage"), ")")
	}
	return line(schema.Label(r.Fin))
}

// retentionTable is the retention table of activities: category, duration,
// reason, end. An activity that cites no row gets one of its own, showing
// the gap, so that no data go without a retention.
func (b *builder) retentionTable(acts []*schema.Traitement) Block {
	rows := b.conservation(acts...)
	var missing []*schema.Traitement
	for _, t := range acts {
		if len(t.Conservation) == 0 {
			missing = append(missing, t)
		}
	}
	if len(rows) == 0 && len(missing) == 0 {
		return &Note{Kind: Gap, Blocks: []Block{para(gap(nil, "", "durées de conservation"))}}
	}
	t := &Table{
		Caption: "Durées de conservation",
		Header:  []string{"Catégorie de données", "Durée de conservation", "Motif", "Sort final"},
		Widths:  []float64{0.2, 0.35, 0.25, 0.2},
	}
	for _, r := range rows {
		t.Rows = append(t.Rows, []Cell{
			cell(line(r.Libelle)),
			cell(capitalized(retention(r))),
			cell(line(orDash(sentence(capital(r.Motif)), declared(r.Motif, r.ACompleter, "motif", "motif de la durée")))),
			cell(capitalized(ending(r))),
		})
	}
	for _, a := range missing {
		t.Rows = append(t.Rows, []Cell{
			cell(line("Données du traitement « ", a.Libelle, " »")),
			cell(line(gap(a.ACompleter, "conservation", "durée de conservation"))),
			cell(line("—")), cell(line("—")),
		})
	}
	return t
}

// cell is a table cell of one paragraph.
func cell(in Inline) Cell { return Cell{&Paragraph{Text: in}} }

// capitalized puts a capital at the start of a run of text.
func capitalized(in Inline) Inline {
	if len(in) > 0 && !in[0].Gap {
		in[0].Text = capital(in[0].Text)
	}
	return in
}

// orDash returns v, or the gap, or a dash for an empty table cell.
func orDash(v string, gap any) any {
	switch {
	case v != "":
		return v
	case gap != nil:
		return gap
	}
	return "—"
}

// recipient describes a recipient: "Hébergeur de la Plateforme : OVH SAS
// (France). Héberge la Plateforme…".
func recipient(d *schema.Destinataire) Inline {
	out := line(d.Libelle)
	if len(d.Noms) > 0 {
		out = append(out, line(" : ", joinStrings(", ", d.Noms))...)
	} else {
		out = append(out, line(optional(" : ", declared("", d.ACompleter, "noms", "noms des destinataires")))...)
	}
	if len(d.Pays) > 0 {
		out = append(out, line(" — ", countries(d.Pays))...)
	} else {
		out = append(out, line(optional(" — ", declared("", d.ACompleter, "pays", "pays")))...)
	}
	out = append(out, Span{Text: "."})
	if d.Description != "" {
		out = append(out, line(" ", markdownInline(sentence(capital(d.Description))))...)
	}
	return append(out, toVerify(d.AVerifier)...)
}

func countries(list []schema.Pays) string {
	var names []string
	for _, p := range list {
		names = append(names, p.Name())
	}
	return strings.Join(names, ", ")
}

// recipients presents recipients grouped by type: internal teams,
// processors, third parties, authorities.
func recipients(list []*schema.Destinataire) Block {
	if len(list) == 0 {
		return para(gap(nil, "", "destinataires des données"))
	}
	var defs definitions
	for _, g := range grouped(list, func(d *schema.Destinataire) schema.TypeDestinataire { return d.Type }) {
		var items []Inline
		bound := true
		for _, d := range g {
			item := recipient(d)
			if d.Type == "sous_traitant" {
				bound = bound && d.ContratArt28 != nil && *d.ContratArt28
				item = append(item, contract(d)...)
			}
			items = append(items, item)
		}
		body := []Block{bullets(items...)}
		if g[0].Type == "sous_traitant" && bound {
			body = append(body, para("Ils traitent les données pour notre compte, dans le cadre d'un contrat conforme à l'article 28 du RGPD."))
		}
		defs.add(label(g[0].Type)+ref(g[0].Type), body...)
	}
	return defs.block()
}

// contract states, for a processor whose contract is not known to be in
// place, what the content says of it: the gap, or that there is none.
func contract(d *schema.Destinataire) Inline {
	switch {
	case d.ContratArt28 == nil:
		return line(" ", gap(d.ACompleter, "contrat_art28", "contrat de sous-traitance conforme à l'article 28 du RGPD"))
	case !*d.ContratArt28:
		return line(" Aucun contrat conforme à l'article 28 du RGPD n'est conclu avec ce sous-traitant.")
	}
	return nil
}

// recipientsLead introduces a list of recipients: exhaustive only when the
// content says the list is complete (destinataires_exhaustifs).
func recipientsLead(pub *schema.Publication, exhaustive, plain string) string {
	if pub.DestinatairesExhaustifs {
		return exhaustive
	}
	return plain
}

// hosting names the hosts of the data and their countries.
func hosting(list []*schema.Destinataire) []Block {
	var items []Inline
	for _, d := range list {
		if d.Hebergeur {
			items = append(items, recipient(d))
		}
	}
	if len(items) == 0 {
		return nil
	}
	return []Block{para("Les données sont hébergées par :"), bullets(items...)}
}

// noTransfer says that no data leave the EEA.
const noTransfer = "Les données ne sont pas transférées hors de l'Espace économique européen (EEE)."

// transfersBlocks presents the transfers outside the EEA with their
// safeguards. It says that the data leave no EEA country only when every
// recipient's location is known: a recipient working outside the EEA without
// a declared transfer, or one whose country is not given, is left visible as
// a gap. The organization's own services and the public authorities it
// answers to are where the organization is, and need no country. When
// elsewhere, other transfers of the same data are stated elsewhere (the
// register's common provisions): it then says nothing of an absence.
func (b *builder) transfersBlocks(list []*schema.Transfert, dest []*schema.Destinataire, elsewhere bool) []Block {
	var undeclared []string
	var unknown []Inline
	explained := true // every unknown country is a gap the recipients' table shows
	for _, d := range dest {
		if b.transferred(list, d.ID) {
			continue
		}
		for _, p := range d.Pays {
			if !p.InEEA() {
				undeclared = append(undeclared, d.Libelle+" ("+p.Name()+")")
			}
		}
		if unlocated(d) {
			_, gapped := d.ACompleter["pays"]
			unknown = append(unknown, line(d.Libelle, optional(" : ", joinStrings(", ", d.Noms)), "."))
			explained = explained && gapped
		}
	}
	switch {
	case elsewhere && len(list) == 0 && len(undeclared) == 0 && len(unknown) == 0:
		return nil
	case len(list) == 0 && len(dest) == 0:
		// With no recipient stated, nothing says where the data go.
		return []Block{para("Aucun destinataire ni transfert hors de l'Espace économique européen (EEE) n'est indiqué pour ces données.")}
	case len(list) == 0 && len(undeclared) == 0 && len(unknown) == 0:
		return []Block{para(noTransfer)}
	}
	var out []Block
	if len(list) > 0 {
		out = append(out, para("Les transferts de données hors de l'Espace économique européen (EEE) sont encadrés par les garanties suivantes (art. 44 à 49 du RGPD) :"),
			b.transferTable(list))
	}
	for _, u := range undeclared {
		out = append(out, para(gap(nil, "", "garanties du transfert vers "+u)))
	}
	// A country the recipients' table already shows as a gap, with its
	// reason, is not a second open point.
	where := line("pour les destinataires suivants, ", gap(nil, "", "pays où ils traitent les données"), " :")
	if explained {
		where = line("pour les destinataires suivants, dont le pays reste à compléter (voir les destinataires) :")
	}
	switch {
	case len(unknown) == 0:
	case len(list) == 0 && len(undeclared) == 0 && !elsewhere:
		out = append(out, para("Aucun transfert de données hors de l'Espace économique européen (EEE) n'est indiqué ; ", where), bullets(unknown...))
	default:
		out = append(out, para(capitalized(where)), bullets(unknown...))
	}
	return out
}

// unlocated tells whether where a recipient works is unknown: no country is
// given, and it is neither one of the organization's own services nor a
// public authority (see transfersBlocks).
func unlocated(d *schema.Destinataire) bool {
	_, gapped := d.ACompleter["pays"]
	return len(d.Pays) == 0 && (gapped || d.Hebergeur || d.Type != "interne" && d.Type != "autorite")
}

func (b *builder) transferred(list []*schema.Transfert, dest string) bool {
	for _, t := range list {
		if t.Destinataire == dest {
			return true
		}
	}
	return false
}

// transferTable is the table of transfers: recipient, country, safeguard and
// how to get a copy of it.
func (b *builder) transferTable(list []*schema.Transfert) *Table {
	t := &Table{
		Caption: "Transferts hors de l'Union européenne",
		Header:  []string{"Destinataire", "Pays", "Garantie", "Copie des garanties"},
		Widths:  []float64{0.25, 0.15, 0.35, 0.25},
	}
	for _, tr := range list {
		g := tr.ACompleter
		who := line(tr.Destinataire)
		if d := b.destinataire(tr.Destinataire); d != nil {
			who = line(d.Libelle)
			if len(d.Noms) > 0 {
				who = append(who, line(" : ", joinStrings(", ", d.Noms))...)
			}
		}
		where := line(gap(g, "pays", "pays de destination"))
		if len(tr.Pays) > 0 {
			where = line(countries(tr.Pays))
		}
		safeguard := line(gap(g, "garantie", "garantie"))
		if tr.Garantie != "" {
			safeguard = line(label(tr.Garantie), ref(tr.Garantie))
		}
		if tr.Repli != "" {
			safeguard = append(safeguard, line(" ; à défaut : ", schema.Label(tr.Repli), ref(tr.Repli))...)
		}
		row := []Cell{cell(who), cell(where), cell(safeguard), cell(copyOf(tr))}
		if tr.Description != "" {
			row[0] = append(row[0], markdown(tr.Description)...)
		}
		row[0] = append(row[0], blocks(verifyPara(tr.AVerifier))...)
		t.Rows = append(t.Rows, row)
	}
	return t
}

// copyOf says how to get a copy of a transfer's safeguards: the documented
// way, or a gap when the safeguard is one of article 46 (whose copy the
// person may ask for), or nothing to get for an adequacy decision or a
// derogation.
func copyOf(tr *schema.Transfert) Inline {
	switch {
	case tr.Documentation != "" && strings.Contains(tr.Documentation, "://"):
		return line(link(Web, tr.Documentation))
	case tr.Documentation != "":
		return line(capital(tr.Documentation))
	case copyable(tr.Garantie) || copyable(tr.Repli):
		return line(gap(tr.ACompleter, "documentation", "moyen d'obtenir une copie des garanties"))
	case tr.Garantie == "":
		return line("—")
	}
	return line("Sans objet")
}

// copyable tells whether a safeguard is one of article 46 or 47.
func copyable(g schema.Garantie) bool {
	o, _ := schema.OptionOf(g)
	return strings.HasPrefix(o.Ref, "art. 46")
}

// measure describes a security measure, saying whether a copy of the data
// is encrypted.
func measure(m *schema.Mesure) Inline {
	out := line(sentence(m.Description))
	if m.Chiffree != nil {
		if *m.Chiffree {
			out = append(out, line(" Copie chiffrée.")...)
		} else {
			out = append(out, line(" Copie non chiffrée.")...)
		}
	}
	return out
}

// securityList presents the measures by family, as definitions.
func securityList(list []*schema.Mesure) Block {
	if len(list) == 0 {
		return para(gap(nil, "", "mesures de sécurité"))
	}
	var defs definitions
	for _, g := range grouped(list, func(m *schema.Mesure) schema.FamilleMesure { return m.Famille }) {
		defs.add(label(g[0].Famille), measures(g))
	}
	return defs.block()
}

// securityTable presents the measures by family, as the register's table.
func securityTable(list []*schema.Mesure, gaps schema.Lacunes) Block {
	if len(list) == 0 {
		return para(gap(gaps, "securite", "mesures de sécurité"))
	}
	t := &Table{Caption: "Mesures de sécurité", Header: []string{"Famille de mesures", "Mesures"}, Widths: []float64{0.25, 0.75}}
	for _, g := range grouped(list, func(m *schema.Mesure) schema.FamilleMesure { return m.Famille }) {
		t.Rows = append(t.Rows, []Cell{cell(line(label(g[0].Famille))), {measures(g)}})
	}
	return t
}

// measures is one paragraph for one measure, a list for several.
func measures(g []*schema.Mesure) Block {
	if len(g) == 1 {
		return &Paragraph{Text: measure(g[0])}
	}
	var items []Inline
	for _, m := range g {
		items = append(items, measure(m))
	}
	return bullets(items...)
}

// reach holds the ways to reach someone, for channels.
type reach struct {
	form, email string
	phones      []string
	post        *schema.Adresse
	gaps        schema.Lacunes
	// whose is added to the description of a missing fact: " du DPO".
	whose string
}

// channels lists the ways to reach someone, in the same order everywhere:
// online form, e-mail, telephone, post. A declared gap shows in its place;
// with no way at all, the gap says so.
func (b *builder) channels(r reach) []Inline {
	var out []Inline
	missing := func(field, what string) {
		if g := declared("", r.gaps, field, what+r.whose); g != nil {
			out = append(out, line(g))
		}
	}
	if r.form != "" {
		out = append(out, line("par le formulaire en ligne : ", link(Web, r.form)))
	} else {
		missing("formulaire", "formulaire en ligne")
	}
	if r.email != "" {
		out = append(out, line("par courriel : ", link(Email, r.email)))
	} else {
		missing("email", "adresse électronique")
	}
	if len(r.phones) > 0 {
		out = append(out, line("par téléphone : ", joinStrings(" ou ", r.phones)))
	} else {
		missing("telephones", "téléphone")
	}
	if r.post != nil {
		out = append(out, line("par courrier : ", b.mailing(r.post)))
	} else {
		missing("adresse", "adresse postale")
	}
	if len(out) == 0 {
		out = append(out, line(gap(nil, "", "moyen de contact"+r.whose)))
	}
	return out
}

// dpoBlocks give the DPO's contact details, or the organization's when no
// DPO is designated.
func (b *builder) dpoBlocks() []Block {
	d := b.org.DPO
	if d == nil {
		var phones []string
		if b.org.Telephone != "" {
			phones = []string{b.org.Telephone}
		}
		return []Block{
			para(b.noDPO(), " Pour toute question relative à vos données, contactez-nous :"),
			bullets(b.channels(reach{email: b.org.Email, phones: phones, post: b.org.Siege})...),
		}
	}
	return blocks(
		para("Nous avons désigné un délégué à la protection des données (DPO)", optional(", ", dpoName(d)), toVerify(b.dpoDoubt()),
			", que vous pouvez contacter pour toute question relative à vos données :"),
		bullets(b.channels(reach{form: d.Formulaire, email: d.Email, phones: d.Telephones, post: d.Adresse, gaps: d.ACompleter, whose: " du DPO"})...),
		verifyPara(d.AVerifier),
	)
}

// dpoDoubt is the organization's doubt about its DPO (a_verifier.dpo: a
// contact the source does not call a DPO), shown where a document says a DPO
// is designated, so that the designation is not settled silently.
func (b *builder) dpoDoubt() schema.Verifications {
	v, ok := b.org.AVerifier["dpo"]
	if !ok {
		return nil
	}
	return schema.Verifications{"dpo": v}
}

// orgDoubts are the organization's doubts shown beside its identity: all but
// the one on its DPO, which goes with the DPO (dpoDoubt).
func (b *builder) orgDoubts() schema.Verifications {
	if _, ok := b.org.AVerifier["dpo"]; !ok || b.org.DPO == nil {
		return b.org.AVerifier
	}
	out := maps.Clone(b.org.AVerifier)
	delete(out, "dpo")
	return out
}

// dpoName names the DPO, with the body that provides an external one.
func dpoName(d *schema.DPO) string {
	if d.Organisme == "" {
		return d.Nom
	}
	if d.Nom == "" {
		return d.Organisme
	}
	return d.Nom + " (" + d.Organisme + ")"
}

// noDPO says, for an organization whose content names no DPO, that it has
// designated none (sans_dpo), or leaves the question visible.
func (b *builder) noDPO() Inline {
	if b.org.SansDPO {
		return line("Nous n'avons pas désigné de délégué à la protection des données.")
	}
	return line(gap(b.org.ACompleter, "dpo", "désignation d'un délégué à la protection des données"))
}

// dpoTitle is the title of the section on the DPO.
func (b *builder) dpoTitle() string {
	if b.org.DPO == nil {
		return "Nous contacter"
	}
	return "Délégué à la protection des données"
}

// history is the table of the previous versions of a document.
func history(pub *schema.Publication) Block {
	if len(pub.Historique) == 0 {
		return nil
	}
	t := &Table{Caption: "Historique des versions", Header: []string{"Date", "Version", "Modifications"}, Widths: []float64{0.2, 0.15, 0.65}}
	for _, v := range pub.Historique {
		t.Rows = append(t.Rows, []Cell{cell(line(typo.Date(v.Date))), cell(line(orDash(v.Version, nil))), cell(line(orDash(v.Resume, nil)))})
	}
	return t
}

// current states the version in force and its date.
func current(pub *schema.Publication) Block {
	if pub.MiseAJour == "" && pub.Version == "" {
		return nil
	}
	out := line("Version en vigueur")
	if pub.Version != "" {
		out = append(out, line(" : ", pub.Version)...)
	}
	if pub.MiseAJour != "" {
		out = append(out, line(", mise à jour le ", typo.Date(pub.MiseAJour))...)
	}
	return &Paragraph{Text: append(out, Span{Text: "."})}
}

// audience is whom a document addresses when it speaks of the person
// concerned: that person (the policy), the client (the charter) or nobody
// (the register).
type audience int

const (
	toSubject audience = iota
	toClient
	toRecord
)

// decisionWording words what an automated decision means for the person
// concerned, for each audience.
var decisionWording = map[audience]struct{ importance, safeguards, noEffect, processor string }{
	toSubject: {
		"Importance pour vous",
		"Vous pouvez obtenir une intervention humaine, exprimer votre point de vue et contester la décision (art. 22, § 3, du RGPD).",
		"Cette décision ne produit pas d'effets juridiques vous concernant et ne vous affecte pas de manière significative.",
		"Nous prenons cette décision pour le compte du client, responsable du traitement : c'est auprès de lui que vous exercez votre droit de ne pas faire l'objet d'une décision fondée exclusivement sur un traitement automatisé (art. 22 du RGPD).",
	},
	toClient: {
		"Importance pour la personne concernée",
		"La personne concernée peut obtenir une intervention humaine, exprimer son point de vue et contester la décision (art. 22, § 3, du RGPD).",
		"Cette décision ne produit pas d'effets juridiques à l'égard de la personne concernée et ne l'affecte pas de manière significative.",
		"Nous prenons cette décision pour votre compte et sur vos instructions : il vous appartient, en qualité de responsable du traitement, d'en informer les personnes concernées et de leur permettre d'exercer leur droit de ne pas faire l'objet d'une décision fondée exclusivement sur un traitement automatisé (art. 22 du RGPD).",
	},
	toRecord: {
		"Importance pour la personne concernée",
		"La personne concernée peut obtenir une intervention humaine, exprimer son point de vue et contester la décision (art. 22, § 3, du RGPD).",
		"Cette décision ne produit pas d'effets juridiques à l'égard de la personne concernée et ne l'affecte pas de manière significative.",
		"Décision prise pour le compte du responsable du traitement, auprès duquel s'exerce le droit de ne pas faire l'objet d'une décision fondée exclusivement sur un traitement automatisé (art. 22 du RGPD).",
	},
}

// decision describes an automated decision: what is decided, its logic,
// its significance and consequences, its effects and what allows it, and,
// for a processing carried out for clients, who answers for it.
func decision(t *schema.Traitement, to audience) []Block {
	a := t.DecisionAutomatisee
	if a == nil {
		return nil
	}
	w := decisionWording[to]
	g := a.ACompleter
	field := func(v, name, what string) any {
		if a.Significant() {
			return fact(v, g, name, what)
		}
		return orDash(v, declared(v, g, name, what))
	}
	var defs definitions
	defs.add("Décision", para(sentence(a.Description)))
	defs.add("Logique sous-jacente", para(field(a.Logique, "logique", "logique de la décision")))
	defs.add(w.importance, para(field(a.Importance, "importance", "importance de la décision")))
	defs.add("Conséquences prévues", para(field(a.Consequences, "consequences", "conséquences de la décision")))
	switch {
	case a.Significant():
		exc := any(gap(g, "exception", "exception de l'art. 22, § 2, qui permet la décision"))
		if a.Exception != "" {
			exc = line(schema.Label(a.Exception), ref(a.Exception), ".")
		}
		body := []Block{para(exc)}
		if a.Exception == "contrat" || a.Exception == "consentement_explicite" {
			body = append(body, para(w.safeguards))
		}
		defs.add("Fondement", body...)
	case a.EffetsSignificatifs == nil:
		defs.add("Effets", para(gap(g, "effets_significatifs", "effets juridiques ou significatifs de la décision")))
	default:
		defs.add("Effets", para(w.noEffect))
	}
	if v := verifyPara(a.AVerifier); v != nil {
		defs.add("À vérifier", v)
	}
	if t.Role == roleProcessor {
		defs.add("Responsable du traitement", para(w.processor))
	}
	term := "Décision automatisée"
	if a.Profilage {
		term += " (profilage)"
	}
	return []Block{para(strong(term + " : " + t.Libelle)), defs.block()}
}
