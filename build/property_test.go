package build

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"go.yaml.in/yaml/v4"

	"github.com/rgpdoc/rgpdoc/build/load"
	"github.com/rgpdoc/rgpdoc/build/synth"
	"github.com/rgpdoc/rgpdoc/schema"
)

// FuzzWhatCheckAcceptsBuilds generates an organization (build/synth) from
// the seed, drops a few of its fields at random and sometimes gives it a
// logo without a colour: whatever check accepts, build must render in the
// three formats, without error or panic.
func FuzzWhatCheckAcceptsBuilds(f *testing.F) {
	for seed := range uint64(10) {
		f.Add(seed)
	}
	required := requiredKeys(f)
	f.Fuzz(func(t *testing.T, seed uint64) {
		dir := t.TempDir()
		content := filepath.Join(dir, "content")
		g := synth.New(seed)
		if err := g.Write(content, 1); err != nil {
			t.Fatal(err)
		}
		rng := rand.New(rand.NewPCG(seed, 10))
		org := filepath.Join(content, g.ID(0))
		files, err := g.Files(0, 0)
		if err != nil {
			t.Fatal(err)
		}
		for name, src := range files {
			var n yaml.Node
			if err := yaml.Load(src, &n); err != nil {
				t.Fatal(err)
			}
			if name == "organisation.yaml" && rng.IntN(2) == 0 {
				setLogo(t, &n, org)
			}
			for range rng.IntN(4) {
				dropOne(rng, &n, required)
			}
			b, err := yaml.Marshal(&n)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(org, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		site, err := load.Open(content)
		if err != nil {
			t.Fatal(err)
		}
		findings, _, err := Write(context.Background(), site, Options{Epoch: time.Unix(0, 0).UTC()}, filepath.Join(dir, "public"), nil)
		if err != nil {
			t.Fatalf("check accepts the content (%d findings), build fails: %v", len(findings), err)
		}
	})
}

// setLogo gives the organization a logo and no colour.
func setLogo(t *testing.T, n *yaml.Node, org string) {
	t.Helper()
	svg := `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>`
	if err := os.WriteFile(filepath.Join(org, "logo.svg"), []byte(svg), 0o644); err != nil {
		t.Fatal(err)
	}
	o := n.Content[0].Content[1] // organisation: {…}
	for i := 0; i < len(o.Content); i += 2 {
		if o.Content[i].Value == "theme" {
			o.Content = append(o.Content[:i], o.Content[i+2:]...)
			break
		}
	}
	var theme yaml.Node
	if err := yaml.Load([]byte("theme: {logo: logo.svg}"), &theme); err != nil {
		t.Fatal(err)
	}
	o.Content = append(o.Content, theme.Content[0].Content...)
}

// requiredKeys returns the keys that the schema requires of some object:
// dropping them would only make the content fail its schema.
func requiredKeys(f *testing.F) map[string]bool {
	var s struct {
		Defs map[string]struct{ Required []string } `json:"$defs"`
	}
	if err := json.Unmarshal(schema.JSON, &s); err != nil {
		f.Fatal(err)
	}
	out := map[string]bool{}
	for _, d := range s.Defs {
		for _, k := range d.Required {
			out[k] = true
		}
	}
	return out
}

// dropOne removes one optional entry of a map, chosen at random among all
// those of the file.
func dropOne(rng *rand.Rand, n *yaml.Node, required map[string]bool) {
	type entry struct {
		parent *yaml.Node
		i      int // the entry is parent.Content[i:i+2]
	}
	var entries []entry
	var walk func(*yaml.Node)
	walk = func(n *yaml.Node) {
		switch n.Kind {
		case yaml.DocumentNode:
			walk(n.Content[0])
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				if !required[n.Content[i].Value] {
					entries = append(entries, entry{n, i})
				}
				walk(n.Content[i+1])
			}
		case yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c)
			}
		}
	}
	walk(n)
	if len(entries) == 0 {
		return
	}
	e := entries[rng.IntN(len(entries))]
	e.parent.Content = append(e.parent.Content[:e.i], e.parent.Content[e.i+2:]...)
}
