package schema

import (
	"slices"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// EU is the pseudo-country of data located "in the European Union" without a
// named member state.
const EU Pays = "EU"

var (
	frenchRegions = display.French.Regions()
	// The EEA: the 27 member states plus Iceland, Liechtenstein and Norway.
	eea = []Pays{"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
		"IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO", EU}
	// Countries with a European Commission adequacy decision (art. 45), the
	// United States only through the Data Privacy Framework.
	adequate = []Pays{"AD", "AR", "CA", "CH", "FO", "GB", "GG", "IL", "IM", "JE", "JP", "KR", "NZ", "UY"}
)

// Name returns the French name of the country ("États-Unis").
func (p Pays) Name() string {
	if p == EU {
		return "Union européenne"
	}
	r, err := language.ParseRegion(string(p))
	if err != nil {
		return string(p)
	}
	return frenchRegions.Name(r)
}

// InEEA reports whether data located in p stays inside the European Economic Area.
func (p Pays) InEEA() bool { return slices.Contains(eea, p) }

// Adequate reports whether p has an adequacy decision of its own (the United
// States are adequate only for DPF-certified companies, see Garantie "dpf").
func (p Pays) Adequate() bool { return slices.Contains(adequate, p) }

// Countries lists the codes the schema accepts for Pays: every ISO 3166-1
// alpha-2 country, then EU.
func Countries() []Pays {
	var out []Pays
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			r, err := language.ParseRegion(code)
			if err != nil || !r.IsCountry() || r.String() != code || r.IsPrivateUse() || r.Canonicalize() != r {
				continue
			}
			out = append(out, Pays(code))
		}
	}
	return append(out, EU)
}
