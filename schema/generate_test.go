package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
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
	// Verifications is written out in each object, like Lacunes, so that
	// its keys can be limited to the object's fields.
	verifications := s.Definitions["Verifications"]
	delete(s.Definitions, "Verifications")
	restrictGapKeys(s, verifications)
	for name, d := range s.Definitions {
		restrictGapKeys(d, verifications, gapOnlyKeys[name]...)
	}
	if err := frenchMessages(s); err != nil {
		return nil, err
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
	msg := "Valeur non autorisée : choisissez l'une des valeurs proposées (" + strings.Join(strs(values), ", ") + ")."
	if t == reflect.TypeFor[Pays]() {
		msg = "Code pays non reconnu : indiquez un code ISO 3166-1 alpha-2 en majuscules (FR, DE, US…), ou EU pour « Union européenne »."
	}
	// errorMessage replaces the English message of yaml-language-server (and
	// of VS Code's JSON support) for a value outside the enumeration.
	return &jsonschema.Schema{Type: "string", Enum: values, Extras: map[string]any{"enumDescriptions": labels, "errorMessage": msg}}
}

func stringsAsAny(list []string) []any {
	var out []any
	for _, v := range list {
		out = append(out, v)
	}
	return out
}

func strs(values []any) []string {
	var out []string
	for _, v := range values {
		out = append(out, v.(string))
	}
	return out
}

// formatMessages and patternMessages say in French what a value of each
// format and pattern of the model looks like; editors show them in place of
// their English messages (patternErrorMessage, honoured by
// yaml-language-server for patterns and formats alike).
var formatMessages = map[string]string{
	"date":  "Date attendue au format AAAA-MM-JJ, par exemple 2025-01-02.",
	"email": "Adresse électronique attendue, par exemple dpo@exemple.fr.",
	"uri":   "Adresse web complète attendue, avec https://, par exemple https://www.exemple.fr/contact.",
}

var patternMessages = map[string]string{
	`^[a-z0-9][a-z0-9_-]*$`:                    "Identifiant attendu : des minuscules sans accent, des chiffres, - et _, en commençant par une lettre ou un chiffre (par exemple prospects_3_ans).",
	`^[a-z0-9][a-z0-9-]*$`:                     "Identifiant de règle attendu, tel que docs/regles.md l'écrit (par exemple conservation-cnil).",
	`^\+?[0-9][0-9 .()-]{3,}$`:                 "Numéro de téléphone attendu : des chiffres, avec éventuellement +, espaces, points, tirets ou parenthèses (par exemple 01 23 45 67 89 ou +33 1 23 45 67 89).",
	`^[0-9]{3} ?[0-9]{3} ?[0-9]{3} ?[0-9]{5}$`: "Numéro SIRET attendu : 14 chiffres, par exemple 532 829 561 00012.",
	`^[0-9]{3} ?[0-9]{3} ?[0-9]{3}$`:           "Numéro SIREN attendu : 9 chiffres, par exemple 532 829 561.",
	`^[A-Z]{2}[0-9A-Z]{2,12}$`:                 "Numéro de TVA intracommunautaire attendu : le code pays en majuscules suivi de 2 à 12 chiffres ou lettres, par exemple FR57412259715.",
	`^[0-9A-Z][0-9A-Z -]{2,9}$`:                "Code postal attendu : chiffres ou majuscules, par exemple 75002.",
	`^#[0-9a-fA-F]{6}$`:                        "Couleur attendue en hexadécimal à six chiffres, par exemple #1f4e79.",
	`^[^/\\][^\\]*\.(svg|png|jpg|jpeg)$`:       "Chemin relatif attendu, dans le dossier de l'organisation, d'un fichier SVG, PNG ou JPEG (par exemple logo.svg).",
}

// frenchMessages gives every format and pattern of the schema its French
// message, and describes the keys of a_completer; a format or pattern
// without a message is an error, so that a new one gets its message.
func frenchMessages(s *jsonschema.Schema) error {
	var err error
	var walk func(*jsonschema.Schema)
	walk = func(n *jsonschema.Schema) {
		if n == nil {
			return
		}
		var msg string
		var ok bool
		switch {
		case n.Pattern != "":
			if msg, ok = patternMessages[n.Pattern]; !ok {
				err = fmt.Errorf("pattern %s has no French message: add it to patternMessages", n.Pattern)
			}
		case n.Format != "":
			if msg, ok = formatMessages[n.Format]; !ok {
				err = fmt.Errorf("format %s has no French message: add it to formatMessages", n.Format)
			}
		}
		if msg != "" {
			if n.Extras == nil {
				n.Extras = map[string]any{}
			}
			n.Extras["patternErrorMessage"] = msg
		}
		if n.PropertyNames != nil && n.PropertyNames.Enum != nil {
			n.PropertyNames.Extras = map[string]any{"errorMessage": "Clé non admise : indiquez le nom d'un autre champ de cet objet, celui dont le fait manque ou est à vérifier."}
		}
		walk(n.Items)
		walk(n.AdditionalProperties)
		if n.Properties != nil {
			for p := n.Properties.Oldest(); p != nil; p = p.Next() {
				walk(p.Value)
			}
		}
	}
	walk(s)
	for _, d := range s.Definitions {
		walk(d)
	}
	return err
}

// gapOnlyKeys are the facts that another part of the model holds but whose
// absence an element declares: the measures of securite name the traitements
// they protect, and a traitement without any says so in its a_completer.
var gapOnlyKeys = map[string][]string{"Traitement": {"securite"}}

// restrictGapKeys limits the keys of "a_completer" and "a_verifier" to the
// other fields of the same object, and those of a_completer to extra keys too,
// so that an editor completes them and a typo is caught.
func restrictGapKeys(s *jsonschema.Schema, verifications *jsonschema.Schema, extra ...string) {
	if s.Properties == nil {
		return
	}
	var names []any
	for p := s.Properties.Oldest(); p != nil; p = p.Next() {
		if p.Key != "a_completer" && p.Key != "a_verifier" {
			names = append(names, p.Key)
		}
	}
	if m, ok := s.Properties.Get("a_completer"); ok {
		m.PropertyNames = &jsonschema.Schema{Enum: append(slices.Clone(names), stringsAsAny(extra)...)}
		m.AdditionalProperties.Description = "Pourquoi le fait manque, par exemple « la politique source n'en indique aucun »."
	}
	if m, ok := s.Properties.Get("a_verifier"); ok {
		s.Properties.Set("a_verifier", &jsonschema.Schema{
			Type:                 "object",
			AdditionalProperties: verifications.AdditionalProperties,
			PropertyNames:        &jsonschema.Schema{Enum: names},
			Description:          m.Description,
		})
	}
}

func TestSchemaUpToDate(t *testing.T) {
	got, err := generate()
	if err != nil {
		t.Fatal(err)
	}
	// The file on disk is the embedded JSON; -update rewrites it from the types.
	golden.Check(t, "rgpdoc.schema.json", got)
}
