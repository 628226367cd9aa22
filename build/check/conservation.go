package check

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/rgpdoc/rgpdoc/schema"
)

// Rules on retention periods.

// unitDays is the length of a unit in days. A month is a twelfth of a Julian
// year, so that 12 mois = 1 an and 36 mois = 3 ans exactly (both factors are
// exact binary fractions).
var unitDays = map[schema.Unite]float64{"jours": 1, "semaines": 7, "mois": 365.25 / 12, "ans": 365.25}

// days returns the length of d in days.
func days(d schema.Duree) float64 { return float64(d.Valeur) * unitDays[d.Unite] }

// longer reports whether a lasts longer than b.
func longer(a, b schema.Duree) bool { return days(a) > days(b) }

// formatDuree writes a duration in French: "1 an", "13 mois", "2 semaines".
func formatDuree(d schema.Duree) string {
	unit := string(d.Unite)
	if d.Valeur == 1 && unit != "mois" {
		unit = strings.TrimSuffix(unit, "s")
	}
	return fmt.Sprintf("%d %s", d.Valeur, unit)
}

// retentionGaps reports the data of the traitements of the organization as
// controller that no retention row covers, and the cited rows that give
// neither a duration nor a criterion.
func (r *run) retentionGaps() {
	cited := map[string]bool{}
	for _, t := range r.c.Traitements {
		if !controller(&t) {
			continue
		}
		if len(t.Conservation) == 0 {
			r.missing(t.Src, t.ACompleter, "conservation", "le traitement %s n'indique aucune durée de conservation : citez dans conservation une ligne du tableau des durées", q(t.ID))
			continue
		}
		for _, id := range t.Conservation {
			cited[id] = true
		}
		var rows []*schema.Conservation
		for _, id := range t.Conservation {
			rows = append(rows, r.conservation[id])
		}
		if slices.Contains(rows, nil) {
			continue // an unknown id is reported by reference
		}
		for _, d := range t.Donnees {
			people := t.PeopleOf(r.donnees[d])
			if len(people) == 0 {
				people = []string{""} // only the rows that name no people apply
			}
			for _, p := range people {
				if len(schema.Retention(rows, d, p)) > 0 {
					continue
				}
				whose := ""
				if slices.ContainsFunc(rows, func(k *schema.Conservation) bool { return len(k.Personnes) > 0 }) && p != "" {
					whose = " des personnes " + q(p)
				}
				r.missing(t.Src, t.ACompleter, "conservation", "les données %s%s du traitement %s n'ont pas de durée de conservation : aucune ligne citée dans conservation ne les couvre",
					q(d), whose, q(t.ID))
			}
		}
	}
	for _, k := range r.c.Conservation {
		if cited[k.ID] && k.Duree == nil && k.Critere == "" {
			r.missing(k.Src, k.ACompleter, gapField(k.ACompleter, "duree", "critere"), "la ligne de conservation %s n'indique ni durée (duree) ni critère (critere)", q(k.ID))
		}
	}
}

func checkConservationManquante(r *run) {
	if r.politique() != nil {
		r.retentionGaps()
	}
}

func checkConservationRegistre(r *run) {
	if r.registre() != nil && r.politique() == nil { // with a policy, conservation-manquante reports the same gaps as errors
		r.retentionGaps()
	}
}

// bareCriterion matches a retention criterion that says nothing more than
// "as long as necessary" (lowercased, apostrophes straightened).
var bareCriterion = regexp.MustCompile(`^(?:(?:les )?données (?:sont )?conservées |conservées |conservation )?` +
	`(?:aussi longtemps que|tant que|le temps|la durée|pendant le temps|pendant la durée|pour la durée)(?: strictement| qui est| qu'il est)? nécessaires?` +
	`(?: (?:à|aux|pour|pour les|pour la|au) (?:la |les )?(?:finalités?|fins?|traitements?|objectifs?)` +
	`(?: poursuivi(?:e|s|es)?| du traitement| pour lesquel(?:le)?s elles ont été collectées)?)?$`)

// isBareCriterion reports whether a retention criterion only says "as long as necessary".
func isBareCriterion(s string) bool {
	s = strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, "’", "'"))), " ")
	return bareCriterion.MatchString(strings.TrimRight(s, ".;! "))
}

func checkConservationImprecise(r *run) {
	for _, k := range r.c.Conservation {
		switch {
		case k.Duree != nil && k.Duree.Depart == "":
			duree := schema.Origin{File: k.Src.File, Pointer: k.Src.Pointer + "/duree"}
			r.missing(duree, k.Duree.ACompleter, "depart", "la durée de %s de la ligne de conservation %s n'a pas de point de départ : indiquez duree.depart "+
				"(collecte, dernier contact, fin du contrat…)", formatDuree(*k.Duree), q(k.ID))
		case k.Duree == nil && isBareCriterion(k.Critere):
			r.missing(k.Src, k.ACompleter, "critere", "le critère « %s » de la ligne de conservation %s ne permet pas de connaître la durée : "+
				"indiquez une durée chiffrée (duree), ou l'événement qui met fin à la conservation", k.Critere, q(k.ID))
		}
	}
}

func checkArchivage(r *run) {
	for _, k := range r.c.Conservation {
		switch {
		case k.Archivage != nil && k.Archivage.Fondement == "":
			r.missing(k.Src, k.ACompleter, "archivage", "l'archivage intermédiaire de la ligne de conservation %s ne cite pas son fondement (archivage.fondement), "+
				"par exemple « article L. 123-22 du code de commerce »", q(k.ID))
		case k.Archivage == nil && k.Fin == "archivage_intermediaire":
			r.missing(k.Src, k.ACompleter, "archivage", "la ligne de conservation %s se termine par un archivage intermédiaire sans en donner la durée ni le fondement (archivage)", q(k.ID))
		}
	}
}
