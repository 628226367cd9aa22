package schema

import (
	"slices"
	"testing"
)

// TestRetention pins how retention rows combine, as docs/modele.md says.
func TestRetention(t *testing.T) {
	general := &Conservation{ID: "general"}
	paie := &Conservation{ID: "paie", Donnees: []string{"paie"}}
	candidats := &Conservation{ID: "candidats", Personnes: []string{"candidats"}}
	paieCandidats := &Conservation{ID: "paie_candidats", Donnees: []string{"paie"}, Personnes: []string{"candidats"}}
	for _, tc := range []struct {
		rows             []*Conservation
		donnee, personne string
		want             []string
	}{
		{[]*Conservation{general}, "identite", "salaries", []string{"general"}},
		{[]*Conservation{general, paie}, "identite", "salaries", []string{"general"}},
		{[]*Conservation{general, paie}, "paie", "salaries", []string{"paie"}}, // the payroll row replaces the general one for payroll data
		{[]*Conservation{paie}, "identite", "salaries", nil},
		{[]*Conservation{general, candidats}, "identite", "candidats", []string{"candidats"}},
		{[]*Conservation{general, candidats}, "identite", "salaries", []string{"general"}},
		{[]*Conservation{candidats}, "identite", "", nil},
		{[]*Conservation{paie, candidats}, "paie", "candidats", []string{"paie"}}, // the data decides first
		{[]*Conservation{paie, paieCandidats}, "paie", "candidats", []string{"paie_candidats"}},
		{[]*Conservation{paie, paieCandidats}, "paie", "salaries", []string{"paie"}},
		{[]*Conservation{general, &Conservation{ID: "autre"}}, "identite", "salaries", []string{"general", "autre"}},
	} {
		var got []string
		for _, r := range Retention(tc.rows, tc.donnee, tc.personne) {
			got = append(got, r.ID)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Retention(%s of %s) = %v, want %v", tc.donnee, tc.personne, got, tc.want)
		}
	}
}

func TestPeopleOf(t *testing.T) {
	tr := &Traitement{Personnes: []string{"clients", "prospects"}}
	if got := tr.PeopleOf(&Donnee{}); !slices.Equal(got, []string{"clients", "prospects"}) {
		t.Errorf("all people: %v", got)
	}
	if got := tr.PeopleOf(&Donnee{Personnes: []string{"prospects", "autres"}}); !slices.Equal(got, []string{"prospects"}) {
		t.Errorf("limited: %v", got)
	}
}
