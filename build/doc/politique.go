package doc

import (
	"slices"
	"strings"

	"github.com/rgpdoc/rgpdoc/build/typo"
	"github.com/rgpdoc/rgpdoc/schema"
)

// politique builds the privacy policy (art. 12 to 14 of the GDPR), in the
// order of the information article 13 lists.
func (b *builder) politique(d *Document, pub *schema.Publication) {
	if d.Title == "" {
		d.Title = "Politique de confidentialité"
	}
	d.Subject = "Comment " + b.named("") + " traite vos données à caractère personnel"
	all := b.activities(roleController, roleJoint, roleProcessor)
	ctrl, proc := b.controlled(), b.processed()
	dest := b.destinataires(all...)
	d.Sections = []*Section{
		b.scope(pub),
		b.controller(ctrl, proc),
		b.subjects(all),
		{ID: "conservation", Title: "Durées de conservation", Blocks: []Block{
			para("Vos données sont conservées pendant les durées suivantes :"),
			b.retentionTable(all),
		}},
		{ID: "destinataires", Title: "Destinataires des données", Blocks: []Block{
			para(recipientsLead(pub, "Seuls les destinataires suivants reçoivent vos données :", "Vos données sont communiquées aux destinataires suivants :")),
			recipients(dest),
		}},
		{ID: "transferts", Title: "Hébergement et transferts hors de l'Union européenne",
			Blocks: append(hosting(dest), b.transfersBlocks(b.transferts(all...), dest, false)...)},
		{ID: "securite", Title: "Sécurité des données", Blocks: []Block{
			para("Nous mettons en œuvre les mesures techniques et organisationnelles suivantes pour protéger vos données contre la destruction, la perte, l'altération, la divulgation non autorisée et l'accès non autorisé (art. 32 du RGPD) :"),
			securityList(b.mesures(all...)),
		}},
		b.rights(ctrl, proc),
		{ID: "dpo", Title: b.dpoTitle(), Blocks: b.dpoBlocks()},
		{ID: "modifications", Title: "Modifications de la présente politique", Blocks: changes(pub,
			"La date de la dernière mise à jour de la présente politique figure en tête du document.")},
	}
}

// scope says what the policy covers: its introduction, the services
// concerned and the defined terms.
func (b *builder) scope(pub *schema.Publication) *Section {
	s := &Section{ID: "objet", Title: "Objet et champ d'application"}
	if pub.Introduction != "" {
		s.Blocks = markdown(pub.Introduction)
	} else {
		s.Blocks = []Block{para("La présente politique vous informe de la manière dont ", b.named(""),
			" traite vos données à caractère personnel, conformément aux art. 12 à 14 du RGPD.")}
	}
	if list := b.covered(); len(list) > 0 {
		var items []Inline
		for _, sv := range list {
			items = append(items, service(sv))
		}
		s.Blocks = append(s.Blocks, para("La présente politique s'applique aux services suivants :"), bullets(items...))
	}
	var defs definitions
	for _, t := range b.c.Termes {
		defs.add(t.Terme, markdown(t.Definition)...)
	}
	defs.add("RGPD", para("règlement (UE) 2016/679 du Parlement européen et du Conseil du 27 avril 2016 relatif à la protection des personnes physiques à l'égard du traitement des données à caractère personnel et à la libre circulation de ces données."))
	s.Blocks = append(s.Blocks, para("Dans la présente politique, les termes suivants ont le sens indiqué :"), defs.block())
	return s
}

// covered returns the services the policy applies to: those of the
// activities the organization answers for, and those no activity names.
// The software it runs for clients (SPI's agency software) is theirs to
// present; with no activity of its own, the policy covers every service.
func (b *builder) covered() []*schema.Service {
	ids := func(t *schema.Traitement) []string { return t.Services }
	own, named := refs(b.controlled(), ids), refs(b.activities(roleController, roleJoint, roleProcessor), ids)
	var out []*schema.Service
	for i := range b.org.Services {
		s := &b.org.Services[i]
		if len(own) == 0 || slices.Contains(own, s.ID) || !slices.Contains(named, s.ID) {
			out = append(out, s)
		}
	}
	return out
}

// service describes a service: "exemple.fr, accessible à l'adresse
// https://www.exemple.fr (ci-après « Site »). Le site de présentation…".
func service(s *schema.Service) Inline {
	out := line(Span{Text: flat(s.Nom), Strong: true})
	if s.Nom == "" {
		out = line(gap(s.ACompleter, "nom", "nom du service"))
	}
	if s.URL != "" {
		out = append(out, line(", accessible à l'adresse ", link(Web, s.URL))...)
	} else {
		out = append(out, optional(", accessible à l'adresse ", declared("", s.ACompleter, "url", "adresse du service"))...)
	}
	if s.Appellation != "" && s.Appellation != s.Nom {
		out = append(out, line(" (ci-après « ", s.Appellation, " »)")...)
	}
	out = append(out, Span{Text: "."})
	if s.Description != "" {
		out = append(out, line(" ", markdownInline(sentence(capital(s.Description))))...)
	}
	return append(out, toVerify(s.AVerifier)...)
}

// controller identifies the controller and the organization's roles.
func (b *builder) controller(ctrl, proc []*schema.Traitement) *Section {
	s := &Section{ID: "responsable", Title: "Responsable du traitement"}
	if len(ctrl) > 0 || len(proc) == 0 {
		s.Blocks = append(s.Blocks, para("Le responsable du traitement de vos données est ", b.identity(), b.designation(), ".", toVerify(b.orgDoubts())))
	} else {
		s.Blocks = append(s.Blocks, para(capitalized(b.identity()), b.designation(), ", traite les données décrites dans la présente politique en qualité de sous-traitant.", toVerify(b.orgDoubts())))
	}
	s.Blocks = append(s.Blocks, blocks(b.contacts())...)
	if b.org.Groupe != "" {
		s.Blocks = append(s.Blocks, para(capital(b.named("")), " fait partie du groupe ", b.org.Groupe, "."))
	}
	switch r := b.org.Representant; {
	case r != nil:
		s.Blocks = append(s.Blocks, para("Notre représentant dans l'Union européenne (art. 27 du RGPD) est ", contact(r), "."))
	case b.outsideEU():
		s.Blocks = append(s.Blocks, para("Notre représentant dans l'Union européenne (art. 27 du RGPD) : ", gap(b.org.ACompleter, "representant", "représentant dans l'Union européenne"), "."))
	}
	if r := b.roles(ctrl, proc); r != nil {
		lead := "Nous intervenons en qualité de :"
		if len(r.(*Definitions).Items) > 1 { // « selon » only when the role varies
			lead = "Selon les traitements, nous intervenons en qualité de :"
		}
		s.Blocks = append(s.Blocks, para(lead), r)
	}
	return s
}

// contact writes a person or body with its contact details.
func contact(c *schema.Contact) Inline {
	out := line(c.Nom)
	if c.Adresse != nil {
		out = append(out, line(", ", address(c.Adresse))...)
	}
	if c.Telephone != "" {
		out = append(out, line(", téléphone : ", c.Telephone)...)
	}
	if c.Email != "" {
		out = append(out, line(", courriel : ", link(Email, c.Email))...)
	}
	return out
}

// roles says for which activities the organization is controller, joint
// controller or processor.
func (b *builder) roles(ctrl, proc []*schema.Traitement) Block {
	var defs definitions
	var own, joint []Inline
	for _, t := range ctrl {
		if t.Role == roleJoint {
			var with []string
			for _, c := range t.ResponsablesConjoints {
				with = append(with, c.Nom)
			}
			joint = append(joint, line(t.Libelle, ", avec ", strings.Join(with, ", ")))
			continue
		}
		own = append(own, line(t.Libelle))
	}
	if len(own) > 0 {
		defs.add(label(roleController)+ref(roleController),
			para("nous déterminons les finalités et les moyens des traitements suivants : ", join(" ; ", own), "."))
	}
	if len(joint) > 0 {
		defs.add(label(roleJoint)+ref(roleJoint),
			para("nous déterminons conjointement les finalités et les moyens des traitements suivants : ", join(" ; ", joint), "."),
			para("Vous pouvez exercer vos droits auprès de chacun des responsables du traitement."))
	}
	if len(proc) > 0 {
		var items []Inline
		for _, t := range proc {
			items = append(items, line(t.Libelle, " (pour le compte de : ", b.clientNames(t), ")"))
		}
		defs.add(label(roleProcessor)+ref(roleProcessor),
			para("nous traitons pour le compte et sur instruction de nos clients, responsables du traitement, les données des traitements suivants : ", join(" ; ", items), "."),
			para("Pour toute demande relative à ces données, adressez-vous au client concerné, responsable du traitement."))
	}
	return defs.block()
}

func (b *builder) clientNames(acts ...*schema.Traitement) Inline {
	var names []string
	for _, c := range b.clients(acts...) {
		names = append(names, c.Libelle)
	}
	if len(names) == 0 {
		return line(gap(nil, "", "clients pour le compte desquels le traitement est effectué"))
	}
	return joinStrings(", ", names)
}

// subjects presents, for each category of data subjects, the data, their
// source, the purposes and their legal bases.
func (b *builder) subjects(all []*schema.Traitement) *Section {
	// The data of the activities the organization answers for must say
	// where they come from and whether providing them is mandatory.
	ctrlData := refs(b.controlled(), func(t *schema.Traitement) []string { return t.Donnees })
	s := &Section{ID: "donnees", Title: "Données traitées et finalités", Blocks: []Block{
		para("Pour chaque catégorie de personnes concernées, cette section indique les données traitées, leur source, les finalités poursuivies et la base légale de chaque traitement."),
	}}
	for _, p := range b.personnes(all...) {
		acts := concerning(all, p.ID)
		sub := &Section{ID: SubjectAnchor(p.ID), Title: p.Libelle}
		if p.Description != "" {
			sub.Blocks = markdown(p.Description)
		}
		if p.MoinsDe15Ans {
			sub.Blocks = append(sub.Blocks, para("Cette catégorie comprend des mineurs de moins de 15 ans : lorsque le traitement repose sur le consentement, celui-ci est donné conjointement par le mineur et par le ou les titulaires de l'autorité parentale (art. 45 de la loi Informatique et Libertés). ",
				fact(sentence(capital(p.ConsentementParental)), nil, "consentement_parental", "manière dont ce consentement conjoint est recueilli")))
		}
		var data definitions
		for _, d := range b.donnees(acts...) {
			if len(d.Personnes) > 0 && !slices.Contains(d.Personnes, p.ID) {
				continue
			}
			use := onBehalf
			if slices.Contains(ctrlData, d.ID) {
				use = controlled
			}
			data = append(data, dataItem(d, use))
		}
		sub.Blocks = append(sub.Blocks, blocks(para(strong("Données traitées")), data.block())...)
		var purposes definitions
		var decisions []Block
		var proc []*schema.Traitement
		for _, t := range acts {
			if t.Role == roleProcessor {
				proc = append(proc, t)
				continue
			}
			for i := range t.Finalites {
				f := &t.Finalites[i]
				purposes.add(purposeTerm(t, f), para(markdownInline(sentence(f.Description)), " ", basis(f), toVerify(f.AVerifier)))
			}
			decisions = append(decisions, decision(t, toSubject)...)
		}
		if len(purposes) > 0 {
			sub.Blocks = append(sub.Blocks, para(strong("Finalités et bases légales")), purposes.block())
		}
		sub.Blocks = append(sub.Blocks, decisions...)
		if len(proc) > 0 {
			also := ""
			if len(purposes) > 0 {
				also = "également "
			}
			var onBehalf definitions
			var decisions []Block
			for _, t := range proc {
				for i := range t.Finalites {
					onBehalf.add(purposeTerm(t, &t.Finalites[i]), para(markdownInline(sentence(t.Finalites[i].Description)), toVerify(t.Finalites[i].AVerifier)))
				}
				decisions = append(decisions, decision(t, toSubject)...)
			}
			sub.Blocks = append(sub.Blocks,
				para(strong("Traitements effectués pour le compte de nos clients")),
				para("Nous traitons ", also, "ces données en qualité de sous-traitant, pour le compte et sur instruction des responsables du traitement suivants : ", b.clientNames(proc...), ". Les finalités de ces traitements sont les suivantes :"),
				onBehalf.block())
			sub.Blocks = append(sub.Blocks, decisions...)
			sub.Blocks = append(sub.Blocks,
				para("Pour exercer vos droits sur ces données, adressez-vous au responsable du traitement concerné."))
		}
		s.Sections = append(s.Sections, sub)
	}
	return s
}

// usage sums up the legal bases of the controller's purposes, from which
// the rights of the data subjects follow.
type usage struct {
	consent, contract, decision bool
	// undecided lists the automated decisions whose effects are still to
	// be stated.
	undecided []*schema.Traitement
	// objectable lists the activities open to objection: legitimate
	// interest, public task or direct marketing (art. 21).
	objectable []Inline
	// situational lists those open to objection on grounds relating to the
	// person's situation (art. 21, § 1), marketing those open to it without
	// any reason (art. 21, § 2): a summary may not merge the two.
	situational, marketing []Inline
	// unsettled names the other activities with a purpose whose legal
	// basis is still to be stated: whether they are open to objection is
	// unknown, so the right is not left out silently.
	unsettled []string
}

// unsettledGap is the gap of the activities whose openness to objection
// waits for their legal basis; ok is false when there are none.
func (u usage) unsettledGap() (g Span, ok bool) {
	if len(u.unsettled) == 0 {
		return Span{}, false
	}
	return gap(nil, "", "application de ce droit aux traitements dont la base légale n'est pas indiquée : "+strings.Join(u.unsettled, " ; ")), true
}

func usageOf(ctrl []*schema.Traitement) usage {
	var u usage
	for _, t := range ctrl {
		situational, marketing, unknown := false, false, false
		for _, f := range t.Finalites {
			switch f.BaseLegale {
			case "":
				unknown = true
			case "consentement":
				u.consent = true
			case "contrat":
				u.contract = true
			case "interet_legitime", "mission_interet_public":
				situational = true
			}
			marketing = marketing || f.Prospection
		}
		if situational || marketing {
			u.objectable = append(u.objectable, line(t.Libelle))
		} else if unknown {
			u.unsettled = append(u.unsettled, t.Libelle)
		}
		if situational {
			u.situational = append(u.situational, line(t.Libelle))
		}
		if marketing {
			u.marketing = append(u.marketing, line(t.Libelle))
		}
		if a := t.DecisionAutomatisee; a.Significant() {
			u.decision = true
		} else if a != nil && a.EffetsSignificatifs == nil {
			u.undecided = append(u.undecided, t)
		}
	}
	return u
}

// rightsList holds the rights the policy lists, in the order of the GDPR,
// each with the condition under which the legal bases give it. The right to
// object comes apart (art. 21, § 4), the complaint in its own section.
var rightsList = []struct {
	title   string
	text    func(*schema.DescriptionsDroits) string
	applies func(usage) bool
}{
	{"Droit d'accès (art. 15 du RGPD)", func(d *schema.DescriptionsDroits) string { return d.Acces }, nil},
	{"Droit de rectification (art. 16 du RGPD)", func(d *schema.DescriptionsDroits) string { return d.Rectification }, nil},
	{"Droit à l'effacement (« droit à l'oubli », art. 17 du RGPD)", func(d *schema.DescriptionsDroits) string { return d.Effacement }, nil},
	{"Droit à la limitation du traitement (art. 18 du RGPD)", func(d *schema.DescriptionsDroits) string { return d.Limitation }, nil},
	{"Droit à la portabilité des données (art. 20 du RGPD)", func(d *schema.DescriptionsDroits) string { return d.Portabilite },
		func(u usage) bool { return u.consent || u.contract }},
	{"Droit de retirer votre consentement (art. 7, § 3, du RGPD)", func(d *schema.DescriptionsDroits) string { return d.RetraitConsentement },
		func(u usage) bool { return u.consent }},
	{"Droit de ne pas faire l'objet d'une décision fondée exclusivement sur un traitement automatisé (art. 22 du RGPD)",
		func(d *schema.DescriptionsDroits) string { return d.DecisionAutomatisee }, nil},
	{"Droit de définir des directives relatives au sort de vos données après votre décès (art. 85 de la loi Informatique et Libertés)",
		func(d *schema.DescriptionsDroits) string { return d.DirectivesPostMortem }, nil},
}

// noDecision words what the organization states it does not decide
// automatically (organisation.sans_decision_automatisee), in the scope the
// source gives, never wider; it replaces the description of the right of
// article 22 when no activity takes a decision of the kind.
var noDecision = map[schema.PorteeDecision]string{
	"toute_decision":       "nous ne prenons aucune décision fondée exclusivement sur un traitement automatisé.",
	"effets_juridiques":    "nous ne prenons aucune décision fondée exclusivement sur un traitement automatisé qui produise des effets juridiques vous concernant.",
	"effets_significatifs": "nous ne prenons aucune décision fondée exclusivement sur un traitement automatisé qui produise des effets juridiques vous concernant ou vous affecte de manière significative.",
}

// automated presents the right of article 22: its description when the
// organization takes decisions of the kind, or says that it takes none (or
// that this is still to be stated); then points to the decisions taken on
// behalf of clients, which the client answers for.
func (b *builder) automated(u usage, text string, proc []*schema.Traitement) []Block {
	var out []Block
	switch {
	case u.decision:
		out = markdown(text)
	case len(u.undecided) > 0:
		for _, t := range u.undecided {
			out = append(out, para(gap(t.DecisionAutomatisee.ACompleter, "effets_significatifs", "effets juridiques ou significatifs de la décision automatisée du traitement « "+t.Libelle+" »")))
		}
	case b.org.SansDecisionAutomatisee == "":
		out = []Block{para(gap(b.org.ACompleter, "sans_decision_automatisee", "existence de décisions fondées exclusivement sur un traitement automatisé"))}
	case len(proc) > 0:
		out = []Block{para("Pour les traitements dont nous sommes responsables, ", noDecision[b.org.SansDecisionAutomatisee])}
	default:
		out = []Block{para(capital(noDecision[b.org.SansDecisionAutomatisee]))}
	}
	for _, t := range proc {
		if t.DecisionAutomatisee == nil {
			continue
		}
		// The activity names first the persons its decision concerns most.
		where := any(nil)
		for _, id := range t.Personnes {
			if i := slices.IndexFunc(b.c.Personnes, func(p schema.Personne) bool { return p.ID == id }); i >= 0 {
				where = line(", décrite à la section « ", internal(b.c.Personnes[i].Libelle, SubjectAnchor(id)), " »")
				break
			}
		}
		out = append(out, para("Le traitement « ", t.Libelle, " », que nous effectuons pour le compte de nos clients, comporte une décision automatisée", where,
			" : ce droit s'exerce auprès du client concerné, responsable du traitement."))
	}
	return out
}

// rights lists the rights the legal bases give, how to exercise them and
// how to complain to the supervisory authority.
func (b *builder) rights(ctrl, proc []*schema.Traitement) *Section {
	u := usageOf(ctrl)
	desc := &schema.DescriptionsDroits{}
	if b.c.Droits != nil && b.c.Droits.Descriptions != nil {
		desc = b.c.Droits.Descriptions
	}
	var defs definitions
	for _, r := range rightsList {
		if r.applies != nil && !r.applies(u) {
			continue
		}
		text := r.text(desc)
		switch {
		case strings.HasPrefix(r.title, "Droit de ne pas") && (text != "" || !u.decision):
			defs.add(r.title, b.automated(u, text, proc)...)
		case text == "":
			defs.add(r.title, para(gap(nil, "", "description de ce droit (droits.descriptions)")))
		default:
			defs.add(r.title, markdown(text)...)
		}
	}
	s := &Section{ID: "droits", Title: "Vos droits", Blocks: []Block{
		para("Conformément au RGPD et à la loi n°\u00a078-17 du 6 janvier 1978 relative à l'informatique, aux fichiers et aux libertés, vous disposez des droits suivants sur vos données :"),
		defs.block(),
	}}
	if len(u.objectable) > 0 || len(u.unsettled) > 0 {
		text := any(gap(nil, "", "description du droit d'opposition (droits.descriptions.opposition)"))
		if desc.Opposition != "" {
			text = markdownInline(desc.Opposition)
		}
		note := &Note{Kind: Important, Blocks: []Block{para(strong("Droit d'opposition (art. 21 du RGPD)"), " : ", text)}}
		if len(u.objectable) > 0 {
			note.Blocks = append(note.Blocks, para("Ce droit s'applique aux traitements suivants : ", join(" ; ", u.objectable), "."))
		}
		if g, ok := u.unsettledGap(); ok {
			note.Blocks = append(note.Blocks, para(g))
		}
		s.Blocks = append(s.Blocks, note)
	}
	s.Sections = []*Section{b.exercise(proc), b.complaint(desc.Reclamation)}
	return s
}

// exercise says how to exercise the rights and when the answer comes.
func (b *builder) exercise(proc []*schema.Traitement) *Section {
	ex := &schema.Exercice{}
	if b.c.Droits != nil && b.c.Droits.Exercice != nil {
		ex = b.c.Droits.Exercice
	}
	s := &Section{ID: "exercice", Title: "Exercer vos droits"}
	who := "à nous"
	if ex.Aupres != "" {
		who = to(ex.Aupres)
	}
	s.Blocks = append(s.Blocks, para("Pour exercer vos droits, adressez-vous ", who, " :"),
		bullets(b.channels(reach{form: ex.Formulaire, email: ex.Email, post: ex.Adresse, gaps: ex.ACompleter})...))
	if ex.Justificatif != "" {
		s.Blocks = append(s.Blocks, markdown(ex.Justificatif)...)
	}
	delay := "dans le délai d'un mois"
	if ex.DelaiReponse != nil {
		delay = "dans un délai " + within(*ex.DelaiReponse)
	}
	s.Blocks = append(s.Blocks, para("Nous vous répondons ", delay, " à compter de la réception de votre demande. Ce délai peut être prolongé de deux mois compte tenu de la complexité ou du nombre de demandes ; nous vous en informons alors dans le mois qui suit la réception de votre demande (art. 12, § 3, du RGPD)."))
	if ex.Precisions != "" {
		s.Blocks = append(s.Blocks, markdown(ex.Precisions)...)
	}
	s.Blocks = append(s.Blocks, blocks(verifyPara(ex.AVerifier), verifyPara(delayVerify(ex)))...)
	if len(proc) > 0 {
		s.Blocks = append(s.Blocks, para("Si votre demande porte sur des données que nous traitons pour le compte d'un client, elle relève de ce client, responsable du traitement."))
	}
	return s
}

// delayVerify returns what is to confirm of the response delay, or nil.
func delayVerify(ex *schema.Exercice) schema.Verifications {
	if ex.DelaiReponse == nil {
		return nil
	}
	return ex.DelaiReponse.AVerifier
}

// one is the wording of a duration of one unit after « un délai ».
var one = map[schema.Unite]string{"jours": "d'un jour", "semaines": "d'une semaine", "mois": "d'un mois", "ans": "d'un an"}

// within writes a delay after « dans un délai »: "d'un mois", "de 15 jours".
func within(d schema.Duree) string {
	if d.Valeur == 1 && !d.Maximum {
		return one[d.Unite]
	}
	return "de " + typo.Duree(d)
}

// complaint says how to complain to the supervisory authority.
func (b *builder) complaint(text string) *Section {
	s := &Section{ID: "reclamation", Title: "Réclamation auprès de l'autorité de contrôle"}
	switch {
	case text == "":
		s.Blocks = append(s.Blocks, para("Vous avez le droit d'introduire une réclamation auprès de l'autorité de contrôle."))
	case capital(text) == text:
		// A sentence of its own.
		s.Blocks = append(s.Blocks, markdown(text)...)
	default:
		s.Blocks = append(s.Blocks, &Paragraph{Text: line("Vous avez le droit ", markdownInline(elide("de", text)))})
	}
	a := b.org.AutoriteControle
	if a == nil {
		s.Blocks = append(s.Blocks, para(gap(nil, "", "autorité de contrôle (organisation.autorite_controle)")))
		return s
	}
	name := a.Nom
	if a.Sigle != "" {
		name += " (" + a.Sigle + ")"
	}
	online := a.Plainte
	if online == "" {
		online = a.Site
	}
	var phones []string
	if a.Telephone != "" {
		phones = []string{a.Telephone}
	}
	items := b.channels(reach{form: online, phones: phones, post: a.Adresse})
	s.Blocks = append(s.Blocks, para("Autorité de contrôle : ", name, "."), bullets(items...))
	return s
}

// to puts « à » before a noun phrase, contracted with its article: "au
// délégué", "aux services", "à notre support".
func to(who string) string {
	switch {
	case strings.HasPrefix(who, "le "):
		return "au " + who[len("le "):]
	case strings.HasPrefix(who, "les "):
		return "aux " + who[len("les "):]
	}
	return "à " + who
}

// elide joins a preposition to an infinitive: "d'introduire", "de définir".
func elide(prep, s string) string {
	if r := []rune(strings.ToLower(s)); len(r) > 0 && strings.ContainsRune("aâeéèêiîoôuûh", r[0]) {
		return prep[:len(prep)-1] + "'" + s
	}
	return prep + " " + s
}

// changes says how the document changes and lists its versions. Without the
// content's own words, it states only where the date is: an undertaking to
// update the document is the organization's to make.
func changes(pub *schema.Publication, fallback string) []Block {
	var out []Block
	if pub.Modifications != "" {
		out = markdown(pub.Modifications)
	} else {
		out = []Block{para(fallback)}
	}
	return append(out, blocks(current(pub), history(pub))...)
}
