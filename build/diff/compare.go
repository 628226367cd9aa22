// Package diff compares two states of the content, organization by
// organization, and says of each change whether people must be told before
// it applies (a substantial change, art. 12 to 14 of the GDPR and WP260
// rev.01, § 29 to 32) or not. The model is compared field by field; the
// table in rules.go says which paths are substantial.
package diff

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/rgpdoc/rgpdoc/build/typo"
	"github.com/rgpdoc/rgpdoc/schema"
)

// change is one difference between two models, before its document and
// message are known.
type change struct {
	// path is the concrete path: traitements[prospection].destinataires.
	path string
	// generic is the path without ids and indices: traitements.destinataires.
	generic string
	// top is the element of a list at the top of the model the change is
	// in, as list[id] (traitements[prospection]), or the top key alone.
	top           string
	before, after string
	// where names the element changed, for the message: « traitement
	// « Prospection commerciale » ».
	where string
	// added or removed is set for an element added to or removed from a
	// list, or an item of a list of values.
	added, removed bool
	// longer is set when a duration got longer; shorter when it got shorter.
	longer, shorter bool
}

// compare returns the differences between the models a and b.
func compare(a, b *schema.Contenu) []change {
	var out []change
	w := walker{out: &out}
	w.value(reflect.ValueOf(*a), reflect.ValueOf(*b), "", "", "", "")
	return out
}

type walker struct{ out *[]change }

// leaves are the types compared as one value, written in words.
var leaves = map[reflect.Type]func(v reflect.Value) string{
	reflect.TypeFor[schema.Duree](): func(v reflect.Value) string {
		d := v.Interface().(schema.Duree)
		if d.Valeur == 0 {
			return ""
		}
		return strings.Join(nonEmpty(typo.Duree(d), schema.Label(d.Depart)), " ")
	},
	reflect.TypeFor[schema.Adresse](): func(v reflect.Value) string {
		a := v.Interface().(schema.Adresse)
		return strings.Join(nonEmpty(a.Attention, a.Voie, a.Complement, a.CodePostal+" "+a.Ville, string(a.Pays)), ", ")
	},
	reflect.TypeFor[schema.Contact](): func(v reflect.Value) string {
		c := v.Interface().(schema.Contact)
		return strings.Join(nonEmpty(c.Nom, c.Email, c.Telephone), ", ")
	},
}

func nonEmpty(parts ...string) []string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// value compares a and b, of the same type, at path.
func (w walker) value(a, b reflect.Value, path, generic, top, where string) {
	t := a.Type()
	if f, ok := leaves[t]; ok {
		w.leaf(f(a), f(b), path, generic, top, where, t == reflect.TypeFor[schema.Duree]() && longerOf(a, b))
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		if a.IsNil() && b.IsNil() {
			return
		}
		w.value(deref(a), deref(b), path, generic, top, where)
	case reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			name := jsonName(f)
			switch {
			case f.Anonymous:
				w.value(a.Field(i), b.Field(i), path, generic, top, where)
			case name != "" && name != "$schema":
				p, g := join(path, name), join(generic, name)
				nextTop := top
				if top == "" {
					nextTop = name
				}
				w.value(a.Field(i), b.Field(i), p, g, nextTop, where)
			}
		}
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Struct && !isLeaf(t.Elem()) {
			w.elements(a, b, path, generic, top, where)
		} else {
			w.items(a, b, path, generic, top, where)
		}
	case reflect.Map:
		w.leaf(mapText(a), mapText(b), path, generic, top, where, false)
	default:
		w.leaf(text(a), text(b), path, generic, top, where, false)
	}
}

func isLeaf(t reflect.Type) bool { _, ok := leaves[t]; return ok }

// deref returns what v points to, or the zero value of its type for nil.
func deref(v reflect.Value) reflect.Value {
	if v.IsNil() {
		return reflect.Zero(v.Type().Elem())
	}
	return v.Elem()
}

func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "-" {
		return ""
	}
	return name
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func text(v reflect.Value) string {
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			return "oui"
		}
		return ""
	case reflect.Int, reflect.Int64:
		if v.Int() == 0 {
			return ""
		}
		return fmt.Sprint(v.Int())
	}
	return fmt.Sprint(v.Interface())
}

// mapText writes a map (a_completer, a_verifier) as sorted key: value pairs.
func mapText(v reflect.Value) string {
	var parts []string
	for _, k := range v.MapKeys() {
		parts = append(parts, fmt.Sprintf("%v : %v", k.Interface(), v.MapIndex(k).Interface()))
	}
	slices.Sort(parts)
	return strings.Join(parts, " ; ")
}

func (w walker) leaf(a, b, path, generic, top, where string, longer bool) {
	if a == b {
		return
	}
	c := change{path: path, generic: generic, top: top, before: a, after: b, where: where}
	if generic == "conservation.duree" || generic == "conservation.archivage.duree" {
		c.longer, c.shorter = longer, !longer && a != "" && b != ""
	}
	*w.out = append(*w.out, c)
}

// items compares lists of values (identifiers, examples, countries) as
// sets: each item added or removed is a change.
func (w walker) items(a, b reflect.Value, path, generic, top, where string) {
	as, bs := itemTexts(a), itemTexts(b)
	for _, x := range as {
		if !slices.Contains(bs, x) {
			*w.out = append(*w.out, change{path: path, generic: generic, top: top, before: x, where: where, removed: true})
		}
	}
	for _, x := range bs {
		if !slices.Contains(as, x) {
			*w.out = append(*w.out, change{path: path, generic: generic, top: top, after: x, where: where, added: true})
		}
	}
}

func itemTexts(v reflect.Value) []string {
	var out []string
	for i := range v.Len() {
		e := v.Index(i)
		if f, ok := leaves[e.Type()]; ok {
			out = append(out, f(e))
		} else {
			out = append(out, text(e))
		}
	}
	return out
}

// elements compares lists of elements: those with an id are matched by
// id, others by position.
func (w walker) elements(a, b reflect.Value, path, generic, top, where string) {
	type elem struct {
		key   string
		v     reflect.Value
		label string
	}
	list := func(v reflect.Value) []elem {
		var out []elem
		for i := range v.Len() {
			e := v.Index(i)
			key := fmt.Sprint(i)
			if f := e.FieldByName("ID"); f.IsValid() && f.String() != "" {
				key = f.String()
			}
			if v, ok := e.Interface().(schema.Version); ok {
				key = v.Date + " " + v.Version // an entry may come first
			}
			out = append(out, elem{key, e, label(e, key)})
		}
		return out
	}
	as, bs := list(a), list(b)
	find := func(l []elem, key string) int { return slices.IndexFunc(l, func(e elem) bool { return e.key == key }) }
	for _, x := range as {
		p := path + "[" + x.key + "]"
		t := top
		if top == path {
			t = p
		}
		if j := find(bs, x.key); j >= 0 {
			w.value(x.v, bs[j].v, p, generic, t, whereOf(where, generic, bs[j].label))
		} else {
			*w.out = append(*w.out, change{path: p, generic: generic, top: t, before: x.label, where: where, removed: true})
		}
	}
	for _, y := range bs {
		if find(as, y.key) < 0 {
			p := path + "[" + y.key + "]"
			t := top
			if top == path {
				t = p
			}
			*w.out = append(*w.out, change{path: p, generic: generic, top: t, after: y.label, where: where, added: true})
		}
	}
}

// label names an element in messages: its libellé, name or title, or its key.
func label(e reflect.Value, key string) string {
	for _, name := range []string{"Libelle", "Nom", "Terme", "Titre", "Description", "Version", "Date", "Groupe"} {
		if f := e.FieldByName(name); f.IsValid() && f.Kind() == reflect.String && f.String() != "" {
			return f.String()
		}
	}
	return key
}

// whereOf adds an element to the place a change is in: « traitement
// « Prospection commerciale » ».
func whereOf(where, generic, label string) string {
	noun := rule(generic).Label
	s := noun + " « " + label + " »"
	if where == "" {
		return s
	}
	return where + ", " + s
}

// longerOf tells whether the duration b is longer than a; with only one of
// them known, whether b is the one.
func longerOf(a, b reflect.Value) bool {
	da, db := days(a.Interface().(schema.Duree)), days(b.Interface().(schema.Duree))
	return db > da
}

var unitDays = map[schema.Unite]int{"jours": 1, "semaines": 7, "mois": 30, "ans": 365}

func days(d schema.Duree) int { return d.Valeur * unitDays[d.Unite] }
