// Package schema holds the content model of rgpdoc: the Go types that content
// files decode into, the JSON Schema generated from them (French doc comments
// become the descriptions editors show), and validation against that schema.
//
// Doc comments on exported types and fields are user-facing: they are French
// because they end up in the schema and in docs/modele.md.
package schema

// Contenu est le contenu d'un fichier d'une organisation : tout ou partie de ses faits.
// Un dossier content/<organisation>/ peut répartir ces clés entre plusieurs fichiers ;
// chaque section d'objet (organisation, documents, droits, sous_traitance) n'est
// définie qu'une fois par organisation, les listes se complètent.
type Contenu struct {
	// Adresse du schéma JSON, pour les éditeurs qui lisent les fichiers JSON. Champ interne : il sert aux éditeurs, non aux documents.
	Schema string `json:"$schema,omitempty"`
	// Identité de l'organisation, ses contacts, son DPO et son autorité de contrôle.
	Organisation *Organisation `json:"organisation,omitempty"`
	// Documents publiés par l'organisation, avec leurs dates et leurs textes propres.
	Documents *Documents `json:"documents,omitempty"`
	// Termes définis, repris en tête de la politique (« ci-après … »).
	Termes []Terme `json:"termes,omitempty"`
	// Catégories de personnes concernées.
	Personnes []Personne `json:"personnes,omitempty"`
	// Catégories de données à caractère personnel.
	Donnees []Donnee `json:"donnees,omitempty"`
	// Destinataires des données : services internes, sous-traitants, tiers, autorités.
	Destinataires []Destinataire `json:"destinataires,omitempty"`
	// Transferts de données hors de l'Espace économique européen.
	Transferts []Transfert `json:"transferts,omitempty"`
	// Activités de traitement (fiches du registre).
	Traitements []Traitement `json:"traitements,omitempty"`
	// Tableau des durées de conservation.
	Conservation []Conservation `json:"conservation,omitempty"`
	// Mesures de sécurité techniques et organisationnelles (art. 32 du RGPD).
	Securite []Mesure `json:"securite,omitempty"`
	// Droits des personnes : libellés et modalités d'exercice.
	Droits *Droits `json:"droits,omitempty"`
	// Clients pour le compte desquels l'organisation agit comme sous-traitant.
	Clients []Client `json:"clients,omitempty"`
	// Engagements de sous-traitant envers les clients (art. 28, § 3, du RGPD).
	SousTraitance *SousTraitance `json:"sous_traitance,omitempty"`
	// Écarts justifiés : constats de rgpdoc check que l'organisation assume, avec leur motif ;
	// le registre les présente à l'auditeur.
	Derogations []Derogation `json:"derogations,omitempty"`
}

// Derogation accepte, avec son motif, un avertissement d'une règle de rgpdoc check sur un élément.
type Derogation struct {
	Src Origin `json:"-"`
	// Identifiant de la règle dont l'avertissement est accepté, par exemple « conservation-cnil » (voir docs/regles.md).
	Regle string `json:"regle" jsonschema:"required,pattern=^[a-z0-9][a-z0-9-]*$"`
	// Identifiant de l'élément concerné (traitement, ligne de conservation, donnée…) ; toute l'organisation si absent.
	Element string `json:"element,omitempty" jsonschema:"pattern=^[a-z0-9][a-z0-9_-]*$"`
	// Pourquoi l'écart est justifié, tel que l'auditeur le lira dans le registre.
	Motif string `json:"motif" jsonschema:"required"`
}

// Organisation décrit l'identité de l'organisation et ses contacts (art. 13, § 1, a) et b) du RGPD).
type Organisation struct {
	Src Origin `json:"-"`
	// Dénomination sociale, par exemple « Intent Technologies ».
	RaisonSociale string `json:"raison_sociale,omitempty"`
	// Nom court utilisé dans les documents (« ci-après « Intent » »).
	Appellation string `json:"appellation,omitempty"`
	// Forme juridique.
	FormeJuridique FormeJuridique `json:"forme_juridique,omitempty"`
	// Capital social, en euros.
	Capital int64 `json:"capital,omitempty" jsonschema:"minimum=1"`
	// Immatriculation au registre du commerce et des sociétés.
	RCS *RCS `json:"rcs,omitempty"`
	// Numéro SIRET de l'établissement (14 chiffres).
	Siret string `json:"siret,omitempty" jsonschema:"pattern=^[0-9]{3} ?[0-9]{3} ?[0-9]{3} ?[0-9]{5}$"`
	// Numéro de TVA intracommunautaire, par exemple FR57412259715.
	TVA string `json:"tva,omitempty" jsonschema:"pattern=^[A-Z]{2}[0-9A-Z]{2\\,12}$"`
	// Adresse du siège social.
	Siege *Adresse `json:"siege,omitempty"`
	// Téléphone du standard.
	Telephone string `json:"telephone,omitempty" jsonschema:"pattern=^\\+?[0-9][0-9 .()-]{3\\,}$"`
	// Adresse électronique de contact.
	Email string `json:"email,omitempty" jsonschema:"format=email"`
	// Groupe auquel appartient l'organisation, s'il y a lieu.
	Groupe string `json:"groupe,omitempty"`
	// Sites, plateformes et services couverts par les documents.
	Services []Service `json:"services,omitempty"`
	// Délégué à la protection des données (art. 37 à 39 du RGPD).
	DPO *DPO `json:"dpo,omitempty"`
	// Représentant dans l'Union, pour un responsable établi hors de l'Union (art. 27 du RGPD).
	Representant *Contact `json:"representant,omitempty"`
	// Autorité de contrôle compétente ; la CNIL par défaut (dossier _defaults).
	AutoriteControle *Autorite `json:"autorite_controle,omitempty"`
	// Présentation des pages HTML : thème, logo, couleur.
	Theme *Theme `json:"theme,omitempty"`
	// Vrai si l'organisation n'a pas désigné de délégué à la protection des données : les documents le disent alors.
	SansDPO bool `json:"sans_dpo,omitempty"`
	// Décisions automatisées que l'organisation déclare ne pas prendre, dans les termes de la source (art. 13, § 2, f) et 22 du RGPD).
	SansDecisionAutomatisee PorteeDecision `json:"sans_decision_automatisee,omitempty"`
	// Article défini que le nom prend dans une phrase (« l' » pour « l'Agence du Beffroi ») ; aucun par défaut.
	Article Article `json:"article,omitempty"`
	// Faits que la source ne donne pas encore : nom du champ manquant et explication.
	ACompleter Lacunes `json:"a_completer,omitempty"`
	// Valeurs à confirmer : nom du champ → valeurs contradictoires ou douteuses que donne la source.
	AVerifier Verifications `json:"a_verifier,omitempty"`
}

// RCS est une immatriculation au registre du commerce et des sociétés.
type RCS struct {
	// Ville du greffe, par exemple « Lille ».
	Ville string `json:"ville" jsonschema:"required"`
	// Numéro SIREN, par exemple « 532 829 561 ».
	Numero string `json:"numero" jsonschema:"required,pattern=^[0-9]{3} ?[0-9]{3} ?[0-9]{3}$"`
}

// Adresse est une adresse postale.
type Adresse struct {
	// Destinataire de l'envoi, par exemple « à l'attention du DPO ».
	Attention string `json:"attention,omitempty"`
	// Numéro et voie, par exemple « 679 avenue de la République ».
	Voie string `json:"voie" jsonschema:"required"`
	// Complément : bâtiment, boîte postale, TSA…
	Complement string `json:"complement,omitempty"`
	// Code postal.
	CodePostal string `json:"code_postal" jsonschema:"required,pattern=^[0-9A-Z][0-9A-Z -]{2\\,9}$"`
	// Ville, avec le cas échéant la mention CEDEX.
	Ville string `json:"ville" jsonschema:"required"`
	// Pays, code ISO 3166-1 ; France si absent.
	Pays Pays `json:"pays,omitempty"`
}

// Service est un site, une plateforme ou un service couvert par les documents.
type Service struct {
	Src Origin `json:"-"`
	// Identifiant, référencé par les traitements (« logiciel ou application » du registre).
	ID string `json:"id" jsonschema:"required,pattern=^[a-z0-9][a-z0-9_-]*$"`
	// Nom du service, par exemple « Assistant.immo ».
	Nom string `json:"nom,omitempty"`
	// Nom court utilisé dans les textes (« ci-après le « Site » »).
	Appellation string `json:"appellation,omitempty"`
	// Adresse web.
	URL string `json:"url,omitempty" jsonschema:"format=uri"`
	// Description (Markdown).
	Description string `json:"description,omitempty"`
	// Faits que la source ne donne pas encore : nom du champ manquant et explication.
	ACompleter Lacunes `json:"a_completer,omitempty"`
	// Valeurs à confirmer : nom du champ → valeurs contradictoires ou douteuses que donne la source.
	AVerifier Verifications `json:"a_verifier,omitempty"`
}

// DPO est le délégué à la protection des données et ses coordonnées publiées (art. 37, § 7, du RGPD).
type DPO struct {
	Src Origin `json:"-"`
	// Nom du délégué ou de l'organisme désigné.
	Nom string `json:"nom,omitempty"`
	// Adresse électronique.
	Email string `json:"email,omitempty" jsonschema:"format=email"`
	// Numéros de téléphone.
	Telephones []string `json:"telephones,omitempty" jsonschema:"pattern=^\\+?[0-9][0-9 .()-]{3\\,}$"`
	// Adresse postale.
	Adresse *Adresse `json:"adresse,omitempty"`
	// Formulaire en ligne de contact ou d'exercice des droits.
	Formulaire string `json:"formulaire,omitempty" jsonschema:"format=uri"`
	// Faits que la source ne donne pas encore : nom du champ manquant et explication.
	ACompleter Lacunes `json:"a_completer,omitempty"`
	// Valeurs à confirmer : nom du champ → valeurs contradictoires ou douteuses que donne la source.
	AVerifier Verifications `json:"a_verifier,omitempty"`
	// Organisme qui fournit le délégué quand il est externe (art. 37, § 6, du RGPD), par exemple un cabinet ;
	// ses coordonnées sont celles du DPO ci-dessus.
	Organisme string `json:"organisme,omitempty"`
}

// Contact désigne une personne ou un organisme et ses coordonnées.
type Contact struct {
	Src Origin `json:"-"`
	// Nom ou dénomination.
	Nom string `json:"nom" jsonschema:"required"`
	// Adresse postale.
	Adresse *Adresse `json:"adresse,omitempty"`
	// Adresse électronique.
	Email string `json:"email,omitempty" jsonschema:"format=email"`
	// Téléphone.
	Telephone string `json:"telephone,omitempty" jsonschema:"pattern=^\\+?[0-9][0-9 .()-]{3\\,}$"`
}

// Autorite est l'autorité de contrôle auprès de laquelle introduire une réclamation (art. 77 du RGPD).
type Autorite struct {
	Src Origin `json:"-"`
	// Nom complet, par exemple « Commission nationale de l'informatique et des libertés ».
	Nom string `json:"nom" jsonschema:"required"`
	// Sigle, par exemple « CNIL ».
	Sigle string `json:"sigle,omitempty"`
	// Adresse postale.
	Adresse *Adresse `json:"adresse,omitempty"`
	// Téléphone.
	Telephone string `json:"telephone,omitempty" jsonschema:"pattern=^\\+?[0-9][0-9 .()-]{3\\,}$"`
	// Site web.
	Site string `json:"site,omitempty" jsonschema:"format=uri"`
	// Page de dépôt des plaintes en ligne.
	Plainte string `json:"plainte,omitempty" jsonschema:"format=uri"`
}

// Theme règle la présentation des pages HTML de l'organisation.
type Theme struct {
	// Nom du thème (dossier de themes/) ; « default » si absent.
	Nom string `json:"nom,omitempty" jsonschema:"pattern=^[a-z0-9][a-z0-9_-]*$"`
	// Logo : chemin d'un fichier du dossier de l'organisation (SVG, PNG ou JPEG).
	Logo string `json:"logo,omitempty" jsonschema:"pattern=^[^/\\\\][^\\\\]*\\.(svg|png|jpg|jpeg)$"`
	// Couleur principale, en hexadécimal (#1f4e79).
	Couleur string `json:"couleur,omitempty" jsonschema:"pattern=^#[0-9a-fA-F]{6}$"`
}

// Documents indique les documents que l'organisation publie ; un document absent n'est pas produit.
type Documents struct {
	Src Origin `json:"-"`
	// Politique de confidentialité (art. 12 à 14 du RGPD).
	Politique *Publication `json:"politique,omitempty"`
	// Charte données destinée aux clients du sous-traitant (art. 28 du RGPD).
	Charte *Charte `json:"charte,omitempty"`
	// Registre des activités de traitement (art. 30 du RGPD).
	Registre *Publication `json:"registre,omitempty"`
	// Adresse web du dossier où les documents sont publiés, par exemple https://rgpd.exemple.fr/exemple/ :
	// les liens de l'essentiel et des mentions d'information vers la politique y mènent, même collés dans une autre page.
	// Champ interne : il sert aux liens des pages publiées, non au texte des documents.
	URL string `json:"url,omitempty" jsonschema:"format=uri"`
}

// Publication porte les dates, la version et les textes propres à un document.
type Publication struct {
	Src Origin `json:"-"`
	// Titre, si l'organisation n'emploie pas le titre usuel.
	Titre string `json:"titre,omitempty"`
	// Date de création du document (AAAA-MM-JJ).
	CreeLe string `json:"cree_le,omitempty" jsonschema:"format=date"`
	// Date de dernière mise à jour (AAAA-MM-JJ), affichée « Mise à jour le 2 janvier 2025 ».
	MiseAJour string `json:"mise_a_jour,omitempty" jsonschema:"format=date"`
	// Numéro de version.
	Version string `json:"version,omitempty"`
	// Versions précédentes.
	Historique []Version `json:"historique,omitempty"`
	// Texte d'introduction (Markdown).
	Introduction string `json:"introduction,omitempty"`
	// Comment les modifications du document sont portées à la connaissance des lecteurs (Markdown).
	Modifications string `json:"modifications,omitempty"`
	// Sections libres, pour ce qu'aucun champ ne décrit.
	Sections []SectionLibre `json:"sections,omitempty"`
	// Vrai si la liste des destinataires est complète : le document dit alors « seuls les destinataires suivants ».
	DestinatairesExhaustifs bool `json:"destinataires_exhaustifs,omitempty"`
	// Faits que la source ne donne pas encore : nom du champ manquant et explication.
	ACompleter Lacunes `json:"a_completer,omitempty"`
	// Valeurs à confirmer : nom du champ → valeurs contradictoires ou douteuses que donne la source.
	AVerifier Verifications `json:"a_verifier,omitempty"`
}

// Charte est la publication de la charte données, avec son public.
type Charte struct {
	Publication
	// Destinataires du document, par groupe (« Chez nos donneurs d'ordre » : référent RGPD, direction technique…).
	Public []Public `json:"public,omitempty"`
}

// Public est un groupe de lecteurs de la charte.
type Public struct {
	// Nom du groupe, par exemple « Chez nos partenaires techniques ».
	Groupe string `json:"groupe" jsonschema:"required"`
	// Fonctions ou équipes concernées.
	Membres []string `json:"membres" jsonschema:"required,minItems=1"`
}

// Version est une entrée de l'historique d'un document.
type Version struct {
	// Date de la version (AAAA-MM-JJ).
	Date string `json:"date" jsonschema:"required,format=date"`
	// Numéro de version.
	Version string `json:"version,omitempty"`
	// Résumé des changements.
	Resume string `json:"resume,omitempty"`
}

// SectionLibre est une section de texte ajoutée à un document.
type SectionLibre struct {
	Src Origin `json:"-"`
	// Titre de la section.
	Titre string `json:"titre" jsonschema:"required"`
	// Texte (Markdown).
	Texte string `json:"texte" jsonschema:"required"`
	// Identifiant de la section générée après laquelle placer celle-ci (voir docs/modele.md) ; à la fin si absent.
	Apres string `json:"apres,omitempty"`
}

// Terme est un terme défini.
type Terme struct {
	Src Origin `json:"-"`
	// Le terme, avec sa majuscule, par exemple « Souscripteur ».
	Terme string `json:"terme" jsonschema:"required"`
	// Définition (Markdown), par exemple « personne appartenant à une organisation cliente ».
	Definition string `json:"definition" jsonschema:"required"`
}

// Personne est une catégorie de personnes concernées.
type Personne struct {
	Src Origin `json:"-"`
	// Identifiant, référencé par les traitements.
	ID string `json:"id" jsonschema:"required,pattern=^[a-z0-9][a-z0-9_-]*$"`
	// Libellé au pluriel, par exemple « Prospects ».
	Libelle string `json:"libelle" jsonschema:"required"`
	// Qui sont ces personnes (Markdown).
	Description string `json:"description,omitempty"`
	// Nature de la catégorie de personnes (prospects, clients, salariés…). Champ interne : il sert aux règles de rgpdoc check.
	Nature NaturePersonne `json:"nature,omitempty"`
	// Vrai si la catégorie comprend des mineurs de moins de 15 ans (art. 45 de la loi Informatique et Libertés).
	MoinsDe15Ans bool `json:"moins_de_15_ans,omitempty"`
	// Comment le consentement conjoint des titulaires de l'autorité parentale est recueilli.
	ConsentementParental string `json:"consentement_parental,omitempty"`
	// Vrai si ces personnes sont parties au contrat que les traitements exécutent, ou le demandent
	// (mesures précontractuelles) ; faux sinon (utilisateurs du compte d'un client, locataires
	// d'un bailleur client, personnes pour qui un tiers appelle…) : la base légale « contrat »
	// ne vaut que pour les parties (art. 6, § 1, b) du RGPD). Non vérifié si absent. Champ interne :
	// il sert aux règles de rgpdoc check, les documents présentant déjà la base légale.
	PartieAuContrat *bool `json:"partie_au_contrat,omitempty"`
	// Formulation du registre, à la troisième personne, quand le texte de l'élément s'adresse à la personne (« vous ») ou parle au nom de l'organisation (« nous »).
	Registre *Formulation `json:"registre,omitempty"`
}

// Donnee est une catégorie de données à caractère personnel.
type Donnee struct {
	Src Origin `json:"-"`
	// Identifiant, référencé par les traitements.
	ID string `json:"id" jsonschema:"required,pattern=^[a-z0-9][a-z0-9_-]*$"`
	// Libellé, par exemple « Données d'identification et coordonnées ».
	Libelle string `json:"libelle" jsonschema:"required"`
	// Famille de données du modèle de registre de la CNIL.
	Famille Famille `json:"famille" jsonschema:"required"`
	// Exemples de données de la catégorie (nom, prénom, adresse électronique…).
	Exemples []string `json:"exemples,omitempty"`
	// Précisions (Markdown).
	Description string `json:"description,omitempty"`
	// Limite ces données à certaines personnes des traitements qui les citent (identifiants),
	// quand un traitement réunit les données de plusieurs catégories de personnes ; toutes si absent.
	// Champ interne : il répartit les données entre les personnes, sans texte propre.
	Personnes []string `json:"personnes,omitempty"`
	// Auprès de qui les données sont collectées.
	Source Source `json:"source" jsonschema:"required"`
	// Origine nommée des données collectées indirectement (art. 14, § 2, f) du RGPD), par exemple « portails immobiliers » ;
	// pour des données observées, le moyen d'observation, par exemple « caméras de vidéoprotection ».
	Origine string `json:"origine,omitempty"`
	// Caractère obligatoire ou facultatif de la fourniture des données (art. 13, § 2, e) du RGPD).
	Caractere Caractere `json:"caractere,omitempty"`
	// Conséquences d'un refus de fournir les données.
	ConsequencesRefus string `json:"consequences_refus,omitempty"`
	// Catégorie particulière de données (art. 9 et 10 du RGPD).
	Sensible *Sensible `json:"sensible,omitempty"`
	// Vrai si les données sont lues ou déposées par des cookies ou autres traceurs.
	Traceur bool `json:"traceur,omitempty"`
	// Faits que la source ne donne pas encore : nom du champ manquant et explication.
	ACompleter Lacunes `json:"a_completer,omitempty"`
	// Valeurs à confirmer : nom du champ → valeurs contradictoires ou douteuses que donne la source.
	AVerifier Verifications `json:"a_verifier,omitempty"`
	// Formulation du registre, à la troisième personne, quand le texte de l'élément s'adresse à la personne (« vous ») ou parle au nom de l'organisation (« nous »).
	Registre *Formulation `json:"registre,omitempty"`
}

// Sensible qualifie une catégorie particulière de données et la condition qui permet de la traiter.
type Sensible struct {
	// Catégorie particulière.
	Categorie CategorieSensible `json:"categorie" jsonschema:"required"`
	// Exception de l'article 9, § 2, du RGPD qui permet le traitement.
	Condition ConditionArt9 `json:"condition,omitempty"`
	// Texte qui autorise le traitement (infractions : art. 10 du RGPD ; NIR : décret-cadre).
	Fondement string `json:"fondement,omitempty"`
}

// Destinataire est un destinataire ou une catégorie de destinataires (art. 13, § 1, e) du RGPD).
type Destinataire struct {
	Src Origin `json:"-"`
	// Identifiant, référencé par les traitements et les transferts.
	ID string `json:"id" jsonschema:"required,pattern=^[a-z0-9][a-z0-9_-]*$"`
	// Libellé, par exemple « Nos sous-traitants » ou « Gandi ».
	Libelle string `json:"libelle" jsonschema:"required"`
	// Type de destinataire.
	Type TypeDestinataire `json:"type" jsonschema:"required"`
	// Destinataires nommés de la catégorie (sociétés, services).
	Noms []string `json:"noms,omitempty"`
	// Rôle du destinataire et données qu'il reçoit (Markdown).
	Description string `json:"description,omitempty"`
	// Vrai si le destinataire héberge les données.
	Hebergeur bool `json:"hebergeur,omitempty"`
	// Pays où le destinataire traite les données (codes ISO 3166-1, ou EU pour « Union européenne »).
	Pays []Pays `json:"pays,omitempty"`
	// Pour un sous-traitant : vrai si un contrat conforme à l'article 28 du RGPD le lie à l'organisation.
	ContratArt28 *bool `json:"contrat_art28,omitempty"`
	// Pour un sous-traitant ultérieur : vrai si son contrat lui impose les mêmes obligations que celles du sous-traitant envers ses clients (art. 28, § 4, du RGPD).
	MemesObligations *bool `json:"memes_obligations,omitempty"`
	// Faits que la source ne donne pas encore : nom du champ manquant et explication.
	ACompleter Lacunes `json:"a_completer,omitempty"`
	// Valeurs à confirmer : nom du champ → valeurs contradictoires ou douteuses que donne la source.
	AVerifier Verifications `json:"a_verifier,omitempty"`
	// Formulation du registre, à la troisième personne, quand le texte de l'élément s'adresse à la personne (« vous ») ou parle au nom de l'organisation (« nous »).
	Registre *Formulation `json:"registre,omitempty"`
}

// Transfert est un transfert de données hors de l'Espace économique européen (chapitre V du RGPD).
type Transfert struct {
	Src Origin `json:"-"`
	// Identifiant, référencé par les traitements.
	ID string `json:"id" jsonschema:"required,pattern=^[a-z0-9][a-z0-9_-]*$"`
	// Destinataire des données transférées (identifiant d'un destinataire).
	Destinataire string `json:"destinataire" jsonschema:"required"`
	// Pays de destination (codes ISO 3166-1).
	Pays []Pays `json:"pays,omitempty"`
	// Garantie qui encadre le transfert.
	Garantie Garantie `json:"garantie,omitempty"`
	// Garantie de repli, par exemple des clauses contractuelles types si la certification DPF cesse.
	Repli Garantie `json:"repli,omitempty"`
	// Comment obtenir une copie des garanties (adresse web ou démarche).
	Documentation string `json:"documentation,omitempty"`
	// Précisions (Markdown).
	Description string `json:"description,omitempty"`
	// Faits que la source ne donne pas encore : nom du champ manquant et explication.
	ACompleter Lacunes `json:"a_completer,omitempty"`
	// Valeurs à confirmer : nom du champ → valeurs contradictoires ou douteuses que donne la source.
	AVerifier Verifications `json:"a_verifier,omitempty"`
}

// Traitement est une activité de traitement, c'est-à-dire une fiche du registre (art. 30 du RGPD).
type Traitement struct {
	Src Origin `json:"-"`
	// Identifiant.
	ID string `json:"id" jsonschema:"required,pattern=^[a-z0-9][a-z0-9_-]*$"`
	// Nom de l'activité, qui est aussi sa finalité principale, par exemple « Prospection commerciale ».
	Libelle string `json:"libelle" jsonschema:"required"`
	// Précisions (Markdown).
	Description string `json:"description,omitempty"`
	// Rôle de l'organisation pour cette activité.
	Role Role `json:"role" jsonschema:"required"`
	// Clients pour le compte desquels l'activité est menée (rôle sous_traitant).
	Clients []string `json:"clients,omitempty"`
	// Autres responsables du traitement (rôle responsable_conjoint).
	ResponsablesConjoints []Contact `json:"responsables_conjoints,omitempty"`
	// Services, logiciels ou applications utilisés (identifiants de services).
	Services []string `json:"services,omitempty"`
	// Catégories de personnes concernées (identifiants).
	Personnes []string `json:"personnes" jsonschema:"required"`
	// Catégories de données traitées (identifiants).
	Donnees []string `json:"donnees" jsonschema:"required"`
	// Finalités (sous-finalités), chacune avec sa base légale.
	Finalites []Finalite `json:"finalites" jsonschema:"required"`
	// Canaux de collecte, par exemple « le téléphone, en appels entrants ».
	Canaux []string `json:"canaux,omitempty"`
	// Comment les personnes concernées sont informées (Markdown, un élément par mesure).
	Information []string `json:"information,omitempty"`
	// Opérations effectuées sur les données (nature du traitement, art. 28, § 3, du RGPD).
	Operations []string `json:"operations,omitempty"`
	// Destinataires (identifiants).
	Destinataires []string `json:"destinataires,omitempty"`
	// Transferts hors de l'EEE (identifiants).
	Transferts []string `json:"transferts,omitempty"`
	// Durées de conservation (identifiants de lignes du tableau de conservation).
	Conservation []string `json:"conservation,omitempty"`
	// Décision individuelle automatisée ou profilage (art. 22 du RGPD).
	DecisionAutomatisee *DecisionAutomatisee `json:"decision_automatisee,omitempty"`
	// Date de création de la fiche (AAAA-MM-JJ).
	CreeLe string `json:"cree_le,omitempty" jsonschema:"format=date"`
	// Date de dernière mise à jour de la fiche (AAAA-MM-JJ).
	MiseAJour string `json:"mise_a_jour,omitempty" jsonschema:"format=date"`
	// Numéro ou référence de la fiche dans le registre (« N° / RÉF » du modèle de la CNIL), par exemple « RT-004 ».
	Reference string `json:"reference,omitempty"`
	// Service ou personne qui gère l'activité au sein de l'organisation, par exemple « Direction des ressources humaines ».
	Gestionnaire string `json:"gestionnaire,omitempty"`
	// Services internes qui reçoivent les données, nommés pour le registre (« service comptabilité »).
	ServicesDestinataires []string `json:"services_destinataires,omitempty"`
	// Nombre approximatif de personnes concernées, en ordre de grandeur.
	NombrePersonnes OrdreGrandeur `json:"nombre_personnes,omitempty"`
	// Vrai si l'activité ne figure qu'au registre : la politique de confidentialité ne la décrit pas
	// (paie, gestion du personnel, fichier des fournisseurs…).
	RegistreSeulement bool `json:"registre_seulement,omitempty"`
	// Examen des critères de l'analyse d'impact (art. 35 du RGPD) et, s'il y a lieu, l'analyse réalisée.
	AIPD *AIPD `json:"aipd,omitempty"`
	// « aucune » si le traitement ne porte sur aucune catégorie particulière de données (art. 9 et 10 du RGPD) ; sinon les données citées qui en relèvent le disent (sensible).
	DonneesSensibles Aucune `json:"donnees_sensibles,omitempty"`
	// Faits que la source ne donne pas encore : nom du champ manquant et explication.
	ACompleter Lacunes `json:"a_completer,omitempty"`
	// Valeurs à confirmer : nom du champ → valeurs contradictoires ou douteuses que donne la source.
	AVerifier Verifications `json:"a_verifier,omitempty"`
	// Vrai si l'activité filme les personnes (vidéosurveillance, vidéoprotection) : l'essentiel le signale.
	Videosurveillance bool `json:"videosurveillance,omitempty"`
	// Formulation du registre, à la troisième personne, quand le texte de l'élément s'adresse à la personne (« vous ») ou parle au nom de l'organisation (« nous »).
	Registre *FormulationTraitement `json:"registre,omitempty"`
}

// AIPD est l'examen d'une activité au regard des neuf critères de l'analyse d'impact relative à la
// protection des données (art. 35 du RGPD ; délibérations de la CNIL n° 2018-326 et n° 2018-327) :
// deux critères ou plus rendent l'analyse requise.
type AIPD struct {
	Src Origin `json:"-"`
	// Critères remplis par l'activité ; une liste vide dit qu'aucun ne l'est.
	Criteres []CritereAIPD `json:"criteres" jsonschema:"required"`
	// Date à laquelle l'analyse d'impact a été réalisée (AAAA-MM-JJ).
	RealiseeLe string `json:"realisee_le,omitempty" jsonschema:"format=date"`
	// Conclusion de l'analyse, par exemple « risques résiduels acceptables ».
	Conclusion string `json:"conclusion,omitempty"`
	// Référence du document d'analyse, par exemple « AIPD-2024-02 ».
	Reference string `json:"reference,omitempty"`
	// Raison documentée de ne pas réaliser l'analyse malgré les critères remplis
	// (traitement de la liste des traitements dispensés, analyse d'un traitement similaire…).
	Dispense string `json:"dispense,omitempty"`
}

// Finalite est un objectif poursuivi, avec une seule base légale (art. 6 du RGPD).
type Finalite struct {
	Src Origin `json:"-"`
	// Intitulé court, par exemple « Prospection commerciale ».
	Libelle string `json:"libelle,omitempty"`
	// Ce que l'organisation fait des données (Markdown).
	Description string `json:"description" jsonschema:"required"`
	// Base légale.
	BaseLegale BaseLegale `json:"base_legale,omitempty"`
	// Intérêt légitime poursuivi (base interet_legitime), par exemple « développer notre clientèle ».
	Interet string `json:"interet,omitempty"`
	// Texte qui impose l'obligation (base obligation_legale), par exemple « article L. 123-22 du code de commerce ».
	Obligation string `json:"obligation,omitempty"`
	// Vrai pour la prospection commerciale : le droit d'opposition est alors présenté à part (art. 21, § 2, du RGPD).
	Prospection bool `json:"prospection,omitempty"`
	// Justification de la base légale : texte qui la fonde ou, pour l'intérêt légitime, mise en balance
	// de cet intérêt avec les droits et attentes des personnes, en quelques phrases (Markdown).
	Justification string `json:"justification,omitempty"`
	// Faits que la source ne donne pas encore : nom du champ manquant et explication.
	ACompleter Lacunes `json:"a_completer,omitempty"`
	// Valeurs à confirmer : nom du champ → valeurs contradictoires ou douteuses que donne la source.
	AVerifier Verifications `json:"a_verifier,omitempty"`
	// Comment le consentement est recueilli (base consentement).
	Recueil *Recueil `json:"recueil,omitempty"`
	// Formulation du registre, à la troisième personne, quand le texte de l'élément s'adresse à la personne (« vous ») ou parle au nom de l'organisation (« nous »).
	Registre *Formulation `json:"registre,omitempty"`
}

// Recueil décrit comment le consentement est recueilli (art. 4, 11), et 7 du RGPD).
type Recueil struct {
	Src Origin `json:"-"`
	// Forme du consentement.
	Forme FormeConsentement `json:"forme,omitempty"`
	// Vrai si l'accès au service ou l'exécution du contrat est subordonné à ce consentement (art. 7, § 4, du RGPD).
	ConditionneService bool `json:"conditionne_service,omitempty"`
	// Précisions (Markdown), par exemple la case à cocher ou le bandeau employés.
	Description string `json:"description,omitempty"`
}

// DecisionAutomatisee décrit une décision fondée sur un traitement automatisé (art. 13, § 2, f) et 22 du RGPD).
type DecisionAutomatisee struct {
	Src Origin `json:"-"`
	// Ce qui est décidé automatiquement.
	Description string `json:"description" jsonschema:"required"`
	// Vrai si la décision produit des effets juridiques ou affecte la personne de manière significative (art. 22), faux sinon.
	EffetsSignificatifs *bool `json:"effets_significatifs,omitempty"`
	// Vrai s'il s'agit d'un profilage.
	Profilage bool `json:"profilage,omitempty"`
	// Logique sous-jacente.
	Logique string `json:"logique,omitempty"`
	// Importance de la décision pour la personne.
	Importance string `json:"importance,omitempty"`
	// Conséquences prévues pour la personne.
	Consequences string `json:"consequences,omitempty"`
	// Exception de l'article 22, § 2, qui permet la décision.
	Exception ExceptionArt22 `json:"exception,omitempty"`
	// Faits que la source ne donne pas encore : nom du champ manquant et explication.
	ACompleter Lacunes `json:"a_completer,omitempty"`
	// Valeurs à confirmer : nom du champ → valeurs contradictoires ou douteuses que donne la source.
	AVerifier Verifications `json:"a_verifier,omitempty"`
}

// Conservation est une ligne du tableau des durées de conservation.
type Conservation struct {
	Src Origin `json:"-"`
	// Identifiant, référencé par les traitements.
	ID string `json:"id" jsonschema:"required,pattern=^[a-z0-9][a-z0-9_-]*$"`
	// Ce que la ligne couvre, par exemple « Données des Prospects ».
	Libelle string `json:"libelle" jsonschema:"required"`
	// Limite la ligne à certaines données des traitements qui la citent (identifiants) ; toutes si absent.
	// Pour ces données, elle remplace les lignes qui ne nomment aucune donnée (voir « Combinaison des lignes de conservation »).
	Donnees []string `json:"donnees,omitempty"`
	// Durée, avec son point de départ.
	Duree *Duree `json:"duree,omitempty"`
	// Critère, quand aucune durée chiffrée ne convient.
	Critere string `json:"critere,omitempty"`
	// Événement qui met fin plus tôt à la conservation, par exemple « votre demande de suppression ».
	Ou string `json:"ou,omitempty"`
	// Précision ajoutée à la durée, par exemple « sauf opposition explicite ».
	Precision string `json:"precision,omitempty"`
	// Raison de la durée.
	Motif string `json:"motif,omitempty"`
	// Sort des données au terme de la durée.
	Fin Fin `json:"fin,omitempty"`
	// Archivage intermédiaire après la durée d'utilisation courante.
	Archivage *Archivage `json:"archivage,omitempty"`
	// Texte qui fixe la durée (source légale ou référentiel), par exemple « article L. 3243-4 du code du travail ».
	Fondement string `json:"fondement,omitempty"`
	// Faits que la source ne donne pas encore : nom du champ manquant et explication.
	ACompleter Lacunes `json:"a_completer,omitempty"`
	// Valeurs à confirmer : nom du champ → valeurs contradictoires ou douteuses que donne la source.
	AVerifier Verifications `json:"a_verifier,omitempty"`
	// Limite la ligne aux données de certaines personnes des traitements qui la citent (identifiants) ; toutes si absent.
	// Pour ces personnes, elle remplace les lignes qui ne nomment aucune personne (voir « Combinaison des lignes de conservation »).
	// Champ interne : il rattache la ligne aux personnes, sans texte propre.
	Personnes []string `json:"personnes,omitempty"`
	// Formulation du registre, à la troisième personne, quand le texte de la ligne s'adresse à la personne (« vous ») ou parle au nom de l'organisation (« nous »).
	Registre *FormulationConservation `json:"registre,omitempty"`
	// Durée de référence de la CNIL ou du droit français à laquelle la ligne se compare (voir docs/regles.md) ;
	// sans elle, rgpdoc check ne compare la durée à aucune référence. Champ interne : il sert aux règles de rgpdoc check.
	Referentiel Referentiel `json:"referentiel,omitempty"`
}

// Duree est une durée chiffrée, par exemple 3 ans à compter du dernier contact.
type Duree struct {
	// Nombre d'unités.
	Valeur int `json:"valeur" jsonschema:"required,minimum=1"`
	// Unité.
	Unite Unite `json:"unite" jsonschema:"required"`
	// Point de départ.
	Depart Depart `json:"depart,omitempty"`
	// Vrai si la durée est un maximum (« 13 mois maximum »).
	Maximum bool `json:"maximum,omitempty"`
	// Faits que la source ne donne pas encore : nom du champ manquant et explication.
	ACompleter Lacunes `json:"a_completer,omitempty"`
	// Valeurs à confirmer : nom du champ → valeurs contradictoires ou douteuses que donne la source.
	AVerifier Verifications `json:"a_verifier,omitempty"`
}

// Archivage est un archivage intermédiaire et son fondement.
type Archivage struct {
	// Durée de l'archivage.
	Duree Duree `json:"duree" jsonschema:"required"`
	// Fondement, par exemple « article L. 123-22 du code de commerce ».
	Fondement string `json:"fondement,omitempty"`
}

// Mesure est une mesure de sécurité (art. 32 du RGPD).
type Mesure struct {
	Src Origin `json:"-"`
	// Identifiant. Champ interne : les documents ne citent pas les mesures par leur identifiant.
	ID string `json:"id" jsonschema:"required,pattern=^[a-z0-9][a-z0-9_-]*$"`
	// Famille de mesures du modèle de registre de la CNIL.
	Famille FamilleMesure `json:"famille" jsonschema:"required"`
	// Description de la mesure.
	Description string `json:"description" jsonschema:"required"`
	// Pour une copie des données (sauvegarde, export) : vrai si elle est chiffrée.
	Chiffree *bool `json:"chiffree,omitempty"`
	// Traitements concernés (identifiants) ; tous si absent.
	Traitements []string `json:"traitements,omitempty"`
	// Formulation du registre, à la troisième personne, quand le texte de l'élément s'adresse à la personne (« vous ») ou parle au nom de l'organisation (« nous »).
	Registre *Formulation `json:"registre,omitempty"`
}

// Droits décrit les droits des personnes et la façon de les exercer (art. 12 à 22 du RGPD).
type Droits struct {
	Src Origin `json:"-"`
	// Modalités d'exercice des droits.
	Exercice *Exercice `json:"exercice,omitempty"`
	// Libellés des droits ; les textes standard viennent du dossier _defaults.
	Descriptions *DescriptionsDroits `json:"descriptions,omitempty"`
}

// Exercice décrit comment exercer ses droits.
type Exercice struct {
	Src Origin `json:"-"`
	// Qui reçoit les demandes, par exemple « notre DPO » ou « notre support ».
	Aupres string `json:"aupres,omitempty"`
	// Formulaire en ligne.
	Formulaire string `json:"formulaire,omitempty" jsonschema:"format=uri"`
	// Adresse électronique.
	Email string `json:"email,omitempty" jsonschema:"format=email"`
	// Adresse postale.
	Adresse *Adresse `json:"adresse,omitempty"`
	// Justificatif d'identité demandé (Markdown).
	Justificatif string `json:"justificatif,omitempty"`
	// Délai de réponse ; un mois au plus (art. 12, § 3, du RGPD).
	DelaiReponse *Duree `json:"delai_reponse,omitempty"`
	// Précisions sur la procédure (Markdown).
	Precisions string `json:"precisions,omitempty"`
	// Faits que la source ne donne pas encore : nom du champ manquant et explication.
	ACompleter Lacunes `json:"a_completer,omitempty"`
	// Valeurs à confirmer : nom du champ → valeurs contradictoires ou douteuses que donne la source.
	AVerifier Verifications `json:"a_verifier,omitempty"`
}

// DescriptionsDroits donne le texte présentant chaque droit (Markdown).
type DescriptionsDroits struct {
	// Droit d'accès (art. 15 du RGPD).
	Acces string `json:"acces,omitempty"`
	// Droit de rectification (art. 16 du RGPD).
	Rectification string `json:"rectification,omitempty"`
	// Droit à l'effacement (art. 17 du RGPD).
	Effacement string `json:"effacement,omitempty"`
	// Droit à la limitation du traitement (art. 18 du RGPD).
	Limitation string `json:"limitation,omitempty"`
	// Droit à la portabilité (art. 20 du RGPD).
	Portabilite string `json:"portabilite,omitempty"`
	// Droit d'opposition (art. 21 du RGPD).
	Opposition string `json:"opposition,omitempty"`
	// Droit de ne pas faire l'objet d'une décision automatisée (art. 22 du RGPD).
	DecisionAutomatisee string `json:"decision_automatisee,omitempty"`
	// Droit de retirer son consentement (art. 7, § 3, du RGPD).
	RetraitConsentement string `json:"retrait_consentement,omitempty"`
	// Directives relatives au sort des données après le décès (art. 85 de la loi Informatique et Libertés).
	DirectivesPostMortem string `json:"directives_post_mortem,omitempty"`
	// Droit d'introduire une réclamation auprès de l'autorité de contrôle (art. 77 du RGPD).
	Reclamation string `json:"reclamation,omitempty"`
}

// Client est un client ou une catégorie de clients pour le compte desquels l'organisation est sous-traitant.
type Client struct {
	Src Origin `json:"-"`
	// Identifiant, référencé par les traitements.
	ID string `json:"id" jsonschema:"required,pattern=^[a-z0-9][a-z0-9_-]*$"`
	// Nom ou catégorie, par exemple « Agences immobilières ».
	Libelle string `json:"libelle" jsonschema:"required"`
	// Précisions (Markdown).
	Description string `json:"description,omitempty"`
	// Coordonnées, ou où la liste nominative des clients est tenue (Markdown).
	Coordonnees string `json:"coordonnees,omitempty"`
	// Faits que la source ne donne pas encore : nom du champ manquant et explication.
	ACompleter Lacunes `json:"a_completer,omitempty"`
	// Valeurs à confirmer : nom du champ → valeurs contradictoires ou douteuses que donne la source.
	AVerifier Verifications `json:"a_verifier,omitempty"`
}

// SousTraitance réunit les engagements du sous-traitant envers ses clients (art. 28, § 3, du RGPD).
type SousTraitance struct {
	Src Origin `json:"-"`
	// Durée des traitements effectués pour les clients.
	Duree string `json:"duree,omitempty"`
	// Instructions documentées du client (Markdown).
	Instructions string `json:"instructions,omitempty"`
	// Sort des données à la fin du contrat.
	FinDeContrat FinDeContrat `json:"fin_de_contrat,omitempty"`
	// Délai de restitution ou de suppression à la fin du contrat.
	DelaiFinDeContrat *Duree `json:"delai_fin_de_contrat,omitempty"`
	// Recours à des sous-traitants ultérieurs.
	Autorisation Autorisation `json:"autorisation_sous_traitants,omitempty"`
	// Comment le client est informé des changements de sous-traitants ultérieurs (Markdown).
	InformationChangements string `json:"information_changements,omitempty"`
	// Audits et inspections (Markdown).
	Audit string `json:"audit,omitempty"`
	// Aide apportée au client : droits des personnes, sécurité, violations, analyses d'impact (Markdown).
	Assistance string `json:"assistance,omitempty"`
	// Confidentialité imposée aux personnes autorisées (Markdown).
	Confidentialite string `json:"confidentialite,omitempty"`
	// Notification des violations de données au client (Markdown).
	Violations string `json:"violations,omitempty"`
	// Ce que le client doit fournir (un élément par ligne).
	AttentesClient []string `json:"attentes_client,omitempty"`
	// Faits que la source ne donne pas encore : nom du champ manquant et explication.
	ACompleter Lacunes `json:"a_completer,omitempty"`
	// Valeurs à confirmer : nom du champ → valeurs contradictoires ou douteuses que donne la source.
	AVerifier Verifications `json:"a_verifier,omitempty"`
	// Engagement d'informer immédiatement le client d'une instruction qui constituerait une violation
	// du RGPD (art. 28, § 3, dernier alinéa, du RGPD) (Markdown).
	InstructionIllicite string `json:"instruction_illicite,omitempty"`
}

// Origin tells where an element of the model was read: the file and the JSON
// pointer of the element inside it. The loader sets it; checks turn it into
// file:line:col.
type Origin struct {
	File    string
	Pointer string
}

// Lacunes associe à un champ manquant l'explication de son absence, par exemple
// {base_legale: "la politique source n'en indique aucune"}. Une lacune déclarée
// transforme l'erreur du champ manquant en avertissement ; le document porte
// alors le bandeau « Projet — à compléter ».
type Lacunes map[string]string

// Verifications associe à un champ une valeur à confirmer, par exemple
// {adresse: {alternatives: ["579 avenue de la République", "679 avenue de la République"]}}.
// La valeur retenue par le contenu est affichée avec la mention « À vérifier » ;
// rgpdoc check le signale et refuse le document avec --strict.
type Verifications map[string]Verification

// Verification est une valeur à confirmer et ce que la source en donne.
type Verification struct {
	// Valeurs que donne la source, dans ses termes, par exemple « 579 avenue de la République » et « 679 avenue de la République ».
	Alternatives []string `json:"alternatives" jsonschema:"required,minItems=1"`
	// Pourquoi la valeur est à confirmer, par exemple « la source donne deux numéros ».
	Motif string `json:"motif,omitempty"`
}

// PorteeDecision est la portée d'une déclaration d'absence de décision automatisée.
type PorteeDecision string

// Aucune déclare qu'une liste est vide.
type Aucune string

// Role est le rôle de l'organisation pour une activité de traitement.
type Role string

// BaseLegale est une base légale de l'article 6, § 1, du RGPD.
type BaseLegale string

// FormeJuridique est une forme juridique française.
type FormeJuridique string

// Formulation donne le texte d'un élément dans le registre, document de l'organisation écrit à la troisième
// personne (« les prospects »), quand la politique s'adresse à la personne (« vous », « votre »).
type Formulation struct {
	// Libellé dans le registre.
	Libelle string `json:"libelle,omitempty"`
	// Description dans le registre.
	Description string `json:"description,omitempty"`
	// Intérêt légitime poursuivi, dans le registre (finalités).
	Interet string `json:"interet,omitempty"`
}

// FormulationTraitement est la formulation du registre d'une activité : chaque liste donnée
// remplace, dans le registre, la liste de l'activité qui porte le même nom.
type FormulationTraitement struct {
	Formulation
	// Canaux de collecte, dans le registre.
	Canaux []string `json:"canaux,omitempty"`
	// Information des personnes concernées, dans le registre (Markdown, un élément par mesure).
	Information []string `json:"information,omitempty"`
	// Opérations effectuées sur les données, dans le registre.
	Operations []string `json:"operations,omitempty"`
}

// FormulationConservation est la formulation du registre d'une ligne de conservation.
type FormulationConservation struct {
	// Ce que la ligne couvre, dans le registre.
	Libelle string `json:"libelle,omitempty"`
	// Critère de durée, dans le registre.
	Critere string `json:"critere,omitempty"`
	// Événement qui met fin plus tôt à la conservation, dans le registre, par exemple « la demande de suppression de la personne ».
	Ou string `json:"ou,omitempty"`
	// Précision ajoutée à la durée, dans le registre.
	Precision string `json:"precision,omitempty"`
	// Raison de la durée, dans le registre.
	Motif string `json:"motif,omitempty"`
}

// Article est l'article défini qui précède le nom de l'organisation dans une phrase.
type Article string

// Famille est une famille de données du modèle de registre de la CNIL.
type Famille string

// Source indique auprès de qui les données sont collectées.
type Source string

// Caractere indique si la fourniture des données est obligatoire ou facultative.
type Caractere string

// CategorieSensible est une catégorie particulière de données.
type CategorieSensible string

// ConditionArt9 est une exception de l'article 9, § 2, du RGPD.
type ConditionArt9 string

// NaturePersonne est la nature d'une catégorie de personnes.
type NaturePersonne string

// TypeDestinataire est un type de destinataire.
type TypeDestinataire string

// Garantie est une garantie encadrant un transfert hors de l'EEE (art. 45 à 49 du RGPD).
type Garantie string

// Unite est une unité de durée.
type Unite string

// Depart est le point de départ d'une durée de conservation.
type Depart string

// Fin est le sort des données au terme de leur conservation.
type Fin string

// FamilleMesure est une famille de mesures de sécurité du modèle de registre de la CNIL.
type FamilleMesure string

// ExceptionArt22 est une exception de l'article 22, § 2, du RGPD.
type ExceptionArt22 string

// FinDeContrat est le sort des données confiées à la fin du contrat de sous-traitance.
type FinDeContrat string

// Autorisation est le régime d'autorisation des sous-traitants ultérieurs.
type Autorisation string

// OrdreGrandeur est un ordre de grandeur du nombre de personnes concernées.
type OrdreGrandeur string

// CritereAIPD est l'un des neuf critères qui appellent une analyse d'impact (délibération de la CNIL n° 2018-326).
type CritereAIPD string

// Referentiel est une durée de référence de la CNIL ou du droit français pour une ligne de conservation.
type Referentiel string

// FormeConsentement est la forme sous laquelle un consentement est recueilli.
type FormeConsentement string

// Pays est un code pays ISO 3166-1 alpha-2, ou EU pour « Union européenne » sans précision.
type Pays string
