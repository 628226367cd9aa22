package check_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/rgpdoc/rgpdoc/build"
	"github.com/rgpdoc/rgpdoc/build/check"
	"github.com/rgpdoc/rgpdoc/build/load"
	"github.com/rgpdoc/rgpdoc/schema"
)

// referentiels is an organization written from scratch that follows every
// reference of check.References to the limit.
const referentiels = "../../testdata/referentiels/content"

// TestReferentiels checks that the organization passes --strict, and that
// each of its durations moved one month past its reference (one day for a
// duration in days) raises exactly one finding, which cites the source.
func TestReferentiels(t *testing.T) {
	site, err := load.Load(referentiels)
	if err != nil {
		t.Fatal(err)
	}
	findings, err := build.Check(site)
	if err != nil {
		t.Fatal(err)
	}
	if len(findings) > 0 {
		t.Fatalf("the organization that follows the references has findings:\n%v", findings)
	}
	o := site.Orgs[0]
	used := map[schema.Referentiel]bool{}
	for i := range o.Content.Conservation {
		k := &o.Content.Conservation[i]
		ref := reference(t, k.Referentiel)
		used[k.Referentiel] = true
		saved := k.Duree
		over := *k.Duree
		step := 1
		if ref.Min != nil {
			step = -1
		}
		switch over.Unite {
		case "ans": // 3 ans becomes 37 mois, or 35 mois under a minimum
			over.Valeur, over.Unite = over.Valeur*12+step, "mois"
		default:
			over.Valeur += step
		}
		k.Duree = &over
		got := check.Org(site, o, nil)
		k.Duree = saved
		if len(got) != 1 || got[0].Rule != "conservation-cnil" || !strings.Contains(got[0].Message, ref.Source) {
			t.Errorf("%s at %d %s: want one conservation-cnil finding citing %q, got:\n%v", k.ID, over.Valeur, over.Unite, ref.Source, got)
		}
	}
	for _, r := range check.References {
		if !used[r.ID] {
			t.Errorf("reference %s: no line of %s follows it", r.ID, referentiels)
		}
	}
}

func reference(t *testing.T, id schema.Referentiel) check.Reference {
	t.Helper()
	i := slices.IndexFunc(check.References, func(r check.Reference) bool { return r.ID == id })
	if i < 0 {
		t.Fatalf("no reference %q", id)
	}
	return check.References[i]
}

// TestReferencesMatchEnum keeps the table and the values of referentiel in step.
func TestReferencesMatchEnum(t *testing.T) {
	var values, ids []string
	for _, o := range schema.Enums[reflect.TypeFor[schema.Referentiel]()] {
		values = append(values, o.Value)
	}
	for _, r := range check.References {
		ids = append(ids, string(r.ID))
		if (r.Max == nil) == (r.Min == nil) || r.Source == "" || r.What == "" {
			t.Errorf("reference %s needs a source, a description and one of Max or Min", r.ID)
		}
	}
	if !slices.Equal(values, ids) {
		t.Errorf("referentiel values %v, references %v: list them in the same order", values, ids)
	}
}
