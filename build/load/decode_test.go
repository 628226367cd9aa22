package load

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/rgpdoc/rgpdoc/schema"
)

// TestDecode decodes every valid content file of the repository and checks
// the model against encoding/json's decoding of the same value, and that
// every element's origin names a value of the file.
func TestDecode(t *testing.T) {
	n := 0
	for _, root := range []string{"../../testdata", "../../content"} {
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !isContent(path) {
				return err
			}
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			p, finding := parse(path, src, true)
			if finding != nil || len(schema.Validate(p.value)) > 0 {
				return nil
			}
			n++
			got, err := decode(path, p.value)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			b, err := json.Marshal(p.value)
			if err != nil {
				t.Fatal(err)
			}
			var want schema.Contenu
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			var origins []schema.Origin
			clearOrigins(reflect.ValueOf(got).Elem(), &origins)
			if !reflect.DeepEqual(*got, want) {
				t.Errorf("%s: decode differs from encoding/json:\n%+v\n%+v", path, *got, want)
			}
			for _, o := range origins {
				if _, ok := p.spans[o.Pointer]; o.File != path || !ok {
					t.Errorf("%s: origin %+v names no value of the file", path, o)
				}
			}
			return nil
		})
	}
	if n < 20 {
		t.Fatalf("only %d files decoded", n)
	}
}

// clearOrigins appends the origins of the model to out, and clears them.
func clearOrigins(v reflect.Value, out *[]schema.Origin) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			clearOrigins(v.Elem(), out)
		}
	case reflect.Slice:
		for i := range v.Len() {
			clearOrigins(v.Index(i), out)
		}
	case reflect.Struct:
		if v.Type() == originType {
			*out = append(*out, v.Interface().(schema.Origin))
			v.SetZero()
			return
		}
		for i := range v.NumField() {
			clearOrigins(v.Field(i), out)
		}
	}
}

// TestDecodeIntegralNumbers decodes numbers that JSON Schema counts as
// integers though written with a fraction or an exponent, which
// encoding/json refused after validation had accepted them.
func TestDecodeIntegralNumbers(t *testing.T) {
	src := "organisation: {raison_sociale: X, capital: 1e3}\n" +
		"conservation: [{id: x, libelle: X, donnees: [y], duree: {valeur: 2.0, unite: ans}}]\n"
	p, finding := parse("f.yaml", []byte(src), false)
	if finding != nil {
		t.Fatal(finding)
	}
	if v := schema.Validate(p.value); len(v) > 0 {
		t.Fatalf("the schema refuses the file: %v", v)
	}
	c, err := decode("f.yaml", p.value)
	if err != nil {
		t.Fatal(err)
	}
	if c.Organisation.Capital != 1000 || c.Conservation[0].Duree.Valeur != 2 {
		t.Errorf("capital %d, valeur %d; want 1000 and 2", c.Organisation.Capital, c.Conservation[0].Duree.Valeur)
	}
}
