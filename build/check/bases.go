package check

import (
	"slices"

	"github.com/rgpdoc/rgpdoc/schema"
)

// Rules on purposes, legal bases and special categories of data.

func checkBaseLegale(r *run) {
	for _, t := range r.c.Traitements {
		if !controller(&t) {
			continue // a processor acts on its client's legal basis
		}
		for _, f := range t.Finalites {
			if f.BaseLegale == "" {
				r.missing(f.Src, f.ACompleter, "base_legale", "la finalité %s du traitement %s n'a pas de base légale : indiquez base_legale "+
					"(consentement, contrat, obligation_legale, interets_vitaux, mission_interet_public ou interet_legitime)", finaliteName(&f), q(t.ID))
			}
		}
	}
}

func checkInteretLegitime(r *run) {
	for _, t := range r.c.Traitements {
		for _, f := range t.Finalites {
			if controller(&t) && f.BaseLegale == "interet_legitime" && f.Interet == "" {
				r.missing(f.Src, f.ACompleter, "interet", "la finalité %s du traitement %s repose sur l'intérêt légitime sans dire lequel : "+
					"indiquez l'intérêt poursuivi dans interet", finaliteName(&f), q(t.ID))
			}
		}
	}
}

func checkObligationLegale(r *run) {
	for _, t := range r.c.Traitements {
		for _, f := range t.Finalites {
			if controller(&t) && f.BaseLegale == "obligation_legale" && f.Obligation == "" {
				r.missing(f.Src, f.ACompleter, "obligation", "la finalité %s du traitement %s repose sur une obligation légale sans citer le texte qui l'impose : "+
					"indiquez-le dans obligation (par exemple « article L. 123-22 du code de commerce »)", finaliteName(&f), q(t.ID))
			}
		}
	}
}

// sensitiveData calls fn for each category of special data that the
// organization processes as controller.
func (r *run) sensitiveData(fn func(d *schema.Donnee)) {
	used := r.controllerData()
	for i := range r.c.Donnees {
		if d := &r.c.Donnees[i]; used[d.ID] && (d.Sensible != nil || d.Famille == "nir") {
			fn(d)
		}
	}
}

func checkDonneesSensibles(r *run) {
	r.sensitiveData(func(d *schema.Donnee) {
		if s := d.Sensible; s != nil && s.Categorie != "infractions" && s.Categorie != "nir" && s.Condition == "" {
			r.missing(d.Src, d.ACompleter, "sensible", "les données %s sont des %s : indiquez l'exception de l'article 9, § 2, du RGPD qui permet de les traiter (sensible.condition)",
				q(d.ID), schema.Label(s.Categorie))
		}
	})
}

func checkInfractions(r *run) {
	r.sensitiveData(func(d *schema.Donnee) {
		if s := d.Sensible; s != nil && s.Categorie == "infractions" && s.Fondement == "" {
			r.missing(d.Src, d.ACompleter, "sensible", "les données %s portent sur des condamnations pénales ou des infractions : "+
				"indiquez le texte qui autorise leur traitement (sensible.fondement), art. 10 du RGPD", q(d.ID))
		}
	})
}

func checkNIR(r *run) {
	r.sensitiveData(func(d *schema.Donnee) {
		s := d.Sensible
		isNIR := d.Famille == "nir" || s != nil && s.Categorie == "nir"
		if isNIR && (s == nil || s.Fondement == "") {
			r.missing(d.Src, d.ACompleter, "sensible", "les données %s comprennent le numéro de sécurité sociale (NIR), dont le traitement n'est permis "+
				"que dans les cas du décret n° 2019-341 : citez le texte applicable dans sensible.fondement", q(d.ID))
		}
	})
}

func checkRetraitConsentement(r *run) {
	if r.politique() == nil {
		return
	}
	consent := r.hasBasis("consentement")
	r.sensitiveData(func(d *schema.Donnee) {
		consent = consent || d.Sensible != nil && d.Sensible.Condition == "consentement_explicite"
	})
	if consent && r.description("retrait_consentement") == "" {
		r.missingRight("retrait_consentement", ", car des traitements reposent sur le consentement")
	}
}

func checkDecisionAutomatisee(r *run) {
	for _, t := range r.c.Traitements {
		d := t.DecisionAutomatisee
		if d == nil {
			continue
		}
		if d.EffetsSignificatifs == nil {
			r.missing(d.Src, d.ACompleter, "effets_significatifs", "la décision automatisée du traitement %s ne dit pas si elle produit des effets juridiques ou significatifs (effets_significatifs)", q(t.ID))
			continue
		}
		if !d.Significant() {
			continue
		}
		for _, f := range []struct {
			field, value, what string
		}{
			{"logique", d.Logique, "la logique sous-jacente"},
			{"importance", d.Importance, "son importance pour la personne"},
			{"consequences", d.Consequences, "ses conséquences prévues"},
			{"exception", string(d.Exception), "l'exception de l'article 22, § 2, qui la permet (contrat, loi ou consentement explicite)"},
		} {
			if f.value == "" {
				r.missing(d.Src, d.ACompleter, f.field, "la décision automatisée du traitement %s produit des effets significatifs mais n'indique pas %s (%s)",
					q(t.ID), f.what, f.field)
			}
		}
	}
}

func checkMineurs(r *run) {
	for _, p := range r.c.Personnes {
		if !p.MoinsDe15Ans || p.ConsentementParental != "" {
			continue
		}
		for _, t := range r.c.Traitements {
			if !controller(&t) || !slices.Contains(t.Personnes, p.ID) {
				continue
			}
			if slices.ContainsFunc(t.Finalites, func(f schema.Finalite) bool { return f.BaseLegale == "consentement" }) {
				r.report(r.org.Pos(p.Src, "moins_de_15_ans"), "les personnes %s comprennent des mineurs de moins de 15 ans et le traitement %s repose sur le consentement : "+
					"indiquez comment le consentement conjoint des titulaires de l'autorité parentale est recueilli (consentement_parental)", q(p.ID), q(t.ID))
				break
			}
		}
	}
}
