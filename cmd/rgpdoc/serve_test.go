package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestServeUsage(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	content := filepath.Join("..", "..", "testdata", "complet", "content")
	for _, tc := range []struct {
		name   string
		args   []string
		stderr string
	}{
		{"bad flag", []string{"--port", "8080"}, "option inconnue : -port"},
		{"argument", []string{"content"}, "argument inattendu « content »"},
		{"missing folder", []string{"--content", filepath.Join(t.TempDir(), "absent")}, "illisible"},
		{"address in use", []string{"--content", content, "--addr", busy.Addr().String()}, "écoute impossible sur " + busy.Addr().String()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb strings.Builder
			if code := run(context.Background(), append([]string{"serve"}, tc.args...), &out, &errb); code != exitUsage {
				t.Errorf("exit code %d, want %d", code, exitUsage)
			}
			if !strings.Contains(errb.String(), tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, errb.String())
			}
		})
	}
}

// TestServe runs rgpdoc serve until Ctrl-C, which main turns into the
// cancellation of the context.
func TestServe(t *testing.T) {
	ctx, interrupt := context.WithCancel(context.Background())
	defer interrupt()
	var stderr lockedBuilder
	code := make(chan int, 1)
	go func() {
		code <- run(ctx, []string{"serve", "--content", filepath.Join("..", "..", "testdata", "complet", "content"), "--addr", "127.0.0.1:0"}, io.Discard, &stderr)
	}()
	url := regexp.MustCompile(`^Aperçu sur (http://127\.0\.0\.1:[0-9]+/) — Ctrl-C pour arrêter\n`)
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(stderr.String(), "Site construit en ") {
		if time.Now().After(deadline) {
			t.Fatalf("no build:\n%s", stderr.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	m := url.FindStringSubmatch(stderr.String())
	if m == nil {
		t.Fatalf("no address:\n%s", stderr.String())
	}
	resp, err := http.Get(m[1] + "exemple/politique-de-confidentialite.html")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("status %d", resp.StatusCode)
	}
	interrupt()
	select {
	case c := <-code:
		if c != exitOK || !strings.HasSuffix(stderr.String(), "Aperçu arrêté.\n") {
			t.Errorf("exit code %d; stderr:\n%s", c, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("rgpdoc serve did not stop")
	}
}

func TestLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true,
		"127.0.0.2:8080": true,
		"[::1]:8080":     true,
		"localhost:8080": true,
		":8080":          false,
		"0.0.0.0:8080":   false,
		"[::]:8080":      false,
		"192.168.1.5:80": false,
		"exemple.fr:80":  false,
		"127.0.0.1":      false, // no port: net.Listen refuses it anyway
	} {
		if got := loopback(addr); got != want {
			t.Errorf("loopback(%q) = %v, want %v", addr, got, want)
		}
	}
	for addr, want := range map[string]string{
		"127.0.0.1:8080": "http://127.0.0.1:8080/",
		"[::]:8080":      "http://localhost:8080/",
		"0.0.0.0:8080":   "http://localhost:8080/",
		"[::1]:8080":     "http://[::1]:8080/",
	} {
		a, _ := net.ResolveTCPAddr("tcp", addr)
		if got := siteURL(a); got != want {
			t.Errorf("siteURL(%s) = %s, want %s", addr, got, want)
		}
	}
}

// lockedBuilder is a strings.Builder that the server's goroutines may write to.
type lockedBuilder struct {
	mu sync.Mutex
	b  strings.Builder
}

func (b *lockedBuilder) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *lockedBuilder) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}
