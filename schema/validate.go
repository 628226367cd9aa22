package schema

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
)

// SchemaID is the $id of the committed schema.
const SchemaID = "https://rgpdoc.github.io/schema/rgpdoc.schema.json"

// JSON is the committed JSON Schema (schema/rgpdoc.schema.json), generated from
// the Go types by `go test ./schema -run TestSchemaUpToDate -update`.
//
//go:embed rgpdoc.schema.json
var JSON []byte

// Violation is one place where an instance breaks the schema.
type Violation struct {
	// Pointer is the JSON pointer of the offending value. For an unknown key it
	// points at the key itself, so that the position is the key's.
	Pointer string
	// Key is true when Pointer names a key rather than its value.
	Key bool
	// Rule is the rule id of the finding.
	Rule string
	// Message is the French explanation.
	Message string
}

type compiled struct {
	schema *jsonschema.Schema
	doc    any // the schema as a JSON value, to read property lists and descriptions
}

var load = sync.OnceValue(func() compiled {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(JSON))
	if err != nil {
		panic("schema: committed schema is not JSON: " + err.Error())
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(SchemaID, doc); err != nil {
		panic("schema: " + err.Error())
	}
	s, err := c.Compile(SchemaID)
	if err != nil {
		panic("schema: committed schema does not compile: " + err.Error())
	}
	return compiled{s, doc}
})

// Validate checks one file's content, given as a JSON-like value (maps,
// slices, strings, json.Number, bools, nil), against the schema.
func Validate(instance any) []Violation {
	c := load()
	err := c.schema.Validate(instance)
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	var out []Violation
	c.collect(ve, instance, &out)
	return out
}

// collect walks the error tree down to its leaves, which carry the precise
// causes; a oneOf/anyOf failure keeps only its first branch to avoid noise.
func (c compiled) collect(e *jsonschema.ValidationError, instance any, out *[]Violation) {
	if len(e.Causes) > 0 {
		switch e.ErrorKind.(type) {
		case *kind.OneOf, *kind.AnyOf:
			c.collect(e.Causes[0], instance, out)
		default:
			for _, cause := range e.Causes {
				c.collect(cause, instance, out)
			}
		}
		return
	}
	ptr := pointer(e.InstanceLocation)
	name := "la racine du fichier"
	if n := len(e.InstanceLocation); n > 0 {
		name = "« " + e.InstanceLocation[n-1] + " »"
	}
	switch k := e.ErrorKind.(type) {
	case *kind.AdditionalProperties:
		known := c.properties(e.SchemaURL)
		obj, _ := valueAt(instance, e.InstanceLocation).(map[string]any)
		for _, p := range k.Properties {
			msg := fmt.Sprintf("clé inconnue « %s »", p)
			switch s := Closest(p, known); {
			case strings.ContainsRune(p, ' ') && obj[p] == nil:
				// No key of the model holds a space: a key with a space and
				// no value is the end of a text that a comma cut in a {…}
				// object.
				msg += " ; entre accolades { }, une virgule sépare deux clés : mettez le texte qui contient une virgule entre guillemets, " +
					"ou écrivez l'objet sur plusieurs lignes"
			case s != "":
				msg += fmt.Sprintf(" ; vouliez-vous dire « %s » ?", s)
			case len(known) > 0:
				msg += " ; clés possibles : " + strings.Join(known, ", ")
			}
			*out = append(*out, Violation{ptr + "/" + PointerToken(p), true, "cle-inconnue", msg})
		}
	case *kind.PropertyNames:
		*out = append(*out, Violation{ptr + "/" + PointerToken(k.Property), true, "cle-inconnue",
			fmt.Sprintf("« %s » n'est pas un champ de cet objet", k.Property)})
	case *kind.Required:
		for _, m := range k.Missing {
			msg := fmt.Sprintf("champ obligatoire « %s » manquant", m)
			if d := c.description(e.SchemaURL, m); d != "" {
				msg += " (" + d + ")"
			}
			*out = append(*out, Violation{ptr, false, "champ-obligatoire", msg})
		}
	case *kind.Type:
		if k.Got == "null" {
			want := typeNames(k.Want)
			if c.node(strings.TrimSuffix(e.SchemaURL, "/type"))["format"] == "date" {
				want = "une date AAAA-MM-JJ"
			}
			*out = append(*out, Violation{ptr, false, "vide",
				fmt.Sprintf("%s est laissé vide : indiquez %s, ou retirez la clé", capitalize(name), want)})
			break
		}
		msg := fmt.Sprintf("%s : %s attendu, %s trouvé", capitalize(name), typeNames(k.Want), typeNames([]string{k.Got}))
		if slices.Contains(k.Want, "string") {
			msg += " ; mettez la valeur entre guillemets pour en faire un texte"
		}
		*out = append(*out, Violation{ptr, false, "type", msg})
	case *kind.Enum:
		got := fmt.Sprint(k.Got)
		var want []string
		for _, w := range k.Want {
			want = append(want, fmt.Sprint(w))
		}
		msg := fmt.Sprintf("valeur « %s » non autorisée pour %s", got, name)
		if s := Closest(got, want); s != "" {
			msg += fmt.Sprintf(" ; vouliez-vous dire « %s » ?", s)
		} else if len(want) <= 20 {
			msg += " ; valeurs possibles : " + strings.Join(want, ", ")
		} else {
			msg += " ; voir les valeurs possibles dans docs/modele.md"
		}
		*out = append(*out, Violation{ptr, false, "valeur-non-autorisee", msg})
	case *kind.Format:
		*out = append(*out, Violation{ptr, false, "format", formatMessage(name, fmt.Sprint(k.Got), k.Want)})
	case *kind.Pattern:
		msg := fmt.Sprintf("« %s » n'a pas la forme attendue pour %s", k.Got, name)
		if d := c.fieldDescription(e.SchemaURL); d != "" {
			msg += " (" + d + ")"
		}
		*out = append(*out, Violation{ptr, false, "format", msg})
	case *kind.Minimum:
		*out = append(*out, Violation{ptr, false, "valeur-non-autorisee",
			fmt.Sprintf("%s doit valoir au moins %v", capitalize(name), k.Want)})
	case *kind.MinItems:
		*out = append(*out, Violation{ptr, false, "vide",
			fmt.Sprintf("la liste %s doit contenir au moins %d élément(s)", name, k.Want)})
	case *kind.MinLength:
		*out = append(*out, Violation{ptr, false, "vide", fmt.Sprintf("%s est laissé vide", capitalize(name))})
	default:
		*out = append(*out, Violation{ptr, false, "schema",
			fmt.Sprintf("%s ne respecte pas le schéma (%s)", capitalize(name), strings.Join(e.ErrorKind.KeywordPath(), "/"))})
	}
}

func formatMessage(name, got, format string) string {
	switch format {
	case "email":
		return fmt.Sprintf("« %s » n'est pas une adresse électronique valide (%s)", got, name)
	case "uri":
		return fmt.Sprintf("« %s » n'est pas une adresse web complète (%s) : elle doit commencer par https://", got, name)
	case "date":
		return fmt.Sprintf("« %s » n'est pas une date au format AAAA-MM-JJ (%s), par exemple 2025-01-02", got, name)
	}
	return fmt.Sprintf("« %s » n'a pas le format %s attendu pour %s", got, format, name)
}

var typeNamesFR = map[string]string{
	"string": "un texte", "integer": "un nombre entier", "number": "un nombre", "boolean": "vrai ou faux (true/false)",
	"object": "un objet (des clés et leurs valeurs)", "array": "une liste", "null": "une valeur vide",
}

func typeNames(ts []string) string {
	var fr []string
	for _, t := range ts {
		fr = append(fr, typeNamesFR[t])
	}
	return strings.Join(fr, " ou ")
}

// node resolves the JSON pointer fragment of a schema URL in the schema document.
func (c compiled) node(schemaURL string) map[string]any {
	_, frag, _ := strings.Cut(schemaURL, "#")
	var cur any = c.doc
	for _, tok := range strings.Split(strings.TrimPrefix(frag, "/"), "/") {
		if tok == "" {
			continue
		}
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = m[unescape(tok)]
	}
	m, _ := cur.(map[string]any)
	return m
}

// properties lists the keys an object schema allows, in a stable order.
func (c compiled) properties(schemaURL string) []string {
	props, _ := c.node(strings.TrimSuffix(schemaURL, "/additionalProperties") + "/properties")["properties"].(map[string]any)
	if props == nil {
		props, _ = c.node(strings.TrimSuffix(schemaURL, "/additionalProperties"))["properties"].(map[string]any)
	}
	var keys []string
	for k := range props {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// description returns the description of property name of the object schema.
func (c compiled) description(schemaURL, name string) string {
	props, _ := c.node(schemaURL)["properties"].(map[string]any)
	p, _ := props[name].(map[string]any)
	d, _ := p["description"].(string)
	return strings.TrimSuffix(d, ".")
}

// fieldDescription returns the description of the schema that holds the
// failing keyword (the URL ends with the keyword).
func (c compiled) fieldDescription(schemaURL string) string {
	i := strings.LastIndex(schemaURL, "/")
	if i < 0 {
		return ""
	}
	d, _ := c.node(schemaURL[:i])["description"].(string)
	return strings.TrimSuffix(d, ".")
}

// Closest returns the candidate nearest to s by edit distance, if near enough
// to be a likely typo.
func Closest(s string, candidates []string) string {
	best, bestD := "", len(s)/3+1
	for _, c := range candidates {
		if d := distance(strings.ToLower(s), strings.ToLower(c)); d < bestD || (d == bestD && best == "" && d <= 2) {
			best, bestD = c, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}

func pointer(tokens []string) string {
	var sb strings.Builder
	for _, t := range tokens {
		sb.WriteByte('/')
		sb.WriteString(PointerToken(t))
	}
	return sb.String()
}

// Replacers are built once: their tables cost more than the few keys they escape.
var (
	pointerEscaper   = strings.NewReplacer("~", "~0", "/", "~1")
	pointerUnescaper = strings.NewReplacer("~1", "/", "~0", "~")
)

// PointerToken escapes a key as a JSON pointer token (RFC 6901).
func PointerToken(key string) string {
	if !strings.ContainsAny(key, "~/") {
		return key
	}
	return pointerEscaper.Replace(key)
}

func unescape(tok string) string { return pointerUnescaper.Replace(tok) }

func capitalize(s string) string {
	if strings.HasPrefix(s, "la ") {
		return "L" + s[1:]
	}
	return s
}

// valueAt returns the value of instance at a location of the validator
// (object keys and array indexes), or nil.
func valueAt(instance any, loc []string) any {
	for _, tok := range loc {
		switch v := instance.(type) {
		case map[string]any:
			instance = v[tok]
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(v) {
				return nil
			}
			instance = v[i]
		default:
			return nil
		}
	}
	return instance
}
