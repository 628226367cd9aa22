package check

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/rgpdoc/rgpdoc/schema"
)

// refList is a list of the model that others reference by id.
type refList struct {
	name  string          // the content key, as users write it
	ids   []string        // the ids in order
	srcs  []schema.Origin // where each id is declared
	known map[string]bool
}

// lists returns every list of elements with an id, in the order of the model.
func (m *model) lists() []refList {
	out := make([]refList, 0, 9)
	add := func(name string, n int, at func(int) (string, schema.Origin)) {
		l := refList{name: name, known: make(map[string]bool, n), ids: make([]string, 0, n), srcs: make([]schema.Origin, 0, n)}
		for i := range n {
			id, src := at(i)
			l.ids, l.srcs = append(l.ids, id), append(l.srcs, src)
			l.known[id] = true
		}
		out = append(out, l)
	}
	c := m.c
	var services []schema.Service
	if c.Organisation != nil {
		services = c.Organisation.Services
	}
	add("services", len(services), func(i int) (string, schema.Origin) { return services[i].ID, services[i].Src })
	add("personnes", len(c.Personnes), func(i int) (string, schema.Origin) { return c.Personnes[i].ID, c.Personnes[i].Src })
	add("donnees", len(c.Donnees), func(i int) (string, schema.Origin) { return c.Donnees[i].ID, c.Donnees[i].Src })
	add("destinataires", len(c.Destinataires), func(i int) (string, schema.Origin) { return c.Destinataires[i].ID, c.Destinataires[i].Src })
	add("transferts", len(c.Transferts), func(i int) (string, schema.Origin) { return c.Transferts[i].ID, c.Transferts[i].Src })
	add("traitements", len(c.Traitements), func(i int) (string, schema.Origin) { return c.Traitements[i].ID, c.Traitements[i].Src })
	add("conservation", len(c.Conservation), func(i int) (string, schema.Origin) { return c.Conservation[i].ID, c.Conservation[i].Src })
	add("securite", len(c.Securite), func(i int) (string, schema.Origin) { return c.Securite[i].ID, c.Securite[i].Src })
	add("clients", len(c.Clients), func(i int) (string, schema.Origin) { return c.Clients[i].ID, c.Clients[i].Src })
	return out
}

// ref is one reference by id: where it is written and which list it names.
type ref struct {
	src   schema.Origin
	field string // the field holding the reference, under src
	index int    // the position in the field's list, or -1 for a single id
	list  string
	id    string
	// byTraitement is true for the references of a traitement, which are the
	// ones that make an element appear in the documents.
	byTraitement bool
}

// path locates the reference under its element, for Org.Pos.
func (x ref) path() []string {
	if x.index < 0 {
		return []string{x.field}
	}
	return []string{x.field, strconv.Itoa(x.index)}
}

// refs returns every reference of the model.
func (m *model) refs() []ref {
	var out []ref
	many := func(src schema.Origin, field, list string, ids []string, byTraitement bool) {
		for i, id := range ids {
			out = append(out, ref{src, field, i, list, id, byTraitement})
		}
	}
	for _, t := range m.c.Traitements {
		// Each field of a traitement names the list of the same name.
		for _, f := range []struct {
			name string
			ids  []string
		}{
			{"services", t.Services}, {"clients", t.Clients}, {"personnes", t.Personnes}, {"donnees", t.Donnees},
			{"destinataires", t.Destinataires}, {"transferts", t.Transferts}, {"conservation", t.Conservation},
		} {
			many(t.Src, f.name, f.name, f.ids, true)
		}
	}
	for _, tr := range m.c.Transferts {
		out = append(out, ref{tr.Src, "destinataire", -1, "destinataires", tr.Destinataire, false})
	}
	for _, k := range m.c.Conservation {
		many(k.Src, "donnees", "donnees", k.Donnees, false)
		many(k.Src, "personnes", "personnes", k.Personnes, false)
	}
	for _, d := range m.c.Donnees {
		many(d.Src, "personnes", "personnes", d.Personnes, false)
	}
	for _, s := range m.c.Securite {
		many(s.Src, "traitements", "traitements", s.Traitements, false)
	}
	return out
}

func checkReferences(r *run) {
	lists := map[string]refList{}
	for _, l := range r.lists() {
		lists[l.name] = l
	}
	for _, x := range r.refs() {
		l := lists[x.list]
		if l.known[x.id] {
			continue
		}
		ids := slices.Compact(slices.Sorted(slices.Values(l.ids)))
		msg := fmt.Sprintf("identifiant %s inconnu dans %s%s", q(x.id), x.list, suggest(x.id, ids))
		switch {
		case len(ids) == 0:
			msg += fmt.Sprintf(" : la liste %s est vide ou absente", x.list)
		case len(ids) <= 12:
			msg += " ; identifiants déclarés : " + strings.Join(ids, ", ")
		}
		r.report(r.org.Pos(x.src, x.path()...), "%s", msg)
	}
}

func checkDuplicates(r *run) {
	for _, l := range r.lists() {
		first := map[string]int{}
		for i, id := range l.ids {
			j, dup := first[id]
			if !dup {
				first[id] = i
				continue
			}
			p := r.org.Pos(l.srcs[j], "id")
			r.report(r.org.Pos(l.srcs[i], "id"), "identifiant %s en double dans %s (déjà déclaré en %s) : chaque élément doit avoir son propre identifiant",
				q(id), l.name, p)
		}
	}
}

func checkUnused(r *run) {
	used := map[string]map[string]bool{}
	for _, x := range r.refs() {
		if !x.byTraitement {
			continue
		}
		if used[x.list] == nil {
			used[x.list] = map[string]bool{}
		}
		used[x.list][x.id] = true
	}
	c := r.c
	unused := func(list, what string, feminine bool, id string, src schema.Origin) {
		if !r.org.Own(src) || used[list][id] {
			return
		}
		cited, pronoun := "cité", "le"
		if feminine {
			cited, pronoun = "citée", "la"
		}
		r.report(r.org.Pos(src, "id"), "%s %s n'est %s par aucun traitement : citez-%s dans le traitement concerné (champ %s), ou retirez-%s",
			what, q(id), cited, pronoun, list, pronoun)
	}
	for _, p := range c.Personnes {
		unused("personnes", "la catégorie de personnes", true, p.ID, p.Src)
	}
	for _, d := range c.Donnees {
		unused("donnees", "la catégorie de données", true, d.ID, d.Src)
	}
	for _, d := range c.Destinataires {
		unused("destinataires", "le destinataire", false, d.ID, d.Src)
	}
	for _, t := range c.Transferts {
		unused("transferts", "le transfert", false, t.ID, t.Src)
	}
	for _, k := range c.Conservation {
		unused("conservation", "la durée de conservation", true, k.ID, k.Src)
	}
	for _, k := range c.Clients {
		unused("clients", "le client", false, k.ID, k.Src)
	}
}

func checkTraitementComplet(r *run) {
	for _, t := range r.c.Traitements {
		name := q(t.ID)
		if len(t.Finalites) == 0 {
			r.missing(t.Src, t.ACompleter, "finalites", "le traitement %s n'a aucune finalité : indiquez ce que l'organisation fait des données", name)
		}
		if len(t.Personnes) == 0 {
			r.missing(t.Src, t.ACompleter, "personnes", "le traitement %s ne cite aucune catégorie de personnes concernées", name)
		}
		if len(t.Donnees) == 0 {
			r.missing(t.Src, t.ACompleter, "donnees", "le traitement %s ne cite aucune catégorie de données", name)
		}
		switch {
		case t.Role == "sous_traitant" && len(t.Clients) == 0:
			r.missing(t.Src, t.ACompleter, "clients", "le traitement %s est mené en tant que sous-traitant : citez dans clients ceux pour le compte desquels il l'est", name)
		case t.Role == "responsable_conjoint" && len(t.ResponsablesConjoints) == 0:
			r.missing(t.Src, t.ACompleter, "responsables_conjoints", "le traitement %s est mené conjointement mais ne nomme pas les autres responsables du traitement (art. 26 du RGPD)", name)
		}
	}
}
