package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDiffExitCodes drives `rgpdoc diff` in-process; the reports are tested
// in build/diff.
func TestDiffExitCodes(t *testing.T) {
	broken := t.TempDir()
	if err := os.MkdirAll(filepath.Join(broken, "acme"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(broken, "acme", "organisation.yaml"), []byte("organisation: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	complet := filepath.Join("..", "..", "testdata", "complet", "content")
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"same", []string{"--from", complet, "--to", complet}, exitOK, "Aucune modification du contenu.", ""},
		{"json", []string{"--format", "json", "--from", complet, "--to", complet}, exitOK, `"changes": []`, ""},
		{"no from", []string{"--to", complet}, exitUsage, "", "indiquez le contenu de départ avec --from"},
		{"bad format", []string{"--format", "xml", "--from", complet}, exitUsage, "", "format « xml » inconnu"},
		{"errors", []string{"--from", broken, "--to", complet}, exitFindings, "", "comporte des erreurs"},
		{"unknown org", []string{"--org", "acme", "--from", complet, "--to", complet}, exitUsage, "", "organisation « acme » inconnue"},
		{"not a repository", []string{"--from", "HEAD", "--content", t.TempDir()}, exitUsage, "", "n'est pas dans un dépôt git"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb strings.Builder
			code := run(context.Background(), append([]string{"diff"}, tc.args...), &out, &errb)
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
