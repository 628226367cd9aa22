// Package check holds the completeness rules that the law sets for the
// documents (see docs/regles.md): references between parts of the model and
// the legal checklist. Syntax and schema problems are found while loading.
package check

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rgpdoc/rgpdoc/build/diag"
	"github.com/rgpdoc/rgpdoc/build/load"
	"github.com/rgpdoc/rgpdoc/schema"
)

// Rule is one check of an organization's content.
type Rule struct {
	// ID is the rule id shown in brackets after each finding.
	ID string
	// Severity is the severity of the rule's findings, unless the missing fact
	// is declared in a_completer, which makes it a warning.
	Severity diag.Severity
	// Ref is the legal source of the rule; empty for the rules that keep the
	// model itself consistent.
	Ref string
	// Title says in French what the rule requires.
	Title string

	check func(*run)
}

// Org runs every rule on an organization whose files loaded without error.
// The site gives the defaults files, whose texts the organization's
// documents show too; themes are the names of the HTML themes the
// organization may choose from, nil for the embedded ones.
func Org(site *load.Site, o *load.Org, themes []string) diag.List {
	var out diag.List
	m := newModel(o.Content, append(slices.Clone(site.Defaults), o.Files...))
	m.themes = themes
	for _, r := range Rules {
		r.check(&run{org: o, model: m, rule: r, out: &out})
	}
	m.applyDerogations(&run{org: o, model: m, rule: ruleByID("derogation"), out: &out}, out)
	out.Sort()
	// A fact shared by several traitements (a retention row, a recipient)
	// would otherwise be reported once per traitement.
	return slices.Compact(out)
}

// run is the state of one rule on one organization.
type run struct {
	org *load.Org
	*model
	rule *Rule
	out  *diag.List
}

// report adds a finding with the rule's severity.
func (r *run) report(pos diag.Pos, format string, args ...any) {
	r.reportPoint(pos, r.rule.point(), format, args...)
}

// reportPoint is report with the sentence the draft banner shows, when the
// element's own facts say more to a legal reader than the rule's title.
func (r *run) reportPoint(pos diag.Pos, point, format string, args ...any) {
	*r.out = append(*r.out, diag.Finding{Pos: pos, Severity: r.rule.Severity, Rule: r.rule.ID, Message: fmt.Sprintf(format, args...),
		Document: point})
}

// point is what the draft banner says of a finding of the rule that the
// documents do not show at its place: the rule's requirement, to check.
func (r *Rule) point() string {
	return "À vérifier : " + lower(r.Title) + "."
}

// lower puts the first letter of s in lower case, unless it starts an
// acronym ("DPO").
func lower(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if next, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// missing reports that field of an element is missing, as a warning when the
// element declares the gap in a_completer (with its explanation).
func (r *run) missing(o schema.Origin, gaps schema.Lacunes, field, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	sev, point := r.rule.Severity, r.rule.point()
	if why, ok := gaps[field]; ok {
		// The documents show a declared gap at its place.
		sev, point = diag.Warning, ""
		msg += " (à compléter : " + why + ")"
	}
	*r.out = append(*r.out, diag.Finding{Pos: r.org.Pos(o, field), Severity: sev, Rule: r.rule.ID, Message: msg, Document: point})
}

// gapField returns the first of fields that the element declares in
// a_completer, or the first field: when any of several fields would do
// (an email or a postal address), a gap declared on one of them covers the
// finding.
func gapField(gaps schema.Lacunes, fields ...string) string {
	for _, f := range fields {
		if _, ok := gaps[f]; ok {
			return f
		}
	}
	return fields[0]
}

// model indexes an organization's merged content for the rules.
type model struct {
	c             *schema.Contenu
	personnes     map[string]*schema.Personne
	donnees       map[string]*schema.Donnee
	destinataires map[string]*schema.Destinataire
	transferts    map[string]*schema.Transfert
	conservation  map[string]*schema.Conservation
	clients       map[string]*schema.Client
	// texts are the strings of the defaults and of the organization's files;
	// notes, those of a_completer and a_verifier, which describe the source
	// but show in the documents too.
	texts, notes []text
	// themes are the names of the HTML themes; nil for the embedded ones.
	themes []string
}

func newModel(c *schema.Contenu, files []*load.File) *model {
	texts, notes := collectTexts(files)
	return &model{
		c:             c,
		personnes:     byID(c.Personnes, func(p *schema.Personne) string { return p.ID }),
		donnees:       byID(c.Donnees, func(d *schema.Donnee) string { return d.ID }),
		destinataires: byID(c.Destinataires, func(d *schema.Destinataire) string { return d.ID }),
		transferts:    byID(c.Transferts, func(t *schema.Transfert) string { return t.ID }),
		conservation:  byID(c.Conservation, func(k *schema.Conservation) string { return k.ID }),
		clients:       byID(c.Clients, func(k *schema.Client) string { return k.ID }),
		texts:         texts,
		notes:         notes,
	}
}

// byID indexes a list by id; with duplicate ids (reported by id-en-double)
// the first element wins.
func byID[T any](list []T, id func(*T) string) map[string]*T {
	m := make(map[string]*T, len(list))
	for i := range list {
		if _, dup := m[id(&list[i])]; !dup {
			m[id(&list[i])] = &list[i]
		}
	}
	return m
}

// politique returns the published privacy policy, or nil.
func (m *model) politique() *schema.Publication {
	if m.c.Documents == nil {
		return nil
	}
	return m.c.Documents.Politique
}

// registre returns the published register, or nil.
func (m *model) registre() *schema.Publication {
	if m.c.Documents == nil {
		return nil
	}
	return m.c.Documents.Registre
}

// charte returns the published data charter, or nil.
func (m *model) charte() *schema.Charte {
	if m.c.Documents == nil {
		return nil
	}
	return m.c.Documents.Charte
}

// controller reports whether the organization decides the purposes of t:
// the policy and the controller part of the register describe those
// traitements, the charter and the processor part the others.
func controller(t *schema.Traitement) bool { return t.Role != "sous_traitant" }

// controllerData returns the ids of the data categories that a traitement
// of the organization as controller uses.
func (m *model) controllerData() map[string]bool {
	used := map[string]bool{}
	for i := range m.c.Traitements {
		if t := &m.c.Traitements[i]; controller(t) {
			for _, d := range t.Donnees {
				used[d] = true
			}
		}
	}
	return used
}

// hasBasis reports whether a traitement of the organization as controller
// has a purpose on one of the bases.
func (m *model) hasBasis(bases ...schema.BaseLegale) bool {
	for _, t := range m.c.Traitements {
		if !controller(&t) {
			continue
		}
		for _, f := range t.Finalites {
			if slices.Contains(bases, f.BaseLegale) {
				return true
			}
		}
	}
	return false
}

// q quotes a name the French way.
func q(s string) string { return "« " + s + " »" }

// finaliteName names a purpose by its title, or by the start of its description.
func finaliteName(f *schema.Finalite) string {
	if f.Libelle != "" {
		return q(f.Libelle)
	}
	d := strings.Join(strings.Fields(f.Description), " ")
	if r := []rune(d); len(r) > 50 {
		d = strings.TrimSpace(string(r[:50])) + "…"
	}
	return q(d)
}

// countries names countries in French: "États-Unis et Inde".
func countries(ps []schema.Pays) string {
	var names []string
	for _, p := range ps {
		names = append(names, p.Name())
	}
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " et " + names[len(names)-1]
}
