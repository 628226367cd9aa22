package doc

import (
	"slices"
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

// The register's list of activities repeats facts of the sheets: the
// banner lists each of their gaps once, where the sheet states it.
func TestListGapsOncePerSheet(t *testing.T) {
	c := fixture(t)
	c.Traitements[0].Reference = ""
	d := Build(Registre, "exemple", c)
	if d.Draft == nil {
		t.Fatal("no draft banner for a sheet without its number")
	}
	n := 0
	for _, p := range d.Draft.Points {
		if strings.Contains(p.String(), "numéro de la fiche") {
			n++
			if !strings.HasPrefix(p.String(), "Description") {
				t.Errorf("the point is not where the sheet states it: %q", p.String())
			}
		}
	}
	if n != 1 {
		t.Errorf("%d points for the number of the sheet, want 1", n)
	}
}

// A doubt shown under the term « À vérifier » is one point of the banner,
// which does not say « À vérifier » twice.
func TestDoubtPointSaysItOnce(t *testing.T) {
	c := fixture(t)
	for i := range c.Traitements {
		if a := c.Traitements[i].DecisionAutomatisee; a != nil {
			a.AVerifier = schema.Verifications{"logique": {Alternatives: []string{"un score", "une règle"}}}
		}
	}
	d := Build(Politique, "exemple", c)
	if d.Draft == nil {
		t.Fatal("no draft banner for a doubt")
	}
	found := false
	for _, p := range d.Draft.Points {
		s := p.String()
		if strings.Contains(s, "un score") {
			found = true
			if strings.Count(s, "À vérifier") != 1 {
				t.Errorf("the point says « À vérifier » %d times: %q", strings.Count(s, "À vérifier"), s)
			}
		}
	}
	if !found {
		t.Errorf("no point for the doubt in %v", d.Draft.Points)
	}
}

// A banner point is named by the words that lead to its gap, not by the
// end of an earlier gap's sentence: a service without its name and with a
// doubt reads « Service d'assistance : À vérifier… », not « . Service… ».
func TestPointNamedAfterEarlierGap(t *testing.T) {
	d := &Document{Sections: []*Section{{ID: "s", Number: "1", Blocks: []Block{para(
		gap(nil, "", "nom du service"), ". Service d'assistance. ", toVerify(schema.Verifications{"nom": {Alternatives: []string{"« notre service , »"}}}))}}}}
	points := gapPoints(d)
	if len(points) != 2 {
		t.Fatalf("%d points, want 2", len(points))
	}
	if got := points[1].String(); !strings.HasPrefix(got, "Service d'assistance\u00a0: À vérifier") {
		t.Errorf("point = %q", got)
	}
}

// A gap inside a sentence leaves no space before the comma of the words
// that name a later point: « 3 mois maximum, sauf opposition explicite ».
func TestPointNameJoinsAroundGap(t *testing.T) {
	d := &Document{Sections: []*Section{{ID: "s", Number: "1", Blocks: []Block{para(
		"3 mois maximum ", gap(nil, "", "point de départ de la durée"), ", sauf opposition explicite ",
		toVerify(schema.Verifications{"precision": {Alternatives: []string{"« sauf opposition explicite »"}}}))}}}}
	points := gapPoints(d)
	if len(points) != 2 {
		t.Fatalf("%d points, want 2", len(points))
	}
	if got := points[1].String(); !strings.HasPrefix(got, "3 mois maximum, sauf opposition explicite\u00a0: À vérifier") {
		t.Errorf("point = %q", got)
	}
	d = &Document{Sections: []*Section{{ID: "s", Number: "1", Blocks: []Block{para(
		"Marketing Lab, ", gap(nil, "", "forme juridique"), ", ", gap(nil, "", "immatriculation"), ", dont le siège social est situé : ", gap(nil, "", "adresse"))}}}}
	if got := gapPoints(d)[2].String(); !strings.HasPrefix(got, "Marketing Lab, dont le siège social est situé\u00a0: à compléter") {
		t.Errorf("point = %q", got)
	}
}

// The register's spreadsheet says « Aucune » sensitive data and « Aucun
// transfert » only from facts: an activity that says nothing of its
// sensitive data, or a recipient whose country is unknown, shows a gap.
func TestWorkbookAbsencesFromFacts(t *testing.T) {
	c := fixture(t)
	i := slices.IndexFunc(c.Traitements, func(t schema.Traitement) bool { return len(t.Transferts) == 0 && t.Role != roleProcessor })
	sheetText := func(c *schema.Contenu) string {
		d := Build(Registre, "exemple", c)
		var all []Block
		for _, s := range d.Workbook().Sheets {
			if strings.Contains(s.Title, c.Traitements[i].Libelle) {
				for _, tab := range s.Tables {
					all = append(all, tab)
				}
			}
		}
		return plain(PlainText(all))
	}
	if got := sheetText(c); !strings.Contains(got, "Aucun transfert hors de l'Union européenne") {
		t.Fatalf("the complete fixture's first sheet states no absence of transfer:\n%s", got)
	}
	c.Traitements[i].DonneesSensibles = ""
	c.Destinataires = append(c.Destinataires, schema.Destinataire{ID: "partenaire", Libelle: "Partenaires", Type: "partenaire"})
	c.Traitements[i].Destinataires = append(c.Traitements[i].Destinataires, "partenaire")
	got := sheetText(c)
	for _, want := range []string{"à compléter : présence de données sensibles", "à compléter : transferts hors de l'Union européenne"} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %q:\n%s", want, got)
		}
	}
}
