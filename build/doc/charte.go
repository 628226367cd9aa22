package doc

import (
	"slices"

	"github.com/rgpdoc/rgpdoc/schema"
)

// charte builds the data charter a processor gives its clients (art. 28 of
// the GDPR): what it does with their data, with whom, for how long, how it
// protects them and what it commits to.
func (b *builder) charte(d *Document, pub *schema.Publication) {
	if d.Title == "" {
		d.Title = "Charte de traitement des données"
	}
	d.Subject = "Traitements de données effectués par " + b.named("") + " pour le compte de ses clients (art. 28 du RGPD)"
	if c := b.c.Documents; c != nil && c.Charte != nil && len(c.Charte.Public) > 0 {
		var defs definitions
		for _, p := range c.Charte.Public {
			defs.add(p.Groupe, para(joinStrings(", ", p.Membres), "."))
		}
		d.Preamble = []Block{para(strong("Destinataires du document")), defs.block()}
	}
	proc := b.processed()
	dest := b.destinataires(proc...)
	d.Sections = []*Section{
		b.preamble(pub),
		b.processing(proc),
		sharing(pub, dest),
		{ID: "conservation", Title: "Durées de conservation", Blocks: []Block{
			para("Les données traitées pour votre compte sont conservées pendant les durées suivantes :"),
			b.retentionTable(proc),
		}},
		{ID: "transferts", Title: "Hébergement et transferts hors de l'Union européenne",
			Blocks: append(hosting(dest), b.transfersBlocks(b.transferts(proc...), dest, false)...)},
		{ID: "securite", Title: "Sécurité des données", Blocks: []Block{
			para("Nous mettons en œuvre les mesures techniques et organisationnelles suivantes pour protéger les données traitées pour votre compte (art. 32 du RGPD) :"),
			securityList(b.mesures(proc...)),
		}},
		b.subprocessors(pub, dest),
		b.commitments(),
		b.contact(),
		b.expectations(),
		{ID: "modifications", Title: "Modifications de la présente charte", Blocks: changes(pub,
			"La date de la dernière mise à jour de la présente charte figure en tête du document.")},
	}
}

// preamble introduces the charter, the processor and its clients.
func (b *builder) preamble(pub *schema.Publication) *Section {
	s := &Section{ID: "preambule", Title: "Préambule"}
	if pub.Introduction != "" {
		s.Blocks = markdown(pub.Introduction)
	} else {
		s.Blocks = []Block{para("La présente charte décrit les traitements de données à caractère personnel que nous effectuons pour le compte de nos clients et les engagements que nous prenons envers eux.")}
	}
	s.Blocks = append(s.Blocks, para(capitalized(b.identity()), b.designation(),
		", agit en qualité de sous-traitant (art. 28 du RGPD) pour le compte de ses clients, responsables du traitement (ci-après « vous »).", toVerify(b.orgDoubts())))
	clients := &List{}
	for i := range b.c.Clients {
		c := &b.c.Clients[i]
		item := []Block{para(strong(c.Libelle), optional(" : ", markdownInline(c.Description)))}
		if c.Coordonnees != "" {
			item = append(item, markdown(c.Coordonnees)...)
		}
		item = append(item, blocks(verifyPara(c.AVerifier))...)
		clients.Items = append(clients.Items, item)
	}
	if len(clients.Items) > 0 {
		s.Blocks = append(s.Blocks, para("Nos clients sont les suivants :"), clients)
	}
	return s
}

// processing describes each processing carried out for clients: subject,
// purposes, data subjects, data, channels, information, operations.
func (b *builder) processing(proc []*schema.Traitement) *Section {
	s := &Section{ID: "traitements", Title: "Traitements effectués pour votre compte"}
	if len(proc) == 0 {
		s.Blocks = []Block{para(gap(nil, "", "traitements effectués pour le compte des clients"))}
		return s
	}
	for _, t := range proc {
		sub := &Section{ID: ProcessingAnchor(t.ID), Title: t.Libelle}
		if t.Description != "" {
			sub.Blocks = markdown(t.Description)
		}
		var defs definitions
		defs.add("Pour le compte de", para(b.clientNames(t), "."))
		var purposes []Inline
		for i := range t.Finalites {
			purposes = append(purposes, append(markdownInline(sentence(t.Finalites[i].Description)), toVerify(t.Finalites[i].AVerifier)...))
		}
		if len(purposes) == 1 {
			defs.add("Finalité", &Paragraph{Text: purposes[0]})
		} else {
			defs.add("Finalités", bullets(purposes...))
		}
		var people []Inline
		for _, p := range b.personnes(t) {
			people = append(people, line(p.Libelle))
		}
		defs.add("Personnes concernées", para(join(", ", people), "."))
		var data definitions
		for _, d := range b.donnees(t) {
			data = append(data, dataItem(d, noSource))
		}
		defs.add("Données traitées", blocks(data.block())...)
		if len(t.Canaux) > 0 {
			defs.add("Canaux de collecte", bullets(plainItems(t.Canaux)...))
		}
		if len(t.Information) > 0 {
			var items []Inline
			for _, i := range t.Information {
				items = append(items, markdownInline(i))
			}
			defs.add("Information des personnes concernées", bullets(items...))
		} else if g := declared("", t.ACompleter, "information", "information des personnes concernées"); g != nil {
			defs.add("Information des personnes concernées", para(g))
		}
		if len(t.Operations) > 0 {
			defs.add("Opérations effectuées", para(capital(joinStrings(", ", t.Operations).String()), "."))
		} else {
			defs.add("Opérations effectuées", para(gap(t.ACompleter, "operations", "nature des opérations effectuées")))
		}
		if v := verifyPara(t.AVerifier); v != nil {
			defs.add("À vérifier", v)
		}
		sub.Blocks = append(sub.Blocks, defs.block())
		sub.Blocks = append(sub.Blocks, decision(t, toClient)...)
		s.Sections = append(s.Sections, sub)
	}
	return s
}

func plainItems(list []string) []Inline {
	var out []Inline
	for _, s := range list {
		out = append(out, line(s))
	}
	return out
}

// sharing says with whom the data processed for clients are shared; the
// sub-processors have their own section.
func sharing(pub *schema.Publication, dest []*schema.Destinataire) *Section {
	others := slices.DeleteFunc(slices.Clone(dest), func(d *schema.Destinataire) bool { return d.Type == "sous_traitant" })
	s := &Section{ID: "destinataires", Title: "Partage des données"}
	switch {
	case len(others) > 0:
		s.Blocks = []Block{
			para(recipientsLead(pub, "Nous ne communiquons les données traitées pour votre compte qu'à vous-mêmes, aux personnes que vous autorisez et aux destinataires suivants :",
				"Les données traitées pour votre compte sont communiquées aux destinataires suivants :")),
			recipients(others),
		}
	case pub.DestinatairesExhaustifs:
		s.Blocks = []Block{para("Nous ne communiquons les données traitées pour votre compte qu'à vous-mêmes et aux personnes que vous autorisez.")}
	}
	s.Blocks = append(s.Blocks, para("Nos sous-traitants ultérieurs sont présentés à la section « ", internal("Sous-traitants ultérieurs", "sous-traitants-ulterieurs"), " »."))
	return s
}

// subprocessors names the sub-processors and how the client authorizes
// them and hears of changes.
func (b *builder) subprocessors(pub *schema.Publication, dest []*schema.Destinataire) *Section {
	s := &Section{ID: "sous-traitants-ulterieurs", Title: "Sous-traitants ultérieurs"}
	var items []Inline
	bound := true
	for _, d := range dest {
		if d.Type == "sous_traitant" {
			bound = bound && d.MemesObligations != nil && *d.MemesObligations
			items = append(items, append(recipient(d), sameObligations(d)...))
		}
	}
	switch {
	case len(items) > 0 && bound:
		s.Blocks = []Block{para("Nous faisons appel aux sous-traitants ultérieurs suivants, liés par un contrat qui leur impose les mêmes obligations que celles que nous prenons envers vous (art. 28, § 4, du RGPD) :"), bullets(items...)}
	case len(items) > 0:
		s.Blocks = []Block{para("Nous faisons appel aux sous-traitants ultérieurs suivants :"), bullets(items...)}
	case pub.DestinatairesExhaustifs:
		s.Blocks = []Block{para("Nous ne faisons appel à aucun sous-traitant ultérieur pour les traitements effectués pour votre compte.")}
	default:
		s.Blocks = []Block{para(gap(pub.ACompleter, "destinataires_exhaustifs", "sous-traitants ultérieurs"))}
	}
	st := b.sousTraitance()
	if st.Autorisation != "" {
		s.Blocks = append(s.Blocks, para("Nous y recourons avec votre ", schema.Label(st.Autorisation), ref(st.Autorisation), "."))
	} else {
		s.Blocks = append(s.Blocks, para(gap(st.ACompleter, "autorisation_sous_traitants", "régime d'autorisation des sous-traitants ultérieurs")))
	}
	switch {
	case st.InformationChangements != "":
		s.Blocks = append(s.Blocks, markdown(st.InformationChangements)...)
	case st.Autorisation == "generale":
		s.Blocks = append(s.Blocks, para(gap(st.ACompleter, "information_changements", "information du client sur les changements de sous-traitants ultérieurs")))
	}
	return s
}

// sameObligations states, for a sub-processor whose contract is not known
// to impose the processor's own obligations, what the content says of it.
func sameObligations(d *schema.Destinataire) Inline {
	switch {
	case d.MemesObligations == nil:
		return line(" ", gap(d.ACompleter, "memes_obligations", "contrat imposant à ce sous-traitant ultérieur les mêmes obligations (art. 28, § 4, du RGPD)"))
	case !*d.MemesObligations:
		return line(" Son contrat ne lui impose pas les mêmes obligations que les nôtres (art. 28, § 4, du RGPD).")
	}
	return nil
}

func (b *builder) sousTraitance() *schema.SousTraitance {
	if b.c.SousTraitance != nil {
		return b.c.SousTraitance
	}
	return &schema.SousTraitance{}
}

// commitments lists what the processor commits to under article 28, § 3.
func (b *builder) commitments() *Section {
	st := b.sousTraitance()
	g := st.ACompleter
	text := func(v, field, what string) []Block {
		if v == "" {
			return []Block{para(gap(g, field, what))}
		}
		return markdown(v)
	}
	var defs definitions
	defs.add("Instructions documentées", text(st.Instructions, "instructions", "traitement sur instruction documentée du client")...)
	defs.add("Instruction contraire au RGPD", text(st.InstructionIllicite, "instruction_illicite",
		"information immédiate du client d'une instruction qui constituerait une violation du RGPD (art. 28, § 3, dernier alinéa)")...)
	defs.add("Durée des traitements", para(sentence(capital(flat(st.Duree)))))
	if st.Duree == "" {
		defs[len(defs)-1].Body = []Block{para(gap(g, "duree", "durée des traitements"))}
	}
	defs.add("Confidentialité", text(st.Confidentialite, "confidentialite", "engagement de confidentialité des personnes autorisées")...)
	defs.add("Fin du contrat", para(b.endOfContract()))
	defs.add("Assistance", text(st.Assistance, "assistance", "aide apportée au client")...)
	defs.add("Violations de données", text(st.Violations, "violations", "notification des violations de données au client")...)
	defs.add("Audits et inspections", text(st.Audit, "audit", "audits et inspections")...)
	if st.InstructionIllicite != "" {
		defs.add("Instruction illicite", markdown(st.InstructionIllicite)...)
	}
	if v := verifyPara(st.AVerifier); v != nil {
		defs.add("À vérifier", v)
	}
	return &Section{ID: "engagements", Title: "Nos engagements de sous-traitant", Blocks: []Block{
		para("Conformément à l'art. 28, § 3, du RGPD, nous prenons envers vous les engagements suivants :"),
		defs.block(),
	}}
}

// endOfContract says what becomes of the data at the end of the contract.
func (b *builder) endOfContract() Inline {
	st := b.sousTraitance()
	if st.FinDeContrat == "" {
		return line(gap(st.ACompleter, "fin_de_contrat", "sort des données à la fin du contrat"))
	}
	out := line(label(st.FinDeContrat))
	out = append(out, line(", sauf obligation légale de conservation, conformément à l'art. 28, § 3, g) du RGPD.")...)
	if st.DelaiFinDeContrat != nil {
		// The delay goes before the legal reference; its doubt after the sentence.
		out = slices.Insert(out, 1, line(", dans un délai ", within(*st.DelaiFinDeContrat), " à compter de la fin du contrat")...)
		out = append(out, toVerify(st.DelaiFinDeContrat.AVerifier)...)
	}
	return out
}

// contact gives the client whom to reach about the data processed for it:
// the DPO, and the organization's own contact details, which the charter
// gives nowhere else.
func (b *builder) contact() *Section {
	s := &Section{ID: "dpo", Title: "Nous contacter", Blocks: []Block{
		para("Pour toute question, intervention ou contrôle sur les données traitées pour votre compte, vous pouvez contacter :"),
	}}
	var defs definitions
	if d := b.org.DPO; d != nil {
		defs.add(line("Notre délégué à la protection des données (DPO)", optional(", ", dpoName(d))),
			blocks(bullets(b.channels(reach{form: d.Formulaire, email: d.Email, phones: d.Telephones, post: d.Adresse, gaps: d.ACompleter, whose: " du DPO"})...),
				verifyPara(b.dpoDoubt()), verifyPara(d.AVerifier))...)
	}
	var phones []string
	if b.org.Telephone != "" {
		phones = []string{b.org.Telephone}
	}
	defs.add(fact(b.name(), b.org.ACompleter, "raison_sociale", "raison sociale"), bullets(b.channels(reach{email: b.org.Email, phones: phones, post: b.org.Siege})...))
	s.Blocks = append(s.Blocks, defs.block())
	if b.org.DPO == nil {
		s.Blocks = append(s.Blocks, para(b.noDPO()))
	}
	return s
}

// expectations lists what the client must provide.
func (b *builder) expectations() *Section {
	s := &Section{ID: "attentes", Title: "Ce que nous attendons de vous"}
	st := b.sousTraitance()
	if len(st.AttentesClient) == 0 {
		s.Blocks = []Block{para(gap(st.ACompleter, "attentes_client", "ce que le client doit fournir"))}
		return s
	}
	s.Blocks = []Block{para("Pour que nous puissions traiter les données conformément au RGPD, nous vous demandons de nous fournir :"), bullets(plainItems(st.AttentesClient)...)}
	return s
}
