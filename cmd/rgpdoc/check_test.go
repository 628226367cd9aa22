package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckExitCodes drives `rgpdoc check` in-process on the fixtures of
// build/check, whose expected reports are tested there.
func TestCheckExitCodes(t *testing.T) {
	fixture := func(name string) string { return filepath.Join("..", "..", "testdata", "check", name, "content") }
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stdout string // a part of the expected output
		stderr string
	}{
		{"clean", []string{"--content", fixture("clean")}, exitOK, "Aucun problème dans 2 fichiers.", ""},
		{"errors", []string{"--content", fixture("base-legale")}, exitFindings, "[base-legale]", ""},
		{"warnings", []string{"--content", fixture("sauvegarde-non-chiffree")}, exitOK, "[sauvegarde-non-chiffree]", ""},
		{"warnings strict", []string{"--strict", "--content", fixture("sauvegarde-non-chiffree")}, exitFindings, "0 erreur et 1 avertissement", ""},
		{"gap declared", []string{"--content", fixture("base-legale/a-completer")}, exitOK, "avertissement: la finalité « Exécution des commandes »", ""},
		{"json", []string{"--format", "json", "--content", fixture("base-legale")}, exitFindings, `"rule": "base-legale"`, ""},
		{"accepted strict", []string{"--strict", "--content", fixture("derogation/acceptee")}, exitOK, "1 écart accepté par dérogation", ""},
		{"accepted json", []string{"--format", "json", "--content", fixture("derogation/acceptee")}, exitOK, `"accepted": 1`, ""},
		{"accepted github", []string{"--format", "github", "--content", fixture("derogation/acceptee")}, exitOK, "::notice file=", ""},
		{"org", []string{"--org", "acme", "--content", fixture("base-legale")}, exitFindings, "[base-legale]", ""},
		{"unknown org", []string{"--org", "acm", "--content", fixture("clean")}, exitUsage, "", "organisation « acm » inconnue ; vouliez-vous dire « acme » ?"},
		{"bad flag", []string{"--strictt", "--content", fixture("clean")}, exitUsage, "", "option inconnue : -strictt"},
		{"bad format", []string{"--format", "xml", "--content", fixture("clean")}, exitUsage, "", "format « xml » inconnu"},
		{"missing folder", []string{"--content", filepath.Join(t.TempDir(), "absent")}, exitUsage, "", "absent introuvable"},
		{"no organization", []string{"--content", t.TempDir()}, exitFindings, "erreur: aucune organisation dans ce dossier de contenu", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb strings.Builder
			code := run(context.Background(), append([]string{"check"}, tc.args...), &out, &errb)
			if code != tc.code {
				t.Errorf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, out.String(), errb.String())
			}
			if !strings.Contains(out.String(), tc.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tc.stdout, out.String())
			}
			if !strings.Contains(errb.String(), tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, errb.String())
			}
		})
	}
}
