package load

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"
	"time"

	"github.com/rgpdoc/rgpdoc/schema"
)

// The budget of one input of FuzzParse: the loader stays within seconds and a
// few hundred MiB on any file under the size limit, so that check and build
// do too. The time is generous for the race detector and a busy machine; a
// bomb costs minutes and gigabytes.
const (
	fuzzTime   = 10 * time.Second
	fuzzMemory = 256 << 20
)

// FuzzParse feeds arbitrary bytes through parsing, schema validation and
// decoding, as YAML and as JSON: whatever the input, the loader must answer
// with a located finding or a decoded value, never panic or hang, within
// the budget above. The seed corpus is every file under testdata/load and
// testdata/complet, and the generated bad inputs.
func FuzzParse(f *testing.F) {
	for _, b := range generated {
		f.Add(b, false)
	}
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
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		defer func() {
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			if mem := after.TotalAlloc - before.TotalAlloc; elapsed > fuzzTime || mem > fuzzMemory {
				t.Fatalf("over budget: %s and %d MiB allocated for a file of %d bytes (budget %s, %d MiB)",
					elapsed, mem>>20, len(src), fuzzTime, fuzzMemory>>20)
			}
		}()
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
