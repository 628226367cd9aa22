package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/rgpdoc/rgpdoc/internal/golden"
)

// The model reference docs/modele.md is generated from the committed schema
// (the introduction comes from testdata/modele-intro.md), so that it says
// exactly what the editor and `rgpdoc check` accept. Rewrite it with:
//
//	go test ./schema -run TestModelDoc -update
const modelDocPath = "../docs/modele.md"

// node is the part of JSON Schema that the committed schema uses. Decoding
// rejects any other keyword, so that a schema change this reference cannot
// describe fails the test instead of being silently left out.
type node struct {
	Schema           string           `json:"$schema"`
	ID               string           `json:"$id"`
	Defs             map[string]*node `json:"$defs"`
	Ref              string           `json:"$ref"`
	Title            string           `json:"title"`
	Description      string           `json:"description"`
	Type             string           `json:"type"`
	Format           string           `json:"format"`
	Pattern          string           `json:"pattern"`
	Enum             []string         `json:"enum"`
	EnumDescriptions []string         `json:"enumDescriptions"`
	// The French messages editors show for a value that does not fit.
	ErrorMessage         string          `json:"errorMessage"`
	PatternErrorMessage  string          `json:"patternErrorMessage"`
	Items                *node           `json:"items"`
	Properties           properties      `json:"properties"`
	Required             []string        `json:"required"`
	AdditionalProperties json.RawMessage `json:"additionalProperties"`
	PropertyNames        *node           `json:"propertyNames"`
	MinItems             *int            `json:"minItems"`
	MinLength            *int            `json:"minLength"`
	Minimum              *json.Number    `json:"minimum"`
}

// properties keeps the schema's property order, which is the model's.
type properties []property

type property struct {
	Name string
	*node
}

func (p *properties) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if _, err := dec.Token(); err != nil { // {
		return err
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return err
		}
		n := new(node)
		if err := dec.Decode(n); err != nil {
			return fmt.Errorf("%v: %w", key, err)
		}
		*p = append(*p, property{key.(string), n})
	}
	return nil
}

// idPattern is the pattern of every id, explained once in the introduction.
const idPattern = "^[a-z0-9][a-z0-9_-]*$"

// modelDoc renders the model reference from the schema and the introduction.
func modelDoc(schemaJSON, intro []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(schemaJSON))
	dec.DisallowUnknownFields()
	root := new(node)
	if err := dec.Decode(root); err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	g := &docGen{usedBy: map[string][]use{}}
	// Objects in reading order: the root, then each object the first time a
	// field of an earlier object leads to it.
	names := []string{"Contenu"}
	objects := map[string]*node{"Contenu": root}
	for i := 0; i < len(names); i++ {
		for _, p := range objects[names[i]].Properties {
			ref := p.Ref
			if p.Items != nil {
				ref = p.Items.Ref
			}
			if v := mapValues(p.node); v != nil {
				ref = v.Ref
			}
			if ref == "" {
				continue
			}
			name, ok := strings.CutPrefix(ref, "#/$defs/")
			if !ok || root.Defs[name] == nil {
				return nil, fmt.Errorf("%s.%s: unresolved $ref %q", names[i], p.Name, ref)
			}
			g.usedBy[name] = append(g.usedBy[name], use{names[i], p.Name})
			if objects[name] == nil {
				objects[name] = root.Defs[name]
				names = append(names, name)
			}
		}
	}
	for name := range root.Defs {
		if objects[name] == nil {
			return nil, fmt.Errorf("$defs/%s is used by no field", name)
		}
	}

	var b bytes.Buffer
	b.WriteString("<!-- Généré à partir de schema/rgpdoc.schema.json et de schema/testdata/modele-intro.md par\n" +
		"     go test ./schema -run TestModelDoc -update ; ne pas modifier à la main. -->\n\n")
	b.Write(bytes.TrimSpace(intro))
	b.WriteString("\n\n# Objets\n\nChaque objet est décrit par ses champs, dans l'ordre du schéma. " +
		"Un champ « obligatoire » doit être présent dès que l'objet l'est.\n")
	for _, name := range names {
		if err := g.object(&b, name, objects[name], name == "Contenu"); err != nil {
			return nil, err
		}
	}
	return b.Bytes(), nil
}

type docGen struct {
	// usedBy lists, for each object, the fields that hold it.
	usedBy map[string][]use
}

// use is a field of an object that holds another object.
type use struct{ object, field string }

// usedIn writes where an object is used: "[Documents](#documents) (`politique`, `registre`)".
func (g *docGen) usedIn(name string) string {
	var parts []string
	uses := g.usedBy[name]
	for i := 0; i < len(uses); {
		var fields []string
		j := i
		for ; j < len(uses) && uses[j].object == uses[i].object; j++ {
			fields = append(fields, "`"+uses[j].field+"`")
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", link(uses[i].object), strings.Join(fields, ", ")))
		i = j
	}
	return strings.Join(parts, ", ")
}

// object writes the section of one object: its description, where it is
// used, the table of its fields, then the allowed values of its enumerations.
func (g *docGen) object(b *bytes.Buffer, name string, n *node, isRoot bool) error {
	if n.Type != "object" || string(n.AdditionalProperties) != "false" {
		return fmt.Errorf("%s: not a closed object", name)
	}
	fmt.Fprintf(b, "\n## %s\n\n%s\n", name, text(n.Description))
	if !isRoot {
		fmt.Fprintf(b, "\nEmployé dans : %s.\n", g.usedIn(name))
	}
	b.WriteString("\n| Champ | Type | Obligatoire | Description |\n| --- | --- | --- | --- |\n")
	type enumField struct {
		name string
		n    *node
	}
	var enums []enumField
	for _, p := range n.Properties {
		typ, err := typeOf(p.node, false)
		if err != nil {
			return fmt.Errorf("%s.%s: %w", name, p.Name, err)
		}
		required := "non"
		if slices.Contains(n.Required, p.Name) {
			required = "**oui**"
		}
		fmt.Fprintf(b, "| `%s` | %s | %s | %s |\n", p.Name, cell(typ), required, cell(text(p.Description)))
		e := p.node
		if e.Items != nil {
			e = e.Items
		}
		if len(e.Enum) > 0 && !isCountries(e.Enum) {
			enums = append(enums, enumField{p.Name, e})
		}
	}
	for i, e := range enums {
		if len(e.n.EnumDescriptions) != len(e.n.Enum) {
			return fmt.Errorf("%s.%s: %d enumDescriptions for %d values", name, e.name, len(e.n.EnumDescriptions), len(e.n.Enum))
		}
		if j := slices.IndexFunc(enums[:i], func(o enumField) bool { return slices.Equal(o.n.Enum, e.n.Enum) }); j >= 0 {
			fmt.Fprintf(b, "\nValeurs de `%s` : celles de `%s`.\n", e.name, enums[j].name)
			continue
		}
		fmt.Fprintf(b, "\nValeurs de `%s` :\n\n", e.name)
		for k, v := range e.n.Enum {
			fmt.Fprintf(b, "- `%s` : %s\n", v, text(e.n.EnumDescriptions[k]))
		}
	}
	return nil
}

// typeOf names the type of a field in French, in the plural for the items of
// a list ("liste de textes").
func typeOf(n *node, plural bool) (string, error) {
	pick := func(one, many string) string {
		if plural {
			return many
		}
		return one
	}
	switch {
	case n.Ref != "":
		name := strings.TrimPrefix(n.Ref, "#/$defs/")
		return pick("objet ", "objets ") + link(name), nil
	case n.Type == "array":
		item, err := typeOf(n.Items, true)
		if err != nil {
			return "", err
		}
		s := "liste " + of(item)
		if n.MinItems != nil {
			s += fmt.Sprintf(", au moins %d", *n.MinItems)
		}
		return s, nil
	case n.Type == "object" && n.PropertyNames != nil:
		values := mapValues(n)
		switch {
		case values != nil && values.Type == "string":
			// a_completer: field name → why it is missing.
			return "[lacunes](#lacunes) : nom d'un autre champ de l'objet → explication", nil
		case values != nil && values.Ref != "":
			// a_verifier: field name → the values the source gives.
			return "nom d'un autre champ de l'objet → " + pick("objet ", "objets ") + link(strings.TrimPrefix(values.Ref, "#/$defs/")), nil
		}
		return "", fmt.Errorf("map whose values are not described: %s", n.AdditionalProperties)
	case n.Type == "integer":
		s := pick("nombre entier", "nombres entiers")
		if n.Minimum != nil {
			s += ", " + n.Minimum.String() + " au minimum"
		}
		return s, nil
	case n.Type == "boolean":
		return "`true` ou `false`", nil
	case n.Type == "string" && len(n.Enum) > 0 && isCountries(n.Enum):
		return pick("code pays ISO 3166-1 alpha-2, ou EU", "codes pays ISO 3166-1 alpha-2, ou EU"), nil
	case n.Type == "string" && len(n.Enum) > 0:
		return pick("une des valeurs ci-dessous", "valeurs ci-dessous"), nil
	case n.Type == "string" && n.Format == "date":
		return pick("date AAAA-MM-JJ", "dates AAAA-MM-JJ"), nil
	case n.Type == "string" && n.Format == "email":
		return pick("adresse électronique", "adresses électroniques"), nil
	case n.Type == "string" && n.Format == "uri":
		return pick("adresse web", "adresses web"), nil
	case n.Type == "string" && n.Format != "":
		return "", fmt.Errorf("format %q not described", n.Format)
	case n.Type == "string" && n.Pattern == idPattern:
		return pick("identifiant", "identifiants"), nil
	case n.Type == "string" && n.Pattern != "":
		return pick("texte", "textes") + " de la forme `" + n.Pattern + "`", nil
	case n.Type == "string":
		return pick("texte", "textes"), nil
	}
	return "", fmt.Errorf("type %q not described", n.Type)
}

// mapValues returns the schema of the values of a map (an object with
// propertyNames), or nil.
func mapValues(n *node) *node {
	if n.Type != "object" || n.PropertyNames == nil {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(n.AdditionalProperties))
	dec.DisallowUnknownFields()
	var values node
	if err := dec.Decode(&values); err != nil {
		return nil
	}
	return &values
}

// of joins "liste" to its item type with French elision.
func of(s string) string {
	if strings.ContainsRune("aeéiou", []rune(s)[0]) {
		return "d'" + s
	}
	return "de " + s
}

// link points at an object's section; headings are plain names, so the
// anchor is the lower-cased name.
func link(name string) string { return fmt.Sprintf("[%s](#%s)", name, strings.ToLower(name)) }

// countries is computed once: Countries parses every two-letter region code.
var countries = sync.OnceValue(Countries)

// isCountries reports whether an enumeration is the list of countries, which
// the reference names instead of listing.
func isCountries(values []string) bool {
	countries := countries()
	if len(values) != len(countries) {
		return false
	}
	for i, c := range countries {
		if values[i] != string(c) {
			return false
		}
	}
	return true
}

// text turns a schema description into Markdown text: one line, and "<"
// escaped so that "content/<organisation>/" is not taken for HTML.
func text(s string) string {
	return strings.NewReplacer("\n", " ", "<", `\<`).Replace(s)
}

// cell escapes a table cell; GFM needs "\|" even inside code spans.
func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

func TestModelDoc(t *testing.T) {
	intro, err := os.ReadFile("testdata/modele-intro.md")
	if err != nil {
		t.Fatal(err)
	}
	schemaJSON := JSON
	if golden.Update() {
		// TestSchemaUpToDate may be rewriting the schema in this same run, and
		// JSON is the previous one embedded at compile time: document the new
		// one, so that one `go test ./schema -update` updates both files.
		if schemaJSON, err = generate(); err != nil {
			t.Fatal(err)
		}
	}
	got, err := modelDoc(schemaJSON, intro)
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, modelDocPath, got)
}

// TestModelDocCoversSchema checks the generator itself: every object and
// every field of the schema has its place in the reference, and every
// enumerated value (other than countries) is listed with its label.
func TestModelDocCoversSchema(t *testing.T) {
	got, err := modelDoc(JSON, nil)
	if err != nil {
		t.Fatal(err)
	}
	var root node
	if err := json.Unmarshal(JSON, &root); err != nil {
		t.Fatal(err)
	}
	doc := string(got)
	objects := map[string]*node{"Contenu": &root}
	for name, n := range root.Defs {
		objects[name] = n
	}
	for name, n := range objects {
		start := strings.Index(doc, "\n## "+name+"\n")
		if start < 0 {
			t.Errorf("no section for %s", name)
			continue
		}
		section := doc[start+1:]
		if end := strings.Index(section[1:], "\n## "); end >= 0 {
			section = section[:end+1]
		}
		for _, p := range n.Properties {
			if !strings.Contains(section, "\n| `"+p.Name+"` | ") {
				t.Errorf("%s: no row for field %s", name, p.Name)
			}
			e := p.node
			if e.Items != nil {
				e = e.Items
			}
			if isCountries(e.Enum) {
				continue
			}
			for i, v := range e.Enum {
				if !strings.Contains(doc, "- `"+v+"` : "+text(e.EnumDescriptions[i])+"\n") {
					t.Errorf("%s.%s: value %s not listed with its label", name, p.Name, v)
				}
			}
		}
	}
}
