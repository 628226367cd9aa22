package doc

import (
	"slices"
	"strings"
	"time"

	"github.com/rgpdoc/rgpdoc/build/typo"
	"github.com/rgpdoc/rgpdoc/schema"
)

// This file builds the first layer of the information (EDPB guidelines on
// transparency, WP260 rev.01, § 35 to 38): the essentials of the politique,
// read in a minute, and the notice under each form of an activity that
// collects data from the person (mentions.go). Both link to the politique,
// the second layer.

// Layers builds the essentials and the notices of an organization that
// publishes a politique, in the order the site presents them; none when it
// publishes no politique. The caller sets Draft, and Date when the
// politique gives no update date.
func Layers(id string, c *schema.Contenu) []*Document {
	pub := publication(Politique, c)
	if pub == nil {
		return nil
	}
	b := newBuilder(c)
	out := []*Document{b.essentiel()}
	for _, t := range b.collecting() {
		out = append(out, b.mention(t))
	}
	for _, d := range out {
		d.Org = b.orgInfo(id)
		if pub.MiseAJour != "" {
			d.Updated = typo.Date(pub.MiseAJour)
			if t, err := time.Parse(time.DateOnly, pub.MiseAJour); err == nil {
				d.Date = t
			}
		}
		finish(d)
		d.heading()
		d.setDraft(gapPoints(d))
	}
	return out
}

// essentiel builds the essentials: who is responsible, the purposes, what
// would surprise, the rights, the DPO, and the way to the full politique.
func (b *builder) essentiel() *Document {
	d := &Document{Kind: Essentiel, Title: "L'essentiel sur vos données", Brief: true,
		Subject: "Ce que " + b.name() + " fait de vos données personnelles, en bref"}
	ctrl, proc := b.controlled(), b.processed()
	acts := ctrl
	if len(acts) == 0 {
		acts = proc
	}
	d.Preamble = []Block{para("Cette page résume notre ", b.policyLink(d, "politique de confidentialité", ""),
		", qui détaille chaque traitement.")}
	d.Sections = []*Section{
		{ID: "responsable", Title: "Qui est responsable ?", Blocks: b.who(ctrl, proc)},
		{ID: "finalites", Title: "Pourquoi nous utilisons vos données", Blocks: b.purposesInBrief(ctrl, proc)},
		{ID: "a-savoir", Title: "À savoir", Blocks: b.notable(acts)},
		{ID: "droits", Title: "Vos droits", Blocks: b.rightsInBrief(ctrl)},
		{ID: "dpo", Title: b.dpoTitle(), Blocks: b.dpoBlocks()},
		{ID: "en-savoir-plus", Title: "En savoir plus", Blocks: []Block{
			para("Durées de conservation, destinataires, sécurité et détail de vos droits : consultez notre ",
				b.policyLink(d, "politique de confidentialité", ""), "."),
		}},
	}
	// What no fact says is not said: a section with nothing to say goes.
	d.Sections = slices.DeleteFunc(d.Sections, func(s *Section) bool { return len(s.Blocks) == 0 })
	return d
}

// policyLink links to the politique, or to one of its sections: at the
// address where the documents are published when the content gives it, so
// that the link works from any page, else relative to the document.
func (b *builder) policyLink(d *Document, text, anchor string) Span {
	target := d.Root() + string(Politique) + ".html"
	if b.c.Documents != nil {
		if base, _, _ := Href(Web, b.c.Documents.URL); base != "" {
			target = strings.TrimSuffix(base, "/") + "/" + string(Politique) + ".html"
		}
	}
	if anchor != "" {
		target += "#" + anchor
	}
	return Span{Text: text, Link: target}
}

// who names the controller and where it is established, or, for an
// organization that only processes data for clients, says so.
func (b *builder) who(ctrl, proc []*schema.Traitement) []Block {
	g := b.org.ACompleter
	seat := any(gap(g, "siege", "adresse du siège social"))
	if b.org.Siege != nil {
		seat = address(b.org.Siege)
	}
	name := fact(b.name(), g, "raison_sociale", "raison sociale")
	if len(ctrl) == 0 && len(proc) > 0 {
		return []Block{para(name, " (", seat, ") traite vos données en qualité de sous-traitant, pour le compte de ses clients, responsables du traitement : ",
			b.clientNames(proc...), ".")}
	}
	out := []Block{para("Le responsable du traitement de vos données est ", name, ", ", seat, ".")}
	if len(proc) > 0 {
		out = append(out, para("Pour certains traitements, nous agissons pour le compte de nos clients (", b.clientNames(proc...),
			"), qui en sont responsables."))
	}
	return out
}

// purposesInBrief gives each purpose in a sentence, with its legal basis.
func (b *builder) purposesInBrief(ctrl, proc []*schema.Traitement) []Block {
	var items []Inline
	for _, t := range ctrl {
		for i := range t.Finalites {
			f := &t.Finalites[i]
			items = append(items, line(strong(purposeTerm(t, f)), " : ", markdownInline(sentence(f.Description)),
				" Base légale : ", basisName(f), ".", toVerify(f.AVerifier)))
		}
	}
	for _, t := range proc {
		items = append(items, line(strong(t.Libelle), " : pour le compte de nos clients (", b.clientNames(t), ")."))
	}
	if len(items) == 0 {
		return []Block{para(gap(nil, "", "finalités des traitements"))}
	}
	return []Block{bullets(items...)}
}

// basisName names a purpose's legal basis in a few words, or shows its gap.
func basisName(f *schema.Finalite) any {
	if f.BaseLegale == "" {
		return gap(f.ACompleter, "base_legale", "base légale")
	}
	return schema.Label(f.BaseLegale)
}

// basisInBrief names a purpose's legal basis with its article, and the
// interest or the obligation it rests on, after a colon: "intérêts
// légitimes, au sens de l'art. 6, § 1, f) du RGPD : développer…".
func basisInBrief(f *schema.Finalite) Inline {
	out := line(basisName(f), ref(f.BaseLegale))
	switch g := f.ACompleter; f.BaseLegale {
	case "interet_legitime":
		out = append(out, line(" : ", fact(f.Interet, g, "interet", "intérêt légitime poursuivi"))...)
	case "obligation_legale":
		out = append(out, line(" : ", fact(f.Obligation, g, "obligation", "texte qui impose l'obligation"))...)
	}
	return out
}

// notable lists, from the facts, what a person would not expect or what
// weighs most (WP260 rev.01, § 36): automated decisions and profiling,
// video surveillance, transfers outside the EEA, special categories of
// data, data not collected from the person, trackers, children, direct
// marketing. With none of them, it says so.
func (b *builder) notable(acts []*schema.Traitement) []Block {
	var items []Inline
	for _, t := range acts {
		if a := t.DecisionAutomatisee; a != nil {
			term := "Décision automatisée"
			if a.Profilage {
				term += " et profilage"
			}
			items = append(items, line(strong(term), " (", t.Libelle, ") : ", markdownInline(sentence(a.Description))))
		}
		if t.Videosurveillance {
			items = append(items, line(strong("Vidéosurveillance"), " : ", t.Libelle, "."))
		}
	}
	items = append(items, b.transfersInBrief(acts)...)
	for _, d := range b.donnees(acts...) {
		if d.Sensible != nil {
			items = append(items, line(strong("Données sensibles"), " : ", d.Libelle, " (", schema.Label(d.Sensible.Categorie), ")."))
		}
	}
	ctrlData := refs(b.controlled(), func(t *schema.Traitement) []string { return t.Donnees })
	for _, d := range b.donnees(acts...) {
		if (d.Source == "tiers" || d.Source == "source_publique") && slices.Contains(ctrlData, d.ID) {
			items = append(items, line(strong("Données qui ne viennent pas de vous"), " : ", d.Libelle, ", collectées ",
				schema.Label(d.Source), " (", fact(d.Origine, d.ACompleter, "origine", "origine des données"), ")."))
		}
	}
	for _, d := range b.donnees(acts...) {
		if d.Traceur {
			items = append(items, line(strong("Cookies et traceurs"), " : ", d.Libelle, "."))
		}
	}
	for _, p := range b.personnes(acts...) {
		if p.MoinsDe15Ans {
			items = append(items, line(strong("Mineurs de moins de 15 ans"), " : ", p.Libelle, "."))
		}
	}
	var marketing []Inline
	for _, t := range acts {
		for i := range t.Finalites {
			if t.Role != roleProcessor && t.Finalites[i].Prospection {
				marketing = append(marketing, line(purposeTerm(t, &t.Finalites[i])))
			}
		}
	}
	if len(marketing) > 0 {
		items = append(items, line(strong("Prospection commerciale"), " : ", join(" ; ", marketing),
			". Vous pouvez vous y opposer à tout moment, sans avoir à vous justifier."))
	}
	if len(items) == 0 {
		return b.nothingNotable(acts)
	}
	return []Block{bullets(items...)}
}

// nothingNotable says what the activities do not do, as far as facts say
// it: an absence of automated decisions the organization declares, special
// categories each activity declares none of, recipients all known to work in
// the EEA. Nothing is inferred from a fact left out: with none of these
// facts, it says nothing.
func (b *builder) nothingNotable(acts []*schema.Traitement) []Block {
	var none []string
	if s := b.org.SansDecisionAutomatisee; s != "" {
		none = append(none, schema.Label(s))
	}
	if !slices.ContainsFunc(acts, func(t *schema.Traitement) bool { return t.DonneesSensibles != "aucune" }) {
		none = append(none, "aucune donnée sensible")
	}
	dest := b.destinataires(acts...)
	if len(dest) > 0 && !slices.ContainsFunc(dest, unlocated) {
		none = append(none, "aucun transfert hors de l'Espace économique européen")
	}
	if len(none) == 0 {
		return nil
	}
	return []Block{para("Nos traitements ne comportent ", andList(none), ".")}
}

// transfersInBrief names the transfers outside the EEA and their
// safeguards; a recipient working outside the EEA without a declared
// transfer shows as a gap.
func (b *builder) transfersInBrief(acts []*schema.Traitement) []Inline {
	list := b.transferts(acts...)
	var out []Inline
	for _, tr := range list {
		who := tr.Destinataire
		if d := b.destinataire(tr.Destinataire); d != nil {
			who = d.Libelle
		}
		where := any(gap(tr.ACompleter, "pays", "pays de destination"))
		if len(tr.Pays) > 0 {
			where = countries(tr.Pays)
		}
		safeguard := any(gap(tr.ACompleter, "garantie", "garantie"))
		if tr.Garantie != "" {
			safeguard = schema.Label(tr.Garantie)
		}
		out = append(out, line(strong("Transfert hors de l'Espace économique européen"), " : ", who, " (", where, "), encadré par : ", safeguard, "."))
	}
	for _, d := range b.destinataires(acts...) {
		if b.transferred(list, d.ID) {
			continue
		}
		for _, p := range d.Pays {
			if !p.InEEA() {
				out = append(out, line(strong("Transfert hors de l'Espace économique européen"), " : ", d.Libelle, " (", p.Name(), "), ",
					gap(nil, "", "garanties du transfert"), "."))
			}
		}
	}
	return out
}

// rightsInBrief lists the rights the legal bases give, in a sentence, how
// to exercise them and where to complain.
func (b *builder) rightsInBrief(ctrl []*schema.Traitement) []Block {
	u := usageOf(ctrl)
	out := []Block{para(capitalized(rightsSentence(u)))}
	if len(u.objectable) > 0 || len(u.unsettled) > 0 {
		var text Inline
		if len(u.situational) > 0 {
			text = line("vous pouvez vous opposer à tout moment, pour des raisons tenant à votre situation particulière, au traitement de vos données pour les traitements suivants : ",
				join(" ; ", u.situational), ".")
		}
		if len(u.marketing) > 0 {
			lead := "vous pouvez"
			if len(text) > 0 {
				text, lead = append(text, line(" ")...), "Vous pouvez"
			}
			text = append(text, line(lead, " vous opposer à tout moment, sans avoir à vous justifier, à l'utilisation de vos données à des fins de prospection commerciale : ",
				join(" ; ", u.marketing), ".")...)
		}
		if g, ok := u.unsettledGap(); ok {
			if len(text) > 0 {
				text = append(text, line(" ")...)
			}
			text = append(text, g)
		}
		out = append(out, &Note{Kind: Important, Blocks: []Block{para(strong("Droit d'opposition"), " : ", text)}})
	}
	ex := b.exercice()
	who := "à nous"
	if ex.Aupres != "" {
		who = to(ex.Aupres)
	}
	out = append(out, para("Pour les exercer, adressez-vous ", who, " :"),
		bullets(b.channels(reach{form: ex.Formulaire, email: ex.Email, post: ex.Adresse, gaps: ex.ACompleter})...))
	out = append(out, blocks(verifyPara(ex.AVerifier))...)
	out = append(out, para(b.complaintInBrief()))
	return out
}

// rightsSentence says in a sentence which rights the person has, in lower
// case: it follows a colon in a notice.
func rightsSentence(u usage) Inline {
	rights := []string{"accéder à vos données", "les faire rectifier", "les faire effacer", "en faire limiter le traitement"}
	if len(u.objectable) > 0 {
		rights = append(rights, "vous opposer à leur traitement")
	}
	if u.consent || u.contract {
		rights = append(rights, "les recevoir pour les transmettre à un autre organisme (portabilité)")
	}
	if u.consent {
		rights = append(rights, "retirer votre consentement à tout moment")
	}
	if u.decision {
		rights = append(rights, "obtenir qu'une personne réexamine une décision automatisée")
	}
	rights = append(rights, "définir des directives sur le sort de vos données après votre décès")
	last := len(rights) - 1
	return line("vous pouvez ", strings.Join(rights[:last], ", "), " et ", rights[last], ".")
}

// exercice returns how to exercise the rights, empty when not given.
func (b *builder) exercice() *schema.Exercice {
	if b.c.Droits != nil && b.c.Droits.Exercice != nil {
		return b.c.Droits.Exercice
	}
	return &schema.Exercice{}
}

// complaintInBrief names the supervisory authority and where to complain.
func (b *builder) complaintInBrief() Inline {
	a := b.org.AutoriteControle
	if a == nil {
		return line("Vous pouvez aussi introduire une réclamation auprès de l'autorité de contrôle : ",
			gap(nil, "", "autorité de contrôle (organisation.autorite_controle)"), ".")
	}
	name := a.Nom
	if a.Sigle != "" {
		name = a.Sigle
	}
	out := line("Vous pouvez aussi introduire une réclamation auprès de la ", name)
	if a.Plainte != "" {
		out = append(out, line(" : ", link(Web, a.Plainte))...)
	} else if a.Site != "" {
		out = append(out, line(" : ", link(Web, a.Site))...)
	}
	return append(out, Span{Text: "."})
}
