package load

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/rgpdoc/rgpdoc/schema"
)

// FuzzParse feeds arbitrary bytes through parsing, schema validation and
// decoding, as YAML and as JSON: whatever the input, the loader must answer
// with a located finding or a decoded value, never panic or hang.
// The seed corpus is every file under testdata/load and testdata/complet.
func FuzzParse(f *testing.F) {
	for _, root := range []string{"../../testdata/load", "../../testdata/complet"} {
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && filepath.Ext(path) != ".golden" {
				if b, err := os.ReadFile(path); err == nil {
					f.Add(b, filepath.Ext(path) == ".json")
				}
			}
			return nil
		})
	}
	f.Fuzz(func(t *testing.T, src []byte, isJSON bool) {
		name := "f.yaml"
		if isJSON {
			name = "f.json"
		}
		p, finding := parse(name, src, false)
		// Positions are parsed again when a finding needs them: both passes agree.
		q, again := parse(name, src, true)
		if !reflect.DeepEqual(finding, again) || (p == nil) != (q == nil) || p != nil && !reflect.DeepEqual(p.value, q.value) {
			t.Fatalf("the parse with positions differs: %+v, %+v", finding, again)
		}
		if finding != nil {
			if finding.Line < 1 || finding.Col < 1 || finding.Message == "" || finding.Rule == "" {
				t.Fatalf("finding without position, message or rule: %+v", finding)
			}
			return
		}
		if len(schema.Validate(p.value)) == 0 {
			if _, err := decode(name, p.value); err != nil {
				t.Fatalf("valid instance does not decode: %v", err)
			}
		}
	})
}
