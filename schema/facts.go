package schema

// Significant reports whether the content states that the decision produces
// legal or similarly significant effects; false when it says not, or says
// nothing (EffetsSignificatifs nil), which the rules and the documents
// treat apart.
func (d *DecisionAutomatisee) Significant() bool {
	return d != nil && d.EffetsSignificatifs != nil && *d.EffetsSignificatifs
}
