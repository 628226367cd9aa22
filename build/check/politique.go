package check

import (
	"slices"

	"github.com/rgpdoc/rgpdoc/build/diag"
	"github.com/rgpdoc/rgpdoc/schema"
)

// Rules on the facts the privacy policy states about the organization, the
// rights and the collection of the data.

// publishes reports whether the organization publishes any document.
func (m *model) publishes() bool {
	return m.politique() != nil || m.charte() != nil || m.registre() != nil
}

// orgPos is where a finding about the organization as a whole goes: its
// organisation section, or its documents section.
func (r *run) orgPos(path ...string) diag.Pos {
	if o := r.c.Organisation; o != nil {
		return r.org.Pos(o.Src, path...)
	}
	return r.org.Pos(r.c.Documents.Src)
}

func checkIdentite(r *run) {
	if !r.publishes() {
		return
	}
	o := r.c.Organisation
	if o == nil {
		r.report(r.orgPos(), "l'organisation n'est pas décrite : ajoutez la section organisation (raison_sociale, siege…), "+
			"car les documents doivent indiquer l'identité et les coordonnées du responsable du traitement")
		return
	}
	if o.RaisonSociale == "" {
		r.missing(o.Src, o.ACompleter, "raison_sociale", "la dénomination de l'organisation manque (raison_sociale)")
	}
	switch {
	case o.Siege == nil:
		r.missing(o.Src, o.ACompleter, "siege", "l'adresse du siège manque (siege) : c'est la coordonnée postale du responsable du traitement")
	case o.Siege.Pays != "" && !o.Siege.Pays.InEEA() && o.Representant == nil:
		r.missing(o.Src, o.ACompleter, "representant", "l'organisation est établie hors de l'Union (%s) : nommez son représentant dans l'Union (representant, art. 27 du RGPD)",
			o.Siege.Pays.Name())
	}
}

func checkDPOContact(r *run) {
	if !r.publishes() || r.c.Organisation == nil || r.c.Organisation.DPO == nil {
		return
	}
	d := r.c.Organisation.DPO
	if d.Email == "" && d.Adresse == nil && d.Formulaire == "" && len(d.Telephones) == 0 {
		r.missing(d.Src, d.ACompleter, gapField(d.ACompleter, "email", "adresse", "formulaire", "telephones"),
			"un DPO est désigné sans coordonnées : indiquez au moins son adresse électronique (email), son adresse postale (adresse) ou un formulaire (formulaire)")
	}
}

// right is a right of the data subjects as the policy presents it.
type right struct {
	key   string // field of droits.descriptions
	label string
	text  func(*schema.DescriptionsDroits) string
}

var rights = []right{
	{"acces", "le droit d'accès (art. 15 du RGPD)", func(d *schema.DescriptionsDroits) string { return d.Acces }},
	{"rectification", "le droit de rectification (art. 16 du RGPD)", func(d *schema.DescriptionsDroits) string { return d.Rectification }},
	{"effacement", "le droit à l'effacement (art. 17 du RGPD)", func(d *schema.DescriptionsDroits) string { return d.Effacement }},
	{"limitation", "le droit à la limitation du traitement (art. 18 du RGPD)", func(d *schema.DescriptionsDroits) string { return d.Limitation }},
	{"portabilite", "le droit à la portabilité (art. 20 du RGPD)", func(d *schema.DescriptionsDroits) string { return d.Portabilite }},
	{"opposition", "le droit d'opposition (art. 21 du RGPD)", func(d *schema.DescriptionsDroits) string { return d.Opposition }},
	{"decision_automatisee", "le droit de ne pas faire l'objet d'une décision automatisée (art. 22 du RGPD)",
		func(d *schema.DescriptionsDroits) string { return d.DecisionAutomatisee }},
	{"retrait_consentement", "le droit de retirer son consentement (art. 7, § 3, du RGPD)", func(d *schema.DescriptionsDroits) string { return d.RetraitConsentement }},
	{"directives_post_mortem", "le droit de définir des directives sur le sort des données après le décès (art. 85 de la loi Informatique et Libertés)",
		func(d *schema.DescriptionsDroits) string { return d.DirectivesPostMortem }},
	{"reclamation", "le droit d'introduire une réclamation auprès de l'autorité de contrôle (art. 77 du RGPD)",
		func(d *schema.DescriptionsDroits) string { return d.Reclamation }},
}

// description returns the text presenting a right (droits.descriptions.<key>).
func (m *model) description(key string) string {
	if m.c.Droits == nil || m.c.Droits.Descriptions == nil {
		return ""
	}
	i := slices.IndexFunc(rights, func(x right) bool { return x.key == key })
	return rights[i].text(m.c.Droits.Descriptions)
}

// descriptionPos is where the text presenting a right is, or would be.
func (r *run) descriptionPos(key string) diag.Pos {
	if d := r.c.Droits; d != nil {
		return r.org.Pos(d.Src, "descriptions", key)
	}
	return r.org.Pos(r.politique().Src)
}

// missingRight reports a right that the policy must present but has no text for.
func (r *run) missingRight(key, why string) {
	i := slices.IndexFunc(rights, func(x right) bool { return x.key == key })
	r.report(r.descriptionPos(key), "%s doit figurer dans la politique%s, mais droits.descriptions.%s est vide : "+
		"ce texte vient habituellement du dossier _defaults", rights[i].label, why, key)
}

func checkDroits(r *run) {
	if r.politique() == nil {
		return
	}
	for _, key := range []string{"acces", "rectification", "effacement", "limitation"} {
		if r.description(key) == "" {
			r.missingRight(key, "")
		}
	}
	if r.hasBasis("consentement", "contrat") && r.description("portabilite") == "" {
		r.missingRight("portabilite", ", car des traitements reposent sur le consentement ou le contrat")
	}
	prospection := false
	automated := false
	for _, t := range r.c.Traitements {
		if !controller(&t) {
			continue
		}
		prospection = prospection || slices.ContainsFunc(t.Finalites, func(f schema.Finalite) bool { return f.Prospection })
		automated = automated || t.DecisionAutomatisee.Significant()
	}
	if (prospection || r.hasBasis("interet_legitime", "mission_interet_public")) && r.description("opposition") == "" {
		r.missingRight("opposition", ", car des traitements reposent sur l'intérêt légitime ou une mission d'intérêt public, ou servent la prospection")
	}
	if automated && r.description("decision_automatisee") == "" {
		r.missingRight("decision_automatisee", ", car un traitement prend des décisions automatisées aux effets significatifs")
	}
}

func checkReclamation(r *run) {
	if r.politique() == nil {
		return
	}
	const none = "aucune autorité de contrôle : la politique doit indiquer le droit d'introduire une réclamation auprès de la CNIL ; " +
		"ajoutez organisation.autorite_controle (habituellement fourni par le dossier _defaults)"
	switch o := r.c.Organisation; {
	case o == nil:
		r.report(r.orgPos(), none)
	case o.AutoriteControle == nil:
		r.missing(o.Src, o.ACompleter, "autorite_controle", none)
	case o.AutoriteControle.Adresse == nil && o.AutoriteControle.Site == "" && o.AutoriteControle.Plainte == "":
		r.report(r.org.Pos(o.AutoriteControle.Src), "l'autorité de contrôle %s n'a ni adresse, ni site, ni page de plainte : indiquez comment la saisir",
			q(o.AutoriteControle.Nom))
	}
	if r.description("reclamation") == "" {
		r.missingRight("reclamation", "")
	}
}

func checkPostMortem(r *run) {
	if r.politique() != nil && r.description("directives_post_mortem") == "" {
		r.missingRight("directives_post_mortem", "")
	}
}

func checkCaractere(r *run) {
	if r.politique() == nil {
		return
	}
	used := r.controllerData()
	for _, d := range r.c.Donnees {
		if !used[d.ID] || d.Source != "personne_concernee" {
			continue
		}
		switch d.Caractere {
		case "":
			r.missing(d.Src, d.ACompleter, "caractere", "les données %s sont collectées auprès de la personne : indiquez si leur fourniture est obligatoire ou facultative (caractere)", q(d.ID))
		case "legal", "contractuel", "precontractuel":
			if d.ConsequencesRefus == "" {
				r.missing(d.Src, d.ACompleter, "consequences_refus", "la fourniture des données %s est %s : indiquez les conséquences d'un refus (consequences_refus)",
					q(d.ID), schema.Label(d.Caractere))
			}
		}
	}
}

func checkSourceIndirecte(r *run) {
	if r.politique() == nil {
		return
	}
	used := r.controllerData()
	for _, d := range r.c.Donnees {
		if used[d.ID] && (d.Source == "tiers" || d.Source == "source_publique") && d.Origine == "" {
			r.missing(d.Src, d.ACompleter, "origine", "les données %s ne sont pas collectées auprès de la personne : nommez leur source (origine), par exemple « portails immobiliers »", q(d.ID))
		}
	}
}

// documentNames names the documents in messages, by their key under documents.
var documentNames = map[string]string{
	"politique": "la politique de confidentialité",
	"charte":    "la charte données",
	"registre":  "le registre des activités de traitement",
}

func checkDateMiseAJour(r *run) {
	docs := map[string]*schema.Publication{"politique": r.politique(), "registre": r.registre()}
	if c := r.charte(); c != nil {
		docs["charte"] = &c.Publication
	}
	for _, key := range []string{"politique", "charte", "registre"} {
		p := docs[key]
		switch {
		case p == nil:
		case p.MiseAJour == "":
			r.missing(p.Src, p.ACompleter, "mise_a_jour", "%s n'a pas de date de mise à jour : indiquez documents.%s.mise_a_jour (AAAA-MM-JJ)", documentNames[key], key)
		case p.CreeLe > p.MiseAJour: // ISO dates compare as strings
			r.report(r.org.Pos(p.Src, "cree_le"), "%s a une date de création (%s) postérieure à sa dernière mise à jour (%s)", documentNames[key], p.CreeLe, p.MiseAJour)
		}
	}
}

func checkDelaiReponse(r *run) {
	if r.c.Droits == nil || r.c.Droits.Exercice == nil || r.c.Droits.Exercice.DelaiReponse == nil {
		return
	}
	e := r.c.Droits.Exercice
	if month := (schema.Duree{Valeur: 1, Unite: "mois"}); longer(*e.DelaiReponse, month) {
		r.report(r.org.Pos(e.Src, "delai_reponse"), "le délai de réponse annoncé (%s) dépasse un mois : l'art. 12, § 3, du RGPD impose de répondre "+
			"dans le mois, délai prolongeable de deux mois en informant la personne", formatDuree(*e.DelaiReponse))
	}
}
