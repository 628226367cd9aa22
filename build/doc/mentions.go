package doc

import (
	"slices"
	"strings"

	"github.com/rgpdoc/rgpdoc/schema"
)

// collecting returns the activities the organization answers for that
// collect data from the person: those need a notice where the data are
// collected (art. 13 of the GDPR). A processor's activity is its client's
// to present.
func (b *builder) collecting() []*schema.Traitement {
	var out []*schema.Traitement
	for _, t := range b.controlled() {
		if slices.ContainsFunc(b.donnees(t), fromPerson) {
			out = append(out, t)
		}
	}
	return out
}

func fromPerson(d *schema.Donnee) bool { return d.Source == "personne_concernee" }

// mention builds the notice under a form of the activity t (the CNIL's
// « mentions d'information »): controller, purposes and legal bases, the
// data asked and whether giving them is mandatory, recipients, retention,
// transfers, automated decision, rights, and the way to the politique and
// the DPO. It is one block of paragraphs, short enough to sit under a form.
func (b *builder) mention(t *schema.Traitement) *Document {
	d := &Document{Kind: Mention, Activity: t.ID, Brief: true, Title: "Mentions d'information — " + t.Libelle,
		Subject: "Information sur le traitement de vos données : " + t.Libelle}
	name := fact(b.name(), b.org.ACompleter, "raison_sociale", "raison sociale")
	who := line("Les données que vous nous communiquez sont traitées par ", name, ", responsable du traitement")
	if t.Role == roleJoint {
		var with []string
		for _, c := range t.ResponsablesConjoints {
			with = append(with, c.Nom)
		}
		who = append(who, line(" conjointement avec ", joinStrings(", ", with))...)
	}
	var purposes []Inline
	for i := range t.Finalites {
		f := &t.Finalites[i]
		purposes = append(purposes, line(purposeTerm(t, f), " : ", markdownInline(sentence(f.Description)), " Base légale : ", basisInBrief(f), ".", toVerify(f.AVerifier)))
	}
	d.Preamble = []Block{para(who, ", pour :"), bullets(purposes...)}

	var asked []Inline
	for _, dn := range b.donnees(t) {
		if fromPerson(dn) {
			asked = append(asked, append(askedData(dn), toVerify(dn.AVerifier)...))
		}
	}
	d.Preamble = append(d.Preamble, para(strong("Données demandées")), bullets(asked...))

	dest := b.destinataires(t)
	var names []string
	for _, r := range dest {
		names = append(names, r.Libelle)
	}
	recipients := any(gap(t.ACompleter, "destinataires", "destinataires des données"))
	if len(names) > 0 {
		recipients = joinStrings(" ; ", names)
	}
	d.Preamble = append(d.Preamble, para(strong("Destinataires"), " : ", recipients, "."))

	var kept []Inline
	for _, r := range b.conservation(t) {
		kept = append(kept, line(r.Libelle, " : ", retention(r)))
	}
	retained := any(gap(t.ACompleter, "conservation", "durée de conservation"))
	if len(kept) > 0 {
		retained = join(" ; ", kept)
	}
	d.Preamble = append(d.Preamble, para(strong("Durée de conservation"), " : ", retained, "."))

	for _, tr := range b.transfersInBrief([]*schema.Traitement{t}) {
		d.Preamble = append(d.Preamble, &Paragraph{Text: tr})
	}
	if a := t.DecisionAutomatisee; a != nil {
		term := "Décision automatisée"
		if a.Profilage {
			term += " et profilage"
		}
		d.Preamble = append(d.Preamble, para(strong(term), " : ", markdownInline(sentence(a.Description))))
	}

	u := usageOf([]*schema.Traitement{t})
	rights := line(rightsSentence(u))
	var objection []string
	if len(u.situational) > 0 {
		objection = append(objection, "Vous pouvez vous opposer à tout moment à ce traitement, pour des raisons tenant à votre situation particulière.")
	}
	if len(u.marketing) > 0 {
		objection = append(objection, "Vous pouvez vous opposer à tout moment, sans avoir à vous justifier, à l'utilisation de vos données à des fins de prospection commerciale.")
	}
	if len(objection) > 0 {
		rights = append(rights, line(" ", strong(strings.Join(objection, " ")))...)
	}
	if g, ok := u.unsettledGap(); ok {
		rights = append(rights, line(" Droit d'opposition : ", g, ".")...)
	}
	ex := b.exercice()
	ways := b.channels(reach{form: ex.Formulaire, email: ex.Email, post: ex.Adresse, gaps: ex.ACompleter})
	d.Preamble = append(d.Preamble,
		para(strong("Vos droits"), " : ", rights, " Pour les exercer : ", join(" ; ", ways), ".", toVerify(ex.AVerifier), " ", b.complaintInBrief()),
		para("Pour en savoir plus, consultez notre ", b.policyLink(d, "politique de confidentialité", ""), " ou contactez ", b.dpoInBrief(d), "."))
	return d
}

// askedData says of data collected from the person whether giving them is
// mandatory and what follows from not giving them (art. 13, § 2, e) of the
// GDPR); an unknown fact shows as a gap.
func askedData(d *schema.Donnee) Inline {
	g := d.ACompleter
	out := line(d.Libelle)
	if len(d.Exemples) > 0 {
		out = append(out, line(" (", joinStrings(", ", d.Exemples), ")")...)
	}
	if d.Caractere == "" {
		return append(out, line(" : ", gap(g, "caractere", "caractère obligatoire ou facultatif de leur fourniture"), ".")...)
	}
	out = append(out, line(" : fourniture ", schema.Label(d.Caractere), ".")...)
	switch {
	case d.ConsequencesRefus != "":
		out = append(out, line(" ", sentence(capital(d.ConsequencesRefus)))...)
	case d.Caractere != "facultatif":
		out = append(out, line(" ", gap(g, "consequences_refus", "conséquences d'un refus de fournir ces données"))...)
	}
	return out
}

// dpoInBrief names the DPO with the first way to reach them, or, without a
// DPO, the organization; the politique gives every way.
func (b *builder) dpoInBrief(d *Document) Inline {
	dpo := b.org.DPO
	if dpo == nil {
		if b.org.Email != "" {
			return line("nous : ", link(Email, b.org.Email))
		}
		return line(b.policyLink(d, "nous", "dpo"))
	}
	out := line("notre ", b.policyLink(d, "délégué à la protection des données", "dpo"))
	// The doubt on the channel shown goes with it, not those on the others.
	switch {
	case dpo.Email != "":
		out = append(out, line(" : ", link(Email, dpo.Email), toVerify(only(dpo.AVerifier, "email")))...)
	case dpo.Formulaire != "":
		out = append(out, line(" : ", link(Web, dpo.Formulaire), toVerify(only(dpo.AVerifier, "formulaire")))...)
	}
	return out
}

// only is the doubt on one field of a_verifier, or nil.
func only(v schema.Verifications, field string) schema.Verifications {
	if x, ok := v[field]; ok {
		return schema.Verifications{field: x}
	}
	return nil
}
