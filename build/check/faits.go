package check

import (
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/rgpdoc/rgpdoc/build/diag"
	"github.com/rgpdoc/rgpdoc/schema"
)

// The rules of this file ask for the facts behind sentences that the
// documents would otherwise assert by default: the absence of sensitive
// data, of automated decisions or of a DPO, the processors' contracts. A
// document states them only when the content does; else it shows the gap.

// checkAVerifier reports every value the content leaves to confirm
// (a_verifier): the documents show it « à vérifier » until it is settled.
func checkAVerifier(r *run) {
	walkVerifications(reflect.ValueOf(r.c).Elem(), schema.Origin{}, "", func(o schema.Origin, rel, name string, v schema.Verifications) {
		for _, field := range slices.Sorted(maps.Keys(v)) {
			x := v[field]
			var quoted []string
			for _, a := range x.Alternatives {
				quoted = append(quoted, quoteOnce(strings.Join(strings.Fields(a), " ")))
			}
			where := dotted(o.Pointer + rel + "/" + field)
			if name != "" {
				// Elements that share a value (a YAML alias) are told apart by name.
				where += " de " + q(name)
			}
			msg := "valeur à vérifier (" + where + ") : la source donne " + andList(quoted)
			if x.Motif != "" {
				msg += " (" + strings.Join(strings.Fields(x.Motif), " ") + ")"
			}
			path := append(splitPointer(rel), "a_verifier", field)
			*r.out = append(*r.out, diag.Finding{Pos: r.org.Pos(o, path...), Severity: r.rule.Severity, Rule: r.rule.ID, Message: msg})
		}
	})
}

// walkVerifications calls visit for each non-empty a_verifier of the model,
// with the origin of the nearest element that has one and the path from it.
func walkVerifications(v reflect.Value, o schema.Origin, rel string, visit func(o schema.Origin, rel, name string, v schema.Verifications)) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walkVerifications(v.Elem(), o, rel, visit)
		}
	case reflect.Slice:
		for i := range v.Len() {
			walkVerifications(v.Index(i), o, rel+"/"+strconv.Itoa(i), visit)
		}
	case reflect.Struct:
		if src := v.FieldByName("Src"); src.IsValid() && src.Type() == reflect.TypeFor[schema.Origin]() && src.Interface().(schema.Origin).File != "" {
			o, rel = src.Interface().(schema.Origin), ""
		}
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			switch {
			case f.Type == reflect.TypeFor[schema.Verifications]():
				if m := v.Field(i).Interface().(schema.Verifications); len(m) > 0 {
					visit(o, rel, elementName(v), m)
				}
			case !holdsVerifications(f.Type):
			case f.Anonymous:
				walkVerifications(v.Field(i), o, rel, visit)
			case name != "" && name != "-":
				walkVerifications(v.Field(i), o, rel+"/"+name, visit)
			}
		}
	}
}

// holding caches holdsVerifications by type.
var holding sync.Map // reflect.Type → bool

// holdsVerifications reports whether a value of type t can hold an
// a_verifier: the walk skips the other fields (names, texts, lists of
// them), which are most of the model, without making their paths.
func holdsVerifications(t reflect.Type) bool {
	if h, ok := holding.Load(t); ok {
		return h.(bool)
	}
	seen := map[reflect.Type]bool{}
	var holds func(t reflect.Type) bool
	holds = func(t reflect.Type) bool {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice:
			return holds(t.Elem())
		case reflect.Struct:
			if seen[t] {
				return false // a type that contains itself: its fields are being looked at
			}
			seen[t] = true
			for i := range t.NumField() {
				if ft := t.Field(i).Type; ft == reflect.TypeFor[schema.Verifications]() || holds(ft) {
					return true
				}
			}
		}
		return false
	}
	h := holds(t)
	holding.Store(t, h)
	return h
}

// dotted names a field by its path without list indexes: "organisation.dpo.adresse".
func dotted(ptr string) string {
	var out []string
	for _, t := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		if _, err := strconv.Atoi(t); err != nil && t != "" {
			out = append(out, t)
		}
	}
	return strings.Join(out, ".")
}

// elementName names an element of a list by its label or its id, or "".
func elementName(v reflect.Value) string {
	for _, f := range []string{"Libelle", "ID"} {
		if x := v.FieldByName(f); x.IsValid() && x.Kind() == reflect.String && x.String() != "" {
			return x.String()
		}
	}
	return ""
}

func splitPointer(rel string) []string {
	if rel == "" {
		return nil
	}
	return strings.Split(strings.TrimPrefix(rel, "/"), "/")
}

// quoteOnce quotes a value the source gives, unless it quotes the source
// itself already.
func quoteOnce(s string) string {
	if strings.Contains(s, "«") {
		return s
	}
	return q(s)
}

// andList joins names the French way: "a", "a et b", "a, b et c".
func andList(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " et " + items[len(items)-1]
}

// checkDonneesSensiblesDeclarees asks each sheet of the register to say
// whether the activity processes special categories of data: the data it
// cites say so (sensible), or the activity declares « aucune ».
func checkDonneesSensiblesDeclarees(r *run) {
	if r.registre() == nil {
		return
	}
	for i := range r.c.Traitements {
		t := &r.c.Traitements[i]
		var sensitive []string
		for _, id := range t.Donnees {
			if d := r.donnees[id]; d != nil && d.Sensible != nil {
				sensitive = append(sensitive, q(id))
			}
		}
		switch {
		case len(sensitive) > 0 && t.DonneesSensibles == "aucune":
			r.report(r.org.Pos(t.Src, "donnees_sensibles"), "le traitement %s déclare ne porter sur aucune donnée sensible mais cite des données sensibles : %s",
				q(t.ID), strings.Join(sensitive, ", "))
		case len(sensitive) == 0 && t.DonneesSensibles == "":
			r.missing(t.Src, t.ACompleter, "donnees_sensibles", "le traitement %s ne dit pas s'il porte sur des catégories particulières de données : "+
				"citez les données sensibles (sensible) ou déclarez donnees_sensibles: aucune", q(t.ID))
		}
	}
}

// checkDecisionsDeclarees asks a policy whose activities take no decision of
// significant effect to say what the organization does not decide
// automatically, in the scope its source gives.
func checkDecisionsDeclarees(r *run) {
	if r.politique() == nil {
		return
	}
	var decided []string
	for i := range r.c.Traitements {
		t := &r.c.Traitements[i]
		if !controller(t) || t.DecisionAutomatisee == nil {
			continue
		}
		if t.DecisionAutomatisee.Significant() || t.DecisionAutomatisee.EffetsSignificatifs == nil {
			// The right of article 22 is then described, or its gap shown.
			return
		}
		decided = append(decided, q(t.ID))
	}
	o := r.c.Organisation
	if o == nil {
		o = &schema.Organisation{}
	}
	switch {
	case o.SansDecisionAutomatisee == "":
		r.missing(o.Src, o.ACompleter, "sans_decision_automatisee", "la politique doit dire si l'organisation prend des décisions fondées exclusivement sur un traitement automatisé : "+
			"décrivez-les (decision_automatisee d'un traitement) ou déclarez lesquelles elle ne prend pas (organisation.sans_decision_automatisee)")
	case o.SansDecisionAutomatisee == "toute_decision" && len(decided) > 0:
		r.report(r.org.Pos(o.Src, "sans_decision_automatisee"), "l'organisation déclare ne prendre aucune décision automatisée mais les traitements %s en décrivent une",
			strings.Join(decided, ", "))
	}
}

// checkContratSousTraitant asks, for each processor that receives data, whether
// a contract of article 28 binds it; in the charter, for each sub-processor,
// whether its contract imposes the processor's own obligations (§ 4).
func checkContratSousTraitant(r *run) {
	if !r.publishes() {
		return
	}
	ctrlDocs := r.politique() != nil || r.registre() != nil
	done := map[string]bool{}
	for i := range r.c.Traitements {
		t := &r.c.Traitements[i]
		for _, id := range t.Destinataires {
			d := r.destinataires[id]
			if d == nil || d.Type != "sous_traitant" {
				continue
			}
			switch {
			case controller(t) && ctrlDocs && !done["c"+id]:
				done["c"+id] = true
				r.binding(d, d.ContratArt28, "contrat_art28", "un contrat conforme à l'article 28 du RGPD")
			case !controller(t) && r.charte() != nil && !done["s"+id]:
				done["s"+id] = true
				r.binding(d, d.MemesObligations, "memes_obligations", "un contrat qui lui impose les mêmes obligations que celles prises envers les clients (art. 28, § 4, du RGPD)")
			}
		}
	}
}

// binding reports a processor's contract that is missing or said not to exist.
func (r *run) binding(d *schema.Destinataire, v *bool, field, what string) {
	switch {
	case v == nil:
		r.missing(d.Src, d.ACompleter, field, "le sous-traitant %s reçoit des données : indiquez s'il est lié par %s (%s)", q(d.ID), what, field)
	case !*v:
		r.report(r.org.Pos(d.Src, field), "le sous-traitant %s n'est pas lié par %s : le RGPD l'exige", q(d.ID), what)
	}
}

// checkDPODesignation asks the content to say whether a DPO is designated:
// the documents give the DPO's contact details, or say that there is none.
func checkDPODesignation(r *run) {
	if !r.publishes() {
		return
	}
	o := r.c.Organisation
	if o == nil {
		o = &schema.Organisation{}
	}
	switch {
	case o.DPO == nil && !o.SansDPO:
		r.missing(o.Src, o.ACompleter, "dpo", "l'organisation ne dit pas si elle a désigné un délégué à la protection des données : "+
			"donnez ses coordonnées (dpo) ou déclarez sans_dpo: true")
	case o.DPO != nil && o.SansDPO:
		r.report(r.org.Pos(o.Src, "sans_dpo"), "l'organisation déclare n'avoir pas désigné de délégué à la protection des données mais en décrit un (dpo)")
	}
}
