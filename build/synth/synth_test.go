package synth

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/rgpdoc/rgpdoc/build"
	"github.com/rgpdoc/rgpdoc/build/diag"
	"github.com/rgpdoc/rgpdoc/build/doc"
	"github.com/rgpdoc/rgpdoc/build/load"
)

func TestDeterministic(t *testing.T) {
	for i := range 20 {
		a, err := New(1).Files(i, 0)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := New(1).Files(i, 0)
		other, _ := New(2).Files(i, 0)
		for name := range a {
			if !bytes.Equal(a[name], b[name]) {
				t.Errorf("org %d, %s: two generations differ", i, name)
			}
		}
		if bytes.Equal(a["organisation.yaml"], other["organisation.yaml"]) {
			t.Errorf("org %d: seeds 1 and 2 give the same organization", i)
		}
	}
}

// TestContentChecks loads generated organizations with the real loader and
// rules: they must have no error, publish the three documents, and only the
// organizations with a declared gap may have warnings.
func TestContentChecks(t *testing.T) {
	dir := t.TempDir()
	g := New(1)
	const n = 30
	if err := g.Write(dir, n); err != nil {
		t.Fatal(err)
	}
	site, err := load.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(site.Orgs) != n {
		t.Fatalf("%d organizations loaded, want %d", len(site.Orgs), n)
	}
	ids := map[string]int{}
	for i := range n {
		ids[g.ID(i)] = i
	}
	for _, o := range site.Orgs {
		i, ok := ids[o.ID]
		if !ok {
			t.Fatalf("unexpected organization %s", o.ID)
		}
		findings := build.OrgFindings(site, o, nil)
		errs, warns := findings.Count()
		if errs > 0 || (warns > 0) != g.org(i, 0).Lacune {
			var b bytes.Buffer
			findings.WriteReport(&b, "text", 0)
			t.Errorf("%s: %d errors, %d warnings:\n%s", o.ID, errs, warns, b.String())
		}
		if got := doc.Published(o.Content); len(got) != 3 {
			t.Errorf("%s publishes %v, want the three documents", o.ID, got)
		}
	}
}

// TestSizeOfLargestSeed keeps the organizations the size of the largest
// seed of content/, within 10 %.
func TestSizeOfLargestSeed(t *testing.T) {
	seeds, err := os.ReadDir("../../content")
	if err != nil {
		t.Fatal(err)
	}
	largest := 0
	for _, e := range seeds {
		if !e.IsDir() || e.Name() == load.DefaultsDir {
			continue
		}
		if n := folderSize(t, filepath.Join("../../content", e.Name())); n > largest {
			largest = n
		}
	}
	total := 0
	const n = 50
	for i := range n {
		fs, err := New(1).Files(i, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range fs {
			total += len(b)
		}
	}
	if avg := total / n; avg < largest*9/10 || avg > largest*11/10 {
		t.Errorf("average size %d bytes, largest seed %d bytes: keep build/synth/template the size of the largest seed", avg, largest)
	}
}

func folderSize(t *testing.T, dir string) int {
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			t.Fatal(err)
		}
		n += int(info.Size())
	}
	return n
}

// TestEdit checks that an edit changes one file of one organization, and so
// that organization's hash only.
func TestEdit(t *testing.T) {
	dir := t.TempDir()
	g := New(1)
	if err := g.Write(dir, 3); err != nil {
		t.Fatal(err)
	}
	before := hashes(t, dir)
	if err := g.Edit(dir, 1, 1); err != nil {
		t.Fatal(err)
	}
	after := hashes(t, dir)
	for i := range 3 {
		id := g.ID(i)
		if changed := before[id] != after[id]; changed != (i == 1) {
			t.Errorf("%s: hash changed = %v after editing organization 1", id, changed)
		}
	}
	fs, _ := g.Files(1, 1)
	got, _ := os.ReadFile(filepath.Join(dir, g.ID(1), "documents.yaml"))
	if !bytes.Equal(got, fs["documents.yaml"]) {
		t.Error("documents.yaml is not revision 1")
	}
}

func hashes(t *testing.T, dir string) map[string]string {
	site, err := load.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, o := range site.Orgs {
		if e, _ := diag.List(o.Findings).Count(); e > 0 {
			t.Fatalf("%s: %v", o.ID, o.Findings)
		}
		out[o.ID] = o.Hash
	}
	return out
}
