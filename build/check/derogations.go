package check

import (
	"slices"
	"strings"

	"github.com/rgpdoc/rgpdoc/build/diag"
	"github.com/rgpdoc/rgpdoc/build/doc"
	"github.com/rgpdoc/rgpdoc/schema"
)

// Derogations: an organization accepts one warning of one rule on one
// element, with a reason that the register shows to the auditor.

// rulesByID indexes Rules; filled by init, since the derogation rule itself
// looks rules up.
var rulesByID = map[string]*Rule{}

func init() {
	for _, r := range Rules {
		rulesByID[r.ID] = r
		doc.RuleTitles[r.ID] = r.Title
	}
}

// ruleByID returns the rule of id, or nil.
func ruleByID(id string) *Rule { return rulesByID[id] }

// elements returns where each element with an id is declared.
func (m *model) elements() map[string][]schema.Origin {
	out := map[string][]schema.Origin{}
	for _, l := range m.lists() {
		for i, id := range l.ids {
			out[id] = append(out[id], l.srcs[i])
		}
	}
	return out
}

// checkDerogations reports the derogations that name no rule that can be
// accepted, or no element.
func checkDerogations(r *run) {
	elements := r.elements()
	var ids, known []string
	for id := range rulesByID {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for id := range elements {
		known = append(known, id)
	}
	slices.Sort(known)
	for _, d := range r.c.Derogations {
		rule := ruleByID(d.Regle)
		switch {
		case rule == nil:
			r.reportError(r.org.Pos(d.Src, "regle"), "la dérogation vise la règle %s, qui n'existe pas%s (voir docs/regles.md)", q(d.Regle), suggest(d.Regle, ids))
		case rule.Severity == diag.Error:
			r.reportError(r.org.Pos(d.Src, "regle"), "la règle %s signale des erreurs, qu'aucune dérogation ne peut accepter : corrigez le contenu, "+
				"ou déclarez le fait manquant dans a_completer", q(d.Regle))
		case d.Element != "" && elements[d.Element] == nil:
			r.reportError(r.org.Pos(d.Src, "element"), "la dérogation vise l'élément %s, qui n'est déclaré nulle part%s", q(d.Element), suggest(d.Element, known))
		}
	}
}

// suggest returns « ; vouliez-vous dire … ? » with the closest of known, or "".
func suggest(s string, known []string) string {
	if c := schema.Closest(s, known); c != "" {
		return " ; vouliez-vous dire " + q(c) + " ?"
	}
	return ""
}

// reportError adds an error finding whatever the rule's severity.
func (r *run) reportError(pos diag.Pos, format string, args ...any) {
	n := len(*r.out)
	r.report(pos, format, args...)
	(*r.out)[n].Severity = diag.Error
}

// applyDerogations marks as accepted the warnings that a derogation of the
// organization names, and warns of the derogations that match none.
func (m *model) applyDerogations(r *run, out diag.List) {
	elements := m.elements()
	for _, d := range m.c.Derogations {
		rule := ruleByID(d.Regle)
		if rule == nil || rule.Severity == diag.Error || (d.Element != "" && elements[d.Element] == nil) {
			continue // reported by checkDerogations
		}
		matched := false
		for i := range out {
			f := &out[i]
			if f.Rule == d.Regle && f.Severity != diag.Error && (d.Element == "" || slices.ContainsFunc(elements[d.Element], func(o schema.Origin) bool { return within(f.Pos, o) })) {
				// The register shows the departure and its reason: no draft banner.
				f.Severity, f.Motif, f.Document, matched = diag.Accepted, d.Motif, "", true
			}
		}
		if !matched {
			on := ""
			if d.Element != "" {
				on = " sur l'élément " + q(d.Element)
			}
			r.report(r.org.Pos(d.Src), "la dérogation à la règle %s%s ne correspond plus à aucun avertissement : retirez-la du contenu", q(d.Regle), on)
		}
	}
}

// within reports whether a finding's position is inside an element.
func within(p diag.Pos, o schema.Origin) bool {
	return p.File == o.File && (p.Pointer == o.Pointer || strings.HasPrefix(p.Pointer, o.Pointer+"/"))
}
