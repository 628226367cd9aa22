// Package check holds the completeness rules that the law sets for the
// documents (see docs/regles.md): references between parts of the model and
// the legal checklist. Syntax and schema problems are found while loading.
package check

import (
	"fmt"

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
	// Ref is the legal source of the rule.
	Ref string
	// Title says in French what the rule requires.
	Title string

	check func(*run)
}

// Rules lists every rule, in the order of the legal checklist.
var Rules []*Rule

// Org runs every rule on an organization whose files loaded without error.
func Org(o *load.Org) diag.List {
	var out diag.List
	for _, r := range Rules {
		rn := &run{org: o, rule: r, out: &out}
		r.check(rn)
	}
	out.Sort()
	return out
}

// run is the state of one rule on one organization.
type run struct {
	org  *load.Org
	rule *Rule
	out  *diag.List
}

// report adds a finding with the rule's severity.
func (r *run) report(pos diag.Pos, format string, args ...any) {
	*r.out = append(*r.out, diag.Finding{Pos: pos, Severity: r.rule.Severity, Rule: r.rule.ID, Message: fmt.Sprintf(format, args...)})
}

// missing reports that field of an element is missing, as a warning when the
// element declares the gap in a_completer (with its explanation).
func (r *run) missing(o schema.Origin, gaps schema.Lacunes, field, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	sev := r.rule.Severity
	if why, ok := gaps[field]; ok {
		sev = diag.Warning
		msg += " (à compléter : " + why + ")"
	}
	*r.out = append(*r.out, diag.Finding{Pos: r.org.Pos(o, field), Severity: sev, Rule: r.rule.ID, Message: msg})
}
