package schema

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/invopop/jsonschema"

	"github.com/rgpdoc/rgpdoc/internal/golden"
)

// generate builds the JSON Schema from the Go types. It needs the Go sources
// (AddGoComments reads the French doc comments), so it runs as a test at
// development time and its output is committed and embedded.
func generate() ([]byte, error) {
	r := &jsonschema.Reflector{
		RequiredFromJSONSchemaTags: true,
		ExpandedStruct:             true,
		Mapper:                     mapType,
	}
	if err := r.AddGoComments("github.com/rgpdoc/rgpdoc/schema", ".", jsonschema.WithFullComment()); err != nil {
		return nil, err
	}
	// Go doc comments start with the type name ("Finalite est un objectif…");
	// an editor's tooltip reads better without it ("Un objectif…").
	for k, v := range r.CommentMap {
		qualified := k[strings.LastIndex(k, "/")+1:] // "schema.Type" or "schema.Type.Field"
		_, name, isType := strings.Cut(qualified, ".")
		isType = isType && !strings.Contains(name, ".")
		if rest, ok := strings.CutPrefix(v, name+" "); ok && isType {
			rest = strings.TrimPrefix(rest, "est ")
			r.CommentMap[k] = strings.ToUpper(rest[:1]) + rest[1:]
		}
	}
	s := r.Reflect(&Contenu{})
	s.ID = SchemaID
	s.Title = "Contenu d'une organisation rgpdoc"
	restrictGapKeys(s)
	for name, d := range s.Definitions {
		restrictGapKeys(d, gapOnlyKeys[name]...)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	err := enc.Encode(s)
	return buf.Bytes(), err
}

// mapType gives enumerated types their values (with French labels that
// editors show beside each value) and Lacunes its shape.
func mapType(t reflect.Type) *jsonschema.Schema {
	var values, labels []any
	switch {
	case t == reflect.TypeFor[Pays]():
		for _, p := range Countries() {
			values = append(values, string(p))
			labels = append(labels, p.Name())
		}
	case Enums[t] != nil:
		for _, o := range Enums[t] {
			values = append(values, o.Value)
			label := o.Label
			if o.Ref != "" {
				label += " (" + o.Ref + ")"
			}
			labels = append(labels, label)
		}
	case t == reflect.TypeFor[Lacunes]():
		return &jsonschema.Schema{
			Type:                 "object",
			AdditionalProperties: &jsonschema.Schema{Type: "string", MinLength: new(uint64(1))},
		}
	default:
		return nil
	}
	return &jsonschema.Schema{Type: "string", Enum: values, Extras: map[string]any{"enumDescriptions": labels}}
}

// gapOnlyKeys are the facts that another part of the model holds but whose
// absence an element declares: the measures of securite name the traitements
// they protect, and a traitement without any says so in its a_completer.
var gapOnlyKeys = map[string][]string{"Traitement": {"securite"}}

// restrictGapKeys limits the keys of "a_completer" to the other fields of the
// same object, and to extra keys, so that an editor completes them and a typo
// is caught.
func restrictGapKeys(s *jsonschema.Schema, extra ...string) {
	if s.Properties == nil {
		return
	}
	gaps, ok := s.Properties.Get("a_completer")
	if !ok {
		return
	}
	var names []any
	for p := s.Properties.Oldest(); p != nil; p = p.Next() {
		if p.Key != "a_completer" {
			names = append(names, p.Key)
		}
	}
	for _, k := range extra {
		names = append(names, k)
	}
	gaps.PropertyNames = &jsonschema.Schema{Enum: names}
}

func TestSchemaUpToDate(t *testing.T) {
	got, err := generate()
	if err != nil {
		t.Fatal(err)
	}
	// The file on disk is the embedded JSON; -update rewrites it from the types.
	golden.Check(t, "rgpdoc.schema.json", got)
}
