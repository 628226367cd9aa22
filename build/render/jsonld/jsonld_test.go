package jsonld

import (
	"encoding/json"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/piprate/json-gold/ld"

	"github.com/rgpdoc/rgpdoc/build/doc"
	"github.com/rgpdoc/rgpdoc/build/load"
	"github.com/rgpdoc/rgpdoc/internal/golden"
)

const (
	dpvNS  = "https://w3id.org/dpv#"
	gdprNS = "https://w3id.org/dpv/legal/eu/gdpr#"
)

// annotations are the terms outside DPV that the export uses for its texts
// and dates, as DPV's own documents do.
var annotations = []string{
	"http://www.w3.org/2000/01/rdf-schema#label",
	"http://purl.org/dc/terms/description",
	"http://purl.org/dc/terms/identifier",
	"http://purl.org/dc/terms/created",
	"http://purl.org/dc/terms/modified",
}

// registers builds the register of every organization that publishes one.
func registers(t *testing.T, dir string) []*doc.Document {
	t.Helper()
	site, err := load.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []*doc.Document
	for _, o := range site.Orgs {
		if slices.Contains(doc.Published(o.Content), doc.Registre) {
			out = append(out, doc.Build(doc.Registre, o.ID, o.Content))
		}
	}
	return out
}

func TestGolden(t *testing.T) {
	for _, d := range registers(t, "../../../testdata/complet/content") {
		b, err := Render(d)
		if err != nil {
			t.Fatal(err)
		}
		golden.Check(t, "../../../testdata/render/complet-"+d.Org.ID+"-registre-art30.jsonld", b)
	}
}

// offline refuses to fetch a remote context: the export carries its own.
type offline struct{}

func (offline) LoadDocument(u string) (*ld.RemoteDocument, error) {
	return nil, errors.New("no network: " + u)
}

// TestDPVTermsOnly expands the register of the seeds and of the test
// organizations with a JSON-LD processor and checks every term: in DPV's
// namespaces, a term of testdata/dpv/termes.txt (DPV 2.3, sunset terms
// excluded); elsewhere, one of the annotations; every activity a
// dpv:Process.
func TestDPVTermsOnly(t *testing.T) {
	known := dpvTerms(t)
	for _, dir := range []string{"../../../testdata/complet/content", "../../../content"} {
		for _, d := range registers(t, dir) {
			t.Run(d.Org.ID, func(t *testing.T) {
				b, err := Render(d)
				if err != nil {
					t.Fatal(err)
				}
				var in any
				if err := json.Unmarshal(b, &in); err != nil {
					t.Fatal(err)
				}
				opts := ld.NewJsonLdOptions("")
				opts.DocumentLoader = offline{}
				expanded, err := ld.NewJsonLdProcessor().Expand(in, opts)
				if err != nil {
					t.Fatalf("expansion : %v", err)
				}
				if len(expanded) != 1 {
					t.Fatalf("%d nœuds racine, attendu 1", len(expanded))
				}
				check := func(iri, what string) {
					switch {
					case strings.HasPrefix(iri, dpvNS) || strings.HasPrefix(iri, gdprNS):
						if !known[iri] {
							t.Errorf("%s %s : pas un terme de DPV 2.3", what, iri)
						}
					case what == "@id" && strings.HasPrefix(iri, "urn:rgpdoc:"+d.Org.ID+":"):
					case what != "@id" && slices.Contains(annotations, iri):
					default:
						t.Errorf("%s %s : hors de DPV", what, iri)
					}
				}
				walk(expanded, check)
				root := expanded[0].(map[string]any)
				processes, _ := root[dpvNS+"hasProcess"].([]any)
				if len(processes) != len(d.Workbook().Activities) {
					t.Errorf("%d processus, attendu %d activités", len(processes), len(d.Workbook().Activities))
				}
				for _, p := range processes {
					if types, _ := p.(map[string]any)["@type"].([]any); !slices.Contains(types, any(dpvNS+"Process")) {
						t.Errorf("activité sans le type dpv:Process : %v", types)
					}
				}
			})
		}
	}
}

// walk calls check on every property, type and node reference of an
// expanded document.
func walk(v any, check func(iri, what string)) {
	switch v := v.(type) {
	case []any:
		for _, x := range v {
			walk(x, check)
		}
	case map[string]any:
		if _, isValue := v["@value"]; isValue {
			return
		}
		for k, x := range v {
			switch k {
			case "@id":
				check(x.(string), "@id")
			case "@type":
				for _, ty := range x.([]any) {
					check(ty.(string), "@type")
				}
			default:
				check(k, "propriété")
				walk(x, check)
			}
		}
	}
}

func dpvTerms(t *testing.T) map[string]bool {
	t.Helper()
	b, err := os.ReadFile("../../../testdata/dpv/termes.txt")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, l := range strings.Split(string(b), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			out[l] = true
		}
	}
	return out
}
