package doc

import (
	"strings"
	"testing"

	"github.com/rgpdoc/rgpdoc/schema"
)

// The register's « Données sensibles » column says « Non » only when the
// activity declares none: an activity that says nothing shows a gap.
func TestSensitiveLine(t *testing.T) {
	c := &schema.Contenu{
		Donnees: []schema.Donnee{
			{ID: "contact", Libelle: "Coordonnées"},
			{ID: "sante", Libelle: "Santé", Sensible: &schema.Sensible{Categorie: "sante"}},
		},
	}
	b := newBuilder(c)
	for _, tc := range []struct {
		name string
		act  schema.Traitement
		want string
	}{
		{"declared none", schema.Traitement{Donnees: []string{"contact"}, DonneesSensibles: "aucune"}, "Non"},
		{"unknown", schema.Traitement{Donnees: []string{"contact"}}, "à compléter"},
		{"sensitive", schema.Traitement{Donnees: []string{"contact", "sante"}}, "Oui ("},
	} {
		got := PlainText([]Block{para(b.sensitiveLine(&tc.act))})
		if !strings.Contains(got, tc.want) {
			t.Errorf("%s: %q, want it to contain %q", tc.name, got, tc.want)
		}
	}
}
