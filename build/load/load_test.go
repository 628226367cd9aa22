package load

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rgpdoc/rgpdoc/build/diag"
	"github.com/rgpdoc/rgpdoc/internal/golden"
)

// generated are bad inputs too large or too repetitive to commit.
var generated = map[string][]byte{
	"bombe-texte.yaml": textBomb(),
	"trop-gros.yaml":   []byte("termes:\n" + strings.Repeat("  - {terme: Terme, definition: Une définition assez longue pour remplir la ligne.}\n", 16000)),
	"imbrication.yaml": []byte("organisation: " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\n"),
	"bombe-alias.yaml": []byte(`a: &a ["x","x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
`),
}

// textBomb is one 800 KB string used 5,000 times through an alias: a file
// under the size limit that expands to 4 GB of text.
func textBomb() []byte {
	return []byte("termes:\n  - terme: &t " + strings.Repeat("x", 800_000) + "\n    definition: d\n" +
		strings.Repeat("  - {terme: *t, definition: d}\n", 5000))
}

// TestBadInputs loads each bad file of testdata/load/bad (and the generated
// ones) as the only file of an organization: each must give exactly one
// French error naming the file, line and column, without panicking.
func TestBadInputs(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "load", "bad"))
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	inputs := map[string][]byte{}
	for name, b := range generated {
		inputs[name] = b
	}
	for _, e := range entries {
		if filepath.Ext(e.Name()) != ".golden" {
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			inputs[e.Name()] = b
		}
	}
	for name, src := range inputs {
		t.Run(name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			if err := os.MkdirAll(filepath.Join("content", "org"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join("content", "org", name), src, 0o644); err != nil {
				t.Fatal(err)
			}
			site, err := Load("content")
			if err != nil {
				t.Fatal(err)
			}
			findings := append(site.Findings, site.Orgs[0].Findings...)
			if len(findings) != 1 || findings[0].Severity != diag.Error {
				t.Fatalf("want exactly one error, got %v", findings)
			}
			if f := findings[0]; f.File != filepath.Join("content", "org", name) || f.Line == 0 {
				t.Errorf("finding does not locate the file and line: %v", f)
			}
			var got bytes.Buffer
			if err := findings.WriteReport(&got, "text", 1); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join(dir, name+".golden"), got.Bytes())
		})
	}
}

// TestCRLFAndBOM checks that Windows line ends and a UTF-8 byte order mark
// change nothing, positions included.
func TestCRLFAndBOM(t *testing.T) {
	lf := []byte("organisation:\n  raison_sociale: Intent\n  email: pas-une-adresse\n")
	crlf := append([]byte("\xef\xbb\xbf"), bytes.ReplaceAll(lf, []byte("\n"), []byte("\r\n"))...)
	var reports [2]string
	for i, src := range [][]byte{lf, crlf} {
		t.Chdir(t.TempDir())
		os.MkdirAll(filepath.Join("content", "org"), 0o755)
		os.WriteFile(filepath.Join("content", "org", "a.yaml"), src, 0o644)
		site, err := Load("content")
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		site.Orgs[0].Findings.WriteReport(&b, "text", 1)
		reports[i] = b.String()
	}
	if reports[0] != reports[1] || !strings.Contains(reports[0], "a.yaml:3:10:") {
		t.Errorf("LF and CRLF+BOM reports differ or misplace the finding:\n%s\n%s", reports[0], reports[1])
	}
}
