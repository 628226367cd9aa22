package build_test

import (
	"slices"
	"testing"

	"github.com/rgpdoc/rgpdoc/build/doc"
	"github.com/rgpdoc/rgpdoc/build/load"
	"github.com/rgpdoc/rgpdoc/build/typo"
	"github.com/rgpdoc/rgpdoc/internal/textof"
	"github.com/rgpdoc/rgpdoc/schema"
)

// TestFormatsCarrySameFacts renders every document in HTML, Markdown and
// PDF and finds in the text of each format the facts the model says the
// document shows: the three formats walk one document tree, and this test
// keeps a renderer from dropping a row, a cell or a span the others keep.
// The facts are derived from the model, the same for the three formats, so
// that a fact found in one format and missing in another fails here.
func TestFormatsCarrySameFacts(t *testing.T) {
	formats := textof.Formats(t)
	for _, dir := range []string{"../testdata/complet/content", "../content"} {
		t.Run(dir, func(t *testing.T) {
			site, err := load.Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			docs := textof.Documents(t, site, formats)
			if len(docs) == 0 {
				t.Fatal("aucun document produit")
			}
			for _, d := range docs {
				t.Run(d.Org.ID+"/"+string(d.Kind), func(t *testing.T) {
					facts := factsOf(d.Kind, d.Org.Content)
					if len(facts) == 0 {
						t.Fatal("aucun fait à chercher")
					}
					for _, f := range facts {
						for _, format := range formats {
							if !d.Has(format, f.text) {
								t.Errorf("%s : %s « %s » absent", format, f.what, f.text)
							}
						}
					}
				})
			}
		})
	}
}

// fact is a fact a document shows: what it is, for failure messages, and
// its text as the model holds it.
type fact struct{ what, text string }

type facts []fact

// add adds the non-empty texts as facts.
func (fs *facts) add(what string, texts ...string) {
	for _, s := range texts {
		if s != "" {
			*fs = append(*fs, fact{what, s})
		}
	}
}

// factsOf derives from the model the facts a kind of document shows, per
// the legal checklist: identity, DPO, purposes and legal bases, data,
// retention, recipients, transfers, security, clients, dates.
func factsOf(k doc.Kind, c *schema.Contenu) facts {
	var fs facts
	if k == doc.Registre {
		c = doc.InRegister(c) // the register's own wording, where the content gives one
	}
	acts := scope(k, c)
	o := c.Organisation
	fs.add("raison sociale", o.RaisonSociale)
	if s := o.Siege; s != nil {
		fs.add("siège", s.Voie, s.CodePostal, s.Ville)
	}
	if o.RCS != nil && k != doc.Registre { // the register's actors table has no RCS column (CNIL model)
		fs.add("RCS", o.RCS.Ville, o.RCS.Numero)
	}
	if d := o.DPO; d != nil {
		fs.add("DPO", d.Nom, d.Email)
		fs.add("téléphone du DPO", d.Telephones...)
	}
	if p := publicationOf(k, c); p != nil && p.MiseAJour != "" {
		fs.add("date de mise à jour", typo.Date(p.MiseAJour))
	}
	if a := o.AutoriteControle; a != nil && k == doc.Politique {
		fs.add("autorité de contrôle", a.Nom, a.Plainte)
	}

	for _, t := range acts {
		if k != doc.Politique || t.Role != "sous_traitant" {
			fs.add("activité", t.Libelle)
		}
		for _, f := range t.Finalites {
			if t.Role == "sous_traitant" {
				continue // a processor states no legal basis: its client does
			}
			if k != doc.Charte {
				fs.add("finalité", purposeTerm(t, &f))
			}
			fs.add("base légale de « "+purposeTerm(t, &f)+" »", basis(k, f.BaseLegale), f.Interet, f.Obligation, f.ACompleter["base_legale"])
		}
	}
	for _, d := range pick(c.Donnees, func(d *schema.Donnee) string { return d.ID }, refs(acts, func(t *schema.Traitement) []string { return t.Donnees })) {
		fs.add("catégorie de données", d.Libelle)
	}
	for _, r := range pick(c.Conservation, func(r *schema.Conservation) string { return r.ID }, refs(acts, func(t *schema.Traitement) []string { return t.Conservation })) {
		what := "conservation « " + r.Libelle + " »"
		if r.Duree != nil {
			fs.add(what, typo.Duree(*r.Duree))
		} else {
			fs.add(what, r.Critere)
		}
		fs.add(what, r.Ou, r.Precision, schema.Label(r.Fin))
	}
	for _, d := range pick(c.Destinataires, func(d *schema.Destinataire) string { return d.ID }, refs(acts, func(t *schema.Traitement) []string { return t.Destinataires })) {
		fs.add("destinataire", d.Libelle)
		fs.add("destinataire nommé", d.Noms...)
		for _, p := range d.Pays {
			fs.add("pays de « "+d.Libelle+" »", p.Name())
		}
	}
	for _, tr := range pick(c.Transferts, func(t *schema.Transfert) string { return t.ID }, refs(acts, func(t *schema.Traitement) []string { return t.Transferts })) {
		what := "transfert « " + tr.ID + " »"
		for _, p := range tr.Pays {
			fs.add(what, p.Name())
		}
		fs.add(what, labelRef(tr.Garantie), labelRef(tr.Repli), tr.ACompleter["pays"], tr.ACompleter["garantie"])
	}
	for _, cl := range pick(c.Clients, func(cl *schema.Client) string { return cl.ID }, refs(acts, func(t *schema.Traitement) []string { return t.Clients })) {
		fs.add("client", cl.Libelle)
	}
	for _, m := range c.Securite {
		if len(m.Traitements) == 0 || slices.ContainsFunc(acts, func(t *schema.Traitement) bool { return slices.Contains(m.Traitements, t.ID) }) {
			fs.add("mesure de sécurité", m.Description)
		}
	}
	if st := c.SousTraitance; st != nil && k == doc.Charte {
		fs.add("fin du contrat", schema.Label(st.FinDeContrat))
	}
	return fs
}

// scope returns the activities a kind of document covers: all of them,
// except in the charte, which covers those carried out for clients.
func scope(k doc.Kind, c *schema.Contenu) []*schema.Traitement {
	var out []*schema.Traitement
	for i := range c.Traitements {
		if t := &c.Traitements[i]; k != doc.Charte || t.Role == "sous_traitant" {
			out = append(out, t)
		}
	}
	return out
}

func publicationOf(k doc.Kind, c *schema.Contenu) *schema.Publication {
	switch {
	case k == doc.Politique:
		return c.Documents.Politique
	case k == doc.Charte:
		return &c.Documents.Charte.Publication
	}
	return c.Documents.Registre
}

// basis is how a kind of document names a legal basis: the register by its
// label, the policy in a sentence of its own; both follow it with its
// reference, outside parentheses (a reference ends with "a)").
func basis(k doc.Kind, b schema.BaseLegale) string {
	if b == "" {
		return ""
	}
	o, _ := schema.OptionOf(b)
	if k == doc.Registre {
		return o.Label + ", au sens de l'" + o.Ref
	}
	return ", au sens de l'" + o.Ref
}

// labelRef is how the documents name a safeguard: its label, then its
// reference to the GDPR, if any.
func labelRef(g schema.Garantie) string {
	o, _ := schema.OptionOf(g)
	if g == "" || o.Ref == "" {
		return o.Label
	}
	return o.Label + ", au sens de l'" + o.Ref
}

func purposeTerm(t *schema.Traitement, f *schema.Finalite) string {
	if f.Libelle != "" {
		return f.Libelle
	}
	return t.Libelle
}

// refs gathers the ids an activity field names.
func refs(acts []*schema.Traitement, field func(*schema.Traitement) []string) []string {
	var out []string
	for _, t := range acts {
		out = append(out, field(t)...)
	}
	return out
}

// pick returns the elements of list whose id is among ids.
func pick[T any](list []T, id func(*T) string, ids []string) []*T {
	var out []*T
	for i := range list {
		if slices.Contains(ids, id(&list[i])) {
			out = append(out, &list[i])
		}
	}
	return out
}
