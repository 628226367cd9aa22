package schema

import (
	"reflect"
	"strings"
)

// Fields calls visit with each field of the model that has a key, in every
// object type reachable from Contenu, each type once; key is the field's
// YAML and JSON key.
func Fields(visit func(key string, f reflect.StructField)) {
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		for i := range t.NumField() {
			f := t.Field(i)
			if key, _, _ := strings.Cut(f.Tag.Get("json"), ","); !f.Anonymous && key != "" && key != "-" {
				visit(key, f)
			}
			walk(f.Type)
		}
	}
	walk(reflect.TypeFor[Contenu]())
}
