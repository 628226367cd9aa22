package check

import (
	"slices"
	"strconv"
	"strings"

	"github.com/rgpdoc/rgpdoc/schema"
)

// Rules on the register (Art. 30), the data charter (Art. 28) and security
// (Art. 32).

func checkRegistre(r *run) {
	if r.registre() == nil {
		return
	}
	for _, t := range r.c.Traitements {
		if controller(&t) && len(t.Destinataires) == 0 {
			r.missing(t.Src, t.ACompleter, "destinataires", "la fiche du traitement %s n'indique aucun destinataire (art. 30, § 1, d) du RGPD) : "+
				"citez au moins le service interne qui traite les données", q(t.ID))
		}
		for i, rc := range t.ResponsablesConjoints {
			if rc.Adresse == nil && rc.Email == "" && rc.Telephone == "" {
				r.report(r.org.Pos(t.Src, "responsables_conjoints", strconv.Itoa(i)), "le responsable conjoint %s du traitement %s n'a pas de coordonnées "+
					"(adresse, email ou telephone), que le registre exige (art. 30, § 1, a) du RGPD)", q(rc.Nom), q(t.ID))
			}
		}
		if controller(&t) {
			continue
		}
		for _, id := range t.Clients {
			if k := r.clients[id]; k != nil && k.Coordonnees == "" {
				r.missing(k.Src, k.ACompleter, "coordonnees", "le client %s n'a pas de coordonnées : le registre du sous-traitant les exige (art. 30, § 2, a) du RGPD) ; "+
					"indiquez-les dans coordonnees, ou dites où la liste nominative des clients est tenue", q(k.ID))
			}
		}
	}
}

func checkSecurite(r *run) {
	if r.registre() == nil && r.charte() == nil {
		return
	}
	for _, t := range r.c.Traitements {
		if r.registre() == nil && controller(&t) {
			continue // the charter describes only the processing done for clients
		}
		applies := slices.ContainsFunc(r.c.Securite, func(m schema.Mesure) bool {
			return len(m.Traitements) == 0 || slices.Contains(m.Traitements, t.ID)
		})
		if !applies {
			r.missing(t.Src, t.ACompleter, "securite", "aucune mesure de sécurité ne s'applique au traitement %s : décrivez-les dans securite (art. 32 du RGPD), "+
				"ou déclarez leur absence dans a_completer du traitement (clé securite)", q(t.ID))
		}
	}
}

func checkCharte(r *run) {
	ch := r.charte()
	if ch == nil {
		return
	}
	var processing []*schema.Traitement
	subProcessors := false
	for i := range r.c.Traitements {
		t := &r.c.Traitements[i]
		if controller(t) {
			continue
		}
		processing = append(processing, t)
		if len(t.Operations) == 0 {
			r.missing(t.Src, t.ACompleter, "operations", "le traitement %s, mené pour les clients, ne décrit pas les opérations effectuées sur les données (operations), "+
				"c'est-à-dire la nature du traitement", q(t.ID))
		}
		subProcessors = subProcessors || slices.ContainsFunc(t.Destinataires, func(id string) bool {
			d := r.destinataires[id]
			return d != nil && d.Type == "sous_traitant"
		})
	}
	if len(processing) == 0 {
		r.report(r.org.Pos(ch.Src), "la charte données est publiée mais aucun traitement n'a le rôle sous_traitant : elle n'aurait rien à décrire")
		return
	}
	if !subProcessors && !ch.DestinatairesExhaustifs {
		r.missing(ch.Src, ch.ACompleter, "destinataires_exhaustifs", "la charte ne nomme aucun sous-traitant ultérieur : "+
			"nommez-les (destinataires de type sous_traitant) ou déclarez la liste des destinataires complète (destinataires_exhaustifs: true)")
	}
	st := r.c.SousTraitance
	if st == nil {
		r.report(r.org.Pos(ch.Src), "la section sous_traitance manque : la charte doit indiquer la durée des traitements, le sort des données en fin de contrat, "+
			"le recours aux sous-traitants ultérieurs, les audits et l'assistance apportée aux clients (art. 28, § 3, du RGPD)")
		return
	}
	for _, f := range []struct {
		field, value, what string
		needed             bool
	}{
		{"duree", st.Duree, "la durée des traitements effectués pour les clients", true},
		{"fin_de_contrat", string(st.FinDeContrat), "le sort des données à la fin du contrat (suppression ou restitution)", true},
		{"autorisation_sous_traitants", string(st.Autorisation), "l'autorisation, générale ou spécifique, de recourir à des sous-traitants ultérieurs", subProcessors},
		{"information_changements", st.InformationChangements, "comment les clients sont informés des changements de sous-traitants ultérieurs (autorisation générale)",
			st.Autorisation == "generale"},
		{"confidentialite", st.Confidentialite, "l'engagement de confidentialité des personnes autorisées à traiter les données", true},
		{"assistance", st.Assistance, "l'aide apportée aux clients (droits des personnes, sécurité, violations, analyses d'impact)", true},
		{"audit", st.Audit, "les audits et inspections que les clients peuvent mener", true},
		{"instructions", st.Instructions, "que les données ne sont traitées que sur instruction documentée du client", true},
		{"instruction_illicite", st.InstructionIllicite, "que le client est informé immédiatement d'une instruction qui constituerait une violation du RGPD (art. 28, § 3, dernier alinéa)", true},
	} {
		if f.needed && f.value == "" {
			r.missing(st.Src, st.ACompleter, f.field, "la charte n'indique pas %s (sous_traitance.%s)", f.what, f.field)
		}
	}
}

func checkSauvegarde(r *run) {
	for _, m := range r.c.Securite {
		if m.Chiffree != nil && !*m.Chiffree {
			r.reportPoint(r.org.Pos(m.Src, "chiffree"), "À vérifier : la copie des données « "+strings.TrimSuffix(m.Description, ".")+
				" » n'est pas chiffrée ; sa protection doit être appropriée au risque (art. 32 du RGPD).",
				"la mesure %s garde une copie des données non chiffrée : chiffrez-la, ou décrivez la protection "+
					"appropriée au risque (art. 32 du RGPD)", q(m.ID))
		}
	}
}
