package pdf

import (
	"fmt"
	"time"

	"github.com/rgpdoc/rgpdoc/build/doc"
)

func txt(s string) doc.Span { return doc.Span{Text: s} }

func par(spans ...doc.Span) *doc.Paragraph { return &doc.Paragraph{Text: spans} }

func cellText(s string) doc.Cell { return doc.Cell{par(txt(s))} }

// frenchSentence holds what text extraction must give back intact: accents,
// œ, the typographic apostrophe, « » with no-break spaces, the narrow
// no-break space before « ; ».
const frenchSentence = "Le délégué à la protection des données veille à l’exercice de vos droits\u202f; il répond à «\u00a0toute demande\u00a0» sur l’œuvre\u00a0: écrivez-lui."

// sample is a document with every kind of block, sized like a policy.
func sample(landscape bool) *doc.Document {
	long := &doc.Table{
		Caption: "Durées de conservation",
		Header:  []string{"Catégorie de données", "Durée de conservation", "Motif"},
		Widths:  []float64{0.3, 0.3, 0.4},
	}
	for i := range 40 {
		long.Rows = append(long.Rows, []doc.Cell{
			cellText(fmt.Sprintf("Données d’identification n°\u00a0%d des Prospects et des Souscripteurs", i+1)),
			{par(txt("3 ans à compter du dernier contact")), &doc.List{Items: [][]doc.Block{
				{par(txt("suppression"))}, {par(txt("ou anonymisation"))},
			}}},
			cellText("pouvoir vous envoyer des communications commerciales, selon la première éventualité"),
		})
	}
	return &doc.Document{
		Kind:      doc.Politique,
		Title:     "Politique de confidentialité",
		Org:       doc.Org{ID: "exemple", Name: "Exemple Technologies", Color: "#1f4e79", Ink: "#1f4e79"},
		Updated:   "2 janvier 2025",
		Date:      time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC),
		Version:   "1.2",
		Subject:   "Comment Exemple Technologies traite vos données personnelles",
		Landscape: landscape,
		Meta:      "Mise à jour le 2 janvier 2025 — version 1.2",
		Footer:    "Exemple Technologies — Politique de confidentialité, mise à jour le 2 janvier 2025",
		Draft: &doc.Draft{Mark: "Projet — à compléter", Lead: "Ce document n’est pas définitif.", Summary: "1 point à compléter ou à vérifier",
			Points: []doc.Inline{{txt("9. Délégué — "), doc.Span{Text: "à compléter : adresse postale du DPO", Gap: true}}}},
		Preamble: []doc.Block{
			par(txt("Cette politique décrit comment "), doc.Span{Text: "Exemple Technologies", Strong: true},
				txt(" (ci-après «\u00a0Exemple\u00a0»), société par actions simplifiée immatriculée au RCS de Lille sous le numéro 532\u202f829\u202f561, collecte et protège vos données.")),
		},
		Sections: []*doc.Section{
			{ID: "introduction", Number: "1", Title: "Introduction", Blocks: []doc.Block{
				par(txt(frenchSentence)),
				par(txt("Voir la section "), doc.Span{Text: "Vos droits", Link: "#droits"},
					txt(", le site "), doc.Span{Text: "www.cnil.fr", Link: "https://www.cnil.fr/"},
					txt(" ou écrivez à "), doc.Span{Text: "dpo@exemple.fr", Link: "mailto:dpo@exemple.fr"},
					txt(". Le paramètre "), doc.Span{Text: "consentement_cookies", Code: true},
					txt(" est "), doc.Span{Text: "facultatif", Emph: true}, txt(" ; "),
					doc.Span{Text: "très important", Strong: true, Emph: true}, txt(".")),
				&doc.Definitions{Items: []doc.Definition{
					{Term: doc.Inline{txt("Prospect")}, Body: []doc.Block{par(txt("personne qui consulte le Site par intérêt pour les Services."))}},
					{Term: doc.Inline{txt("Souscripteur")}, Body: []doc.Block{
						par(txt("personne appartenant à une organisation ayant signé un contrat de fourniture de Services avec Exemple.")),
						par(txt("Il peut s’agir par exemple d’experts métier, d’acheteurs ou de chefs de projet.")),
					}},
				}},
			}},
			{ID: "donnees", Number: "2", Title: "Données que nous recueillons et finalités de leur traitement", Sections: []*doc.Section{
				{ID: "prospects", Number: "2.1", Title: "Données des Prospects", Blocks: []doc.Block{
					par(txt("Nous recueillons :")),
					&doc.List{Items: [][]doc.Block{
						{par(txt("données d’identification et coordonnées (nom, prénom, emploi, adresse électronique)\u00a0;"))},
						{par(txt("données de connexion\u00a0:")), &doc.List{Items: [][]doc.Block{
							{par(txt("adresse IP"))},
							{par(txt("journaux de connexion")), &doc.List{Ordered: true, Items: [][]doc.Block{
								{par(txt("date et heure"))}, {par(txt("auteur de l’événement"))},
							}}},
						}}},
						{par(txt("adresse postale : "), doc.Span{Text: "adresse postale du siège à compléter", Gap: true}, txt("."))},
					}},
					&doc.List{Ordered: true, Items: [][]doc.Block{
						{par(txt("Prospection commerciale, sur la base de votre consentement."))},
						{par(txt("Gestion de la relation commerciale, sur la base de notre intérêt légitime à développer notre clientèle auprès de professionnels."))},
					}},
				}},
				{ID: "souscripteurs", Number: "2.2", Title: "Données des Souscripteurs", Blocks: []doc.Block{
					par(txt("Les données des Souscripteurs sont traitées pour l’exécution du contrat qui nous lie. Elles sont nécessaires à la création et à la gestion de votre compte, au bon fonctionnement des Services et à leur facturation. Sans elles, nous ne pourrions pas fournir les Services.")),
				}},
			}},
			{ID: "conservation", Number: "3", Title: "Durées de conservation", Blocks: []doc.Block{
				par(txt("Nous conservons vos données pendant les durées suivantes :")),
				long,
			}},
			{ID: "droits", Number: "4", Title: "Vos droits", Blocks: []doc.Block{
				&doc.Note{Kind: doc.Important, Blocks: []doc.Block{
					par(doc.Span{Text: "Droit d’opposition.", Strong: true},
						txt(" Vous pouvez vous opposer à tout moment au traitement de vos données à des fins de prospection commerciale, y compris au profilage lié à cette prospection.")),
				}},
				par(txt("Vous disposez des droits suivants :")),
				&doc.Definitions{Items: []doc.Definition{
					{Term: doc.Inline{txt("Droit d’accès")}, Body: []doc.Block{par(txt("vous pouvez obtenir la confirmation que vos données sont traitées et en recevoir une copie."))}},
					{Term: doc.Inline{txt("Droit à la portabilité")}, Body: []doc.Block{par(txt("pour les traitements fondés sur votre consentement ou sur le contrat."))}},
				}},
				&doc.Note{Kind: doc.Gap, Blocks: []doc.Block{
					par(doc.Span{Text: "Adresse du formulaire d’exercice des droits à compléter.", Gap: true}),
				}},
			}, Sections: []*doc.Section{
				{ID: "reclamation", Number: "4.1", Title: "Réclamation auprès de la CNIL", Blocks: []doc.Block{
					par(txt("Vous pouvez adresser une réclamation à la Commission nationale de l’informatique et des libertés (CNIL), 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, ou en ligne sur "),
						doc.Span{Text: "https://www.cnil.fr/fr/adresser-une-plainte", Link: "https://www.cnil.fr/fr/adresser-une-plainte"}, txt(".")),
				}, Sections: []*doc.Section{
					{ID: "delais", Number: "4.1.1", Title: "Délais de réponse", Blocks: []doc.Block{
						par(txt("Nous répondons dans un délai d’un mois, prolongeable de deux mois compte tenu de la complexité et du nombre des demandes.")),
					}},
				}},
			}},
		},
	}
}
