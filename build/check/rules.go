package check

import (
	"strings"

	"github.com/rgpdoc/rgpdoc/build/diag"
)

// Rules lists every rule: first those that keep the model consistent, then
// the legal checklist in its order (docs/regles.md is generated from it).
var Rules = []*Rule{
	{ID: "reference", Severity: diag.Error, check: checkReferences,
		Title: "Chaque identifiant cité (personnes, données, destinataires, transferts, conservation, services, clients, traitements) est déclaré"},
	{ID: "id-en-double", Severity: diag.Error, check: checkDuplicates,
		Title: "Chaque identifiant est unique dans sa liste"},
	{ID: "non-utilise", Severity: diag.Warning, check: checkUnused,
		Title: "Les personnes, données, destinataires, transferts, durées de conservation et clients déclarés par l'organisation servent à un traitement"},
	{ID: "traitement-complet", Severity: diag.Error, Ref: "art. 5, § 1, b), 26 et 30 du RGPD", check: checkTraitementComplet,
		Title: "Chaque traitement a une finalité, des personnes concernées et des données ; un sous-traitant nomme ses clients, un responsable conjoint les autres responsables"},

	{ID: "base-legale", Severity: diag.Error, Ref: "art. 6, § 1, et 13, § 1, c) du RGPD", check: checkBaseLegale,
		Title: "Chaque finalité d'un traitement dont l'organisation est responsable a une base légale"},
	{ID: "interet-legitime", Severity: diag.Error, Ref: "art. 13, § 1, d) du RGPD", check: checkInteretLegitime,
		Title: "Une finalité fondée sur l'intérêt légitime dit quel intérêt est poursuivi"},
	{ID: "obligation-legale", Severity: diag.Warning, Ref: "art. 6, § 3, du RGPD", check: checkObligationLegale,
		Title: "Une finalité fondée sur une obligation légale cite le texte qui l'impose"},
	{ID: "donnees-sensibles", Severity: diag.Error, Ref: "art. 9, § 2, du RGPD", check: checkDonneesSensibles,
		Title: "Une catégorie particulière de données indique l'exception de l'article 9, § 2, qui permet de la traiter"},
	{ID: "infractions", Severity: diag.Error, Ref: "art. 10 du RGPD", check: checkInfractions,
		Title: "Les données d'infractions et de condamnations pénales citent le texte qui autorise leur traitement"},
	{ID: "nir", Severity: diag.Warning, Ref: "art. 87 du RGPD, art. 30 de la loi Informatique et Libertés, décret n° 2019-341", check: checkNIR,
		Title: "Le numéro de sécurité sociale (NIR) cite le texte qui permet de le traiter"},
	{ID: "retrait-consentement", Severity: diag.Error, Ref: "art. 7, § 3, et 13, § 2, c) du RGPD", check: checkRetraitConsentement,
		Title: "Un traitement fondé sur le consentement (art. 6 ou 9) s'accompagne, dans la politique, du droit de retirer ce consentement"},
	{ID: "conservation-manquante", Severity: diag.Error, Ref: "art. 13, § 2, a) et 14, § 2, a) du RGPD", check: checkConservationManquante,
		Title: "Toutes les données présentées par la politique ont une durée de conservation ou un critère"},
	{ID: "conservation-registre", Severity: diag.Warning, Ref: "art. 30, § 1, f) du RGPD", check: checkConservationRegistre,
		Title: "Toutes les données du registre (publié sans politique) ont une durée de conservation ou un critère"},
	{ID: "conservation-imprecise", Severity: diag.Warning, Ref: "art. 13, § 2, a) du RGPD", check: checkConservationImprecise,
		Title: "Une durée de conservation a un point de départ, et un critère dit plus que « aussi longtemps que nécessaire »"},
	{ID: "conservation-cnil", Severity: diag.Warning, Ref: "art. 5, § 1, e) du RGPD, référentiels de la CNIL", check: checkConservationCNIL,
		Title: "Les durées ne dépassent pas les références de la CNIL : 3 ans pour les prospects, 2 ans pour les candidats, 13 mois pour les traceurs"},
	{ID: "archivage-fondement", Severity: diag.Error, Ref: "art. 5, § 1, e) du RGPD", check: checkArchivage,
		Title: "Un archivage intermédiaire indique sa durée et son fondement"},
	{ID: "transfert-garantie", Severity: diag.Error, Ref: "art. 13, § 1, f) et 44 à 49 du RGPD", check: checkTransfertGarantie,
		Title: "Un transfert hors de l'EEE indique son pays et sa garantie ; le Data Privacy Framework ne vaut que pour les États-Unis"},
	{ID: "transfert-documentation", Severity: diag.Error, Ref: "art. 13, § 1, f), 46 et 47 du RGPD", check: checkTransfertDocumentation,
		Title: "Un transfert encadré par des garanties de l'article 46 ou 47 dit comment en obtenir une copie"},
	{ID: "transfert-consentement", Severity: diag.Error, Ref: "art. 49, § 1, a) du RGPD", check: checkTransfertConsentement,
		Title: "Un transfert fondé sur le consentement explicite décrit comment il est recueilli, après information sur les risques"},
	{ID: "transfert-manquant", Severity: diag.Error, Ref: "art. 13, § 1, f) et 30, § 1, e) du RGPD", check: checkTransfertManquant,
		Title: "Un destinataire hors de l'EEE a un transfert déclaré, et un traitement cite ensemble le destinataire et son transfert"},
	{ID: "transfert-obsolete", Severity: diag.Warning, Ref: "CJUE, 16 juillet 2020, C-311/18 ; décision d'adéquation du 10 juillet 2023", check: checkTransfertObsolete,
		Title: "Aucun transfert n'invoque le Privacy Shield, ni l'adéquation des États-Unis hors Data Privacy Framework"},
	{ID: "transfert-adequation", Severity: diag.Warning, Ref: "art. 45 du RGPD", check: checkTransfertAdequation,
		Title: "Un transfert fondé sur une décision d'adéquation vise un pays qui en a une"},
	{ID: "decision-automatisee", Severity: diag.Error, Ref: "art. 13, § 2, f) et 22 du RGPD", check: checkDecisionAutomatisee,
		Title: "Une décision automatisée aux effets significatifs décrit sa logique, son importance, ses conséquences et l'exception de l'article 22, § 2"},
	{ID: "dpo-contact", Severity: diag.Error, Ref: "art. 13, § 1, b) et 37, § 7, du RGPD", check: checkDPOContact,
		Title: "Un DPO désigné a des coordonnées publiées"},
	{ID: "identite", Severity: diag.Error, Ref: "art. 13, § 1, a), 27 et 30, § 1, a) du RGPD", check: checkIdentite,
		Title: "L'organisation a une dénomination et un siège ; établie hors de l'Union, elle nomme son représentant"},
	{ID: "droits", Severity: diag.Error, Ref: "art. 13, § 2, b), 15 à 18, 20 à 22 du RGPD", check: checkDroits,
		Title: "La politique a le texte des droits d'accès, de rectification, d'effacement et de limitation, et, selon les bases légales, de portabilité, d'opposition et sur les décisions automatisées"},
	{ID: "portabilite", Severity: diag.Warning, Ref: "art. 20 du RGPD", check: checkPortabilite,
		Title: "Les textes libres ne promettent pas la portabilité quand aucun traitement ne repose sur le consentement ou le contrat"},
	{ID: "reclamation-cnil", Severity: diag.Error, Ref: "art. 13, § 2, d) et 77 du RGPD", check: checkReclamation,
		Title: "La politique présente le droit de réclamation et l'autorité de contrôle, avec ses coordonnées"},
	{ID: "cnil-adresse", Severity: diag.Warning, Ref: "art. 13, § 2, d) du RGPD", check: checkCNILAdresse,
		Title: "L'ancienne adresse de la CNIL (8 rue Vivienne) n'apparaît plus"},
	{ID: "directives-post-mortem", Severity: diag.Warning, Ref: "art. 85 de la loi Informatique et Libertés", check: checkPostMortem,
		Title: "La politique présente le droit de définir des directives sur le sort des données après le décès"},
	{ID: "caractere-obligatoire", Severity: diag.Error, Ref: "art. 13, § 2, e) du RGPD", check: checkCaractere,
		Title: "Les données collectées auprès de la personne disent si leur fourniture est obligatoire, et sinon les conséquences d'un refus"},
	{ID: "source-indirecte", Severity: diag.Error, Ref: "art. 14, § 2, f) du RGPD", check: checkSourceIndirecte,
		Title: "Les données qui ne viennent pas de la personne nomment leur source"},
	{ID: "registre-complet", Severity: diag.Error, Ref: "art. 30, § 1 et § 2, du RGPD", check: checkRegistre,
		Title: "Le registre a, pour chaque traitement, ses destinataires, les coordonnées des responsables conjoints et des clients du sous-traitant"},
	{ID: "aipd", Severity: diag.Warning, Ref: "art. 35 du RGPD, délibérations de la CNIL n° 2018-326 et n° 2018-327", check: checkAIPD,
		Title: "Un traitement qui remplit deux critères ou plus de l'analyse d'impact indique l'analyse réalisée ou la raison de ne pas la faire"},
	{ID: "securite", Severity: diag.Error, Ref: "art. 28, § 3, c), 30, § 1, g), 30, § 2, d) et 32 du RGPD", check: checkSecurite,
		Title: "Chaque traitement décrit dans le registre ou la charte a au moins une mesure de sécurité"},
	{ID: "charte-art28", Severity: diag.Error, Ref: "art. 28, § 2 et § 3, du RGPD", check: checkCharte,
		Title: "La charte couvre la nature des traitements, leur durée, le sort des données en fin de contrat, les sous-traitants ultérieurs, la confidentialité, l'assistance et les audits"},
	{ID: "coherence", Severity: diag.Warning, Ref: "art. 12, § 1, du RGPD", check: checkCoherence,
		Title: "Les adresses électroniques et durées de conservation citées dans les textes libres figurent parmi les faits structurés"},
	{ID: "langage-vague", Severity: diag.Warning, Ref: "art. 12, § 1, du RGPD, lignes directrices WP260 sur la transparence", check: checkLangageVague,
		Title: "Les textes libres évitent les formulations vagues : " + labels(vagueTerms)},
	{ID: "destinataires-nommes", Severity: diag.Warning, Ref: "art. 13, § 1, e) du RGPD", check: checkDestinatairesNommes,
		Title: "Un destinataire connu (hébergeur, destinataire d'un transfert) est nommé"},
	{ID: "date-mise-a-jour", Severity: diag.Error, Ref: "art. 12 du RGPD (transparence)", check: checkDateMiseAJour,
		Title: "Chaque document publié a une date de mise à jour, postérieure à sa date de création"},
	{ID: "delai-reponse", Severity: diag.Warning, Ref: "art. 12, § 3, du RGPD", check: checkDelaiReponse,
		Title: "Le délai de réponse annoncé aux demandes ne dépasse pas un mois"},
	{ID: "mineurs", Severity: diag.Warning, Ref: "art. 8 du RGPD, art. 45 de la loi Informatique et Libertés", check: checkMineurs,
		Title: "Un traitement fondé sur le consentement de mineurs de moins de 15 ans dit comment le consentement des titulaires de l'autorité parentale est recueilli"},
	{ID: "texte-provisoire", Severity: diag.Error, Ref: "art. 12, § 1, du RGPD", check: checkTexteProvisoire,
		Title: "Aucun texte provisoire ni vide ne reste : texte vide, " + labels(placeholders)},
	{ID: "presentation", Severity: diag.Error, check: checkPresentation,
		Title: "Le thème choisi existe et le logo est un fichier du dossier de l'organisation"},
	{ID: "section-libre", Severity: diag.Error, check: checkSectionsLibres,
		Title: "Une section libre suit (apres) une section qui existe dans le document"},
	{ID: "sauvegarde-non-chiffree", Severity: diag.Warning, Ref: "art. 32 du RGPD", check: checkSauvegarde,
		Title: "Aucune copie des données (sauvegarde, export) n'est gardée sans chiffrement"},
}

// labels lists the labels of marks for a rule's title.
func labels(marks []mark) string {
	var out []string
	for _, m := range marks {
		out = append(out, m.label)
	}
	return strings.Join(out, ", ")
}
