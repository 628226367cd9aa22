package load

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// TestReload changes the complete fixture in the ways a user does and checks
// after each change that Reload gives the site that a fresh Load gives, while
// reusing the organizations that the change does not touch.
func TestReload(t *testing.T) {
	content := filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(content, os.DirFS(filepath.Join("..", "..", "testdata", "complet", "content"))); err != nil {
		t.Fatal(err)
	}
	org := filepath.Join(content, "exemple")
	file := filepath.Join(org, "organisation.yaml")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var l Loader
	site, err := l.Load(content)
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name   string
		change func() []string
		// reused is the organization whose files must be reused, if any.
		reused string
	}{
		{"an organization added", func() []string {
			must(t, os.CopyFS(filepath.Join(content, "autre"), os.DirFS(org)))
			return []string{filepath.Join(content, "autre")}
		}, "exemple"},
		{"a file edited keeping its size and time", func() []string {
			info, err := os.Stat(file)
			must(t, err)
			// Same length, same modification time: only the path tells.
			must(t, os.WriteFile(file, bytes.Replace(src, []byte("Exemple Services"), []byte("Exemple Servicez"), 1), 0o644))
			must(t, os.Chtimes(file, info.ModTime(), info.ModTime()))
			return []string{file}
		}, "autre"},
		{"a file broken", func() []string {
			must(t, os.WriteFile(file, []byte("organisation: [\n"), 0o644))
			return []string{file}
		}, "autre"},
		{"a file removed", func() []string {
			must(t, os.Remove(file))
			return []string{file}
		}, "autre"},
		{"a file saved by rename", func() []string {
			tmp := filepath.Join(org, ".organisation.yaml.tmp")
			must(t, os.WriteFile(tmp, src, 0o644))
			must(t, os.Rename(tmp, file))
			return []string{tmp, file}
		}, "autre"},
		{"an organization removed", func() []string {
			must(t, os.RemoveAll(filepath.Join(content, "autre")))
			return []string{filepath.Join(content, "autre", "organisation.yaml"), filepath.Join(content, "autre")}
		}, "exemple"},
		{"a file that is no organization", func() []string {
			must(t, os.WriteFile(filepath.Join(content, "notes"), []byte("x"), 0o644))
			return []string{filepath.Join(content, "notes")}
		}, "exemple"},
		{"the defaults edited", func() []string {
			p := filepath.Join(content, DefaultsDir, "autorite.yaml")
			b, err := os.ReadFile(p)
			must(t, err)
			must(t, os.WriteFile(p, append(b, "\n# modifié\n"...), 0o644))
			return []string{p}
		}, ""},
		{"a content file outside any organization", func() []string {
			p := filepath.Join(content, "perdu.yaml")
			must(t, os.WriteFile(p, []byte("termes: []\n"), 0o644))
			return []string{p}
		}, ""},
	}
	for _, step := range steps {
		prev := site
		paths := step.change()
		site, err = l.Reload(prev, paths)
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		// Pause so that the next step's writes get another modification time
		// on file systems with coarse timestamps, as a user's would.
		time.Sleep(10 * time.Millisecond)
		want, err := Load(content)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(site, want) {
			t.Errorf("%s: Reload differs from Load\nReload: %s\nLoad:   %s", step.name, describe(site), describe(want))
		}
		if step.reused == "" {
			continue
		}
		before, after := find(prev, step.reused), find(site, step.reused)
		if before == nil || after == nil || len(after.Files) == 0 || after.Files[0] != before.Files[0] {
			t.Errorf("%s: the files of %s were read again", step.name, step.reused)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func find(s *Site, id string) *Org {
	for _, o := range s.Orgs {
		if o.ID == id {
			return o
		}
	}
	return nil
}

// describe summarizes a site for a failure message.
func describe(s *Site) string {
	var b bytes.Buffer
	b.WriteString(s.Findings.Summary(s.FileCount()))
	for _, o := range s.Orgs {
		b.WriteString(" " + o.ID + "=" + o.Hash[:8] + "/" + o.Findings.Summary(len(o.Files)))
	}
	return b.String()
}
