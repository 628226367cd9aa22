package serve

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/rgpdoc/rgpdoc/build/load"
)

// BenchmarkSaveToReload measures what a user waits for: from the write of a
// content file to the reload event that an open page receives, through the
// watcher's batching, the rebuild and the event stream. The content is the
// complete fixture's organization copied under 1 and 1,000 ids. Two edits:
// a value that only the documents show (the usual case, for which the
// target is a median under 50 ms with 1,000 organizations), and the
// organization's name, which the site index shows too, so that the index is
// rendered again.
//
// Besides ns/op (the mean), it reports the median and the 90th percentile
// of the delays, which say more on a shared machine: run it with -count and
// compare the medians (benchstat).
func BenchmarkSaveToReload(b *testing.B) {
	for _, n := range []int{1, 1000} {
		b.Run(fmt.Sprintf("orgs=%d", n), func(b *testing.B) {
			content := copies(b, n)
			s := New(Options{Content: content})
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				b.Fatal(err)
			}
			ctx, stop := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- s.Run(ctx, ln) }()
			defer func() {
				stop()
				<-done
			}()
			resp, err := http.Get("http://" + ln.Addr().String() + "/_rgpdoc/events")
			if err != nil {
				b.Fatal(err)
			}
			defer resp.Body.Close()
			events := sse(resp.Body)
			reloaded(b, s, events)

			file := filepath.Join(content, "org0000", "organisation.yaml")
			src, err := os.ReadFile(file)
			if err != nil {
				b.Fatal(err)
			}
			for _, edit := range []struct{ name, old, new string }{
				{"edit=document", "capital: 150000", "capital: %d"},
				{"edit=index", "raison_sociale: Exemple Services", "raison_sociale: Exemple %d"},
			} {
				b.Run(edit.name, func(b *testing.B) {
					var delays []time.Duration
					for i := 0; b.Loop(); i++ {
						changed := bytes.Replace(src, []byte(edit.old), fmt.Appendf(nil, edit.new, 200000+i), 1)
						start := time.Now()
						if err := os.WriteFile(file, changed, 0o644); err != nil {
							b.Fatal(err)
						}
						reloaded(b, s, events)
						delays = append(delays, time.Since(start))
					}
					slices.Sort(delays)
					b.ReportMetric(float64(delays[len(delays)/2].Microseconds())/1000, "ms-median")
					b.ReportMetric(float64(delays[len(delays)*9/10].Microseconds())/1000, "ms-p90")
				})
			}
		})
	}
}

// reloaded waits for the reload event of a good build.
func reloaded(b *testing.B, s *Server, events <-chan string) {
	b.Helper()
	for {
		select {
		case id := <-events:
			if st := s.state.Load(); st.id == id && st.good != nil && st.problems == nil {
				return
			}
		case <-time.After(5 * time.Minute):
			b.Fatal("no reload event")
		}
	}
}

// copies returns a content folder holding the complete fixture's
// organization under n ids, org0000 to org<n-1>.
func copies(b *testing.B, n int) string {
	b.Helper()
	fixture := filepath.Join("..", "..", "testdata", "complet", "content")
	content := filepath.Join(b.TempDir(), "content")
	if err := os.CopyFS(filepath.Join(content, load.DefaultsDir), os.DirFS(filepath.Join(fixture, load.DefaultsDir))); err != nil {
		b.Fatal(err)
	}
	for i := range n {
		if err := os.CopyFS(filepath.Join(content, fmt.Sprintf("org%04d", i)), os.DirFS(filepath.Join(fixture, "exemple"))); err != nil {
			b.Fatal(err)
		}
	}
	return content
}
