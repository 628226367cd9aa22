package check

import "strconv"

// Rules on the legal basis that depend on who the people are and how
// consent is given.

// checkContratParties reports a purpose based on a contract for people that
// the model says are not party to it: the users of a client's account, the
// tenants of a landlord client… (art. 6, § 1, b) covers only the parties).
func checkContratParties(r *run) {
	for _, t := range r.c.Traitements {
		if !controller(&t) {
			continue
		}
		for i, f := range t.Finalites {
			if f.BaseLegale != "contrat" {
				continue
			}
			for _, pid := range t.Personnes {
				p := r.personnes[pid]
				if p == nil || p.PartieAuContrat == nil || *p.PartieAuContrat {
					continue // unknown people are reported by reference; unknown parties, not at all
				}
				r.report(r.org.Pos(t.Src, "finalites", strconv.Itoa(i), "base_legale"),
					"la finalité %s du traitement %s repose sur le contrat, mais les personnes %s n'y sont pas parties (partie_au_contrat: false) : "+
						"le contrat ne fonde que le traitement des données de ses parties ; retenez pour elles une autre base légale, "+
						"par exemple l'intérêt légitime, dans une finalité distincte", finaliteName(&f), q(t.ID), q(p.ID))
			}
		}
	}
}

// checkConsentementValide reports consent that the GDPR does not count as
// consent: implied by conduct, or required to use a service.
func checkConsentementValide(r *run) {
	for _, t := range r.c.Traitements {
		if !controller(&t) {
			continue
		}
		for _, f := range t.Finalites {
			c := f.Recueil
			if f.BaseLegale != "consentement" || c == nil {
				continue
			}
			if c.Forme == "implicite" {
				r.report(r.org.Pos(c.Src, "forme"), "la finalité %s du traitement %s repose sur un consentement implicite, qui n'est pas un consentement : "+
					"il faut un acte positif clair (art. 4, 11) du RGPD, considérant 32) ; la poursuite de la navigation, le silence ou l'acceptation "+
					"des conditions générales ne suffisent pas", finaliteName(&f), q(t.ID))
			}
			if c.ConditionneService {
				r.report(r.org.Pos(c.Src, "conditionne_service"), "la finalité %s du traitement %s subordonne le service au consentement : "+
					"un consentement exigé pour un service qui n'en a pas besoin n'est pas libre (art. 7, § 4, du RGPD) ; "+
					"offrez le service sans ce consentement, ou retenez une autre base légale", finaliteName(&f), q(t.ID))
			}
		}
	}
}
