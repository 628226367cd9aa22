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
