package check

import (
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/rgpdoc/rgpdoc/build/diag"
	"github.com/rgpdoc/rgpdoc/build/doc"
	"github.com/rgpdoc/rgpdoc/schema"
)

// addressKeys gives, by key, the kind of address of the fields of the model
// whose schema format is uri or email. A key names the same kind of field
// wherever it is used, which the walk checks.
var addressKeys = sync.OnceValue(func() map[string]doc.Address {
	kinds := map[string]doc.Address{}
	plain := map[string]bool{} // string fields with no address format
	schema.Fields(func(key string, f reflect.StructField) {
		switch tag := f.Tag.Get("jsonschema"); {
		case strings.Contains(tag, "format=uri"):
			kinds[key] = doc.Web
		case strings.Contains(tag, "format=email"):
			kinds[key] = doc.Email
		case f.Type.Kind() == reflect.String:
			plain[key] = true
		}
	})
	for key := range kinds {
		if plain[key] {
			panic(fmt.Sprintf("check: the key %q names an address in one object and a text in another", key))
		}
	}
	return kinds
})

// checkLiens applies the link policy (doc.Href) to the address fields and
// to the links of the free texts: what it refuses would be shown as plain
// text, or not at all.
func checkLiens(r *run) {
	report := func(t text, sev diag.Severity, format string, args ...any) {
		*r.out = append(*r.out, diag.Finding{Pos: t.file.Pos(t.ptr()), Severity: sev, Rule: r.rule.ID, Message: fmt.Sprintf(format, args...)})
	}
	heavy := r.heavyMarkup() // reported by caracteres
	for _, t := range r.texts {
		kind, ok := addressKeys()[t.key]
		// The documentation of a transfer is an address or a procedure.
		if t.key == "documentation" && strings.Contains(t.s, "://") {
			kind, ok = doc.Web, true
		}
		switch {
		case ok:
			if _, problem, warn := doc.Href(kind, t.s); warn {
				report(t, diag.Warning, "%s : %s", q(t.s), problem)
			} else if problem != "" {
				report(t, diag.Error, "%s : %s", q(t.s), problem)
			}
		case t.prose && !heavy[t.file]:
			for _, dest := range doc.Links(t.s) {
				if _, problem, warn := doc.Href(doc.Prose, dest); problem != "" && !warn {
					report(t, diag.Error, "lien %s refusé : %s ; il serait publié comme simple texte", q(dest), problem)
				}
			}
		}
	}
}
