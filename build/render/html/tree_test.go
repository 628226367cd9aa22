package html

import (
	"time"

	"github.com/rgpdoc/rgpdoc/build/doc"
)

// The documents below are built by hand so that the unit golden files cover
// every kind of block and span, whatever the builders produce.

func text(s string) doc.Inline         { return doc.Inline{{Text: s}} }
func para(spans ...doc.Span) doc.Block { return &doc.Paragraph{Text: spans} }
func plain(s string) doc.Block         { return &doc.Paragraph{Text: text(s)} }

// draftDoc uses every block and span, a preamble and the draft banner, and
// carries text that must be escaped.
func draftDoc() *doc.Document {
	return &doc.Document{
		Kind:    doc.Politique,
		Title:   "Politique de confidentialité",
		Org:     doc.Org{ID: "essai", Name: "Exemple Services"},
		Updated: "2 janvier 2025",
		Date:    time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC),
		Version: "2.1",
		Subject: "Comment Exemple Services traite vos données à caractère personnel.",
		Meta:    "Mise à jour le 2 janvier 2025 — version 2.1",
		Footer:  "Exemple Services — Politique de confidentialité, mise à jour le 2 janvier 2025",
		Draft: &doc.Draft{
			Mark: "Projet — à compléter", Lead: "Ce document n’est pas définitif.", Summary: "2 points à compléter ou à vérifier",
			Points: []doc.Inline{
				{{Text: "1. Introduction", Link: "#introduction"}, {Text: " — "}, {Text: "à compléter\u00a0: adresse du DPO", Gap: true}},
				{{Text: "À vérifier\u00a0: durée de conservation <b>sic</b>."}},
			},
		},
		Preamble: []doc.Block{
			para(doc.Span{Text: "La présente politique décrit comment "}, doc.Span{Text: "Exemple", Strong: true},
				doc.Span{Text: " traite vos données (ci-après la «\u00a0Politique\u00a0»)."}),
		},
		Sections: []*doc.Section{
			{ID: "introduction", Number: "1", Title: "Introduction", Blocks: []doc.Block{
				para(doc.Span{Text: "Voir la "}, doc.Span{Text: "section 2", Link: "#donnees"},
					doc.Span{Text: ", le "}, doc.Span{Text: "site de la CNIL", Link: "https://www.cnil.fr/fr/"},
					doc.Span{Text: " ou écrivez à "}, doc.Span{Text: "dpo@exemple.fr", Link: "mailto:dpo@exemple.fr"},
					doc.Span{Text: "."}),
				para(doc.Span{Text: "Texte "}, doc.Span{Text: "important", Strong: true}, doc.Span{Text: ", "},
					doc.Span{Text: "souligné", Emph: true}, doc.Span{Text: ", "}, doc.Span{Text: "les deux", Strong: true, Emph: true},
					doc.Span{Text: ", du "}, doc.Span{Text: "code", Code: true}, doc.Span{Text: " et <script>alert(\"x\")</script> & co."}),
				&doc.Definitions{Items: []doc.Definition{
					{Term: text("Prospect"), Body: []doc.Block{plain("personne qui consulte le Site.")}},
					{Term: text("Client"), Body: []doc.Block{plain("organisation abonnée."), plain("Deuxième paragraphe.")}},
				}},
			}},
			{ID: "donnees", Number: "2", Title: "Données que nous recueillons", Sections: []*doc.Section{
				{ID: "donnees-prospects", Number: "2.1", Title: "Données des Prospects", Blocks: []doc.Block{
					&doc.List{Items: [][]doc.Block{
						{plain("nom, prénom ;")},
						{plain("adresse électronique ;"), &doc.List{Ordered: true, Items: [][]doc.Block{{plain("professionnelle")}, {plain("personnelle")}}}},
						{para(doc.Span{Text: "téléphone : "}, doc.Span{Text: "source à préciser", Gap: true})},
					}},
				}, Sections: []*doc.Section{
					{ID: "donnees-prospects-sources", Number: "2.1.1", Title: "Sources", Blocks: []doc.Block{
						&doc.Note{Kind: doc.Gap, Blocks: []doc.Block{plain("À compléter : la source des données de contact.")}},
					}},
				}},
			}},
			{ID: "conservation", Number: "3", Title: "Durées de conservation", Blocks: []doc.Block{
				&doc.Table{
					Caption: "Durées de conservation",
					Header:  []string{"Catégorie", "Durée", "Motif"},
					Widths:  []float64{0.3, 0.3, 0.4},
					Rows: [][]doc.Cell{
						{{plain("Prospects")}, {plain("3 ans à compter du dernier contact")}, {plain("vous envoyer nos offres")}},
						{{plain("Clients")}, {&doc.List{Items: [][]doc.Block{{plain("durée du contrat")}, {plain("+ 5 ans")}}}}, {para(doc.Span{Text: "à compléter", Gap: true})}},
					},
				},
				&doc.Table{
					Caption: "Liste simple",
					Header:  []string{"Sous-traitant"},
					Rows:    [][]doc.Cell{{{plain("Hébergeur")}}},
				},
			}},
			{ID: "droits", Number: "4", Title: "Vos droits", Blocks: []doc.Block{
				&doc.Note{Kind: doc.Important, Blocks: []doc.Block{
					plain("Vous pouvez vous opposer à tout moment au traitement de vos données à des fins de prospection."),
					plain("Ce droit est absolu."),
				}},
			}},
		},
	}
}

// registerDoc is a landscape document of an organization with a logo and a
// colour, without draft, preamble nor sub-sections.
func registerDoc() *doc.Document {
	return &doc.Document{
		Kind:      doc.Registre,
		Title:     "Registre des activités de traitement",
		Org:       doc.Org{ID: "essai", Name: "Exemple Services", Logo: "logo.svg", Color: "#e4a11b", Ink: "#926711", Theme: "default"},
		Date:      time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC),
		Landscape: true,
		Sections: []*doc.Section{
			{ID: "prospection", Number: "1", Title: "Prospection commerciale", Blocks: []doc.Block{
				&doc.Table{
					Caption: "Fiche du traitement « Prospection commerciale »",
					Header:  []string{"Rubrique", "Contenu"},
					Rows: [][]doc.Cell{
						{{plain("Finalités")}, {plain("contacter des prospects")}},
						{{plain("Catégories de personnes")}, {plain("Prospects")}},
					},
				},
			}},
		},
	}
}

func unitDocs() []*doc.Document { return []*doc.Document{draftDoc(), registerDoc()} }

func unitListings() []Listing {
	return []Listing{
		NewListing(registerDoc().Org, unitDocs(), HTML, Markdown, PDF),
		NewListing(doc.Org{ID: "vide", Name: "Organisation <sans> documents"}, nil),
	}
}
