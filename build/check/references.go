package check

import (
	"github.com/rgpdoc/rgpdoc/schema"
)

// Reference is a retention period that the CNIL or French law sets for one
// kind of data. A retention line names the one it falls under (referentiel):
// lines are never matched to a reference by their wording.
type Reference struct {
	// ID is the value of referentiel that selects the reference.
	ID schema.Referentiel
	// Max is the longest retention the source admits; nil when it sets none.
	Max *schema.Duree
	// Min is the shortest retention the source requires; nil when it sets none.
	Min *schema.Duree
	// What says in French what the duration covers and from when.
	What string
	// Source names the text: title, date, délibération or article.
	Source string
}

func duree(v int, u schema.Unite) *schema.Duree { return &schema.Duree{Valeur: v, Unite: u} }

const (
	gestionCommerciale = "CNIL, référentiel relatif aux traitements de données à caractère personnel mis en œuvre aux fins de gestion des activités commerciales, délibération n° 2021-131 du 23 septembre 2021"
	gestionPersonnel   = "CNIL, référentiel relatif aux traitements de données à caractère personnel mis en œuvre aux fins de gestion du personnel, délibération n° 2019-160 du 21 novembre 2019"
	traceurs           = "CNIL, lignes directrices et recommandation relatives aux cookies et autres traceurs, délibérations n° 2020-091 et n° 2020-092 du 17 septembre 2020"
)

// References lists the reference durations that check compares retention
// lines with (docs/regles.md lists them).
var References = []Reference{
	{ID: "prospects", Max: duree(3, "ans"), What: "3 ans à compter de la collecte ou du dernier contact émanant du prospect, pour les prospects et anciens clients",
		Source: gestionCommerciale},
	{ID: "liste_opposition", Min: duree(3, "ans"), What: "3 ans au moins à compter de l'opposition, pour la liste des personnes opposées à la prospection",
		Source: gestionCommerciale},
	{ID: "pieces_comptables", Max: duree(10, "ans"), What: "10 ans à compter de la clôture de l'exercice, pour les documents et pièces comptables",
		Source: "code de commerce, art. L. 123-22 ; " + gestionCommerciale},
	{ID: "locataires", Max: duree(3, "ans"), What: "3 ans après la fin du bail, pour les données des locataires (prescription de l'art. 7-1 de la loi n° 89-462)",
		Source: "CNIL, référentiel relatif aux traitements de données à caractère personnel mis en œuvre dans le cadre de la gestion locative, délibération n° 2021-057 du 6 mai 2021"},
	{ID: "bulletins_paie", Max: duree(5, "ans"), What: "5 ans à compter du versement, pour les doubles des bulletins de paie",
		Source: "code du travail, art. L. 3243-4 ; " + gestionPersonnel},
	{ID: "registre_personnel", Max: duree(5, "ans"), What: "5 ans après le départ du salarié, pour le registre unique du personnel",
		Source: "code du travail, art. R. 1221-26 ; " + gestionPersonnel},
	{ID: "candidats_non_retenus", Max: duree(2, "ans"), What: "2 ans après le dernier contact, pour les candidats non retenus",
		Source: gestionPersonnel + " (recrutement)"},
	{ID: "images_videoprotection", Max: duree(1, "mois"), What: "1 mois au plus, pour les images de vidéoprotection",
		Source: "CNIL, fiches « La vidéoprotection dans les commerces » et « La vidéosurveillance – vidéoprotection au travail » ; code de la sécurité intérieure, art. L. 252-5"},
	{ID: "traceur_duree_vie", Max: duree(13, "mois"), What: "13 mois à compter du dépôt, sans prolongation à chaque visite, pour la durée de vie d'un traceur de mesure d'audience",
		Source: traceurs},
	{ID: "traceur_donnees", Max: duree(25, "mois"), What: "25 mois, pour les données collectées par un traceur de mesure d'audience",
		Source: traceurs},
	{ID: "choix_traceurs", Max: duree(6, "mois"), What: "6 mois, pour le choix de l'utilisateur d'accepter ou de refuser les traceurs",
		Source: traceurs},
}

// reference returns the reference of id, or nil.
func reference(id schema.Referentiel) *Reference {
	for i := range References {
		if References[i].ID == id {
			return &References[i]
		}
	}
	return nil
}

func checkConservationCNIL(r *run) {
	for _, k := range r.c.Conservation {
		ref := reference(k.Referentiel)
		if ref == nil || k.Duree == nil {
			continue // no referentiel: nothing says which reference applies
		}
		switch {
		case ref.Max != nil && longer(*k.Duree, *ref.Max):
			r.report(r.org.Pos(k.Src, "duree"), "la ligne de conservation %s (%s) dépasse la durée de référence : %s (%s)",
				q(k.ID), formatDuree(*k.Duree), ref.What, ref.Source)
		case ref.Min != nil && longer(*ref.Min, *k.Duree):
			r.report(r.org.Pos(k.Src, "duree"), "la ligne de conservation %s (%s) est plus courte que la durée de référence : %s (%s)",
				q(k.ID), formatDuree(*k.Duree), ref.What, ref.Source)
		}
	}
}
