//go:build unix

package load

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestSpecialFiles loads an organization whose folder holds what a hostile
// pull request could put there: a FIFO (which blocked the run), a link to
// /dev/zero (which read until memory ran out), links out of the content
// folder (which published /etc/passwd as a logo). Each is a finding, and
// none is read; a link that stays in the content folder is followed.
func TestSpecialFiles(t *testing.T) {
	t.Chdir(t.TempDir())
	org := filepath.Join("content", "org")
	if err := os.MkdirAll(org, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, name string) {
		if err := os.Symlink(target, name); err != nil {
			t.Fatal(err)
		}
	}
	write("dehors.yaml", "termes: [{terme: Dehors, definition: hors du dossier}]\n")
	write(filepath.Join("content", "commun.yaml.txt"), "termes: [{terme: Dedans, definition: dans le dossier}]\n")
	write(filepath.Join(org, "a.yaml"), "organisation: {raison_sociale: Org}\n")
	if err := syscall.Mkfifo(filepath.Join(org, "fifo.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	link("/dev/zero", filepath.Join(org, "zero.yaml"))
	link("../../dehors.yaml", filepath.Join(org, "dehors.yaml"))
	link("../commun.yaml.txt", filepath.Join(org, "dedans.yaml"))
	link("/etc/passwd", filepath.Join(org, "logo.svg"))
	link("/dev/zero", filepath.Join(org, "logo.png"))

	site, err := Load("content")
	if err != nil {
		t.Fatal(err)
	}
	o := site.Orgs[0]
	rules := map[string]string{}
	for _, f := range o.Findings {
		rules[filepath.Base(f.File)] = f.Rule
		if f.Line == 0 || f.Message == "" {
			t.Errorf("finding without position or message: %v", f)
		}
	}
	want := map[string]string{"fifo.yaml": "fichier-special", "zero.yaml": "lien-symbolique", "dehors.yaml": "lien-symbolique",
		"logo.svg": "lien-symbolique", "logo.png": "lien-symbolique"}
	for name, rule := range want {
		if rules[name] != rule {
			t.Errorf("%s: rule %q, want %q (findings %v)", name, rules[name], rule, o.Findings)
		}
	}
	if len(o.Findings) != len(want) {
		t.Errorf("want %d findings, got %v", len(want), o.Findings)
	}
	if len(o.Assets) != 0 {
		t.Errorf("assets read through links out of the folder or to devices: %v", len(o.Assets))
	}
	if len(o.Content.Termes) != 1 || o.Content.Termes[0].Terme != "Dedans" {
		t.Errorf("the link inside the content folder is not followed, or the one outside is: %+v", o.Content.Termes)
	}
}
