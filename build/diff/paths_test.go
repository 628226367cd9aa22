package diff

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/rgpdoc/rgpdoc/internal/golden"

	"github.com/rgpdoc/rgpdoc/schema"
)

// modelPaths lists the generic paths a change can have: every leaf of the
// model, and every list whose elements can be added or removed.
func modelPaths() []string {
	var out []string
	var walk func(t reflect.Type, path string)
	walk = func(t reflect.Type, path string) {
		if isLeaf(t) {
			out = append(out, path)
			return
		}
		switch t.Kind() {
		case reflect.Pointer:
			walk(t.Elem(), path)
		case reflect.Struct:
			for i := range t.NumField() {
				f := t.Field(i)
				switch name := jsonName(f); {
				case f.Anonymous:
					walk(f.Type, path)
				case name != "" && name != "$schema":
					walk(f.Type, join(path, name))
				}
			}
		case reflect.Slice:
			out = append(out, path)
			if e := t.Elem(); e.Kind() == reflect.Struct && !isLeaf(e) {
				walk(e, path)
			}
		default:
			out = append(out, path)
		}
	}
	walk(reflect.TypeFor[schema.Contenu](), "")
	return out
}

// TestRulesCoverModel makes sure that every path of the model has its row
// in the table, its own or one above it, so that a field added to the model
// is weighed on purpose.
func TestRulesCoverModel(t *testing.T) {
	for _, p := range modelPaths() {
		if r := rule(p); !slices.ContainsFunc(Rules, func(x Rule) bool { return x.Path == r.Path }) {
			t.Errorf("no row of Rules covers %s", p)
		}
	}
	for _, r := range Rules {
		if !slices.ContainsFunc(modelPaths(), func(p string) bool { return p == r.Path || strings.HasPrefix(p, r.Path+".") }) {
			t.Errorf("row %s names no path of the model", r.Path)
		}
	}
}

// TestRulesDoc keeps docs/modifications.md in step with the table.
func TestRulesDoc(t *testing.T) {
	var b strings.Builder
	b.WriteString(`# Modifications substantielles

<!-- Généré par go test ./build/diff -update à partir de build/diff/rules.go ; ne pas modifier à la main. -->

` + "`rgpdoc diff`" + ` compare deux versions du contenu champ par champ. Une modification est
**substantielle** quand les personnes doivent en être informées avant qu'elle ne s'applique (une
finalité, une base légale, une catégorie de données ou de personnes, un destinataire, un
transfert, une durée de conservation plus longue, une décision automatisée, l'identité du
responsable) ; elle ne l'est pas quand elle ne touche que la rédaction, les coordonnées ou la
typographie. Un texte qui ne change que par ses espaces, ses apostrophes, ses guillemets, sa
casse ou son point final n'est jamais substantiel.

Chaque ligne vaut pour le chemin et pour tout ce qui est en dessous, sauf ce qui a sa propre
ligne ; la ligne d'une liste vaut aussi pour l'ajout et la suppression de ses éléments. Les
éléments d'une liste sont appariés par leur identifiant (` + "`traitements[prospection]`" + `), à défaut par
leur rang ; une liste de valeurs est comparée comme un ensemble.

| Chemin du modèle | Nom dans le rapport | Substantielle |
| --- | --- | --- |
`)
	weights := map[Weight]string{Minor: "non", Substantial: "oui", Longer: "si la durée s'allonge"}
	for _, r := range Rules {
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", r.Path, r.Label, weights[r.Weight])
	}
	golden.Check(t, "../../docs/modifications.md", []byte(b.String()))
}
