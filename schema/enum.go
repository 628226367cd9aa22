package schema

import "reflect"

// Option is one allowed value of an enumeration, with the French wording the
// documents use for it.
type Option struct {
	Value string
	Label string
	// Ref is the legal reference shown beside the label, when there is one.
	Ref string
}

// Enums lists the allowed values of every enumerated type of the model. The
// JSON Schema generator reads it for "enum", and the renderers for wording, so
// a value and its wording are declared once.
var Enums = map[reflect.Type][]Option{
	reflect.TypeFor[Role](): {
		{"responsable", "responsable du traitement", "art. 4, 7) du RGPD"},
		{"sous_traitant", "sous-traitant", "art. 28 du RGPD"},
		{"responsable_conjoint", "responsable conjoint du traitement", "art. 26 du RGPD"},
	},
	reflect.TypeFor[BaseLegale](): {
		{"consentement", "consentement", "art. 6, § 1, a) du RGPD"},
		{"contrat", "exécution d'un contrat ou de mesures précontractuelles", "art. 6, § 1, b) du RGPD"},
		{"obligation_legale", "obligation légale", "art. 6, § 1, c) du RGPD"},
		{"interets_vitaux", "sauvegarde des intérêts vitaux", "art. 6, § 1, d) du RGPD"},
		{"mission_interet_public", "mission d'intérêt public", "art. 6, § 1, e) du RGPD"},
		{"interet_legitime", "intérêt légitime", "art. 6, § 1, f) du RGPD"},
	},
	reflect.TypeFor[Article](): {
		{"l'", "l'", ""},
		{"le", "le", ""},
		{"la", "la", ""},
		{"les", "les", ""},
	},
	reflect.TypeFor[FormeJuridique](): {
		{"sas", "société par actions simplifiée", ""},
		{"sasu", "société par actions simplifiée unipersonnelle", ""},
		{"sarl", "société à responsabilité limitée", ""},
		{"eurl", "entreprise unipersonnelle à responsabilité limitée", ""},
		{"sa", "société anonyme", ""},
		{"sca", "société en commandite par actions", ""},
		{"snc", "société en nom collectif", ""},
		{"sci", "société civile immobilière", ""},
		{"scop", "société coopérative de production", ""},
		{"ei", "entreprise individuelle", ""},
		{"association", "association", ""},
		{"etablissement_public", "établissement public", ""},
		{"groupement_interet_public", "groupement d'intérêt public", ""},
		{"societe_etrangere", "société de droit étranger", ""},
	},
	reflect.TypeFor[Famille](): {
		{"etat_civil_identite", "état civil, identité, données d'identification", ""},
		{"vie_personnelle", "vie personnelle", ""},
		{"vie_professionnelle", "vie professionnelle", ""},
		{"economique_financier", "informations d'ordre économique et financier", ""},
		{"connexion", "données de connexion", ""},
		{"localisation", "données de localisation", ""},
		{"internet", "données internet (cookies, traceurs)", ""},
		{"nir", "numéro d'inscription au répertoire (NIR)", ""},
		{"autre", "autres données", ""},
	},
	reflect.TypeFor[Source](): {
		{"personne_concernee", "auprès de vous", "art. 13 du RGPD"},
		{"observation", "par observation", "art. 13 du RGPD"},
		{"tiers", "auprès d'un tiers", "art. 14 du RGPD"},
		{"source_publique", "auprès d'une source accessible au public", "art. 14 du RGPD"},
	},
	reflect.TypeFor[Caractere](): {
		{"facultatif", "facultative", ""},
		{"legal", "obligatoire en vertu de la loi", ""},
		{"contractuel", "obligatoire en vertu du contrat", ""},
		{"precontractuel", "nécessaire à la conclusion du contrat", ""},
	},
	reflect.TypeFor[CategorieSensible](): {
		{"origine_raciale_ethnique", "origine raciale ou ethnique", "art. 9 du RGPD"},
		{"opinions_politiques", "opinions politiques", "art. 9 du RGPD"},
		{"convictions_religieuses_philosophiques", "convictions religieuses ou philosophiques", "art. 9 du RGPD"},
		{"appartenance_syndicale", "appartenance syndicale", "art. 9 du RGPD"},
		{"genetique", "données génétiques", "art. 9 du RGPD"},
		{"biometrique", "données biométriques aux fins d'identifier une personne", "art. 9 du RGPD"},
		{"sante", "données concernant la santé", "art. 9 du RGPD"},
		{"vie_sexuelle_orientation", "vie sexuelle ou orientation sexuelle", "art. 9 du RGPD"},
		{"infractions", "condamnations pénales et infractions", "art. 10 du RGPD"},
		{"nir", "numéro d'inscription au répertoire (NIR)", "art. 87 du RGPD et art. 30 de la loi Informatique et Libertés"},
	},
	reflect.TypeFor[ConditionArt9](): {
		{"consentement_explicite", "consentement explicite de la personne concernée", "art. 9, § 2, a) du RGPD"},
		{"droit_travail_protection_sociale", "obligations en matière de droit du travail et de la protection sociale", "art. 9, § 2, b) du RGPD"},
		{"interets_vitaux", "sauvegarde des intérêts vitaux", "art. 9, § 2, c) du RGPD"},
		{"organisme_non_lucratif", "activités légitimes d'un organisme à but non lucratif", "art. 9, § 2, d) du RGPD"},
		{"rendues_publiques", "données manifestement rendues publiques par la personne concernée", "art. 9, § 2, e) du RGPD"},
		{"justice", "constatation, exercice ou défense d'un droit en justice", "art. 9, § 2, f) du RGPD"},
		{"interet_public_important", "motifs d'intérêt public important", "art. 9, § 2, g) du RGPD"},
		{"medecine", "médecine préventive, médecine du travail, soins ou gestion des systèmes de santé", "art. 9, § 2, h) du RGPD"},
		{"sante_publique", "motifs d'intérêt public dans le domaine de la santé publique", "art. 9, § 2, i) du RGPD"},
		{"archives_recherche_statistiques", "archives dans l'intérêt public, recherche scientifique ou historique, statistiques", "art. 9, § 2, j) du RGPD"},
	},
	reflect.TypeFor[NaturePersonne](): {
		{"prospect", "prospects", ""},
		{"client", "clients", ""},
		{"utilisateur", "utilisateurs", ""},
		{"visiteur", "visiteurs", ""},
		{"candidat", "candidats", ""},
		{"salarie", "salariés", ""},
		{"fournisseur", "fournisseurs", ""},
		{"autre", "autres personnes", ""},
	},
	reflect.TypeFor[TypeDestinataire](): {
		{"interne", "services internes", ""},
		{"groupe", "entités du groupe", ""},
		{"sous_traitant", "sous-traitants", "art. 28 du RGPD"},
		{"partenaire", "partenaires", ""},
		{"client", "clients", ""},
		{"tiers", "tiers", ""},
		{"autorite", "autorités", ""},
	},
	reflect.TypeFor[Garantie](): {
		{"adequation", "décision d'adéquation de la Commission européenne", "art. 45 du RGPD"},
		{"dpf", "Data Privacy Framework (décision d'adéquation UE–États-Unis du 10 juillet 2023)", "art. 45 du RGPD"},
		{"clauses_contractuelles_types", "clauses contractuelles types de la Commission européenne", "art. 46, § 2, c) du RGPD"},
		{"bcr", "règles d'entreprise contraignantes", "art. 46, § 2, b) et art. 47 du RGPD"},
		{"instrument_public", "instrument juridiquement contraignant entre autorités publiques", "art. 46, § 2, a) du RGPD"},
		{"code_conduite", "code de conduite approuvé", "art. 46, § 2, e) du RGPD"},
		{"certification", "mécanisme de certification approuvé", "art. 46, § 2, f) du RGPD"},
		{"clauses_ad_hoc", "clauses contractuelles autorisées par l'autorité de contrôle", "art. 46, § 3, a) du RGPD"},
		{"derogation_consentement", "consentement explicite à ce transfert", "art. 49, § 1, a) du RGPD"},
		{"derogation_contrat", "transfert nécessaire à l'exécution d'un contrat avec vous", "art. 49, § 1, b) du RGPD"},
		{"derogation_contrat_tiers", "transfert nécessaire à un contrat conclu dans votre intérêt", "art. 49, § 1, c) du RGPD"},
		{"derogation_interet_public", "motifs importants d'intérêt public", "art. 49, § 1, d) du RGPD"},
		{"derogation_justice", "constatation, exercice ou défense de droits en justice", "art. 49, § 1, e) du RGPD"},
		{"derogation_interets_vitaux", "sauvegarde des intérêts vitaux", "art. 49, § 1, f) du RGPD"},
		{"derogation_registre_public", "transfert depuis un registre public", "art. 49, § 1, g) du RGPD"},
		{"privacy_shield", "Privacy Shield (invalidé par la CJUE le 16 juillet 2020)", ""},
	},
	reflect.TypeFor[Unite](): {
		{"jours", "jours", ""},
		{"semaines", "semaines", ""},
		{"mois", "mois", ""},
		{"ans", "ans", ""},
	},
	reflect.TypeFor[Depart](): {
		{"collecte", "à compter de la collecte", ""},
		{"dernier_contact", "à compter du dernier contact", ""},
		{"derniere_connexion", "à compter de la dernière connexion", ""},
		{"fin_contrat", "à compter de la fin du contrat", ""},
		{"fin_relation", "à compter de la fin de la relation commerciale", ""},
		{"fin_operation", "à compter de la fin de l'opération", ""},
		{"cloture_exercice", "à compter de la clôture de l'exercice comptable", ""},
		{"enregistrement", "à compter de leur enregistrement", ""},
		{"depot_traceur", "à compter du dépôt du traceur", ""},
		{"fin_mandat", "à compter de la fin du mandat", ""},
		{"refus_candidature", "à compter du refus de la candidature", ""},
		{"versement", "à compter du versement", ""},
		{"depart_salarie", "à compter du départ du salarié", ""},
		{"fin_bail", "à compter de la fin du bail", ""},
	},
	reflect.TypeFor[Fin](): {
		{"suppression", "suppression", ""},
		{"anonymisation", "anonymisation", ""},
		{"archivage_intermediaire", "archivage intermédiaire", ""},
		{"restitution", "restitution au responsable du traitement", ""},
	},
	reflect.TypeFor[FamilleMesure](): {
		{"controle_acces", "contrôle des accès", ""},
		{"tracabilite", "traçabilité (journalisation)", ""},
		{"protection_logiciels", "protection des logiciels", ""},
		{"sauvegarde", "sauvegarde des données", ""},
		{"chiffrement", "chiffrement des données", ""},
		{"controle_sous_traitants", "contrôle des sous-traitants", ""},
		{"securite_physique", "sécurité physique", ""},
		{"sensibilisation", "sensibilisation et confidentialité du personnel", ""},
		{"autre", "autres mesures", ""},
	},
	reflect.TypeFor[ExceptionArt22](): {
		{"contrat", "décision nécessaire à la conclusion ou à l'exécution d'un contrat", "art. 22, § 2, a) du RGPD"},
		{"loi", "décision autorisée par le droit de l'Union ou le droit français", "art. 22, § 2, b) du RGPD"},
		{"consentement_explicite", "décision fondée sur le consentement explicite de la personne concernée", "art. 22, § 2, c) du RGPD"},
	},
	reflect.TypeFor[FinDeContrat](): {
		{"suppression", "suppression des données", ""},
		{"restitution", "restitution des données", ""},
		{"restitution_puis_suppression", "restitution puis suppression des données", ""},
		{"au_choix_du_client", "restitution ou suppression, au choix du client", ""},
	},
	reflect.TypeFor[OrdreGrandeur](): {
		{"moins_de_100", "moins de 100 personnes", ""},
		{"100_a_1000", "de 100 à 1\u202f000 personnes", ""},
		{"1000_a_10000", "de 1\u202f000 à 10\u202f000 personnes", ""},
		{"10000_a_100000", "de 10\u202f000 à 100\u202f000 personnes", ""},
		{"100000_a_1000000", "de 100\u202f000 à 1\u202fmillion de personnes", ""},
		{"plus_de_1000000", "plus d'un million de personnes", ""},
	},
	reflect.TypeFor[CritereAIPD](): {
		{"evaluation", "évaluation ou notation", "critère 1"},
		{"decision_automatisee", "décision automatique avec effet juridique ou similaire", "critère 2"},
		{"surveillance", "surveillance systématique", "critère 3"},
		{"donnees_sensibles", "données sensibles ou à caractère hautement personnel", "critère 4"},
		{"grande_echelle", "collecte à grande échelle", "critère 5"},
		{"croisement", "croisement ou combinaison d'ensembles de données", "critère 6"},
		{"personnes_vulnerables", "personnes vulnérables", "critère 7"},
		{"usage_innovant", "usage innovant ou nouvelle solution technologique", "critère 8"},
		{"exclusion", "exclusion du bénéfice d'un droit, d'un service ou d'un contrat", "critère 9"},
	},
	reflect.TypeFor[PorteeDecision](): {
		{"toute_decision", "aucune décision fondée exclusivement sur un traitement automatisé", ""},
		{"effets_juridiques", "aucune décision fondée exclusivement sur un traitement automatisé produisant des effets juridiques", "art. 22, § 1, du RGPD"},
		{"effets_significatifs", "aucune décision fondée exclusivement sur un traitement automatisé produisant des effets juridiques ou affectant la personne de manière significative", "art. 22, § 1, du RGPD"},
	},
	reflect.TypeFor[Aucune](): {
		{"aucune", "aucune", ""},
	},
	reflect.TypeFor[Referentiel](): {
		{"prospects", "prospects et anciens clients", ""},
		{"liste_opposition", "liste d'opposition à la prospection", ""},
		{"pieces_comptables", "documents et pièces comptables", ""},
		{"locataires", "dossiers des locataires après la fin du bail", ""},
		{"bulletins_paie", "doubles des bulletins de paie", ""},
		{"registre_personnel", "registre unique du personnel", ""},
		{"candidats_non_retenus", "candidats non retenus", ""},
		{"images_videoprotection", "images de vidéoprotection", ""},
		{"traceur_duree_vie", "durée de vie des traceurs de mesure d'audience", ""},
		{"traceur_donnees", "données collectées par les traceurs de mesure d'audience", ""},
		{"choix_traceurs", "choix de l'utilisateur sur les traceurs", ""},
	},
	reflect.TypeFor[FormeConsentement](): {
		{"acte_positif", "acte positif clair (case à cocher, bouton, signature)", "art. 4, 11) du RGPD"},
		{"explicite", "consentement explicite (déclaration écrite ou orale expresse)", "art. 9, § 2, a) et 49, § 1, a) du RGPD"},
		{"implicite", "consentement implicite (poursuite de la navigation, acceptation des conditions générales, silence)", ""},
	},
	reflect.TypeFor[Autorisation](): {
		{"generale", "autorisation écrite générale", "art. 28, § 2, du RGPD"},
		{"specifique", "autorisation écrite spécifique", "art. 28, § 2, du RGPD"},
	},
}

// OptionOf returns the option of an enumerated value; ok is false for a value
// the schema does not allow (which validation has already reported).
func OptionOf[T ~string](v T) (Option, bool) {
	for _, o := range Enums[reflect.TypeFor[T]()] {
		if o.Value == string(v) {
			return o, true
		}
	}
	return Option{Value: string(v), Label: string(v)}, false
}

// Label returns the French wording of an enumerated value.
func Label[T ~string](v T) string {
	o, _ := OptionOf(v)
	return o.Label
}
