package doc

import (
	"strings"
	"testing"

	"github.com/rgpdoc/rgpdoc/schema"
)

func TestNamed(t *testing.T) {
	for _, tt := range []struct {
		name    string
		article schema.Article
		prep    string
		want    string
	}{
		{"Agence du Beffroi", "l'", "", "l'Agence du Beffroi"},
		{"Agence du Beffroi", "l'", "de", "de l'Agence du Beffroi"},
		{"Agence du Beffroi", "l'", "à", "à l'Agence du Beffroi"},
		{"Cabinet Durand", "le", "de", "du Cabinet Durand"},
		{"Cabinet Durand", "le", "à", "au Cabinet Durand"},
		{"Cabinet Durand", "le", "", "le Cabinet Durand"},
		{"Ateliers réunis", "les", "de", "des Ateliers réunis"},
		{"Ateliers réunis", "les", "à", "aux Ateliers réunis"},
		{"Fondation Martin", "la", "de", "de la Fondation Martin"},
		{"Intent Technologies", "", "de", "d'Intent Technologies"},
		{"Sofratel", "", "de", "de Sofratel"},
		{"Sofratel", "", "", "Sofratel"},
	} {
		b := newBuilder(&schema.Contenu{Organisation: &schema.Organisation{RaisonSociale: tt.name, Article: tt.article}})
		if got := b.named(tt.prep); got != tt.want {
			t.Errorf("named(%q) of %q %q = %q, want %q", tt.prep, tt.article, tt.name, got, tt.want)
		}
	}
	for _, tt := range []struct{ city, want string }{
		{"Arras", "d'Arras"}, {"Évry", "d'Évry"}, {"Le Mans", "du Mans"}, {"Les Ulis", "des Ulis"},
		{"La Rochelle", "de La Rochelle"}, {"Lille", "de Lille"},
	} {
		if got := elided("de", tt.city); got != tt.want {
			t.Errorf("elided(de, %q) = %q, want %q", tt.city, got, tt.want)
		}
	}
}

func TestIdentityArticle(t *testing.T) {
	c := &schema.Contenu{Organisation: &schema.Organisation{RaisonSociale: "Agence du Beffroi", Article: "l'",
		RCS: &schema.RCS{Ville: "Arras", Numero: "123 456 789"}}, Documents: &schema.Documents{Politique: &schema.Publication{}}}
	d := Build(Politique, "x", c)
	var text string
	eachText(d.Sections[1].Blocks, func(in Inline) { text += in.String() + "\n" })
	for _, want := range []string{"Le responsable du traitement de vos données est l’Agence du Beffroi",
		"immatriculée au registre du commerce et des sociétés d’Arras"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q missing in\n%s", want, text)
		}
	}
}

// TestRegisterWording builds the register in the third person where the
// content gives it a wording, and leaves the policy and the content as
// they were.
func TestRegisterWording(t *testing.T) {
	c := &schema.Contenu{
		Organisation: &schema.Organisation{RaisonSociale: "Intent"},
		Documents:    &schema.Documents{Politique: &schema.Publication{}, Registre: &schema.Publication{}},
		Personnes:    []schema.Personne{{ID: "prospects", Libelle: "Prospects"}},
		Destinataires: []schema.Destinataire{{ID: "st", Type: "sous_traitant", Libelle: "Nos sous-traitants",
			Registre: &schema.Formulation{Libelle: "Sous-traitants d'Intent"}}},
		Traitements: []schema.Traitement{{ID: "prospection", Libelle: "Prospection", Role: roleController,
			Personnes: []string{"prospects"}, Destinataires: []string{"st"},
			Finalites: []schema.Finalite{{Description: "vous inviter à nos webinars", BaseLegale: "interet_legitime",
				Interet:  "vous présenter nos services",
				Registre: &schema.Formulation{Description: "inviter les prospects aux webinars", Interet: "présenter les services aux prospects"}}}}},
	}
	var register, policy string
	eachText(sectionsOf(Build(Registre, "o", c)), func(in Inline) { register += in.String() + "\n" })
	eachText(sectionsOf(Build(Politique, "o", c)), func(in Inline) { policy += in.String() + "\n" })
	for _, want := range []string{"inviter les prospects aux webinars", "présenter les services aux prospects", "Sous-traitants d’Intent"} {
		if !strings.Contains(register, want) {
			t.Errorf("register lacks %q:\n%s", want, register)
		}
	}
	for _, text := range []string{"vous", "nos", "Nos"} {
		if strings.Contains(register, " "+text+" ") || strings.Contains(register, text+" sous-traitants") {
			t.Errorf("register says %q:\n%s", text, register)
		}
	}
	if !strings.Contains(policy, "vous inviter à nos webinars") || !strings.Contains(policy, "Nos sous-traitants") {
		t.Errorf("the policy lost its own wording:\n%s", policy)
	}
	if c.Traitements[0].Finalites[0].Description != "vous inviter à nos webinars" {
		t.Error("the content was modified")
	}
}

// sectionsOf returns the blocks of all the sections of a document.
func sectionsOf(d *Document) []Block {
	var out []Block
	var walk func([]*Section)
	walk = func(list []*Section) {
		for _, s := range list {
			out = append(out, s.Blocks...)
			walk(s.Sections)
		}
	}
	walk(d.Sections)
	return out
}
