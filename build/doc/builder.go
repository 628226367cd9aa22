package doc

import (
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/rgpdoc/rgpdoc/schema"
)

// The roles of the organization in a processing activity.
const (
	roleController schema.Role = "responsable"
	roleJoint      schema.Role = "responsable_conjoint"
	roleProcessor  schema.Role = "sous_traitant"
)

// builder builds the documents of one organization from its merged content.
type builder struct {
	c   *schema.Contenu
	org *schema.Organisation
	// shared is what the register's activities share (see sharedBy).
	shared registerShared
}

func newBuilder(c *schema.Contenu) *builder {
	b := &builder{c: c, org: c.Organisation}
	if b.org == nil {
		b.org = &schema.Organisation{}
	}
	return b
}

func (b *builder) orgInfo(id string) Org {
	o := Org{ID: id, Name: b.name()}
	if t := b.org.Theme; t != nil {
		o.Logo, o.Color, o.Theme = t.Logo, t.Couleur, t.Nom
		o.Ink = inkOf(t.Couleur)
	}
	return o
}

// name is the organization's name as the documents give it in full.
func (b *builder) name() string {
	if b.org.RaisonSociale != "" {
		return b.org.RaisonSociale
	}
	return b.org.Appellation
}

// named is the organization's name with its article, after a preposition
// ("de", "à", or "" for none): "l'Agence du Beffroi", "de l'Agence du
// Beffroi", "au Cabinet Durand", "d'Intent Technologies".
func (b *builder) named(prep string) string {
	name := b.name()
	switch a := b.org.Article; {
	case a == "l'":
		name = "l'" + name
	case (a == "le" || a == "les") && (prep == "de" || prep == "à"):
		return map[string]string{"dele": "du ", "àle": "au ", "deles": "des ", "àles": "aux "}[prep+string(a)] + name
	case a != "":
		name = string(a) + " " + name
	}
	if prep == "" {
		return name
	}
	return elided(prep, name)
}

// elided writes a preposition before a word, "de" elided before a vowel
// (« d'Arras ») and contracted with the article of a place (« du Mans »).
func elided(prep, word string) string {
	switch {
	case prep == "de" && strings.HasPrefix(word, "Le "):
		return "du " + word[len("Le "):]
	case prep == "de" && strings.HasPrefix(word, "Les "):
		return "des " + word[len("Les "):]
	case prep == "de" && vowel(word):
		return "d'" + word
	}
	return prep + " " + word
}

// vowel tells whether a word starts with a vowel.
func vowel(word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	return strings.ContainsRune("aeiouyàâäéèêëîïôöùûüAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜ", r)
}

// outsideEU tells whether the organization's seat is outside the EEA, in
// which case it names a representative in the Union (art. 27).
func (b *builder) outsideEU() bool {
	return b.org.Siege != nil && b.org.Siege.Pays != "" && !b.org.Siege.Pays.InEEA()
}

// activities returns the processing activities where the organization has
// one of the roles, in the order of the content.
func (b *builder) activities(roles ...schema.Role) []*schema.Traitement {
	var out []*schema.Traitement
	for i := range b.c.Traitements {
		if t := &b.c.Traitements[i]; slices.Contains(roles, t.Role) {
			out = append(out, t)
		}
	}
	return out
}

// controlled returns the activities the organization decides on, alone or jointly.
func (b *builder) controlled() []*schema.Traitement { return b.activities(roleController, roleJoint) }

// processed returns the activities carried out on behalf of clients.
func (b *builder) processed() []*schema.Traitement { return b.activities(roleProcessor) }

// pick returns the elements of list whose id is among ids, in the order of
// list (the order the content gives), each once. Unknown ids are the
// checker's business.
func pick[T any](list []T, id func(*T) string, ids []string) []*T {
	var out []*T
	for i := range list {
		if slices.Contains(ids, id(&list[i])) {
			out = append(out, &list[i])
		}
	}
	return out
}

// refs gathers the ids an activity field names, over several activities.
func refs(acts []*schema.Traitement, field func(*schema.Traitement) []string) []string {
	var out []string
	for _, t := range acts {
		out = append(out, field(t)...)
	}
	return out
}

func (b *builder) personnes(acts ...*schema.Traitement) []*schema.Personne {
	return pick(b.c.Personnes, func(p *schema.Personne) string { return p.ID },
		refs(acts, func(t *schema.Traitement) []string { return t.Personnes }))
}

func (b *builder) donnees(acts ...*schema.Traitement) []*schema.Donnee {
	return pick(b.c.Donnees, func(d *schema.Donnee) string { return d.ID },
		refs(acts, func(t *schema.Traitement) []string { return t.Donnees }))
}

func (b *builder) destinataires(acts ...*schema.Traitement) []*schema.Destinataire {
	return pick(b.c.Destinataires, func(d *schema.Destinataire) string { return d.ID },
		refs(acts, func(t *schema.Traitement) []string { return t.Destinataires }))
}

func (b *builder) transferts(acts ...*schema.Traitement) []*schema.Transfert {
	return pick(b.c.Transferts, func(t *schema.Transfert) string { return t.ID },
		refs(acts, func(t *schema.Traitement) []string { return t.Transferts }))
}

func (b *builder) conservation(acts ...*schema.Traitement) []*schema.Conservation {
	return pick(b.c.Conservation, func(r *schema.Conservation) string { return r.ID },
		refs(acts, func(t *schema.Traitement) []string { return t.Conservation }))
}

func (b *builder) clients(acts ...*schema.Traitement) []*schema.Client {
	return pick(b.c.Clients, func(c *schema.Client) string { return c.ID },
		refs(acts, func(t *schema.Traitement) []string { return t.Clients }))
}

func (b *builder) services(acts ...*schema.Traitement) []*schema.Service {
	return pick(b.org.Services, func(s *schema.Service) string { return s.ID },
		refs(acts, func(t *schema.Traitement) []string { return t.Services }))
}

func (b *builder) destinataire(id string) *schema.Destinataire {
	for i := range b.c.Destinataires {
		if b.c.Destinataires[i].ID == id {
			return &b.c.Destinataires[i]
		}
	}
	return nil
}

// mesures returns the security measures that apply to at least one of the
// activities (a measure without traitements applies to all of them).
func (b *builder) mesures(acts ...*schema.Traitement) []*schema.Mesure {
	var out []*schema.Mesure
	for i := range b.c.Securite {
		m := &b.c.Securite[i]
		if len(m.Traitements) == 0 && len(acts) > 0 ||
			slices.ContainsFunc(acts, func(t *schema.Traitement) bool { return slices.Contains(m.Traitements, t.ID) }) {
			out = append(out, m)
		}
	}
	return out
}

// concerning returns the activities that concern a category of data subjects.
func concerning(acts []*schema.Traitement, personne string) []*schema.Traitement {
	var out []*schema.Traitement
	for _, t := range acts {
		if slices.Contains(t.Personnes, personne) {
			out = append(out, t)
		}
	}
	return out
}

// grouped groups elements by an enumerated value, in the order of the
// enumeration's options (the order the documents present them).
func grouped[E ~string, T any](list []*T, key func(*T) E) [][]*T {
	var out [][]*T
	for _, o := range schema.Enums[reflect.TypeFor[E]()] {
		var g []*T
		for _, x := range list {
			if string(key(x)) == o.Value {
				g = append(g, x)
			}
		}
		if len(g) > 0 {
			out = append(out, g)
		}
	}
	return out
}
