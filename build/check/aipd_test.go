package check_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAIPD is the table of the impact-assessment screening: a warning from
// two criteria on, unless the assessment or the reason not to do one is
// recorded.
func TestAIPD(t *testing.T) {
	clean, err := os.ReadFile(filepath.Join(fixtures, "clean", "content", "acme", "acme.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	defaults, err := os.ReadFile(filepath.Join(fixtures, "clean", "content", "_defaults", "defaults.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	const anchor = "    conservation: [clients_3_ans]\n"
	for _, tc := range []struct {
		name, aipd string
		warn       bool
	}{
		{"aucun critère", "{criteres: []}", false},
		{"un critère", "{criteres: [surveillance]}", false},
		{"deux critères", "{criteres: [surveillance, personnes_vulnerables]}", true},
		{"deux critères et analyse", `{criteres: [surveillance, personnes_vulnerables], realisee_le: "2024-03-01", conclusion: risques acceptables}`, false},
		{"deux critères et dispense", "{criteres: [surveillance, personnes_vulnerables], dispense: traitement de la liste des traitements dispensés}", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			content := strings.Replace(string(clean), anchor, anchor+"    aipd: "+tc.aipd+"\n", 1)
			for name, b := range map[string][]byte{"acme/acme.yaml": []byte(content), "_defaults/defaults.yaml": defaults} {
				p := filepath.Join(dir, "content", filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			findings, report := runCheck(t, dir)
			got := false
			for _, f := range findings {
				got = got || f.Rule == "aipd"
			}
			if got != tc.warn {
				t.Errorf("aipd finding: %v, want %v\n%s", got, tc.warn, report)
			}
			if !tc.warn && len(findings) > 0 {
				t.Errorf("unexpected findings:\n%s", report)
			}
		})
	}
}
