package diff

import (
	"cmp"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/rgpdoc/rgpdoc/build/diag"
	"github.com/rgpdoc/rgpdoc/build/doc"
	"github.com/rgpdoc/rgpdoc/build/load"
	"github.com/rgpdoc/rgpdoc/schema"
)

// Report is the change report; its JSON form is stable (version 1).
type Report struct {
	Version int       `json:"version"`
	Changes []Change  `json:"changes"`
	Missing []Missing `json:"missing_versions"`
	// titles and names are the documents' titles and the organizations'
	// names, for the text and Markdown forms.
	titles map[string]string `json:"-"`
	names  map[string]string `json:"-"`
	// versions are the versions of the documents that change, before and after.
	versions map[string][2]string `json:"-"`
}

// Change is one change of one document of one organization.
type Change struct {
	Org      string `json:"org"`
	Document string `json:"document"`
	// Path is the path of the changed value in the model:
	// traitements[prospection].destinataires.
	Path        string `json:"path"`
	Before      string `json:"before"`
	After       string `json:"after"`
	Substantial bool   `json:"substantial"`
	Message     string `json:"message"`
}

// Missing is a document that changes substantially without a new version:
// its « Historique des modifications » would not tell people what changed.
type Missing struct {
	Org      string `json:"org"`
	Document string `json:"document"`
	// File, Line and Column locate the document's entry under documents.
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

// Compare compares the sites a (before) and b (after), whose organizations
// are read and free of errors; ids restricts the report to those
// organizations. shown maps a file of b to the path the report gives (the
// content folder of the repository, when b was extracted from git).
func Compare(a, b *load.Site, ids []string, shown func(string) string) *Report {
	r := &Report{Version: 1, Changes: []Change{}, Missing: []Missing{},
		titles: map[string]string{}, names: map[string]string{}, versions: map[string][2]string{}}
	orgs := map[string][2]*load.Org{}
	for i, s := range []*load.Site{a, b} {
		for _, o := range s.Orgs {
			if len(ids) == 0 || slices.Contains(ids, o.ID) {
				pair := orgs[o.ID]
				pair[i] = o
				orgs[o.ID] = pair
			}
		}
	}
	for _, id := range slices.Sorted(maps.Keys(orgs)) {
		r.org(id, orgs[id][0], orgs[id][1], shown)
	}
	// By organization, then document, in the order of the site.
	slices.SortStableFunc(r.Changes, func(x, y Change) int {
		return cmp.Or(cmp.Compare(x.Org, y.Org),
			cmp.Compare(slices.Index(doc.Kinds, doc.Kind(x.Document)), slices.Index(doc.Kinds, doc.Kind(y.Document))))
	})
	return r
}

// references are the lists of identifiers of the model, and the list of
// elements each refers to.
var references = map[string]func(c *schema.Contenu, id string) string{
	"traitements.personnes": func(c *schema.Contenu, id string) string {
		return find(c.Personnes, id, func(e schema.Personne) (string, string) { return e.ID, e.Libelle })
	},
	"traitements.donnees": func(c *schema.Contenu, id string) string {
		return find(c.Donnees, id, func(e schema.Donnee) (string, string) { return e.ID, e.Libelle })
	},
	"traitements.destinataires": func(c *schema.Contenu, id string) string {
		return find(c.Destinataires, id, func(e schema.Destinataire) (string, string) { return e.ID, e.Libelle })
	},
	"traitements.transferts": func(c *schema.Contenu, id string) string {
		return find(c.Transferts, id, func(e schema.Transfert) (string, string) { return e.ID, e.Destinataire })
	},
	"traitements.conservation": func(c *schema.Contenu, id string) string {
		return find(c.Conservation, id, func(e schema.Conservation) (string, string) { return e.ID, e.Libelle })
	},
	"traitements.clients": func(c *schema.Contenu, id string) string {
		return find(c.Clients, id, func(e schema.Client) (string, string) { return e.ID, e.Libelle })
	},
}

// find returns the label of the element id of list, or id.
func find[T any](list []T, id string, key func(T) (string, string)) string {
	for _, e := range list {
		if k, l := key(e); k == id {
			return l
		}
	}
	return id
}

// named replaces the identifiers of a change by the labels of the elements
// they name, in the model that has them.
func named(c change, a, b *schema.Contenu) change {
	if f, ok := references[c.generic]; ok {
		if c.before != "" {
			c.before = f(a, c.before)
		}
		if c.after != "" {
			c.after = f(b, c.after)
		}
	}
	return c
}

// org adds the changes of one organization.
func (r *Report) org(id string, a, b *load.Org, shown func(string) string) {
	switch {
	case a == nil:
		r.names[id] = name(b.Content, id)
		r.Changes = append(r.Changes, Change{Org: id, Message: "organisation ajoutée : tous ses documents sont nouveaux"})
		return
	case b == nil:
		r.names[id] = name(a.Content, id)
		r.Changes = append(r.Changes, Change{Org: id, Message: "organisation supprimée : ses documents ne sont plus publiés"})
		return
	}
	ca, cb := a.Content, b.Content
	r.names[id] = name(cb, id)
	for _, c := range compare(ca, cb) {
		c = named(c, ca, cb)
		weight := rule(c.generic).Weight
		substantial := weight == Substantial && !sameText(c.before, c.after) || weight == Longer && (c.longer || c.before == "")
		for _, k := range documents(c, ca, cb) {
			if _, ok := r.titles[id+"/"+string(k)]; !ok {
				r.titles[id+"/"+string(k)] = doc.Build(k, id, cb).Title
			}
			r.Changes = append(r.Changes, Change{Org: id, Document: string(k), Path: c.path, Before: c.before, After: c.after,
				Substantial: substantial, Message: message(c)})
		}
	}
	for _, k := range doc.Kinds {
		if !slices.ContainsFunc(r.Changes, func(c Change) bool { return c.Org == id && c.Document == string(k) && c.Substantial }) {
			continue
		}
		pa, pb := doc.PublicationOf(k, ca), doc.PublicationOf(k, cb)
		if pa == nil || pb == nil {
			continue // a new document, or one no longer published
		}
		r.versions[id+"/"+string(k)] = [2]string{pa.Version, pb.Version}
		if pa.Version != pb.Version || len(pb.Historique) > len(pa.Historique) {
			continue
		}
		pos := b.Pos(pb.Src)
		key := publicationKey[k]
		r.Missing = append(r.Missing, Missing{Org: id, Document: string(k), File: shown(pos.File), Line: pos.Line, Column: pos.Col,
			Message: "« " + r.titles[id+"/"+string(k)] + " » change de façon substantielle sans nouvelle version : indiquez la nouvelle version (documents." +
				key + ".version) et décrivez le changement dans l'historique (documents." + key + ".historique) ; rgpdoc diff --format md en propose le texte"})
	}
}

// publicationKey is the key of a kind of document under documents.
var publicationKey = map[doc.Kind]string{doc.Politique: "politique", doc.Charte: "charte", doc.Registre: "registre"}

// name is the organization's name, or its id.
func name(c *schema.Contenu, id string) string {
	if o := c.Organisation; o != nil && o.RaisonSociale != "" {
		return o.RaisonSociale
	}
	return id
}

// sameText tells whether two texts differ only in typography: spaces,
// apostrophes, quotes, a final full stop, case.
func sameText(a, b string) bool { return typography(a) == typography(b) }

var typographic = strings.NewReplacer("’", "'", "\u00a0", " ", "\u202f", " ", "« ", "\"", " »", "\"", "«", "\"", "»", "\"", "“", "\"", "”", "\"")

func typography(s string) string {
	s = strings.Join(strings.Fields(typographic.Replace(s)), " ")
	return strings.ToLower(strings.TrimSuffix(s, "."))
}

// message writes a change in French: « traitement « Prospection
// commerciale » — destinataires : ajout de « routage » ».
func message(c change) string {
	r := rule(c.generic)
	where := c.where
	if where == "" && !strings.Contains(c.top, "[") {
		where = rule(c.top).Label // organisation, document…
	}
	var what string
	switch {
	case c.added && c.path != c.generic && strings.HasSuffix(c.path, "]"):
		return strings.TrimPrefix(where+" — ", " — ") + "ajout : " + r.Label + " « " + c.after + " »"
	case c.removed && c.path != c.generic && strings.HasSuffix(c.path, "]"):
		return strings.TrimPrefix(where+" — ", " — ") + "suppression : " + r.Label + " « " + c.before + " »"
	case c.added || c.before == "":
		what = r.Label + " : ajout de « " + c.after + " »"
	case c.removed || c.after == "":
		what = r.Label + " : suppression de « " + c.before + " »"
	default:
		what = r.Label + " : « " + c.before + " » → « " + c.after + " »"
	}
	switch {
	case c.longer:
		what += " (durée allongée)"
	case c.shorter:
		what += " (durée raccourcie)"
	}
	if where == r.Label {
		return what
	}
	return where + " — " + what
}

// documents returns the documents that present a change to the people it
// concerns: the politique for what the organization decides on, the charte
// for what it does for clients, among those it publishes; the registre
// when it publishes neither.
func documents(c change, a, b *schema.Contenu) []doc.Kind {
	var kinds []doc.Kind
	top, id, _ := strings.Cut(strings.TrimSuffix(c.top, "]"), "[")
	switch top {
	case "documents":
		kinds = []doc.Kind{doc.Politique}
		for k, key := range publicationKey {
			if strings.HasPrefix(c.generic, "documents."+key+".") {
				kinds = []doc.Kind{k}
			}
		}
	case "clients", "sous_traitance":
		kinds = []doc.Kind{doc.Charte}
	case "traitements", "donnees", "personnes", "destinataires", "transferts", "conservation", "securite":
		for _, m := range []*schema.Contenu{a, b} {
			for _, t := range m.Traitements {
				if uses(m, t, top, id) {
					kinds = append(kinds, kindOf(t.Role))
				}
			}
		}
	}
	if len(kinds) == 0 {
		kinds = []doc.Kind{doc.Politique, doc.Charte}
	}
	var out []doc.Kind
	for _, k := range doc.Kinds {
		if slices.Contains(kinds, k) && (doc.PublicationOf(k, b) != nil || doc.PublicationOf(k, a) != nil) {
			out = append(out, k)
		}
	}
	if len(out) == 0 && (doc.PublicationOf(doc.Registre, b) != nil || doc.PublicationOf(doc.Registre, a) != nil) {
		out = []doc.Kind{doc.Registre}
	}
	return out
}

// uses tells whether the activity t is, or refers to, the element id of the
// list top of the model m.
func uses(m *schema.Contenu, t schema.Traitement, top, id string) bool {
	switch top {
	case "traitements":
		return t.ID == id
	case "donnees":
		return slices.Contains(t.Donnees, id)
	case "personnes":
		return slices.Contains(t.Personnes, id)
	case "destinataires":
		return slices.Contains(t.Destinataires, id) ||
			slices.ContainsFunc(m.Transferts, func(tr schema.Transfert) bool { return tr.Destinataire == id && slices.Contains(t.Transferts, tr.ID) })
	case "transferts":
		return slices.Contains(t.Transferts, id)
	case "conservation":
		return slices.Contains(t.Conservation, id)
	case "securite":
		i := slices.IndexFunc(m.Securite, func(s schema.Mesure) bool { return s.ID == id })
		return i >= 0 && (len(m.Securite[i].Traitements) == 0 || slices.Contains(m.Securite[i].Traitements, t.ID))
	}
	return false
}

func kindOf(r schema.Role) doc.Kind {
	if r == "sous_traitant" {
		return doc.Charte
	}
	return doc.Politique
}

// Shown returns the function that gives, for a file of a site read from
// dir, the path to show: the same file under display.
func Shown(dir, display string) func(string) string {
	return func(file string) string {
		if rel, err := filepath.Rel(dir, file); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(filepath.Join(display, rel))
		}
		return file
	}
}

// Errors returns the findings that prevent comparing a site: errors of its
// layout, defaults and files.
func Errors(s *load.Site) diag.List {
	var out diag.List
	for _, f := range s.Findings {
		if f.Severity == diag.Error {
			out = append(out, f)
		}
	}
	for _, o := range s.Orgs {
		for _, f := range o.Findings {
			if f.Severity == diag.Error {
				out = append(out, f)
			}
		}
	}
	return out
}
