package check

import (
	"slices"
	"strconv"

	"github.com/rgpdoc/rgpdoc/schema"
)

// Rules on recipients and transfers outside the European Economic Area.

// outsideEEA returns the countries of ps outside the EEA.
func outsideEEA(ps []schema.Pays) []schema.Pays {
	var out []schema.Pays
	for _, p := range ps {
		if !p.InEEA() {
			out = append(out, p)
		}
	}
	return out
}

func checkTransfertGarantie(r *run) {
	for _, t := range r.c.Transferts {
		if len(t.Pays) == 0 {
			r.missing(t.Src, t.ACompleter, "pays", "le transfert %s n'indique pas le pays de destination (pays, code ISO 3166 comme US)", q(t.ID))
		}
		outside := outsideEEA(t.Pays)
		if t.Garantie == "" && (len(t.Pays) == 0 || len(outside) > 0) {
			where := ""
			if len(outside) > 0 {
				where = " (" + countries(outside) + ")"
			}
			r.missing(t.Src, t.ACompleter, "garantie", "le transfert %s%s n'indique pas la garantie qui l'encadre : indiquez garantie "+
				"(adequation, dpf, clauses_contractuelles_types, bcr… ou une dérogation de l'art. 49 du RGPD)", q(t.ID), where)
		}
		if t.Garantie == "dpf" {
			if others := slices.DeleteFunc(slices.Clone(outside), func(p schema.Pays) bool { return p == "US" }); len(others) > 0 {
				r.report(r.org.Pos(t.Src, "garantie"), "le Data Privacy Framework ne couvre que les États-Unis, pas les autres pays du transfert %s (%s) : indiquez-leur une autre garantie",
					q(t.ID), countries(others))
			}
		}
	}
}

// art46 lists the safeguards of Art. 46 and 47, of which the policy must say
// how to obtain a copy (Art. 13(1)(f)).
var art46 = []schema.Garantie{"clauses_contractuelles_types", "bcr", "instrument_public", "code_conduite", "certification", "clauses_ad_hoc"}

func checkTransfertDocumentation(r *run) {
	for _, t := range r.c.Transferts {
		if slices.Contains(art46, t.Garantie) && t.Documentation == "" {
			r.missing(t.Src, t.ACompleter, "documentation", "le transfert %s repose sur des %s : indiquez comment en obtenir une copie (documentation), "+
				"par une adresse web ou une démarche", q(t.ID), schema.Label(t.Garantie))
		}
	}
}

func checkTransfertConsentement(r *run) {
	for _, t := range r.c.Transferts {
		if t.Garantie == "derogation_consentement" && t.Description == "" {
			r.missing(t.Src, t.ACompleter, "description", "le transfert %s repose sur le consentement explicite de la personne (art. 49, § 1, a) du RGPD) : "+
				"décrivez dans description comment ce consentement est recueilli, après l'avoir informée des risques du transfert", q(t.ID))
		}
	}
}

func checkTransfertManquant(r *run) {
	c := r.c
	for _, d := range c.Destinataires {
		for j, p := range d.Pays {
			if p.InEEA() {
				continue
			}
			covered := slices.ContainsFunc(c.Transferts, func(t schema.Transfert) bool {
				return t.Destinataire == d.ID && slices.Contains(t.Pays, p)
			})
			if !covered {
				r.report(r.org.Pos(d.Src, "pays", strconv.Itoa(j)), "le destinataire %s traite les données hors de l'EEE (%s) sans transfert déclaré : "+
					"ajoutez à transferts un transfert vers ce pays, avec sa garantie", q(d.ID), p.Name())
			}
		}
	}
	for _, t := range c.Traitements {
		for i, id := range t.Destinataires {
			var toD []string
			for _, tr := range c.Transferts {
				if tr.Destinataire == id {
					toD = append(toD, tr.ID)
				}
			}
			if len(toD) > 0 && !slices.ContainsFunc(toD, func(tr string) bool { return slices.Contains(t.Transferts, tr) }) {
				r.report(r.org.Pos(t.Src, "destinataires", strconv.Itoa(i)), "le traitement %s communique des données à %s sans citer son transfert hors de l'EEE : "+
					"ajoutez %s à transferts", q(t.ID), q(id), q(toD[0]))
			}
		}
		for i, id := range t.Transferts {
			if tr := r.transferts[id]; tr != nil && !slices.Contains(t.Destinataires, tr.Destinataire) {
				r.report(r.org.Pos(t.Src, "transferts", strconv.Itoa(i)), "le traitement %s cite le transfert %s vers %s sans citer ce destinataire : "+
					"ajoutez %s à destinataires", q(t.ID), q(id), q(tr.Destinataire), q(tr.Destinataire))
			}
		}
	}
}

// safeguards calls fn with the safeguard and the fallback of each transfer.
func (r *run) safeguards(fn func(t *schema.Transfert, field string, g schema.Garantie)) {
	for i := range r.c.Transferts {
		t := &r.c.Transferts[i]
		fn(t, "garantie", t.Garantie)
		fn(t, "repli", t.Repli)
	}
}

func checkTransfertObsolete(r *run) {
	r.safeguards(func(t *schema.Transfert, field string, g schema.Garantie) {
		switch {
		case g == "privacy_shield":
			r.report(r.org.Pos(t.Src, field), "le transfert %s invoque le Privacy Shield, invalidé par la CJUE le 16 juillet 2020 : indiquez la garantie actuelle "+
				"(dpf pour une entreprise certifiée Data Privacy Framework, ou clauses_contractuelles_types)", q(t.ID))
		case g == "adequation" && slices.Contains(t.Pays, "US"):
			r.report(r.org.Pos(t.Src, field), "les États-Unis n'ont de décision d'adéquation que pour les entreprises certifiées Data Privacy Framework : "+
				"indiquez dpf plutôt qu'adequation pour le transfert %s", q(t.ID))
		}
	})
}

func checkTransfertAdequation(r *run) {
	r.safeguards(func(t *schema.Transfert, field string, g schema.Garantie) {
		if g != "adequation" {
			return
		}
		none := slices.DeleteFunc(outsideEEA(t.Pays), func(p schema.Pays) bool { return p == "US" || p.Adequate() })
		if len(none) > 0 {
			r.report(r.org.Pos(t.Src, field), "le transfert %s invoque une décision d'adéquation, mais rgpdoc n'en connaît pas pour un de ses pays (%s) : "+
				"vérifiez la garantie", q(t.ID), countries(none))
		}
	})
}

func checkDestinatairesNommes(r *run) {
	for _, d := range r.c.Destinataires {
		if len(d.Noms) > 0 || d.Type == "interne" {
			continue
		}
		why := ""
		switch {
		case d.Hebergeur:
			why = "il héberge les données"
		case slices.ContainsFunc(r.c.Transferts, func(t schema.Transfert) bool { return t.Destinataire == d.ID }):
			why = "des données lui sont transférées hors de l'EEE"
		default:
			continue
		}
		r.missing(d.Src, d.ACompleter, "noms", "le destinataire %s est connu de l'organisation (%s) mais n'est pas nommé : indiquez les sociétés dans noms", q(d.ID), why)
	}
}
