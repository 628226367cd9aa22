package check

import (
	"strings"

	"github.com/rgpdoc/rgpdoc/schema"
)

// checkAIPD warns when an activity meets two or more of the nine criteria of
// the CNIL's guidelines and records neither an impact assessment nor why
// none was done (art. 35 of the GDPR): the register must show one or the other.
func checkAIPD(r *run) {
	if r.registre() == nil {
		return
	}
	for _, t := range r.c.Traitements {
		a := t.AIPD
		if a == nil || len(a.Criteres) < 2 || a.RealiseeLe != "" || strings.TrimSpace(a.Dispense) != "" {
			continue
		}
		var names []string
		for _, c := range a.Criteres {
			names = append(names, schema.Label(c))
		}
		r.report(r.org.Pos(a.Src, "criteres"), "le traitement %s remplit %d critères de l'analyse d'impact (%s) : "+
			"une analyse d'impact est requise ; indiquez sa date (aipd.realisee_le) ou la raison de ne pas la faire (aipd.dispense)",
			q(t.ID), len(a.Criteres), strings.Join(names, ", "))
	}
}
