package doc

import (
	"fmt"
	"slices"
	"strings"

	"github.com/rgpdoc/rgpdoc/build/typo"
	"github.com/rgpdoc/rgpdoc/schema"
)

// The facts a DPO keeps on each sheet of the register beyond those of the
// public policy: reference, person in charge, number of people, means of
// collection, internal services, presence in the policy, and the screening
// for an impact assessment (art. 35). An unknown fact is a gap.

// reference is the sheet's number (« N° / RÉF »).
func reference(t *schema.Traitement) any {
	return fact(t.Reference, t.ACompleter, "reference", "numéro de la fiche")
}

// manager is the service or person in charge of the activity.
func manager(t *schema.Traitement) any {
	return fact(t.Gestionnaire, t.ACompleter, "gestionnaire", "service ou personne en charge")
}

// headcount is the number of people concerned, as an order of magnitude.
func headcount(t *schema.Traitement) any {
	if t.NombrePersonnes != "" {
		return capital(schema.Label(t.NombrePersonnes))
	}
	return gap(t.ACompleter, "nombre_personnes", "nombre de personnes concernées")
}

// collection is the means of collection.
func collection(t *schema.Traitement) any {
	if len(t.Canaux) > 0 {
		return capitalized(joinStrings(" ; ", t.Canaux))
	}
	return gap(t.ACompleter, "canaux", "moyens de collecte")
}

// internalServices are the services that receive the data, as the register names them.
func internalServices(t *schema.Traitement) any {
	if len(t.ServicesDestinataires) > 0 {
		return capitalized(joinStrings(", ", t.ServicesDestinataires))
	}
	return gap(t.ACompleter, "services_destinataires", "services internes destinataires")
}

// inPolicy says whether the public policy describes the activity.
func (b *builder) inPolicy(t *schema.Traitement) string {
	switch {
	case t.RegistreSeulement:
		return "Non : activité tenue au seul registre"
	case b.c.Documents == nil || b.c.Documents.Politique == nil:
		return "Sans objet : aucune politique de confidentialité n'est publiée"
	case t.Role == roleProcessor:
		return "Oui, parmi les traitements effectués pour le compte des clients"
	}
	return "Oui"
}

// screening is the impact-assessment screening of an activity (art. 35):
// « Requise — 2 critères (surveillance systématique, personnes
// vulnérables) — réalisée le 1er mars 2024 : … », « Non requise — aucun
// critère », or a gap when the criteria are not stated.
func screening(t *schema.Traitement) Inline {
	a := t.AIPD
	if a == nil {
		return line(gap(t.ACompleter, "aipd", "critères de l'analyse d'impact (art. 35 du RGPD)"))
	}
	var names []string
	for _, c := range a.Criteres {
		names = append(names, schema.Label(c))
	}
	required := len(a.Criteres) >= 2
	var out Inline
	switch {
	case required:
		out = line("Requise")
	default:
		out = line("Non requise")
	}
	switch len(names) {
	case 0:
		out = append(out, line(" — aucun critère")...)
	case 1:
		out = append(out, line(" — 1 critère (", names[0], ")")...)
	default:
		out = append(out, line(fmt.Sprintf(" — %d critères (", len(names)), strings.Join(names, ", "), ")")...)
	}
	switch {
	case a.RealiseeLe != "":
		out = append(out, line(" — réalisée le ", typo.Date(a.RealiseeLe))...)
		if a.Reference != "" {
			out = append(out, line(" (réf. ", a.Reference, ")")...)
		}
		out = append(out, optional(" : ", declaredOr(a.Conclusion, t.ACompleter, "aipd", "conclusion de l'analyse"))...)
	case a.Dispense != "":
		out = append(out, line(" — non réalisée : ", a.Dispense)...)
	case required:
		out = append(out, line(" — ", gap(t.ACompleter, "aipd", "date de l'analyse d'impact ou raison de ne pas la réaliser"))...)
	}
	return out
}

// declaredOr is a fact the register shows when the content gives it, and
// as a gap otherwise.
func declaredOr(v string, gaps schema.Lacunes, field, what string) any {
	if v != "" {
		return v
	}
	return gap(gaps, field, what)
}

// justification is the justification of a purpose's legal basis (for a
// legitimate interest, the balancing test); a gap for a controller's
// purpose that has none.
func justification(t *schema.Traitement, p *schema.Finalite) Inline {
	switch {
	case p.Justification != "":
		return markdownInline(sentence(capital(p.Justification)))
	case t.Role == roleProcessor:
		return line("Sans objet (traitement effectué pour le compte des clients)")
	}
	what := "justification de la base légale"
	if p.BaseLegale == "interet_legitime" {
		what = "mise en balance de l'intérêt légitime avec les droits des personnes"
	}
	return line(gap(p.ACompleter, "justification", what))
}

// ficheRows adds the DPO's facts to the description of a sheet.
func (b *builder) ficheRows(f facts, t *schema.Traitement) {
	f.add("Service ou personne en charge", para(manager(t)))
	f.add("Nombre de personnes concernées", para(headcount(t)))
	f.add("Moyens de collecte", para(collection(t)))
	f.add("Services internes destinataires", para(internalServices(t)))
	f.add("Décrite dans la politique de confidentialité", para(b.inPolicy(t)))
	f.add("Analyse d'impact", para(screening(t)))
}

// retentionSplit is the table of an activity's retention rows, each split
// into active base, intermediate archive and final fate, with its legal
// source.
func (b *builder) retentionSplit(t *schema.Traitement) *Table {
	tab := &Table{
		Caption: "Durées de conservation",
		Header:  []string{"Données", "Base active", "Archivage intermédiaire", "Sort final", "Source de la durée"},
		Widths:  []float64{0.22, 0.22, 0.2, 0.14, 0.22},
	}
	rows := b.conservation(t)
	if len(rows) == 0 {
		none := cell(line("—"))
		tab.Rows = append(tab.Rows, []Cell{cell(line(gap(t.ACompleter, "conservation", "durée de conservation"))), none, none, none, none})
	}
	for _, r := range rows {
		tab.Rows = append(tab.Rows, []Cell{cell(line(r.Libelle)), cell(capitalized(retention(r))),
			cell(archive(r)), cell(fate(r)), cell(source(r))})
	}
	return tab
}

// archive is the intermediate archiving of a retention row, or « Aucun »
// when the row's fate follows the active base directly. With no fate stated,
// nothing says whether the data are archived: the fate's gap stands for both.
func archive(r *schema.Conservation) Inline {
	if a := r.Archivage; a != nil {
		return capitalized(line(period(a.Duree), " (", fact(a.Fondement, r.ACompleter, "archivage", "fondement de l'archivage"), ")"))
	}
	switch r.Fin {
	case "archivage_intermediaire":
		return line(gap(r.ACompleter, "archivage", "durée et fondement de l'archivage"))
	case "":
		return line("—")
	}
	return line("Aucun")
}

// fate is what becomes of the data at the very end.
func fate(r *schema.Conservation) Inline {
	if r.Fin == "" || r.Fin == "archivage_intermediaire" {
		return line(gap(r.ACompleter, "fin", "sort final des données"))
	}
	return line(label(r.Fin))
}

// source is the text that sets a retention (its legal source, or a gap),
// with the reason the content gives for it.
func source(r *schema.Conservation) Inline {
	out := line(capital(r.Fondement))
	if r.Fondement == "" {
		out = line(gap(r.ACompleter, "fondement", "texte qui fixe la durée"))
	}
	if r.Motif != "" {
		out = append(out, line(" ; motif : ", strings.TrimSuffix(r.Motif, "."))...)
	}
	return out
}

// activityList is the list of activities with the columns of the CNIL
// model's « Liste des traitements », then the role and the screening; in
// the document (linked), each name leads to its sheet.
func (b *builder) activityList(acts []*schema.Traitement, linked bool) *Table {
	t := &Table{
		Caption: "Liste des traitements",
		Header: []string{"Nom du traitement", "N° / RÉF", "Date de création de la fiche", "Dernière mise à jour de la fiche",
			"Finalité du traitement", "Données sensibles", "Rôle de l'organisation", "Analyse d'impact"},
		Widths:  []float64{0.15, 0.08, 0.1, 0.1, 0.22, 0.1, 0.1, 0.15},
		Summary: linked,
	}
	for _, a := range acts {
		name := line(a.Libelle)
		if linked {
			name = line(internal(a.Libelle, SheetAnchor(a.ID)))
		}
		row := []Cell{
			cell(name), cell(line(reference(a))),
			cell(line(date(a.CreeLe, a.ACompleter, "cree_le"))), cell(line(date(a.MiseAJour, a.ACompleter, "mise_a_jour"))),
			cell(purposesLine(a)), cell(b.sensitiveLine(a)), cell(line(label(a.Role))), cell(screening(a)),
		}
		if linked {
			for _, c := range row {
				brief(c)
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// brief shortens the gaps of a summary to « à compléter (voir la fiche) »
// or « à vérifier (voir la fiche) »: the sheet the summary leads to says
// what is missing, and why.
func brief(bs []Block) {
	for _, b := range bs {
		p, ok := b.(*Paragraph)
		if !ok {
			continue
		}
		for i, s := range p.Text {
			switch {
			case !s.Gap:
			case strings.HasPrefix(s.Text, "À vérifier"):
				p.Text[i].Text = "à vérifier (voir la fiche)"
			default:
				p.Text[i].Text = "à compléter (voir la fiche)"
			}
		}
	}
}

// purposesLine names an activity's purposes on one line, as the CNIL's
// list does: « Gestion de la paie, calcul des rémunérations ».
func purposesLine(t *schema.Traitement) Inline {
	var parts []Inline
	for i := range t.Finalites {
		p := &t.Finalites[i]
		if p.Libelle != "" {
			parts = append(parts, line(p.Libelle))
		} else {
			parts = append(parts, markdownInline(p.Description))
		}
	}
	if len(parts) == 0 {
		return line(t.Libelle)
	}
	return capitalized(join(", ", parts))
}

// sensitiveLine says whether an activity handles special categories of
// data, and which; « Non » only when the content says so, else a gap.
func (b *builder) sensitiveLine(t *schema.Traitement) Inline {
	var cats []string
	for _, d := range b.donnees(t) {
		if d.Sensible != nil && !slices.Contains(cats, schema.Label(d.Sensible.Categorie)) {
			cats = append(cats, schema.Label(d.Sensible.Categorie))
		}
	}
	switch {
	case len(cats) > 0:
	case t.DonneesSensibles == "aucune":
		return line("Non")
	default:
		return line(sensitiveGap(t))
	}
	return line("Oui (", strings.Join(cats, ", "), ")")
}

// sensitiveGap is the gap of an activity that does not say whether it
// handles special categories of data.
func sensitiveGap(t *schema.Traitement) Span {
	return gap(t.ACompleter, "donnees_sensibles", "présence de données sensibles")
}

// publicPart is the content without the activities kept in the register
// only, which the public policy does not describe.
func publicPart(c *schema.Contenu) *schema.Contenu {
	registerOnly := func(t schema.Traitement) bool { return t.RegistreSeulement }
	if !slices.ContainsFunc(c.Traitements, registerOnly) {
		return c
	}
	public := *c
	public.Traitements = slices.DeleteFunc(slices.Clone(c.Traitements), registerOnly)
	return &public
}
