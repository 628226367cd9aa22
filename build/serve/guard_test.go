package serve

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rgpdoc/rgpdoc/build"
	"github.com/rgpdoc/rgpdoc/build/diag"
	"github.com/rgpdoc/rgpdoc/build/load"
	"github.com/rgpdoc/rgpdoc/build/render/html"
)

func TestHostAllowed(t *testing.T) {
	local := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}
	all := &net.TCPAddr{IP: net.IPv6unspecified, Port: 8080}
	for _, tc := range []struct {
		host string
		addr net.Addr
		name string
		want bool
	}{
		{"127.0.0.1:8080", local, "", true},
		{"localhost:8080", local, "", true},
		{"LocalHost:8080", local, "", true},
		{"[::1]:8080", local, "", true},
		{"evil.example:8080", local, "", false}, // DNS rebinding
		{"localhost.evil.example:8080", local, "", false},
		{"127.0.0.1:9090", local, "", false},
		{"localhost", local, "", false},
		{"", local, "", false},
		{"192.168.1.5:8080", local, "", false},
		{"192.168.1.5:8080", all, "", true}, // shared on the network: any address of the machine
		{"evil.example:8080", all, "", false},
		{"preview.lan:8080", all, "preview.lan", true}, // the name given to --addr
		{"PREVIEW.lan:8080", local, "preview.lan", true},
		{"evil.example:8080", all, "preview.lan", false},
		{"preview.lan:9090", all, "preview.lan", false},
	} {
		if got := hostAllowed(tc.host, tc.addr, tc.name); got != tc.want {
			t.Errorf("hostAllowed(%q, %s, %q) = %v, want %v", tc.host, tc.addr, tc.name, got, tc.want)
		}
	}
}

// running starts Run on a copy of the fixture and waits for the first build.
func running(t *testing.T, opts Options) (s *Server, base string) {
	t.Helper()
	s = New(opts)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, ln) }()
	t.Cleanup(func() {
		stop()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	eventually(t, "the first build", func() bool { return s.state.Load().good != nil })
	return s, "http://" + ln.Addr().String()
}

// eventually waits until ok, for at most 20 seconds.
func eventually(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); !ok(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no %s", what)
		}
	}
}

// TestHostCheck sends the request of a page of another site that reached
// the preview by DNS rebinding: it carries its own name, and is refused.
func TestHostCheck(t *testing.T) {
	content, _ := fixture(t)
	_, base := running(t, Options{Content: content})
	for host, want := range map[string]int{"": http.StatusOK, "localhost": http.StatusOK, "evil.example": http.StatusMisdirectedRequest} {
		req, _ := http.NewRequest("GET", base+"/exemple/registre-art30.html", nil)
		if host != "" {
			req.Host = host + base[strings.LastIndex(base, ":"):]
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %q: status %d, want %d", req.Host, resp.StatusCode, want)
		}
		if want != http.StatusOK && (!strings.Contains(string(body), "refusé") || strings.Contains(string(body), "Registre")) {
			t.Errorf("Host %q: %s", req.Host, body)
		}
	}
}

func TestEventStreamsCapped(t *testing.T) {
	defer func(n int64) { maxStreams = n }(maxStreams)
	maxStreams = 2
	content, _ := fixture(t)
	s := newServer(t, content)
	srv := httptest.NewServer(s)
	defer srv.Close()
	open := func() *http.Response {
		resp, err := http.Get(srv.URL + "/_rgpdoc/events")
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
	first, second := open(), open()
	defer second.Body.Close()
	third := open()
	body, _ := io.ReadAll(third.Body)
	third.Body.Close()
	if third.StatusCode != http.StatusServiceUnavailable || !strings.Contains(string(body), "Trop de pages") {
		t.Errorf("a stream beyond the cap: status %d, %s", third.StatusCode, body)
	}
	first.Body.Close()
	eventually(t, "stream closed", func() bool { return s.streams.Load() < 2 })
	if again := open(); again.StatusCode != http.StatusOK {
		t.Errorf("a stream once one closed: status %d", again.StatusCode)
	} else {
		again.Body.Close()
	}
}

// TestRebuildSurvivesPanic makes a rebuild panic: the overlay says so over
// the last good build, and the next rebuild brings the pages back.
func TestRebuildSurvivesPanic(t *testing.T) {
	content, file := fixture(t)
	s := newServer(t, content)
	defer func(f func(*load.Site, diag.List, build.Options, build.Put) ([]html.Listing, error)) { renderOrgs = f }(renderOrgs)
	renderOrgs = func(*load.Site, diag.List, build.Options, build.Put) ([]html.Listing, error) {
		panic("panne injectée")
	}
	edit(t, s, file, "capital: 150000", "capital: 275000")
	w := get(s, "GET", "/exemple/politique-de-confidentialite.html")
	if body := w.Body.String(); w.Code != http.StatusOK || !strings.Contains(body, "rgpdoc-erreurs") || !strings.Contains(body, "panne injectée") || !strings.Contains(body, "150\u202f000") {
		t.Errorf("after a panic: status %d, want the last good page under the overlay:\n%s", w.Code, body)
	}
	renderOrgs = build.RenderOrgs
	edit(t, s, file, "capital: 275000", "capital: 275001")
	if body := get(s, "GET", "/exemple/politique-de-confidentialite.html").Body.String(); strings.Contains(body, "rgpdoc-erreurs") || !strings.Contains(body, "275\u202f001") {
		t.Errorf("the pages are not back:\n%s", body)
	}
}

// TestContentFolderRestored removes the content folder and puts it back, as
// a git branch switch does: the server sees it go, then come back, and
// keeps watching it.
func TestContentFolderRestored(t *testing.T) {
	content, file := fixture(t)
	s, _ := running(t, Options{Content: content})
	away := content + ".ailleurs"
	if err := os.Rename(content, away); err != nil {
		t.Fatal(err)
	}
	eventually(t, "failure once the folder is gone", func() bool { return s.state.Load().problems != nil })
	if err := os.Rename(away, content); err != nil {
		t.Fatal(err)
	}
	eventually(t, "build once the folder is back", func() bool { return s.state.Load().problems == nil })
	b, _ := os.ReadFile(file)
	os.WriteFile(file, []byte(strings.Replace(string(b), "capital: 150000", "capital: 275000", 1)), 0o644)
	eventually(t, "rebuild after a save in the restored folder", func() bool {
		return strings.Contains(get(s, "GET", "/exemple/politique-de-confidentialite.html").Body.String(), "275\u202f000")
	})
}

// TestThemeLinkOutside links a file of a theme read from disk to a file
// outside the themes folder: the themes are refused, the file never served.
func TestThemeLinkOutside(t *testing.T) {
	content, _ := fixture(t)
	themes := filepath.Join(t.TempDir(), "themes")
	if err := os.CopyFS(themes, os.DirFS(filepath.Join("..", "..", "themes"))); err != nil {
		t.Fatal(err)
	}
	secret := filepath.Join(t.TempDir(), "secret.css")
	os.WriteFile(secret, []byte("/* SECRET-42 */"), 0o644)
	css := filepath.Join(themes, "default", "assets", "style.css")
	os.Remove(css)
	if err := os.Symlink(secret, css); err != nil {
		t.Fatal(err)
	}
	s := New(Options{Content: content, Themes: themes})
	s.rebuild(batch{all: true})
	st := s.state.Load()
	if st.problems == nil || !strings.Contains(string(st.overlay), "thèmes") {
		t.Errorf("themes with a link outside were used")
	}
	if st.good != nil {
		files, _ := st.good.index.get()
		for name, b := range files {
			if strings.Contains(string(b), "SECRET-42") {
				t.Errorf("%s serves the linked file", name)
			}
		}
	}
}
