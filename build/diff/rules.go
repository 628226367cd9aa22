package diff

import (
	"strings"
)

// Weight says whether a change must be told to people before it applies.
type Weight int

const (
	// Minor: wording, contact details, typography, presentation.
	Minor Weight = iota
	// Substantial: a purpose, a legal basis, a category of data or of
	// people, a recipient, a transfer, an automated decision, the
	// controller's identity.
	Substantial
	// Longer: substantial when a retention gets longer, minor otherwise.
	Longer
)

// Rule is a row of the table: a path of the model, with all the paths
// under it, what it is called in messages, and its weight.
type Rule struct {
	Path   string
	Label  string
	Weight Weight
}

// Rules is the table of the model's paths, the one place that says which
// changes are substantial (docs/modifications.md is written from it). A
// path covers the paths under it unless they have their own row; a list's
// row also covers adding and removing its elements.
var Rules = []Rule{
	{"organisation", "organisation", Minor},
	{"organisation.raison_sociale", "raison sociale", Substantial},
	{"organisation.forme_juridique", "forme juridique", Substantial},
	{"organisation.rcs", "immatriculation au RCS", Substantial},
	{"organisation.siret", "numéro SIRET", Substantial},
	{"organisation.siege", "siège social", Substantial},
	{"organisation.groupe", "groupe", Substantial},
	{"organisation.representant", "représentant dans l'Union", Substantial},
	{"organisation.services", "service", Minor},
	{"organisation.dpo", "délégué à la protection des données", Minor},
	{"organisation.telephone", "téléphone", Minor},
	{"organisation.email", "adresse électronique", Minor},
	{"organisation.autorite_controle", "autorité de contrôle", Minor},
	{"organisation.theme", "présentation", Minor},
	{"organisation.sans_decision_automatisee", "absence de décision automatisée", Substantial},

	{"documents", "document", Minor},

	{"termes", "terme défini", Minor},

	{"personnes", "catégorie de personnes", Substantial},
	{"personnes.libelle", "libellé", Minor},
	{"personnes.description", "description", Minor},
	{"personnes.nature", "nature", Minor},
	{"personnes.consentement_parental", "recueil du consentement parental", Minor},

	{"donnees", "catégorie de données", Substantial},
	{"donnees.libelle", "libellé", Minor},
	{"donnees.caractere", "caractère obligatoire ou facultatif", Substantial},
	{"donnees.sensible", "catégorie particulière", Substantial},
	{"donnees.exemples", "exemples", Substantial},
	{"donnees.description", "description", Minor},
	{"donnees.consequences_refus", "conséquences d'un refus", Minor},
	{"donnees.a_completer", "faits à compléter", Minor},
	{"donnees.a_verifier", "valeurs à vérifier", Minor},

	{"destinataires", "destinataire", Substantial},
	{"destinataires.libelle", "libellé", Minor},
	{"destinataires.noms", "destinataires nommés", Substantial},
	{"destinataires.description", "description", Minor},
	{"destinataires.hebergeur", "hébergeur", Minor},
	{"destinataires.contrat_art28", "contrat de sous-traitance", Minor},
	{"destinataires.memes_obligations", "obligations imposées", Minor},
	{"destinataires.a_completer", "faits à compléter", Minor},
	{"destinataires.a_verifier", "valeurs à vérifier", Minor},

	{"transferts", "transfert hors de l'EEE", Substantial},
	{"transferts.documentation", "copie des garanties", Minor},
	{"transferts.description", "description", Minor},
	{"transferts.a_completer", "faits à compléter", Minor},
	{"transferts.a_verifier", "valeurs à vérifier", Minor},

	{"traitements", "traitement", Substantial},
	{"traitements.libelle", "libellé", Minor},
	{"traitements.role", "rôle", Substantial},
	{"traitements.personnes", "catégories de personnes", Substantial},
	{"traitements.donnees", "catégories de données", Substantial},
	{"traitements.destinataires", "destinataires", Substantial},
	{"traitements.transferts", "transferts hors de l'EEE", Substantial},
	{"traitements.responsables_conjoints", "responsables conjoints", Substantial},
	{"traitements.description", "description", Minor},
	{"traitements.services", "services", Minor},
	{"traitements.canaux", "canaux de collecte", Minor},
	{"traitements.information", "information des personnes", Minor},
	{"traitements.operations", "opérations", Minor},
	{"traitements.cree_le", "date de création", Minor},
	{"traitements.mise_a_jour", "date de mise à jour", Minor},
	{"traitements.donnees_sensibles", "absence de données sensibles", Minor},
	{"traitements.a_completer", "faits à compléter", Minor},
	{"traitements.a_verifier", "valeurs à vérifier", Minor},
	{"traitements.finalites", "finalité", Substantial},
	{"traitements.finalites.libelle", "intitulé", Minor},
	{"traitements.finalites.description", "description de la finalité", Substantial},
	{"traitements.finalites.base_legale", "base légale", Substantial},
	{"traitements.finalites.interet", "intérêt légitime", Substantial},
	{"traitements.finalites.recueil", "recueil du consentement", Minor},
	{"traitements.finalites.a_completer", "faits à compléter", Minor},
	{"traitements.finalites.a_verifier", "valeurs à vérifier", Minor},
	{"traitements.decision_automatisee", "décision automatisée", Substantial},
	{"traitements.decision_automatisee.a_completer", "faits à compléter", Minor},
	{"traitements.decision_automatisee.a_verifier", "valeurs à vérifier", Minor},
	{"traitements.conservation", "durées de conservation", Substantial},

	{"conservation", "ligne de conservation", Minor},
	{"conservation.donnees", "données couvertes", Substantial},
	{"conservation.personnes", "personnes couvertes", Substantial},
	{"conservation.duree", "durée", Longer},
	{"conservation.archivage.duree", "durée d'archivage", Longer},
	{"conservation.critere", "critère de durée", Substantial},
	{"conservation.fin", "sort final des données", Substantial},

	{"securite", "mesure de sécurité", Minor},
	{"droits", "exercice des droits", Minor},
	{"clients", "client", Minor},
	{"sous_traitance", "engagements de sous-traitant", Minor},
	{"derogations", "dérogation", Minor},
}

// rule returns the row of the table that covers a generic path: its own,
// or the nearest above it. The French name of the field is the last part
// of the path when the row is above it.
func rule(generic string) Rule {
	for p := generic; p != ""; {
		for _, r := range Rules {
			if r.Path == p {
				if p != generic {
					r.Label = strings.ReplaceAll(generic[strings.LastIndex(generic, ".")+1:], "_", " ")
				}
				return r
			}
		}
		i := strings.LastIndex(p, ".")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return Rule{Path: generic, Label: generic}
}
