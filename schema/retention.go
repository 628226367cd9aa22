package schema

import "slices"

// Retention returns the retention rows, among those a traitement cites, that
// apply to a category of data of a category of people (docs/modele.md,
// « Combinaison des lignes de conservation »): a row applies to the data and
// the people it names, to all when it names none; a row that names the data
// replaces those that do not, then, among those left, a row that names the
// people replaces those that do not.
func Retention(rows []*Conservation, donnee, personne string) []*Conservation {
	out := slices.DeleteFunc(slices.Clone(rows), func(r *Conservation) bool {
		return len(r.Donnees) > 0 && !slices.Contains(r.Donnees, donnee) || len(r.Personnes) > 0 && !slices.Contains(r.Personnes, personne)
	})
	if slices.ContainsFunc(out, func(r *Conservation) bool { return len(r.Donnees) > 0 }) {
		out = slices.DeleteFunc(out, func(r *Conservation) bool { return len(r.Donnees) == 0 })
	}
	if slices.ContainsFunc(out, func(r *Conservation) bool { return len(r.Personnes) > 0 }) {
		out = slices.DeleteFunc(out, func(r *Conservation) bool { return len(r.Personnes) == 0 })
	}
	return out
}

// PeopleOf returns the categories of people of a traitement whose data of a
// category it processes: those the data category is limited to, or all.
func (t *Traitement) PeopleOf(d *Donnee) []string {
	if d == nil || len(d.Personnes) == 0 {
		return t.Personnes
	}
	return slices.DeleteFunc(slices.Clone(t.Personnes), func(p string) bool { return !slices.Contains(d.Personnes, p) })
}
