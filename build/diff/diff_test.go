package diff

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rgpdoc/rgpdoc/build/load"
)

const fixture = "../../testdata/complet/content"

// copyDir copies the content folder src into dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if e.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// edit replaces old by new in a file, which must hold it.
func edit(t *testing.T, file, old, new string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s does not hold %q", file, old)
	}
	if err := os.WriteFile(file, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// dpoEdits are what a DPO changes: a longer retention, a new recipient, a
// new telephone number, a purpose reworded only in its typography, and a
// shorter retention.
func dpoEdits(t *testing.T, dir string) {
	edit(t, filepath.Join(dir, "exemple/conservation.yaml"), "duree: {valeur: 3, unite: ans, depart: dernier_contact}", "duree: {valeur: 5, unite: ans, depart: dernier_contact}")
	edit(t, filepath.Join(dir, "exemple/conservation.yaml"), "duree: {valeur: 1, unite: ans, depart: enregistrement}", "duree: {valeur: 6, unite: mois, depart: enregistrement}")
	edit(t, filepath.Join(dir, "exemple/traitements.yaml"), "destinataires: [support, hebergeur, comptable]", "destinataires: [support, hebergeur, comptable, commercial]")
	edit(t, filepath.Join(dir, "exemple/organisation.yaml"), "telephone: 02 40 00 00 00", "telephone: 02 40 00 00 09")
	edit(t, filepath.Join(dir, "exemple/traitements.yaml"), "description: établir et conserver les factures.", "description: \"établir  et conserver les factures\"")

}

func load2(t *testing.T, a, b string) (*load.Site, *load.Site) {
	t.Helper()
	var out [2]*load.Site
	for i, dir := range []string{a, b} {
		s, err := load.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		if errs := Errors(s); len(errs) > 0 {
			t.Fatalf("%s: %v", dir, errs)
		}
		out[i] = s
	}
	return out[0], out[1]
}

// want is the report of dpoEdits: path, document, substantial.
var want = []string{
	"organisation.telephone politique-de-confidentialite false",
	"traitements[gestion_clients].finalites[1].description politique-de-confidentialite false",
	"traitements[gestion_clients].destinataires politique-de-confidentialite true",
	"conservation[prospects_3_ans].duree politique-de-confidentialite true",
	"conservation[journaux_1_an].duree politique-de-confidentialite false",
	"organisation.telephone charte-donnees false",
}

func summary(r *Report) string {
	var out []string
	for _, c := range r.Changes {
		out = append(out, c.Path+" "+c.Document+" "+map[bool]string{true: "true", false: "false"}[c.Substantial])
	}
	return strings.Join(out, "\n")
}

func TestBetweenFolders(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	copyDir(t, fixture, a)
	copyDir(t, fixture, b)
	dpoEdits(t, b)
	sa, sb := load2(t, a, b)
	r := Compare(sa, sb, nil, Shown(b, "content"))
	if got := summary(r); got != strings.Join(want, "\n") {
		t.Errorf("changes:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	if len(r.Missing) != 1 || r.Missing[0].Document != "politique-de-confidentialite" || r.Missing[0].File != "content/exemple/documents.yaml" || r.Missing[0].Line == 0 {
		t.Errorf("missing versions: %+v, want the politique's", r.Missing)
	}
	var text bytes.Buffer
	if err := r.Write(&text, "text", ""); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"SUBSTANTIELLE : ligne de conservation « Données des Prospects » — durée : « 3 ans à compter du dernier contact » → « 5 ans à compter du dernier contact » (durée allongée)",
		"SUBSTANTIELLE : traitement « Gestion des contrats et des comptes » — destinataires : ajout de « Équipe commerciale et marketing »",
		"non substantielle : organisation — téléphone : « 02 40 00 00 00 » → « 02 40 00 00 09 »",
		"(durée raccourcie)",
		"2 modifications substantielles et 3 modifications non substantielles.",
	} {
		if !strings.Contains(strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(text.String()), s) {
			t.Errorf("the text report lacks %q:\n%s", s, text.String())
		}
	}
	var md bytes.Buffer
	if err := r.Write(&md, "md", "2026-01-15"); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"## Exemple Services — Politique de confidentialité", "- date: 2026-01-15\n  version: \"2.2\"", "`documents.politique.historique`"} {
		if !strings.Contains(md.String(), s) {
			t.Errorf("the Markdown report lacks %q:\n%s", s, md.String())
		}
	}
	// A new version with its history entry: no warning.
	edit(t, filepath.Join(b, "exemple/documents.yaml"), `version: "2.1"`, `version: "2.2"`)
	if _, sb := load2(t, a, b); len(Compare(sa, sb, nil, Shown(b, "content")).Missing) != 0 {
		t.Error("a warning despite the new version")
	}
	// The same content: no change.
	if r := Compare(sa, sa, nil, Shown(a, "content")); len(r.Changes) != 0 {
		t.Errorf("changes between a site and itself: %s", summary(r))
	}
}

func TestJSONShape(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	copyDir(t, fixture, a)
	copyDir(t, fixture, b)
	edit(t, filepath.Join(b, "exemple/organisation.yaml"), "telephone: 02 40 00 00 00", "telephone: 02 40 00 00 09")
	sa, sb := load2(t, a, b)
	var out bytes.Buffer
	if err := Compare(sa, sb, []string{"exemple"}, Shown(b, "content")).Write(&out, "json", ""); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got["version"] != 1.0 || len(got["changes"].([]any)) != 2 || len(got["missing_versions"].([]any)) != 0 {
		t.Fatalf("unexpected report: %s", out.String())
	}
	c := got["changes"].([]any)[0].(map[string]any)
	for _, k := range []string{"org", "document", "path", "before", "after", "substantial", "message"} {
		if _, ok := c[k]; !ok {
			t.Errorf("change without key %q: %v", k, c)
		}
	}
}

// TestBetweenRevisions compares two commits of a temporary git repository.
func TestBetweenRevisions(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git absent")
	}
	repo := t.TempDir()
	content := filepath.Join(repo, "content")
	copyDir(t, fixture, content)
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=DPO", "-c", "user.email=dpo@exemple.fr", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = repo
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	run("init", "-q")
	run("add", "-A")
	run("commit", "-q", "-m", "contenu initial")
	dpoEdits(t, content)
	run("commit", "-q", "-a", "-m", "durées, destinataire, téléphone")

	ctx := context.Background()
	before := t.TempDir()
	if err := Extract(ctx, content, "HEAD~1", before); err != nil {
		t.Fatal(err)
	}
	sa, sb := load2(t, before, content)
	if got := summary(Compare(sa, sb, nil, Shown(content, "content"))); got != strings.Join(want, "\n") {
		t.Errorf("changes:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	after := t.TempDir()
	if err := Extract(ctx, content, "HEAD", after); err != nil {
		t.Fatal(err)
	}
	sa, sb = load2(t, after, content)
	if r := Compare(sa, sb, nil, Shown(content, "content")); len(r.Changes) != 0 {
		t.Errorf("HEAD differs from the work tree: %s", summary(r))
	}
	for _, rev := range []string{"inconnue", "--output=/tmp/x", "HEAD~5"} {
		if err := Extract(ctx, content, rev, t.TempDir()); err == nil {
			t.Errorf("revision %q: no error", rev)
		}
	}
}

// TestElements matches history entries by date and version, and names an
// element added at the top of the model without a place before it.
func TestElements(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	copyDir(t, fixture, a)
	copyDir(t, fixture, b)
	edit(t, filepath.Join(b, "exemple/documents.yaml"), "    historique:\n", "    historique:\n      - {date: 2025-06-01, version: \"2.2\", resume: Ajout d'un destinataire.}\n")
	edit(t, filepath.Join(b, "exemple/destinataires.json"), `"destinataires": [`, `"destinataires": [{"id": "agence", "libelle": "Agence de prospection", "type": "partenaire"}, `)
	sa, sb := load2(t, a, b)
	var got []string
	for _, c := range Compare(sa, sb, nil, Shown(b, "content")).Changes {
		got = append(got, c.Document+" "+c.Message)
	}
	want := []string{
		"politique-de-confidentialite document — ajout : historique « 2.2 »",
		"politique-de-confidentialite ajout : destinataire « Agence de prospection »",
		"charte-donnees ajout : destinataire « Agence de prospection »",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
