// Package content_test checks that the content folders keep the key facts of
// the five seed documents they were written from: an edit that drops or
// changes one of them fails here. The facts are tables per organization, so
// that the same tables can be looked for in the built documents.
package content_test

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rgpdoc/rgpdoc/build"
	"github.com/rgpdoc/rgpdoc/build/diag"
	"github.com/rgpdoc/rgpdoc/build/load"
	"github.com/rgpdoc/rgpdoc/schema"
)

// fact is one fact of a seed document.
type fact struct {
	// name says which fact it is, in failure messages.
	name string
	// want is the value as the documents show it.
	want string
	// got lists the values of the merged model among which want must be.
	got func(c *schema.Contenu) []string
}

// field is a fact held by one field of the model.
func field(name, want string, get func(c *schema.Contenu) string) fact {
	return fact{name, want, func(c *schema.Contenu) []string { return []string{get(c)} }}
}

// term is a defined term.
func term(t string) fact {
	return fact{"terme défini", t, func(c *schema.Contenu) []string {
		var out []string
		for _, x := range c.Termes {
			out = append(out, x.Terme)
		}
		return out
	}}
}

// service is the name or address of a site, platform or software.
func service(want string) fact {
	return fact{"service", want, func(c *schema.Contenu) []string {
		var out []string
		for _, s := range c.Organisation.Services {
			out = append(out, s.Nom, s.URL)
		}
		return out
	}}
}

// basis is the legal basis of the purposes labelled purpose; "" when the seed
// gives none (the gap is then declared in a_completer).
func basis(purpose string, b schema.BaseLegale) fact {
	want := schema.Label(b)
	if b == "" {
		want = "(à compléter)"
	}
	return fact{"base légale de « " + purpose + " »", want, func(c *schema.Contenu) []string {
		var out []string
		for _, f := range finalites(c) {
			if f.Libelle != purpose {
				continue
			}
			switch _, gap := f.ACompleter["base_legale"]; {
			case f.BaseLegale != "":
				out = append(out, schema.Label(f.BaseLegale))
			case gap:
				out = append(out, "(à compléter)")
			}
		}
		return out
	}}
}

// interest is the legitimate interest of the purposes labelled purpose.
func interest(purpose, want string) fact {
	return fact{"intérêt légitime de « " + purpose + " »", want, func(c *schema.Contenu) []string {
		var out []string
		for _, f := range finalites(c) {
			if f.Libelle == purpose {
				out = append(out, f.Interet)
			}
		}
		return out
	}}
}

func finalites(c *schema.Contenu) []schema.Finalite {
	var out []schema.Finalite
	for _, t := range c.Traitements {
		out = append(out, t.Finalites...)
	}
	return out
}

// retention is a duration, its starting point or its criterion, for the
// retention rows labelled row.
func retention(row, want string) fact {
	return fact{"conservation « " + row + " »", want, func(c *schema.Contenu) []string {
		var out []string
		for _, r := range c.Conservation {
			if r.Libelle != row {
				continue
			}
			out = append(out, r.Critere, r.Precision, r.Ou)
			if d := r.Duree; d != nil {
				out = append(out, duration(*d))
				if d.Depart != "" {
					out = append(out, schema.Label(d.Depart))
				}
			}
			if r.Fin != "" {
				out = append(out, schema.Label(r.Fin))
			}
		}
		return out
	}}
}

// duration writes a duration as the documents do: "3 ans", "1 an", "12 mois".
func duration(d schema.Duree) string {
	unit := schema.Label(d.Unite)
	if d.Valeur == 1 && unit != "mois" {
		unit = strings.TrimSuffix(unit, "s")
	}
	return strconv.Itoa(d.Valeur) + " " + unit
}

// recipient is a recipient, by label or by name.
func recipient(want string) fact {
	return fact{"destinataire", want, func(c *schema.Contenu) []string {
		var out []string
		for _, d := range c.Destinataires {
			out = append(out, d.Libelle)
			out = append(out, d.Noms...)
		}
		return out
	}}
}

// hosting is the country where the recipient id hosts the data.
func hosting(id, country string) fact {
	return fact{"hébergement par « " + id + " »", country, func(c *schema.Contenu) []string {
		var out []string
		for _, d := range c.Destinataires {
			if d.ID == id && d.Hebergeur {
				for _, p := range d.Pays {
					out = append(out, p.Name())
				}
			}
		}
		return out
	}}
}

// safeguard is a safeguard (main or fallback) of the transfers to recipient id.
func safeguard(id string, g schema.Garantie) fact {
	return fact{"garantie des transferts vers « " + id + " »", schema.Label(g), func(c *schema.Contenu) []string {
		var out []string
		for _, t := range c.Transferts {
			if t.Destinataire == id {
				out = append(out, schema.Label(t.Garantie), schema.Label(t.Repli))
			}
		}
		return out
	}}
}

// destination is a country of the transfers to recipient id.
func destination(id, country string) fact {
	return fact{"pays des transferts vers « " + id + " »", country, func(c *schema.Contenu) []string {
		var out []string
		for _, t := range c.Transferts {
			if t.Destinataire == id {
				for _, p := range t.Pays {
					out = append(out, p.Name())
				}
			}
		}
		return out
	}}
}

// client is a client (or category of clients) of the processor.
func client(want string) fact {
	return fact{"client du sous-traitant", want, func(c *schema.Contenu) []string {
		var out []string
		for _, x := range c.Clients {
			out = append(out, x.Libelle)
		}
		return out
	}}
}

func address(a *schema.Adresse) string {
	if a == nil {
		return ""
	}
	return a.Voie + ", " + a.CodePostal + " " + a.Ville
}

// thousands writes an amount with French digit grouping, without the
// typography pass's no-break spaces: "982 083".
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + " " + s[i:]
	}
	return s
}

// Common accessors.
var (
	raisonSociale = func(c *schema.Contenu) string { return c.Organisation.RaisonSociale }
	appellation   = func(c *schema.Contenu) string { return c.Organisation.Appellation }
	forme         = func(c *schema.Contenu) string { return schema.Label(c.Organisation.FormeJuridique) }
	capital       = func(c *schema.Contenu) string { return thousands(c.Organisation.Capital) }
	rcsVille      = func(c *schema.Contenu) string { return c.Organisation.RCS.Ville }
	rcsNumero     = func(c *schema.Contenu) string { return c.Organisation.RCS.Numero }
	siege         = func(c *schema.Contenu) string { return address(c.Organisation.Siege) }
	orgEmail      = func(c *schema.Contenu) string { return c.Organisation.Email }
	dpoEmail      = func(c *schema.Contenu) string { return c.Organisation.DPO.Email }
	rightsEmail   = func(c *schema.Contenu) string { return c.Droits.Exercice.Email }
	politiqueDate = func(c *schema.Contenu) string { return c.Documents.Politique.MiseAJour }
	cnil          = func(c *schema.Contenu) string { return c.Organisation.AutoriteControle.Nom }
	cnilPlainte   = func(c *schema.Contenu) string { return c.Organisation.AutoriteControle.Plainte }
	delai         = func(c *schema.Contenu) string { return duration(*c.Droits.Exercice.DelaiReponse) }
)

// seeds holds, for each organization folder, the key facts of its seed.
var seeds = map[string][]fact{
	// 000: Intent Technologies, politique de confidentialité.
	"intent": {
		field("raison sociale", "Intent Technologies", raisonSociale),
		field("appellation", "Intent", appellation),
		field("forme juridique", "société par actions simplifiée", forme),
		field("greffe", "Lille", rcsVille),
		field("RCS", "532 829 561", rcsNumero),
		field("siège", "679 avenue de la République, 59800 Lille", siege),
		field("courriel du DPO", "dpo@intent.tech", dpoEmail),
		field("adresse du DPO (679 retenu contre 579)", "679 avenue de la République, 59800 Lille",
			func(c *schema.Contenu) string { return address(c.Organisation.DPO.Adresse) }),
		field("exercice des droits", "dpo@intent.tech", rightsEmail),
		field("autorité de contrôle", "Commission nationale de l'informatique et des libertés", cnil),
		service("https://intent.tech"),
		service("Plateforme Intent"),
		term("Prospect"), term("Souscripteur"), term("Utilisateur"), term("Contenus"),
		basis("Prospection par courrier électronique", "consentement"),
		basis("Contact de nouveaux partenaires d'affaires", "interet_legitime"),
		interest("Contact de nouveaux partenaires d'affaires", "contacter de nouveaux partenaires d'affaires"),
		basis("Gestion du contrat", "contrat"),
		basis("Fourniture des Services", "contrat"),
		basis("Promotion par courrier électronique", "consentement"),
		basis("Communications marketing aux Souscripteurs", "interet_legitime"),
		basis("Sécurité des comptes", "interet_legitime"),
		interest("Sécurité des comptes", "protéger nos Services et vos données"),
		basis("Lutte contre les altérations de données et les cyberattaques", "interet_legitime"),
		basis("Audit et conformité", "obligation_legale"),
		basis("Amélioration des Services", "interet_legitime"),
		interest("Amélioration des Services", "améliorer l'expérience utilisateur"),
		retention("Données des Prospects", "3 ans"),
		retention("Données des Prospects", "votre demande de suppression des données, selon la première éventualité"),
		retention("Données des Souscripteurs ; Contenus", "12 mois"),
		retention("Données des Souscripteurs ; Contenus", "à compter de la fin du contrat"),
		retention("Données de facturation", "10 ans"),
		retention("Identifiants de connexion des Utilisateurs", "12 mois"),
		retention("Traces d'utilisation nominatives", "1 an"),
		retention("Traces d'utilisation anonymes", "1 an"),
		retention("Traces d'utilisation anonymes", "anonymisation"),
		recipient("Nos sous-traitants et leurs propres sous-traitants"),
		recipient("Clients et partenaires du Souscripteur"),
		recipient("Autorités judiciaires ou administratives compétentes"),
		hosting("hebergeurs", "Union européenne"),
		destination("prestataires_hors_eee", "États-Unis"),
		safeguard("prestataires_hors_eee", "adequation"),
		safeguard("prestataires_hors_eee", "dpf"),
		safeguard("prestataires_hors_eee", "clauses_contractuelles_types"),
		client("Organisations ayant souscrit aux Services"),
	},
	// 001: Prospect Guru SAS (Assistant.immo), politique de confidentialité.
	"prospect-guru": {
		field("raison sociale", "Prospect Guru", raisonSociale),
		field("forme juridique", "société par actions simplifiée", forme),
		field("siège", "15 bis boulevard Saint-Denis, 75002 Paris", siege),
		field("courriel du DPO", "dpo@prospect.guru", dpoEmail),
		field("mise à jour", "2019-04-11", politiqueDate),
		field("délai de réponse", "1 mois", delai),
		service("Assistant.immo"),
		term("Clients"), term("Administrateurs"), term("Agents"), term("Contacts"), term("Rendez-vous"),
		basis("Compréhension des demandes", "contrat"),
		basis("Identification des biens", "contrat"),
		basis("Choix de l'Agent", "contrat"),
		basis("Choix des créneaux", "contrat"),
		basis("Organisation du rendez-vous", "contrat"),
		basis("Inscription et personnalisation du Service", "contrat"),
		basis("Newsletters", "consentement"),
		basis("Facturation et relation commerciale", "contrat"),
		basis("Suivi de l'utilisation et sécurité des services", ""),
		basis("Réponse aux sollicitations", ""),
		basis("Accompagnement et retours sur le Service", ""),
		basis("Analyse du Service", ""),
		basis("Entraînement des algorithmes", ""),
		fact{"décision automatisée", "Le service de prise de rendez-vous repose sur une prise de décision automatique (intelligence artificielle).",
			func(c *schema.Contenu) []string {
				var out []string
				for _, t := range c.Traitements {
					if t.DecisionAutomatisee != nil {
						out = append(out, t.DecisionAutomatisee.Description)
					}
				}
				return out
			}},
		recipient("Clients"),
		recipient("Contacts du Client"),
		recipient("Équipe support"),
		recipient("Fournisseurs de service"),
		hosting("hebergeur", "Union européenne"),
		client("Clients du Service"),
	},
	// 002: SEPTEO Pôle Immobilier, politique de l'extranet.
	"spi": {
		field("raison sociale", "SEPTEO Pôle Immobilier", raisonSociale),
		field("appellation", "SPI", appellation),
		field("forme juridique", "société par actions simplifiée", forme),
		field("capital", "982 083", capital),
		field("greffe", "Toulouse", rcsVille),
		field("RCS", "412 259 715", rcsNumero),
		field("TVA", "FR57412259715", func(c *schema.Contenu) string { return c.Organisation.TVA }),
		field("siège", "6 avenue Georges Pompidou, 31130 Balma", siege),
		field("téléphone", "05 62 27 95 30", func(c *schema.Contenu) string { return c.Organisation.Telephone }),
		field("courriel", "contact@spi.immo", orgEmail),
		field("courriel du DPO", "contact@septeo.fr", dpoEmail),
		field("exercice des droits", "contact@septeo.fr", rightsEmail),
		field("réclamation", "https://www.cnil.fr/fr/plaintes", cnilPlainte),
		service("https://www.moncompte.immo"),
		service("SpiLaSuite"), service("SDGI"), service("GPI"), service("LOGIN"),
		term("Agence"),
		basis("Accès aux Services", ""),
		basis("Sécurité et bon fonctionnement", ""),
		basis("Gestion des incidents", ""),
		basis("Navigation", ""),
		basis("Authentification", ""),
		basis("Service demandé", ""),
		basis("Mesure d'audience", "consentement"),
		basis("Profil personnel", ""),
		retention("Données du compte personnel", "7 jours"),
		retention("Données du compte personnel", "à compter de la fin du contrat"),
		recipient("Sous-traitants de SPI"),
		recipient("Autorités administratives et judiciaires"),
		client("Agences"),
	},
	// 003: SOFRATEL CAT, politique de confidentialité.
	"sofratel-cat": {
		field("raison sociale", "SOFRATEL CAT", raisonSociale),
		field("forme juridique (SARL retenue contre SAS)", "société à responsabilité limitée", forme),
		field("capital", "100 000", capital),
		field("greffe", "Douai", rcsVille),
		field("RCS", "450 607 429", rcsNumero),
		field("SIRET", "450 607 429 00021", func(c *schema.Contenu) string { return c.Organisation.Siret }),
		field("siège", "215 rue du Comte d'Artois, 59400 Cambrai", siege),
		field("groupe", "Groupe SOFRATEL", func(c *schema.Contenu) string { return c.Organisation.Groupe }),
		field("courriel du DPO", "dpo@cat.sofratel.fr", dpoEmail),
		field("exercice des droits", "dpo@cat.sofratel.fr", rightsEmail),
		field("mise à jour", "2025-01-02", politiqueDate),
		field("adresse de la CNIL", "3 place de Fontenoy, 75334 Paris Cedex 07",
			func(c *schema.Contenu) string { return address(c.Organisation.AutoriteControle.Adresse) }),
		service("https://sofratelcat.fr"),
		basis("Gestion de votre compte client", "contrat"),
		basis("Réclamations et service après-vente", "contrat"),
		basis("Organisation des interventions", "contrat"),
		basis("Communication avec les locataires", "contrat"),
		basis("Transmission aux prestataires", "contrat"),
		basis("Statistiques pour les clients", "contrat"),
		basis("Prospection commerciale et marketing", "consentement"),
		basis("Transmission à nos clients", "consentement"),
		basis("Cookies soumis à consentement", "consentement"),
		basis("Enregistrement des appels", "consentement"),
		basis("Enquêtes de satisfaction auprès des locataires", "consentement"),
		basis("Statistiques d'amélioration", "interet_legitime"),
		basis("Enquêtes de satisfaction et sondages", "interet_legitime"),
		basis("Précontentieux et contentieux", "interet_legitime"),
		basis("Historique des appels et interventions", "interet_legitime"),
		interest("Historique des appels et interventions", "garantir un suivi efficace des demandes et éviter les erreurs ou les doublons"),
		basis("Analyse des résultats des interventions", "interet_legitime"),
		basis("Transmission aux organismes d'urgence", "interet_legitime"),
		basis("Obligations fiscales et comptables", "obligation_legale"),
		retention("Gestion des interventions techniques", "14 mois"),
		retention("Gestion des interventions techniques", "suppression"),
		retention("Enregistrements des appels", "3 mois"),
		retention("Enregistrements des appels", "sauf opposition explicite"),
		retention("Analyses statistiques pour les clients", "14 mois"),
		retention("Obligations fiscales et comptables", "10 ans"),
		retention("Suivi des réclamations et litiges", "14 mois"),
		retention("Gestion des cookies et données de navigation", "13 mois"),
		retention("Transmission aux prestataires", "le temps strictement nécessaire à la réalisation de l'intervention"),
		recipient("Collaborateurs habilités de SOFRATEL CAT"),
		recipient("Entités du Groupe SOFRATEL"),
		recipient("Prestataires techniques chargés des interventions sur site"),
		recipient("Bailleurs sociaux et gestionnaires immobiliers"),
		recipient("Organismes d'urgence (pompiers, police, SAMU)"),
		recipient("Hôtels"),
		safeguard("prestataires_hors_eee", "adequation"),
		safeguard("prestataires_hors_eee", "clauses_contractuelles_types"),
		safeguard("prestataires_hors_eee", "bcr"),
	},
	// 004: Marketing Lab, charte de constitution et utilisation des données.
	"marketing-lab": {
		field("raison sociale", "Marketing Lab", raisonSociale),
		field("adresse RGPD", "RGPD@marketing-lab.com", orgEmail),
		field("DPO", "Patricia FAUVEL", func(c *schema.Contenu) string { return c.Organisation.DPO.Nom }),
		field("courriel du DPO", "p.fauvel@marketing-lab.com", dpoEmail),
		fact{"téléphones du DPO", "0800 71 4000", func(c *schema.Contenu) []string { return c.Organisation.DPO.Telephones }},
		fact{"téléphones du DPO", "06 20 60 68 76", func(c *schema.Contenu) []string { return c.Organisation.DPO.Telephones }},
		field("titre de la charte", "Charte de constitution et utilisation des données",
			func(c *schema.Contenu) string { return c.Documents.Charte.Titre }),
		service("AdequatData"),
		basis("Mise en relation", "consentement"),
		basis("Information sur de nouveaux produits ou services", "consentement"),
		retention("Opérations ponctuelles", "pendant toute la durée de la mission"),
		retention("Opérations ponctuelles", "2 mois"),
		retention("Opérations ponctuelles", "à compter de la fin de l'opération"),
		retention("Opérations ponctuelles", "dans le délai que vous demandez spécifiquement"),
		retention("Opérations récurrentes — contacts actifs (dernière demande datant de moins de 2 ans)", "5 ans"),
		retention("Opérations récurrentes — contacts actifs (dernière demande datant de moins de 2 ans)", "anonymisation"),
		retention("Opérations récurrentes — contacts inactifs (sans manifestation volontaire depuis plus de 2 ans)", "3 ans"),
		retention("Opérations récurrentes — contacts inactifs (sans manifestation volontaire depuis plus de 2 ans)", "anonymisation"),
		recipient("Gandi"),
		recipient("Tircis"),
		hosting("gandi", "Union européenne"),
		client("Promoteurs constructeurs"),
		client("Commercialisateurs immobiliers"),
		client("Agences immobilières"),
	},
}

func loadContent(t *testing.T) *load.Site {
	t.Helper()
	site, err := load.Load(".")
	if err != nil {
		t.Fatal(err)
	}
	return site
}

// TestSeedFacts finds every fact of each seed in the merged model of its
// organization.
func TestSeedFacts(t *testing.T) {
	site := loadContent(t)
	var ids []string
	for _, o := range site.Orgs {
		ids = append(ids, o.ID)
	}
	for id := range seeds {
		if !slices.Contains(ids, id) {
			t.Errorf("dossier content/%s absent", id)
		}
	}
	for _, o := range site.Orgs {
		t.Run(o.ID, func(t *testing.T) {
			facts, ok := seeds[o.ID]
			if !ok {
				t.Fatalf("content/%s n'a pas de table de faits dans seeds", o.ID)
			}
			if e, _ := o.Findings.Count(); e > 0 {
				t.Fatalf("le contenu ne se charge pas :\n%v", o.Findings)
			}
			for _, f := range facts {
				got := values(f, &o.Content)
				if !slices.Contains(got, f.want) {
					t.Errorf("%s : %q introuvable parmi %q", f.name, f.want, got)
				}
			}
		})
	}
}

// values returns a fact's values in c, turning a nil dereference (the section
// holding the fact is missing) into no value.
func values(f fact, c *schema.Contenu) (got []string) {
	defer func() {
		if r := recover(); r != nil {
			got = []string{fmt.Sprint("section absente : ", r)}
		}
	}()
	return slices.DeleteFunc(f.got(c), func(s string) bool { return s == "" })
}

// TestContentChecks requires the content to pass `rgpdoc check`: known gaps
// of the seeds are declared, so only warnings remain.
func TestContentChecks(t *testing.T) {
	site := loadContent(t)
	for _, f := range build.Check(site) {
		if f.Severity == diag.Error {
			t.Error(f)
		}
	}
}
