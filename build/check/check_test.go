package check_test

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/rgpdoc/rgpdoc/build"
	"github.com/rgpdoc/rgpdoc/build/check"
	"github.com/rgpdoc/rgpdoc/build/diag"
	"github.com/rgpdoc/rgpdoc/build/load"
	"github.com/rgpdoc/rgpdoc/internal/golden"
	"github.com/rgpdoc/rgpdoc/schema"
)

// fixtures holds one folder per rule (testdata/check/<rule>/, or
// <rule>/<variant>/ when a rule has several cases), each with a content
// folder breaking exactly one thing of the clean organization and the
// expected report; clean/ has none, seeds/<defect>/ reproduce the seeds.
const fixtures = "../../testdata/check"

// seedRules gives the rule that reports each defect of the seed documents.
var seedRules = map[string]string{
	"date-vide":              "vide",             // Intent: "Mise à jour le" left blank
	"dpo-en-double":          "cle-dupliquee",    // Intent: the DPO's address written twice (679 and 579)
	"texte-provisoire":       "texte-provisoire", // SPI: "(*indiquer ses coordonnées*)"
	"base-legale-spi":        "base-legale",      // SPI: no legal basis stated
	"base-legale-prospect":   "base-legale",      // Prospect Guru: no legal basis per purpose
	"conservation-manquante": "conservation-manquante",
	"transfert-sans-pays":    "transfert-garantie", // Prospect Guru: transfers with no country nor safeguard
	"service-vide":           "texte-provisoire",   // SOFRATEL: "notre service  ," with no name
	"forme-en-double":        "cle-dupliquee",      // SOFRATEL: "SARL" and "SAS"
	"sauvegarde-en-clair":    "sauvegarde-non-chiffree",
}

func TestFixtures(t *testing.T) {
	var dirs []string
	err := filepath.WalkDir(fixtures, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if d.Name() == "content" {
			dirs = append(dirs, filepath.Dir(path))
			return filepath.SkipDir
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	covered := map[string]bool{}
	for _, dir := range dirs {
		name := filepath.ToSlash(strings.TrimPrefix(dir, fixtures+string(filepath.Separator)))
		rule, _, _ := strings.Cut(name, "/")
		switch rule {
		case "clean":
			rule = ""
		case "seeds":
			rule = seedRules[strings.TrimPrefix(name, "seeds/")]
			if rule == "" {
				t.Errorf("%s: add the defect to seedRules with the rule that reports it", name)
				continue
			}
		}
		covered[rule] = true
		t.Run(name, func(t *testing.T) {
			findings, report := runCheck(t, dir)
			golden.Check(t, filepath.Join(dir, "expected.txt"), []byte(report))
			if rule == "" {
				if len(findings) > 0 {
					t.Errorf("the clean organization has findings:\n%s", report)
				}
				return
			}
			// An accepted finding is the work of the derogation rule.
			if !slices.ContainsFunc(findings, func(f diag.Finding) bool {
				return f.Rule == rule || rule == "derogation" && f.Severity == diag.Accepted
			}) {
				t.Errorf("no finding of rule %s:\n%s", rule, report)
			}
		})
	}
	for _, r := range check.Rules {
		if !covered[r.ID] {
			t.Errorf("rule %s has no fixture: add testdata/check/%s/", r.ID, r.ID)
		}
	}
}

// runCheck checks the content of a fixture as rgpdoc check does and returns
// the findings and the text report, with paths relative to the fixture.
func runCheck(t *testing.T, dir string) (diag.List, string) {
	t.Helper()
	site, err := load.Open(filepath.Join(dir, "content"))
	if err != nil {
		t.Fatal(err)
	}
	findings, err := build.Check(site)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := findings.WriteReport(&b, "text", site.FileCount()); err != nil {
		t.Fatal(err)
	}
	// What the draft banner says of each finding the documents do not show
	// at its place, for a legal reader.
	for _, f := range findings {
		if f.Document != "" {
			b.WriteString("bandeau : " + f.Document + "\n")
		}
	}
	return findings, strings.ReplaceAll(b.String(), dir+string(filepath.Separator), "")
}

// TestRulesDoc keeps docs/regles.md in step with check.Rules.
func TestRulesDoc(t *testing.T) {
	var b strings.Builder
	b.WriteString("# Règles de `rgpdoc check`\n\n" +
		"<!-- Fichier généré par `go test ./build/check -run TestRulesDoc -update` à partir de check.Rules : ne pas le modifier à la main. -->\n\n" +
		"`rgpdoc check` lit le contenu et signale d'abord les erreurs de syntaxe YAML ou JSON et les écarts au schéma " +
		"(clé inconnue, type, valeur non autorisée, champ obligatoire ou laissé vide). " +
		"Sur une organisation dont les fichiers sont valides, il applique ensuite les règles ci-dessous.\n\n" +
		"Une **erreur** fait échouer `rgpdoc check` et `rgpdoc build` ; un **avertissement** ne les fait échouer qu'avec `--strict`. " +
		"Quand une règle constate l'absence d'un fait que l'élément déclare dans `a_completer`, l'erreur devient un avertissement " +
		"qui reprend l'explication donnée, et le document porte le bandeau « Projet — à compléter ».\n\n" +
		"Les règles de la politique de confidentialité ne s'appliquent que si `documents.politique` est présent, celles de la charte " +
		"si `documents.charte` l'est, celles du registre si `documents.registre` l'est.\n\n" +
		"| Règle | Gravité | Référence | Exigence |\n|---|---|---|---|\n")
	for _, r := range check.Rules {
		ref := r.Ref
		if ref == "" {
			ref = "cohérence du contenu"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", r.ID, r.Severity, ref, r.Title)
	}
	b.WriteString("\n## Durées de référence\n\n" +
		"La règle `conservation-cnil` compare une ligne de conservation à la seule référence qu'elle nomme dans `referentiel` ; " +
		"une ligne sans `referentiel` n'est comparée à rien, car rien ne dit alors ce qu'elle conserve. " +
		"L'organisation de `testdata/referentiels` suit chacune de ces durées à la limite et passe `rgpdoc check --strict`.\n\n" +
		"| `referentiel` | Durée | Source |\n|---|---|---|\n")
	for _, r := range check.References {
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", r.ID, r.What, r.Source)
	}
	if err := mutationReport(&b); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "../../docs/regles.md", []byte(b.String()))
}

// mutationReport writes the section of docs/regles.md on the mutation
// testing of the rules, from the report of the last run of gremlins
// (build/check/testdata/gremlins.json, written by its -o option).
func mutationReport(b *strings.Builder) error {
	src, err := os.ReadFile("testdata/gremlins.json")
	if err != nil {
		return err
	}
	var r struct {
		Efficacy   float64 `json:"test_efficacy"`
		Killed     int     `json:"mutants_killed"`
		Lived      int     `json:"mutants_lived"`
		NotCovered int     `json:"mutants_not_covered"`
		Files      []struct {
			Name      string `json:"file_name"`
			Mutations []struct {
				Type   string `json:"type"`
				Status string `json:"status"`
				Line   int    `json:"line"`
				Column int    `json:"column"`
			} `json:"mutations"`
		} `json:"files"`
	}
	if err := json.Unmarshal(src, &r); err != nil {
		return err
	}
	timedOut := 0
	var lived []string
	for _, f := range r.Files {
		for _, m := range f.Mutations {
			switch m.Status {
			case "TIMED OUT":
				timedOut++
			case "LIVED":
				lived = append(lived, fmt.Sprintf("| `%s:%d:%d` | %s |", f.Name, m.Line, m.Column, m.Type))
			}
		}
	}
	slices.Sort(lived)
	fmt.Fprintf(b, "\n## Tests de mutation\n\n"+
		"Les règles sont testées branche par branche : chaque cas de `testdata/check` (un dossier par règle, un sous-dossier par variante) "+
		"attend son rapport exact, et `testdata/referentiels` éprouve chaque durée de référence des deux côtés de sa limite. "+
		"Pour mesurer ce que ces cas distinguent, [gremlins](https://github.com/go-gremlins/gremlins) modifie une à une les conditions et les calculs de `build/check` "+
		"(condition inversée, borne décalée, opérateur changé) et relance ses tests : un mutant « tué » fait échouer un test, un mutant « survivant » "+
		"montre une branche qu'aucun test ne distingue. La CI (`.ci/run`) refuse un score inférieur à son seuil.\n\n"+
		"Dernière mesure : **%s\u202f%%** des mutants testés sont tués (%d tués, %d survivants ; %d autres dépassent le délai d'exécution et sont comptés à part). "+
		"%d mutants ne sont pas testés : gremlins ne mute que les lignes que la couverture de Go marque comme exécutées, "+
		"et la couverture ne marque pas les conditions des `case` d'un `switch` ; ces conditions sont couvertes par les cas de `testdata/check` "+
		"sans être mesurées ici.\n\n", strings.Replace(fmt.Sprintf("%.1f", r.Efficacy), ".", ",", 1), r.Killed, r.Lived, timedOut, r.NotCovered)
	if len(lived) > 0 {
		b.WriteString("Mutants survivants (fichier de `build/check`, ligne, colonne, au moment de la mesure) :\n\n| Position | Mutation |\n|---|---|\n")
		b.WriteString(strings.Join(lived, "\n") + "\n")
	}
	return nil
}

// FuzzCheck runs the rules on mutations of fixtures: whatever content loads
// without error, no rule may panic.
func FuzzCheck(f *testing.F) {
	for _, name := range []string{"clean", "decision-automatisee", "transfert-adequation", "reference/conservation-donnees"} {
		src, err := os.ReadFile(filepath.Join(fixtures, name, "content", "acme", "acme.yaml"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	defaults, err := os.ReadFile(filepath.Join(fixtures, "clean", "content", "_defaults", "defaults.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		dir := t.TempDir()
		for path, b := range map[string][]byte{"_defaults/defaults.yaml": defaults, "acme/acme.yaml": src} {
			path = filepath.Join(dir, path)
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		site, err := load.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := build.Check(site); err != nil {
			t.Fatal(err)
		}
	})
}

func BenchmarkCheck(b *testing.B) {
	site, err := load.Load(filepath.Join(fixtures, "clean", "content"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := build.Check(site); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPointsSpeakToLegalReaders checks what the draft banner says of each
// rule's findings: a sentence for a legal reader, with no key of the model
// (those belong to rgpdoc check's messages).
func TestPointsSpeakToLegalReaders(t *testing.T) {
	var keys []string
	schema.Fields(func(key string, _ reflect.StructField) {
		if strings.ContainsRune(key, '_') {
			keys = append(keys, key)
		}
	})
	slices.Sort(keys)
	keys = append(slices.Compact(keys), "[]", "(clé", ": aucune")
	for _, r := range check.Rules {
		for _, k := range keys {
			if strings.Contains(r.Title, k) {
				t.Errorf("rule %s: its title, shown in the draft banner, holds %q", r.ID, k)
			}
		}
	}
}
