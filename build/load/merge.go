package load

import (
	"fmt"
	"reflect"

	"github.com/rgpdoc/rgpdoc/build/diag"
	"github.com/rgpdoc/rgpdoc/schema"
)

// combine merges the files of one level (the defaults, or one organization):
// lists add up, and an object section (organisation, documents, droits,
// sous_traitance) may be written in one file only, since two versions of it
// would leave a legal fact ambiguous.
func combine(files []*File) (schema.Contenu, diag.List) {
	var out schema.Contenu
	var findings diag.List
	seen := map[string]*File{}
	dst := reflect.ValueOf(&out).Elem()
	for _, f := range files {
		if f.Content == nil {
			continue
		}
		src := reflect.ValueOf(f.Content).Elem()
		for i := range dst.NumField() {
			d, s := dst.Field(i), src.Field(i)
			switch d.Kind() {
			case reflect.Slice:
				d.Set(reflect.AppendSlice(d, s))
			case reflect.Pointer:
				if s.IsNil() {
					continue
				}
				name := jsonName(dst.Type().Field(i))
				if prev := seen[name]; prev != nil {
					p := prev.at("/"+name, true)
					findings = append(findings, diag.Finding{Pos: f.at("/"+name, true), Severity: diag.Error, Rule: "section-en-double",
						Message: fmt.Sprintf("la section « %s » est déjà définie dans %s (ligne %d) : regroupez-la dans un seul fichier", name, p.File, p.Line)})
					continue
				}
				seen[name] = f
				d.Set(s)
			}
		}
	}
	return out, findings
}

// inherit lays an organization's content over the defaults: the
// organization's values win field by field, and its list items replace the
// default items that have the same id.
func inherit(defaults, own schema.Contenu) schema.Contenu {
	var out schema.Contenu
	reflect.ValueOf(&out).Elem().Set(overlay(reflect.ValueOf(defaults), reflect.ValueOf(own)))
	return out
}

func overlay(base, top reflect.Value) reflect.Value {
	switch base.Kind() {
	case reflect.Pointer:
		if top.IsNil() {
			return base
		}
		if base.IsNil() {
			return top
		}
		out := reflect.New(base.Type().Elem())
		out.Elem().Set(overlay(base.Elem(), top.Elem()))
		return out
	case reflect.Struct:
		out := reflect.New(base.Type()).Elem()
		for i := range base.NumField() {
			out.Field(i).Set(overlay(base.Field(i), top.Field(i)))
		}
		return out
	case reflect.Slice:
		elem := base.Type().Elem()
		var id reflect.StructField
		ok := false
		if elem.Kind() == reflect.Struct {
			id, ok = elem.FieldByName("ID")
		}
		if !ok || base.Len() == 0 {
			if top.Len() > 0 {
				return top
			}
			return base
		}
		replaced := map[string]bool{}
		for i := range top.Len() {
			replaced[top.Index(i).FieldByIndex(id.Index).String()] = true
		}
		out := reflect.MakeSlice(base.Type(), 0, base.Len()+top.Len())
		for i := range base.Len() {
			if !replaced[base.Index(i).FieldByIndex(id.Index).String()] {
				out = reflect.Append(out, base.Index(i))
			}
		}
		return reflect.AppendSlice(out, top)
	default:
		if top.IsZero() {
			return base
		}
		return top
	}
}
