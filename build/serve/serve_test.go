package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rgpdoc/rgpdoc/build"
	"github.com/rgpdoc/rgpdoc/build/diag"
	"github.com/rgpdoc/rgpdoc/build/load"
)

// fixture copies the complete example content into a temporary folder and
// returns the content folder and the path of the organization's main file.
func fixture(t testing.TB) (content, file string) {
	t.Helper()
	content = filepath.Join(t.TempDir(), "content")
	if err := os.CopyFS(content, os.DirFS(filepath.Join("..", "..", "testdata", "complet", "content"))); err != nil {
		t.Fatal(err)
	}
	return content, filepath.Join(content, "exemple", "organisation.yaml")
}

// built returns the site that rgpdoc build writes for content.
func built(t *testing.T, content string) build.Files {
	t.Helper()
	site, err := load.Load(content)
	if err != nil {
		t.Fatal(err)
	}
	findings, err := build.Check(site)
	if err != nil || findings.Fails(false) {
		t.Fatalf("the content has errors: %v %v", err, findings)
	}
	files := build.Files{}
	if err := build.Render(site, findings, build.Options{}, files.Collect()); err != nil {
		t.Fatal(err)
	}
	return files
}

// edit replaces old by new in a file, and rebuilds as after its save.
func edit(t *testing.T, s *Server, file, old, new string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s does not hold %q", file, old)
	}
	if err := os.WriteFile(file, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	s.rebuild(batch{paths: []string{file}})
}

func newServer(t *testing.T, content string) *Server {
	t.Helper()
	s := New(Options{Content: content})
	s.rebuild(batch{all: true})
	return s
}

func get(s *Server, method, target string) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest(method, target, nil))
	return w
}

// TestSameSiteAsBuild checks that the server serves the files of rgpdoc
// build at the same URLs, PDFs included, pages differing only by the
// live-reload script.
func TestSameSiteAsBuild(t *testing.T) {
	content, _ := fixture(t)
	want := built(t, content)
	s := newServer(t, content)
	st := s.state.Load()
	if st.good == nil || st.problems != nil {
		t.Fatalf("no good build: %v", st.problems)
	}
	for _, name := range slices.Sorted(maps.Keys(want)) {
		w := get(s, "GET", "/"+name)
		if w.Code != http.StatusOK {
			t.Errorf("%s: status %d", name, w.Code)
			continue
		}
		got := w.Body.Bytes()
		if strings.HasSuffix(name, ".html") {
			if !bytes.Contains(got, st.head) {
				t.Errorf("%s: no live-reload script", name)
			}
			got = bytes.Replace(got, st.head, nil, 1)
		}
		if !bytes.Equal(got, want[name]) {
			t.Errorf("%s: served file differs from the built one", name)
		}
	}
	// Nothing more, the files rendered on request included.
	index, err := st.good.index.get()
	if err != nil {
		t.Fatal(err)
	}
	served := maps.Clone(index)
	for _, ob := range st.good.orgs {
		maps.Copy(served, ob.files)
		for _, lf := range ob.later {
			maps.Copy(served, lf.files)
		}
	}
	for name := range want {
		delete(served, name)
	}
	if len(served) > 0 {
		t.Errorf("served but not built: %v", slices.Collect(maps.Keys(served)))
	}
	for target, index := range map[string]string{"/": "index.html", "/exemple/": "exemple/index.html"} {
		if w := get(s, "GET", target); !bytes.Equal(bytes.Replace(w.Body.Bytes(), st.head, nil, 1), want[index]) {
			t.Errorf("%s does not serve %s", target, index)
		}
	}
	if w := get(s, "GET", "/exemple"); w.Code != http.StatusFound || w.Header().Get("Location") != "/exemple/" {
		t.Errorf("/exemple: status %d, Location %q; want a redirection to /exemple/", w.Code, w.Header().Get("Location"))
	}
}

func TestMethods(t *testing.T) {
	content, _ := fixture(t)
	s := newServer(t, content)
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS"} {
		w := get(s, m, "/")
		if w.Code != http.StatusMethodNotAllowed || w.Header().Get("Allow") != "GET, HEAD" {
			t.Errorf("%s: status %d, Allow %q; want 405 and GET, HEAD", m, w.Code, w.Header().Get("Allow"))
		}
	}
	get := get(s, "GET", "/exemple/registre-art30.html")
	head := httptest.NewRecorder()
	s.ServeHTTP(head, httptest.NewRequest("HEAD", "/exemple/registre-art30.html", nil))
	if head.Code != http.StatusOK || head.Body.Len() != 0 || head.Header().Get("Content-Length") != get.Header().Get("Content-Length") {
		t.Errorf("HEAD: status %d, %d bytes of body, length %s; want 200, none, %s",
			head.Code, head.Body.Len(), head.Header().Get("Content-Length"), get.Header().Get("Content-Length"))
	}
}

func TestPathSafety(t *testing.T) {
	content, _ := fixture(t)
	s := newServer(t, content)
	for _, target := range []string{
		"/../go.mod",
		"/exemple/../../go.mod",
		"/%2e%2e/go.mod",
		"/%2E%2E%2Fgo.mod",
		"/exemple%2f..%2f..%2fgo.mod",
		"/exemple%2Findex.html",
		"/..%5c..%5cgo.mod",
		"/exemple/..\\..\\go.mod",
		"/exemple/index.html%00.pdf",
		"/%252e%252e/go.mod",
		"/%252e%252e%252fgo.mod",
		"/exemple/%2e%2e/%2e%2e/go.mod",
	} {
		if w := get(s, "GET", target); w.Code != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", target, w.Code)
		}
	}
	for target, code := range map[string]int{
		"/exemple/politique-de-confidentialite.html": http.StatusOK,
		"/exemple/./index.html":                      http.StatusNotFound,
		"/go.mod":                                    http.StatusNotFound,
		"/exemple/organisation.yaml":                 http.StatusNotFound,
		"/inconnue/politique-de-confidentialite.pdf": http.StatusNotFound,
		"/exemple/inconnu.pdf":                       http.StatusNotFound,
	} {
		if w := get(s, "GET", target); w.Code != code {
			t.Errorf("%s: status %d, want %d", target, w.Code, code)
		}
	}
	w := get(s, "GET", "/inconnue")
	if !strings.Contains(w.Body.String(), "Page introuvable") || !strings.Contains(w.Body.String(), `lang="fr"`) {
		t.Errorf("the 404 page is not the French one:\n%s", w.Body)
	}
}

// inline finds what a strict Content-Security-Policy would block in a page:
// inline scripts, style elements and attributes, event handlers.
var inline = regexp.MustCompile(`<script(?:\s[^>]*)?>[^<]|<script>|<style|\sstyle=|\son[a-z]+=`)

var liveScript = regexp.MustCompile(`<script src="/_rgpdoc/live.js" data-build="[A-Z2-7]+-[0-9]+" data-assets="([A-Z2-7]+-[0-9]+)?" defer></script>`)

// TestCSP checks that every kind of HTML page the server sends has the
// policy and needs nothing it forbids.
func TestCSP(t *testing.T) {
	content, file := fixture(t)
	s := New(Options{Content: content})
	pages := map[string]*httptest.ResponseRecorder{"building": get(s, "GET", "/")}
	s.rebuild(batch{all: true})
	pages["document"] = get(s, "GET", "/exemple/politique-de-confidentialite.html")
	pages["site index"] = get(s, "GET", "/")
	pages["not found"] = get(s, "GET", "/inconnue.html")
	edit(t, s, file, "capital: 150000", "capital: [150000")
	pages["overlay"] = get(s, "GET", "/exemple/politique-de-confidentialite.html")
	pages["overlay, not found"] = get(s, "GET", "/inconnue.html")
	for name, w := range pages {
		if got := w.Header().Get("Content-Security-Policy"); got != contentSecurityPolicy {
			t.Errorf("%s: Content-Security-Policy %q", name, got)
		}
		if got := w.Header().Get("Cache-Control"); got != "no-store" {
			t.Errorf("%s: Cache-Control %q", name, got)
		}
		if m := inline.FindString(w.Body.String()); m != "" {
			t.Errorf("%s: the page holds %q, which the policy blocks", name, m)
		}
		if !liveScript.MatchString(w.Body.String()) {
			t.Errorf("%s: no live-reload script", name)
		}
	}
	for _, name := range []string{"_rgpdoc/live.js", "_rgpdoc/overlay.css"} {
		if w := get(s, "GET", "/"+name); w.Code != http.StatusOK || w.Body.Len() == 0 {
			t.Errorf("%s: status %d", name, w.Code)
		}
	}
}

// brokenAt returns the errors that the content has now, as check reports them.
func brokenAt(t *testing.T, content string) diag.List {
	t.Helper()
	site, err := load.Load(content)
	if err != nil {
		t.Fatal(err)
	}
	var errs diag.List
	findings, err := build.Check(site)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range findings {
		if f.Severity == diag.Error {
			errs = append(errs, f)
		}
	}
	if len(errs) == 0 {
		t.Fatal("the content has no error")
	}
	return errs
}

// TestOverlay breaks a file: every page shows the last good build under the
// errors, each with its file:line:col, message and lines; the fix brings
// the pages back.
func TestOverlay(t *testing.T) {
	content, file := fixture(t)
	s := newServer(t, content)
	const page = "/exemple/politique-de-confidentialite.html"
	good := built(t, content)[page[1:]]

	edit(t, s, file, "  capital: 150000\n", "  capital: cent cinquante mille\n  sigle: [ES\n")
	errs := brokenAt(t, content)
	src, _ := os.ReadFile(file)
	lines := strings.Split(string(src), "\n")
	st := s.state.Load()
	for _, target := range []string{page, "/", "/exemple/", "/inconnue"} {
		body := get(s, "GET", target).Body.String()
		if under := strings.Replace(strings.Replace(body, string(st.head), "", 1), string(st.overlay), "", 1); target == page && under != string(good) {
			t.Errorf("%s: the last good page is not under the overlay", target)
		}
		for _, e := range errs {
			for _, want := range []string{e.Pos.String(), htmlText(e.Message), htmlText(lines[e.Line-1])} {
				if !strings.Contains(body, want) {
					t.Errorf("%s: the overlay lacks %q", target, want)
				}
			}
			marked := regexp.MustCompile(fmt.Sprintf(`rgpdoc-ici" aria-current="true"><span class="rgpdoc-num"> *%d │ </span>%s</span>`,
				e.Line, regexp.QuoteMeta(htmlText(lines[e.Line-1]))))
			if !marked.MatchString(body) {
				t.Errorf("%s: the line of the error is not marked: want %q", target, marked)
			}
		}
	}

	edit(t, s, file, "  capital: cent cinquante mille\n  sigle: [ES\n", "  capital: 275000\n")
	body := get(s, "GET", page).Body.String()
	if strings.Contains(body, "rgpdoc-erreurs") || !strings.Contains(body, "275\u202f000") {
		t.Errorf("after the fix, the page is not the new one without overlay")
	}
}

func TestOverlayWithoutGoodBuild(t *testing.T) {
	content, file := fixture(t)
	b, _ := os.ReadFile(file)
	os.WriteFile(file, append(b, "inconnue: 1\n"...), 0o644)
	s := newServer(t, content)
	errs := brokenAt(t, content)
	w := get(s, "GET", "/exemple/politique-de-confidentialite.html")
	if w.Code != http.StatusInternalServerError || !strings.Contains(w.Body.String(), errs[0].Pos.String()) ||
		!strings.Contains(w.Body.String(), "Aucune version valide") {
		t.Errorf("status %d, want 500 and the overlay alone:\n%s", w.Code, w.Body)
	}
	os.WriteFile(file, b, 0o644)
	s.rebuild(batch{paths: []string{file}})
	if w := get(s, "GET", "/exemple/politique-de-confidentialite.html"); w.Code != http.StatusOK || strings.Contains(w.Body.String(), "rgpdoc-erreurs") {
		t.Errorf("after the fix: status %d, want the page", w.Code)
	}
}

// TestEvents reads the event stream: the current state on connection, then
// each new one, with a full reload asked only of a page whose assets are
// not the state's.
func TestEvents(t *testing.T) {
	content, file := fixture(t)
	s := newServer(t, content)
	srv := httptest.NewServer(s)
	defer srv.Close()
	stale, err := http.Get(srv.URL + "/_rgpdoc/events?assets=other")
	if err != nil {
		t.Fatal(err)
	}
	defer stale.Body.Close()
	if e := <-sse(stale.Body); e != (event{s.state.Load().id, true}) {
		t.Errorf("first event to a page of other assets %+v, want a reload", e)
	}
	resp, err := http.Get(srv.URL + "/_rgpdoc/events?assets=" + url.QueryEscape(s.state.Load().assets))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Errorf("Content-Type %q", ct)
	}
	events := sse(resp.Body)
	if e := <-events; e != (event{s.state.Load().id, false}) {
		t.Errorf("first event %+v, want the current build %q without reload", e, s.state.Load().id)
	}
	// A change of the document, an error, its fix: the page swaps its parts.
	for _, change := range [][2]string{{"150000", "275000"}, {"275000", "[275000"}, {"[275000", "150000"}} {
		edit(t, s, file, "capital: "+change[0], "capital: "+change[1])
		select {
		case e := <-events:
			if e != (event{s.state.Load().id, false}) {
				t.Errorf("event %+v, want the new build %q without reload", e, s.state.Load().id)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("no event after a rebuild")
		}
	}
}

// sse returns the events of a stream.
func sse(r io.Reader) <-chan event {
	out := make(chan event)
	go func() {
		defer close(out)
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			if data, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				var e event
				if err := json.Unmarshal([]byte(data), &e); err != nil {
					e.Build = "invalid event: " + data
				}
				out <- e
			}
		}
	}()
	return out
}

// TestSameAssets tells the files that pages load from the pages.
func TestSameAssets(t *testing.T) {
	base := build.Files{"o/a.html": []byte("a"), "o/a.md": []byte("a"), "o/logo.png": []byte("1")}
	for _, c := range []struct {
		name  string
		files build.Files
		same  bool
	}{
		{"pages changed", build.Files{"o/a.html": []byte("b"), "o/a.md": []byte("b"), "o/logo.png": []byte("1")}, true},
		{"export added", build.Files{"o/a.html": []byte("a"), "o/a.md": []byte("a"), "o/logo.png": []byte("1"), "o/r.csv": []byte("x")}, true},
		{"logo changed", build.Files{"o/a.html": []byte("a"), "o/a.md": []byte("a"), "o/logo.png": []byte("2")}, false},
		{"logo removed", build.Files{"o/a.html": []byte("a"), "o/a.md": []byte("a")}, false},
		{"stylesheet added", build.Files{"o/a.html": []byte("a"), "o/logo.png": []byte("1"), "o/theme.1.css": nil}, false},
	} {
		if got := sameAssets(base, c.files); got != c.same {
			t.Errorf("%s: sameAssets = %v", c.name, got)
		}
		if got := sameAssets(c.files, base); got != c.same {
			t.Errorf("%s, reversed: sameAssets = %v", c.name, got)
		}
	}
}

// TestLazy asks for a PDF and an export, rendered on request, changes the
// content, and asks again: they are the new ones, as build renders them.
func TestLazy(t *testing.T) {
	content, file := fixture(t)
	s := newServer(t, content)
	names := []string{"exemple/politique-de-confidentialite.pdf", "exemple/politique-de-confidentialite.md"}
	before := map[string][]byte{}
	for _, name := range names {
		w := get(s, "GET", "/"+name)
		if w.Code != http.StatusOK {
			t.Fatalf("%s: status %d", name, w.Code)
		}
		if before[name] = w.Body.Bytes(); !bytes.Equal(before[name], built(t, content)[name]) {
			t.Errorf("%s is not the one build renders", name)
		}
	}
	if got := get(s, "GET", "/"+names[0]).Header().Get("Content-Type"); got != "application/pdf" {
		t.Errorf("PDF served as %s", got)
	}
	edit(t, s, file, "Exemple Services", "Exemple Conseil")
	want := built(t, content)
	for _, name := range names {
		after := get(s, "GET", "/"+name).Body.Bytes()
		if bytes.Equal(after, before[name]) {
			t.Errorf("%s did not change with the content", name)
		}
		if !bytes.Equal(after, want[name]) {
			t.Errorf("the new %s is not the one build renders", name)
		}
	}
}

// TestIncremental checks that a save renders again only its organization,
// and the site index only when what it shows changed.
func TestIncremental(t *testing.T) {
	content, file := fixture(t)
	if err := os.CopyFS(filepath.Join(content, "autre"), os.DirFS(filepath.Dir(file))); err != nil {
		t.Fatal(err)
	}
	s := newServer(t, content)
	first := s.state.Load().good
	for _, step := range []struct {
		old, new string
		index    bool // the site index shows the change
	}{
		{"capital: 150000", "capital: 275000", false},
		{"raison_sociale: Exemple Services", "raison_sociale: Exemple Conseil", true},
	} {
		prev := s.state.Load().good
		edit(t, s, file, step.old, step.new)
		next := s.state.Load().good
		if next == prev || next.orgs["exemple"] == prev.orgs["exemple"] {
			t.Fatalf("%s: exemple was not rendered again", step.new)
		}
		if next.orgs["autre"] != first.orgs["autre"] {
			t.Errorf("%s: autre was rendered again", step.new)
		}
		if reused := next.index == prev.index; reused == step.index {
			t.Errorf("%s: site index rendered again = %v, want %v", step.new, !reused, step.index)
		}
		// Rendered on request, the index is the one build renders.
		st := s.state.Load()
		if w := get(s, "GET", "/"); !bytes.Equal(bytes.Replace(w.Body.Bytes(), st.head, nil, 1), built(t, content)["index.html"]) {
			t.Errorf("%s: the site index served is not the one build renders", step.new)
		}
	}
	id := s.state.Load().id
	s.rebuild(batch{paths: []string{file}}) // a save without change
	if s.state.Load().id != id {
		t.Error("a save that changes nothing published a new build")
	}
}

// TestRun runs the server as rgpdoc serve does: a save reloads the pages,
// and cancelling the context shuts the server down with a stream open.
func TestRun(t *testing.T) {
	content, file := fixture(t)
	var log syncBuffer
	s := New(Options{Content: content, Log: &log})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, ln) }()

	resp, err := http.Get("http://" + ln.Addr().String() + "/_rgpdoc/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	events := sse(resp.Body)
	for e := range events {
		if st := s.state.Load(); e.Build == st.id && st.good != nil {
			break // built
		}
	}
	b, _ := os.ReadFile(file)
	os.WriteFile(file, bytes.Replace(b, []byte("capital: 150000"), []byte("capital: 275000"), 1), 0o644)
	select {
	case <-events:
	case <-time.After(10 * time.Second):
		t.Fatal("no reload after a save")
	}
	if w := get(s, "GET", "/exemple/politique-de-confidentialite.html"); !strings.Contains(w.Body.String(), "275\u202f000") {
		t.Error("the page is not the saved one")
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("Run did not return after the context ended")
	}
	if !strings.Contains(log.String(), "Site construit en ") || !strings.Contains(log.String(), "Reconstruit en ") {
		t.Errorf("log:\n%s", log.String())
	}
}

func htmlText(s string) string { return template.HTMLEscapeString(s) }

// syncBuffer is a buffer that the server's goroutines may write to.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// TestThemes edits a theme read from disk: the pages link to the new
// stylesheet; a broken template shows in the overlay; the fix brings the
// pages back.
func TestThemes(t *testing.T) {
	content, file := fixture(t)
	themes := filepath.Join(t.TempDir(), "themes")
	if err := os.CopyFS(themes, os.DirFS(filepath.Join("..", "..", "themes"))); err != nil {
		t.Fatal(err)
	}
	s := New(Options{Content: content, Themes: themes})
	s.rebuild(batch{all: true})
	const page = "/exemple/politique-de-confidentialite.html"
	stylesheet := regexp.MustCompile(`href="\.\./(assets/style\.[0-9a-f]+\.css)"`)
	before := stylesheet.FindStringSubmatch(get(s, "GET", page).Body.String())
	if before == nil {
		t.Fatal("the page links to no stylesheet")
	}
	assets := s.state.Load().assets
	edit(t, s, filepath.Join(content, "exemple", "conservation.yaml"), "Journalisation des accès", "Journalisation des accès et des exports")
	if s.state.Load().assets != assets {
		t.Error("a change of content changed the assets: the pages would reload fully")
	}

	css := filepath.Join(themes, "default", "assets", "style.css")
	edit(t, s, css, "}", "}\n/* édité */")
	after := stylesheet.FindStringSubmatch(get(s, "GET", page).Body.String())
	if after == nil || after[1] == before[1] {
		t.Fatalf("the page links to %v after the edit, before %s", after, before[1])
	}
	if s.state.Load().assets == assets {
		t.Error("a change of theme kept the assets: the pages would not reload")
	}
	if w := get(s, "GET", "/"+after[1]); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "/* édité */") {
		t.Errorf("%s: status %d, not the edited stylesheet", after[1], w.Code)
	}

	tmpl := filepath.Join(themes, "default", "html", "document.html")
	edit(t, s, tmpl, "{{", "{{.Inconnu")
	if body := get(s, "GET", page).Body.String(); !strings.Contains(body, "rgpdoc-erreurs") || !strings.Contains(body, "document.html") {
		t.Errorf("the overlay does not show the broken template:\n%s", body)
	}
	edit(t, s, tmpl, "{{.Inconnu", "{{")
	if body := get(s, "GET", page).Body.String(); strings.Contains(body, "rgpdoc-erreurs") || !strings.Contains(body, after[1]) {
		t.Error("the page is not back after the fix")
	}

	// A theme that exists only on disk can be chosen: the check knows it.
	if err := os.CopyFS(filepath.Join(themes, "maison"), os.DirFS(filepath.Join(themes, "default"))); err != nil {
		t.Fatal(err)
	}
	s.rebuild(batch{all: true})
	edit(t, s, file, "organisation:\n", "organisation:\n  theme: {nom: maison}\n")
	if body := get(s, "GET", page).Body.String(); strings.Contains(body, "rgpdoc-erreurs") {
		t.Errorf("a theme on disk only is refused:\n%s", body)
	}
}
