// Package content_test checks that the content folders keep the key facts of
// the five seed documents they were written from, and that the built
// documents show them: an edit that drops or changes one of them, in the
// content or in a builder, fails here. The facts are tables per organization,
// looked for both in the model and in the text of the documents.
package content_test

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/rgpdoc/rgpdoc/build"
	"github.com/rgpdoc/rgpdoc/build/diag"
	"github.com/rgpdoc/rgpdoc/build/doc"
	"github.com/rgpdoc/rgpdoc/build/load"
	rendered "github.com/rgpdoc/rgpdoc/build/render/html"
	"github.com/rgpdoc/rgpdoc/build/typo"
	"github.com/rgpdoc/rgpdoc/internal/textof"
	"github.com/rgpdoc/rgpdoc/schema"
)

// fact is one fact of a seed document.
type fact struct {
	// name says which fact it is, in failure messages.
	name string
	// want is the value as a reader sees it in the documents.
	want string
	// got lists the values of the merged model among which want must be,
	// written as the documents write them.
	got func(c *schema.Contenu) []string
	// shows tells whether a kind of document must show the fact; nil when
	// every document of the organization must.
	shows func(c *schema.Contenu, k doc.Kind) bool
	// unshown says why no document shows the fact: it is then only looked
	// for in the model.
	unshown string
	// purpose, for a legal basis, is the purpose it belongs to: in the
	// documents, the first legal basis named after the purpose must be want.
	purpose string
}

// in restricts the lookup of a fact to the documents of the given kinds.
func (f fact) in(kinds ...doc.Kind) fact {
	f.shows = func(_ *schema.Contenu, k doc.Kind) bool { return slices.Contains(kinds, k) }
	return f
}

// Kinds of documents, for in.
var (
	politique = doc.Politique
	charte    = doc.Charte
	registre  = doc.Registre
)

// field is a fact held by one field of the model, shown by every document.
func field(name, want string, get func(c *schema.Contenu) string) fact {
	return fact{name: name, want: want, got: func(c *schema.Contenu) []string { return []string{get(c)} }}
}

// term is a defined term; the policy defines its terms.
func term(t string) fact {
	return fact{name: "terme défini", want: t, got: func(c *schema.Contenu) []string {
		var out []string
		for _, x := range c.Termes {
			out = append(out, x.Terme)
		}
		return out
	}}.in(politique)
}

// service is the name or address of a site, platform or software; the
// policy presents the services it covers.
func service(want string) fact {
	return fact{name: "service", want: want, got: func(c *schema.Contenu) []string {
		var out []string
		for _, s := range c.Organisation.Services {
			out = append(out, s.Nom, s.URL)
		}
		return out
	}}.in(politique)
}

// passage is a phrase of the seed that one of the texts of the model holds,
// inside a longer sentence.
func passage(name, want string, texts func(c *schema.Contenu) []string) fact {
	return fact{name: name, want: want, got: func(c *schema.Contenu) []string {
		for _, s := range texts(c) {
			if strings.Contains(spaced(s), spaced(want)) {
				return []string{want}
			}
		}
		return nil
	}}
}

// gapBasis is how the documents begin to show a missing legal basis
// ("à compléter : base légale de ce traitement", "à compléter : base légale").
const gapBasis = "à compléter : base légale"

// basis is the legal basis of the purposes labelled purpose, by its
// reference to the GDPR; "" when the seed gives none (the gap is then
// declared in a_completer and shown as such). The policy and the
// controller's register give the legal bases: the policy in a sentence of
// its own, the register by its label, both followed by the reference.
func basis(purpose string, b schema.BaseLegale) fact {
	o, _ := schema.OptionOf(b)
	want := o.Ref
	if b == "" {
		want = gapBasis
	}
	return fact{name: "base légale de « " + purpose + " »", want: want, purpose: purpose, got: func(c *schema.Contenu) []string {
		var out []string
		for _, f := range finalites(c) {
			if f.Libelle != purpose {
				continue
			}
			switch _, gap := f.ACompleter["base_legale"]; {
			case f.BaseLegale != "":
				o, _ := schema.OptionOf(f.BaseLegale)
				out = append(out, o.Ref)
			case gap:
				out = append(out, gapBasis)
			}
		}
		return out
	}}.in(politique, registre)
}

// clientBasis is the legal basis of a purpose of a processing carried out
// for clients: it is the client's, the controller's, which the processor's
// documents do not give.
func clientBasis(purpose string, b schema.BaseLegale) fact {
	f := basis(purpose, b)
	f.shows = nil
	f.unshown = "base légale d'un traitement effectué pour le compte des clients, qui relève du client, responsable du traitement"
	return f
}

// interest is the legitimate interest of the purposes labelled purpose.
func interest(purpose, want string) fact {
	return fact{name: "intérêt légitime de « " + purpose + " »", want: want, got: func(c *schema.Contenu) []string {
		var out []string
		for _, f := range finalites(c) {
			if f.Libelle == purpose {
				out = append(out, f.Interet)
			}
		}
		return out
	}}.in(politique, registre)
}

func finalites(c *schema.Contenu) []schema.Finalite {
	var out []schema.Finalite
	for _, t := range c.Traitements {
		out = append(out, t.Finalites...)
	}
	return out
}

// during is how the documents word a duration that starts at the end of
// what it covers: "pendant la durée du contrat, puis 12 mois".
var during = map[schema.Depart]string{"fin_contrat": "pendant la durée du contrat", "fin_operation": "pendant la durée de l'opération"}

// retention is a duration, its starting point or its criterion, for the
// retention rows labelled row. The policy and the register give every row,
// the charter those of the processing carried out for clients.
func retention(row, want string) fact {
	return fact{name: "conservation « " + row + " »", want: want, got: func(c *schema.Contenu) []string {
		var out []string
		for _, r := range c.Conservation {
			if r.Libelle != row {
				continue
			}
			out = append(out, r.Critere, r.Precision, r.Ou)
			if d := r.Duree; d != nil {
				out = append(out, duration(*d))
				if p, ok := during[d.Depart]; ok {
					out = append(out, p+", puis "+duration(*d))
				} else if d.Depart != "" {
					out = append(out, schema.Label(d.Depart))
				}
			}
			if r.Fin != "" {
				out = append(out, schema.Label(r.Fin))
			}
		}
		return out
	}, shows: forProcessing(func(t *schema.Traitement, c *schema.Contenu) bool {
		return slices.ContainsFunc(t.Conservation, func(id string) bool {
			return slices.ContainsFunc(c.Conservation, func(r schema.Conservation) bool { return r.ID == id && r.Libelle == row })
		})
	})}
}

// forProcessing is where a fact about the activities shows: in the policy
// and the register, which cover them all, and in the charter when an
// activity carried out for clients concerns it.
func forProcessing(concerns func(t *schema.Traitement, c *schema.Contenu) bool) func(*schema.Contenu, doc.Kind) bool {
	return func(c *schema.Contenu, k doc.Kind) bool {
		return k != charte || slices.ContainsFunc(c.Traitements, func(t schema.Traitement) bool {
			return t.Role == "sous_traitant" && concerns(&t, c)
		})
	}
}

// sends tells whether an activity sends data to the recipient id.
func sends(id string) func(t *schema.Traitement, c *schema.Contenu) bool {
	return func(t *schema.Traitement, _ *schema.Contenu) bool { return slices.Contains(t.Destinataires, id) }
}

// transfers tells whether an activity transfers data to the recipient id.
func transfers(id string) func(t *schema.Traitement, c *schema.Contenu) bool {
	return func(t *schema.Traitement, c *schema.Contenu) bool {
		return slices.ContainsFunc(c.Transferts, func(tr schema.Transfert) bool {
			return tr.Destinataire == id && slices.Contains(t.Transferts, tr.ID)
		})
	}
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
	return fact{name: "destinataire", want: want, got: func(c *schema.Contenu) []string {
		var out []string
		for _, d := range c.Destinataires {
			out = append(out, d.Libelle)
			out = append(out, d.Noms...)
		}
		return out
	}, shows: forProcessing(func(t *schema.Traitement, c *schema.Contenu) bool {
		return slices.ContainsFunc(c.Destinataires, func(d schema.Destinataire) bool {
			return (d.Libelle == want || slices.Contains(d.Noms, want)) && sends(d.ID)(t, c)
		})
	})}
}

// hosting is the country where the recipient id hosts the data.
func hosting(id, country string) fact {
	return fact{name: "hébergement par « " + id + " »", want: country, got: func(c *schema.Contenu) []string {
		var out []string
		for _, d := range c.Destinataires {
			if d.ID == id && d.Hebergeur {
				for _, p := range d.Pays {
					out = append(out, p.Name())
				}
			}
		}
		return out
	}, shows: forProcessing(sends(id))}
}

// safeguard is a safeguard (main or fallback) of the transfers to recipient id.
func safeguard(id string, g schema.Garantie) fact {
	return fact{name: "garantie des transferts vers « " + id + " »", want: schema.Label(g), got: func(c *schema.Contenu) []string {
		var out []string
		for _, t := range c.Transferts {
			if t.Destinataire == id {
				out = append(out, schema.Label(t.Garantie), schema.Label(t.Repli))
			}
		}
		return out
	}, shows: forProcessing(transfers(id))}
}

// destination is a country of the transfers to recipient id.
func destination(id, country string) fact {
	return fact{name: "pays des transferts vers « " + id + " »", want: country, got: func(c *schema.Contenu) []string {
		var out []string
		for _, t := range c.Transferts {
			if t.Destinataire == id {
				for _, p := range t.Pays {
					out = append(out, p.Name())
				}
			}
		}
		return out
	}, shows: forProcessing(transfers(id))}
}

// client is a client (or category of clients) of the processor.
func client(want string) fact {
	return fact{name: "client du sous-traitant", want: want, got: func(c *schema.Contenu) []string {
		var out []string
		for _, x := range c.Clients {
			out = append(out, x.Libelle)
		}
		return out
	}}
}

// address writes an address on one line, as the policy and the charter do;
// the register gives its parts in columns of their own.
func address(a *schema.Adresse) string {
	if a == nil {
		return ""
	}
	parts := []string{a.Voie}
	if a.Complement != "" {
		parts = append(parts, a.Complement)
	}
	return strings.Join(append(parts, a.CodePostal+" "+a.Ville), ", ")
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
	politiqueDate = func(c *schema.Contenu) string { return typo.Date(c.Documents.Politique.MiseAJour) }
	cnil          = func(c *schema.Contenu) string { return c.Organisation.AutoriteControle.Nom }
	cnilPlainte   = func(c *schema.Contenu) string { return c.Organisation.AutoriteControle.Plainte }
	delai         = func(c *schema.Contenu) string {
		d := c.Droits.Exercice.DelaiReponse
		if d.Valeur == 1 && d.Unite == "mois" {
			return "dans un délai d'un mois"
		}
		return "dans un délai de " + duration(*d)
	}
)

// seeds holds, for each organization folder, the key facts of its seed.
// Where a fact is looked for in some documents only: the legal
// particulars (form, capital, RCS, address on one line) are in the policy
// and the charter, the register having the CNIL model's columns; the
// contact details, rights and authority are in the policy.
var seeds = map[string][]fact{
	// 000: Intent Technologies, politique de confidentialité.
	"intent": {
		field("raison sociale", "Intent Technologies", raisonSociale),
		field("appellation", "Intent", appellation).in(politique, charte),
		field("forme juridique", "société par actions simplifiée", forme).in(politique, charte),
		field("greffe", "Lille", rcsVille).in(politique, charte),
		field("RCS", "532 829 561", rcsNumero).in(politique, charte),
		field("siège", "679 avenue de la République, 59800 Lille", siege).in(politique, charte),
		field("courriel du DPO", "dpo@intent.tech", dpoEmail),
		field("adresse du DPO (579, donnée par la section 8)", "579 avenue de la République, 59800 Lille",
			func(c *schema.Contenu) string { return address(c.Organisation.DPO.Adresse) }).in(politique, charte),
		doubt("579 Avenue de la République", "679 Avenue de la République").in(politique, charte, registre),
		field("exercice des droits", "dpo@intent.tech", rightsEmail).in(politique),
		field("adresse d'exercice des droits (celle du DPO : la section 7 renvoie à la section 8)", "579 avenue de la République, 59800 Lille",
			func(c *schema.Contenu) string { return address(c.Droits.Exercice.Adresse) }).in(politique),
		field("autorité de contrôle", "Commission nationale de l'informatique et des libertés", cnil).in(politique),
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
		retention("Données des Prospects", "votre demande de suppression des données"),
		retention("Données des Souscripteurs ; Contenus", "12 mois"),
		retention("Données des Souscripteurs ; Contenus", "pendant la durée du contrat, puis 12 mois"),
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
		field("forme juridique", "société par actions simplifiée", forme).in(politique, charte),
		field("siège", "15 bis boulevard Saint-Denis, 75002 Paris", siege).in(politique, charte),
		field("courriel du DPO", "dpo@prospect.guru", dpoEmail),
		field("mise à jour", "11 avril 2019", politiqueDate).in(politique),
		field("délai de réponse", "dans un délai d'un mois", delai).in(politique),
		service("Assistant.immo"),
		term("Clients"), term("Administrateurs"), term("Agents"), term("Contacts"), term("Rendez-vous"),
		clientBasis("Compréhension des demandes", "contrat"),
		clientBasis("Identification des biens", "contrat"),
		clientBasis("Choix de l'Agent", "contrat"),
		clientBasis("Choix des créneaux", "contrat"),
		clientBasis("Organisation du rendez-vous", "contrat"),
		basis("Inscription et personnalisation du Service", "contrat"),
		basis("Newsletters", "consentement"),
		basis("Facturation et relation commerciale", "contrat"),
		basis("Suivi de l'utilisation et sécurité des services", ""),
		basis("Réponse aux sollicitations", ""),
		basis("Accompagnement et retours sur le Service", ""),
		basis("Analyse du Service", ""),
		basis("Entraînement des algorithmes", ""),
		{name: "décision automatisée", want: "Le service de prise de rendez-vous repose sur une prise de décision automatique (intelligence artificielle).",
			got: func(c *schema.Contenu) []string {
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
		field("appellation", "SPI", appellation).in(politique, charte),
		field("forme juridique", "société par actions simplifiée", forme).in(politique, charte),
		field("capital", "982 083", capital).in(politique, charte),
		field("greffe", "Toulouse", rcsVille).in(politique, charte),
		field("RCS", "412 259 715", rcsNumero).in(politique, charte),
		field("TVA", "FR57412259715", func(c *schema.Contenu) string { return c.Organisation.TVA }).in(politique),
		field("siège", "6 avenue Georges Pompidou, 31130 Balma", siege).in(politique, charte),
		field("téléphone", "05 62 27 95 30", func(c *schema.Contenu) string { return c.Organisation.Telephone }).in(politique, registre),
		field("courriel", "contact@spi.immo", orgEmail).in(politique, registre),
		field("courriel du DPO", "contact@septeo.fr", dpoEmail),
		field("exercice des droits", "contact@septeo.fr", rightsEmail).in(politique),
		field("réclamation", "https://www.cnil.fr/fr/plaintes", cnilPlainte).in(politique),
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
		clientBasis("Profil personnel", ""),
		retention("Données du compte personnel", "7 jours"),
		retention("Données du compte personnel", "pendant la durée du contrat, puis 7 jours"),
		recipient("Sous-traitants de SPI"),
		recipient("Autorités administratives et judiciaires"),
		client("Agences"),
	},
	// 003: SOFRATEL CAT, politique de confidentialité.
	"sofratel-cat": {
		field("raison sociale", "SOFRATEL CAT", raisonSociale),
		field("forme juridique (écrite en toutes lettres)", "société à responsabilité limitée", forme).in(politique),
		doubt("société à responsabilité limitée", "SAS").in(politique),
		field("capital", "100 000", capital).in(politique),
		field("greffe", "Douai", rcsVille).in(politique),
		field("RCS", "450 607 429", rcsNumero).in(politique),
		field("SIRET", "450 607 429 00021", func(c *schema.Contenu) string { return c.Organisation.Siret }).in(politique),
		field("siège", "215 rue du Comte d'Artois, 59400 Cambrai", siege).in(politique),
		field("groupe", "SOFRATEL", func(c *schema.Contenu) string { return c.Organisation.Groupe }).in(politique),
		field("courriel du DPO", "dpo@cat.sofratel.fr", dpoEmail),
		field("exercice des droits", "dpo@cat.sofratel.fr", rightsEmail).in(politique),
		field("mise à jour", "2 janvier 2025", politiqueDate).in(politique),
		field("adresse de la CNIL", "3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07",
			func(c *schema.Contenu) string { return address(c.Organisation.AutoriteControle.Adresse) }).in(politique),
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
		{name: "téléphones du DPO", want: "0800 71 4000", got: func(c *schema.Contenu) []string { return c.Organisation.DPO.Telephones }},
		{name: "téléphones du DPO", want: "06 20 60 68 76", got: func(c *schema.Contenu) []string { return c.Organisation.DPO.Telephones }},
		field("titre de la charte", "Charte de constitution et utilisation des données",
			func(c *schema.Contenu) string { return c.Documents.Charte.Titre }).in(charte),
		service("AdequatData").in(charte, registre),
		clientBasis("Mise en relation", "consentement"),
		clientBasis("Information sur de nouveaux produits ou services", "consentement"),
		retention("Opérations ponctuelles", "pendant la durée de l'opération, puis 2 mois"),
		retention("Opérations ponctuelles", "ou dans le délai que vous demandez spécifiquement"),
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
		passage("définition de « vous »", "en tant que centre d'appels et de contacts web (« Call et Web Center »)",
			func(c *schema.Contenu) []string { return []string{c.Documents.Charte.Introduction} }).in(charte),
		passage("hébergement dans AdequatData", "en mode dédié ou sous forme de partition dans les outils mutualisés",
			func(c *schema.Contenu) []string { return c.Traitements[0].Operations }).in(charte, registre),
		passage("durée liée aux accords contractuels", "contractuels passés avec le donneur d'ordre", func(c *schema.Contenu) []string {
			var out []string
			for _, r := range c.Conservation {
				out = append(out, r.Fondement)
			}
			return out
		}).in(registre),
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
				got := values(f, o.Content)
				if !slices.Contains(got, spaced(f.want)) {
					t.Errorf("%s : %q introuvable parmi %q", f.name, f.want, got)
				}
			}
		})
	}
}

// doubt is a value the seed gives in contradictory or doubtful terms, shown
// « à vérifier » with the alternatives the seed gives.
func doubt(alternatives ...string) fact {
	var quoted []string
	for _, a := range alternatives {
		quoted = append(quoted, "« "+a+" »")
	}
	want := "À vérifier : la source donne " + strings.Join(quoted[:len(quoted)-1], ", ") + " et " + quoted[len(quoted)-1]
	if len(quoted) == 1 {
		want = "À vérifier : la source donne " + quoted[0]
	}
	return fact{name: "valeur à vérifier", want: want, got: func(c *schema.Contenu) []string {
		var out []string
		walkDoubts(reflect.ValueOf(c).Elem(), func(v schema.Verification) {
			var q []string
			for _, a := range v.Alternatives {
				q = append(q, "« "+a+" »")
			}
			if len(q) == 1 {
				out = append(out, "À vérifier : la source donne "+q[0])
				return
			}
			out = append(out, "À vérifier : la source donne "+strings.Join(q[:len(q)-1], ", ")+" et "+q[len(q)-1])
		})
		return out
	}}
}

// walkDoubts calls visit for each value to confirm of the model.
func walkDoubts(v reflect.Value, visit func(schema.Verification)) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walkDoubts(v.Elem(), visit)
		}
	case reflect.Slice:
		for i := range v.Len() {
			walkDoubts(v.Index(i), visit)
		}
	case reflect.Map:
		if m, ok := v.Interface().(schema.Verifications); ok {
			for _, x := range m {
				visit(x)
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				walkDoubts(v.Field(i), visit)
			}
		}
	}
}

// values returns a fact's values in c, spaced as spaced does, turning a nil
// dereference (the section holding the fact is missing) into no value.
func values(f fact, c *schema.Contenu) (got []string) {
	defer func() {
		if r := recover(); r != nil {
			got = []string{fmt.Sprint("section absente : ", r)}
		}
	}()
	for _, v := range f.got(c) {
		if v != "" {
			got = append(got, spaced(v))
		}
	}
	return got
}

// spaced makes every run of spaces one plain space: the values written as
// the documents write them have no-break spaces ("11 avril 2019").
func spaced(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestSeedFactsInDocuments finds every fact of each seed in the built
// documents of its organization, in each format: in every document, or in
// those the fact's table restricts it to.
func TestSeedFactsInDocuments(t *testing.T) {
	site := loadContent(t)
	formats := textof.Formats(t)
	docs := textof.Documents(t, site, formats)
	for _, o := range site.Orgs {
		t.Run(o.ID, func(t *testing.T) {
			mine := slices.DeleteFunc(slices.Clone(docs), func(d textof.Doc) bool { return d.Org != o })
			for _, f := range seeds[o.ID] {
				if f.unshown != "" {
					t.Logf("%s : absent des documents : %s", f.name, f.unshown)
					continue
				}
				looked := false
				for _, d := range mine {
					if f.shows != nil && !f.shows(o.Content, d.Kind) {
						continue
					}
					looked = true
					x := f
					if d.Kind == doc.Registre {
						x = inRegister(f, o.Content)
					}
					for _, format := range formats {
						if !shown(d, format, x) {
							t.Errorf("%s, %s : %s « %s » absent", d.Kind, format, f.name, x.want)
						}
					}
				}
				if !looked {
					t.Errorf("%s « %s » : aucun document publié ne doit le montrer ; corrigez la table", f.name, f.want)
				}
			}
		})
	}
}

// inRegister returns a fact as the register words it: the register's own
// wording of the same value, and of the purpose it belongs to, where the
// content gives one (registre).
func inRegister(f fact, c *schema.Contenu) fact {
	r := doc.InRegister(c)
	if f.got != nil {
		orig, reg := values(f, c), values(f, r)
		if i := slices.Index(orig, spaced(f.want)); i >= 0 && len(reg) == len(orig) {
			f.want = reg[i]
		}
	}
	if i := slices.IndexFunc(finalites(c), func(p schema.Finalite) bool { return p.Libelle == f.purpose }); f.purpose != "" && i >= 0 {
		f.purpose = finalites(r)[i].Libelle
	}
	return f
}

// shown tells whether a document shows a fact in format f. A legal basis
// must be the first one named after its purpose, with no other purpose
// named in between.
func shown(d textof.Doc, f build.Format, x fact) bool {
	if x.purpose == "" {
		return d.Has(f, x.want)
	}
	text, want, after := d.Text[f], textof.Fact(f, x.want), textof.Fact(f, x.purpose)
	var bases, others []string
	for _, o := range schema.Enums[reflect.TypeFor[schema.BaseLegale]()] {
		bases = append(bases, textof.Fact(f, o.Ref))
	}
	bases = append(bases, textof.Fact(f, gapBasis))
	for _, p := range finalites(d.Org.Content) {
		if p.Libelle != "" && p.Libelle != x.purpose {
			others = append(others, textof.Fact(f, p.Libelle))
		}
	}
	for i := 0; ; {
		j := strings.Index(text[i:], after)
		if j < 0 {
			return false
		}
		i += j + len(after)
		first, at := firstOf(text[i:], bases)
		if first == want {
			if other, o := firstOf(text[i:], others); other == "" || o > at {
				return true
			}
		}
	}
}

// firstOf returns the first of marks to appear in text, and where.
func firstOf(text string, marks []string) (string, int) {
	first, at := "", len(text)
	for _, m := range marks {
		if k := strings.Index(text, m); k >= 0 && k < at {
			first, at = m, k
		}
	}
	return first, at
}

// TestContentChecks requires the content to pass `rgpdoc check`: known gaps
// of the seeds are declared, so only warnings remain.
func TestContentChecks(t *testing.T) {
	findings, err := build.Check(loadContent(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range findings {
		if f.Severity == diag.Error {
			t.Error(f)
		}
	}
}

// TestFreeSectionsPlaced requires every free section of the content to say
// after which generated section it goes, as its seed places the text: left
// without apres, it would land at the end of the document.
func TestFreeSectionsPlaced(t *testing.T) {
	for _, o := range loadContent(t).Orgs {
		d := o.Content.Documents
		if d == nil {
			continue
		}
		pubs := map[doc.Kind]*schema.Publication{doc.Politique: d.Politique, doc.Registre: d.Registre}
		if d.Charte != nil {
			pubs[doc.Charte] = &d.Charte.Publication
		}
		for kind, p := range pubs {
			if p == nil {
				continue
			}
			for _, s := range p.Sections {
				if !slices.Contains(doc.Anchors(kind), s.Apres) {
					t.Errorf("%s, %s : la section « %s » n'indique pas après quelle section elle vient (apres : %q)", o.ID, kind, s.Titre, s.Apres)
				}
			}
		}
	}
}

// TestRightsSaidOnce requires the policy to name the « droit à l'oubli »
// once: the title of the right to erasure gives it, its text must not
// repeat it.
func TestRightsSaidOnce(t *testing.T) {
	site := loadContent(t)
	formats := textof.Formats(t)
	for _, d := range textof.Documents(t, site, formats) {
		if d.Kind != doc.Politique {
			continue
		}
		for _, f := range formats {
			if n := strings.Count(d.Text[f], textof.Fact(f, "droit à l'oubli")); n != 1 {
				t.Errorf("%s, %s : « droit à l'oubli » figure %d fois", d.Org.ID, f, n)
			}
		}
	}
}

// defect is a contradiction or defect of a seed, in the seed's own words
// (content/README.md lists them), with the rule that reports it and a part
// of its message.
type defect struct {
	seed, rule, message string
}

// seedDefects lists, for each organization, the defects of its seed that
// rgpdoc check must keep reporting until the organization settles them.
var seedDefects = map[string][]defect{
	"intent": {
		{"Mise à jour le", "date-mise-a-jour", "politique de confidentialité n'a pas de date"},
		{"579 Avenue de la République / 679, Avenue de la République", "a-verifier", "« 579 Avenue de la République » et « 679 Avenue de la République »"},
		{"le formulaire en ligne accessible à l'adresse suivante :", "a-verifier", "droits.exercice.formulaire"},
		{"Le traitement est basé sur notre intérêt légitime et une obligation légale", "a-verifier", "« notre intérêt légitime et une obligation légale »"},
		{"URLs des profils sociaux", "a-verifier", "« URLs des profils sociaux »"},
		{"Les contrats que nous signons avec nos sous-traitants", "contrat-sous-traitant", "contrat conforme à l'article 28"},
	},
	"prospect-guru": {
		{"délégué à la gestion des données personnelles", "a-verifier", "« délégué à la gestion des données personnelles »"},
		{"En fournissant des données personnelles, l'utilisateur consent", "a-verifier", "En fournissant des données personnelles"},
		{"pourra dégrader ou rendre impossible la fourniture du ou des services associés", "a-verifier", "pourra dégrader ou rendre impossible"},
		{"La durée de rétention des données est définie afin de pouvoir remplir les obligations", "conservation-manquante", "ni durée"},
		{"Finalité de traitement (aucune base légale)", "base-legale", "n'a pas de base légale"},
		{"Les données sont transférées dans des pays hors Union Européenne", "transfert-garantie", "n'indique pas le pays"},
		{"prise de décision automatique (intelligence artificielle)", "decision-automatisee", "effets juridiques ou significatifs"},
	},
	"spi": {
		{"(*indiquer ses coordonnées*) / contact@septeo.fr", "a-verifier", "« (*indiquer ses coordonnées*) » et « contact@septeo.fr »"},
		{"avec votre consentement explicite ou implicite", "a-verifier", "« consentement implicite »"},
		{"la plupart des navigateurs sont paramétrés par défaut et acceptent l'installation de cookies", "a-verifier", "paramétrés par défaut"},
		{"Utilisations des informations collectées (aucune base légale)", "base-legale", "n'a pas de base légale"},
		{"(politique non datée)", "date-mise-a-jour", "politique de confidentialité n'a pas de date"},
	},
	"sofratel-cat": {
		{"société à responsabilité limitée (SAS)", "a-verifier", "« société à responsabilité limitée » et « SAS »"},
		{"notre service  ,", "a-verifier", "notre service"},
		{"via un contrat avec un bailleur social", "a-verifier", "« via un contrat avec un bailleur social »"},
		{"3 mois maximum, sauf opposition explicite", "a-verifier", "« sauf opposition explicite » (section 7) et « avec votre consentement »"},
		{"il est possible que les Données", "langage-vague", "« il est possible que »"},
	},
	"marketing-lab": {
		{"1 à date, par 6 mois sans limite", "a-verifier", "sans limite"},
		{"serveur local", "sauvegarde-non-chiffree", "non chiffrée"},
		{"des serveurs européens chez Gandi", "a-verifier", "serveurs européens"},
		{"D'intervenir auprès du prospect", "a-verifier", "D'intervenir auprès du prospect"},
		{"Marketing Lab est susceptible de partager", "langage-vague", "« susceptible de »"},
		{"Dans certains cas, à ces données de base, peuvent s'ajouter", "langage-vague", "« dans certains cas »"},
	},
}

// TestSeedDefectsReported checks that rgpdoc check reports each listed
// defect of each seed for its organization.
func TestSeedDefectsReported(t *testing.T) {
	site := loadContent(t)
	for _, o := range site.Orgs {
		t.Run(o.ID, func(t *testing.T) {
			findings := build.OrgFindings(site, o, nil)
			for _, d := range seedDefects[o.ID] {
				if !slices.ContainsFunc(findings, func(f diag.Finding) bool {
					return f.Rule == d.rule && strings.Contains(f.Message, d.message)
				}) {
					t.Errorf("« %s » : aucun constat %s contenant %q", d.seed, d.rule, d.message)
				}
			}
		})
	}
}

// TestRegisterInThirdPerson reads the registers of content/ as a DPO would:
// the register is the organization's own document, so neither the person
// (« vous ») nor the organization (« nous ») is addressed or speaks in it,
// quotations of a source apart. Where the policy's text does, the content
// gives the register's wording (registre).
func TestRegisterInThirdPerson(t *testing.T) {
	person := regexp.MustCompile(`(?i)\b(vous|votre|vos|nous|notre|nos)\b`)
	quoted := regexp.MustCompile(`«[^»]*»`)
	for _, d := range textof.Drafts(t, loadContent(t), []build.Format{rendered.HTML}) {
		if d.Kind != doc.Registre {
			continue
		}
		text := quoted.ReplaceAllString(strings.ReplaceAll(d.Text[rendered.HTML], "rendez-vous", ""), "«»")
		for _, m := range person.FindAllStringIndex(text, -1) {
			t.Errorf("%s : registre à la deuxième ou première personne : « …%s… »", d.Org.ID,
				text[max(0, m[0]-60):min(len(text), m[1]+40)])
		}
	}
}
